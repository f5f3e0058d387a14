"""What a live session captures: each decision, commitment, note, attendee and vote is one user
action, saved in its own transaction before the console may show it as saved.

Every refusal is a CaptureRefused with one sentence, and nothing of a refused action is written.
A capture carries a uid made by the caller: retrying after a crash or a timeout never duplicates it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict
from datetime import date

from ..domain.meetings import CaptureContext
from .room_file import RoomFile, now_iso


class CaptureRefused(ValueError):
    """A capture that cannot be saved; the message says why in one sentence."""


def _open_session(room: RoomFile, session_id: int) -> tuple[str, str | None]:
    row = room.db.execute("SELECT title, closed_at FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no session {session_id} in this room.")
    if row[1] is not None:
        raise CaptureRefused(f"The session “{row[0]}” was closed at {row[1]}; nothing more can be added to it.")
    return row


def _text(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise CaptureRefused(f"A {what} needs some text.")
    return cleaned


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
        return db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", (uid, *columns.values())).lastrowid


def capture_decision(room: RoomFile, session_id: int, text: str, context: CaptureContext | None = None,
                     uid: str | None = None) -> int:
    _open_session(room, session_id)
    return _insert_once(room, "decisions", uid or str(uuid.uuid4()), {
        "session_id": session_id, "at": now_iso(), "text": _text(text, "decision"),
        "context": json.dumps(asdict(context or CaptureContext()))})


def capture_note(room: RoomFile, session_id: int, text: str, context: CaptureContext | None = None,
                 uid: str | None = None) -> int:
    _open_session(room, session_id)
    return _insert_once(room, "notes", uid or str(uuid.uuid4()), {
        "session_id": session_id, "at": now_iso(), "text": _text(text, "note"),
        "context": json.dumps(asdict(context or CaptureContext()))})


def capture_commitment(room: RoomFile, session_id: int, text: str, owner: str, due_on: date,
                       priority_key: str | None = None, context: CaptureContext | None = None,
                       uid: str | None = None, today: date | None = None) -> int:
    _open_session(room, session_id)
    owner = " ".join(owner.split())
    if not owner:
        raise CaptureRefused("A commitment needs an owner: who will do it?")
    if due_on < (today or date.today()):
        raise CaptureRefused(f"The due date {due_on.isoformat()} is in the past; choose a date from today on.")
    priority_id = None
    if priority_key:
        row = room.db.execute("SELECT id FROM priorities WHERE key = ?", (priority_key,)).fetchone()
        if row is None:
            raise CaptureRefused(f"There is no priority '{priority_key}' in this room.")
        priority_id = row[0]
    return _insert_once(room, "commitments", uid or str(uuid.uuid4()), {
        "session_id": session_id, "priority_id": priority_id, "at": now_iso(), "text": _text(text, "commitment"),
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
        return db.execute("INSERT INTO attendees (session_id, name, role, silo_id) VALUES (?, ?, ?, ?)",
                          (session_id, name, role.strip(), silo_id)).lastrowid


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
