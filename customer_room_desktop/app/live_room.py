"""The live room: the console on the laptop screen and a wall on every other screen, kept in step."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from ..domain.meetings import CaptureContext

from ..services.image_prefetch import ImagePrefetcher
from ..services.screen_assignment import AssignmentStore, assign_views, journey_slice, walls_of
from ..ui.console.console_window import ConsoleWindow, WallStatus
from ..ui.walls.wall_window import WallWindow
from .paths import style_sheet
from .call_controller import CallController
from .identify_screens import ScreenNumbers, screen_info
from .room_clock import RoomClock, planned_stage_seconds
from .room_keys import RoomKeys
from .session_controller import SessionController
from .wall_factory import WallFactory
from .wall_content import CONVERSATION_VIEWS, lent_views, live_data
from .walk_controller import WalkController
from .wall_presenter import WALK_VIEWS, WallPlan, WallPresenter, base_view

REHEARSAL = "rehearsal"
DEFAULT_DWELL_SECONDS = 20
CONSOLE_PICTURE_DELAY_MS = 120
SCREEN_SETTLE_MS = 300  # screen changes come in bursts: wait for them to settle


class LiveRoom(QObject):
    """Owns the walls and the console; every user action comes here and every window follows."""

    def __init__(self, factory: WallFactory, store: AssignmentStore, notice: str = ""):
        """``factory`` reads the open room; calls stream from the same room file."""
        super().__init__()
        self.factory = factory
        self.store = store
        self.position = 1
        self.cover: str | None = None  # "blackout" or "white" over every wall, or None
        self.walls: dict[str, WallWindow] = {}
        self.present: dict[str, QScreen] = {}
        self.assignment: dict[str, str] = {}
        self.screen_numbers = ScreenNumbers()
        self.console = ConsoleWindow(factory.branding.room_name, [s.name for s in factory.source.stages],
                                     style_sheet("console"), notice)
        self.console.stage_requested.connect(self.go_to)
        self.console.next_requested.connect(self.next_stage)
        self.console.previous_requested.connect(self.previous_stage)
        self.console.blackout_requested.connect(lambda: self.toggle_cover("blackout"))
        self.console.identify_requested.connect(self.identify_screens)
        self.console.view_requested.connect(self.set_view)
        self.console.start_requested.connect(self._start)
        self.console.cycle_toggled.connect(self.set_cycling)
        self.console.dwell_changed.connect(self.set_dwell)
        self.console.artifact_requested.connect(self.show_artifact)
        self.console.page_requested.connect(self.turn_page)
        self.console.zoom_requested.connect(self.zoom_artifact)
        self.cycling = False
        self.wall_positions: dict[str, int] = {}
        self.dwell: dict[str, int] = {}
        self._cycle_timers: dict[str, QTimer] = {}
        self.artifact_choice: tuple[str, int] | None = None  # (key, page) chosen on the console
        title, agenda = factory.agenda()
        self.console.show_agenda(title, agenda)
        self.clock = RoomClock(planned_stage_seconds(agenda, factory.stage_count))
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self._console_pictures = QTimer(self, singleShot=True, interval=CONSOLE_PICTURE_DELAY_MS)
        self._console_pictures.timeout.connect(self._update_console_pictures)
        self.calls = CallController(factory, factory.source.room.path, self.console.call_panel, self.refresh)
        self.celebration = None  # what the walls celebrate while the cover is "celebration"
        self.asset_label = ""  # the customer-asset period chosen on the console ("" = the latest quarter)
        self._asset_journaled = ""
        self.session = SessionController(factory.source.room, self.console, self.capture_context)
        self.session.walls_changed.connect(self.refresh)
        self.session.conversation_changed.connect(lambda _: self.refresh())
        self.session.celebrate.connect(self.celebrate)
        self.session.resumed_at.connect(self._resume_at)
        self.walk = WalkController(factory.source.room, self.console.walk_panel, self.session)
        self.walk.walls_changed.connect(self.refresh)
        self.walk.call_requested.connect(self.calls.open_call)
        self.console.walk_panel.handout_requested.connect(self._print_handouts)
        self.console.session_panel.start_requested.connect(self.clock.start_session)
        self.console.show_asset_periods(factory.asset_labels())
        self.console.asset_period_requested.connect(self.set_asset_period)
        self.prefetcher = ImagePrefetcher(factory.images, factory.source.media_bytes)
        self.presenter = WallPresenter(factory, self.prefetcher)
        self._settle = QTimer(self, singleShot=True, interval=SCREEN_SETTLE_MS)
        self._settle.timeout.connect(self.arrange_screens)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screen_removed)
        self._install_keys()

    # -- screens ---------------------------------------------------------------------------
    def start(self) -> None:
        """Show the console and the walls; stage 1's thumbnails are prepared before anything shows."""
        primary = QGuiApplication.primaryScreen()
        for screen in QGuiApplication.screens():
            if screen is not primary or len(QGuiApplication.screens()) == 1:
                self.factory.thumbnails(self.factory.stage_data(self.position), screen.geometry().height())
        self.console.setScreen(primary)
        self.console.move(primary.geometry().topLeft())
        self.console.showMaximized()
        self.arrange_screens()

    def _screens_changed(self, *_: object) -> None:
        self._settle.start()

    def _screen_removed(self, screen: QScreen) -> None:
        # Hide the wall at once, before Qt moves it onto the console's screen; lay out after the burst.
        for identity, present in list(self.present.items()):
            if present is screen:
                self.walls[identity].hide()
                del self.present[identity]
        self._settle.start()

    def arrange_screens(self) -> None:
        primary = QGuiApplication.primaryScreen()
        screens = {screen_info(s, primary): s for s in QGuiApplication.screens()}
        infos = walls_of(list(screens))
        self.present = {}
        walls_known = any(identity != REHEARSAL for identity in self.walls)
        if not infos and not walls_known:
            self._rehearse()
        elif not infos:
            for wall in self.walls.values():  # every wall unplugged mid-session: placeholders, no pop-up
                wall.hide()
        else:
            rehearsal = self.walls.pop(REHEARSAL, None)
            if rehearsal:
                rehearsal.close()
            self.assignment = assign_views(list(screens), self.store.load())
            for info in infos:
                wall = self.walls.get(info.identity)
                if wall is None:
                    wall = WallWindow(self.factory.branding, info.identity)
                    self.walls[info.identity] = wall
                self.present[info.identity] = screens[info]
                wall.place_on(screens[info])
                if wall.shown_signature and wall.shown_signature[-1] != (wall.width(), wall.height()):
                    self.presenter.forget(info.identity)
            for identity, wall in self.walls.items():
                if identity not in self.present:
                    wall.hide()
        self.refresh()

    def _rehearse(self) -> None:
        """One screen only: the walls appear as a window, so a facilitator can prepare alone."""
        wall = self.walls.get(REHEARSAL)
        if wall is None:
            wall = WallWindow(self.factory.branding, REHEARSAL, rehearsal=True)
            self.walls[REHEARSAL] = wall
            wall.resize(1280, 720)
        self.assignment = {REHEARSAL: self.assignment.get(REHEARSAL, "stage")}
        self.present = {REHEARSAL: QGuiApplication.primaryScreen()}
        wall.show()

    def wall_statuses(self) -> list[WallStatus]:
        statuses = []
        for identity, wall in self.walls.items():
            screen = self.present.get(identity)
            name = identity.split(":")[1] if ":" in identity else identity
            size = f"{screen.geometry().width()}x{screen.geometry().height()}" if screen else ""
            statuses.append(WallStatus(identity, name, size, self.assignment.get(identity, "logo"), screen is not None,
                                       self.dwell.get(identity, DEFAULT_DWELL_SECONDS)))
        return statuses

    def set_view(self, identity: str, view: str) -> None:
        if self.assignment.get(identity) == view:
            return
        self.assignment[identity] = view
        if identity != REHEARSAL:
            self.store.remember(identity, view)
        self.refresh()

    def identify_screens(self) -> None:
        """A large number on every screen for three seconds: the console's screen is 0."""
        primary = QGuiApplication.primaryScreen()
        walls = [screen for screen in self.present.values() if screen is not primary]
        self.screen_numbers.show([("0", primary)] + [(str(n), s) for n, s in enumerate(walls, start=1)])

    # -- what the walls show ------------------------------------------------------------------
    def refresh(self) -> None:
        journey_walls = [i for i in self.present if self.assignment.get(i) == "journey"]
        lent = self._lent_walls()
        plans = []
        for identity in self.present:
            view = lent.get(identity, self.assignment.get(identity, "logo"))
            stages = (1, self.factory.stage_count)
            if view == "journey":
                stages = journey_slice(journey_walls.index(identity), len(journey_walls), self.factory.stage_count)
            position = self.wall_positions.get(identity, self.position) if self.cycling else self.position
            plans.append(WallPlan(identity, self.walls[identity], view, position, stages,
                                  self.artifact_choice if view == "artifact" else None,
                                  self.calls.call.key if view == "call" and self.calls.call else None,
                                  self._live_data(view)))
        self.calls.session_id = self.session.session_id if self.session.is_live else None
        self.presenter.show(plans, self.position, self.cover, self.celebration)
        self.calls.attach([p.wall.call_view for p in plans if p.view == "call" and not self.cover])
        stage = self.factory.source.stages[self.position - 1]
        self.console.show_stage(self.position, stage.name, self.cover)
        self.console.show_alert(self.factory.stage_alert(self.position))
        self.console.show_walls(self.wall_statuses())
        self.console.show_artifacts([(a.key, a.title) for a in self.factory.stage_data(self.position).artifacts])
        self.calls.show_stage_calls(self.position)
        self._show_console_verbatim()
        self._console_pictures.start()

    def _live_data(self, view: str) -> tuple | None:
        if base_view(view) in WALK_VIEWS:
            return self.walk.data_for(view)
        data = live_data(view, self.factory, self.session.session_id, self.session.revision, self.asset_label)
        if view == "asset" and data and self.session.is_live and self._asset_journaled != data[1].period.label:
            self._asset_journaled = data[1].period.label
            self.session.record("asset_shown", self._asset_journaled)  # the minutes name the period shown
        return data

    def _lent_walls(self) -> dict[str, str]:
        """With no wall set to show calls or artifacts, the first walls lend themselves while one is open;
        the conversations bring their own views forward the same way."""
        conversation = self.session.conversation if self.session.is_live else 0
        wanted = [view for view, on in (("call", self.calls.call is not None),
                                        ("artifact", self.artifact_choice is not None)) if on] + self.walk.wanted_views()
        return lent_views(list(self.present), self.assignment, wanted + list(CONVERSATION_VIEWS.get(conversation, ())))

    def _update_console_pictures(self) -> None:
        """The console's small pictures of every wall and of what comes next; after the switch, not in it."""
        for plan in self.presenter.plans:
            self.console.show_wall_image(plan.identity, self.presenter.current_image(plan))
        following = self.position % self.factory.stage_count + 1
        frame = self.presenter.next_frame(following)
        if frame is not None:
            self.console.show_preview(frame, f"{following} · {self.factory.source.stages[following - 1].name}")
        elif self.presenter.plans:
            self._console_pictures.start()  # the frame is still being prepared

    # -- the clock and cycle mode --------------------------------------------------------------
    def _tick(self) -> None:
        self.console.show_clock(*self.clock.readings())
        self._show_console_verbatim()

    def _show_console_verbatim(self) -> None:
        texts = self.factory.console_verbatims(self.position)
        text = texts[self.presenter.verbatim_index % len(texts)] if texts else ""
        self.console.show_verbatim(text, self.factory.source.mask)

    def set_cycling(self, on: bool) -> None:
        """Cycle mode: every wall moves on by itself after its own dwell time, round the journey."""
        self.cycling = on
        for timer in self._cycle_timers.values():
            timer.stop()
        self._cycle_timers = {}
        self.wall_positions = {}
        if on:
            for identity in self.present:
                timer = QTimer(self, interval=self.dwell.get(identity, DEFAULT_DWELL_SECONDS) * 1000)
                timer.timeout.connect(lambda identity=identity: self._advance_wall(identity))
                timer.start()
                self._cycle_timers[identity] = timer
        self.refresh()

    def set_dwell(self, identity: str, seconds: int) -> None:
        self.dwell[identity] = seconds
        if identity in self._cycle_timers:
            self._cycle_timers[identity].setInterval(seconds * 1000)

    def _advance_wall(self, identity: str) -> None:
        current = self.wall_positions.get(identity, self.position)
        self.wall_positions[identity] = current % self.factory.stage_count + 1
        self.refresh()

    # -- artifacts on a wall ---------------------------------------------------------------------
    def show_artifact(self, key: str) -> None:
        self.artifact_choice = (key, 0)
        self.refresh()

    def turn_page(self, step: int) -> None:
        if self.walk.turn_page(step):
            return
        if self.artifact_choice:
            key, page = self.artifact_choice
            self.artifact_choice = (key, max(0, page + step))
            self.refresh()

    def zoom_artifact(self, factor: float) -> None:
        for plan in self.presenter.plans:
            if plan.view == "artifact":
                plan.wall.artifact.zoom_by(factor)

    def go_to(self, position: int) -> None:
        position = min(max(position, 1), self.factory.stage_count)
        if position != self.position or self.cover:
            moved = position != self.position
            self.position = position
            self.cover = None
            self.celebration = None
            self.artifact_choice = None
            self.walk.leave_stage()
            self.clock.new_segment()
            self.refresh()
            if moved:
                self.session.stage_shown(self.factory.source.stages[position - 1].key)

    def _resume_at(self, stage_key: str) -> None:
        keys = [stage.key for stage in self.factory.source.stages]
        if stage_key in keys:
            self.go_to(keys.index(stage_key) + 1)

    def _print_handouts(self, key: str, copies: int, paper: str) -> None:
        path = self.console.ask_handout_path(key)
        if path:
            self.walk.save_handout(key, copies, paper, path)

    def set_asset_period(self, label: str) -> None:
        self.asset_label = label
        self.refresh()

    def capture_context(self) -> CaptureContext:
        """What the walls show now: each capture is tied to it."""
        call = self.calls.call
        return CaptureContext(self.factory.source.stages[self.position - 1].key,
                              self.artifact_choice[0] if self.artifact_choice else None,
                              call.key if call else None, self.calls.player.position_ms if call else None)

    def celebrate(self, data) -> None:
        """A recognition: every wall celebrates the team until the facilitator moves on."""
        self.celebration = data
        self.cover = "celebration"
        self.refresh()

    def next_stage(self) -> None:
        self.go_to(self.position + 1)

    def previous_stage(self) -> None:
        self.go_to(self.position - 1)

    def toggle_cover(self, kind: str) -> None:
        self.cover = None if self.cover == kind else kind
        self.celebration = None
        self.refresh()

    # -- keys that presenters and clickers send -----------------------------------------------
    def _install_keys(self) -> None:
        self.keys = RoomKeys(self.console, {
            self.next_stage: ("PgDown", "Right", "Space"),
            self.previous_stage: ("PgUp", "Left"),
            (lambda: self.toggle_cover("blackout")): ("B", "."),
            (lambda: self.toggle_cover("white")): ("W",),
            (lambda: self.go_to(1)): ("Home",),
            (lambda: self.go_to(self.factory.stage_count)): ("End",),
            self._start: ("F5",),
            self._leave_full_screen: ("Esc",),
            self.calls.play_pause: ("P",),
        }, jump=self.go_to)

    def _start(self) -> None:
        """F5: the session starts now, on stage 1, with the walls laid out afresh."""
        self.clock.start_session()
        self.go_to(1)
        self.arrange_screens()

    def paint_now(self) -> None:
        """Paint the console and every wall synchronously (start-up measurement, screenshots)."""
        self.console.repaint()
        for identity in self.present:
            self.walls[identity].currentWidget().repaint()

    def shut_down(self) -> None:
        """Close and delete every window while Qt is still up (pyqtgraph items must not outlive it)."""
        for timer in (self._clock_timer, self._console_pictures, self._settle, *self._cycle_timers.values()):
            timer.stop()
        self.presenter.stop()
        self.prefetcher.wait()
        self.calls.player.release()
        self.screen_numbers.hide()
        for window in [*self.walls.values(), self.console]:
            window.close()
            window.deleteLater()
        self.walls = {}
        QApplication.processEvents()

    def _leave_full_screen(self) -> None:
        for wall in self.walls.values():
            if wall.isFullScreen():
                wall.showNormal()
