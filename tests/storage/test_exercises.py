"""Exercises in storage: start, a result per leader, stop, and every refusal the issue names."""

from datetime import date

import pytest

from customer_room_desktop.domain.exercises import Outcome, comparison_line, summarise
from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.storage.captures import CaptureRefused, close_session, start_session
from customer_room_desktop.storage.exercises import (
    ExerciseRunning, history_of, lone_reactions_of, record_reaction, record_result, results_of, running_exercise,
    start_exercise, stop_exercise, task_of,
)
from customer_room_desktop.storage.journal import events_of
from customer_room_desktop.storage.session_plans import plan_session

LEADERS = [Attendee(name) for name in ("Ruth Adeyemi", "Hamish Rennie", "Sunita Bhatt", "Tom Achterberg")]


@pytest.fixture
def session(room):
    session_id = plan_session(room, "Workshop", "workshop", date(2027, 1, 14), LEADERS)
    start_session(room, session_id)
    return session_id


def test_an_exercise_records_each_leader_and_compares_with_customers(room, session):
    run = start_exercise(room, session, "home-claim-form")
    assert running_exercise(room, session).id == run.id
    record_result(room, run.id, "Ruth Adeyemi", Outcome.FINISHED, seconds=580, reaction="Page five lost me")
    record_result(room, run.id, "Hamish Rennie", "gave up", seconds=900)
    record_result(room, run.id, "Sunita Bhatt", Outcome.ANSWERED, seconds=700, answer="Filled in Section D")
    record_reaction(room, run.id, "Hamish Rennie", "I would have phoned")
    stop_exercise(room, run.id)
    results = results_of(room, run.id)
    assert [(r.attendee, r.outcome.value, r.reaction) for r in results] == [
        ("Ruth Adeyemi", "finished", "Page five lost me"), ("Hamish Rennie", "gave up", "I would have phoned"),
        ("Sunita Bhatt", "answered", "")]
    task = task_of(room, "home-claim-form")
    line = comparison_line(summarise(results, 4), task.customer_median_seconds, task.customer_give_up_percent)
    assert line == ("leaders: 1 of 4 finished, median 9:40, 1 gave up, 1 gave an answer; "
                    "customers: median 23:00, 31 % give up")
    kinds = [kind for _, kind, _ in events_of(room, session)]
    assert kinds.count("exercise_result") == 3 and "exercise_started" in kinds and "exercise_stopped" in kinds
    assert running_exercise(room, session) is None
    assert [(title, len(results)) for title, _, _, results in history_of(room, "home-claim-form")] == [
        ("May leadership room: the first walk", 9), ("Workshop", 3)]  # the sample's May run came first


def test_recording_again_corrects_the_result_and_keeps_the_reaction(room, session):
    run = start_exercise(room, session, "renewal-notice")
    record_result(room, run.id, "Tom Achterberg", Outcome.ANSWERED, 300, answer="£100", reaction="Where is it?")
    record_result(room, run.id, "Tom Achterberg", Outcome.FINISHED, 610)
    (result,) = results_of(room, run.id)
    assert (result.outcome, result.seconds, result.reaction) == (Outcome.FINISHED, 610, "Where is it?")


def test_a_second_exercise_while_one_runs_is_refused_naming_the_first(room, session):
    start_exercise(room, session, "home-claim-form")
    with pytest.raises(ExerciseRunning, match="Home insurance claim form"):
        start_exercise(room, session, "renewal-notice")


@pytest.mark.parametrize("artifact, message", [("quote-error", "has no task"), ("nope", "no artifact 'nope'")])
def test_an_artifact_without_a_task_gives_no_exercise(room, session, artifact, message):
    before = room.db.execute("SELECT count(*) FROM exercise_runs").fetchone()[0]
    with pytest.raises(CaptureRefused, match=message):
        start_exercise(room, session, artifact)
    assert room.db.execute("SELECT count(*) FROM exercise_runs").fetchone()[0] == before


def test_a_target_that_is_not_a_positive_duration_is_refused(room, session):
    room.conn.execute("PRAGMA ignore_check_constraints = ON")  # as a file written by another tool might be
    with room.transaction() as db:
        db.execute("UPDATE artifacts SET task_customer_median_seconds = 0 WHERE key = 'renewal-notice'")
    with pytest.raises(CaptureRefused, match="positive duration"):
        start_exercise(room, session, "renewal-notice")


def test_results_for_strangers_answers_without_text_and_after_the_close_are_refused(room, session):
    run = start_exercise(room, session, "home-claim-form")
    with pytest.raises(CaptureRefused, match="not an attendee"):
        record_result(room, run.id, "Somebody Else", Outcome.FINISHED, 100)
    with pytest.raises(CaptureRefused, match="Type the answer"):
        record_result(room, run.id, "Ruth Adeyemi", Outcome.ANSWERED, 100)
    close_session(room, session)
    with pytest.raises(CaptureRefused, match="was closed"):
        record_result(room, run.id, "Ruth Adeyemi", Outcome.FINISHED, 100)
    assert results_of(room, run.id) == []


def test_a_leader_reacts_before_any_result_and_the_result_keeps_the_reaction(room, session):
    """Issue 19: "Record how Alistair Munro did before adding a reaction" refused a reaction said first."""
    run = start_exercise(room, session, "home-claim-form")
    record_reaction(room, run.id, "Tom Achterberg", "  Where do I say   the pipe burst? ")
    assert lone_reactions_of(room, run.id) == [("Tom Achterberg", "Where do I say the pipe burst?")]
    assert results_of(room, run.id) == []  # a reaction is not a result: nobody finished or gave up
    record_reaction(room, run.id, "Tom Achterberg", "Page five lost me")  # said again: replaced
    record_result(room, run.id, "Tom Achterberg", Outcome.GAVE_UP, 900)
    (result,) = results_of(room, run.id)
    assert (result.outcome, result.seconds, result.reaction) == (Outcome.GAVE_UP, 900, "Page five lost me")
    assert lone_reactions_of(room, run.id) == []
    kinds = [kind for _, kind, _ in events_of(room, session)]
    assert kinds.count("exercise_reaction") == 2


@pytest.mark.parametrize("leader, reaction, message", [
    ("Somebody Else", "Hard", "Somebody Else is not an attendee of this session, so has no reaction to record."),
    ("Ruth Adeyemi", "   ", "Type the reaction before recording it."),
    ("Ruth Adeyemi", "x" * 20_001, "The reaction is 20,001 characters; a capture holds at most 20,000"),
])
def test_a_reaction_from_a_stranger_or_without_words_is_refused(room, session, leader, reaction, message):
    run = start_exercise(room, session, "home-claim-form")
    with pytest.raises(CaptureRefused) as refused:
        record_reaction(room, run.id, leader, reaction)
    assert str(refused.value).startswith(message)
    assert lone_reactions_of(room, run.id) == [] and results_of(room, run.id) == []


def test_no_reaction_after_the_close(room, session):
    run = start_exercise(room, session, "home-claim-form")
    close_session(room, session)
    with pytest.raises(CaptureRefused, match="was closed"):
        record_reaction(room, run.id, "Ruth Adeyemi", "Too late")
