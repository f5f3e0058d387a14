"""The session clock and the current stage's clock, read by the console once a second.

The session clock runs from the session's own start time as saved in the room file, so a resumed
session, a second console or a restart all read the same time; nothing on the console resets it.
"""

from __future__ import annotations

import time
from datetime import datetime
from collections.abc import Callable

from ..domain.pace import clock_text, pace_of


class RoomClock:
    def __init__(self, planned_segment_seconds: int, now: Callable[[], float] = time.monotonic,
                 wall_now: Callable[[], float] = time.time):
        self._now = now
        self._wall_now = wall_now
        self.planned = planned_segment_seconds
        self.session_started_at = ""  # ISO time of the live session's start ("" = none live)
        self.conversation = 0
        self.conversation_started_at = ""  # ISO time the conversation began ("" = none)
        self.conversation_planned = 0  # seconds the agenda gives it (0 = none)
        self.segment_started = now()

    def new_segment(self) -> None:
        self.segment_started = self._now()

    def _since(self, iso: str) -> float | None:
        if not iso:
            return None
        try:
            return self._wall_now() - datetime.fromisoformat(iso).timestamp()
        except ValueError:
            return None

    def session_seconds(self) -> float | None:
        return self._since(self.session_started_at)

    def conversation_reading(self) -> tuple[str, str]:
        """("conversation 3: 12:40 / 40:00", pace) for the conversation under way, ("", "") for none."""
        elapsed = self._since(self.conversation_started_at) if self.conversation else None
        if elapsed is None:
            return "", ""
        planned = f" / {clock_text(self.conversation_planned)}" if self.conversation_planned else ""
        pace = pace_of(elapsed, self.conversation_planned).value if self.conversation_planned else ""
        return f"conversation {self.conversation}: {clock_text(elapsed)}{planned}", pace

    def seconds(self) -> dict:
        """The clocks as numbers, for phones that count on by themselves between two pushes."""
        session = self.session_seconds()
        return {"session_s": None if session is None else int(session),
                "stage_s": int(self._now() - self.segment_started), "stage_planned_s": self.planned}

    def readings(self) -> tuple[str, str, str]:
        """(session elapsed, segment elapsed / planned, pace)."""
        elapsed = self.session_seconds()
        session = clock_text(elapsed) if elapsed is not None else "not started"
        segment = self._now() - self.segment_started
        return session, f"{clock_text(segment)} / {clock_text(self.planned)}", pace_of(segment, self.planned).value
