"""The leaders' code on a wall (issue 23: "on the console and on a wall on request"): the Phones tab's button puts
the phones view on a wall through the room's Assign command; the wall follows the code and the vote, and says
in one sentence when there is no code to scan. Every wait is on a signal or a condition, never a sleep."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.phone_switch import PhoneSwitch
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.services.phones_wall_data import NO_SESSION, PHONES_OFF, PhonesWallData
from customer_room_desktop.ui.walls.phones_wall import PhonesWall

from ..services.phone_client import new_uid
from .phone_thread import WAIT_MS


def _turn_on(switch: PhoneSwitch, qtbot) -> None:
    panel = switch.panel
    panel.address.setCurrentIndex(panel.address.findData("127.0.0.1"))
    qtbot.mouseClick(panel.switch, Qt.MouseButton.LeftButton)
    assert switch.running


def _show_on_wall(live: LiveRoom, switch: PhoneSwitch, qtbot) -> PhonesWall:
    """Press the tab's button; return the wall's phones view, which must be what that wall shows."""
    qtbot.mouseClick(switch.panel.on_wall, Qt.MouseButton.LeftButton)
    showing = [w for w in live.state.present_walls() if live.state.shown(w) == "phones"]
    assert len(showing) == 1 and showing[0].assigned == "phones"  # the room's own Assign, as the Screens tab does
    window = live.walls[showing[0].identity]
    assert isinstance(window.currentWidget(), PhonesWall)
    return window.currentWidget()


def _data(wall: PhonesWall) -> PhonesWallData:
    assert isinstance(wall.data, PhonesWallData)  # plain data, never the bridge
    return wall.data


def test_the_button_puts_the_leaders_code_and_link_on_a_wall(live, switch, qtbot):
    live.send(cmd.StartSession())
    _turn_on(switch, qtbot)
    wall = _show_on_wall(live, switch, qtbot)
    bridge = switch.bridge
    data = _data(wall)
    assert data.link == bridge.leaders_url and "#t=" in data.link and not data.notice
    image = QImage.fromData(data.qr_png)
    assert not image.isNull() and image.width() == image.height()
    assert data.progress == "0 of 9 have voted"
    assert switch.panel.message.text().startswith("The leaders' code is on ")
    wall.grab()  # drawn: the code large, every module the same whole number of pixels
    assert wall.code_box.height() >= 0.4 * wall.height() and wall.module_pixels >= 1
    assert wall.code_box.height() % wall.module_pixels == 0
    identity = next(w.identity for w in live.state.present_walls() if live.state.shown(w) == "phones")
    qtbot.mouseClick(switch.panel.on_wall, Qt.MouseButton.LeftButton)  # pressed again: the same wall, no other
    assert [w.identity for w in live.state.present_walls() if live.state.shown(w) == "phones"] == [identity]


def test_a_vote_from_a_phone_changes_the_walls_progress_line(live, switch, phones, qtbot):
    live.send(cmd.StartSession())
    _turn_on(switch, qtbot)
    wall = _show_on_wall(live, switch, qtbot)
    qtbot.mouseClick(switch.panel.vote_buttons["open"], Qt.MouseButton.LeftButton)
    bridge = switch.bridge
    before = _data(wall)

    async def vote() -> dict:
        ruth = await phones.phone(bridge.leaders_url)
        await ruth.leader(bridge.leaders_url.split("#t=")[1], "Ruth Adeyemi")
        return await ruth.ok("ballot", uid=new_uid(), dots={"simple-claim-report": 2, "assessor-on-the-day": 1})

    with qtbot.waitSignal(bridge.vote_changed, timeout=WAIT_MS):
        assert phones.run(qtbot, vote())["saved"]
    qtbot.waitUntil(lambda: _data(wall).progress == "1 of 9 has voted", timeout=WAIT_MS)
    after = _data(wall)
    assert (after.link, after.qr_png) == (before.link, before.qr_png)  # the same code: only the line changed
    wall.grab()


def test_with_the_phones_off_or_no_session_the_wall_says_so_in_one_sentence(live, switch, qtbot):
    wall = _show_on_wall(live, switch, qtbot)  # the phones never turned on: the bridge is not even made
    assert switch.bridge is None and _data(wall) == PhonesWallData(notice=PHONES_OFF)
    assert "phones are off" in switch.panel.message.text()
    wall.grab()
    assert wall.code_box.isNull()  # a sentence instead of a code
    live.send(cmd.StartSession())
    _turn_on(switch, qtbot)
    qtbot.waitUntil(lambda: _data(wall).link == switch.bridge.leaders_url != "", timeout=WAIT_MS)
    assert live.send(cmd.CloseSession()) is not None  # the session closed: its link stops working
    qtbot.waitUntil(lambda: _data(wall).notice == NO_SESSION, timeout=WAIT_MS)
    assert not _data(wall).qr_png and not _data(wall).link
    wall.grab()
    assert wall.code_box.isNull()
    with qtbot.waitSignal(switch.bridge.stopped, timeout=WAIT_MS):
        qtbot.mouseClick(switch.panel.switch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _data(wall) == PhonesWallData(notice=PHONES_OFF), timeout=WAIT_MS)
