"""Timed transcripts from SRT, WebVTT or timestamped plain text."""

from __future__ import annotations

import re

from .journey import TranscriptSegment
from .refusal import Refusal

_CUE_TIME = re.compile(
    r"(?P<start>\d{1,2}:\d{2}:\d{2}[.,]\d{1,3}|\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*"
    r"(?P<end>\d{1,2}:\d{2}:\d{2}[.,]\d{1,3}|\d{1,2}:\d{2}[.,]\d{1,3})"
)
_PLAIN_LINE = re.compile(r"^\[(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\]\s*(?P<rest>.*)$")
_VTT_VOICE = re.compile(r"^<v(?:\.[^ >]*)?\s+(?P<speaker>[^>]+)>(?P<text>.*?)(?:</v>)?$", re.S)
_SPEAKER_PREFIX = re.compile(r"^(?P<speaker>[A-Z][\w .'-]{0,40}):\s+(?P<text>.+)$", re.S)
_TAGS = re.compile(r"</?[^>]+>")


class TranscriptError(Refusal, ValueError):
    """A transcript that cannot be read; the message names the line."""


def timestamp_ms(text: str) -> int:
    """'01:02:03,450', '02:03.4' or '1:02' to milliseconds."""
    text = text.strip().replace(",", ".")
    main, _, fraction = text.partition(".")
    parts = [int(p) for p in main.split(":")]
    if len(parts) == 2:
        parts.insert(0, 0)
    hours, minutes, seconds = parts
    millis = int((fraction + "000")[:3]) if fraction else 0
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def _split_speaker(text: str) -> tuple[str, str]:
    voice = _VTT_VOICE.match(text)
    if voice:
        return voice["speaker"].strip(), _TAGS.sub("", voice["text"]).strip()
    prefixed = _SPEAKER_PREFIX.match(text)
    if prefixed:
        return prefixed["speaker"].strip(), prefixed["text"].strip()
    return "", _TAGS.sub("", text).strip()


def parse_cues(text: str) -> list[TranscriptSegment]:
    """SRT and WebVTT: blocks of an optional id, a 'start --> end' line and text lines."""
    segments: list[TranscriptSegment] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    index = 0
    while index < len(lines):
        match = _CUE_TIME.search(lines[index])
        if not match:
            index += 1
            continue
        start, end = timestamp_ms(match["start"]), timestamp_ms(match["end"])
        if end < start:
            raise TranscriptError(f"line {index + 1}: the cue ends before it starts")
        body = []
        index += 1
        while index < len(lines) and lines[index].strip():
            body.append(lines[index].strip())
            index += 1
        speaker, words = _split_speaker(" ".join(body))
        segments.append(TranscriptSegment(start, end, speaker, words))
    return segments


def parse_plain(text: str, duration_ms: int | None = None) -> list[TranscriptSegment]:
    """'[00:01:02.500] Speaker: text' lines; each segment ends where the next begins."""
    starts: list[tuple[int, str, str]] = []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        match = _PLAIN_LINE.match(line.strip())
        if not match:
            raise TranscriptError(f"line {number}: expected '[hh:mm:ss.mmm] Speaker: text'")
        speaker, words = _split_speaker(match["rest"])
        starts.append((timestamp_ms(match["time"]), speaker, words))
    segments = []
    for position, (start, speaker, words) in enumerate(starts):
        if position + 1 < len(starts):
            end = starts[position + 1][0]
        else:
            end = duration_ms if duration_ms is not None else start + 4000
        if end < start:
            raise TranscriptError(f"segment {position + 1} starts after the next one")
        segments.append(TranscriptSegment(start, end, speaker, words))
    return segments


def parse_transcript(text: str, suffix: str, duration_ms: int | None = None) -> list[TranscriptSegment]:
    """Parse by file suffix (.srt, .vtt, .txt)."""
    suffix = suffix.lower().lstrip(".")
    if suffix in ("srt", "vtt"):
        segments = parse_cues(text)
    elif suffix == "txt":
        segments = parse_plain(text, duration_ms)
    else:
        raise TranscriptError(f"'.{suffix}' is not a transcript format (use .srt, .vtt or .txt)")
    if not segments:
        raise TranscriptError("the transcript has no timed lines")
    return segments
