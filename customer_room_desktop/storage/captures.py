"""What a live session captures: each decision, commitment, note, attendee and vote is one user
action, saved in its own transaction before the console may show it as saved.

Every refusal is a CaptureRefused with one sentence, and nothing of a refused action is written.
A capture carries a uid made by the caller: retrying after a crash or a timeout never duplicates it.
While its session is live a capture can be edited or withdrawn, each correction one transaction with
its journal event (the end of this module).
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date, datetime, UTC

from ..domain.identifiers import new_uid
from ..domain.meetings import CaptureContext, capture_too_long
from ..domain.refusal import Refusal
from .journal import record_event
from .rows import inserted_id
from .room_file import RoomFile, now_iso
from ..domain.records import record


def _moment() -> str:
    """When a capture was saved, to the microsecond: several captures in one second keep their order
    (Ctrl+Z withdraws the newest), and the minutes read the same ISO time."""
    return datetime.now(UTC).astimezone().isoformat(timespec="microseconds")


class CaptureRefused(Refusal, ValueError):
    """A capture that cannot be saved; the message says why in one sentence."""


def _open_session(room: RoomFile, session_id: int) -> tuple[str, str | None]:
    row = room.db.execute("SELECT title, closed_at FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no session {session_id} in this room.")
    if row[1] is not None:
        raise CaptureRefused(f"The session “{row[0]}” was closed at {row[1]}; nothing more can be added to it.")
    return row


def _text(text: str, what: str) -> str:
    """The text of a decision, commitment or note as saved, new or edited: the one check of its words."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise CaptureRefused(f"A {what} needs some text.")
    if too_long := capture_too_long(cleaned, what):
        raise CaptureRefused(too_long)
    return cleaned


def _owner(owner: str) -> str:
    cleaned = " ".join(owner.split())
    if not cleaned:
        raise CaptureRefused("A commitment needs an owner: who will do it?")
    return cleaned


def _due(due_on: date | str, today: date | None = None) -> date:
    if isinstance(due_on, str):
        try:
            due_on = date.fromisoformat(due_on.strip())
        except ValueError:
            raise CaptureRefused(f"'{due_on}' is not a date; write it as YYYY-MM-DD.") from None
    if due_on < (today or date.today()):
        raise CaptureRefused(f"The due date {due_on.isoformat()} is in the past; choose a date from today on.")
    return due_on


def start_session(room: RoomFile, session_id: int) -> str:
    """Mark the session started now (once); return when it started."""
    _open_session(room, session_id)
    with room.transaction() as db:
        db.execute("UPDATE sessions SET started_at = coalesce(started_at, ?) WHERE id = ?", (now_iso(), session_id))
    return room.db.execute("SELECT started_at FROM sessions WHERE id = ?", (session_id,)).fetchone()[0]


def close_session(room: RoomFile, session_id: int) -> str:
    row = room.db.execute("SELECT title, closed_at FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no session {session_id} in this room.")
    if row[1] is not None:
        raise CaptureRefused(f"The session “{row[0]}” is already closed (at {row[1]}).")
    closed_at = now_iso()
    with room.transaction() as db:
        db.execute("UPDATE sessions SET closed_at = ?, started_at = coalesce(started_at, ?) WHERE id = ?",
                   (closed_at, closed_at, session_id))
    return closed_at


