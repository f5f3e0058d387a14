"""The kiosk's self-guided tour, and its cursor.

A visitor presses an arrow key or a clicker's button, or touches a wall: the loop pauses and the first wall
shows the tour page of the stage on the walls (the second and third show that stage's panel and
complaints). Arrows, Page Up/Down (what clickers send), Space and the page's Back and Next buttons move
through the journey with the room's own Next and Previous; touching a call plays it on the second wall with
its captions. After the programme's idle time without a key or a touch (counted from the end of a call
still playing), the walls go back to the loop, on the step they left.

The cursor is hidden on every wall and shows for 3 s after the mouse moves, so a mouse can find the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QCursor, QMouseEvent

from ..domain import room_commands as cmd
from ..domain.kiosk_programme import KioskTour
from ..ui.walls.tour_wall import tour_targets
from .live_room import LiveRoom

CURSOR_HIDES_MS = 3000
FORWARD_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
                Qt.Key.Key_Enter}
BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
TOUR_VIEWS = ("tour", "stage", "complaints")  # walls beyond these show the journey
CALL_WALL = 2  # where a touched call plays (the tour page stays on wall 1); the only wall when there is one


def tour_views(walls: int) -> list[str]:
    return [TOUR_VIEWS[number] if number < len(TOUR_VIEWS) else "journey" for number in range(walls)]


class KioskTourGuide(QObject):
    """Starts, drives and ends a visitor's tour through the live room's commands. ``pause_loop`` and
    ``resume_loop`` are the kiosk player's; ``may_start`` says whether the room is open."""

    def __init__(self, live: LiveRoom, settings: KioskTour, pause_loop, resume_loop, may_start,
                 set_volume) -> None:
        super().__init__()
        self.live, self.settings = live, settings
        self._pause_loop, self._resume_loop, self._may_start = pause_loop, resume_loop, may_start
        self._set_volume = set_volume
        self.active = False
        self._idle = QTimer(self, singleShot=True, interval=settings.idle_seconds * 1000)
        self._idle.timeout.connect(self._idle_over)

    # -- what a visitor does ------------------------------------------------------------------------
    def key(self, key: int) -> bool:
        """A key press the kiosk did not keep for its PIN; True when it moved the tour."""
        forward, back = key in {k.value for k in FORWARD_KEYS}, key in {k.value for k in BACK_KEYS}
        if not (forward or back) or not self._may_start():
            return False
        if not self.active:
            self.start()
        elif forward:
            self._move(cmd.Next())
        else:
            self._move(cmd.Previous())
        return True

    def touch(self, identity: str, at: QPointF) -> None:
        """A press or a touch at ``at`` (the wall's own pixels) on the wall ``identity``."""
        if not self._may_start():
            return
        if not self.active:
            self.start()
            return
        self._touched()
        wall = next((w for w in self.live.state.walls if w.identity == identity), None)
        if wall is None:
            return
        if self._on_call_wall(identity) and self.live.state.call is not None:
            self._close_call()  # a touch on the call gives the wall back to the stage
            return
        if self.live.state.shown(wall) != "tour":
            return
        window = self.live.walls[identity]
        data = self.live.factory.tour_data(self.live.state.position)
        for name, box in tour_targets(window.width(), window.height(), data).items():
            if box.contains(at):
                self._act(name)
                return

    # -- the tour ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Pause the loop and show the tour of the stage on the walls (else the first)."""
        self._pause_loop()
        self.active = True
        if self.live.state.call is not None:
            self.live.send(cmd.CloseCall())
        self.live.send(cmd.Go(self.live.state.position))
        self._lay_out()
        self._touched()

    def end(self, resume: bool = True) -> None:
        """Back to the loop, on the step it left (``resume`` False: the room is closing for the night)."""
        if not self.active:
            return
        self.active = False
        self._idle.stop()
        if self.live.state.call is not None:
            self.live.send(cmd.CloseCall())
        if resume:
            self._resume_loop()

    def _lay_out(self) -> None:
        for number, view in enumerate(tour_views(len(self.live.state.walls)), start=1):
            self.live.send(cmd.Assign(number, view))

    def _act(self, name: str) -> None:
        if name == "next":
            self._move(cmd.Next())
        elif name == "back":
            self._move(cmd.Previous())
        elif name.startswith("call:"):
            self._play(name.partition(":")[2])

    def _move(self, command: cmd.Next | cmd.Previous) -> None:
        self._touched()
        if self.live.state.call is not None:
            self._close_call()
        self.live.send(command)

    def _play(self, key: str) -> None:
        self._set_volume(self.settings.sound)
        self.live.send(cmd.Assign(self._call_wall(), "call"))
        self.live.send(cmd.OpenCall(key))
        self.live.send(cmd.Play())

    def _close_call(self) -> None:
        self.live.send(cmd.CloseCall())
        self._lay_out()

    def _call_wall(self) -> int:
        return min(CALL_WALL, len(self.live.state.walls))

    def _on_call_wall(self, identity: str) -> bool:
        walls = self.live.state.walls
        return bool(walls) and walls[self._call_wall() - 1].identity == identity

    def _touched(self) -> None:
        self._idle.start()

    def _idle_over(self) -> None:
        call = self.live.state.call
        if call is not None and call.playing:
            self._idle.start()  # a visitor listening to a call is not idle
            return
        self.end()


class KioskInput(QObject):
    """An application-wide filter for the kiosk's mouse and touch: a press on a wall goes to the tour guide;
    moving the mouse shows the cursor for a while. Keys reach the guide through the kiosk's key filter."""

    def __init__(self, live: LiveRoom, guide: KioskTourGuide):
        super().__init__()
        self.live, self.guide = live, guide
        self._hide = QTimer(self, singleShot=True, interval=CURSOR_HIDES_MS)
        self._hide.timeout.connect(lambda: self._cursor(Qt.CursorShape.BlankCursor))
        self.cursor_shown = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.MouseMove:
            if not self.cursor_shown:
                self._cursor(Qt.CursorShape.ArrowCursor)
            self._hide.start()
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton:
            found = self._wall_at(event.globalPosition())
            if found is not None:
                self.guide.touch(*found)
                return True
        return False

    def _wall_at(self, at: QPointF) -> tuple[str, QPointF] | None:
        for identity in self.live.present:
            window = self.live.walls[identity]
            local = window.mapFromGlobal(at)
            if window.rect().contains(local.toPoint()):
                return identity, local
        return None

    def _cursor(self, shape: Qt.CursorShape) -> None:
        self.cursor_shown = shape != Qt.CursorShape.BlankCursor
        for identity in self.live.present:
            self.live.walls[identity].setCursor(QCursor(shape))
