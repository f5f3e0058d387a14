"""The room editor's edits, applied to the room file with their history, in one transaction each.

Doing an edit forgets the edits that were undone (as every editor's redo does); undo applies the newest
edit's inverse, redo the oldest undone edit again. The history lives in ``edit_history``, so undo works
after the room is closed and opened again. A room file can come from anywhere, so a change read back
from its history is checked against the room's own tables and columns before it becomes SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..domain.room_edits import (
    IMPORT_TABLES, KEYED_TABLES, DeleteRow, EditRefused, ImportedFile, InsertRow, MoveStages, RoomEdit, SetField,
    SetMomentSilos, SetTranscript, check_field, row_filter,
)
from .complaint_months import refresh_complaint_months
from .media_store import add_media_file
from .room_file import RoomFile, now_iso
from .sql import Sql
from ..domain.records import record

# What each way SQLite refuses a change means for whoever made it.
_INTEGRITY = "That change would leave the room inconsistent (a row still uses it), so it was not made."


@record
class HistoryEntry:
    id: int
    label: str
    undone: bool


# Imports an import change again from its kept file (services.import_edits; storage cannot read spreadsheets).
Replay = Callable[[ImportedFile], None]


def do_edit(room: RoomFile, edit: RoomEdit, media: tuple[Path, ...] = ()) -> None:
    """Apply ``edit`` and keep it in the history (undone edits can no longer be redone); ``media``: files the
    edit's rows use, stored first in the same transaction."""
    with room.transaction() as db:
        for path in media:
            add_media_file(db, path)
        _apply(db, edit)
        record_edit(db, edit)


def record_edit(db: Sql, edit: RoomEdit) -> None:
    """Keep an edit already made in this transaction (an import) in the history."""
    db.execute("DELETE FROM edit_history WHERE undone = 1")
    db.execute("INSERT INTO edit_history (label, changes, undone, at) VALUES (?, ?, 0, ?)",
               (edit.label, edit.to_json(), now_iso()))


def undo_edit(room: RoomFile, replay: Replay | None = None) -> RoomEdit | None:
    """Undo the newest edit not undone; None when there is nothing to undo."""
    return _step(room, undo=True, replay=replay)


def redo_edit(room: RoomFile, replay: Replay | None = None) -> RoomEdit | None:
    """Do again the oldest undone edit; None when there is nothing to redo."""
    return _step(room, undo=False, replay=replay)


def _step(room: RoomFile, undo: bool, replay: Replay | None) -> RoomEdit | None:
    row = room.db.execute(f"SELECT id, label, changes FROM edit_history WHERE undone = {int(not undo)} "
                          f"ORDER BY id {'DESC' if undo else ''} LIMIT 1").fetchone()
    if row is None:
        return None
    edit = RoomEdit.from_json(row[1], row[2])
    with room.transaction() as db:
        _apply(db, edit.inverse() if undo else edit, replay)
        db.execute("UPDATE edit_history SET undone = ? WHERE id = ?", (int(undo), row[0]))
    return edit


def edit_history(room: RoomFile) -> list[HistoryEntry]:
    return [HistoryEntry(row_id, label, bool(undone)) for row_id, label, undone in
            room.db.execute("SELECT id, label, undone FROM edit_history ORDER BY id")]


def _apply(db: Sql, edit: RoomEdit, replay: Replay | None = None) -> None:
    try:
        for change in edit.changes:
            if isinstance(change, ImportedFile):
                _import(db, change, replay)
            elif isinstance(change, SetField):
                _set(db, change)
            elif isinstance(change, MoveStages):
                _move(db, change)
            elif isinstance(change, InsertRow):
                _insert(db, change)
            elif isinstance(change, SetTranscript):
                _set_transcript(db, change)
            elif isinstance(change, SetMomentSilos):
                _set_moment_silos(db, change)
            else:
                _delete(db, change)
    except sqlite3.IntegrityError:
        raise EditRefused(_INTEGRITY) from None


def _columns(db: Sql, table: str) -> set[str]:
    if table not in KEYED_TABLES and table != "room":
        raise EditRefused(f"The room's edit history names '{table}', which the editor does not change.")
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _set(db: Sql, change: SetField) -> None:
    if change.column not in _columns(db, change.table) - {"id"}:
        raise EditRefused(f"The room's edit history names a field '{change.column}' that {change.table} do not "
                          "have.")
    check_field(change.table, change.column, change.after)
    where = row_filter(change.table)
    row = db.execute(f"SELECT {change.column} FROM {change.table} WHERE {where}", (change.key,)).fetchone()
    if row is None:
        raise EditRefused(f"There is no longer a row '{change.key}' in {change.table}, so this cannot be changed.")
    if row[0] != change.before:
        raise EditRefused(f"'{change.key}' was changed outside the editor since, so this edit cannot be undone.")
    db.execute(f"UPDATE {change.table} SET {change.column} = ? WHERE {where}", (change.after, change.key))


def _move(db: Sql, change: MoveStages) -> None:
    now = tuple(key for (key,) in db.execute("SELECT key FROM stages ORDER BY position"))
    if now != change.before or sorted(change.before) != sorted(change.after):
        raise EditRefused("The stages were changed outside the editor since, so their order cannot be changed back.")
    db.execute("UPDATE stages SET position = -position")  # positions are unique: clear them first
    for position, key in enumerate(change.after, start=1):
        db.execute("UPDATE stages SET position = ? WHERE key = ?", (position, key))


