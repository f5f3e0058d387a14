"""The wall windows and the monitors they stand on: one window per monitor identity, kept for the
room's life, hidden while its monitor is unplugged and put back when it returns.

Screen changes come in bursts, so the room is told of them once they have settled. What each wall
shows is not decided here: the room model decides, by monitor identity.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen

from ..domain.room_commands import ScreenWall
from ..domain.room_state import REHEARSAL
from ..services.screen_assignment import walls_of
from ..services.wall_data import Branding
from ..ui.walls.wall_window import WallWindow
from ..ui.walls.window_memory import prepare_pixel_memory
from .identify_screens import ScreenNumbers, screen_info

SCREEN_SETTLE_MS = 300  # screen changes come in bursts: wait for them to settle
REHEARSAL_SIZE = (1280, 720)


class WallScreens(QObject):
    def __init__(self, branding: Branding, changed: Callable[[tuple[ScreenWall, ...]], None], kiosk: bool = False):
        super().__init__()
        self.branding = branding
        self.kiosk = kiosk  # a wall on every screen, none closable
        self._changed = changed
        self.walls: dict[str, WallWindow] = {}
        self.present: dict[str, QScreen] = {}
        self.numbers = ScreenNumbers()
        self._settle = QTimer(self, singleShot=True, interval=SCREEN_SETTLE_MS)
        self._settle.timeout.connect(self.arrange)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screen_removed)
        self._connected = True

    def _screens_changed(self, *_: object) -> None:
        self._settle.start()

    def _screen_removed(self, screen: QScreen) -> None:
        # Hide the wall at once, before Qt moves it onto the console's screen; lay out after the burst.
        for identity, present in list(self.present.items()):
            if present is screen:
                self.walls[identity].hide()
                del self.present[identity]
        self._settle.start()

    def arrange(self) -> None:
        """Place a wall on every screen but the console's; tell the room which walls are present."""
        primary = QGuiApplication.primaryScreen()
        screens = {screen_info(s, primary): s for s in QGuiApplication.screens()}
        infos = walls_of(list(screens), every_screen=self.kiosk)
        walls_known = any(identity != REHEARSAL for identity in self.walls)
        self.present = {}
        if not infos and not walls_known:
            self._rehearse(primary)
        elif infos:
            rehearsal = self.walls.pop(REHEARSAL, None)
            if rehearsal:
                rehearsal.close()
                rehearsal.deleteLater()
            for info in infos:
                wall = self.walls.get(info.identity)
                if wall is None:
                    wall = WallWindow(self.branding, info.identity)
                    wall.locked = self.kiosk
                    self.walls[info.identity] = wall
                self.present[info.identity] = screens[info]
                wall.place_on(screens[info])
        for identity, wall in self.walls.items():  # every wall unplugged: placeholders, no pop-up
            if identity not in self.present:
                wall.hide()
        prepare_pixel_memory(self.walls[identity] for identity in self.present)  # while the room is drawn
        self._changed(tuple(ScreenWall(identity, self._name(identity), self.walls[identity].width(),
                                       self.walls[identity].height()) for identity in self.present))

    @staticmethod
    def _name(identity: str) -> str:
        return identity.split(":")[1] if ":" in identity else identity

    def _rehearse(self, primary: QScreen) -> None:
        """One screen only: the walls appear as a window, so a facilitator can prepare alone."""
        wall = self.walls.get(REHEARSAL)
        if wall is None:
            wall = WallWindow(self.branding, REHEARSAL, rehearsal=True)
            self.walls[REHEARSAL] = wall
            wall.resize(*REHEARSAL_SIZE)
        self.present = {REHEARSAL: primary}
        wall.show()

    def size_of(self, identity: str) -> str:
        screen = self.present.get(identity)
        return f"{screen.geometry().width()}x{screen.geometry().height()}" if screen else ""

    def identify(self) -> None:
        """A large number on every screen for three seconds: the console's screen is 0, walls 1, 2, 3..."""
        primary = QGuiApplication.primaryScreen()
        walls = [screen for screen in self.present.values() if screen is not primary]
        self.numbers.show([("0", primary)] + [(str(n), s) for n, s in enumerate(walls, start=1)])

    def leave_full_screen(self) -> None:
        for wall in self.walls.values():
            if wall.isFullScreen():
                wall.showNormal()

    def close(self) -> None:
        """Stop listening to the monitors first: a screen event after shut-down must find nobody."""
        if self._connected:
            app = QGuiApplication.instance()
            app.screenAdded.disconnect(self._screens_changed)
            app.screenRemoved.disconnect(self._screen_removed)
            self._connected = False
        self._settle.stop()
        self.numbers.hide()
        for window in self.walls.values():
            window.locked = False
            window.close()
            window.deleteLater()
        self.walls, self.present = {}, {}
