"""What a room holds, table by table, as rows that can be compared between two room files.

Row ids are numbering, not content: two rooms built in a different order hold the same content with other
ids. So each row's own ``id`` is left out, and every foreign key is replaced by what it points at: the
referenced row's ``key`` or ``uid`` when it has one, else that row's content, found the same way. Rows are
then sorted, so the order rows were inserted in does not matter either.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Columns that say when or from where a file was made, not what the room holds.
NOT_CONTENT = {("room", "created_at"), ("room", "built_from"), ("media", "added_at"), ("media", "original_name"),
               ("kiosk", "updated_at")}
# Recomputed from other tables, the media's bytes in pieces, and the editor's undo history (not part of a room
# source: a room built again starts a fresh history).
DERIVED = {"complaint_months", "media_chunks", "edit_history"}


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


class _Content:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.columns = {t: [row[1] for row in conn.execute(f"PRAGMA table_info('{t}')")] for t in _tables(conn)}
        self.foreign = {t: {row[3]: row[2] for row in conn.execute(f"PRAGMA foreign_key_list('{t}')")}
                        for t in self.columns}
        self._identities: dict[tuple[str, object], object] = {}

    def identity(self, table: str, row_id: object) -> object:
        """What row ``row_id`` of ``table`` is, without its number."""
        if row_id is None:
            return None
        found = self._identities.get((table, row_id))
        if found is not None:
            return found
        columns = self.columns[table]
        target = "sha256" if table == "media" else "id"
        row = self.conn.execute(f"SELECT * FROM '{table}' WHERE {target} = ?", (row_id,)).fetchone()
        if row is None:
            return ("missing", table, row_id)
        values = dict(zip(columns, row))
        if "key" in values:
            found = (table, values["key"])
        elif "uid" in values:
            found = (table, values["uid"])
        else:
            found = (table, self.row(table, row))
        self._identities[(table, row_id)] = found
        return found

    def row(self, table: str, row: tuple) -> tuple:
        shown = []
        for column, value in zip(self.columns[table], row):
            if column == "id" or (table, column) in NOT_CONTENT:
                continue
            referenced = self.foreign[table].get(column)
            shown.append((column, self.identity(referenced, value) if referenced and referenced != "media" else value))
        return tuple(shown)

    def table(self, table: str) -> list[tuple]:
        return sorted((self.row(table, row) for row in self.conn.execute(f"SELECT * FROM '{table}'")), key=repr)


def room_content(path: Path) -> dict[str, list[tuple]]:
    """Every table but the derived ones, as sorted rows without ids (see the module's docstring)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        content = _Content(conn)
        return {table: content.table(table) for table in content.columns if table not in DERIVED}
    finally:
        conn.close()


def differences(first: Path, second: Path, shown: int = 3) -> list[str]:
    """One line per table whose rows differ, with a few of the rows only one side has."""
    a, b = room_content(first), room_content(second)
    lines = []
    for table in sorted(set(a) | set(b)):
        left, right = a.get(table, []), b.get(table, [])
        if left != right:
            only_left = [row for row in left if row not in right][:shown]
            only_right = [row for row in right if row not in left][:shown]
            lines.append(f"{table}: {len(left)} rows against {len(right)}; only in the first {only_left}; "
                         f"only in the second {only_right}")
    return lines
