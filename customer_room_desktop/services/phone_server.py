"""The phones' web server: the bundled page over HTTP and one WebSocket per phone, with aiohttp.

``phone_app`` is the aiohttp application (tests drive it with aiohttp's test client); ``PhoneServer``
runs it on a thread of its own, with its own asyncio loop, bound to exactly the one address it is given.
The server keeps no state of the room: each message is handed to ``ask(client, message)``, which
answers with a ``DeskReply`` (phone_desk.py); whatever must reach phones later comes through ``push``.

Endpoints: ``GET /`` the page, ``GET /app.js`` and ``GET /style.css`` its script and style (nothing
else is served, nothing is fetched from elsewhere), ``GET /ws`` the WebSocket (JSON text frames).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import secrets
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import WSMsgType, web

from ..domain.refusal import Refusal
from .phone_desk import DeskReply, Push

Ask = Callable[[str, object], Awaitable[DeskReply]]
Gone = Callable[[str], None]

MAX_MESSAGE = 16 * 1024  # a phone's message is a few hundred bytes; more is refused
MAX_PHONES = 200  # connections at once: a room holds a few dozen people
START_TIMEOUT_S = 10
HEARTBEAT_S = 20.0  # a phone that slept without closing is noticed within about this
WEB_FILES = {"/": ("index.html", "text/html"), "/app.js": ("app.js", "text/javascript"),
             "/style.css": ("style.css", "text/css")}
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class PhoneServerError(Refusal):
    """The phones' server could not start; the message says where and why."""


class PhoneHub:
    """The open WebSockets, by client id, and the questions in flight to the room."""

    def __init__(self) -> None:
        self.sockets: dict[str, web.WebSocketResponse] = {}
        self.in_flight: set[asyncio.Future] = set()

    async def send(self, pushes: list[Push]) -> None:
        for clients, message in pushes:
            text = json.dumps(message, ensure_ascii=False)
            for client in clients:
                socket = self.sockets.get(client)
                if socket is not None and not socket.closed:
                    with contextlib.suppress(ConnectionError, RuntimeError):  # closed meanwhile: its handler tidies up
                        await socket.send_str(text)

    async def close_all(self) -> None:
        for task in list(self.in_flight):
            task.cancel()
        for socket in list(self.sockets.values()):
            await socket.close(code=1001, message=b"The room closed.")


HUB = web.AppKey("phone_hub", PhoneHub)


def phone_app(ask: Ask, gone: Gone, web_root: Path) -> web.Application:
    """The application: the page's three files and the WebSocket."""
    app = web.Application(client_max_size=MAX_MESSAGE)
    hub = PhoneHub()
    app[HUB] = hub
    pages = {route: ((web_root / name).read_bytes(), kind) for route, (name, kind) in WEB_FILES.items()}

    async def page(request: web.Request) -> web.Response:
        body, kind = pages[request.path]
        return web.Response(body=body, content_type=kind, charset="utf-8", headers=HEADERS)

    async def socket(request: web.Request) -> web.StreamResponse:
        if not _same_origin(request):
            raise web.HTTPForbidden(text="This page must be opened from the room's own address.")
        if len(hub.sockets) >= MAX_PHONES:
            raise web.HTTPServiceUnavailable(text="Too many phones are connected to the room.")
        ws = web.WebSocketResponse(heartbeat=HEARTBEAT_S, max_msg_size=MAX_MESSAGE, timeout=2.0)
        await ws.prepare(request)
        client = secrets.token_hex(8)
        hub.sockets[client] = ws
        try:
            async for frame in ws:
                if frame.type != WSMsgType.TEXT:
                    continue
                try:
                    message = json.loads(frame.data)
                except ValueError:
                    await ws.send_json({"id": None, "ok": False, "error": "The phone sent something unreadable."})
                    continue
                asked = asyncio.ensure_future(ask(client, message))
                hub.in_flight.add(asked)
                try:
                    answer = await asked
                finally:
                    hub.in_flight.discard(asked)
                await ws.send_str(json.dumps(answer.reply, ensure_ascii=False))
                await hub.send(answer.pushes)
        finally:
            hub.sockets.pop(client, None)
            gone(client)
        return ws

    for route in WEB_FILES:
        app.router.add_get(route, page)
    app.router.add_get("/ws", socket)

    async def on_shutdown(app: web.Application) -> None:
        await hub.close_all()

    app.on_shutdown.append(on_shutdown)
    return app


