"""`customer-room check --media`: decode every recording through libVLC before the meeting.

Each call is decoded from the room file exactly as `build` probes a file (recording_probe), and
its decoded length is compared with the length recorded for the call, which catches recordings
that stop early as well as ones that do not decode at all.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..storage.journey_queries import list_calls
from ..storage.room_file import RoomFile
from .recording_probe import probe_instance, probe_media
from .room_media_stream import RoomMediaStream
from .vlc_backend import load_vlc


def check_media(room: RoomFile, timeout_s: float = 120.0) -> list[str]:
    """One sentence per recording that does not decode fully; VlcUnavailable when libVLC is missing."""
    vlc = load_vlc()
    instance = probe_instance()
    stream = RoomMediaStream(vlc, room.path)
    problems = []
    with tempfile.TemporaryDirectory(prefix="customer-room-check-") as scratch:
        for number, call in enumerate(list_calls(room.db)):
            media = stream.media(instance, call.media_sha256)
            try:
                probe = probe_media(vlc, instance, media, Path(scratch) / f"{number}.wav", call.duration_ms, timeout_s)
            finally:
                media.release()
            if probe.problem:
                problems.append(f"call '{call.key}' ({call.title}): {probe.problem}")
    return problems
