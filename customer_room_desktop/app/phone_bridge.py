"""The phones and the live room, across threads: the phones' server runs on its own thread and loop;
every message it receives is answered here, on the Qt thread, by the phone desk, through a queued
signal, and the reply goes back to the server's loop. Room changes made anywhere (a key, the console,
the control socket) reach the phones through ``room_changed``.

For the console: ``start``/``stop`` (the "Phones" switch), ``pin``, ``leaders_qr``/``facilitator_qr``
and ``codes_changed`` (a new PIN or link), ``takeover_requested`` answered by ``answer_takeover``,
``open_vote``/``close_vote``/``reveal_votes``, ``vote_progress`` with ``vote_changed``. Each action that
can be refused raises a Refusal whose text is the sentence to show.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..domain import room_commands as cmd
from ..domain.ballot_box import VotePhase, VoteProgress
from ..domain.refusal import Refusal
from ..services.interface_addresses import InterfaceAddress, interface_addresses
from ..services.phone_codes import qr_png
from ..services.phone_desk import DeskReply, PhoneDesk, Push, RoomSide
from ..services.phone_server import PhoneServer
from ..services.phone_views import VoteSheet
from ..services.phones_wall_data import PhonesWallData, phones_wall_data
from .live_room import LiveRoom
from .paths import bundled_folder

TAKEOVER_QUESTION = "Another phone asks to take control of the room from the one that has it. Hand it over?"


class _Inbox(QObject):
    """Lives on the Qt thread; the server's thread emits, the Qt thread answers (queued connections)."""

    arrived = Signal(str, object, object)  # client, message, settle(reply)
    gone = Signal(str)


