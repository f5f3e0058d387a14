"""What the phones wall shows (issue 23: the leaders' code "on a wall on request"): the leaders' QR code as
PNG bytes, its link, the vote's progress line, or one plain sentence instead of a code. Plain data, no Qt:
the app fills it from the phones' bridge, and the wall never sees the bridge or the room file."""

from __future__ import annotations

from typing import Protocol

from ..domain.records import record

PHONES_OFF = "The phones are off, so there is no code to scan."
NO_SESSION = "There is no session for leaders to vote in, so there is no code to scan."
NO_ATTENDEES = "The session has no attendees to vote yet."


@record
class PhonesWallData:
    """A code to scan (``qr_png`` and ``link``) with the vote's progress, or a ``notice`` instead of one.

    Equal data draws the same wall, so the data is its own revision: the wall draws again only when it
    changes."""

    qr_png: bytes = b""  # the leaders' QR code: black modules on white, with the standard quiet zone
    link: str = ""
    progress: str = ""  # "3 of 9 have voted"
    notice: str = ""  # the sentence shown instead of a code ("" when there is a code)

    @property
    def has_code(self) -> bool:
        return bool(self.qr_png and self.link and not self.notice)


def phones_off() -> PhonesWallData:
    return PhonesWallData(notice=PHONES_OFF)


def phones_wall_data(running: bool, link: str, qr_png: bytes, progress: str) -> PhonesWallData:
    """The wall for phones ``running`` or not, with the leaders' ``link`` ("" while no session is planned)."""
    if not running:
        return phones_off()
    if not link or not qr_png:
        return PhonesWallData(notice=NO_SESSION)
    return PhonesWallData(qr_png, link, progress or NO_ATTENDEES)


class PhonesForWalls(Protocol):
    """What the walls need of the phones: whether the tally's totals are hidden, who skipped the vote, and
    the phones wall's data. The phones' bridge is one; ``NoPhones`` stands in until it is made."""

    def totals_hidden(self) -> bool: ...

    def skipped(self) -> frozenset[str]: ...

    def wall_data(self) -> PhonesWallData: ...


class NoPhones:
    """No phones in this room (yet, or in ``render``): every total shows, nobody skipped by phone."""

    def totals_hidden(self) -> bool:
        return False

    def skipped(self) -> frozenset[str]:
        return frozenset()

    def wall_data(self) -> PhonesWallData:
        return phones_off()
