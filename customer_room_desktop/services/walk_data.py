"""What the walls show when leaders walk in the customer's shoes: a persona, and an exercise.

Plain data read from the room file, no Qt.
"""

from __future__ import annotations

import json
from datetime import datetime

from ..domain.exercises import ExerciseResult, customers_line, leaders_line, summarise
from ..domain.long_text import wall_excerpt
from ..domain.refusal import Refusal
from ..storage.exercises import ExerciseRun, history_of, results_of, run_of, task_of
from ..storage.room_file import now_iso
from ..storage.media_store import open_media
from ..storage.room_file import RoomFile
from ..domain.records import record


class WalkDataError(Refusal, ValueError):
    """A persona or exercise the room does not have; the message says so in one sentence."""


@record
class PersonaData:
    key: str
    name: str
    photo: bytes  # PNG or JPEG bytes; empty when the persona has no photo
    situation: str
    goals: tuple[str, ...]
    frustrations: tuple[str, ...]
    quote: str  # its opening, as a wall quotes it (wall_excerpt)
    suffering: tuple[tuple[str, int, int], ...]  # (stage, complaints, calls), where this persona suffers most first
    calls: tuple[tuple[str, str, int, str], ...]  # (call key, title, duration ms, stage) ready to play
    complaints: int  # complaints linked to this persona in all


def persona_keys(room: RoomFile) -> list[tuple[str, str]]:
    """(key, name) of every persona, in the order the room lists them."""
    return room.db.execute("SELECT key, name FROM personas ORDER BY id").fetchall()


def persona_data(room: RoomFile, key_or_number: str) -> PersonaData:
    """A persona by key, or by its number (1 for the first)."""
    personas = room.db.execute("SELECT id, key, name, situation, goals, frustrations, quote, photo_sha256 "
                               "FROM personas ORDER BY id").fetchall()
    chosen = next((p for p in personas if p[1] == key_or_number), None)
    if chosen is None and key_or_number.isdigit() and 1 <= int(key_or_number) <= len(personas):
        chosen = personas[int(key_or_number) - 1]
    if chosen is None:
        known = ", ".join(p[1] for p in personas) or "none"
        raise WalkDataError(f"This room has no persona '{key_or_number}'; its personas are: {known}.")
    pid, key, name, situation, goals, frustrations, quote, photo = chosen
    db = room.db
    complaints = dict(db.execute("SELECT stage_id, count(*) FROM complaints WHERE persona_id = ? GROUP BY 1",
                                 (pid,)).fetchall())
    calls_by_stage = dict(db.execute("SELECT stage_id, count(*) FROM calls WHERE persona_id = ? GROUP BY 1",
                                     (pid,)).fetchall())
    stages = db.execute("SELECT id, name FROM stages ORDER BY position").fetchall()
    suffering = sorted(((name_, complaints.get(sid, 0), calls_by_stage.get(sid, 0)) for sid, name_ in stages
                        if complaints.get(sid) or calls_by_stage.get(sid)), key=lambda s: (-s[1], -s[2]))
    calls = db.execute("SELECT c.key, c.title, c.duration_ms, s.name FROM calls c JOIN stages s ON s.id = c.stage_id "
                       "WHERE c.persona_id = ? ORDER BY s.position, c.id", (pid,)).fetchall()
    return PersonaData(key, name, open_media(db, photo).read() if photo else b"", situation,
                       tuple(json.loads(goals)), tuple(json.loads(frustrations)), wall_excerpt(quote),
                       tuple(suffering[:3]), tuple(calls), sum(complaints.values()))


@record
class ExerciseWallData:
    artifact_key: str
    title: str
    task: str
    done_when: str  # shown only once the exercise has stopped
    customer_median_seconds: int
    customer_give_up_percent: float | None
    common_wrong_answer: str
    running: bool
    started_at: str  # ISO time the exercise started: the wall's clock counts from it
    stopped_at: str | None
    attendees: int
    results: tuple[ExerciseResult, ...]
    leaders: str  # "leaders: 3 of 6 finished, median 9:40"
    customers: str  # "customers: median 14:00, 23 % give up"
    history: tuple[tuple[str, str], ...]  # earlier sessions: (session title, leaders' line)

    def elapsed_seconds(self, now: datetime | None = None) -> int:
        """Seconds on the clock: until now while running, until the stop afterwards."""
        end = datetime.fromisoformat(self.stopped_at[:19]) if self.stopped_at else (now or datetime.now())
        return max(0, int((end - datetime.fromisoformat(self.started_at[:19])).total_seconds()))


def exercise_wall_data(room: RoomFile, run: ExerciseRun) -> ExerciseWallData:
    attendees = room.db.execute("SELECT count(*) FROM attendees WHERE session_id = ?", (run.session_id,)).fetchone()[0]
    results = results_of(room, run.id)
    summary = summarise(results, attendees)
    task = run.task
    this_session = room.db.execute("SELECT title FROM sessions WHERE id = ?", (run.session_id,)).fetchone()[0]
    earlier = [(title, leaders_line(summarise(rs, count)))
               for title, _, count, rs in history_of(room, task.artifact_key) if rs and title != this_session]
    return ExerciseWallData(task.artifact_key, task.title, task.text, task.done_when, task.customer_median_seconds,
                            task.customer_give_up_percent, task.common_wrong_answer, run.stopped_at is None,
                            run.started_at, run.stopped_at, attendees, tuple(results), leaders_line(summary),
                            customers_line(task.customer_median_seconds, task.customer_give_up_percent),
                            tuple(earlier[-3:]))



def latest_exercise(room: RoomFile, artifact_key: str) -> ExerciseWallData:
    """The latest run of this artifact's exercise in any session; before any run, the task as it
    would start (the clock at 0:00, no leaders yet)."""
    row = room.db.execute("SELECT r.id FROM exercise_runs r JOIN artifacts a ON a.id = r.artifact_id "
                          "WHERE a.key = ? ORDER BY r.id DESC LIMIT 1", (artifact_key,)).fetchone()
    if row is not None:
        return exercise_wall_data(room, run_of(room, row[0]))
    task = task_of(room, artifact_key)
    started = now_iso()
    return ExerciseWallData(task.artifact_key, task.title, task.text, task.done_when, task.customer_median_seconds,
                            task.customer_give_up_percent, task.common_wrong_answer, True, started, None, 0, (),
                            "leaders: none yet", customers_line(task.customer_median_seconds,
                                                               task.customer_give_up_percent), ())
