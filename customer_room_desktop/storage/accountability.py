"""Conversation 4, accountability: teams report step by step, and the room recognises results.

A recognition is proposed, never automatic: the domain rule says when the complaints linked to a
priority's moment (or stage) have descended against the months before the priority was chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain.complaint_trend import Descent, descent_against_baseline
from ..domain.periods import add_months, month_of, months_from_to
from .captures import CaptureRefused, _open_session
from .evidence_queries import latest_complaint_month
from .journal import record_event
from .room_file import RoomFile, now_iso
from .rows import inserted_id
from ..domain.records import record

BASELINE_MONTHS = 6  # the half year before the priority was selected
RECOGNITION_INTERVAL_MONTHS = 3  # a team recognised is proposed again a quarter later, if still descending


@record
class StepView:
    position: int
    title: str
    due_on: str
    status: str  # planned, reported or late (planned and past its due date counts as late)
    report: str
    artifacts: tuple[str, ...]


@record
class TeamRow:
    priority_key: str
    priority_title: str
    team: str
    lead: str
    sponsor: str
    silos: tuple[str, ...]
    steps: tuple[StepView, ...]


@record
class RecognitionProposal:
    priority_key: str
    priority_title: str
    team: str
    descent: Descent

    @property
    def citation(self) -> str:
        return (f"{self.team}: complaints about “{self.priority_title}” fell {self.descent.drop_share:.0%}, "
                f"from {self.descent.baseline_per_month:.0f} to {self.descent.recent_per_month:.0f} a month.")


def team_board(room: RoomFile, on: date | None = None) -> list[TeamRow]:
    """Every selected priority's team with its steps; a planned step past its due date shows as late."""
    today = (on or date.today()).isoformat()
    artifacts: dict[int, list[str]] = {}
    for step_id, title in room.db.execute("SELECT sa.step_id, a.title FROM step_artifacts sa "
                                          "JOIN artifacts a ON a.id = sa.artifact_id ORDER BY a.title"):
        artifacts.setdefault(step_id, []).append(title)
    rows = []
    for pid, key, title, team, lead, sponsor in room.db.execute(
            "SELECT p.id, p.key, p.title, t.name, t.lead, p.sponsor FROM priorities p "
            "JOIN teams t ON t.priority_id = p.id WHERE p.status IN ('selected', 'completed') ORDER BY p.id"):
        silos = tuple(row[0] for row in room.db.execute(
            "SELECT DISTINCT s.name FROM team_members m JOIN teams t ON t.id = m.team_id "
            "JOIN silos s ON s.id = m.silo_id WHERE t.priority_id = ? ORDER BY s.name", (pid,)))
        steps = tuple(
            StepView(position, step_title, due, "late" if status == "planned" and due < today else status,
                     report, tuple(artifacts.get(step_id, ())))
            for step_id, position, step_title, due, status, report in room.db.execute(
                "SELECT id, position, title, due_on, status, report FROM accountability_steps "
                "WHERE priority_id = ? ORDER BY position", (pid,)))
        rows.append(TeamRow(key, title, team, lead, sponsor, silos, steps))
    return rows


def report_step(room: RoomFile, session_id: int, priority_key: str, position: int, report: str,
                artifact_keys: Sequence[str] = ()) -> None:
    """A team reports one step of its cycle, with the artifacts it brought."""
    _open_session(room, session_id)
    report = report.strip()
    if not report:
        raise CaptureRefused("A team report needs some text.")
    step = room.db.execute("SELECT s.id FROM accountability_steps s JOIN priorities p ON p.id = s.priority_id "
                           "WHERE p.key = ? AND s.position = ?", (priority_key, position)).fetchone()
    if step is None:
        raise CaptureRefused(f"The priority '{priority_key}' has no step {position}.")
    ids = []
    for key in artifact_keys:
        found = room.db.execute("SELECT id FROM artifacts WHERE key = ?", (key,)).fetchone()
        if found is None:
            raise CaptureRefused(f"There is no artifact '{key}' in this room.")
        ids.append(found[0])
    with room.transaction() as db:
        db.execute("UPDATE accountability_steps SET status = 'reported', report = ?, reported_in_session_id = ? "
                   "WHERE id = ?", (report, session_id, step[0]))
        db.execute("DELETE FROM step_artifacts WHERE step_id = ?", (step[0],))
        db.conn.executemany("INSERT INTO step_artifacts (step_id, artifact_id) VALUES (?, ?)",
                            [(step[0], artifact_id) for artifact_id in ids])
    record_event(room, session_id, "team_report", f"{priority_key}: step {position}")


def recognition_proposals(room: RoomFile, session_id: int) -> list[RecognitionProposal]:
    """Selected priorities whose complaints have descended since they were chosen, and whose team
    has not been recognised in the last quarter."""
    last = latest_complaint_month(room.db)
    if last is None:
        return []
    scheduled = room.db.execute("SELECT scheduled_on FROM sessions WHERE id = ?", (session_id,)).fetchone()[0]
    quiet_since = add_months(scheduled[:7], -RECOGNITION_INTERVAL_MONTHS) + scheduled[7:]
    proposals = []
    for _pid, key, title, team, moment_id, stage_id, selected_on in room.db.execute(
            "SELECT p.id, p.key, p.title, t.name, p.moment_id, p.stage_id, s.scheduled_on FROM priorities p "
            "JOIN teams t ON t.priority_id = p.id JOIN sessions s ON s.id = p.selected_in_session_id "
            "WHERE p.status = 'selected' AND NOT EXISTS (SELECT 1 FROM recognitions r JOIN sessions rs "
            "ON rs.id = r.session_id WHERE r.priority_id = p.id AND rs.scheduled_on > ?)", (quiet_since,)):
        chosen = month_of(date.fromisoformat(selected_on))
        baseline = months_from_to(add_months(chosen, -BASELINE_MONTHS), add_months(chosen, -1))
        if baseline[-1] >= last:
            continue  # no complaints counted since it was chosen: too early to tell
        column, value = ("moment_id", moment_id) if moment_id else ("stage_id", stage_id)
        counts = dict.fromkeys(months_from_to(baseline[0], last), 0)
        counts.update(room.db.execute(
            f"SELECT substr(received_on, 1, 7), count(*) FROM complaints WHERE {column} = ? "
            "AND received_on >= ? GROUP BY 1", (value, f"{baseline[0]}-01")).fetchall())
        descent = descent_against_baseline(counts, baseline)
        if descent.descending:
            proposals.append(RecognitionProposal(key, title, team, descent))
    return proposals


def recognise(room: RoomFile, session_id: int, priority_key: str, citation: str) -> int:
    _open_session(room, session_id)
    citation = " ".join(citation.split())
    if not citation:
        raise CaptureRefused("A recognition needs a citation: say what the team achieved.")
    row = room.db.execute("SELECT id FROM priorities WHERE key = ?", (priority_key,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no priority '{priority_key}' in this room.")
    if room.db.execute("SELECT 1 FROM recognitions WHERE session_id = ? AND priority_id = ?",
                       (session_id, row[0])).fetchone():
        raise CaptureRefused("This team has already been recognised in this session.")
    with room.transaction() as db:
        recognition_id = inserted_id(db.execute("INSERT INTO recognitions (session_id, priority_id, citation, at) "
                                                "VALUES (?, ?, ?, ?)", (session_id, row[0], citation, now_iso())))
    record_event(room, session_id, "recognition", priority_key)
    return recognition_id
