"""A session reviews earlier commitments (done, moved, dropped, still open), and the review is kept for its minutes."""

from datetime import date

import pytest

from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.storage.captures import (
    CaptureRefused, capture_commitment, close_session, start_session, withdraw_capture,
)
from customer_room_desktop.storage.commitment_reviews import ReviewOutcome, review_commitment, reviews_in_session
from customer_room_desktop.storage.journal import events_of
from customer_room_desktop.storage.session_plans import carried_commitments, plan_session

TODAY = date(2027, 1, 14)


@pytest.fixture
def quarterly(room):
    return plan_session(room, "Q1 2027 quarterly room", "quarterly", TODAY,
                        [Attendee("Ruth Adeyemi"), Attendee("Hamish Rennie")])


def _carried(room, session):
    return {c.text: c for c in carried_commitments(room, session)}


def test_each_review_is_kept_with_the_session_that_made_it(room, quarterly):
    carried = carried_commitments(room, quarterly)
    done, moved, dropped, still = carried[:4]
    review_commitment(room, quarterly, done.id, "done")  # reviewed while the session is only planned
    start_session(room, quarterly)
    review_commitment(room, quarterly, moved.id, ReviewOutcome.MOVED, "2027-02-11", today=TODAY)
    review_commitment(room, quarterly, dropped.id, "dropped")
    review_commitment(room, quarterly, still.id, "open")
    reviews = {r.text: r for r in reviews_in_session(room, quarterly)}
    assert {text: r.verdict for text, r in reviews.items()} == {
        done.text: "done", moved.text: "moved to 2027-02-11", dropped.text: "dropped", still.text: "still open"}
    assert (reviews[moved.text].due_before, reviews[moved.text].due_after) == (moved.due_on, "2027-02-11")
    assert reviews[done.text].made_in == done.from_session and reviews[done.text].owner == done.owner
    left = _carried(room, quarterly)  # what the next review will show: the moved one on its new date
    assert done.text not in left and dropped.text not in left
    assert left[moved.text].due_on == "2027-02-11" and left[still.text].due_on == still.due_on
    assert len([e for e in events_of(room, quarterly) if e[1] == "commitment_reviewed"]) == 4
    other = plan_session(room, "Q2 room", "quarterly", date(2027, 4, 15), [Attendee("Ruth Adeyemi")])
    assert reviews_in_session(room, other) == []  # a review belongs to the session that made it


def test_reviewing_again_in_the_same_session_corrects_the_review(room, quarterly):
    first = carried_commitments(room, quarterly)[0]
    review_commitment(room, quarterly, first.id, "moved", date(2027, 3, 1), today=TODAY)
    review_commitment(room, quarterly, first.id, "done")
    (review,) = reviews_in_session(room, quarterly)
    assert (review.verdict, review.due_before, review.due_after) == ("done", first.due_on, first.due_on)
    status, due = room.db.execute("SELECT status, due_on FROM commitments WHERE id = ?", (first.id,)).fetchone()
    assert (status, due) == ("done", first.due_on)  # back on its own date: the move was a mistake


@pytest.mark.parametrize("outcome, moved_to, message", [
    ("finished", None, "'finished' is not a review of a commitment; use done, moved, dropped or open."),
    ("moved", None, "A moved commitment needs the date it is now due."),
    ("moved", "next week", "'next week' is not a date; write it as YYYY-MM-DD."),
    ("moved", "2026-12-01", "The due date 2026-12-01 is in the past; choose a date from today on."),
    ("done", "2027-02-11", "Only a moved commitment takes a new due date, not one marked done."),
])
def test_a_review_that_cannot_be_is_refused_in_one_sentence_and_changes_nothing(room, quarterly, outcome, moved_to,
                                                                                 message):
    first = carried_commitments(room, quarterly)[0]
    with pytest.raises(CaptureRefused) as refused:
        review_commitment(room, quarterly, first.id, outcome, moved_to, today=TODAY)
    assert str(refused.value) == message
    assert reviews_in_session(room, quarterly) == [] and _carried(room, quarterly)[first.text].due_on == first.due_on


def test_moving_to_the_date_it_already_has_is_refused(room, quarterly):
    first = carried_commitments(room, quarterly)[0]
    with pytest.raises(CaptureRefused, match=f"is already due on {first.due_on}; choose another date"):
        review_commitment(room, quarterly, first.id, "moved", first.due_on, today=date(2026, 1, 1))


def test_withdrawn_unknown_own_and_closed_session_reviews_are_refused(room, quarterly):
    start_session(room, quarterly)
    own = capture_commitment(room, quarterly, "Share the pilot results", "Ruth Adeyemi", date(2027, 2, 1),
                             uid="c-own", today=TODAY)
    with pytest.raises(CaptureRefused, match="was made in this session; the next session reviews it"):
        review_commitment(room, quarterly, own, "done")
    withdraw_capture(room, "c-own")
    with pytest.raises(CaptureRefused, match="was withdrawn, so there is nothing to review"):
        review_commitment(room, quarterly, own, "done")
    with pytest.raises(CaptureRefused, match="There is no commitment 9999 in this room."):
        review_commitment(room, quarterly, 9999, "done")
    first = carried_commitments(room, quarterly)[0]
    close_session(room, quarterly)
    with pytest.raises(CaptureRefused, match="was closed"):
        review_commitment(room, quarterly, first.id, "done")
    assert reviews_in_session(room, quarterly) == []
