"""The container a recording is in, from its first bytes, named as libVLC's demultiplexer for it.

Told which demultiplexer to use, libVLC tries that one only. Left to guess, it tries every demultiplexer
it has when the first one fails, and a call stopped while it is being opened (a kiosk moving on, a
facilitator pressing Next twice) makes the first one fail: libVLC then loads FFmpeg's demultiplexer with
its libraries, about 20 MB that stay mapped for the life of the process. The soak of issue 20 showed
that step at random between its 500th and 7,000th transition.
"""

from __future__ import annotations

HEAD_BYTES = 12  # enough for every signature below


def demux_for(head: bytes) -> str | None:
    """libVLC's demultiplexer for a file starting with ``head``; None when the signature is not one of
    these (libVLC then finds one itself, as for any other file)."""
    if head.startswith(b"OggS"):
        return "ogg"  # Opus, Vorbis, Ogg video
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"fLaC"):
        return "flac"
    if head[4:8] == b"ftyp":
        return "mp4"  # .m4a, .mp4, .mov from phones
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "mkv"  # Matroska and WebM
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "es"  # MPEG audio (MP3), with or without an ID3 tag
    return None
