"""Session minutes: everything a session decided and saw, gathered from the room file in one pass.

The renderers (Markdown, HTML, CSV and PDF) only lay out what is gathered here, so every format
says the same thing. A live session gives a draft: the minutes say so. A withdrawn capture is left
out; an edited one reads as it was last saved.
"""

from __future__ import annotations

import json
from datetime import datetime

from ..domain.customer_asset import AssetPeriod
from ..domain.exercises import clock_text, comparison_line, leaders_line, summarise
from ..domain.meetings import STOP_DOING_WORDS, CaptureContext, StopDoingStatus
from ..domain.refusal import Refusal
from ..storage.captures import CaptureRefused
from ..storage.commitment_reviews import CommitmentReview, reviews_in_session
from ..storage.exercises import history_of, lone_reactions_of, results_of, runs_of_session
from ..storage.focus import stop_doing_of, tally_of
from ..storage.room_file import RoomFile
from ..storage.session_plans import SessionRow, attendees_of, list_sessions, session_row
from .board_data import asset_periods_with_reasons
from .wall_data import Branding, room_branding
from ..domain.records import record

NO_RESULT = "no result recorded"  # a leader who reacted to an exercise without a result


class MinutesError(Refusal, ValueError):
    """The minutes cannot be made; the message says why in one sentence."""


@record
class StageVisit:
    stage: str
    seconds: int


@record
class CallPlayed:
    title: str
    heard: str  # "0:12–1:40", or "" when the journal did not say


@record
class VotedPriority:
    title: str
    dots: int
    selected_here: bool


@record
class TeamReport:
    team: str
    priority: str
    step: str
    report: str
    artifacts: tuple[str, ...]


@record
class CommitmentLine:
    text: str
    owner: str
    due_on: str
    priority: str
    status: str


@record
class ExerciseMinutes:
    title: str
    task: str
    comparison: str  # "leaders: 3 of 6 finished, median 9:40; customers: median 14:00, 23 % give up"
    results: tuple[tuple[str, str, str, str, str], ...]  # leader, outcome (or NO_RESULT), time, answer, reaction
    history: tuple[str, ...]  # the same exercise in earlier sessions, one line each


@record
class Minutes:
    room: str
    session: SessionRow
    draft: bool
    attendees: tuple[tuple[str, str, str], ...]  # name, role, silo
    asset: AssetPeriod | None
    lost_reasons: tuple[tuple[str, int], ...]
    walk: tuple[StageVisit, ...]
    calls: tuple[CallPlayed, ...]
    priorities: tuple[VotedPriority, ...]
    voters: int
    selected: tuple[tuple[str, str, str], ...]  # title, sponsor, team
    stop_doing: tuple[tuple[str, str, str, str], ...]  # title, rationale, capacity freed, stopped / kept / proposed
    reports: tuple[TeamReport, ...]
    recognitions: tuple[tuple[str, str], ...]  # team, citation
    decisions: tuple[tuple[str, str, str], ...]  # time, text, what the walls showed
    commitments: tuple[CommitmentLine, ...]
    notes: tuple[tuple[str, str, str], ...]  # time, text, what the walls showed
    exercises: tuple[ExerciseMinutes, ...] = ()
    reviews: tuple[CommitmentReview, ...] = ()  # earlier commitments this session reviewed
    branding: Branding | None = None  # the room's brand colour and logo, for the PDF and the HTML


def find_session(room: RoomFile, which: str) -> SessionRow:
    """``which`` is a session id, a session key, or "latest" (the newest held or live session)."""
    sessions = list_sessions(room)
    if which == "latest":
        held = [s for s in sessions if s.started_at]
        if not held:
            raise MinutesError("No session in this room has been held yet, so there are no minutes to make.")
        return max(held, key=lambda s: (s.started_at, s.id))
    for session in sessions:
        if str(session.id) == which or session.key == which:
            return session
    numbers = [s.id for s in sessions]
    known = f"its sessions are numbered {min(numbers)} to {max(numbers)}" if numbers else "it has no sessions"
    raise MinutesError(f"There is no session '{which}' in this room; {known}.")


