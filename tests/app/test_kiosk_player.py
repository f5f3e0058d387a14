"""The kiosk player on the sample room: it loops its programme through the room's commands, takes no key and
cannot be closed, resumes on its step, and follows its schedule (with an injected clock)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.kiosk_exit import KioskKeys
from customer_room_desktop.app.kiosk_player import KioskPlayer, step_commands
from customer_room_desktop.domain.kiosk_pin import hash_pin
from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.kiosk_programme import KioskProgramme, KioskStep
from customer_room_desktop.domain.kiosk_schedule import schedule_from
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile

clock = {"now": 1000.0}  # the PIN gate's monotonic seconds, moved by the tests
LOOP = KioskProgramme((KioskStep(1, ("stage:2", "complaints:2")), KioskStep(1, ("journey",)),
                       KioskStep(1, ("stage:5", "asset"))))


@pytest.fixture
def kiosk(sample_room, tmp_path, qtbot):
    room = RoomFile.open(sample_room, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "kiosk", "test"), kiosk=True)
    keys = KioskKeys(hash_pin("4821"), lambda: next(iter(live.walls.values()), None), clock=lambda: clock["now"])
    QApplication.instance().installEventFilter(keys)
    live.start()
    qtbot.waitUntil(live.on_screen)
    live.kiosk_keys = keys
    yield live
    QApplication.instance().removeEventFilter(keys)
    live.shut_down()
    room.close()


def test_a_step_is_its_stage_then_a_view_for_each_wall():
    step = KioskStep(10, ("stage:5", "complaints:5", "persona:2", "celebration"))
    assert step_commands(step, 5) == [cmd.Go(5), cmd.Assign(1, "stage"), cmd.Assign(2, "complaints"),
                                      cmd.Assign(3, "persona:2"), cmd.Assign(5, "logo")]


def test_the_kiosk_shows_no_console_and_a_wall_on_every_screen(kiosk):
    assert not kiosk.console.isVisible()
    assert len(kiosk.present) == len(QApplication.screens())
    assert all(wall.isFullScreen() for wall in kiosk.walls.values())


@pytest.mark.slow
def test_the_programme_loops_and_says_where_it_is(kiosk, tmp_path, qtbot, capsys):
    player = KioskPlayer(kiosk, LOOP, tmp_path / "state")
    player.start()
    try:
        assert kiosk.state.position == 2 and kiosk.state.walls[0].assigned == "stage"
        qtbot.waitUntil(lambda: player.index == 1, timeout=3000)
        assert kiosk.state.walls[0].assigned == "journey"
        qtbot.waitUntil(lambda: player.index == 2, timeout=3000)
        assert kiosk.state.position == 5
        qtbot.waitUntil(lambda: player.index == 0, timeout=3000)  # round again
        assert json.loads((tmp_path / "state" / "kiosk-state.json").read_text())["step"] == 0
        assert "heartbeat" in capsys.readouterr().out
    finally:
        player.stop()


def test_a_restarted_player_resumes_on_the_step_it_was_on(kiosk, tmp_path):
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "kiosk-state.json").write_text('{"step": 2}')
    player = KioskPlayer(kiosk, LOOP, tmp_path / "state")
    player.start()
    try:
        assert player.index == 2 and kiosk.state.position == 5
    finally:
        player.stop()


def test_exit_keys_and_closing_a_wall_do_nothing(kiosk, qtbot):
    wall = next(iter(kiosk.walls.values()))
    position = kiosk.state.position
    for key, modifier in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)):
        QTest.keyClick(wall, key, modifier)
    assert wall.close() is False  # Alt+F4 or the window manager asking: refused
    qtbot.wait(50)
    assert wall.isVisible() and wall.isFullScreen() and kiosk.state.position == position


class ScreensAwake:
    """Stands in for the operating system's screensaver switch (the process edge): records what was asked."""

    def __init__(self) -> None:
        self.held = False

    def hold(self) -> str:
        self.held = True
        return ""

    def release(self) -> None:
        self.held = False


def test_outside_opening_hours_the_walls_go_dark_and_come_back_by_themselves(kiosk, tmp_path):
    clock = {"now": datetime(2026, 12, 6, 12, 0)}  # a Sunday: closed
    programme = KioskProgramme(LOOP.steps, schedule_from({"sunday": "closed", "monday": "08:00-18:00"}))
    awake = ScreensAwake()
    player = KioskPlayer(kiosk, programme, tmp_path / "state", now=lambda: clock["now"], awake=awake)
    player.start()
    try:
        assert kiosk.state.cover == "blackout" and not player.open and not awake.held  # screens may sleep
        player.next_step()  # a step timer that fires late changes nothing while closed
        assert kiosk.state.cover == "blackout" and player.index == 0
        clock["now"] = datetime(2026, 12, 7, 8, 0)  # Monday, opening time
        player.follow_schedule()
        assert kiosk.state.cover is None and player.open and kiosk.state.position == 2
        assert awake.held  # the screensaver held off while the room is open
    finally:
        player.stop()


def _type(wall, text: str) -> None:
    for character in text:
        QTest.keyClicks(wall, character)
    QTest.keyClick(wall, Qt.Key.Key_Return)


def test_the_right_pin_leaves_and_five_wrong_ones_lock_entry_for_a_minute(kiosk, qtbot):
    keys, wall = kiosk.kiosk_keys, next(iter(kiosk.walls.values()))
    QTest.keyClick(wall, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert keys.asking
    for _ in range(5):
        _type(wall, "1111")
    assert keys._prompt.message == "Wrong PIN: locked for 60 s"
    with qtbot.assertNotEmitted(keys.left):
        _type(wall, "4821")  # the right PIN, but entry is locked
    assert keys._prompt.message.startswith("Locked for")
    clock["now"] += 61
    with qtbot.waitSignal(keys.left, timeout=1000):
        _type(wall, "4821")
    assert not keys.asking


def test_esc_gives_up_the_pin_and_a_room_without_one_cannot_be_left(kiosk, qtbot):
    keys, wall = kiosk.kiosk_keys, next(iter(kiosk.walls.values()))
    QTest.keyClick(wall, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(wall, "48")
    QTest.keyClick(wall, Qt.Key.Key_Escape)
    assert not keys.asking
    nobody = KioskKeys("", lambda: wall)
    nobody.ask()
    assert not nobody.asking


@pytest.mark.vlc  # the call plays through libVLC
def test_a_step_with_a_call_plays_it_muted_and_the_next_step_closes_it(kiosk, tmp_path, qtbot):
    programme = KioskProgramme((KioskStep(60, ("call", "stage:6"), call="helpline-wait"),
                                KioskStep(60, ("journey",))))
    player = KioskPlayer(kiosk, programme, tmp_path / "state")
    player.start()
    try:
        assert kiosk.state.call is not None and kiosk.state.call.key == "helpline-wait"
        assert kiosk.console.call_panel.volume.value() == 0  # muted: the captions carry it
        wall = next(iter(kiosk.walls.values()))
        qtbot.waitUntil(lambda: type(wall.currentWidget()).__name__ == "CallView", timeout=5000)
        player.next_step()
        assert kiosk.state.call is None
    finally:
        player.stop()
