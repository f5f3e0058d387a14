"""Bookmarks in recorded calls: a labelled moment from an in point to an out point."""

from __future__ import annotations


from ..domain.refusal import Refusal
from .room_file import RoomFile, now_iso
from .rows import inserted_id
from ..domain.records import record


@record
class Bookmark:
    id: int
    call_key: str
    label: str
    in_ms: int
    out_ms: int


class BookmarkRefused(Refusal, ValueError):
    """A bookmark that cannot be saved; the message says why in one sentence."""


def list_bookmarks(room: RoomFile, call_key: str) -> list[Bookmark]:
    rows = room.db.execute(
        "SELECT b.id, c.key, b.label, b.in_ms, b.out_ms FROM call_bookmarks b JOIN calls c ON c.id = b.call_id "
        "WHERE c.key = ? ORDER BY b.in_ms", (call_key,)).fetchall()
    return [Bookmark(*row) for row in rows]


def add_bookmark(room: RoomFile, call_key: str, label: str, in_ms: int, out_ms: int) -> Bookmark:
    """Save a bookmark in its own transaction; refuse an empty label or an out point not after the in point."""
    if not label.strip():
        raise BookmarkRefused("A bookmark needs a label, such as what the customer says there.")
    if out_ms <= in_ms:
        raise BookmarkRefused("The out point must come after the in point.")
    row = room.db.execute("SELECT id, duration_ms FROM calls WHERE key = ?", (call_key,)).fetchone()
    if row is None:
        raise BookmarkRefused(f"This room has no call '{call_key}'.")
    call_id, duration = row
    if duration and in_ms >= duration:
        raise BookmarkRefused("The in point is after the end of the recording.")
    out_ms = min(out_ms, duration) if duration else out_ms
    with room.transaction() as db:
        bookmark_id = inserted_id(db.execute(
            "INSERT INTO call_bookmarks (call_id, label, in_ms, out_ms, created_at) VALUES (?, ?, ?, ?, ?)",
            (call_id, label.strip(), max(0, in_ms), out_ms, now_iso())))
    return Bookmark(bookmark_id, call_key, label.strip(), max(0, in_ms), out_ms)


def delete_bookmark(room: RoomFile, bookmark_id: int) -> None:
    with room.transaction() as db:
        db.execute("DELETE FROM call_bookmarks WHERE id = ?", (bookmark_id,))
