"""The phones' protocol through aiohttp's test client, on a real room file: the page, the leaders' token,
the PIN and its wait, one controller at a time, the remote's commands, and the dot vote."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
import pytest_asyncio

from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.phone_access import PIN_TRIES, PIN_WAIT_SECONDS, PhoneAccess
from customer_room_desktop.services.phone_desk import PhoneDesk, RoomSide
from customer_room_desktop.services.phone_server import HUB, phone_app
from customer_room_desktop.services.room_engine import RoomEngine
from customer_room_desktop.services.session_wall_data import tally_data
from customer_room_desktop.storage import focus
from customer_room_desktop.storage.room_file import RoomFile

from .phone_client import Phone, new_uid

WEB_ROOT = Path(__file__).resolve().parents[2] / "resources" / "phone"
NAMES = ["Ruth Adeyemi", "Hamish Rennie", "Sunita Bhatt"]


class Clock:
    t = 5000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def engine(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        yield RoomEngine(room)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def desk(engine, clock):
    side = RoomSide(engine.room, engine.writes, lambda: engine.state, engine.apply)
    return PhoneDesk(side, PhoneAccess(now=clock))


@pytest_asyncio.fixture
async def server(aiohttp_client, desk):
    async def ask(client, message):
        return desk.handle(client, message)

    return await aiohttp_client(phone_app(ask, desk.gone, WEB_ROOT))


async def phone(server, **headers) -> Phone:
    return Phone(await server.ws_connect("/ws", headers=headers))


async def facilitator(server, desk) -> Phone:
    remote = await phone(server)
    key = (await remote.ok("pair", pin=desk.access.pin))["key"]
    assert (await remote.ok("hello", key=key))["role"] == "controller"
    return remote


def sentence(text: str) -> bool:
    """One plain sentence: a capital, a full stop, no Python class name."""
    return text[0].isupper() and text.endswith((".", "?")) and not re.search(r"[A-Z][a-z]+(Error|Refused)\b", text)


@pytest.mark.asyncio
async def test_the_page_is_served_from_the_bundle_and_nothing_else(server):
    for path, kind in (("/", "text/html"), ("/app.js", "text/javascript"), ("/style.css", "text/css")):
        response = await server.get(path)
        assert response.status == 200 and response.content_type == kind
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        body = await response.text()
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", body, re.I)  # no CDN, nothing fetched
    for path in ("/index.html", "/../pyproject.toml", "/resources/phone/app.js", "/phone"):
        assert (await server.get(path)).status == 404


@pytest.mark.asyncio
async def test_a_leader_needs_this_sessions_token_and_a_visitor_sees_nothing(server, desk):
    stranger = await phone(server)
    hello = await stranger.ok("hello")
    assert hello == {"id": 1, "ok": True, "role": "visitor"}
    refused = await stranger.ask("hello", token="x" * 22, device=stranger.device)
    assert not refused["ok"] and "scan the code" in refused["error"] and sentence(refused["error"])
    for op, data in (("iam", {"name": NAMES[0]}), ("ballot", {"uid": new_uid(), "dots": {}}),
                     ("command", {"cmd": "next"}), ("vote_open", {})):
        reply = await stranger.ask(op, **data)
        assert not reply["ok"] and sentence(reply["error"]), reply
    unknown = await stranger.ask("format_disk")
    assert not unknown["ok"] and sentence(unknown["error"])
    await stranger.ws.send_str("not json")
    assert sentence((await stranger.ws.receive_json())["error"])
    leader = await phone(server)
    welcome = await leader.ok("hello", token=desk.access.leaders_token, device=leader.device)
    assert welcome["role"] == "leader" and welcome["vote"]["me"] is None
    assert "totals" not in welcome["vote"] and "waiting" not in welcome["vote"]


@pytest.mark.asyncio
async def test_a_page_from_elsewhere_cannot_open_the_socket(server):
    with pytest.raises(Exception, match="403"):
        await server.ws_connect("/ws", headers={"Origin": "http://evil.example"})
    same = await server.ws_connect("/ws", headers={"Origin": f"http://{server.host}:{server.port}"})
    await same.close()


@pytest.mark.asyncio
async def test_wrong_pins_wait_a_minute_then_one_phone_controls_and_a_takeover_asks_the_laptop(server, desk, clock):
    asked = []
    desk.side.takeover_asked = lambda: asked.append(True)
    guesser = await phone(server)
    right = desk.access.pin
    for _ in range(PIN_TRIES):
        refused = await guesser.ask("pair", pin=f"{(int(right) + 1) % 1_000_000:06d}")
    assert f"wait {PIN_WAIT_SECONDS} seconds" in refused["error"]
    locked = await guesser.ask("pair", pin=right)
    assert not locked["ok"] and "Too many wrong PINs" in locked["error"]
    clock.t += PIN_WAIT_SECONDS
    first = await phone(server)
    key = (await first.ok("pair", pin=desk.access.pin))["key"]
    assert desk.access.pin != right  # used up
    assert (await first.ok("hello", key=key))["role"] == "controller"

    second = await phone(server)
    assert (await second.ok("pair", pin=desk.access.pin)) == {"id": 1, "ok": True, "waiting": True}
    assert asked == [True]
    assert (await second.ask("command", cmd="next"))["ok"] is False  # not yet
    await server.server.app[HUB].send(desk.answer_takeover(True))
    granted = await second.push("control")
    lost = await first.push("control")
    assert granted["key"] and "another phone" in lost["lost"]
    assert (await second.ok("command", cmd="next"))["state"]["stage"]["number"] == 2
    gone = await first.ask("command", cmd="next")
    assert not gone["ok"] and "paired phone" in gone["error"]
    again = await first.ask("hello", key=key)
    assert not again["ok"] and "PIN" in again["error"]


@pytest.mark.asyncio
async def test_the_remote_sends_the_control_sockets_commands_and_a_capture_is_saved_once(server, desk, engine):
    remote = await facilitator(server, desk)
    assert (await remote.ok("command", cmd="next"))["state"]["stage"]["number"] == 2
    assert engine.state.position == 2
    assert (await remote.ok("command", cmd="go", stage=5))["state"]["next"]["number"] == 6
    assert (await remote.ok("command", cmd="blackout"))["state"]["blackout"] is True
    room = await remote.until("room", lambda pushed: pushed["blackout"])
    assert room["stage"]["number"] == 5 and len(room["stages"]) == 7
    quit_ = await remote.ask("command", cmd="quit")
    assert not quit_["ok"] and "cannot be sent from here" in quit_["error"]
    no_session = await remote.ask("command", cmd="capture", kind="note", text="Call the broker")
    assert not no_session["ok"] and "Start (or resume) a session" in no_session["error"]
    engine.apply(cmd.StartSession())
    uid = new_uid()
    for _ in range(2):  # a retry with the same uid
        saved = await remote.ok("command", cmd="capture", kind="decision", text="Fix the claim form", uid=uid)
        assert saved["result"] == uid
    assert engine.room.db.execute("SELECT count(*) FROM decisions WHERE uid = ?", (uid,)).fetchone()[0] == 1


@pytest.mark.asyncio
async def test_leaders_vote_from_phones_retries_count_once_and_totals_wait_for_the_reveal(server, desk, engine):
    engine.apply(cmd.StartSession())
    session_id = engine.state.session.id
    remote = await facilitator(server, desk)
    token = desk.access.leaders_token
    ruth, hamish = await phone(server), await phone(server)
    await ruth.leader(token, NAMES[0])
    early = await ruth.ask("ballot", uid=new_uid(), dots={"simple-claim-report": 1})
    assert not early["ok"] and "not open yet" in early["error"]
    await remote.ok("vote_open")
    vote = await ruth.until("vote", lambda pushed: pushed["phase"] == "open")
    assert vote["dots_per_leader"] == 3 and vote["of"] == 9 and "totals" not in vote
    keys = [c["key"] for c in vote["candidates"]]
    assert {"simple-claim-report", "fair-renewal-price"} <= set(keys)

    first = new_uid()
    ballot = {"simple-claim-report": 2, "fair-renewal-price": 1}
    assert (await ruth.ok("ballot", uid=first, dots=ballot)) == {"id": 4, "ok": True, "saved": True}
    assert (await ruth.ok("ballot", uid=first, dots=ballot))["again"] is True
    second = new_uid()
    await ruth.ok("ballot", uid=second, dots={"fair-renewal-price": 3})
    assert (await ruth.ok("ballot", uid=first, dots=ballot))["again"] is True  # a late retry changes nothing
    assert focus.votes_by_leader(engine.room, session_id) == {NAMES[0]: {"fair-renewal-price": 3}}
    events = engine.room.db.execute("SELECT detail FROM journal_events WHERE session_id = ? AND kind = 'vote_cast'",
                                    (session_id,)).fetchall()
    assert events == [(f"{NAMES[0]}: 3 dots",), (f"{NAMES[0]}: 3 dots",)]

    too_many = await ruth.ask("ballot", uid=new_uid(), dots={"fair-renewal-price": 4})
    assert not too_many["ok"] and "each leader has 3" in too_many["error"]
    await hamish.leader(token, NAMES[1])
    taken = await hamish.ask("iam", name=NAMES[0])
    assert not taken["ok"] and "another phone" in taken["error"]
    await hamish.ok("skip", uid=new_uid())
    await remote.ok("hello", key=desk.access.controller_key)
    control_view = (await remote.ok("hello", key=desk.access.controller_key))["vote"]
    assert control_view["line"] == "2 of 9 have voted (1 skipped)"
    assert NAMES[0] not in control_view["waiting"] and len(control_view["waiting"]) == 7
    assert "totals" not in control_view

    await remote.ok("vote_close")
    late = await hamish.ask("ballot", uid=new_uid(), dots={"fair-renewal-price": 1})
    assert not late["ok"] and "closed" in late["error"] and sentence(late["error"])
    assert (await ruth.ok("ballot", uid=second, dots={"fair-renewal-price": 3}))["again"] is True
    leader_view = (await ruth.ok("hello", token=token, device=ruth.device))["vote"]
    assert "totals" not in leader_view and leader_view["me"]["dots"] == {"fair-renewal-price": 3}

    await remote.ok("vote_reveal")
    revealed = await ruth.until("vote", lambda pushed: "totals" in pushed)
    tally = tally_data(engine.room, session_id)  # what the console and the tally wall draw
    assert [(t["title"], t["dots"]) for t in revealed["totals"]] == [(r.title, r.dots) for r in tally.rows]
    assert len(tally.progress.voted) == 1 and tally.rows[0].dots == 3


@pytest.mark.asyncio
async def test_closing_the_session_ends_the_leaders_link(server, desk, engine):
    engine.apply(cmd.StartSession())
    token = desk.access.leaders_token
    ruth = await phone(server)
    await ruth.leader(token, NAMES[0])
    engine.apply(cmd.CloseSession())
    await ruth.ask("hello", token=token, device=ruth.device)  # any message: the desk sees the session closed
    ended = await ruth.push("ended")
    assert "link has closed" in ended["message"]
    refused = await ruth.ask("hello", token=token, device=ruth.device)
    assert not refused["ok"] and "no session open" in refused["error"]


@pytest.mark.asyncio
async def test_a_takeover_for_a_phone_that_left_hands_nothing_over(server, desk):
    first = await facilitator(server, desk)
    key = desk.access.controller_key
    second = await phone(server)
    assert (await second.ok("pair", pin=desk.access.pin))["waiting"]
    await second.ws.close()
    for _ in range(1000):  # yield to the server's handler until it has told the desk the phone left
        if len(desk.clients) == 1:
            break
        await asyncio.sleep(0)
    assert len(desk.clients) == 1
    pushes = desk.answer_takeover(True)
    assert [message for _, message in pushes] == [{"push": "control",
                                                   "declined": "The laptop did not hand over control."}]
    assert desk.access.is_controller(key)
    assert (await first.ok("command", cmd="next"))["state"]["stage"]["number"] == 2
