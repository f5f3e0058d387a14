"""A phone for tests: one WebSocket to the room's phone server, asking as the bundled page does.

Replies are matched by id; pushes that arrive meanwhile are kept, and ``push(kind)`` waits for the next
one of a kind (never a fixed sleep: each wait ends when the message comes, or fails after a timeout).
"""

from __future__ import annotations

import secrets

import aiohttp

TIMEOUT_S = 10.0


def new_uid() -> str:
    return secrets.token_hex(16)


class Phone:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse):
        self.ws = ws
        self.device = new_uid()
        self.kept: list[dict] = []
        self._next = 1

    async def ask(self, op: str, **data) -> dict:
        request_id = self._next
        self._next += 1
        await self.ws.send_json({**data, "id": request_id, "op": op})
        while True:
            message = await self.ws.receive_json(timeout=TIMEOUT_S)
            if "push" in message:
                self.kept.append(message)
            elif message.get("id") == request_id:
                return message

    async def ok(self, op: str, **data) -> dict:
        reply = await self.ask(op, **data)
        assert reply["ok"], reply
        return reply

    async def push(self, kind: str) -> dict:
        """The next push of ``kind`` (one already received first)."""
        for index, message in enumerate(self.kept):
            if message["push"] == kind:
                return self.kept.pop(index)
        while True:
            message = await self.ws.receive_json(timeout=TIMEOUT_S)
            if message.get("push") == kind:
                return message
            if "push" in message:
                self.kept.append(message)

    async def until(self, kind: str, check) -> dict:
        """Pushes of ``kind`` in order until one passes ``check``; that one."""
        while not check(message := await self.push(kind)):
            pass
        return message

    async def leader(self, token: str, name: str) -> dict:
        hello = await self.ok("hello", token=token, device=self.device)
        await self.ok("iam", name=name)
        return hello