def _on_the_walls(context: str, stages: dict[str, str], calls: dict[str, str]) -> str:
    """The capture's context in words: what the walls showed (one definition, in CaptureContext)."""
    return CaptureContext.from_json(context).describe(stages, calls)


def _clock(at: str) -> str:
    return at[11:16] if len(at) >= 16 else at


def _seconds(at: str) -> float:
    return datetime.fromisoformat(at[:19]).timestamp()


def _mm_ss(ms: int) -> str:
    return f"{ms // 60000}:{ms // 1000 % 60:02d}"


# What happens while a stage is on the walls; any other event (a vote, a report, the close) ends the visit.
# Correcting a capture does not: the room is still on the same stage.
WALK_EVENTS = {"stage_shown", "call_played", "artifact_task", "artifact_shown", "complaints_shown", "kpi_shown",
               "capture_edited", "capture_withdrawn"}


def _walk(events: list[tuple[str, str, str]], stages: dict[str, str], end: str | None) -> tuple[StageVisit, ...]:
    """Time on each stage: from its stage_shown event to the next stage or the end of the walk, summed."""
    spent: dict[str, float] = {}
    current: tuple[str, str] | None = None  # (since, stage key)
    for at, kind, detail in [*events, (end or (events[-1][0] if events else ""), "walk_end", "")]:
        if current and (kind == "stage_shown" or kind not in WALK_EVENTS) and at:
            spent[current[1]] = spent.get(current[1], 0.0) + max(0.0, _seconds(at) - _seconds(current[0]))
            current = None
        if kind == "stage_shown":
            current = (at, detail)
    return tuple(StageVisit(stages.get(key, key), round(seconds)) for key, seconds in spent.items())


def _calls(events: list[tuple[str, str, str]], titles: dict[str, str]) -> tuple[CallPlayed, ...]:
    played = []
    for _, kind, detail in events:
        if kind != "call_played":
            continue
        try:
            info = json.loads(detail)
        except ValueError:
            info = detail
        if isinstance(info, dict):
            heard = f"{_mm_ss(int(info.get('from_ms', 0)))}–{_mm_ss(int(info.get('to_ms', 0)))}"
            played.append(CallPlayed(titles.get(str(info.get("call")), str(info.get("call"))), heard))
        else:
            played.append(CallPlayed(titles.get(str(info), str(info)), ""))
    return tuple(played)


def _asset_presented(room: RoomFile, events: list[tuple[str, str, str]], scheduled_on: str) -> AssetPeriod | None:
    """The customer-asset period shown in the session, else the latest one before it."""
    periods = asset_periods_with_reasons(room)
    shown = [detail for _, kind, detail in events if kind == "asset_shown"]
    for period in periods:
        if shown and period.label == shown[-1]:
            return period
    earlier = sorted((p for p in periods if p.period_kind == "quarter" and p.period_start <= scheduled_on),
                     key=lambda p: p.period_start)
    return earlier[-1] if earlier else None


def _exercises(room: RoomFile, session: SessionRow) -> tuple[ExerciseMinutes, ...]:
    """Each exercise run in the session, with the leaders' results against the customers' figures."""
    attendees = len(attendees_of(room, session.id))
    found = []
    for run in runs_of_session(room, session.id):
        results = results_of(room, run.id)
        task = run.task
        history = tuple(f"{title} ({scheduled}): {leaders_line(summarise(earlier, count))}"
                        for title, scheduled, count, earlier in history_of(room, task.artifact_key)
                        if earlier and scheduled < session.scheduled_on)
        lone = tuple((leader, NO_RESULT, clock_text(None), "", reaction)
                     for leader, reaction in lone_reactions_of(room, run.id))
        found.append(ExerciseMinutes(
            task.title, task.text,
            comparison_line(summarise(results, attendees), task.customer_median_seconds, task.customer_give_up_percent),
            tuple((r.attendee, r.outcome.value, clock_text(r.seconds), r.answer, r.reaction) for r in results) + lone,
            history))
    return tuple(found)


