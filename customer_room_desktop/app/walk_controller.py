"""In the customer's shoes: which persona or exercise the walls show, and each leader's result saved.

A result is saved in its own transaction (and journaled) before the console lists it. The time
taken is the time since the exercise started, as the wall's clock shows it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.exercises import Outcome, clock_text
from ..services.walk_data import exercise_wall_data, persona_data, persona_keys
from ..storage.captures import CaptureRefused
from ..storage.errors import ReadOnlyRoomError
from ..storage.exercises import (
    ExerciseRun, ExerciseRunning, exercise_tasks, record_reaction, record_result, results_of, running_exercise,
    start_exercise, stop_exercise,
)
from ..storage.room_file import RoomFile
from ..storage.session_plans import attendees_of
from ..ui.console.walk_panel import WalkPanel
from .session_controller import SessionController

Refusal = (CaptureRefused, ReadOnlyRoomError)


class WalkController(QObject):
    walls_changed = Signal()
    call_requested = Signal(str)

    def __init__(self, room: RoomFile, panel: WalkPanel, session: SessionController):
        super().__init__()
        self.room, self.panel, self.session = room, panel, session
        self.run: ExerciseRun | None = None  # running, or stopped with its results still on the wall
        self.persona_choice: str | None = None
        self.meeting_personas = False  # conversation 2 opens with every persona on the walls
        self.revision = 0
        self.page = 0  # the artifact page the exercise wall shows
        self.personas = persona_keys(room)
        calls = room.db.execute("SELECT c.key, p.name || ' · ' || c.title FROM calls c JOIN personas p "
                                "ON p.id = c.persona_id ORDER BY p.id, c.id").fetchall()
        panel.show_personas(self.personas, calls)
        panel.show_tasks([(t.artifact_key, f"{t.title} · customers: median {clock_text(t.customer_median_seconds)}")
                          for t in exercise_tasks(room)])
        panel.persona_requested.connect(self.show_persona)
        panel.call_requested.connect(self.call_requested.emit)
        panel.start_requested.connect(self.start)
        panel.replace_confirmed.connect(self.replace)
        panel.stop_requested.connect(self.stop)
        panel.result_entered.connect(self.result)
        panel.reaction_entered.connect(self.reaction)
        session.conversation_changed.connect(self._conversation)
        session.refreshed.connect(self.refresh)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._show_status)
        self.refresh()

    # -- what the walls show --------------------------------------------------------------------
    def wanted_views(self) -> list[str]:
        views = ["exercise"] if self.run else []
        if self.persona_choice:
            views.append(f"persona:{self.persona_choice}")
        elif self.meeting_personas:
            views += [f"persona:{key}" for key, _ in self.personas]
        return views

    def data_for(self, view: str) -> tuple | None:
        if view == "exercise" and self.run:
            return ((self.run.id, self.revision, self.page), exercise_wall_data(self.room, self.run), self.page)
        if view.startswith("persona:"):
            key = view.split(":", 1)[1]
            return (key, persona_data(self.room, key))
        return None

    def turn_page(self, step: int) -> bool:
        """The console's page buttons turn the exercise's artifact while one is on the wall."""
        if self.run is None:
            return False
        self.page = max(0, self.page + step)
        self.walls_changed.emit()
        return True

    def show_persona(self, key: str) -> None:
        self.persona_choice = key
        self.walls_changed.emit()

    def _conversation(self, conversation: int) -> None:
        meeting = conversation == 2 and bool(self.personas)
        if meeting != self.meeting_personas:
            self.meeting_personas = meeting
            self.walls_changed.emit()

    def leave_stage(self) -> None:
        """The walls move on: personas and a stopped exercise's results make way for the stage."""
        self.persona_choice, self.meeting_personas = None, False
        if self.run and self.run.stopped_at:
            self.run = None

    # -- the exercise ---------------------------------------------------------------------------
    def start(self, key: str) -> None:
        if not self.session.is_live:
            self.panel.show_message("Start (or resume) the session before running an exercise.")
            return
        try:
            self.run = start_exercise(self.room, self.session.session_id, key)
        except ExerciseRunning as running:
            self.panel.ask_to_replace(str(running), key)
            return
        except Refusal as refused:
            self.panel.show_message(str(refused))
            return
        self.panel.hide_replace()
        self.panel.show_message("")
        self.page = 0
        self._changed()

    def replace(self, key: str) -> None:
        self.stop()
        self.start(key)

    def stop(self) -> None:
        running = running_exercise(self.room, self.session.session_id) if self.session.session_id else None
        if running is not None:
            self.run = stop_exercise(self.room, running.id)
            self._changed()

    def _seconds(self) -> int:
        return max(0, int((datetime.now() - datetime.fromisoformat(self.run.started_at[:19])).total_seconds()))

    def result(self, attendee: str, outcome: str, answer: str) -> None:
        if self.run is None or self.run.stopped_at:
            self.panel.show_message("Start an exercise before recording results.")
            return
        try:
            record_result(self.room, self.run.id, attendee, Outcome(outcome), self._seconds(), answer)
        except Refusal as refused:
            self.panel.show_message(str(refused))
            return
        self.panel.show_message(f"{attendee}: {outcome} at {clock_text(self._seconds())}, saved.")
        self.panel.next_leader()
        self._changed()

    def reaction(self, attendee: str, text: str) -> None:
        if self.run is None:
            return
        try:
            record_reaction(self.room, self.run.id, attendee, text)
        except Refusal as refused:
            self.panel.show_message(str(refused))
            return
        self.panel.show_message(f"{attendee}'s reaction is saved.")
        self.panel.text.clear()
        self._changed()

    def save_handout(self, key: str, copies: int, paper: str, path: str) -> Path | None:
        from ..services.handout_pdf import HandoutError, write_handout  # loaded when first printed

        try:
            result = write_handout(self.room, key, Path(path), copies, paper)
        except (*Refusal, HandoutError) as refused:
            self.panel.show_message(str(refused))
            return None
        self.panel.show_message(f"Handouts written to {path}: {result.pages} pages to print.")
        return Path(path)

    # -- telling the console ----------------------------------------------------------------------
    def _changed(self) -> None:
        self.revision += 1
        self.refresh()
        self.walls_changed.emit()

    def _show_status(self) -> None:
        if self.run and not self.run.stopped_at:
            self.panel.status.setText(f"Running: {self.run.task.title} · {clock_text(self._seconds())} "
                                      f"(customers: median {clock_text(self.run.task.customer_median_seconds)})")

    def refresh(self) -> None:
        session_id = self.session.session_id
        if self.run is None and self.session.is_live:
            self.run = running_exercise(self.room, session_id)  # an exercise left running, after a resume
        attendees = attendees_of(self.room, session_id) if session_id else []
        results = {r.attendee: r for r in results_of(self.room, self.run.id)} if self.run else {}
        rows = [(a.name, f"{results[a.name].outcome.value} {clock_text(results[a.name].seconds)}"
                 + (f" · “{results[a.name].answer}”" if results[a.name].answer else "")
                 + (f" · {results[a.name].reaction}" if results[a.name].reaction else "")
                 if a.name in results else "") for a in attendees]
        running = self.run is not None and not self.run.stopped_at
        status = None
        if self.run:
            status = (f"Stopped: {self.run.task.title}; the wall shows the results." if not running else "")
        self.panel.show_running(status, rows, self.session.is_live)
        if running:
            self._show_status()
            self._ticker.start()
        else:
            self._ticker.stop()
