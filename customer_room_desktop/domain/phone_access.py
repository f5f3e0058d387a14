"""Who may do what from a phone: the leaders' link, the facilitator's PIN, one controller at a time.

- **Leaders' link**: a 128-bit token (``secrets.token_urlsafe(16)``) made for one session. It works
  while that session is the room's and is not closed; a new session gets a new token.
- **Facilitator**: pairs by typing the 6-digit PIN shown on the laptop. A right PIN gives the phone a
  controller key (another 128-bit token, kept by the phone to reconnect after it sleeps) and a new PIN
  replaces the one used, so a PIN seen over a shoulder works once at most.
- **Wrong PINs**: after ``PIN_TRIES`` wrong PINs in a row every PIN is refused for ``PIN_WAIT_SECONDS``,
  whoever types it (counted for the whole server, not per phone: a phone can change its address).
  At 5 tries a minute, guessing one of a million PINs takes about a year and a half on average.
- **One controller at a time**: while one phone holds the key, a right PIN from another phone only asks
  the laptop; the facilitator confirms there (or declines), and the old key stops working. A request
  left unanswered lapses after ``TAKEOVER_WAIT_SECONDS``.

Standard library only; the clock is passed in, so the waits are tested without waiting.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .refusal import Refusal
from .records import record

PIN_TRIES = 5
PIN_WAIT_SECONDS = 60
TAKEOVER_WAIT_SECONDS = 120


class AccessRefused(Refusal):
    """A phone asked for something it may not have; the message is the sentence it shows."""


def new_token() -> str:
    """128 random bits, URL-safe (22 characters)."""
    return secrets.token_urlsafe(16)


def new_pin() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


@record
class Paired:
    """A right PIN: ``key`` is the controller's key, or "" while the laptop is asked about a takeover."""

    key: str

    @property
    def waiting(self) -> bool:
        return not self.key


@dataclass
class PhoneAccess:
    now: Callable[[], float] = time.monotonic
    pin: str = field(default_factory=new_pin)
    controller_key: str = ""  # "" = no phone controls the room
    pending: str = ""  # the client asking to take over ("" = none)
    _pending_since: float = 0.0
    _session_id: int | None = None
    _token: str = ""
    _wrong_pins: int = 0
    _locked_until: float = 0.0

    # -- the leaders' link -------------------------------------------------------------------------------
    def session_is(self, session_id: int | None, closed: bool) -> bool:
        """The room's session now; returns True when the leaders' link changed (a new one, or none)."""
        wanted = None if closed else session_id
        if wanted == self._session_id and (wanted is None or self._token):
            return False
        self._session_id = wanted
        self._token = new_token() if wanted is not None else ""
        return True

    @property
    def leaders_token(self) -> str:
        """The token of the leaders' link ("" while the room has no session a leader could vote in)."""
        return self._token

    def check_token(self, token: object) -> None:
        if not self._token:
            raise AccessRefused("There is no session open for leaders now; ask the facilitator for the new link.")
        if not isinstance(token, str) or not secrets.compare_digest(token.encode(), self._token.encode()):
            raise AccessRefused("This link is not the one for this session; scan the code in the room again.")

    # -- the facilitator's PIN ---------------------------------------------------------------------------
    def wait_left(self) -> int:
        """Whole seconds before a PIN may be tried again (0 = now)."""
        left = self._locked_until - self.now()
        return int(left) + (left % 1 > 0) if left > 0 else 0

    def try_pin(self, pin: object, client: str) -> Paired:
        """A right PIN pairs ``client`` (or asks the laptop when another phone has control); a wrong one is
        counted and refused."""
        if wait := self.wait_left():
            raise AccessRefused(f"Too many wrong PINs: wait {wait} seconds, then try again.")
        given = pin.strip() if isinstance(pin, str) else ""
        if not (len(given) == 6 and given.isdigit() and secrets.compare_digest(given.encode(), self.pin.encode())):
            self._wrong_pins += 1
            if self._wrong_pins >= PIN_TRIES:
                self._wrong_pins = 0
                self._locked_until = self.now() + PIN_WAIT_SECONDS
                raise AccessRefused(f"That PIN is wrong, {PIN_TRIES} times now: wait {PIN_WAIT_SECONDS} seconds "
                                    "before trying again.")
            left = PIN_TRIES - self._wrong_pins
            raise AccessRefused(f"That PIN is wrong; {left} {'try' if left == 1 else 'tries'} left before a "
                                f"{PIN_WAIT_SECONDS}-second wait.")
        self._wrong_pins = 0
        if self._pending_lapsed():
            self.pending = ""
        if self.pending and self.pending != client:
            raise AccessRefused("Another phone is already waiting for the laptop to hand it control.")
        self.pin = new_pin()  # each PIN pairs once
        if not self.controller_key:
            return Paired(self._hand_over())
        self.pending, self._pending_since = client, self.now()
        return Paired("")

    def _pending_lapsed(self) -> bool:
        return bool(self.pending) and self.now() - self._pending_since > TAKEOVER_WAIT_SECONDS

    def answer_takeover(self, confirmed: bool) -> tuple[str, str]:
        """The laptop's answer: (the client that asked, its new key or "" when declined or lapsed)."""
        client, lapsed = self.pending, self._pending_lapsed()
        self.pending = ""
        if not client:
            raise AccessRefused("No phone is waiting to take control.")
        return client, self._hand_over() if confirmed and not lapsed else ""

    def _hand_over(self) -> str:
        self.controller_key = new_token()
        return self.controller_key

    def is_controller(self, key: object) -> bool:
        return bool(self.controller_key) and isinstance(key, str) and secrets.compare_digest(
            key.encode(), self.controller_key.encode())

    def release(self) -> None:
        """No phone controls the room any more (the controller let go, or the laptop took it back)."""
        self.controller_key = ""
