"""The live session's console: plans, the four conversations, captures, votes and reports.

Which session the room is in, and its conversation, belong to the room's state: lifecycle actions
(start, close, resume, a conversation, a capture) are sent as commands; the storage actions of
conversations 3 and 4 are saved in their own transaction here, then tell the room its session data
changed. A refusal is shown as the one sentence it carries, and nothing of it is kept.
"""

from __future__ import annotations

import time
from pathlib import Path
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ..domain import room_commands as cmd
from ..domain.meetings import CaptureContext
from ..domain.refusal import Refusal
from ..domain.room_changes import Changes
from ..services.room_engine import RoomEngine
from ..storage.commitment_reviews import review_commitment
from ..storage.errors import DiskFullError
from ..storage import accountability, focus
from ..storage.ballots import record_vote
from ..storage.captures import (
    add_attendee, edit_capture, list_captures,
)
from ..storage.journal import events_of, record_event
from ..storage.session_plans import (
    SessionRow, attendees_of, carried_commitments, parse_attendee_line, plan_session, session_row,
)
from ..storage.session_queries import agenda_of
from ..ui.console.console_window import ConsoleWindow

CLOSE_CONFIRM_SECONDS = 6
# Each session tab's signals, and the method of the controller each one calls.
_PANEL_INTENTS = {
    "session": (("plan_requested", "plan"), ("start_requested", "start"), ("close_requested", "close"),
                ("conversation_requested", "set_conversation"), ("attendee_added", "add_attendee"),
                ("commitment_reviewed", "review_commitment")),
    "focus": (("votes_entered", "vote"), ("select_requested", "select"), ("team_requested", "name_team"),
              ("candidate_added", "add_candidate"), ("stop_doing_proposed", "propose_stop"),
              ("stop_doing_decided", "decide_stop")),
    "accountability": (("report_entered", "report"), ("recognition_requested", "recognise")),
}


