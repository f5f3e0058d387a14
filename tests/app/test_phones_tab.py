"""The console's Phones tab on a real live room: the switch starts and stops the phones' server, the tab shows
the PIN, the two codes and the vote as phones cast it, refusals are one sentence, a takeover is asked there.

Phones are aiohttp clients on their own thread (test_phone_bridge.PhoneThread); every wait is on a reply, a
signal or a condition, never a fixed sleep.
"""

from __future__ import annotations

from contextlib import ExitStack

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from customer_room_desktop.app.phone_switch import PhoneSwitch, attach_phones
from customer_room_desktop.app.run_room import _attach_phones
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.services.phone_codes import SCALE

from ..services.listening import listening
from ..services.phone_client import new_uid
from .phone_thread import WAIT_MS


def _turn_on(switch: PhoneSwitch, qtbot, address: str = "127.0.0.1") -> None:
    panel = switch.panel
    panel.address.setCurrentIndex(panel.address.findData(address))
    qtbot.mouseClick(panel.switch, Qt.MouseButton.LeftButton)


def _listens(port: int) -> bool:
    ports = listening()
    if ports is None:
        pytest.skip("this system does not say which ports a process listens on")
    return ("127.0.0.1", port) in ports


def test_the_tab_is_made_and_its_addresses_listed_when_it_is_opened_not_while_the_room_starts(live, qtbot):
    switch = attach_phones(live)
    try:
        assert not live.console.panels.has("phones")  # its panel cost the console's build 16 ms
        assert switch.panel.address.count() == 0  # made now: nothing asked of the network yet
        live.console.room_tabs.setCurrentIndex(live.console.panels.index_of("phones"))
        qtbot.waitUntil(lambda: switch.panel.address.count() > 0)  # shown: the addresses are asked for
        addresses = [switch.panel.address.itemData(i) for i in range(switch.panel.address.count())]
        assert addresses[-1] == "127.0.0.1" and len(addresses) == len(set(addresses))  # the loopback last, once
    finally:
        switch.turn_off()


