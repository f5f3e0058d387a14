"""In the customer's shoes: the persona and exercise panel, and each leader's result saved.

Which persona or exercise the walls show is the room's state (ShowPersona, StartExercise and
StopExercise commands). A result is saved in its own transaction (and journaled) before the
console lists it. The time taken is the time since the exercise started, as the wall's clock shows.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer

from ..domain import room_commands as cmd
from ..domain.exercises import Outcome, clock_text
from ..domain.refusal import Refusal
from ..domain.room_changes import Changes
from ..domain.room_state import ExerciseState
from ..services.room_engine import RoomEngine
from ..services.walk_data import persona_keys
from ..storage.exercises import (
    ExerciseRun, ExerciseRunning, exercise_tasks, lone_reactions_of, record_reaction, record_result, results_of,
    run_of,
)
from ..storage.session_plans import attendees_of

if TYPE_CHECKING:
    from ..ui.console.lazy_tabs import LazyTabs
    from ..ui.console.walk_panel import WalkPanel


class WalkController(QObject):
    """Fills the "In their shoes" tab and follows it. The tab's panel, and the queries that fill it, are made
    the first time the tab is opened (they cost every start about 10 ms): until then nothing is shown."""

    def __init__(self, engine: RoomEngine, panels: LazyTabs, send: Callable[[cmd.Command], Changes | None],
                 handouts: Callable[[str, int, str], None]):
        super().__init__()
        self.engine, self.room, self.send, self._panels, self._handouts = engine, engine.room, send, panels, handouts
        self._run: tuple[ExerciseState, ExerciseRun] | None = None
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._show_status)
        panels.built.connect(self._panel_made)
        if panels.has("walk"):
            self._panel_made("walk")

    @property
    def panel(self) -> WalkPanel:
        """The tab's panel, made now if it was not yet."""
        return cast("WalkPanel", self._panels.panel("walk"))

    def _panel_made(self, name: str) -> None:
        if name != "walk":
            return
        panel = self.panel
        calls = self.room.db.execute("SELECT c.key, p.name || ' · ' || c.title FROM calls c JOIN personas p "
                                     "ON p.id = c.persona_id ORDER BY p.id, c.id").fetchall()
        panel.show_personas(persona_keys(self.room), calls)
        panel.show_tasks([(t.artifact_key, f"{t.title} · customers: median {clock_text(t.customer_median_seconds)}")
                          for t in exercise_tasks(self.room)])
        panel.persona_requested.connect(lambda key: self.send(cmd.ShowPersona(key)))
        panel.call_requested.connect(lambda key: self.send(cmd.OpenCall(key)))
        panel.start_requested.connect(self.start)
        panel.replace_confirmed.connect(self.replace)
        panel.stop_requested.connect(self.stop)
        panel.result_entered.connect(self.result)
        panel.reaction_entered.connect(self.reaction)
        panel.handout_requested.connect(self._handouts)
        self.refresh()

    @property
    def run(self) -> ExerciseRun | None:
        """The exercise on the walls: running, or stopped with its results still shown (read again only
        when the room's state of it changes, not on every tick of the console's clock)."""
        exercise = self.engine.state.exercise
        if exercise is None:
            return None
        if self._run is None or self._run[0] != exercise:
            self._run = (exercise, run_of(self.room, exercise.run_id))
        return self._run[1]

    def show_persona(self, key: str) -> None:
        self.send(cmd.ShowPersona(key))

    # -- the exercise ---------------------------------------------------------------------------
    def start(self, key: str) -> None:
        try:
            self.engine.apply(cmd.StartExercise(key))
        except ExerciseRunning as running:
            self.panel.ask_to_replace(str(running), key)
            return
        except Refusal as refused:
            self.panel.show_message(str(refused))
            return
        self.panel.hide_replace()
        self.panel.show_message("")
        self.send(cmd.ExerciseDataChanged())  # the room redraws what the exercise changed

    def replace(self, key: str) -> None:
        self.stop()
        self.start(key)

    def stop(self) -> None:
        self.send(cmd.StopExercise())

    def _changed(self) -> None:
        self.send(cmd.ExerciseDataChanged())

    def _seconds(self) -> int:
        run = self.run
        return max(0, int((datetime.now() - datetime.fromisoformat(run.started_at[:19])).total_seconds())) if run else 0

    def result(self, attendee: str, outcome: str, answer: str) -> None:
        if self.run is None or self.run.stopped_at:
            self.panel.show_message("Start an exercise before recording results.")
            return
        try:
            self.engine.writes.run(record_result, self.run.id, attendee, Outcome(outcome), self._seconds(), answer)
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
            self.engine.writes.run(record_reaction, self.run.id, attendee, text)
        except Refusal as refused:
            self.panel.show_message(str(refused))
            return
        self.panel.show_message(f"{attendee}'s reaction is saved.")
        self.panel.text.clear()
        self._changed()

    def save_handout(self, key: str, copies: int, paper: str, path: str) -> Path | None:
        from ..services.handout_pdf import write_handout  # loaded when first printed

        try:
            result = write_handout(self.room, key, Path(path), copies, paper)
        except Refusal as refused:
            self.panel.show_message(str(refused))
            return None
        self.panel.show_message(f"Handouts written to {path}: {result.pages} pages to print.")
        return Path(path)

    # -- telling the console ----------------------------------------------------------------------
    def _show_status(self) -> None:
        run = self.run
        if run and not run.stopped_at:
            self.panel.status.setText(f"Running: {run.task.title} · {clock_text(self._seconds())} "
                                      f"(customers: median {clock_text(run.task.customer_median_seconds)})")

    def refresh(self) -> None:
        if not self._panels.has("walk"):
            return  # shown when the tab is first opened
        session = self.engine.state.session
        session_id = session.id
        run = self.run
        attendees = attendees_of(self.room, session_id) if session_id else []
        results = {r.attendee: r for r in results_of(self.room, run.id)} if run else {}
        reactions = dict(lone_reactions_of(self.room, run.id)) if run else {}
        rows = [(a.name, f"{results[a.name].outcome.value} {clock_text(results[a.name].seconds)}"
                 + (f" · “{results[a.name].answer}”" if results[a.name].answer else "")
                 + (f" · {results[a.name].reaction}" if results[a.name].reaction else "")
                 if a.name in results else f"no result yet · {reactions[a.name]}" if a.name in reactions else "")
                for a in attendees]
        running = run is not None and not run.stopped_at
        status = None
        if run:
            status = (f"Stopped: {run.task.title}; the wall shows the results." if not running else "")
        self.panel.show_running(status, rows, session.live)
        if running:
            self._show_status()
            self._ticker.start()
        else:
            self._ticker.stop()
