"""Keeping time in the room: session and segment clocks, and whether a segment runs over."""

from __future__ import annotations

from enum import Enum


class Pace(str, Enum):
    ON_TIME = "on time"
    CLOSE = "nearly over"  # the last fifth of the planned time
    OVER = "over"


def pace_of(elapsed_seconds: float, planned_seconds: float) -> Pace:
    if planned_seconds <= 0:
        return Pace.OVER if elapsed_seconds > 0 else Pace.ON_TIME
    share = elapsed_seconds / planned_seconds
    if share > 1:
        return Pace.OVER
    return Pace.CLOSE if share >= 0.8 else Pace.ON_TIME


def clock_text(seconds: float) -> str:
    """12:05 under an hour, 1:02:05 from an hour on; negative time reads as 0:00."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