def test_switching_on_listens_on_the_chosen_address_and_shows_the_pin_and_two_codes(live, switch, qtbot):
    panel = switch.panel
    assert switch.bridge is None and not (listening() or set())  # nothing listens, nothing loaded, until the switch
    assert panel.address.itemData(panel.address.count() - 1) == "127.0.0.1"  # the loopback last
    assert panel.switch.text() == "Phones: off" and not panel.on_part.isVisibleTo(panel)
    live.send(cmd.StartSession())
    _turn_on(switch, qtbot)
    bridge = switch.bridge
    assert switch.running and bridge.server.address == "127.0.0.1" and _listens(bridge.server.port)
    assert panel.on and panel.switch.text() == "Phones: on" and not panel.address.isEnabled()
    assert panel.on_part.isVisibleTo(panel) and not panel.message.text()
    assert panel.pin.text().replace(" ", "") == bridge.pin and len(bridge.pin) == 6
    assert panel.leaders_link.text() == bridge.leaders_url and "#t=" in bridge.leaders_url
    assert panel.facilitator_link.text() == bridge.facilitator_url and "#remote" in bridge.facilitator_url
    for picture, png in ((panel.leaders_qr, bridge.leaders_qr()), (panel.facilitator_qr, bridge.facilitator_qr())):
        pixmap = picture.pixmap()  # two codes, large enough to scan at arm's length
        assert not pixmap.isNull() and pixmap.width() == pixmap.height() >= 200
        assert pixmap.width() % (QImage.fromData(png).width() // SCALE) == 0  # every module the same whole pixels
    assert panel.vote_phase.text() == "The vote is not open yet." and panel.vote_line.text() == "0 of 9 have voted"


def test_a_vote_from_a_phone_updates_the_progress_line_and_who_has_not_voted(live, switch, phones, qtbot):
    panel = switch.panel
    live.send(cmd.StartSession())
    _turn_on(switch, qtbot)
    qtbot.mouseClick(panel.vote_buttons["open"], Qt.MouseButton.LeftButton)
    assert panel.vote_phase.text().startswith("The vote is open") and "Ruth Adeyemi" in panel.waiting.text()
    bridge = switch.bridge

    async def vote() -> dict:
        ruth = await phones.phone(bridge.leaders_url)
        await ruth.leader(bridge.leaders_url.split("#t=")[1], "Ruth Adeyemi")
        return await ruth.ok("ballot", uid=new_uid(), dots={"simple-claim-report": 2, "assessor-on-the-day": 1})

    with qtbot.waitSignal(bridge.vote_changed, timeout=WAIT_MS):
        saved = phones.run(qtbot, vote())
    assert saved["saved"]
    qtbot.waitUntil(lambda: panel.vote_line.text() == "1 of 9 has voted", timeout=WAIT_MS)
    waiting = panel.waiting.text()
    assert waiting.startswith("Not voted yet: Hamish Rennie") and "Ruth Adeyemi" not in waiting
    qtbot.mouseClick(panel.vote_buttons["reveal"], Qt.MouseButton.LeftButton)
    assert panel.vote_phase.text() == "The totals are shown on the phones and the tally wall."


def test_switching_off_stops_the_server_and_on_again_keeps_the_address_and_port(live, switch, phones, qtbot):
    panel = switch.panel
    _turn_on(switch, qtbot)
    bridge = switch.bridge
    url, port = bridge.facilitator_url, bridge.server.port
    remote = phones.run(qtbot, phones.phone(url))
    phones.run(qtbot, remote.ok("hello"))
    with qtbot.waitSignal(bridge.stopped, timeout=WAIT_MS):
        qtbot.mouseClick(panel.switch, Qt.MouseButton.LeftButton)
    closed = phones.run(qtbot, remote.ws.receive(timeout=10))
    assert closed.type == aiohttp.WSMsgType.CLOSE  # the phone was told the server is going away
    assert not switch.running and not _listens(port)
    assert panel.switch.text() == "Phones: off" and panel.address.isEnabled() and not panel.pin.text()
    assert panel.leaders_qr.pixmap().isNull() and not panel.on_part.isVisibleTo(panel)
    _turn_on(switch, qtbot)
    assert bridge.facilitator_url == url and _listens(port)  # codes already scanned still work


def test_refusals_show_as_one_sentence_in_the_tab(live, switch, qtbot):
    panel = switch.panel
    panel.vote_requested.emit("open")  # its button is hidden while off; refused all the same
    assert panel.message.text() == "Turn the phones on first."
    _turn_on(switch, qtbot)
    assert not panel.message.isVisibleTo(panel)
    qtbot.mouseClick(panel.vote_buttons["open"], Qt.MouseButton.LeftButton)
    assert panel.message.text() == "Start the session first: a vote is held in a live session."
    assert panel.vote_line.text() == "" and "once a session is started" in panel.vote_phase.text()
    live.send(cmd.StartSession())
    qtbot.mouseClick(panel.vote_buttons["close"], Qt.MouseButton.LeftButton)
    assert panel.message.text() == "The vote is not open, so there is nothing to close."
    assert panel.message.isVisibleTo(panel) and panel.message.objectName() == "warning"


def test_without_a_session_for_leaders_the_tab_says_where_their_code_will_be(live, switch):
    panel = switch.panel
    panel.show_codes("123456", ("", b""), ("http://127.0.0.1:8090/#remote", b""))
    assert panel.leaders_qr.pixmap().isNull() and panel.pin.text() == "123 456"
    assert panel.leaders_qr.text() == "The leaders' code appears once a session is planned."


def test_a_takeover_asks_on_the_laptop_without_blocking_it(live, switch, phones, qtbot):
    panel = switch.panel
    _turn_on(switch, qtbot)
    bridge = switch.bridge

    async def first_phone() -> None:
        remote = await phones.phone(bridge.facilitator_url)
        key = (await remote.ok("pair", pin=bridge.pin))["key"]
        await remote.ok("hello", key=key)

    phones.run(qtbot, first_phone())
    qtbot.waitUntil(lambda: panel.pin.text().replace(" ", "") == bridge.pin, timeout=WAIT_MS)  # a used PIN is replaced
    other = phones.run(qtbot, phones.phone(bridge.facilitator_url))
    waiting = phones.run(qtbot, other.ok("pair", pin=bridge.pin))
    assert waiting["waiting"]
    qtbot.waitUntil(lambda: panel.question is not None and panel.question.isVisible(), timeout=WAIT_MS)
    question = panel.question
    assert not question.isModal() and question.windowModality() == Qt.WindowModality.NonModal
    assert question.text().endswith("Hand it over?")
    hand_over = next(b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.YesRole)
    qtbot.mouseClick(hand_over, Qt.MouseButton.LeftButton)
    granted = phones.run(qtbot, other.push("control"))
    assert granted["key"] and panel.question is None


def test_a_room_opened_with_phones_shows_them_on_and_its_closing_stops_them(live, qtbot, capsys):
    with ExitStack() as cleanup:
        switch = _attach_phones(live, "127.0.0.1:0", cleanup)
        port = switch.bridge.server.port
        panel = live.console.phones_panel
        assert panel.on and panel.address.currentData() == "127.0.0.1" and _listens(port)
        assert panel.pin.text().replace(" ", "") == switch.bridge.pin
    assert not switch.running and not _listens(port) and not panel.on
    assert capsys.readouterr().out.startswith("Phones: facilitator http://127.0.0.1:")
