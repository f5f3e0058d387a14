"""What a command changed in the live room, and what the app must do beyond redrawing."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .records import record


class Changed(Enum):
    STAGE = "stage"  # the stage or a cover: every wall and the console's header
    WALLS = "walls"  # a wall's view, borrowing or presence
    SESSION = "session"  # the session's status or conversation
    SESSION_DATA = "session_data"  # votes, teams, reports: the session walls draw again
    CALL = "call"  # a call opened or closed
    CALL_POSITION = "call_position"  # the player moved, or started or paused
    EXERCISE = "exercise"
    CAPTURES = "captures"
    CLOCK = "clock"  # the plan's clocks


class Effect(Enum):
    """What the app must do beyond redrawing."""

    IDENTIFY = "identify"
    QUIT = "quit"
    LAY_OUT = "lay_out"
    PLAY = "play"
    PAUSE = "pause"
    PLAY_PAUSE = "play_pause"


@record
class Changes:
    what: frozenset[Changed] = frozenset()
    effects: tuple[Effect, ...] = ()
    remember: tuple[tuple[str, str], ...] = ()  # (wall identity, view) to remember on this machine
    message: str = ""  # a sentence for the console
    result: object = None  # what a command made (a capture's uid...)

    def __bool__(self) -> bool:
        return bool(self.what or self.effects or self.remember or self.message)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.what | other.what, self.effects + other.effects, self.remember + other.remember,
                       other.message or self.message, other.result if other.result is not None else self.result)


@dataclass
class _Pending:
    what: set[Changed] = field(default_factory=set)
    effects: list[Effect] = field(default_factory=list)
    remember: list[tuple[str, str]] = field(default_factory=list)

    def done(self, message: str = "", result: object = None) -> Changes:
        return Changes(frozenset(self.what), tuple(self.effects), tuple(self.remember), message, result)