def gather_minutes(room: RoomFile, session_id: int) -> Minutes:
    try:
        session = session_row(room, session_id)
    except CaptureRefused as refused:
        raise MinutesError(str(refused)) from None
    db = room.db
    events = db.execute("SELECT at, kind, detail FROM journal_events WHERE session_id = ? ORDER BY at, id",
                        (session_id,)).fetchall()
    stages = dict(db.execute("SELECT key, name FROM stages").fetchall())
    calls = dict(db.execute("SELECT key, title FROM calls").fetchall())
    silos = dict(db.execute("SELECT key, name FROM silos").fetchall())
    asset = _asset_presented(room, events, session.scheduled_on)
    reasons = tuple((r.reason, r.count) for r in sorted(asset.lost_reasons, key=lambda r: -r.count)) if asset else ()
    selected_here = {row[0] for row in db.execute(
        "SELECT key FROM priorities WHERE selected_in_session_id = ?", (session_id,))}
    return Minutes(
        room=db.execute("SELECT name FROM room").fetchone()[0],
        session=session,
        draft=session.closed_at is None,
        attendees=tuple((a.name, a.role, silos.get(a.silo_key, "")) for a in attendees_of(room, session_id)),
        asset=asset,
        lost_reasons=reasons,
        walk=_walk(events, stages, session.closed_at),
        calls=_calls(events, calls),
        priorities=tuple(VotedPriority(title, dots, key in selected_here)
                         for key, title, dots in tally_of(room, session_id)),
        voters=db.execute("SELECT count(DISTINCT voter) FROM votes WHERE session_id = ?", (session_id,)).fetchone()[0],
        selected=tuple(db.execute(
            "SELECT p.title, p.sponsor, coalesce(t.name, '') FROM priorities p LEFT JOIN teams t "
            "ON t.priority_id = p.id WHERE p.selected_in_session_id = ? ORDER BY p.id", (session_id,)).fetchall()),
        stop_doing=tuple((title, why, freed, STOP_DOING_WORDS[StopDoingStatus(status)])
                         for _, title, why, freed, status in stop_doing_of(room, session_id)),
        reports=tuple(TeamReport(team, priority, f"M{position} {title}", report, tuple(
            a for (a,) in db.execute("SELECT a.title FROM step_artifacts sa JOIN artifacts a ON a.id = sa.artifact_id "
                                     "WHERE sa.step_id = ? ORDER BY a.title", (step_id,))))
            for step_id, team, priority, position, title, report in db.execute(
                "SELECT s.id, t.name, p.title, s.position, s.title, s.report FROM accountability_steps s "
                "JOIN priorities p ON p.id = s.priority_id JOIN teams t ON t.priority_id = p.id "
                "WHERE s.reported_in_session_id = ? ORDER BY p.id, s.position", (session_id,)).fetchall()),
        recognitions=tuple(db.execute(
            "SELECT coalesce(t.name, p.title), r.citation FROM recognitions r JOIN priorities p "
            "ON p.id = r.priority_id LEFT JOIN teams t ON t.priority_id = p.id WHERE r.session_id = ? ORDER BY r.id",
            (session_id,)).fetchall()),
        decisions=tuple((_clock(at), text, _on_the_walls(context, stages, calls)) for at, text, context in db.execute(
            "SELECT at, text, context FROM decisions WHERE session_id = ? AND withdrawn_at IS NULL ORDER BY at, id",
            (session_id,))),
        commitments=tuple(CommitmentLine(*row) for row in db.execute(
            "SELECT c.text, c.owner, c.due_on, coalesce(p.title, ''), c.status FROM commitments c "
            "LEFT JOIN priorities p ON p.id = c.priority_id WHERE c.session_id = ? AND c.withdrawn_at IS NULL "
            "ORDER BY c.due_on, c.id",
            (session_id,))),
        notes=tuple((_clock(at), text, _on_the_walls(context, stages, calls)) for at, text, context in db.execute(
            "SELECT at, text, context FROM notes WHERE session_id = ? AND withdrawn_at IS NULL ORDER BY at, id",
            (session_id,))),
        exercises=_exercises(room, session),
        reviews=tuple(reviews_in_session(room, session_id)),
        branding=room_branding(room),
    )
