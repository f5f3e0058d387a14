"""A session reviews the commitments earlier sessions made: done, moved to a new date, dropped, or still open.

Each review is one transaction: the commitment's status (and due date, when moved) and the review the session
recorded, which the session's minutes carry. Reviewing the same commitment again in the same session corrects
the review. Refusals are CaptureRefused with one sentence.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from ..domain.identifiers import new_uid
from .captures import CaptureRefused, _due, _open_session
from .journal import record_event
from .room_file import RoomFile, now_iso
from ..domain.records import record


class ReviewOutcome(str, Enum):
    DONE = "done"
    MOVED = "moved"  # still open, due on a new date
    DROPPED = "dropped"
    OPEN = "open"  # still open, due as before


STATUS_AFTER = {ReviewOutcome.DONE: "done", ReviewOutcome.MOVED: "open", ReviewOutcome.DROPPED: "dropped",
                ReviewOutcome.OPEN: "open"}


@record
class CommitmentReview:
    text: str
    owner: str
    priority: str
    outcome: ReviewOutcome
    due_before: str  # YYYY-MM-DD
    due_after: str  # the same unless moved
    made_in: str  # the session that made the commitment
    made_on: str  # that session's date

    @property
    def verdict(self) -> str:
        """The review in words: "done", "moved to 2027-02-11", "dropped" or "still open"."""
        if self.outcome is ReviewOutcome.MOVED:
            return f"moved to {self.due_after}"
        return "still open" if self.outcome is ReviewOutcome.OPEN else self.outcome.value


def _outcome(outcome: ReviewOutcome | str) -> ReviewOutcome:
    try:
        return ReviewOutcome(outcome)
    except ValueError:
        raise CaptureRefused(f"'{outcome}' is not a review of a commitment; use done, moved, dropped or open.") \
            from None


def review_commitment(room: RoomFile, session_id: int, commitment_id: int, outcome: ReviewOutcome | str,
                      moved_to: date | str | None = None, today: date | None = None, uid: str | None = None) -> None:
    """Record this session's review of an earlier commitment; ``moved_to`` is the new due date of a moved one."""
    _open_session(room, session_id)
    outcome = _outcome(outcome)
    row = room.db.execute("SELECT text, session_id, due_on, withdrawn_at FROM commitments WHERE id = ?",
                          (commitment_id,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no commitment {commitment_id} in this room.")
    text, made_in, due_before, withdrawn_at = row
    if withdrawn_at is not None:
        raise CaptureRefused(f"“{text}” was withdrawn, so there is nothing to review.")
    if made_in == session_id:
        raise CaptureRefused(f"“{text}” was made in this session; the next session reviews it.")
    earlier = room.db.execute("SELECT due_before FROM commitment_reviews WHERE commitment_id = ? AND session_id = ?",
                              (commitment_id, session_id)).fetchone()
    if earlier:  # a correction of this session's review starts from the date before the first review
        due_before = earlier[0]
    due_after = due_before
    if outcome is ReviewOutcome.MOVED:
        if moved_to is None or (isinstance(moved_to, str) and not moved_to.strip()):
            raise CaptureRefused("A moved commitment needs the date it is now due.")
        due_after = _due(moved_to, today).isoformat()
        if due_after == due_before:
            raise CaptureRefused(f"“{text}” is already due on {due_before}; choose another date to move it to.")
    elif moved_to is not None:
        raise CaptureRefused(f"Only a moved commitment takes a new due date, not one marked {outcome.value}.")
    with room.transaction() as db:
        db.execute("UPDATE commitments SET status = ?, due_on = ? WHERE id = ?",
                   (STATUS_AFTER[outcome], due_after, commitment_id))
        db.execute(
            "INSERT INTO commitment_reviews (uid, commitment_id, session_id, outcome, due_before, due_after, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (commitment_id, session_id) DO UPDATE SET "
            "outcome = excluded.outcome, due_after = excluded.due_after, at = excluded.at",
            (uid or new_uid(), commitment_id, session_id, outcome.value, due_before, due_after, now_iso()))
    record_event(room, session_id, "commitment_reviewed",
                 {"commitment": commitment_id, "outcome": outcome.value, "due_on": due_after})


def reviews_in_session(room: RoomFile, session_id: int) -> list[CommitmentReview]:
    """The commitments this session reviewed, in the order they were due, each with what the review said."""
    return [CommitmentReview(text, owner, priority, ReviewOutcome(outcome), before, after, made_in, made_on)
            for text, owner, priority, outcome, before, after, made_in, made_on in room.db.execute(
                "SELECT c.text, c.owner, coalesce(p.title, ''), r.outcome, r.due_before, r.due_after, s.title, "
                "s.scheduled_on FROM commitment_reviews r JOIN commitments c ON c.id = r.commitment_id "
                "JOIN sessions s ON s.id = c.session_id LEFT JOIN priorities p ON p.id = c.priority_id "
                "WHERE r.session_id = ? AND c.withdrawn_at IS NULL ORDER BY r.due_before, c.id", (session_id,))]
