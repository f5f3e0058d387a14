"""Reading a transcript file as other software writes it: any of the encodings the CSV importer knows."""

from __future__ import annotations

from pathlib import Path

from ..domain.journey import TranscriptSegment
from ..domain.text_encoding import TextDecodeError, decode_text
from ..domain.transcripts import SUFFIXES, TranscriptError, parse_transcript

_UNREADABLE = {
    FileNotFoundError: "there is no such file",
    IsADirectoryError: "it is a folder, not a file",
    PermissionError: "this user may not read it",
}


def read_transcript_file(path: Path, duration_ms: int) -> list[TranscriptSegment]:
    """The timed lines of an .srt, .vtt, .ass, .ssa or .txt transcript, in start order.

    ``duration_ms`` is the recording's length (0 when not known); a plain-text transcript's last line ends
    there. Raises TranscriptError whose ``str()`` names the line and the reason in plain words, without the
    file's name (the caller says which call and file): "line 12: '00:01:02,5OO --> …' is not a cue time".
    """
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        raise TranscriptError("the file name has no extension: name it .srt, .vtt, .ass, .ssa or .txt")
    if suffix not in SUFFIXES:
        raise TranscriptError(f"'.{suffix}' is not a transcript format (use .srt, .vtt, .ass, .ssa or .txt)")
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = next((text for kind, text in _UNREADABLE.items() if isinstance(error, kind)), None)
        raise TranscriptError(f"the file cannot be read: {reason or error.strerror or 'the disk refused it'}") from None
    try:
        text = decode_text(data)
    except TextDecodeError as error:
        raise TranscriptError(f"line {error.line}: {error.reason}", error.line) from None
    if "\x00" in text:
        raise TranscriptError("the file is not text (it holds binary data): save the transcript as text")
    return parse_transcript(text, suffix, duration_ms if duration_ms > 0 else None)
