"""The phones' server on its own thread: nothing listens until it is started, it binds the one address it
is given, refuses every-network addresses, and stops without leaving a thread or a socket."""

from __future__ import annotations

import asyncio
import socket
import threading
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from customer_room_desktop.services.phone_desk import DeskReply
from customer_room_desktop.services.phone_server import PhoneServer, PhoneServerError

from .listening import listening

WEB_ROOT = Path(__file__).resolve().parents[2] / "resources" / "phone"


async def echo(client: str, message: object) -> DeskReply:
    return DeskReply({"id": message.get("id") if isinstance(message, dict) else None, "ok": True, "echo": message})


def server_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "phone-server"]


@pytest.fixture
def server():
    made = PhoneServer(echo, lambda client: None, WEB_ROOT)
    yield made
    made.stop()


def test_nothing_listens_until_the_server_is_started(server):
    assert not server.running and server.port == 0 and not server_threads()
    ports = listening()
    if ports is not None:
        assert not ports


def test_the_server_binds_only_the_address_it_is_given_and_stops_cleanly(server):
    port = server.start("127.0.0.1", 0)
    assert server.running and port > 0 and len(server_threads()) == 1
    ports = listening()
    if ports is not None:
        assert ports == {("127.0.0.1", port)}
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
        assert b"Customer Room" in page.read()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.2", port), timeout=5):
        pass  # the same machine, another address: nobody listens there
    gone = threading.Event()

    async def a_phone_until_closed() -> str:
        async with aiohttp.ClientSession() as session, session.ws_connect(f"http://127.0.0.1:{port}/ws") as ws:
            await ws.send_json({"id": 1, "op": "hello"})
            assert (await ws.receive_json(timeout=5))["echo"]["op"] == "hello"
            threading.Thread(target=lambda: (server.stop(), gone.set())).start()
            closing = await ws.receive(timeout=10)
            return f"{closing.type.name} {closing.data}"

    assert asyncio.run(a_phone_until_closed()) == "CLOSE 1001"  # told "going away", not cut off
    assert gone.wait(10)
    assert not server.running and not server_threads()
    if ports is not None:
        assert not listening()
    assert server.start("127.0.0.1", port) == port  # switched on again: the same port, so the same codes
    server.stop()


@pytest.mark.parametrize("address, sentence", [
    ("0.0.0.0", "every network at once"), ("::", "every network at once"), ("localhost", "not an IP address"),
    ("10.0.0.999", "not an IP address")])
def test_an_address_that_is_not_one_interface_is_refused_in_a_sentence(server, address, sentence):
    with pytest.raises(PhoneServerError, match=sentence):
        server.start(address)
    assert not server.running and not server_threads()


def test_a_port_in_use_is_refused_in_a_sentence(server):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PhoneServerError, match=f"could not listen on http://127.0.0.1:{port}/: .*in use"):
            server.start("127.0.0.1", port)
    assert not server.running and not server_threads()
