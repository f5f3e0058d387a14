"""Decode a recording through libVLC, as fast as libVLC goes, and learn how much sound it really holds.

libVLC transcodes the recording to a temporary WAV (a 90 s call takes about half a second) and the
WAV's own header and size say how long the decoded sound is. The header is read here rather than
with Python's `wave`, which refuses WAVE_FORMAT_EXTENSIBLE: libVLC writes every recording with more
than two channels that way. `build` probes the files it is given (``probe_recording_file``);
`check --media` probes the recordings inside a room file (``probe_media`` with the room's stream).
"""

from __future__ import annotations

import struct
import tempfile
import threading
from pathlib import Path

from .vlc_backend import COMMON_ARGS, HEADLESS_ARGS, VlcUnavailable, load_vlc
from ..domain.records import record

TOLERANCE_MS = 1500  # a recording this much shorter than its known length stops early
_STREAMING_SIZES = (0, 0xFFFFFFFF)  # a data size libVLC leaves when it could not go back and write it
_instance = None
_instance_lock = threading.Lock()


@record
class RecordingProbe:
    decoded_ms: int  # how much sound libVLC decoded
    problem: str | None  # lower-case, one sentence, no full stop, no file name; None when it plays fully


def stop_sentence(stopped_ms: int, expected_ms: int) -> str:
    """What a recording that ends early is called, everywhere: "the recording stops at 3.4 s of 7.8 s"."""
    return f"the recording stops at {stopped_ms / 1000:.1f} s of {expected_ms / 1000:.1f} s"


def stops_early(reached_ms: int, expected_ms: int) -> bool:
    return expected_ms > 0 and reached_ms < expected_ms - TOLERANCE_MS


def _wav_layout(path: Path) -> tuple[int, int, int, int] | None:
    """(data size the header declares, data bytes the file holds, bytes per frame, frames per second)
    of a PCM WAV, plain or WAVE_FORMAT_EXTENSIBLE, any channel count; None when it is not a WAV."""
    try:
        size = path.stat().st_size
        with path.open("rb") as wav:
            head = wav.read(12)
            if len(head) < 12 or head[:4] not in (b"RIFF", b"RF64") or head[8:12] != b"WAVE":
                return None
            rate = block = 0
            while True:
                chunk = wav.read(8)
                if len(chunk) < 8:
                    return None
                ident, length = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                start = wav.tell()
                if ident == b"fmt ":
                    fmt = wav.read(min(length, 64))
                    if len(fmt) < 16:
                        return None
                    # tag (1 PCM, 3 float, 0xFFFE extensible), channels, rate, bytes/s, bytes per frame
                    _tag, _channels, rate, _byte_rate, block = struct.unpack("<HHIIH", fmt[:14])
                elif ident == b"data":
                    return (length, size - start, block, rate) if rate and block else None
                wav.seek(start + length + (length & 1))  # chunks are padded to an even size
    except (OSError, struct.error):
        return None


def wav_length_ms(path: Path) -> int:
    """The length of the sound in a WAV; 0 when it is not one. A data size of 0 or 0xFFFFFFFF, or
    one beyond the end of the file, is taken from the file's size: that is what a writer leaves when
    it streams and never comes back to the header."""
    layout = _wav_layout(path)
    if layout is None:
        return 0
    declared, held, block, rate = layout
    length = held if declared in _STREAMING_SIZES or declared > held else declared
    return (length // block) * 1000 // rate


def _declared_wav_ms(path: Path) -> int:
    """What a WAV's header says its length is, when the file holds less (libVLC goes by the size)."""
    layout = _wav_layout(path)
    if layout is None or layout[0] in _STREAMING_SIZES or layout[0] <= layout[1]:
        return 0
    return (layout[0] // layout[2]) * 1000 // layout[3]


def probe_instance():
    """The headless libVLC instance that decodes recordings (its own: nothing of it is ever heard or
    shown). Safe to use from several threads; VlcUnavailable when libVLC is missing."""
    global _instance
    vlc = load_vlc()
    with _instance_lock:
        if _instance is None:
            try:
                instance = vlc.Instance(*COMMON_ARGS, *HEADLESS_ARGS, "--no-sout-all")
            except (NameError, NotImplementedError, OSError) as error:
                raise VlcUnavailable(f"VLC could not start ({error}); install VLC to play calls.") from None
            if instance is None:
                raise VlcUnavailable("VLC is installed without its plugins (Debian: vlc-plugin-base); "
                                     "recordings cannot be decoded.")
            _instance = instance
    return _instance


def probe_media(vlc, instance, media, output: Path, expected_ms: int = 0, timeout_s: float = 60.0) -> RecordingProbe:
    """Decode ``media`` (a libVLC media of ``instance``) to the WAV ``output`` and judge it. The
    length it should have is ``expected_ms`` when known, else the length libVLC reads from the file."""
    media.add_option(f":sout=#transcode{{acodec=s16l,vcodec=none}}:std{{access=file,mux=wav,dst={output}}}")
    player = instance.media_player_new()
    player.set_media(media)
    finished, failed = threading.Event(), threading.Event()

    def on_error(_event) -> None:
        failed.set()
        finished.set()

    events = player.event_manager()
    events.event_attach(vlc.EventType.MediaPlayerEndReached, lambda _event: finished.set())
    events.event_attach(vlc.EventType.MediaPlayerEncounteredError, on_error)
    try:
        player.play()
        completed = finished.wait(timeout_s)
        length_ms = max(0, int(player.get_length() or 0))
        player.stop()  # the WAV is complete (and its header written) once the player has stopped
    finally:
        player.release()
    decoded = wav_length_ms(output)
    known = expected_ms if expected_ms > 0 else length_ms
    if not completed:
        return RecordingProbe(decoded, f"the recording did not decode within {timeout_s:.0f} s")
    if decoded > 0 and stops_early(decoded, known):
        return RecordingProbe(decoded, stop_sentence(decoded, known))
    if failed.is_set() or decoded == 0:
        return RecordingProbe(decoded, "the recording cannot be decoded")
    return RecordingProbe(decoded, None)


def probe_recording_file(path: Path, expected_ms: int = 0, timeout_s: float = 60.0) -> RecordingProbe:
    """Decode the recording at ``path`` and give its real length, or why it will not play fully.

    ``expected_ms`` is the length the room says it has (0: the length the file itself declares).
    Raises VlcUnavailable when libVLC is missing. Safe to call from several threads at once."""
    vlc = load_vlc()
    instance = probe_instance()
    if not Path(path).is_file():
        return RecordingProbe(0, "the recording cannot be decoded")
    expected_ms = expected_ms or _declared_wav_ms(Path(path))
    with tempfile.TemporaryDirectory(prefix="customer-room-probe-") as scratch:
        media = instance.media_new_path(str(Path(path).resolve()))
        try:
            return probe_media(vlc, instance, media, Path(scratch) / "decoded.wav", expected_ms, timeout_s)
        finally:
            media.release()
