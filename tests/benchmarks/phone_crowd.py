"""Run by phone_probe.py in a process of its own: a crowd of simulated phones voting in the live room.

Every phone is an aiohttp WebSocket on loopback, as the bundled page's: it says ``hello`` with the session's
token and its own device id, picks its leader's name (``iam``), then waits. The probe writes "go" on standard
input; every phone then places its dots three times (a new uid each time, each ballot sent as soon as the
last was answered), and some send a ballot again on purpose, as a phone does after a timeout or a sleep:

- every fifth phone (0, 5, ...) sends its first ballot twice on the same connection;
- phones 1, 6, ... reconnect after their last ballot (a new WebSocket, ``hello`` again with the same device)
  and send that last ballot again;
- phones 2, 7, ... send their first ballot again after their last, which must change nothing.

Each ballot's send moment is ``time.monotonic()`` (CLOCK_MONOTONIC, the same clock in every process of this
machine), so the probe can measure from it to the tally wall's change. Lines on standard output: "ready",
then "done" once every phone has its answers; the figures go to the JSON file named on the command line.
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import sys
import time
from pathlib import Path

import aiohttp

TIMEOUT_S = 30.0
ROUNDS = 3


def new_uid() -> str:
    return secrets.token_hex(16)


class CrowdPhone:
    """One phone: replies matched by id, pushes counted and put aside."""

    def __init__(self, index: int, name: str, session: aiohttp.ClientSession, ws_url: str, token: str):
        self.index, self.name, self.session, self.ws_url, self.token = index, name, session, ws_url, token
        self.device = new_uid()
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.pushes = 0
        self._next = 1
        self.ballots: list[dict] = []  # uid, dots, sent (monotonic s), answered (monotonic s), reply
        self.retries: list[dict] = []  # uid, kind, reply

    async def connect(self) -> None:
        self.ws = await self.session.ws_connect(self.ws_url)
        await self.ok("hello", token=self.token, device=self.device)

    async def ask(self, op: str, **data) -> tuple[dict, float]:
        """The reply and the moment the request went out."""
        assert self.ws is not None
        request_id = self._next
        self._next += 1
        text = json.dumps({**data, "id": request_id, "op": op})
        sent = time.monotonic()
        await self.ws.send_str(text)
        while True:
            message = await self.ws.receive_json(timeout=TIMEOUT_S)
            if "push" in message:
                self.pushes += 1
            elif message.get("id") == request_id:
                return message, sent

    async def ok(self, op: str, **data) -> dict:
        reply, _ = await self.ask(op, **data)
        if not reply.get("ok"):
            raise RuntimeError(f"phone {self.index} ({self.name}): {op} refused: {reply.get('error')}")
        return reply

    async def ballot(self, uid: str, dots: dict[str, int]) -> None:
        reply, sent = await self.ask("ballot", uid=uid, dots=dots)
        self.ballots.append({"uid": uid, "dots": dots, "sent": sent, "answered": time.monotonic(), "reply": reply})

    async def again(self, uid: str, dots: dict[str, int], kind: str) -> None:
        reply, _ = await self.ask("ballot", uid=uid, dots=dots)
        self.retries.append({"uid": uid, "kind": kind, "reply": reply})

    async def vote(self, go: asyncio.Event, choices: list[dict[str, int]]) -> None:
        await go.wait()
        for dots in choices:
            await self.ballot(new_uid(), dots)
            if self.index % 5 == 0 and len(self.ballots) == 1:
                await self.again(self.ballots[0]["uid"], self.ballots[0]["dots"], "same connection, at once")
        if self.index % 5 == 1:
            assert self.ws is not None
            await self.ws.close()
            await self.connect()
            await self.again(self.ballots[-1]["uid"], self.ballots[-1]["dots"], "after reconnecting")
        elif self.index % 5 == 2:
            await self.again(self.ballots[0]["uid"], self.ballots[0]["dots"], "first ballot, after the last")


def choices_for(index: int, candidates: list[str], dots_per_leader: int) -> list[dict[str, int]]:
    """Three different ballots, each placing between one and all of the leader's dots."""
    rng = random.Random(2300 + index)
    ballots: list[dict[str, int]] = []
    while len(ballots) < ROUNDS:
        dots: dict[str, int] = {}
        for _ in range(rng.randint(1, dots_per_leader)):
            key = rng.choice(candidates)
            dots[key] = dots.get(key, 0) + 1
        if dots not in ballots:  # all three differ, so a stale retry applied again would show
            ballots.append(dots)
    return ballots


async def crowd(ws_url: str, token: str, names: list[str], candidates: list[str], dots_per_leader: int,
                out: Path) -> None:
    go = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        phones = [CrowdPhone(index, name, session, ws_url, token) for index, name in enumerate(names)]
        for phone in phones:
            await phone.connect()
            await phone.ok("iam", name=phone.name)
        print("ready", flush=True)
        voting = [asyncio.ensure_future(phone.vote(go, choices_for(phone.index, candidates, dots_per_leader)))
                  for phone in phones]
        loop = asyncio.get_running_loop()
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if line.strip() != "go":
            raise RuntimeError(f"the probe said {line!r}, not go")
        started = time.monotonic()
        go.set()
        await asyncio.gather(*voting)
        finished = time.monotonic()
        print("done", flush=True)
        out.write_text(json.dumps({
            "started": started, "finished": finished,
            "phones": [{"name": p.name, "ballots": p.ballots, "retries": p.retries, "pushes": p.pushes}
                       for p in phones]}))
        for phone in phones:
            if phone.ws is not None:
                await phone.ws.close()


def main() -> None:
    ws_url, token, names, candidates, dots, out = sys.argv[1:7]
    asyncio.run(crowd(ws_url, token, json.loads(names), json.loads(candidates), int(dots), Path(out)))


if __name__ == "__main__":
    main()
