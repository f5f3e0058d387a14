"""Phones for the tests: an asyncio loop on its own thread, where aiohttp clients play the phones."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future

import aiohttp

from ..services.phone_client import Phone

WAIT_MS = 15000


class PhoneThread:
    """An asyncio loop on its own thread, where the test's phones live."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.session: aiohttp.ClientSession | None = None
        self.phones: list[Phone] = []

    def run(self, qtbot, coroutine):
        """Run ``coroutine`` there while Qt keeps answering here; its result."""
        done: Future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        qtbot.waitUntil(done.done, timeout=WAIT_MS)
        return done.result()

    async def phone(self, url: str) -> Phone:
        if self.session is None:
            self.session = aiohttp.ClientSession()
        self.phones.append(Phone(await self.session.ws_connect(url.split("#")[0] + "ws")))
        return self.phones[-1]

    async def _close(self) -> None:
        for phone in self.phones:
            await phone.ws.close()
        if self.session is not None:
            await self.session.close()

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
