"""Exercises in a live session: start one on an artifact's task, record each leader's result, stop it.

Each action is one transaction and one journal event. Refusals are CaptureRefused with one sentence.
"""

from __future__ import annotations

from ..domain.identifiers import new_uid
from ..domain.exercises import ExerciseResult, Outcome
from ..domain.meetings import capture_too_long
from .captures import CaptureRefused, _open_session
from .journal import record_event
from .room_file import RoomFile, now_iso
from .rows import inserted_id
from ..domain.records import record


class ExerciseRunning(CaptureRefused):
    """Another exercise is still running; the console asks whether to stop it first."""

    def __init__(self, run_id: int, title: str):
        super().__init__(f"The exercise on “{title}” is still running: stop it before starting another.")
        self.run_id = run_id


@record
class ExerciseTask:
    artifact_key: str
    title: str
    text: str
    done_when: str
    customer_median_seconds: int
    customer_give_up_percent: float | None
    common_wrong_answer: str


@record
class ExerciseRun:
    id: int
    session_id: int
    task: ExerciseTask
    started_at: str
    stopped_at: str | None


_TASK = ("a.key, a.title, a.task_text, a.task_done_when, a.task_customer_median_seconds, "
         "a.task_customer_give_up_percent, a.task_common_wrong_answer")


