"""A leader's dots saved once, however they came: typed on the console or sent from a phone.

``record_vote`` is the one way a vote is written during a session: the dots replace what that leader
gave before (``captures.cast_votes``, with its checks) and the journal's "vote_cast" event is written in
the same transaction. A phone sends a uid with each ballot; the uid is the journal event's, so a ballot
sent again (a retry after a timeout, a phone that woke up) is found and not applied twice, even across
a restart of the room. The minutes read the same rows and events whichever way the dots came.
"""

from __future__ import annotations

from .captures import cast_votes
from .journal import record_event
from .room_file import RoomFile

UID_PREFIX = "vote:"  # journal uids of ballots, apart from every other event's


def record_vote(room: RoomFile, session_id: int, voter: str, dots: dict[str, int], uid: str | None = None,
                journal: bool = True) -> bool:
    """Save ``voter``'s dots; False when the ballot ``uid`` was saved before (nothing is written again).

    ``journal``: also write the "vote_cast" event (the console does while its session is live; a ballot
    with a uid always does, because the event is what makes a retry harmless).
    """
    event_uid = f"{UID_PREFIX}{uid}" if uid else None
    with room.transaction() as db:
        if event_uid and db.execute("SELECT 1 FROM journal_events WHERE uid = ?", (event_uid,)).fetchone():
            return False
        cast_votes(room, session_id, voter, dots)
        if journal or event_uid:
            record_event(room, session_id, "vote_cast", f"{voter}: {sum(dots.values())} dots", uid=event_uid)
    return True


def ballot_saved(room: RoomFile, uid: str) -> bool:
    """Whether the ballot ``uid`` is already in the room file."""
    return room.db.execute("SELECT 1 FROM journal_events WHERE uid = ?", (f"{UID_PREFIX}{uid}",)).fetchone() is not None


def ballot_candidates(room: RoomFile) -> list[tuple[str, str, str]]:
    """(key, title, stage name) of what leaders vote on: the candidate and selected priorities, in journey order
    (the same priorities the console's vote lists)."""
    return room.db.execute(
        "SELECT p.key, p.title, s.name FROM priorities p JOIN stages s ON s.id = p.stage_id "
        "WHERE p.status IN ('candidate', 'selected') ORDER BY s.position, p.id").fetchall()


def voters_of(room: RoomFile, session_id: int) -> set[str]:
    """Who has dots in this session."""
    return {name for (name,) in room.db.execute("SELECT DISTINCT voter FROM votes WHERE session_id = ?",
                                                (session_id,))}


def dots_of(room: RoomFile, session_id: int, voter: str) -> dict[str, int]:
    """One leader's dots in this session, by priority key."""
    return dict(room.db.execute("SELECT p.key, v.dots FROM votes v JOIN priorities p ON p.id = v.priority_id "
                                "WHERE v.session_id = ? AND v.voter = ?", (session_id, voter)).fetchall())