class SessionController(QObject):
    """Turns the session panels' intents into commands and storage actions, and keeps them up to date."""

    def __init__(self, engine: RoomEngine, console: ConsoleWindow, send: Callable[[cmd.Command], Changes | None],
                 redraw: Callable[[Changes], None]):
        super().__init__()
        self.engine = engine
        self.room = engine.room
        self.console = console
        self.send = send
        self.redraw = redraw
        self.last_capture_ms = 0.0
        self._close_armed_until = 0.0
        self.stage_names = engine.stage_names
        # Phones' ballots arrive in bursts: the walls follow each at once, the console at most every 100 ms.
        self._phone_votes_shown = QTimer(self, singleShot=True, interval=100, timeout=self.refresh)
        engine.writes.watch(console.show_storage_problem)  # a full disk: the banner says so until a write succeeds
        bar = console.capture_bar
        console.minutes_path_chosen.connect(self.save_minutes)
        console.resume_requested.connect(self.resume)
        console.close_stale_requested.connect(self.close_interrupted)
        bar.capture_requested.connect(self.capture)
        bar.withdraw_requested.connect(self.withdraw)
        bar.edit_requested.connect(self.edit)
        console.panels.built.connect(self._panel_made)  # the session's tabs are made when first shown
        for name in ("session", "focus", "accountability"):
            if console.panels.has(name):
                self._panel_made(name)

    def _panel_made(self, name: str) -> None:
        """A session tab's panel was just made: connect its intents to this controller, and fill it."""
        if name not in _PANEL_INTENTS:
            return  # the Phones tab's: phone_switch's
        panel = self.console.panels.panel(name)
        for signal, slot in _PANEL_INTENTS[name]:
            getattr(panel, signal).connect(getattr(self, slot))
        if name == "session":
            panel.minutes_requested.connect(self.console.ask_minutes_path)
        elif name == "focus":
            panel.set_moments(self.room.db.execute(
                "SELECT m.key, s.name || ': ' || m.name FROM moments m JOIN stages s ON s.id = m.stage_id "
                "ORDER BY s.position, m.id").fetchall())
        elif name == "accountability":
            panel.set_artifacts(self.room.db.execute("SELECT key, title FROM artifacts ORDER BY title").fetchall())
        self.refresh()

    # -- which session (the room's state says) ------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        return self.engine.state.session.id

    @property
    def session(self) -> SessionRow | None:
        return session_row(self.room, self.session_id) if self.session_id is not None else None

    @property
    def is_live(self) -> bool:
        return self.engine.state.session.live

    @property
    def conversation(self) -> int:
        return self.engine.state.session.conversation

    def _show_history(self) -> None:
        """What this session saved already, so a resumed console lists it as before."""
        if self.session_id is None:
            self.console.capture_bar.show_history([])
            return
        self.console.capture_bar.show_history(
            [(row.kind, row.text, row.at[11:16], self._where(row.context), row.uid, row.owner, row.due)
             for row in list_captures(self.room, self.session_id)])

    def _where(self, context_json: str) -> str:
        return CaptureContext.from_json(context_json).describe(self.stage_names, self.engine.call_titles)

    # -- the session's lifecycle ------------------------------------------------------------------
    def plan(self, fields: dict) -> None:
        try:
            session_id = self.engine.writes.run(
                plan_session, fields["title"], fields["cadence"], fields["scheduled_on"],
                [parse_attendee_line(line) for line in fields["attendees"]], fields["dots_per_leader"],
                fields["max_priorities"], fields.get("next_session_on"))
        except Refusal as refused:
            self.console.session_panel.plan_refused(str(refused))
            return
        self.console.session_panel.plan_saved()
        self.redraw(self.engine.load_session(session_id))

    def start(self) -> None:
        self.send(cmd.StartSession())

    def close(self) -> None:
        """Closing is asked twice: the first press says what it does, a second within a few seconds closes."""
        if time.monotonic() > self._close_armed_until:
            self._close_armed_until = time.monotonic() + CLOSE_CONFIRM_SECONDS
            self.console.show_message(f"Press “Close session” again to close “{self.engine.state.session.title}”: "
                                      "captures end and the minutes are final.", warning=True)
            return
        self._close_armed_until = 0.0
        self.send(cmd.CloseSession())

    def close_interrupted(self) -> None:
        """The resume banner's "Close it": the choice is explicit already."""
        self.send(cmd.CloseSession())

    def resume(self) -> None:
        """Carry on the interrupted session where its journal says the walls stood."""
        self.send(cmd.ResumeSession())

    def set_conversation(self, conversation: int) -> None:
        if self.send(cmd.Conversation(conversation)) is not None:
            self.console.show_conversation_tab(conversation)

    # -- captures ---------------------------------------------------------------------------------
    def capture(self, kind: str, text: str, owner: str, due, priority_key: str) -> None:
        started = time.perf_counter()
        try:
            changes = self.engine.apply(cmd.Capture(kind, text, owner, due.isoformat() if due else "",
                                                    priority_key))
        except DiskFullError:  # the banner says it whole; the typed text stays in the field
            self.console.capture_bar.show_refused("Not saved: the disk is full (see above); your text is kept.")
            return
        except Refusal as refused:
            self.console.capture_bar.show_refused(str(refused))
            return
        context = self.engine.capture_context()
        self.console.capture_bar.show_saved(kind, " ".join(text.split()), time.strftime("%H:%M"),
                                            context.describe(self.stage_names, self.engine.call_titles),
                                            uid=str(changes.result))
        self.last_capture_ms = (time.perf_counter() - started) * 1000

    def withdraw(self, uid: str) -> None:
        """From the capture list (or Ctrl+Z through the room's keys, which sends the command itself)."""
        try:
            self.engine.apply(cmd.Withdraw(uid))
        except Refusal as refused:
            self.console.capture_bar.show_refused(str(refused))
            return
        self.console.capture_bar.show_withdrawn(uid)

    def edit(self, uid: str, text: str) -> None:
        try:
            self.engine.writes.run(edit_capture, uid, text)
        except Refusal as refused:
            self.console.capture_bar.show_refused(str(refused))
            return
        self.console.capture_bar.show_edited(uid, " ".join(text.split()))

    def add_attendee(self, line: str) -> None:
        attendee = parse_attendee_line(line)
        if self.session and self._do(add_attendee, self.session.id, attendee.name, attendee.role,
                                     attendee.silo_key) is not None:
            self.refresh()

    def review_commitment(self, commitment_id: int, outcome: str, moved_to: str = "") -> None:
        """This session's review of an earlier commitment, kept for its minutes."""
        if self.session is not None and self._do(review_commitment, self.session.id, commitment_id, outcome,
                                                 moved_to or None) is not None:
            self.refresh()

    # -- conversation 3 -----------------------------------------------------------------------------
    def vote(self, leader: str, dots: dict) -> None:
        """A leader's dots typed on the console: saved as a phone's are (storage/ballots.py), journaled while live."""
        if self._do(record_vote, self.session.id, leader, dots, None, self.is_live,
                    report=self.console.focus_panel) is not None:
            self.console.focus_panel.show_message(f"{leader}'s dots are saved.")
            self._session_walls_changed()

    def stop(self) -> None:
        """The room is closing: a console refresh still waiting for a burst of phone votes is dropped."""
        self._phone_votes_shown.stop()

    def votes_arrived(self) -> None:
        """Dots saved from a phone: the tally wall follows at once; the console's session panels, which take
        ~17 ms to rebuild, follow once per burst (30 phones voting at once queued ~90 rebuilds otherwise)."""
        self.send(cmd.SessionDataChanged())
        if not self._phone_votes_shown.isActive():
            self._phone_votes_shown.start()

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
        if self._do(accountability.recognise, self.session_id, key, citation,
                    report=self.console.accountability_panel) is None:
            return
        team = self.room.db.execute("SELECT t.name, p.title FROM priorities p LEFT JOIN teams t "
                                    "ON t.priority_id = p.id WHERE p.key = ?", (key,)).fetchone()
        self.console.accountability_panel.show_message("Recognised: the walls celebrate.")
        self._session_walls_changed()
        self.send(cmd.Celebrate(team[0] or team[1], team[1], " ".join(citation.split())))

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
        except Refusal as problem:  # a full disk too: one sentence, no partial file
            self.console.session_panel.show_message(str(problem))
            self.console.show_message(str(problem), warning=True)
            return None
        self.console.session_panel.show_message(f"Minutes written to {output}.")
        self.console.show_message(f"Minutes written to {output}.", written=str(output))
        return output

    # -- plumbing ---------------------------------------------------------------------------------------
    def _do(self, command, *args, report=None):
        """Run one storage action; a refusal goes to ``report`` (or the session panel) and gives None."""
        target = report if report is not None else self.console.session_panel
        try:
            result = self.engine.writes.run(command, *args)
        except Refusal as refused:
            (target.show_refused if hasattr(target, "show_refused") else target.show_message)(str(refused))
            return None
        return True if result is None else result

    def _journal(self, kind: str, detail: str) -> None:
        if self.is_live and self.session_id is not None:
            self.engine.writes.record(record_event, self.session_id, kind, detail)

    def _session_walls_changed(self) -> None:
        self.send(cmd.SessionDataChanged())
        self.refresh()

    def refresh(self) -> None:
        """Tell every session panel what is now true."""
        console, s, state = self.console, self.session, self.engine.state.session
        interrupted = state.status == "interrupted"
        console.offer_resume(self._resume_text() if interrupted else "")
        made = console.panels.has  # a tab not yet shown has no panel to fill: it is filled when made
        if s is None:
            if made("session"):
                console.session_panel.show_session("No session is planned in this room yet: plan one.", "none")
            console.capture_bar.set_open(False, "Plan and start a session to capture.")
            console.show_session_state("No session planned", False)
            return
        status = "resuming" if interrupted else s.state
        console.show_session_state(f"{s.title}: " + {"live": f"LIVE since {(s.started_at or '')[11:16]}",
                                                      "interrupted": "left open, resume or close it",
                                                      "closed": "closed", "planned": "planned, not started"}
                                   .get(state.status, state.status), state.live)
        attendees = attendees_of(self.room, s.id)
        if made("session"):
            panel = console.session_panel
            panel.show_session(f"{s.title} · {s.scheduled_on} · {s.cadence} · {status.upper()}"
                               + (f" since {s.started_at[11:16]}" if state.live and s.started_at else ""),
                               "live" if state.live else ("none" if interrupted else s.state))
            panel.show_conversation(state.conversation)
            panel.show_attendees([(a.name, a.role, a.silo_key or "") for a in attendees])
            panel.attendee_template = "\n".join(
                ", ".join(part for part in (a.name, a.role, a.silo_key or "") if part) for a in attendees)
            panel.show_carried(carried_commitments(self.room, s.id))
        console.capture_bar.set_open(state.live, {"planned": "Start the session to capture.",
                                                  "closed": "This session is closed: its minutes are ready."}
                                     .get(s.state, "Resume or close the interrupted session first."))
        console.capture_bar.set_people([a.name for a in attendees])
        selected = self.room.db.execute("SELECT key, title FROM priorities WHERE status = 'selected' "
                                        "ORDER BY id").fetchall()
        console.capture_bar.set_priorities(selected)
        if made("focus"):
            console.focus_panel.show_candidates(focus.candidates(self.room, s.id), [a.name for a in attendees],
                                                s.dots_per_leader, focus.votes_by_leader(self.room, s.id))
            console.focus_panel.show_stop_doing(focus.stop_doing_of(self.room, s.id))
        if made("accountability"):
            console.accountability_panel.show_board(accountability.team_board(self.room))
            console.accountability_panel.show_proposals(accountability.recognition_proposals(self.room, s.id))
        console.show_agenda(f"{s.title} · {s.scheduled_on}", agenda_of(self.room.db, s.id))
        if state.live:
            self._show_history()

    def _resume_text(self) -> str:
        state = self.engine.state.session
        saved = events_of(self.room, state.id) if state.id is not None else []
        last = saved[-1][0][11:16] if saved else state.started_at[11:16]
        return (f"“{state.title}” was still running when the room last closed (last saved at {last}). "
                "Everything saved is kept.")
