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
        self.segment_started = now()

    def new_segment(self) -> None:
        self.segment_started = self._now()

    def session_seconds(self) -> float | None:
        if not self.session_started_at:
            return None
        try:
            return self._wall_now() - datetime.fromisoformat(self.session_started_at).timestamp()
        except ValueError:
            return None

    def readings(self) -> tuple[str, str, str]:
        """(session elapsed, segment elapsed / planned, pace)."""
        elapsed = self.session_seconds()
        session = clock_text(elapsed) if elapsed is not None else "not started"
        segment = self._now() - self.segment_started
        return session, f"{clock_text(segment)} / {clock_text(self.planned)}", pace_of(segment, self.planned).value
