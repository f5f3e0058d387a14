"""Work the room does while idle (frames for the neighbouring stages, the console's pictures) waits
until the room is on screen, so it never delays the first picture; a wall that never shows does
not hold it back for long."""

from __future__ import annotations

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
