"""`customer-room check --media`: decode every recording through libVLC before the meeting.

Each call is transcoded from the room file to a temporary WAV as fast as libVLC can go (a 90 s
call takes about half a second), then its decoded length is compared with the length recorded
for the call, which catches files that are truncated as well as files that do not decode.
"""

from __future__ import annotations

import tempfile
import threading
import wave
from pathlib import Path

from ..storage.journey_queries import list_calls
from ..storage.room_file import RoomFile
from .room_media_stream import RoomMediaStream
from .vlc_backend import COMMON_ARGS, HEADLESS_ARGS, load_vlc

TOLERANCE_MS = 1500


def _decoded_ms(path: Path) -> int:
    try:
        with wave.open(str(path), "rb") as decoded:
            return int(decoded.getnframes() * 1000 / max(1, decoded.getframerate()))
    except (OSError, EOFError, wave.Error):
        return 0


def check_media(room: RoomFile, timeout_s: float = 120.0) -> list[str]:
    """One sentence per recording that does not decode fully; VlcUnavailable when libVLC is missing."""
    vlc = load_vlc()
    instance = vlc.Instance(*COMMON_ARGS, *HEADLESS_ARGS, "--no-sout-all")
    stream = RoomMediaStream(vlc, room.path)
    problems = []
    with tempfile.TemporaryDirectory(prefix="customer-room-check-") as scratch:
        for call in list_calls(room.db):
            output = Path(scratch) / f"{call.key}.wav"
            media = stream.media(instance, call.media_sha256)
            media.add_option(f":sout=#transcode{{acodec=s16l,vcodec=none}}:std{{access=file,mux=wav,dst={output}}}")
            player = instance.media_player_new()
            player.set_media(media)
            finished = threading.Event()
            failed = threading.Event()
            events = player.event_manager()
            events.event_attach(vlc.EventType.MediaPlayerEndReached, lambda _e, f=finished: f.set())
            events.event_attach(vlc.EventType.MediaPlayerEncounteredError,
                                lambda _e, f=finished, x=failed: (x.set(), f.set()))
            player.play()
            completed = finished.wait(timeout_s)
            player.stop()
            player.release()
            media.release()
            decoded = _decoded_ms(output)
            if failed.is_set() or decoded == 0:
                problems.append(f"call '{call.key}' ({call.title}): the recording cannot be decoded")
            elif not completed:
                problems.append(f"call '{call.key}': decoding took longer than {timeout_s:.0f} s")
            elif call.duration_ms and decoded < call.duration_ms - TOLERANCE_MS:
                problems.append(f"call '{call.key}': only {decoded / 1000:.1f} s of {call.duration_ms / 1000:.1f} s "
                                "decode (a truncated recording?)")
    return problems