def _insert_once(room: RoomFile, table: str, uid: str, columns: dict) -> int:
    """Insert unless this uid is already saved (a retry); return the row id either way."""
    with room.transaction() as db:
        found = db.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
        if found:
            return found[0]
        names = ", ".join(["uid", *columns])
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        return inserted_id(db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", (uid, *columns.values())))


def capture_decision(room: RoomFile, session_id: int, text: str, context: CaptureContext | None = None,
                     uid: str | None = None) -> int:
    _open_session(room, session_id)
    return _insert_once(room, "decisions", uid or new_uid(), {
        "session_id": session_id, "at": _moment(), "text": _text(text, "decision"),
        "context": json.dumps(asdict(context or CaptureContext()))})


def capture_note(room: RoomFile, session_id: int, text: str, context: CaptureContext | None = None,
                 uid: str | None = None) -> int:
    _open_session(room, session_id)
    return _insert_once(room, "notes", uid or new_uid(), {
        "session_id": session_id, "at": _moment(), "text": _text(text, "note"),
        "context": json.dumps(asdict(context or CaptureContext()))})


def capture_commitment(room: RoomFile, session_id: int, text: str, owner: str, due_on: date,
                       priority_key: str | None = None, context: CaptureContext | None = None,
                       uid: str | None = None, today: date | None = None) -> int:
    _open_session(room, session_id)
    owner = _owner(owner)
    _due(due_on, today)
    priority_id = None
    if priority_key:
        row = room.db.execute("SELECT id FROM priorities WHERE key = ?", (priority_key,)).fetchone()
        if row is None:
            raise CaptureRefused(f"There is no priority '{priority_key}' in this room.")
        priority_id = row[0]
    return _insert_once(room, "commitments", uid or new_uid(), {
        "session_id": session_id, "priority_id": priority_id, "at": _moment(), "text": _text(text, "commitment"),
        "owner": owner, "due_on": due_on.isoformat(), "status": "open",
        "context": json.dumps(asdict(context or CaptureContext()))})


def add_attendee(room: RoomFile, session_id: int, name: str, role: str = "", silo_key: str | None = None) -> int:
    _open_session(room, session_id)
    name = " ".join(name.split())
    if not name:
        raise CaptureRefused("An attendee needs a name.")
    if room.db.execute("SELECT 1 FROM attendees WHERE session_id = ? AND lower(name) = lower(?)",
                       (session_id, name)).fetchone():
        raise CaptureRefused(f"{name} is already on the list of attendees.")
    silo_id = None
    if silo_key:
        row = room.db.execute("SELECT id FROM silos WHERE key = ?", (silo_key,)).fetchone()
        if row is None:
            raise CaptureRefused(f"There is no silo '{silo_key}' in this room.")
        silo_id = row[0]
    with room.transaction() as db:
        return inserted_id(db.execute("INSERT INTO attendees (session_id, name, role, silo_id) VALUES (?, ?, ?, ?)",
                                      (session_id, name, role.strip(), silo_id)))


def cast_votes(room: RoomFile, session_id: int, voter: str, dots: dict[str, int],
               dots_per_leader: int | None = None) -> None:
    """One leader's dots, all at once: replaces what that leader gave before in this session.

    Without ``dots_per_leader`` the session's own setting applies.
    """
    _open_session(room, session_id)
    if dots_per_leader is None:
        dots_per_leader = room.db.execute("SELECT dots_per_leader FROM sessions WHERE id = ?",
                                          (session_id,)).fetchone()[0]
    if not room.db.execute("SELECT 1 FROM attendees WHERE session_id = ? AND name = ?", (session_id, voter)).fetchone():
        raise CaptureRefused(f"{voter} is not an attendee of this session, so cannot vote.")
    if any(count < 0 for count in dots.values()):
        raise CaptureRefused("Dots cannot be negative.")
    if sum(dots.values()) > dots_per_leader:
        raise CaptureRefused(f"{voter} gave {sum(dots.values())} dots; each leader has {dots_per_leader}.")
    ids = {}
    for key in dots:
        row = room.db.execute("SELECT id FROM priorities WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise CaptureRefused(f"There is no priority '{key}' in this room.")
        ids[key] = row[0]
    with room.transaction() as db:
        db.execute("DELETE FROM votes WHERE session_id = ? AND voter = ?", (session_id, voter))
        db.conn.executemany("INSERT INTO votes (session_id, priority_id, voter, dots) VALUES (?, ?, ?, ?)",
                            [(session_id, ids[key], voter, count) for key, count in dots.items() if count])


# -- corrections: a capture can be edited or withdrawn while its session is live ----------------------
# A withdrawn capture stays in the file (withdrawn_at says when) but leaves the minutes; an edit changes the
# text in place and the journal keeps what it said before ("capture_edited", "capture_withdrawn").

KIND_TABLES = {"decision": "decisions", "commitment": "commitments", "note": "notes"}

_ALL_CAPTURES = """
    SELECT 'decision' AS kind, uid, session_id, text, '' AS owner, '' AS due, at, context, withdrawn_at, id
        FROM decisions
    UNION ALL SELECT 'commitment', uid, session_id, text, owner, due_on, at, context, withdrawn_at, id FROM commitments
    UNION ALL SELECT 'note', uid, session_id, text, '', '', at, context, withdrawn_at, id FROM notes"""
_COLUMNS = "kind, uid, session_id, text, owner, due, at, context, withdrawn_at"


@record
class CaptureRow:
    """One decision, commitment or note as saved; ``owner`` and ``due`` are "" unless it is a commitment."""

    kind: str  # "decision", "commitment" or "note"
    uid: str
    session_id: int
    text: str
    owner: str
    due: str  # YYYY-MM-DD
    at: str
    context: str  # the CaptureContext as JSON: what the walls showed
    withdrawn_at: str | None = None
    edited: bool = False

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@record
class CaptureEdit:
    at: str
    before: str
    after: str


def _edited_uids(room: RoomFile, session_id: int) -> set[str]:
    return {json.loads(detail).get("uid") for (detail,) in room.db.execute(
        "SELECT detail FROM journal_events WHERE session_id = ? AND kind = 'capture_edited'", (session_id,))}


def _capture_row(values: tuple, edited: set[str]) -> CaptureRow:
    named = dict(zip(_COLUMNS.split(", "), values, strict=True))
    return CaptureRow(**named, edited=named["uid"] in edited)


def _row(room: RoomFile, values: tuple) -> CaptureRow:
    return _capture_row(values, _edited_uids(room, values[2]))


def _find(room: RoomFile, uid: str) -> CaptureRow:
    values = room.db.execute(f"SELECT {_COLUMNS} FROM ({_ALL_CAPTURES}) WHERE uid = ?", (uid,)).fetchone()
    if values is None:
        raise CaptureRefused(f"There is no capture '{uid}' in this room.")
    return _row(room, values)


def _correctable(room: RoomFile, uid: str) -> CaptureRow:
    """The capture, if it can still be corrected: its session is live and it was not withdrawn."""
    found = _find(room, uid)
    title, closed_at = room.db.execute("SELECT title, closed_at FROM sessions WHERE id = ?",
                                       (found.session_id,)).fetchone()
    if closed_at is not None:
        raise CaptureRefused(
            f"The session “{title}” was closed at {closed_at}; its captures can no longer be changed.")
    if found.withdrawn:
        raise CaptureRefused(f"This {found.kind} was already withdrawn at {found.withdrawn_at}.")
    return found


def withdraw_capture(room: RoomFile, uid: str) -> CaptureRow:
    """Withdraw a capture: it stays in the file but leaves the minutes. Returns it as withdrawn."""
    with room.transaction() as db:
        found = _correctable(room, uid)
        at = now_iso()
        db.execute(f"UPDATE {KIND_TABLES[found.kind]} SET withdrawn_at = ? WHERE uid = ?", (at, uid))
        record_event(room, found.session_id, "capture_withdrawn",
                     {"uid": uid, "kind": found.kind, "text": found.text}, uid=f"withdrawn:{uid}")
    return replace(found, withdrawn_at=at)


def edit_capture(room: RoomFile, uid: str, text: str, owner: str | None = None, due: date | str | None = None,
                 today: date | None = None) -> CaptureRow:
    """Correct a capture's text (and a commitment's owner or due date); returns it as saved now.

    An edit that changes nothing writes nothing. The journal keeps the text before the edit.
    """
    with room.transaction() as db:
        found = _correctable(room, uid)
        new_text = _text(text, found.kind)
        if found.kind != "commitment" and (owner is not None or due is not None):
            raise CaptureRefused(f"A {found.kind} has no owner or due date; only a commitment has.")
        new_owner = found.owner if owner is None else _owner(owner)
        new_due = found.due if due is None else _due(due, today).isoformat()
        if (new_text, new_owner, new_due) == (found.text, found.owner, found.due):
            return found
        if found.kind == "commitment":
            db.execute("UPDATE commitments SET text = ?, owner = ?, due_on = ? WHERE uid = ?",
                       (new_text, new_owner, new_due, uid))
        else:
            db.execute(f"UPDATE {KIND_TABLES[found.kind]} SET text = ? WHERE uid = ?", (new_text, uid))
        detail = {"uid": uid, "kind": found.kind, "text": found.text, "new_text": new_text}
        if found.kind == "commitment":
            detail.update(owner=found.owner, due=found.due, new_owner=new_owner, new_due=new_due)
        record_event(room, found.session_id, "capture_edited", detail)
    return replace(found, text=new_text, owner=new_owner, due=new_due, edited=True)


def list_captures(room: RoomFile, session_id: int, include_withdrawn: bool = False) -> list[CaptureRow]:
    """The session's captures, oldest first (captures saved in the same second: by kind, then as saved)."""
    edited = _edited_uids(room, session_id)
    rows = room.db.execute(
        f"SELECT {_COLUMNS} FROM ({_ALL_CAPTURES}) WHERE session_id = ? AND (? OR withdrawn_at IS NULL) "
        "ORDER BY at, kind, id", (session_id, include_withdrawn)).fetchall()
    return [_capture_row(values, edited) for values in rows]


def last_capture(room: RoomFile, session_id: int) -> CaptureRow | None:
    """The newest capture of the session that is not withdrawn (what Ctrl+Z withdraws), or None."""
    values = room.db.execute(
        f"SELECT {_COLUMNS} FROM ({_ALL_CAPTURES}) WHERE session_id = ? AND withdrawn_at IS NULL "
        "ORDER BY at DESC, kind DESC, id DESC LIMIT 1", (session_id,)).fetchone()
    return _row(room, values) if values else None


def capture_edits(room: RoomFile, uid: str) -> list[CaptureEdit]:
    """Each edit of a capture, oldest first: when, and the text before and after."""
    found = _find(room, uid)
    edits = []
    for at, detail in room.db.execute("SELECT at, detail FROM journal_events WHERE session_id = ? "
                                      "AND kind = 'capture_edited' ORDER BY id", (found.session_id,)):
        info = json.loads(detail)
        if info.get("uid") == uid:
            edits.append(CaptureEdit(at, info.get("text", ""), info.get("new_text", "")))
    return edits