def _same_origin(request: web.Request) -> bool:
    """A browser's WebSocket says which page opened it: only the room's own page may (no Origin: not a browser)."""
    origin = request.headers.get("Origin")
    return origin is None or origin.split("://", 1)[-1].rstrip("/").lower() == request.host.lower()


def check_address(address: str) -> str:
    """A concrete address of this machine to listen on: never all interfaces at once."""
    try:
        parsed = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        raise PhoneServerError(f"“{address}” is not an IP address; choose one of this computer's addresses.") from None
    if parsed.is_unspecified:
        raise PhoneServerError(f"{address} means every network at once; choose the one address phones should use.")
    return str(parsed)


def parse_listen(text: str) -> tuple[str, int]:
    """"192.168.1.20", "192.168.1.20:8090" or "[fe80::1]:8090" as (address, port); port 0 = any free one."""
    text = text.strip()
    host, port = text, "0"
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else "0"
    elif text.count(":") == 1:
        host, port = text.split(":")
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise PhoneServerError(f"“{text}” has no usable port; write the address, or address:port with a port "
                               "from 1 to 65535.")
    return check_address(host), int(port)


def url_for(address: str, port: int, fragment: str = "") -> str:
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}/" + (f"#{fragment}" if fragment else "")


class PhoneServer:
    """``phone_app`` on its own thread and loop. Nothing listens before ``start``; ``stop`` leaves no thread
    and no socket behind."""

    def __init__(self, ask: Ask, gone: Gone, web_root: Path):
        self._ask, self._gone, self._web_root = ask, gone, web_root
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._hub: PhoneHub | None = None
        self._stopped: asyncio.Event | None = None
        self.address = ""
        self.port = 0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def url(self, fragment: str = "") -> str:
        return url_for(self.address, self.port, fragment)

    def start(self, address: str, port: int = 0) -> int:
        """Listen on ``address`` (one of this machine's) and ``port`` (0: any free one); return the port."""
        if self.running:
            raise PhoneServerError(f"The phones' server is already running at {self.url()}.")
        address = check_address(address)
        ready = threading.Event()
        failure: list[str] = []
        self._thread = threading.Thread(target=self._run, args=(address, port, ready, failure),
                                        name="phone-server", daemon=True)
        self._thread.start()
        if not ready.wait(START_TIMEOUT_S):
            failure.append(f"the server did not start within {START_TIMEOUT_S} seconds")
        if failure:
            self.stop()
            raise PhoneServerError(f"The phones' server could not listen on {url_for(address, port)}: {failure[0]}.")
        self.address = address
        return self.port

    def _run(self, address: str, port: int, ready: threading.Event, failure: list[str]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        app = phone_app(self._ask, self._gone, self._web_root)
        self._hub = app[HUB]
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        try:
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, address, port)
            try:
                loop.run_until_complete(site.start())
            except OSError as error:
                failure.append((error.strerror or "the system refused").lower())
                ready.set()
                return
            self.port = runner.addresses[0][1]
            self._stopped = asyncio.Event()
            ready.set()
            loop.run_until_complete(self._stopped.wait())
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            self._loop = None

    def push(self, pushes: list[Push]) -> None:
        """Send ``pushes`` from any thread (the room's): queued onto the server's loop."""
        loop, hub = self._loop, self._hub
        if pushes and loop is not None and hub is not None and self.running:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: the server is stopping
                loop.call_soon_threadsafe(lambda: asyncio.ensure_future(hub.send(pushes)))

    def stop(self) -> None:
        """Close every phone's connection and the listening socket, and end the thread; waits for it."""
        thread, loop, stopped = self._thread, self._loop, self._stopped
        if thread is None:
            return
        if loop is not None and stopped is not None:
            with contextlib.suppress(RuntimeError):  # the loop ended by itself
                loop.call_soon_threadsafe(stopped.set)
        thread.join(START_TIMEOUT_S)
        self._thread = None
        self._stopped = None
        self.port = 0
