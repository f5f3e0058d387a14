"""The live room: the console on the laptop screen and a wall on every other screen, kept in step.

Every action (a key, a console button, the control socket) becomes a command sent to the room
engine; the engine returns what changed, and the walls and the console redraw from that and from
the engine's state alone. A stage switch: key -> RoomKeys -> ``send(Next())`` -> RoomEngine.apply
-> RoomModel (new state, Changes) -> ``_redraw`` -> WallPresenter.show and the console.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ..domain import room_commands as cmd
from ..domain.refusal import Refusal
from ..domain.room_changes import Changed, Changes, Effect
from ..domain.room_state import REHEARSAL, RoomState
from ..services.image_prefetch import ImagePrefetcher
from ..services.room_engine import RoomEngine
from ..services.screen_assignment import AssignmentStore
from ..ui.console.console_window import ConsoleWindow, WallStatus
from ..ui.console.wheel_guard import guard_wheel
from ..ui.walls.stage_panel import thumbnail_box, thumbnails_shown
from .application_filters import LiftableFilters
from .call_controller import CallController
from .on_screen import once_on_screen
from .paths import style_sheet
from .room_clock import RoomClock
from .room_keys import RoomKeys
from .session_controller import SessionController
from .walk_controller import WalkController
from .wall_content import wall_plans
from .wall_factory import WallFactory
from .wall_presenter import WallPresenter
from .wall_screens import WallScreens

DEFAULT_DWELL_SECONDS = 20
EXIT_TO_EDITOR = 64  # the live room closed for "Edit room…": run_room opens the editor, then the room again
CONSOLE_PICTURE_DELAY_MS = 120
PLAYER_WARM_UP_MS = 1500  # libVLC starts once the room is on screen, not before
REDRAWN = {Changed.STAGE, Changed.WALLS, Changed.SESSION, Changed.SESSION_DATA, Changed.CALL, Changed.EXERCISE}


class LiveRoom(QObject):
    """Owns the walls and the console; sends every action to the engine and shows what it changed."""

    changed = Signal(object)  # the Changes of every command, once the walls and console have followed

    def __init__(self, factory: WallFactory, store: AssignmentStore, notice: str = "", kiosk: bool = False):
        """``kiosk``: no console on screen and a wall on every screen, none of which can be closed."""
        super().__init__()
        self.kiosk = kiosk
        self.factory = factory
        self.store = store
        self.engine = RoomEngine(factory.source.room)
        self.prefetcher = ImagePrefetcher(factory.images, factory.source.media_bytes)
        self._decode_first_thumbnails()  # on worker threads, while the console is built here
        self.console = ConsoleWindow(factory.branding.room_name, [s.name for s in factory.source.stages],
                                     style_sheet("console"), notice)
        c = self.console
        c.stage_requested.connect(lambda number: self.send(cmd.Go(number)))
        c.next_requested.connect(lambda: self.send(cmd.Next()))
        c.previous_requested.connect(lambda: self.send(cmd.Previous()))
        c.blackout_requested.connect(lambda: self.send(cmd.Blackout()))
        c.identify_requested.connect(lambda: self.send(cmd.Identify()))
        c.view_requested.connect(lambda identity, view: self.send(cmd.Assign(identity, view)))
        c.release_requested.connect(lambda identity: self.send(cmd.Release(identity)))
        c.start_requested.connect(lambda: self.send(cmd.LayOut()))
        c.cycle_toggled.connect(lambda on: self.send(cmd.SetCycling(on)))
        c.dwell_changed.connect(self.set_dwell)
        c.artifact_requested.connect(self.show_artifact)
        c.page_requested.connect(lambda step: self.send(cmd.TurnPage(step)))
        c.zoom_requested.connect(self.zoom_artifact)
        c.asset_period_requested.connect(lambda label: self.send(cmd.SetAssetPeriod(label)))
        c.edit_room_requested.connect(self.leave_for_the_editor)
        self.dwell: dict[str, int] = {}
        self._cycle_timers: dict[str, QTimer] = {}
        self.clock = RoomClock(self.state.planned_stage_seconds)
        self._clock_position = self.state.position  # the stage the stage clock is timing
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self._console_pictures = QTimer(self, singleShot=True, interval=CONSOLE_PICTURE_DELAY_MS)
        self._console_pictures.timeout.connect(self._update_console_pictures)
        self.calls = CallController(factory, self.console.call_panel, self.engine, self.send)
        self.session = SessionController(self.engine, self.console, self.send, self._redraw)
        self.walk = WalkController(self.engine, self.console.panels, self.send, self._print_handouts)
        self.console.show_asset_periods(factory.asset_labels())
        self.presenter = WallPresenter(factory, self.prefetcher)
        self.screens = WallScreens(factory.branding, lambda walls: self.send(
            cmd.ScreensChanged(walls, self.store.load())), kiosk=kiosk)
        self.keys: RoomKeys | None = None  # a kiosk takes no room keys: nobody drives it
        if not kiosk:
            self.keys = RoomKeys(self.console, {
                (lambda: self.send(cmd.Next())): ("PgDown", "Right", "Space"),
                (lambda: self.send(cmd.Previous())): ("PgUp", "Left"),
                (lambda: self.send(cmd.Blackout())): ("B", "."),
                (lambda: self.send(cmd.White())): ("W",),
                (lambda: self.send(cmd.Go(1))): ("Home",),
                (lambda: self.send(cmd.Go(self.state.stage_count))): ("End",),
                (lambda: self.send(cmd.LayOut())): ("F5",),
                self.screens.leave_full_screen: ("Esc",),
                (lambda: self.send(cmd.PlayPause())): ("P",),
                (lambda: self.send(cmd.Withdraw())): ("Ctrl+Z",),
                (lambda: self.send(cmd.Quit())): ("Ctrl+Q",),
            }, jump=lambda number: self.send(cmd.Go(number)), typed=self.console.show_typed_stage)
        self.wheel_guard = guard_wheel()  # the wheel turns no drop-down or number box that was not clicked
        self.filters = LiftableFilters(self.keys, self.wheel_guard)
        self.presenter.quiet = self.filters.lifted
        self.presenter.on_screen = self.on_screen
        self._closing = False
        self._pictures_waited_for_screen = False  # the first console pictures wait until the room is on screen
        self.session.refresh()
        self._clock_changed()

    # -- the one path ---------------------------------------------------------------------------------
    @property
    def state(self) -> RoomState:
        return self.engine.state

    def execute(self, command: cmd.Command) -> Changes:
        """Apply ``command`` and redraw what it changed; a refusal is raised for the caller to report."""
        changes = self.engine.apply(command)
        self._redraw(changes)
        return changes

    def send(self, command: cmd.Command) -> Changes | None:
        """Apply ``command`` from the console or a key: a refusal is told on the console, in one sentence."""
        try:
            return self.execute(command)
        except Refusal as refused:
            self.console.show_message(str(refused), warning=True)
            return None

    def _redraw(self, changes: Changes) -> None:
        for identity, view in changes.remember:
            self.store.remember(identity, view)
        if changes.message:
            self.console.show_message(changes.message)
        what = changes.what
        if not self.kiosk:  # nobody sees a kiosk's console: it is not kept up to date
            self._console_follows(what)
        if self.state.position != self._clock_position:  # a cover or a conversation keeps the stage's time
            self._clock_position = self.state.position
            self.clock.new_segment()
        if Changed.CALL in what:
            self.calls.follow(self.state.call)
        if Changed.WALLS in what:
            self._cycle_timers_follow()
        if REDRAWN & what:
            self.refresh()
        for effect in changes.effects:
            self._carry_out(effect)
        self.changed.emit(changes)

    def _console_follows(self, what: frozenset[Changed]) -> None:
        if Changed.SESSION in what or Changed.CAPTURES in what:
            self.session.refresh()
        if what & {Changed.SESSION, Changed.CAPTURES, Changed.EXERCISE}:
            self.walk.refresh()
        if Changed.CLOCK in what or Changed.SESSION in what:
            self._clock_changed()

    def _carry_out(self, effect: Effect) -> None:
        if effect is Effect.IDENTIFY:
            self.screens.identify()
        elif effect is Effect.LAY_OUT:
            self.screens.arrange()
        elif effect is Effect.QUIT:
            QTimer.singleShot(0, QApplication.quit)  # after the reply to whoever asked has gone out
        else:
            self.calls.transport(effect)

    def leave_for_the_editor(self) -> None:
        """Close the live room so the room editor can open it (run_room reopens the room after); refused
        while a session is live, whose captures must not change under it."""
        if self.state.session.live:
            self.console.show_message("Close the session first: a room cannot be edited while a session is live.",
                                      warning=True)
            return
        QTimer.singleShot(0, lambda: QApplication.exit(EXIT_TO_EDITOR))

    # -- screens ------------------------------------------------------------------------------------------
    def _decode_first_thumbnails(self) -> None:
        """Start decoding the thumbnails of the stage the room opens on, for every screen a wall may take."""
        primary = QGuiApplication.primaryScreen()
        artifacts = thumbnails_shown(self.factory.stage_data(self.state.position).artifacts)
        for screen in QGuiApplication.screens():
            if screen is not primary or len(QGuiApplication.screens()) == 1:
                box = thumbnail_box(screen.geometry().height())
                for artifact in artifacts:
                    self.prefetcher.request(artifact.media_sha256, artifact.page - 1, box, artifact.pdf_password)

    def start(self) -> None:
        """Show the console and the walls; the first stage's thumbnails are ready before anything shows.
        The room keys and the wheel guard are lifted until the windows are on screen and painted
        (application_filters.py says why): ``filters.listening`` says when keys work."""
        self.prefetcher.wait()
        put_back = self.filters.lift()
        try:
            if not self.kiosk:
                primary = QGuiApplication.primaryScreen()
                self.console.setScreen(primary)
                self.console.move(primary.geometry().topLeft())
                self.console.showMaximized()
            self.screens.arrange()
        except BaseException:
            put_back()
            raise
        once_on_screen(self.on_screen, lambda: self._closing, lambda: QTimer.singleShot(0, put_back),
                       poll_ms=5, give_up_s=5)  # put back after the paints the exposures asked for
        QTimer.singleShot(PLAYER_WARM_UP_MS, lambda: self._closing or self.calls.player)  # the devices list fills

    @property
    def closing(self) -> bool:
        """True once ``shut_down`` has begun: nothing should redraw or start any more."""
        return self._closing

    @property
    def walls(self):
        return self.screens.walls

    @property
    def present(self):
        return self.screens.present

    def wall_statuses(self) -> list[WallStatus]:
        statuses = []
        for number, wall in enumerate(self.state.walls, start=1):
            borrowed = wall.borrowed.reason if wall.borrowed and not self.state.cover else ""
            statuses.append(WallStatus(wall.identity, wall.name, self.screens.size_of(wall.identity), wall.assigned,
                                       wall.present, self.dwell.get(wall.identity, DEFAULT_DWELL_SECONDS),
                                       number, self.state.shown(wall), borrowed))
        return statuses

    # -- what the walls show ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Every present wall and the console, from the state."""
        s = self.state
        windows = {identity: self.screens.walls[identity] for identity in self.screens.present}
        plans = wall_plans(s, windows, self.factory)
        self.presenter.show(plans, s.position, s.cover, s.celebration)
        self.calls.attach([p.wall.call_view for p in plans if p.view == "call" and not s.cover])
        if self.kiosk:
            return  # nobody sees a kiosk's console: it is not kept up to date
        following = s.next_position()
        self.console.show_stage(s.position, s.stage.name, s.cover,
                                f"{following} · {s.stages[following - 1].name}" if following else "")
        self.console.show_alert(self.factory.stage_alert(s.position))
        self.console.show_walls(self.wall_statuses())
        self.console.show_artifacts([(a.key, a.title) for a in self.factory.stage_data(s.position).artifacts])
        self.calls.show_stage_calls(s.position)
        self._show_console_verbatim()
        self._console_pictures.start()

    def _update_console_pictures(self) -> None:
        """The console's small pictures of every wall and of what Next shows; after the switch, not in it,
        and at start-up once the room is on screen. A kiosk has no console to show them."""
        if self._closing or self.kiosk:
            return
        if not self._pictures_waited_for_screen:
            self._pictures_waited_for_screen = True
            self.presenter.when_on_screen(self._update_console_pictures)
            return
        for plan in self.presenter.plans:
            self.console.show_wall_image(plan.identity, self.presenter.current_image(plan))
        following = self.state.next_position()
        if following is None:
            self.console.show_preview(None, "End of the journey: Next does nothing here.")
            return
        frame = self.presenter.next_frame(following)
        caption = f"{following} · {self.state.stages[following - 1].name}"
        if frame is not None:
            self.console.show_preview(frame, caption)
        else:
            self._console_pictures.start()  # the frame is still being prepared

    # -- the clocks and cycle mode ------------------------------------------------------------------------
    def _clock_changed(self) -> None:
        self.clock.planned = self.state.planned_stage_seconds
        session = self.state.session
        self.clock.session_started_at = session.started_at if session.live else ""
        self.clock.conversation = session.conversation if session.live else 0
        self.clock.conversation_started_at = session.conversation_started_at
        self.clock.conversation_planned = self.engine.conversation_minutes(session.conversation) * 60
        self._tick()

    def _tick(self) -> None:
        if self.kiosk:
            return
        self.console.show_clock(*self.clock.readings(), *self.clock.conversation_reading())
        self._show_console_verbatim()

    def _show_console_verbatim(self) -> None:
        texts = self.factory.console_verbatims(self.state.position)
        text = texts[self.presenter.verbatim_index % len(texts)] if texts else ""
        self.console.show_verbatim(text, self.factory.source.mask)

    def _cycle_timers_follow(self) -> None:
        """Cycle mode: every wall moves on by itself after its own dwell time, round the journey."""
        wanted = {w.identity for w in self.state.present_walls()} if self.state.cycling else set()
        for identity in list(self._cycle_timers):
            if identity not in wanted:
                self._cycle_timers.pop(identity).stop()
        for identity in wanted - set(self._cycle_timers):
            timer = QTimer(self, interval=self.dwell.get(identity, DEFAULT_DWELL_SECONDS) * 1000)
            timer.timeout.connect(lambda identity=identity: self.send(cmd.CycleWall(identity)))
            timer.start()
            self._cycle_timers[identity] = timer

    def set_dwell(self, identity: str, seconds: int) -> None:
        self.dwell[identity] = seconds
        if identity in self._cycle_timers:
            self._cycle_timers[identity].setInterval(seconds * 1000)

    # -- what the console and older callers ask of the room -------------------------------------------------
    @property
    def position(self) -> int:
        return self.state.position

    @property
    def cover(self) -> str | None:
        return self.state.cover

    def go_to(self, position: int) -> None:
        self.send(cmd.Go(position))

    def set_view(self, identity: str, view: str) -> None:
        self.send(cmd.Assign(identity, view))

    def show_artifact(self, key: str) -> None:
        """An artifact on the artifact walls, at the page it opens at (a PDF's chosen page, else the first)."""
        opens_at = next((a.page for a in self.factory.stage_data(self.state.position).artifacts if a.key == key), 1)
        self.send(cmd.ShowArtifact(key, opens_at - 1))

    def identify_screens(self) -> None:
        self.send(cmd.Identify())

    def zoom_artifact(self, factor: float) -> None:
        for plan in self.presenter.plans:
            if plan.view == "artifact":
                plan.wall.artifact.zoom_by(factor)

    def _print_handouts(self, key: str, copies: int, paper: str) -> None:
        path = self.console.ask_handout_path(key)
        if path:
            self.walk.save_handout(key, copies, paper, path)

    def on_screen(self) -> bool:
        """The console and every wall are mapped and exposed, so painting them reaches the screen."""
        windows = [*([] if self.kiosk else [self.console]),
                   *(self.screens.walls[identity] for identity in self.screens.present)]
        return all(window.windowHandle() is not None and window.windowHandle().isExposed() for window in windows)

    def shut_down(self) -> None:
        """Close and delete every window while Qt is still up (pyqtgraph items must not outlive it)."""
        self._closing = True
        self.filters.close()
        for timer in (self._clock_timer, self._console_pictures, *self._cycle_timers.values()):
            timer.stop()
        self.session.stop()  # its refresh after phone votes would read a room file about to close
        if self.keys is not None:
            self.keys.detach()
        self.wheel_guard.remove()
        self.presenter.stop()
        self.prefetcher.wait()
        self.calls.release()
        self.screens.close()
        self.console.close()
        self.console.deleteLater()
        QApplication.processEvents()


__all__ = ["LiveRoom", "REHEARSAL"]
