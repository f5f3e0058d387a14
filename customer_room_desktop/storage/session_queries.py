"""Read sessions for the live room: which session is next, and its agenda."""

from __future__ import annotations

from .sql import Sql



def session_for_the_room(db: Sql) -> tuple[int, str, str] | None:
    """(id, title, scheduled_on) of the first session not yet closed, else of the latest one."""
    row = db.execute(
        "SELECT id, title, scheduled_on FROM sessions WHERE closed_at IS NULL ORDER BY scheduled_on LIMIT 1"
    ).fetchone()
    return row or db.execute(
        "SELECT id, title, scheduled_on FROM sessions ORDER BY scheduled_on DESC LIMIT 1").fetchone()


def agenda_of(db: Sql, session_id: int) -> list[tuple[int, str, int]]:
    """(conversation, title, planned minutes) in agenda order."""
    return db.execute(
        "SELECT conversation, title, planned_minutes FROM agenda_items WHERE session_id = ? ORDER BY position",
        (session_id,),
    ).fetchall()
