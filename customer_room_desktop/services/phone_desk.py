"""The phones' side of the live room: every message a phone sends is answered here, on the room's own
thread, and what each phone must be told afterwards is worked out here too. No Qt, no network: the
server (phone_server.py) carries the messages, the app's bridge carries them across threads.

A message is ``{"id": 1, "op": "...", ...}``; its reply ``{"id": 1, "ok": true, ...}`` or
``{"id": 1, "ok": false, "error": "one sentence"}``. The ops:

- ``hello`` {token?, device?, key?}: a leader comes with the session's token and the phone's own id;
  the facilitator's phone with the controller key it was given (or with neither, to pair).
- ``pair`` {pin}: the PIN on the laptop. Gives {"key": ...}, or {"waiting": true} while the laptop is
  asked to confirm a takeover (the answer comes as a "control" push).
- ``release``: the controlling phone lets go.
- ``command`` {cmd, ...}: the controller sends one of ``PHONE_COMMANDS``, answered exactly as the
  control socket answers it (room_requests.py).
- ``vote_open``, ``vote_close``, ``vote_reveal``: the controller steers the vote.
- ``iam`` {name}, ``ballot`` {uid, dots}, ``skip`` {uid}: a leader picks their name, places dots, skips.

Pushes (``{"push": "room" | "vote" | "control" | "ended", ...}``) go to the phones whose view changed.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from ..domain import room_commands as cmd
from ..domain.ballot_box import BallotBox, BallotRefused, check_uid
from ..domain.phone_access import AccessRefused, PhoneAccess
from ..domain.refusal import Refusal
from ..domain.room_changes import Changes
from ..domain.room_state import RoomState
from ..storage.ballots import ballot_candidates, ballot_saved, record_vote
from ..storage.room_file import RoomFile
from ..storage.session_plans import attendees_of, session_row
from .phone_views import VoteSheet, room_view
from .room_requests import answer_request, plain_failure
from .room_writes import RoomWrites

PHONE_COMMANDS = ("state", "next", "previous", "go", "blackout", "capture")

Push = tuple[tuple[str, ...], dict]  # (the clients to tell, the message)


@dataclass
class RoomSide:
    """What the desk needs of the live room: the app gives the real room's, tests an engine's."""

    room: RoomFile
    writes: RoomWrites
    state: Callable[[], RoomState]
    execute: Callable[[cmd.Command], Changes]
    clocks: Callable[[], dict] = dict  # {"session_s": ..., "stage_s": ..., "stage_planned_s": ...}
    votes_saved: Callable[[], None] = lambda: None  # a phone's ballot is saved: the walls and console redraw
    takeover_asked: Callable[[], None] = lambda: None  # the laptop is asked to confirm a takeover
    link_changed: Callable[[], None] = lambda: None  # a new PIN or leaders' link: the console's codes follow


@dataclass
class PhoneClient:
    leader: bool = False  # came with this session's link
    device: str = ""  # the phone's own id (a leader's)
    controller: bool = False
    sent: tuple = ()  # (room view, vote view) last sent: only changes are pushed

    @property
    def known(self) -> bool:
        return self.leader or self.controller


@dataclass
class DeskReply:
    reply: dict
    pushes: list[Push] = field(default_factory=list)


class PhoneDesk:
    def __init__(self, side: RoomSide, access: PhoneAccess | None = None):
        self.side = side
        self.access = access or PhoneAccess()
        self.box = BallotBox()
        self.clients: dict[str, PhoneClient] = {}
        self._session: tuple[int | None, str] = (None, "")
        self._follow_session()

    # -- one message ---------------------------------------------------------------------------------------
    def handle(self, client: str, message: object) -> DeskReply:
        """The reply to one message from ``client``, then what every phone must be told."""
        request_id = message.get("id") if isinstance(message, dict) else None
        op = message.get("op") if isinstance(message, dict) else None
        handler = getattr(self, f"_op_{op}", None) if isinstance(op, str) and op.isidentifier() else None
        phone = self.clients.setdefault(client, PhoneClient())
        try:
            if handler is None or not isinstance(message, dict):
                raise AccessRefused("The phone asked for something the room does not know; reload the page.")
            body = handler(client, phone, message)
        except Refusal as refused:
            body = {"ok": False, "error": str(refused)}
        except Exception as failure:  # noqa: BLE001 - the room keeps running; the phone is told in words
            traceback.print_exc()
            body = {"ok": False, "error": plain_failure(failure)}
        return DeskReply({"id": request_id, "ok": True, **body}, self.pushes())

    def gone(self, client: str) -> None:
        """A phone's connection closed (it may come back with the same link or key)."""
        self.clients.pop(client, None)

    # -- who is who ---------------------------------------------------------------------------------------
    def _op_hello(self, client: str, phone: PhoneClient, message: dict) -> dict:
        phone.leader = phone.controller = False
        if message.get("token") is not None:
            self.access.check_token(message.get("token"))
            phone.device = check_uid(message.get("device"))
            phone.leader = True
        if message.get("key") is not None:
            if not self.access.is_controller(message.get("key")):
                raise AccessRefused("This phone no longer controls the room; type the PIN shown on the laptop.")
            phone.controller = True
        if not phone.known:
            return {"role": "visitor"}  # it may pair; it is shown nothing of the room before
        views = self._views(phone, VoteSheet.read(self.side.room, self.side.state(), self.box),
                            room_view(self.side.state()))
        phone.sent = views
        return {"role": "controller" if phone.controller else "leader",
                "room": {**views[0], "clocks": self.side.clocks()}, "vote": views[1]}

    def _op_pair(self, client: str, phone: PhoneClient, message: dict) -> dict:
        if phone.controller:
            raise AccessRefused("This phone already controls the room.")
        paired = self.access.try_pin(message.get("pin"), client)
        self.side.link_changed()  # a right PIN is used up: the console shows the next one
        if paired.waiting:
            self.side.takeover_asked()
            return {"waiting": True}
        self._controller_is(client)
        return {"key": paired.key}

    def _op_release(self, client: str, phone: PhoneClient, message: dict) -> dict:
        self._need_controller(phone)
        self.access.release()
        phone.controller = False
        return {}

    def answer_takeover(self, confirmed: bool) -> list[Push]:
        """The laptop's answer to a takeover: the asking phone gets the key (or is told no), the old one loses it."""
        still_here = self.access.pending in self.clients  # a phone that left meanwhile is handed nothing
        asking, key = self.access.answer_takeover(confirmed and still_here)
        if not key:
            return [((asking,), {"push": "control", "declined": "The laptop did not hand over control."})]
        lost = self._controller_is(asking)
        return [((asking,), {"push": "control", "key": key}),
                *([(lost, {"push": "control", "lost": "Control passed to another phone."})] if lost else []),
                *self.pushes()]

    def release_controller(self) -> list[Push]:
        """The laptop takes control back from the phone that has it."""
        self.access.release()
        lost = self._controller_is("")
        return [(lost, {"push": "control", "lost": "The laptop took control back."})] if lost else []

    def _controller_is(self, client: str) -> tuple[str, ...]:
        """Make ``client`` the one controlling phone; return the phones that lost control."""
        lost = tuple(c for c, p in self.clients.items() if p.controller and c != client)
        for c in lost:
            self.clients[c].controller = False
        if client:
            self.clients.setdefault(client, PhoneClient()).controller = True
        return lost

    @staticmethod
    def _need_controller(phone: PhoneClient) -> None:
        if not phone.controller:
            raise AccessRefused("Only the facilitator's paired phone can do that.")

    @staticmethod
    def _need_leader(phone: PhoneClient) -> None:
        if not phone.leader:
            raise AccessRefused("Open the leaders' link from the code in the room first.")

    # -- the remote --------------------------------------------------------------------------------------
    def _op_command(self, client: str, phone: PhoneClient, message: dict) -> dict:
        self._need_controller(phone)
        request = {name: value for name, value in message.items() if name not in ("op", "id")}
        answer = answer_request(request, self.side.execute, self.side.state, PHONE_COMMANDS)
        answer.pop("id", None)
        return answer

    # -- the vote ----------------------------------------------------------------------------------------
    def _op_vote_open(self, client: str, phone: PhoneClient, message: dict) -> dict:
        self._need_controller(phone)
        self.open_vote()
        return {}

    def _op_vote_close(self, client: str, phone: PhoneClient, message: dict) -> dict:
        self._need_controller(phone)
        self.box.close()
        return {}

    def _op_vote_reveal(self, client: str, phone: PhoneClient, message: dict) -> dict:
        self._need_controller(phone)
        self.box.reveal()
        return {}

    def open_vote(self) -> None:
        if not self.side.state().session.live:
            raise BallotRefused("Start the session first: a vote is held in a live session.")
        if not ballot_candidates(self.side.room):
            raise BallotRefused("There are no candidate priorities to vote on; add them on the console first.")
        self.box.open()

    def _op_iam(self, client: str, phone: PhoneClient, message: dict) -> dict:
        self._need_leader(phone)
        session_id = self._live_session()
        return {"name": self.box.claim(message.get("name"), phone.device,
                                       [a.name for a in attendees_of(self.side.room, session_id)])}

    def _op_ballot(self, client: str, phone: PhoneClient, message: dict) -> dict:
        return self._cast(phone, message, skipped=False)

    def _op_skip(self, client: str, phone: PhoneClient, message: dict) -> dict:
        return self._cast(phone, message, skipped=True)

    def _cast(self, phone: PhoneClient, message: dict, skipped: bool) -> dict:
        self._need_leader(phone)
        name = self.box.name_of(phone.device)
        if name is None:
            raise BallotRefused("Pick your name first.")
        uid = check_uid(message.get("uid"))
        if ballot_saved(self.side.room, uid):
            return {"saved": True, "again": True}  # a retry: counted once already
        self.box.need_open()
        session_id = self._live_session()
        dots: dict[str, int] = {}
        if not skipped:
            candidates = [key for key, _, _ in ballot_candidates(self.side.room)]
            dots = self.box.check_ballot(message.get("dots"), candidates,
                                         session_row(self.side.room, session_id).dots_per_leader)
        self.side.writes.run(record_vote, session_id, name, dots, uid)
        self.box.voted(name, skipped)
        self.side.votes_saved()
        return {"saved": True}

    def _live_session(self) -> int:
        session = self.side.state().session
        if session.id is None or not session.live:
            raise BallotRefused("The session has not started yet; wait for the facilitator.")
        return session.id

    # -- what the phones are told --------------------------------------------------------------------------
    def _follow_session(self) -> list[Push]:
        """A new session, or the session closed: the leaders' link changes and its phones are told."""
        session = self.side.state().session
        now = (session.id, session.status)
        if now == self._session:
            return []
        if session.id != self._session[0]:
            self.box = BallotBox()
        self._session = now
        if not self.access.session_is(session.id, closed=session.status in ("closed", "none")):
            return []
        self.side.link_changed()
        ended = tuple(c for c, p in self.clients.items() if p.leader)
        for c in ended:
            self.clients[c].leader = False
        return [(ended, {"push": "ended", "message": "This session's link has closed; scan the new code in the "
                                                     "room to vote in the next one."})] if ended else []

    def _views(self, phone: PhoneClient, sheet: VoteSheet, room: dict) -> tuple[dict, dict]:
        vote = sheet.for_phone(self.side.room, self.box, leader_device=phone.device if phone.leader else "",
                               controller=phone.controller)
        return room, vote

    def pushes(self) -> list[Push]:
        """Each phone whose room or vote view changed since it was last told, with its new view."""
        pushes = self._follow_session()
        known = [(c, p) for c, p in self.clients.items() if p.known]
        if not known:
            return pushes
        sheet = VoteSheet.read(self.side.room, self.side.state(), self.box)
        shared_room, clocks = room_view(self.side.state()), self.side.clocks()
        for client, phone in known:
            room, vote = self._views(phone, sheet, shared_room)
            last = phone.sent or ({}, {})
            if room != last[0]:
                pushes.append(((client,), {"push": "room", **room, "clocks": clocks}))
            if vote != last[1]:
                pushes.append(((client,), {"push": "vote", **vote}))
            phone.sent = (room, vote)
        return pushes
