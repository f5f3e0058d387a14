"""The kiosk player: the live room with no console, a wall on every screen, looping the room's programme.

It drives the room only through the live room's commands (a step is Go to its stage, then a view for each
wall), writes "heartbeat" to its standard output every few seconds for the supervisor, keeps the step it
is on in the state folder (never in the room) so a restart resumes there, darkens the walls outside the
schedule's hours and brings them back at opening time, and takes no key: Esc, Alt+F4 and Ctrl+Q do nothing;
Ctrl+Alt+P asks for the exit PIN (kiosk_exit.py).

    python -m customer_room_desktop.app.kiosk_player ROOM STATE_FOLDER [--safe-screen]
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ..domain import room_commands as cmd
from ..domain.kiosk_programme import KioskProgramme, KioskStep
from ..domain.wall_views import split_view
from ..services.screen_assignment import ProgrammedAssignments
from ..services.session_wall_data import latest_celebration
from ..storage.kiosk_store import pin_hash
from ..storage.room_file import RoomFile
from .kiosk_command import room_programme
from .kiosk_awake import KeepAwake
from .kiosk_exit import KioskKeys
from .kiosk_supervisor import EXIT_LEFT_WITH_PIN
from .kiosk_tour import KioskInput, KioskTourGuide
from .live_room import LiveRoom
from .qt_app import qt_application
from .wall_factory import WallFactory

HEARTBEAT_MS = 5000
SOUND_VOLUME = 80  # a step's call with sound = true; muted otherwise (the captions carry it)
SCHEDULE_CHECK_MS = 20_000
_STAGE_VIEWS = ("stage", "complaints")


def step_commands(step: KioskStep, walls: int) -> list[object]:
    """The room's commands for one step on ``walls`` walls: its stage first, then each wall's view."""
    stages = [int(argument) for view in step.walls for name, _, argument in [view.partition(":")]
              if name in _STAGE_VIEWS and argument.isdigit()]
    commands: list[object] = [cmd.Go(stages[0] if stages else 1)]
    for number in range(1, walls + 1):
        view = step.view_for(number)
        spec, argument = split_view(view)
        if spec.name == "celebration":
            continue
        commands.append(cmd.Assign(number, view if spec.live_argument and argument else spec.name))
    return commands


class KioskPlayer(QObject):
    def __init__(self, live: LiveRoom, programme: KioskProgramme, state_dir: Path,
                 now: Callable[[], datetime] = datetime.now, celebrate: cmd.Celebrate | None = None,
                 awake: KeepAwake | None = None):
        super().__init__()
        self.awake = awake  # holds the screensaver off during opening hours
        self.live, self.programme, self.now = live, programme, now
        self.state_file = state_dir / "kiosk-state.json"
        self.celebrate = celebrate
        self.index = self._resumed_index()
        self.open = True
        self._step_timer = QTimer(self, singleShot=True)
        self._step_timer.timeout.connect(self.next_step)
        self._heartbeat = QTimer(self, interval=HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.beat)
        self._schedule = QTimer(self, interval=SCHEDULE_CHECK_MS)
        self._schedule.timeout.connect(self.follow_schedule)
        self.tour = KioskTourGuide(live, programme.tour, self._step_timer.stop, self.show_step,
                                   lambda: self.open, self._set_sound)

    def _resumed_index(self) -> int:
        try:
            index = int(json.loads(self.state_file.read_text(encoding="utf-8"))["step"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0
        return index if 0 <= index < len(self.programme.steps) else 0

    def start(self) -> None:
        self.beat()
        self._heartbeat.start()
        self._schedule.start()
        self.follow_schedule()
        if self.open:
            self._keep_awake(True)
            self.show_step()

    def beat(self) -> None:
        print("heartbeat", flush=True)

    def show_step(self) -> None:
        step = self.programme.steps[self.index]
        for command in step_commands(step, len(self.live.state.walls)):
            self.live.send(command)
        self._play_call(step)
        if "celebration" in step.walls and self.celebrate is not None:
            self.live.send(self.celebrate)
        self._remember()
        self._step_timer.start(step.seconds * 1000)

    def _play_call(self, step: KioskStep) -> None:
        """The step's call from its start, muted with captions unless the step asks for sound; a step
        without a call closes the one before."""
        if not step.call:
            if self.live.state.call is not None:
                self.live.send(cmd.CloseCall())
            return
        self._set_sound(step.sound)
        if self.live.state.call is not None and self.live.state.call.key != step.call:
            self.live.send(cmd.CloseCall())
        self.live.send(cmd.OpenCall(step.call))
        self.live.send(cmd.Play())

    def _set_sound(self, sound: bool) -> None:
        self.live.console.call_panel.volume.setValue(SOUND_VOLUME if sound else 0)

    def next_step(self) -> None:
        if not self.open or self.tour.active:
            return
        self.index = self.programme.step_after(self.index)
        self.show_step()

    def follow_schedule(self) -> None:
        """Dark outside the opening hours, back at opening time on the step it left."""
        now_open = self.programme.schedule.is_open(self.now())
        if now_open == self.open:
            return
        self.open = now_open
        self._keep_awake(now_open)
        if not now_open:
            self.tour.end(resume=False)
            self._step_timer.stop()
            if self.live.state.cover != "blackout":
                self.live.send(cmd.Blackout())
        else:
            self.show_step()  # its Go lifts the blackout

    def _remember(self) -> None:
        """The step, in the state folder (written whole, then renamed: a power cut leaves the old one)."""
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.state_file.with_suffix(".tmp")
        partial.write_text(json.dumps({"step": self.index}), encoding="utf-8")
        os.replace(partial, self.state_file)

    def _keep_awake(self, awake: bool) -> None:
        """Screens awake in opening hours; outside them they may sleep (the display's own power saving)."""
        if self.awake is None:
            return
        if not awake:
            self.awake.release()
            return
        problem = self.awake.hold()
        if problem:
            print(f"customer-room kiosk: {problem}", file=sys.stderr, flush=True)

    def stop(self) -> None:
        for timer in (self._step_timer, self._heartbeat, self._schedule):
            timer.stop()
        self.tour.end(resume=False)
        self._keep_awake(False)


def _celebrate(room: RoomFile) -> cmd.Celebrate | None:
    """The room's newest recognition, as the command that celebrates it on every wall."""
    celebrated = latest_celebration(room)
    return cmd.Celebrate(celebrated.team, celebrated.priority, celebrated.citation) if celebrated else None


def _first_wall(live: LiveRoom) -> QWidget | None:
    present = list(live.present)
    return live.walls[present[0]] if present else None


def run_player(room_path: Path, state_dir: Path) -> int:
    app = qt_application("Customer Room kiosk")
    with RoomFile.open(room_path, read_only=True) as room:
        programme = room_programme(room)
        factory = WallFactory(room)
        live = LiveRoom(factory, ProgrammedAssignments(), kiosk=True)
        live.start()
        player = KioskPlayer(live, programme, state_dir, celebrate=_celebrate(room), awake=KeepAwake())
        keys = KioskKeys(pin_hash(room), lambda: _first_wall(live), on_key=player.tour.key)
        keys.left.connect(lambda: app.exit(EXIT_LEFT_WITH_PIN))
        touches = KioskInput(live, player.tour)
        for event_filter in (keys, touches):
            app.installEventFilter(event_filter)
        player.start()
        try:
            return app.exec()
        finally:
            player.stop()
            for event_filter in (keys, touches):
                app.removeEventFilter(event_filter)
            live.shut_down()


def run_safe_screen(room_path: Path) -> int:
    """The safe screen on every screen: the logo, "The room will be back shortly." and the time, until the
    supervisor tries the room again (it ends this process). Nothing here can fail the way the room did."""
    from ..services.wall_data import room_branding
    from ..ui.walls.plain_screens import PlainScreen

    app = qt_application()
    with RoomFile.open(room_path, read_only=True) as room:
        branding = room_branding(room)
        stored = pin_hash(room)
    screens: list[QWidget] = []
    for screen in QApplication.screens():
        window = PlainScreen(branding, "safe")
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        screens.append(window)
    keys = KioskKeys(stored, lambda: screens[0] if screens else None)
    keys.left.connect(lambda: app.exit(EXIT_LEFT_WITH_PIN))
    app.installEventFilter(keys)
    clock = QTimer(app, interval=30_000)
    clock.timeout.connect(lambda: [window.update() for window in screens])
    clock.start()
    heartbeat = QTimer(app, interval=HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: print("heartbeat", flush=True))
    heartbeat.start()
    return app.exec()


if __name__ == "__main__":
    if "--safe-screen" in sys.argv:
        sys.exit(run_safe_screen(Path(sys.argv[1])))
    sys.exit(run_player(Path(sys.argv[1]), Path(sys.argv[2])))
