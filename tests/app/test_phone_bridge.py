"""Phones and a real live room: the server on its own thread, the room answering on the Qt thread.

A phone here is an aiohttp client on a third thread; the test waits on its replies (and on the bridge's
signals) while Qt runs, never on a fixed sleep.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading

import aiohttp
import pytest
from PySide6.QtGui import QImage

from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.services.session_wall_data import tally_data
from customer_room_desktop.storage import focus

from ..services.listening import listening
from ..services.phone_client import Phone, new_uid
from .phone_thread import WAIT_MS


def test_a_vote_from_a_phone_lands_in_the_room_file_and_the_consoles_tally(live, bridge, phones, qtbot):
    assert not bridge.running and not (listening() or set())  # nothing listens until the switch
    live.send(cmd.StartSession())
    session_id = live.state.session.id
    url = bridge.start("127.0.0.1")
    assert bridge.leaders_url.startswith(url + "#t=") and bridge.facilitator_url == url + "#remote"
    for code in (bridge.leaders_qr(), bridge.facilitator_qr()):  # images the console can show
        image = QImage.fromData(code)
        assert not image.isNull() and image.width() == image.height() >= 250
    bridge.open_vote()
    revision = live.state.session.revision
    uid = new_uid()

    async def vote() -> list[dict]:
        ruth = await phones.phone(bridge.leaders_url)
        await ruth.leader(bridge.leaders_url.split("#t=")[1], "Ruth Adeyemi")
        dots = {"simple-claim-report": 2, "assessor-on-the-day": 1}
        return [await ruth.ok("ballot", uid=uid, dots=dots), await ruth.ok("ballot", uid=uid, dots=dots)]

    with qtbot.waitSignal(bridge.vote_changed, timeout=WAIT_MS):
        first, retry = phones.run(qtbot, vote())
    assert first["saved"] and retry["again"]
    expected = {"simple-claim-report": 2, "assessor-on-the-day": 1}
    assert focus.votes_by_leader(live.engine.room, session_id) == {"Ruth Adeyemi": expected}
    tally = tally_data(live.engine.room, session_id)  # what the tally wall draws
    assert len(tally.progress.voted) == 1 and {r.title: r.dots for r in tally.rows} == {
        "Reporting a claim takes one call": 2, "The assessor comes on the day we agreed": 1}
    assert live.state.session.revision > revision  # the session walls were told to draw again
    def console_dots() -> dict[str, int]:  # the console follows once per burst of phone votes, a moment later
        return {c.key: c.dots for c in live.console.focus_panel._candidates}

    qtbot.waitUntil(lambda: console_dots()["simple-claim-report"] == 2, timeout=WAIT_MS)
    assert console_dots()["assessor-on-the-day"] == 1
    progress = bridge.vote_progress()
    assert progress.line == "1 of 9 has voted" and "Ruth Adeyemi" not in progress.waiting


def test_the_remote_drives_the_room_and_a_takeover_waits_for_the_laptop(live, bridge, phones, qtbot):
    url = bridge.start("127.0.0.1")
    answers = []
    bridge.takeover_requested.connect(lambda question: (answers.append(question), bridge.answer_takeover(True)))

    async def first_phone() -> tuple[Phone, dict]:
        remote = await phones.phone(url)
        key = (await remote.ok("pair", pin=bridge.pin))["key"]
        await remote.ok("hello", key=key)
        return remote, await remote.ok("command", cmd="next")

    remote, moved = phones.run(qtbot, first_phone())
    assert moved["state"]["stage"]["number"] == 2 and live.state.position == 2
    live.send(cmd.Next())  # the laptop's own key: the phone is told
    pushed = phones.run(qtbot, remote.until("room", lambda room: room["stage"]["number"] == 3))
    assert pushed["next"]["number"] == 4 and pushed["clocks"]["stage_s"] >= 0

    async def second_phone() -> tuple[dict, dict, dict]:
        other = await phones.phone(url)
        waiting = await other.ok("pair", pin=bridge.pin)
        granted = await other.push("control")
        return waiting, granted, await other.ok("command", cmd="previous")

    waiting, granted, back = phones.run(qtbot, second_phone())
    assert waiting["waiting"] and granted["key"] and answers and "Hand it over?" in answers[0]
    assert back["state"]["stage"]["number"] == 2 and live.state.position == 2
    lost = phones.run(qtbot, remote.push("control"))
    assert "another phone" in lost["lost"]


def test_turning_the_phones_off_closes_every_phone_and_the_port(live, bridge, phones, qtbot):
    url = bridge.start("127.0.0.1")
    port = bridge.server.port
    remote = phones.run(qtbot, phones.phone(url))
    phones.run(qtbot, remote.ok("hello"))
    with qtbot.waitSignal(bridge.stopped, timeout=WAIT_MS):
        bridge.stop()
    closed = phones.run(qtbot, remote.ws.receive(timeout=10))
    assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 1001  # "going away"
    assert not bridge.running and not [t for t in threading.enumerate() if t.name == "phone-server"]
    ports = listening()
    assert ports is None or ("127.0.0.1", port) not in ports
    assert bridge.pin == "" and bridge.leaders_url == ""


OPEN_WITH_PHONES = """
import sys, threading
from pathlib import Path
from customer_room_desktop.app.run_room import run_live_room
status = run_live_room(Path(sys.argv[1]), phones="127.0.0.1:0")
print("left:", [t.name for t in threading.enumerate() if t.name == "phone-server"], "status:", status)
"""


@pytest.mark.slow
def test_open_with_phones_prints_the_links_and_stops_the_server_when_the_room_closes(sample_room_copy, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUSTOMER_ROOM_QUIT_WHEN_SHOWN="1",
               CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", OPEN_WITH_PHONES, str(sample_room_copy)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    phones = next(line for line in lines if line.startswith("Phones:"))
    assert re.fullmatch(r"Phones: facilitator http://127\.0\.0\.1:\d+/#remote \(PIN \d{6}\); leaders "
                        r"http://127\.0\.0\.1:\d+/#t=[\w-]{22}", phones), phones
    assert lines[-1] == "left: [] status: 0"


@pytest.mark.slow
def test_customer_room_open_with_phones_serves_them_and_refuses_every_network(sample_room_copy, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUSTOMER_ROOM_QUIT_WHEN_SHOWN="1",
               CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-m", "customer_room_desktop.app.cli", "open", str(sample_room_copy), "--phones"]
    refused = subprocess.run(command + ["0.0.0.0"], env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2
    assert refused.stderr.strip() == ("customer-room: 0.0.0.0 means every network at once; choose the one "
                                      "address phones should use.")
    assert "painted" not in refused.stdout  # refused before any window opened
    served = subprocess.run(command + ["127.0.0.1"], env=env, capture_output=True, text=True, timeout=120)
    assert served.returncode == 0, served.stderr
    assert re.search(r"^Phones: facilitator http://127\.0\.0\.1:\d+/#remote \(PIN \d{6}\)", served.stdout, re.M)


def test_the_tally_wall_hides_where_the_dots_went_until_the_vote_is_revealed(live, bridge, phones, qtbot):
    live.send(cmd.StartSession())
    live.send(cmd.Conversation(3))  # conversation 3 puts the tally on a wall

    def tally_wall():
        return next(w.tally for w in live.walls.values() if type(w.currentWidget()).__name__ == "TallyWall")

    bridge.start("127.0.0.1")
    bridge.open_vote()
    assert tally_wall().data.totals_hidden and not tally_wall().data.progress.voted

    async def vote() -> None:
        ruth = await phones.phone(bridge.leaders_url)
        await ruth.leader(bridge.leaders_url.split("#t=")[1], "Ruth Adeyemi")
        await ruth.ok("ballot", uid=new_uid(), dots={"simple-claim-report": 2})

    with qtbot.waitSignal(bridge.vote_changed, timeout=WAIT_MS):
        phones.run(qtbot, vote())
    hidden = tally_wall().data
    assert hidden.totals_hidden and len(hidden.progress.voted) == 1  # who voted shows; where the dots went does not
    assert "Ruth Adeyemi" not in hidden.progress.waiting
    assert len(hidden.progress.waiting) == len(hidden.progress.attendees) - 1
    tally_wall().grab()  # draws the hidden state without failing
    bridge.close_vote()
    assert tally_wall().data.totals_hidden
    bridge.reveal_votes()
    shown = tally_wall().data
    assert not shown.totals_hidden and {r.title: r.dots for r in shown.rows if r.dots} == {
        "Reporting a claim takes one call": 2}
    bridge.open_vote()  # voting again hides them again, and turning the phones off shows them
    assert tally_wall().data.totals_hidden
    bridge.stop()
    assert not tally_wall().data.totals_hidden


def test_a_leader_who_skips_on_a_phone_is_not_waited_for_on_the_tally_wall(live, bridge, phones, qtbot):
    live.send(cmd.StartSession())
    live.send(cmd.Conversation(3))

    def tally_wall():
        return next(w.tally for w in live.walls.values() if type(w.currentWidget()).__name__ == "TallyWall")

    bridge.start("127.0.0.1")
    bridge.open_vote()

    async def skip() -> None:
        ruth = await phones.phone(bridge.leaders_url)
        await ruth.leader(bridge.leaders_url.split("#t=")[1], "Ruth Adeyemi")
        await ruth.ok("skip", uid=new_uid())

    with qtbot.waitSignal(bridge.vote_changed, timeout=WAIT_MS):
        phones.run(qtbot, skip())
    qtbot.waitUntil(lambda: tally_wall().data.progress.answered == 1, timeout=WAIT_MS)
    wall = tally_wall().data.progress
    phones_say = bridge.vote_progress()
    assert "Ruth Adeyemi" not in wall.waiting and "Ruth Adeyemi" in wall.attendees
    assert wall.line == phones_say.line == "1 of 9 has voted (1 skipped)"  # the wall, console and phones agree
    assert wall.waiting == phones_say.waiting
    bridge.stop()
