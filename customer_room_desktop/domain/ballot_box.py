"""The dot vote as the phones see it: which leader holds which phone, whether the vote is open, who has
voted, and what a ballot may hold. The dots themselves are saved in the room file like the console's
(storage/ballots.py); this keeps only what a vote round needs while the room is open.

- A leader picks their name once, on one phone (a random id the phone keeps); the facilitator can free it.
- The vote goes: waiting (not opened) -> open -> closed -> revealed; the facilitator may open it again,
  which hides the totals again. Ballots are taken only while it is open.
- A leader who skips counts as having answered, with no dots.
- No phone sees totals until the vote is revealed.

Standard library only.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from .refusal import Refusal
from .records import record

UID_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_")


class BallotRefused(Refusal, ValueError):
    """A ballot, a name or a step of the vote that cannot be taken; the message is the sentence to show."""


class VotePhase(str, Enum):
    WAITING = "waiting"  # not opened yet
    OPEN = "open"
    CLOSED = "closed"
    REVEALED = "revealed"


@record
class BallotCandidate:
    key: str
    title: str
    stage: str


@record
class VoteProgress:
    """Who has answered: voted (dots saved in the room file) or skipped (no dots, by choice)."""

    attendees: tuple[str, ...]
    voted: frozenset[str]
    skipped: frozenset[str]

    @property
    def answered(self) -> int:
        return sum(1 for name in self.attendees if name in self.voted or name in self.skipped)

    @property
    def waiting(self) -> tuple[str, ...]:
        """Who has neither voted nor skipped, in the order of the attendee list."""
        return tuple(name for name in self.attendees if name not in self.voted and name not in self.skipped)

    @property
    def line(self) -> str:
        """"7 of 9 have voted" (skips included, and said when there are any)."""
        total, answered = len(self.attendees), self.answered
        skipped = sum(1 for name in self.attendees if name in self.skipped)
        if total and answered == total:
            text = f"All {total} have voted"
        else:
            text = f"{answered} of {total} {'has' if answered == 1 else 'have'} voted"
        return text + (f" ({skipped} skipped)" if skipped else "")


def check_uid(uid: object) -> str:
    """A phone's id for one ballot or one phone: 16 to 64 letters, digits, '-' or '_'."""
    if not isinstance(uid, str) or not 16 <= len(uid) <= 64 or not set(uid) <= UID_CHARACTERS:
        raise BallotRefused("The phone sent no usable id with this; reload the page and try again.")
    return uid


@dataclass
class BallotBox:
    phase: VotePhase = VotePhase.WAITING
    claims: dict[str, str] = field(default_factory=dict)  # leader's name -> the phone's id
    skipped: set[str] = field(default_factory=set)

    # -- names -------------------------------------------------------------------------------------------
    def claim(self, name: object, device: object, attendees: Iterable[str]) -> str:
        """``device`` becomes ``name``'s phone; the same phone asking again is harmless."""
        device = check_uid(device)
        wanted = " ".join(name.split()) if isinstance(name, str) else ""
        if wanted not in set(attendees):
            raise BallotRefused(f"“{wanted}” is not on this session's list of attendees; pick your name from "
                                "the list." if wanted else "Pick your name from the list.")
        holder = self.claims.get(wanted)
        if holder == device:
            return wanted
        if holder is not None:
            raise BallotRefused(f"{wanted} is already chosen on another phone; if that is you, ask the "
                                "facilitator to free your name.")
        if (mine := self.name_of(device)) is not None:
            raise BallotRefused(f"This phone already votes as {mine}; ask the facilitator to free the name first.")
        self.claims[wanted] = device
        return wanted

    def name_of(self, device: object) -> str | None:
        return next((name for name, held_by in self.claims.items() if held_by == device), None)

    def free(self, name: str) -> None:
        """The facilitator frees a name (a leader changed phones); their dots stay as saved."""
        self.claims.pop(name, None)

    # -- ballots -----------------------------------------------------------------------------------------
    def need_open(self) -> None:
        if self.phase is VotePhase.WAITING:
            raise BallotRefused("The vote is not open yet; the facilitator opens it.")
        if self.phase is not VotePhase.OPEN:
            raise BallotRefused("The vote is closed, so your dots were not changed.")

    @staticmethod
    def check_ballot(dots: object, candidates: Iterable[str], dots_per_leader: int) -> dict[str, int]:
        """The dots a ballot places, zeros left out; refused when they do not fit the session's rules."""
        if not isinstance(dots, dict):
            raise BallotRefused("A ballot lists dots per candidate.")
        keys = set(candidates)
        placed: dict[str, int] = {}
        for key, count in dots.items():
            if key not in keys:
                raise BallotRefused("One of those candidates is no longer on the ballot; reload the page.")
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise BallotRefused("Each candidate takes a whole number of dots, zero or more.")
            if count:
                placed[key] = count
        if sum(placed.values()) > dots_per_leader:
            raise BallotRefused(f"That is {sum(placed.values())} dots; each leader has {dots_per_leader}.")
        return placed

    def voted(self, name: str, skipped: bool = False) -> None:
        if skipped:
            self.skipped.add(name)
        else:
            self.skipped.discard(name)

    # -- the facilitator's steps -----------------------------------------------------------------------------
    def open(self) -> None:
        self.phase = VotePhase.OPEN

    def close(self) -> None:
        if self.phase is not VotePhase.OPEN:
            raise BallotRefused("The vote is not open, so there is nothing to close.")
        self.phase = VotePhase.CLOSED

    def reveal(self) -> None:
        """Show the totals on the phones; revealing an open vote closes it first."""
        if self.phase is VotePhase.WAITING:
            raise BallotRefused("Open the vote first: there is nothing to reveal yet.")
        self.phase = VotePhase.REVEALED

    @property
    def totals_shown(self) -> bool:
        return self.phase is VotePhase.REVEALED

    def progress(self, attendees: Iterable[str], voted: Iterable[str]) -> VoteProgress:
        names = tuple(attendees)
        return VoteProgress(names, frozenset(voted), frozenset(self.skipped & set(names)))
