"""The live session: every console action of the four conversations becomes one saved command.

Each command is saved in its own transaction before the console shows it as saved; a refusal
is shown as the one sentence the storage layer gave, and nothing of it is kept.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from ..domain.meetings import CaptureContext
from ..services.session_wall_data import CelebrationData
from ..storage import accountability, focus
from ..storage.captures import (
    CaptureRefused, add_attendee, capture_commitment, capture_decision, capture_note, cast_votes, close_session,
    start_session,
)
from ..storage.errors import ReadOnlyRoomError
from ..storage.journal import events_of, record_event
from ..storage.room_file import RoomFile
from ..storage.session_queries import agenda_of
from ..storage.session_plans import (
    SessionRow, attendees_of, carried_commitments, list_sessions, live_session, parse_attendee_line, plan_session,
    session_row, set_commitment_status,
)
from ..ui.console.console_window import ConsoleWindow

Refusal = (CaptureRefused, ReadOnlyRoomError)


def _context_label(context: CaptureContext, stage_names: dict[str, str]) -> str:
    parts = [stage_names.get(context.stage_key, context.stage_key)] if context.stage_key else []
    if context.artifact_key:
        parts.append(f"artifact {context.artifact_key}")
    if context.call_key:
        seconds = (context.call_position_ms or 0) // 1000
        parts.append(f"call {context.call_key} at {seconds // 60}:{seconds % 60:02d}")
    return ", ".join(parts)


class SessionController(QObject):
    """Owns which session the room is in and turns console intents into storage commands."""

    walls_changed = Signal()  # the tally or the team board has new content
    celebrate = Signal(object)  # CelebrationData, for every wall
    conversation_changed = Signal(int)
    resumed_at = Signal(str)  # stage key where the interrupted session stood
    refreshed = Signal()  # the session or its state changed: other panels follow

    def __init__(self, room: RoomFile, console: ConsoleWindow, context: Callable[[], CaptureContext]):
        super().__init__()
        self.room = room
        self.console = console
        self.context = context
        self.session: SessionRow | None = None
        self.conversation = 0
        self.revision = 0  # bumped whenever the session walls must redraw
        self.last_capture_ms = 0.0
        self.stage_names = dict(room.db.execute("SELECT key, name FROM stages").fetchall())
        panel, bar = console.session_panel, console.capture_bar
        panel.plan_requested.connect(self.plan)
        panel.start_requested.connect(self.start)
        panel.close_requested.connect(self.close)
        panel.resume_requested.connect(self.resume)
        panel.close_stale_requested.connect(self.close_stale)
        panel.conversation_requested.connect(self.set_conversation)
        panel.minutes_requested.connect(console.ask_minutes_path)
        console.minutes_path_chosen.connect(self.save_minutes)
        panel.attendee_added.connect(self.add_attendee)
        panel.commitment_reviewed.connect(self.review_commitment)
        bar.capture_requested.connect(self.capture)
        f = console.focus_panel
        f.votes_entered.connect(self.vote)
        f.select_requested.connect(self.select)
        f.team_requested.connect(self.name_team)
        f.candidate_added.connect(self.add_candidate)
        f.stop_doing_proposed.connect(self.propose_stop)
        f.stop_doing_decided.connect(self.decide_stop)
        a = console.accountability_panel
        a.report_entered.connect(self.report)
        a.recognition_requested.connect(self.recognise)
        f.set_moments(room.db.execute("SELECT m.key, s.name || ': ' || m.name FROM moments m JOIN stages s "
                                      "ON s.id = m.stage_id ORDER BY s.position, m.id").fetchall())
        a.set_artifacts(room.db.execute("SELECT key, title FROM artifacts ORDER BY title").fetchall())
        self._choose_session()

    # -- which session ---------------------------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        return self.session.id if self.session else None

    @property
    def is_live(self) -> bool:
        return self.session is not None and self.session.state == "live" and not self._stale

    def _choose_session(self) -> None:
        """A session left open offers to resume; otherwise the next planned one, else the latest."""
        self._stale = False
        stale = live_session(self.room)
        sessions = list_sessions(self.room)
        planned = [s for s in sessions if s.state == "planned"]
        self.session = stale or (planned[0] if planned else (sessions[-1] if sessions else None))
        if stale:
            self._stale = True
            saved = events_of(self.room, stale.id)
            last = saved[-1][0][11:16] if saved else stale.started_at[11:16]
            self.console.session_panel.offer_resume(
                f"“{stale.title}” was still running when the room last closed (last saved at {last}). "
                "Everything saved is kept.")
        self.refresh()

    def _show_history(self) -> None:
        """What this session saved already, so a resumed console lists it as before."""
        rows = self.room.db.execute(
            "SELECT 'decision', text, at, context FROM decisions WHERE session_id = :s UNION ALL "
            "SELECT 'commitment', text || ' (' || owner || ', ' || due_on || ')', at, context FROM commitments "
            "WHERE session_id = :s UNION ALL SELECT 'note', text, at, context FROM notes WHERE session_id = :s "
            "ORDER BY at", {"s": self.session.id}).fetchall()
        self.console.capture_bar.show_history(
            [(kind, text, at[11:16], _context_label(CaptureContext(**json.loads(context or "{}")), self.stage_names))
             for kind, text, at, context in rows])

    def _reload(self) -> None:
        if self.session:
            self.session = session_row(self.room, self.session.id)

    # -- the session's lifecycle ------------------------------------------------------------------
    def plan(self, fields: dict) -> None:
        try:
            session_id = plan_session(
                self.room, fields["title"], fields["cadence"], fields["scheduled_on"],
                [parse_attendee_line(line) for line in fields["attendees"]], fields["dots_per_leader"],
                fields["max_priorities"], fields.get("next_session_on"))
        except Refusal as refused:
            self.console.session_panel.plan_refused(str(refused))
            return
        self._stale = False
        self.console.session_panel.offer_resume("")
        self.session = session_row(self.room, session_id)
        self.console.session_panel.plan_saved()
        self.refresh()

    def start(self) -> None:
        if self.session is None:
            return
        if self._do(start_session, self.session.id) is None:
            return
        self._journal("session_started", "")
        self._reload()
        stage = self.context().stage_key
        if stage:
            self._journal("stage_shown", stage)
        self.refresh()

    def close(self) -> None:
        if self.session is None or self._do(close_session, self.session.id) is None:
            return
        self._journal_unchecked("session_closed", "")
        self._reload()
        self.conversation = 0
        self.refresh()

    def resume(self) -> None:
        """Carry on the interrupted session where its journal says the walls stood."""
        self._stale = False
        self.console.session_panel.offer_resume("")
        stages = [detail for _, kind, detail in events_of(self.room, self.session.id) if kind == "stage_shown"]
        conversations = [detail for _, kind, detail in events_of(self.room, self.session.id)
                         if kind == "conversation_started"]
        self._journal("session_resumed", "")
        self.conversation = int(conversations[-1]) if conversations else 0
        self._show_history()
        self.refresh()
        if stages:
            self.resumed_at.emit(stages[-1])

    def close_stale(self) -> None:
        self._stale = False
        self.console.session_panel.offer_resume("")
        self.close()

    def set_conversation(self, conversation: int) -> None:
        if not self.is_live:
            return
        self.conversation = conversation
        self._journal("conversation_started", str(conversation))
        self.console.session_panel.show_conversation(conversation)
        self.conversation_changed.emit(conversation)
        self.console.show_conversation_tab(conversation)

    def stage_shown(self, stage_key: str) -> None:
        """The walls moved to a stage: the journal keeps the walk for the minutes."""
        if self.is_live:
            self._journal("stage_shown", stage_key)

    # -- captures ---------------------------------------------------------------------------------
    def capture(self, kind: str, text: str, owner: str, due, priority_key: str) -> None:
        if not self.is_live:
            self.console.capture_bar.show_refused("Start (or resume) the session before capturing.")
            return
        started = time.perf_counter()
        context = self.context()
        session_id = self.session.id
        if kind == "decision":
            saved = self._do(capture_decision, session_id, text, context, report=self.console.capture_bar)
        elif kind == "note":
            saved = self._do(capture_note, session_id, text, context, report=self.console.capture_bar)
        else:
            saved = self._do(capture_commitment, session_id, text, owner, due, priority_key or None, context,
                             report=self.console.capture_bar)
        if saved is None:
            return
        at = time.strftime("%H:%M")
        self.console.capture_bar.show_saved(kind, " ".join(text.split()), at,
                                            _context_label(context, self.stage_names))
        self.last_capture_ms = (time.perf_counter() - started) * 1000

    def add_attendee(self, line: str) -> None:
        attendee = parse_attendee_line(line)
        if self.session and self._do(add_attendee, self.session.id, attendee.name, attendee.role,
                                     attendee.silo_key) is not None:
            self.refresh()

    def review_commitment(self, commitment_id: int, status: str) -> None:
        if self._do(set_commitment_status, commitment_id, status, report=None) is not None:
            self.refresh()

    # -- conversation 3 -----------------------------------------------------------------------------
    def vote(self, leader: str, dots: dict) -> None:
        if self._do(cast_votes, self.session.id, leader, dots, report=self.console.focus_panel) is not None:
            self._journal("vote_cast", f"{leader}: {sum(dots.values())} dots")
            self.console.focus_panel.show_message(f"{leader}'s dots are saved.")
            self._session_walls_changed()

    def select(self, key: str) -> None:
        warning = self._do(focus.select_priority, self.session.id, key,
                           report=self.console.focus_panel)
        if warning is not None:
            self.console.focus_panel.show_message(warning or "Selected.", bool(warning))
            self._session_walls_changed()

    def name_team(self, key: str, sponsor: str, team: str, lead: str, members: list, months: int) -> None:
        warning = self._do(focus.assign_team, self.session.id, key, sponsor, team, lead, members, months,
                           report=self.console.focus_panel)
        if warning is not None:
            self.console.focus_panel.show_message(warning or f"The {team} is named.", bool(warning))
            self.console.focus_panel.clear_inputs("team")
            self._session_walls_changed()

    def add_candidate(self, moment_key: str, title: str) -> None:
        if self._do(focus.add_candidate, moment_key, title,
                    report=self.console.focus_panel) is not None:
            self.console.focus_panel.clear_inputs("candidate")
            self._session_walls_changed()

    def propose_stop(self, title: str, rationale: str, capacity: str) -> None:
        if self._do(focus.propose_stop_doing, self.session.id, title, rationale, capacity,
                    report=self.console.focus_panel) is not None:
            self.console.focus_panel.clear_inputs("stop")
            self.refresh()

    def decide_stop(self, item_id: int, stop: bool) -> None:
        if self._do(focus.decide_stop_doing, self.session.id, item_id, stop,
                    report=self.console.focus_panel) is not None:
            self._journal("stop_doing_decided", str(item_id))
            self.refresh()

    # -- conversation 4 -------------------------------------------------------------------------------
    def report(self, key: str, position: int, text: str, artifacts: list) -> None:
        if self._do(accountability.report_step, self.session.id, key, position, text, artifacts,
                    report=self.console.accountability_panel) is not None:
            self.console.accountability_panel.show_message(f"Step {position} reported.")
            self._session_walls_changed()

    def recognise(self, key: str, citation: str) -> None:
        if self._do(accountability.recognise, self.session.id, key, citation,
                    report=self.console.accountability_panel) is None:
            return
        team = self.room.db.execute("SELECT t.name, p.title FROM priorities p LEFT JOIN teams t "
                                    "ON t.priority_id = p.id WHERE p.key = ?", (key,)).fetchone()
        self.console.accountability_panel.show_message("Recognised: the walls celebrate.")
        self._session_walls_changed()
        self.celebrate.emit(CelebrationData(team[0] or team[1], team[1], " ".join(citation.split())))

    # -- minutes ---------------------------------------------------------------------------------------
    def save_minutes(self, path: str, fmt: str = "") -> Path | None:
        """Minutes of the current session at any time: a draft while it is live."""
        if self.session is None:
            return None
        from ..services.minutes import gather_minutes  # the minutes' code loads when first asked for
        from .minutes_export import format_of, write_minutes

        try:
            output = write_minutes(gather_minutes(self.room, self.session.id), Path(path),
                                   format_of(Path(path), fmt or None))
        except ValueError as problem:
            self.console.session_panel.show_message(str(problem))
            return None
        self.console.session_panel.show_message(f"Minutes written to {output}.")
        return output

    # -- plumbing ---------------------------------------------------------------------------------------
    def _do(self, command, *args, report=None):
        """Run one storage command; a refusal goes to ``report`` (or the session panel) and gives None."""
        target = report if report is not None else self.console.session_panel
        try:
            result = command(self.room, *args)
        except Refusal as refused:
            (target.show_refused if hasattr(target, "show_refused") else target.show_message)(str(refused))
            return None
        return True if result is None else result

    def record(self, kind: str, detail: str) -> None:
        """Something the walls showed that the minutes should name (while the session is live)."""
        self._journal(kind, detail)

    def _journal(self, kind: str, detail: str) -> None:
        if self.is_live or kind in ("session_started", "session_resumed"):
            self._journal_unchecked(kind, detail)

    def _journal_unchecked(self, kind: str, detail: str) -> None:
        try:
            record_event(self.room, self.session.id, kind, detail)
        except Refusal:
            pass  # a room open for viewing keeps no journal; the console says so already

    def _session_walls_changed(self) -> None:
        self.revision += 1
        self.refresh()
        self.walls_changed.emit()

    def refresh(self) -> None:
        """Tell every session panel what is now true."""
        console, s = self.console, self.session
        if s is None:
            console.session_panel.show_session("No session is planned in this room yet: plan one.", "none")
            console.capture_bar.set_open(False, "Plan and start a session to capture.")
            return
        state = "resuming" if self._stale else s.state
        console.session_panel.show_session(
            f"{s.title} · {s.scheduled_on} · {s.cadence} · {state.upper()}"
            + (f" since {s.started_at[11:16]}" if s.state == "live" and s.started_at else ""),
            "live" if self.is_live else ("none" if self._stale else s.state))
        console.session_panel.show_conversation(self.conversation)
        attendees = attendees_of(self.room, s.id)
        console.session_panel.show_attendees([(a.name, a.role, a.silo_key or "") for a in attendees])
        console.session_panel.attendee_template = "\n".join(
            ", ".join(part for part in (a.name, a.role, a.silo_key or "") if part) for a in attendees)
        console.session_panel.show_carried(carried_commitments(self.room, s.id))
        console.capture_bar.set_open(self.is_live, {"planned": "Start the session to capture.",
                                                     "closed": "This session is closed: its minutes are ready."}
                                     .get(s.state, "Resume or close the interrupted session first."))
        console.capture_bar.set_people([a.name for a in attendees])
        selected = self.room.db.execute("SELECT key, title FROM priorities WHERE status = 'selected' "
                                        "ORDER BY id").fetchall()
        console.capture_bar.set_priorities(selected)
        console.focus_panel.show_candidates(focus.candidates(self.room, s.id), [a.name for a in attendees],
                                            s.dots_per_leader, focus.votes_by_leader(self.room, s.id))
        console.focus_panel.show_stop_doing(focus.stop_doing_of(self.room, s.id))
        console.accountability_panel.show_board(accountability.team_board(self.room))
        console.accountability_panel.show_proposals(accountability.recognition_proposals(self.room, s.id))
        console.show_agenda(f"{s.title} · {s.scheduled_on}", agenda_of(self.room.db, s.id))
        self.refreshed.emit()
