"""Work the room does while idle (frames for the neighbouring stages, the console's pictures) waits
until the room is on screen, so it never delays the first picture; a wall that never shows does
not hold it back for long."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from customer_room_desktop.app.run_room import _quit_painted
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.app.wall_presenter import ON_SCREEN_WAIT_MS, WallPresenter
from customer_room_desktop.services.image_prefetch import ImagePrefetcher
from customer_room_desktop.storage.room_file import RoomFile


def presenter_for(sample_room) -> tuple[WallPresenter, RoomFile]:
    room = RoomFile.open(sample_room, read_only=True)
    factory = WallFactory(room)
    return WallPresenter(factory, ImagePrefetcher(factory.images, factory.source.media_bytes)), room


def test_idle_work_runs_only_once_the_room_is_on_screen(qtbot, sample_room):
    presenter, room = presenter_for(sample_room)
    shown, done = [False], []
    presenter.on_screen = lambda: shown[0]
    presenter.when_on_screen(lambda: done.append("frames ahead"))
    qtbot.wait(100)  # the room is not on screen yet: nothing may run meanwhile
    assert done == []
    shown[0] = True
    qtbot.waitUntil(lambda: done == ["frames ahead"], timeout=1000)
    presenter.stop()
    room.close()


def test_a_room_that_never_shows_runs_its_idle_work_after_a_few_seconds(qtbot, sample_room):
    presenter, room = presenter_for(sample_room)
    presenter.on_screen = lambda: False
    done: list[str] = []
    presenter.when_on_screen(lambda: done.append("frames ahead"))
    qtbot.waitUntil(lambda: done == ["frames ahead"], timeout=ON_SCREEN_WAIT_MS * 3)
    presenter.stop()
    room.close()


def test_nothing_runs_after_the_room_has_stopped(qtbot, sample_room):
    presenter, room = presenter_for(sample_room)
    shown, done = [False], []
    presenter.on_screen = lambda: shown[0]
    presenter.when_on_screen(lambda: done.append("frames ahead"))
    presenter.stop()
    shown[0] = True
    qtbot.wait(100)
    assert done == []
    room.close()


class _CountsPaints(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1


def test_the_painted_line_waits_for_the_paints_queued_not_for_idle_work_queued_beside_them(qtbot, capsys):
    """The cold-start clock stops at "painted": the paints still queued are drawn first, but the idle
    work queued meanwhile (a wall's next frames, 30 ms and more) runs after it, as in the room."""
    window = _CountsPaints()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.paints > 0)
    painted_before, idle_work, quitted = window.paints, [], []
    QTimer.singleShot(0, lambda: idle_work.append("frames ahead"))
    window.update()
    _quit_painted(SimpleNamespace(quit=lambda: quitted.append(True)))
    assert window.paints == painted_before + 1
    assert idle_work == []
    assert capsys.readouterr().out == "painted\n" and quitted == [True]
    qtbot.waitUntil(lambda: idle_work == ["frames ahead"], timeout=1000)  # still runs, afterwards
