"""Which transcript line a call is on: the caption rule the call view and the console share."""

from __future__ import annotations

from bisect import bisect_right

from .journey import TranscriptSegment


def caption_index(segments: tuple[TranscriptSegment, ...], position_ms: int) -> int | None:
    """The line being spoken at ``position_ms``, or the last one spoken during the pause after it.

    None before the first line starts. Segments must be in start order.
    """
    index = bisect_right([segment.start_ms for segment in segments], position_ms) - 1
    return index if index >= 0 else None
