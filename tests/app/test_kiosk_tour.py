"""The kiosk's self-guided tour on the sample room: a clicker key or a touch pauses the loop and shows the
stage's tour page; arrows and the page's buttons move through the journey; a touched call plays with its
captions; after the idle time the walls are back on the loop's step. The cursor shows only while the
mouse moves. (Three screens at once: tests/app/kiosk_tour_probe.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app import kiosk_tour
from customer_room_desktop.app.kiosk_exit import KioskKeys
from customer_room_desktop.app.kiosk_player import SOUND_VOLUME, KioskPlayer
from customer_room_desktop.app.kiosk_tour import KioskInput
from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain.kiosk_programme import KioskProgramme, KioskStep, KioskTour
from customer_room_desktop.domain.kiosk_schedule import schedule_from
from customer_room_desktop.services.screen_assignment import ProgrammedAssignments
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.ui.walls.tour_wall import tour_targets

LOOP = (KioskStep(60, ("stage:2", "complaints:2")), KioskStep(60, ("journey",)))


@pytest.fixture
def tour(sample_room, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(kiosk_tour, "CURSOR_HIDES_MS", 150)
    room = RoomFile.open(sample_room, read_only=True)
    live = LiveRoom(WallFactory(room), ProgrammedAssignments(), kiosk=True)
    live.start()
    qtbot.waitUntil(live.on_screen)
    player = KioskPlayer(live, KioskProgramme(LOOP, tour=KioskTour(idle_seconds=60)), tmp_path / "state")
    keys = KioskKeys("", lambda: None, on_key=player.tour.key)
    touches = KioskInput(live, player.tour)
    app = QApplication.instance()
    for event_filter in (keys, touches):
        app.installEventFilter(event_filter)
    player.start()
    yield live, player, touches
    player.stop()
    for event_filter in (keys, touches):
        app.removeEventFilter(event_filter)
    live.shut_down()
    room.close()


def _wall(live):
    return live.walls[live.state.walls[0].identity]


def _touch(live, target: str) -> None:
    wall = _wall(live)
    box = tour_targets(wall.width(), wall.height(), live.factory.tour_data(live.state.position))[target]
    QTest.mouseClick(wall, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box.center().toPoint())


def test_a_clicker_starts_the_tour_on_the_stage_shown_and_pages_through_the_journey(tour):
    live, player, _ = tour
    wall = _wall(live)
    assert live.state.position == 2 and not player.tour.active
    QTest.keyClick(wall, Qt.Key.Key_PageDown)  # a clicker's "next"
    assert player.tour.active and not player._step_timer.isActive()  # the loop waits
    assert live.state.position == 2 and live.state.walls[0].assigned == "tour"
    QTest.keyClick(wall, Qt.Key.Key_PageDown)
    QTest.keyClick(wall, Qt.Key.Key_Right)
    assert live.state.position == 4
    QTest.keyClick(wall, Qt.Key.Key_Left)
    assert live.state.position == 3
    QTest.keyClick(wall, Qt.Key.Key_F)  # any other key does nothing
    assert live.state.position == 3 and player.tour.active


def test_touching_next_and_a_call_plays_it_with_sound_and_touching_again_gives_the_stage_back(tour, qtbot):
    live, player, _ = tour
    QTest.mouseClick(_wall(live), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # anywhere: the tour starts
    assert player.tour.active and live.state.position == 2
    _touch(live, "next")
    _touch(live, "next")
    assert live.state.position == 4  # "I change something": the house-move call
    data = live.factory.tour_data(4)
    assert [call.key for call in data.calls] == ["house-move"]
    _touch(live, "call:house-move")
    assert live.state.call is not None and live.state.call.key == "house-move"
    assert live.console.call_panel.volume.value() == SOUND_VOLUME  # the programme's tour plays with sound
    assert live.state.walls[0].assigned == "call"  # one wall here: the call takes it, the tour page waits
    QTest.mouseClick(_wall(live), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert live.state.call is None and live.state.walls[0].assigned == "tour"


def test_after_the_idle_time_the_walls_go_back_to_the_loop_on_their_step(tour, qtbot):
    live, player, _ = tour
    player.tour.settings = KioskTour(idle_seconds=1)
    player.tour._idle.setInterval(300)
    QTest.keyClick(_wall(live), Qt.Key.Key_Space)
    QTest.keyClick(_wall(live), Qt.Key.Key_Space)
    assert player.tour.active and live.state.position == 3
    qtbot.waitUntil(lambda: not player.tour.active, timeout=3000)
    assert player.index == 0 and live.state.position == 2 and live.state.walls[0].assigned == "stage"
    assert player._step_timer.isActive()  # the loop runs on


def test_closing_time_ends_a_tour_and_nobody_can_start_one_in_the_dark(tour):
    live, player, _ = tour
    QTest.keyClick(_wall(live), Qt.Key.Key_Down)
    assert player.tour.active
    player.programme = KioskProgramme(LOOP, schedule_from({day: "closed" for day in (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}))
    player.follow_schedule()
    assert not player.tour.active and live.state.cover == "blackout"
    QTest.keyClick(_wall(live), Qt.Key.Key_Down)
    QTest.mouseClick(_wall(live), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not player.tour.active and live.state.cover == "blackout"


def test_the_cursor_shows_while_the_mouse_moves_and_hides_after(tour, qtbot):
    live, _, touches = tour
    wall = _wall(live)
    QTest.mouseMove(wall, QPoint(40, 40))
    qtbot.waitUntil(lambda: touches.cursor_shown, timeout=1000)
    assert wall.cursor().shape() == Qt.CursorShape.ArrowCursor
    qtbot.waitUntil(lambda: not touches.cursor_shown, timeout=2000)
    assert wall.cursor().shape() == Qt.CursorShape.BlankCursor
