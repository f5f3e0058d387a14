"""The PIN that lets someone leave the kiosk: kept as a salted scrypt hash, never as the PIN itself, and
five wrong tries lock entry for a minute."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from .refusal import Refusal

SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}  # about 50 ms and 16 MB a try on a laptop: slow to guess, quick to type
MIN_DIGITS, MAX_DIGITS = 4, 12
TRIES_BEFORE_LOCK = 5
LOCK_SECONDS = 60


class PinRefused(Refusal, ValueError):
    """A PIN that cannot be set; the message is the sentence to show."""


def check_new_pin(pin: str) -> str:
    pin = pin.strip()
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinRefused(f"A kiosk PIN is {MIN_DIGITS} to {MAX_DIGITS} digits.")
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """'scrypt$n$r$p$salt$hash' in hex, for the room to keep."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **SCRYPT, dklen=32)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        tried = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except ValueError:
        return False
    return hmac.compare_digest(tried.hex(), digest)


@dataclass
class PinGate:
    """Counts wrong tries against a clock the caller gives (seconds, monotonic)."""

    stored: str
    wrong: int = 0
    locked_until: float = 0.0

    def seconds_locked(self, now: float) -> int:
        return max(0, int(self.locked_until - now + 0.999))

    def attempt(self, pin: str, now: float) -> bool | None:
        """True: the PIN is right. False: wrong. None: locked, not even tried."""
        if now < self.locked_until:
            return None
        if pin_matches(pin, self.stored):
            self.wrong = 0
            return True
        self.wrong += 1
        if self.wrong >= TRIES_BEFORE_LOCK:
            self.wrong = 0
            self.locked_until = now + LOCK_SECONDS
        return False
