"""The session clock and the current segment's clock, read by the console once a second."""

from __future__ import annotations

import time

from ..domain.pace import clock_text, pace_of


class RoomClock:
    def __init__(self, planned_segment_seconds: int, now=time.monotonic):
        self._now = now
        self.planned = planned_segment_seconds
        self.session_started: float | None = None
        self.segment_started = now()

    def start_session(self) -> None:
        self.session_started = self._now()
        self.segment_started = self.session_started

    def new_segment(self) -> None:
        self.segment_started = self._now()

    def readings(self) -> tuple[str, str, str]:
        """(session elapsed, segment elapsed / planned, pace)."""
        now = self._now()
        session = clock_text(now - self.session_started) if self.session_started is not None else "not started"
        segment = now - self.segment_started
        return session, f"{clock_text(segment)} / {clock_text(self.planned)}", pace_of(segment, self.planned).value


PLANNED_STAGE_SECONDS = 6 * 60  # when the room has no agenda to share out


def planned_stage_seconds(agenda: list[tuple[int, str, int]], stage_count: int) -> int:
    """The journey walk (conversation 2) shared equally over the stages; 6 minutes without an agenda."""
    walk = sum(minutes for conversation, _, minutes in agenda if conversation == 2)
    return walk * 60 // max(1, stage_count) if walk else PLANNED_STAGE_SECONDS