def _insert(db: Sql, change: InsertRow) -> None:
    columns = sorted(change.values)  # an id (a row removed, put back) is kept: other edits may name the row by it
    if not columns or not set(columns) <= _columns(db, change.table):
        raise EditRefused(f"The room's edit history holds a row for {change.table} with fields it does not have.")
    check_field(change.table, "key", change.values.get("key"))
    if db.execute(f"SELECT 1 FROM {change.table} WHERE key = ?", (change.values["key"],)).fetchone():
        raise EditRefused(f"There is already a row '{change.values['key']}' in {change.table}.")
    db.execute(f"INSERT INTO {change.table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
               [change.values[column] for column in columns])


def _delete(db: Sql, change: DeleteRow) -> None:
    _columns(db, change.table)
    key = change.values.get("key")
    row = db.execute(f"SELECT * FROM {change.table} WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise EditRefused(f"There is no longer a row '{key}' in {change.table}, so it cannot be removed.")
    db.execute(f"DELETE FROM {change.table} WHERE key = ?", (key,))


def transcript_lines(db: Sql, call_id: int) -> list[list]:
    """A call's transcript as an edit keeps it: [start_ms, end_ms, speaker, text] a line, in order."""
    return [list(row) for row in db.execute("SELECT start_ms, end_ms, speaker, text FROM transcript_segments "
                                            "WHERE call_id = ? ORDER BY start_ms, id", (call_id,))]


def _set_transcript(db: Sql, change: SetTranscript) -> None:
    row = db.execute("SELECT id FROM calls WHERE key = ?", (change.call,)).fetchone()
    if row is None:
        raise EditRefused(f"There is no longer a call '{change.call}', so its transcript cannot be changed.")
    if transcript_lines(db, row[0]) != [list(line) for line in change.before]:
        raise EditRefused(f"The transcript of '{change.call}' was changed outside the editor since, so this edit "
                          "cannot be undone.")
    lines = []
    for line in change.after:
        if not (isinstance(line, list | tuple) and len(line) == 4 and all(isinstance(n, int) for n in line[:2])
                and all(isinstance(t, str) for t in line[2:])):
            raise EditRefused("The room's edit history holds a transcript line this room cannot read.")
        lines.append((row[0], *line))
    db.execute("DELETE FROM transcript_segments WHERE call_id = ?", (row[0],))
    for line in lines:
        db.execute("INSERT INTO transcript_segments (call_id, start_ms, end_ms, speaker, text) VALUES (?, ?, ?, ?, ?)",
                   line)


def moment_silo_keys(db: Sql, moment_id: int) -> tuple[str, ...]:
    """The keys of the silos a moment concerns, in the order they were given."""
    return tuple(key for (key,) in db.execute("SELECT s.key FROM moment_silos ms JOIN silos s ON s.id = ms.silo_id "
                                              "WHERE ms.moment_id = ? ORDER BY ms.rowid", (moment_id,)))


def _set_moment_silos(db: Sql, change: SetMomentSilos) -> None:
    row = db.execute("SELECT id FROM moments WHERE key = ?", (change.moment,)).fetchone()
    if row is None:
        raise EditRefused(f"There is no longer a moment of truth '{change.moment}', so its silos cannot be changed.")
    if moment_silo_keys(db, row[0]) != tuple(change.before):
        raise EditRefused(f"The silos of '{change.moment}' were changed outside the editor since, so this edit "
                          "cannot be undone.")
    silo_ids = []
    for key in change.after:
        silo = db.execute("SELECT id FROM silos WHERE key = ?", (key,)).fetchone()
        if silo is None:
            raise EditRefused(f"There is no longer a silo '{key}', so it cannot be chosen again.")
        silo_ids.append(silo[0])
    db.execute("DELETE FROM moment_silos WHERE moment_id = ?", (row[0],))
    for silo_id in silo_ids:
        db.execute("INSERT INTO moment_silos (moment_id, silo_id) VALUES (?, ?)", (row[0], silo_id))


def _import(db: Sql, change: ImportedFile, replay: Replay | None) -> None:
    if change.kind not in IMPORT_TABLES:
        raise EditRefused(f"The room's edit history names an import of '{change.kind}', which this room does not "
                          "import.")
    table, adds_only = IMPORT_TABLES[change.kind]
    if not change.undone:
        if replay is None:
            raise EditRefused("This import can be redone only from the editor.")
        replay(change)
    elif adds_only:
        db.execute(f"DELETE FROM {table} WHERE id > ?", (int(change.after_id),))
    else:
        _put_back(db, table, change.before)
    if table == "complaints":
        refresh_complaint_months(db)


def table_rows(db: Sql, table: str) -> list[list]:
    """Every row of a small table, columns in order (what undo of an import that replaces rows puts back)."""
    return [list(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]


def _put_back(db: Sql, table: str, rows: list) -> None:
    """The table as it was: rows changed are changed back, rows added removed (rows that others point at,
    such as an asset period's lost reasons, are updated in place, never deleted and made again)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    key = ["kpi_id", "period"] if table == "kpi_readings" else ["id"]
    where = " AND ".join(f"{name} = ?" for name in key)
    kept = {tuple(row[columns.index(name)] for name in key) for row in rows}
    for existing in db.execute(f"SELECT {', '.join(key)} FROM {table}").fetchall():
        if tuple(existing) not in kept:
            db.execute(f"DELETE FROM {table} WHERE {where}", existing)
    for row in rows:
        values = dict(zip(columns, row))
        db.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
                   f"ON CONFLICT DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns if c not in key)}",
                   [values[c] for c in columns])