def task_of(room: RoomFile, artifact_key: str) -> ExerciseTask:
    row = room.db.execute(f"SELECT {_TASK} FROM artifacts a WHERE a.key = ?", (artifact_key,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no artifact '{artifact_key}' in this room.")
    if not (row[2] or "").strip():
        raise CaptureRefused(f"“{row[1]}” has no task, so there is no exercise to run on it.")
    if not row[4] or row[4] <= 0:
        raise CaptureRefused(f"The exercise on “{row[1]}” needs the customers' time as a positive duration.")
    return ExerciseTask(*row)


def exercise_tasks(room: RoomFile) -> list[ExerciseTask]:
    """Every artifact that carries a task, in journey order."""
    return [ExerciseTask(*row) for row in room.db.execute(
        f"SELECT {_TASK} FROM artifacts a JOIN stages s ON s.id = a.stage_id WHERE a.task_text IS NOT NULL "
        "ORDER BY s.position, a.id")]


def run_of(room: RoomFile, run_id: int) -> ExerciseRun:
    """One exercise run with its task."""
    return _run(room, run_id)


def _run(room: RoomFile, run_id: int) -> ExerciseRun:
    row = room.db.execute(f"SELECT r.id, r.session_id, r.started_at, r.stopped_at, {_TASK} FROM exercise_runs r "
                          "JOIN artifacts a ON a.id = r.artifact_id WHERE r.id = ?", (run_id,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no exercise {run_id} in this room.")
    return ExerciseRun(row[0], row[1], ExerciseTask(*row[4:]), row[2], row[3])


def running_exercise(room: RoomFile, session_id: int) -> ExerciseRun | None:
    row = room.db.execute("SELECT id FROM exercise_runs WHERE session_id = ? AND stopped_at IS NULL "
                          "ORDER BY id DESC LIMIT 1", (session_id,)).fetchone()
    return _run(room, row[0]) if row else None


def start_exercise(room: RoomFile, session_id: int, artifact_key: str, uid: str | None = None) -> ExerciseRun:
    _open_session(room, session_id)
    task = task_of(room, artifact_key)
    running = running_exercise(room, session_id)
    if running is not None:
        raise ExerciseRunning(running.id, running.task.title)
    artifact_id = room.db.execute("SELECT id FROM artifacts WHERE key = ?", (artifact_key,)).fetchone()[0]
    with room.transaction() as db:
        run_id = inserted_id(db.execute(
            "INSERT INTO exercise_runs (uid, session_id, artifact_id, started_at) VALUES (?, ?, ?, ?)",
            (uid or new_uid(), session_id, artifact_id, now_iso())))
    record_event(room, session_id, "exercise_started", task.artifact_key)
    return _run(room, run_id)


def stop_exercise(room: RoomFile, run_id: int) -> ExerciseRun:
    run = _run(room, run_id)
    if run.stopped_at is None:
        with room.transaction() as db:
            db.execute("UPDATE exercise_runs SET stopped_at = ? WHERE id = ?", (now_iso(), run_id))
        record_event(room, run.session_id, "exercise_stopped", run.task.artifact_key)
    return _run(room, run_id)


def record_result(room: RoomFile, run_id: int, attendee: str, outcome: Outcome | str, seconds: int | None = None,
                  answer: str = "", reaction: str = "", uid: str | None = None) -> None:
    """One leader's result; recording again for the same leader replaces it (a correction)."""
    run = _run(room, run_id)
    _open_session(room, run.session_id)
    outcome = Outcome(outcome)
    if not room.db.execute("SELECT 1 FROM attendees WHERE session_id = ? AND name = ?",
                           (run.session_id, attendee)).fetchone():
        raise CaptureRefused(f"{attendee} is not an attendee of this session, so has no result to record.")
    answer, reaction = " ".join(answer.split()), " ".join(reaction.split())
    if outcome is Outcome.ANSWERED and not answer:
        raise CaptureRefused("Type the answer the leader gave before recording it.")
    if seconds is not None and seconds < 0:
        raise CaptureRefused("A time taken cannot be negative.")
    with room.transaction() as db:
        db.execute(
            "INSERT INTO exercise_results (uid, run_id, attendee, outcome, seconds, answer, reaction, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, attendee) DO UPDATE SET outcome = excluded.outcome, "
            "seconds = excluded.seconds, answer = excluded.answer, "
            "reaction = CASE WHEN excluded.reaction != '' THEN excluded.reaction ELSE reaction END, at = excluded.at",
            (uid or new_uid(), run_id, attendee, outcome.value, seconds, answer, reaction, now_iso()))
    record_event(room, run.session_id, "exercise_result", f"{run.task.artifact_key}: {attendee}, {outcome.value}")


def record_reaction(room: RoomFile, run_id: int, attendee: str, reaction: str, uid: str | None = None) -> None:
    """A leader's one-line reaction, with or without a result: a reaction and a result are captured apart,
    in either order, and saying it again replaces the reaction only."""
    run = _run(room, run_id)
    _open_session(room, run.session_id)
    reaction = " ".join(reaction.split())
    if not reaction:
        raise CaptureRefused("Type the reaction before recording it.")
    if too_long := capture_too_long(reaction, "reaction"):
        raise CaptureRefused(too_long)
    if not room.db.execute("SELECT 1 FROM attendees WHERE session_id = ? AND name = ?",
                           (run.session_id, attendee)).fetchone():
        raise CaptureRefused(f"{attendee} is not an attendee of this session, so has no reaction to record.")
    with room.transaction() as db:
        db.execute("INSERT INTO exercise_results (uid, run_id, attendee, reaction, at) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT (run_id, attendee) DO UPDATE SET reaction = excluded.reaction",
                   (uid or new_uid(), run_id, attendee, reaction, now_iso()))
    record_event(room, run.session_id, "exercise_reaction", f"{run.task.artifact_key}: {attendee}")


def results_of(room: RoomFile, run_id: int) -> list[ExerciseResult]:
    """The leaders' results, each with its reaction if any; a reaction without a result is in lone_reactions_of."""
    return [ExerciseResult(name, Outcome(outcome), seconds, answer, reaction)
            for name, outcome, seconds, answer, reaction in room.db.execute(
                "SELECT attendee, outcome, seconds, answer, reaction FROM exercise_results "
                "WHERE run_id = ? AND outcome IS NOT NULL ORDER BY id", (run_id,))]


def lone_reactions_of(room: RoomFile, run_id: int) -> list[tuple[str, str]]:
    """(leader, reaction) for each leader who reacted to the exercise but has no result recorded."""
    return room.db.execute("SELECT attendee, reaction FROM exercise_results WHERE run_id = ? AND outcome IS NULL "
                           "ORDER BY id", (run_id,)).fetchall()


def runs_of_session(room: RoomFile, session_id: int) -> list[ExerciseRun]:
    return [_run(room, run_id) for (run_id,) in room.db.execute(
        "SELECT id FROM exercise_runs WHERE session_id = ? ORDER BY id", (session_id,))]


def history_of(room: RoomFile, artifact_key: str) -> list[tuple[str, str, int, list[ExerciseResult]]]:
    """Every run of this artifact's exercise, oldest first: (session title, scheduled on, attendees, results)."""
    rows = room.db.execute(
        "SELECT r.id, s.title, s.scheduled_on, (SELECT count(*) FROM attendees t WHERE t.session_id = s.id) "
        "FROM exercise_runs r JOIN sessions s ON s.id = r.session_id JOIN artifacts a ON a.id = r.artifact_id "
        "WHERE a.key = ? ORDER BY s.scheduled_on, r.id", (artifact_key,)).fetchall()
    return [(title, scheduled, attendees, results_of(room, run_id)) for run_id, title, scheduled, attendees in rows]
