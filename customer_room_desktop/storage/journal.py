"""The session journal: what happened in the room, in order, each entry its own transaction."""

from __future__ import annotations

import json

from ..domain.identifiers import new_uid
from .room_file import RoomFile, now_iso


def record_event(room: RoomFile, session_id: int, kind: str, detail: dict | str, uid: str | None = None) -> str:
    """Write one journal event now; ``uid`` makes a retry harmless (it is ignored if already there)."""
    uid = uid or new_uid()
    text = detail if isinstance(detail, str) else json.dumps(detail, sort_keys=True)
    with room.transaction() as db:
        db.execute("INSERT OR IGNORE INTO journal_events (uid, session_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)",
                   (uid, session_id, now_iso(), kind, text))
    return uid


def events_of(room: RoomFile, session_id: int, kind: str | None = None) -> list[tuple[str, str, str]]:
    """(at, kind, detail) in the order they happened."""
    return room.db.execute(
        "SELECT at, kind, detail FROM journal_events WHERE session_id = ? AND (? IS NULL OR kind = ?) ORDER BY id",
        (session_id, kind, kind)).fetchall()