class PhoneBridge(QObject):
    started = Signal(str)  # the facilitator's page address
    stopped = Signal()
    codes_changed = Signal()  # a new PIN or leaders' link: the console shows the codes again
    takeover_requested = Signal(str)  # the question to ask on the laptop; answer with answer_takeover()
    vote_changed = Signal()  # who has voted, or the vote's phase, may have changed

    def __init__(self, side: RoomSide, web_root=None):
        super().__init__()
        self.side = side
        side.takeover_asked = lambda: self.takeover_requested.emit(TAKEOVER_QUESTION)
        side.link_changed = self.codes_changed.emit
        votes_saved = side.votes_saved
        side.votes_saved = lambda: (votes_saved(), self.vote_changed.emit())
        self.web_root = web_root or bundled_folder("resources") / "phone"
        self.desk: PhoneDesk | None = None
        self.server: PhoneServer | None = None
        self._handling = False
        self._leaders_code: tuple[str, bytes] = ("", b"")  # the leaders' link and its QR code, made once per link
        self._inbox = _Inbox()
        self._inbox.arrived.connect(self._answer, Qt.ConnectionType.QueuedConnection)
        self._inbox.gone.connect(self._forget, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def addresses() -> list[InterfaceAddress]:
        """Where the server can listen: this computer's addresses, the loopback last."""
        return interface_addresses()

    # -- the switch ----------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def start(self, address: str, port: int = 0) -> str:
        """Listen on ``address`` and ``port`` (0: a free one); return the facilitator's page address."""
        if self.running:
            raise Refusal("The phones' server is already running.")
        if self.desk is None:  # kept when switched off and on: the same links, PIN, paired phone and vote
            self.desk = PhoneDesk(self.side)
        self.server = PhoneServer(self._ask, self._inbox.gone.emit, self.web_root)
        try:
            self.server.start(address, port)
        except Refusal:
            self.server = None
            raise
        url = self.server.url()
        self.vote_changed.emit()  # the tally's totals may hide now
        self.started.emit(url)
        self.codes_changed.emit()
        return url

    def stop(self) -> None:
        """Close every phone's connection and stop listening (the switch turned off, or the room closing)."""
        server, self.server = self.server, None
        if server is not None:
            server.stop()
            if self.desk is not None:
                self.desk.clients.clear()
            self.vote_changed.emit()  # the tally's totals show again
            self.stopped.emit()

    def totals_hidden(self) -> bool:
        """While the phones are on and their vote is open, or closed but not revealed, the tally wall shows who
        has voted but not where the dots went (turning the phones off shows them: nobody is left to reveal)."""
        return self.running and self.desk is not None and self.desk.box.phase in (VotePhase.OPEN, VotePhase.CLOSED)

    def skipped(self) -> frozenset[str]:
        """The leaders who chose, on their phones, not to vote in this vote."""
        return frozenset(self.desk.box.skipped) if self.desk is not None else frozenset()

    # -- the codes -----------------------------------------------------------------------------------------
    @property
    def pin(self) -> str:
        return self.desk.access.pin if self.desk and self.running else ""

    @property
    def leaders_url(self) -> str:
        """The leaders' link ("" while the server is off or there is no session open for leaders)."""
        token = self.desk.access.leaders_token if self.desk and self.running else ""
        return self.server.url(f"t={token}") if self.server and token else ""

    @property
    def facilitator_url(self) -> str:
        return self.server.url("remote") if self.server else ""

    def leaders_qr(self) -> bytes:
        url = self.leaders_url
        if url and self._leaders_code[0] != url:
            self._leaders_code = (url, qr_png(url))
        return self._leaders_code[1] if url else b""

    def wall_data(self) -> PhonesWallData:
        """What the phones wall shows: plain data, never the bridge (the phones off: one sentence)."""
        progress = self.vote_progress()
        line = progress.line if progress is not None and progress.attendees else ""
        return phones_wall_data(self.running, self.leaders_url, self.leaders_qr(), line)

    def facilitator_qr(self) -> bytes:
        return qr_png(self.facilitator_url) if self.facilitator_url else b""

    # -- what the laptop decides -----------------------------------------------------------------------------
    def answer_takeover(self, confirmed: bool) -> None:
        self._push(lambda desk: desk.answer_takeover(confirmed))

    def release_controller(self) -> None:
        self._push(lambda desk: desk.release_controller())

    def open_vote(self) -> None:
        self._push(lambda desk: (desk.open_vote(), desk.pushes())[1])

    def close_vote(self) -> None:
        self._push(lambda desk: (desk.box.close(), desk.pushes())[1])

    def reveal_votes(self) -> None:
        self._push(lambda desk: (desk.box.reveal(), desk.pushes())[1])

    def free_name(self, name: str) -> None:
        self._push(lambda desk: (desk.box.free(name), desk.pushes())[1])

    def vote_progress(self) -> VoteProgress | None:
        """Who has voted or skipped, and who not yet ("7 of 9 have voted"); None while the server is off."""
        if self.desk is None or not self.running:
            return None
        return VoteSheet.read(self.side.room, self.side.state(), self.desk.box).progress

    def _push(self, action: Callable[[PhoneDesk], list[Push]]) -> None:
        if self.desk is None or self.server is None or not self.running:
            raise Refusal("Turn the phones on first.")
        self.server.push(action(self.desk))
        self.vote_changed.emit()

    # -- across the threads ----------------------------------------------------------------------------------
    def room_changed(self, *_: object) -> None:
        """The room changed (any command): phones whose view changed are told."""
        if self.desk is not None and self.server is not None and self.running and not self._handling:
            self.server.push(self.desk.pushes())

    async def _ask(self, client: str, message: object) -> DeskReply:
        """On the server's loop: hand the message to the Qt thread and wait for its reply."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[DeskReply] = loop.create_future()

        def settle(reply: DeskReply) -> None:  # called on the Qt thread
            with contextlib.suppress(RuntimeError):  # the server stopped meanwhile
                loop.call_soon_threadsafe(lambda: future.done() or future.set_result(reply))

        self._inbox.arrived.emit(client, message, settle)
        return await future

    def _answer(self, client: str, message: object, settle: Callable[[DeskReply], None]) -> None:
        desk = self.desk
        if desk is None or not self.running:
            settle(DeskReply({"id": None, "ok": False, "error": "The phones are turned off on the laptop."}))
            return
        hidden_before = self.totals_hidden()
        self._handling = True  # the reply's own pushes tell the phones; room_changed waits
        try:
            reply = desk.handle(client, message)
        finally:
            self._handling = False
        settle(reply)
        if hidden_before != self.totals_hidden():  # the facilitator's phone opened, closed or revealed the vote
            self.vote_changed.emit()

    def _forget(self, client: str) -> None:
        if self.desk is not None and self.running:
            self.desk.gone(client)


def live_room_side(live: LiveRoom) -> RoomSide:
    """The phone desk's view of a live room: its file, its one command path, its clocks."""
    return RoomSide(room=live.engine.room, writes=live.engine.writes, state=lambda: live.state,
                    execute=live.execute, clocks=live.clock.seconds, votes_saved=live.session.votes_arrived)


def phone_bridge_for(live: LiveRoom) -> PhoneBridge:
    """A bridge on ``live`` that follows every change of the room; nothing listens until ``start``."""
    bridge = PhoneBridge(live_room_side(live))
    live.changed.connect(bridge.room_changed)
    live.factory.phones = bridge
    _walls_follow_phones(live, bridge)
    return bridge


def _walls_follow_phones(live: LiveRoom, bridge: PhoneBridge) -> None:
    """Walls that show the phones' state draw again through the room's own command when it changes: a
    tally wall at once when its totals hide or show, a phones wall once per burst of codes or votes. (Dots
    and skips reach the tally as every saved vote does; a wall whose data is unchanged is not repainted.)"""
    timer = QTimer(bridge, singleShot=True, interval=0)
    drawn_hidden = [bridge.totals_hidden()]

    def shown() -> set[str]:
        state = live.state
        return {state.shown(wall).partition(":")[0] for wall in state.present_walls()}

    def redraw() -> None:
        if not live.closing:
            with contextlib.suppress(Refusal):
                live.execute(cmd.SessionDataChanged())

    def follow() -> None:
        hidden = bridge.totals_hidden()
        turned, drawn_hidden[0] = hidden != drawn_hidden[0], hidden
        views = shown()
        if turned and "tally" in views:
            redraw()
        elif "phones" in views:
            timer.start()

    timer.timeout.connect(lambda: "phones" in shown() and redraw())
    bridge.codes_changed.connect(follow)
    bridge.vote_changed.connect(follow)
