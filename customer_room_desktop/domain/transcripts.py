"""Timed transcripts from SRT, WebVTT, ASS/SSA or timestamped plain text.

Cues are found as the W3C WebVTT parser finds them: a cue begins at a line containing "-->", whether or
not a blank line comes before it, and whatever follows the end time (cue settings such as
"align:start position:0%", SRT coordinates) is ignored. Lines outside cues are skipped: the WEBVTT header,
cue identifiers and SRT counters, NOTE, STYLE and REGION blocks. youtube-dl's rolling captions (cues with
inline times, each repeating the line before) are collapsed to the words each cue adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cue_text import cue_lines, cue_words, has_inline_times, split_speaker
from .journey import TranscriptSegment
from .refusal import Refusal

_TIME = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_CUE_TIME = re.compile(rf"\s*(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})(?:\s.*)?")
_ONE_TIME = re.compile(rf"\s*{_TIME}\s*")
_PLAIN_LINE = re.compile(r"^\[(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\]\s*(?P<rest>.*)$")
_ASS_EVENT = re.compile(r"^(?P<kind>Dialogue|Comment)\s*:\s*(?P<fields>.*)$", re.I)
_ASS_DEFAULT_FORMAT = ["layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"]
SUFFIXES = ("srt", "vtt", "txt", "ass", "ssa")


class TranscriptError(Refusal, ValueError):
    """A transcript that cannot be read; ``str()`` names the line and the reason in plain words."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def _refuse(line: int, reason: str) -> TranscriptError:
    return TranscriptError(f"line {line}: {reason}", line)


def _quoted(line: str, limit: int = 60) -> str:
    text = line.strip()
    return f"'{text[: limit - 1]}…'" if len(text) > limit else f"'{text}'"


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


def _cue_time(text: str) -> int | None:
    """Milliseconds, or None when it is not a time or its minutes or seconds are past 59."""
    if not _ONE_TIME.fullmatch(text):
        return None
    parts = text.replace(",", ".").partition(".")[0].split(":")
    if any(int(part) > 59 for part in parts[-2:]):
        return None
    return timestamp_ms(text)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")


@dataclass
class _Cue:
    line: int
    start: int
    end: int
    raw: list[str]


def _timing(line: str, number: int, webvtt: bool) -> tuple[int, int]:
    match = _CUE_TIME.fullmatch(line)
    start = _cue_time(match["start"]) if match else None
    end = _cue_time(match["end"]) if match else None
    if start is None or end is None:
        example = "00:01:02.500 --> 00:01:04.000" if webvtt else "00:01:02,500 --> 00:01:04,000"
        raise _refuse(number, f"{_quoted(line)} is not a cue time (write it as {example})")
    if end < start:
        raise _refuse(number, "the cue ends before it starts")
    return start, end


def _collect_cues(text: str, webvtt: bool) -> list[_Cue]:
    lines = _lines(text)
    cues: list[_Cue] = []
    index = 0
    while index < len(lines):
        if "-->" not in lines[index]:
            index += 1  # header, identifier, counter, NOTE/STYLE/REGION block, stray text
            continue
        start, end = _timing(lines[index], index + 1, webvtt)
        cue = _Cue(index + 1, start, end, [])
        index += 1
        # a cue's text runs to a blank line (WebVTT: an empty one; SRT: spaces count as blank) or the next cue
        while index < len(lines) and "-->" not in lines[index]:
            if not (lines[index] if webvtt else lines[index].strip()):
                break
            cue.raw.append(lines[index])
            index += 1
        if not webvtt and index < len(lines) and "-->" in lines[index] and cue.raw and cue.raw[-1].strip().isdigit():
            cue.raw.pop()  # the next cue's SRT counter, written with no blank line before it
        cues.append(cue)
    return cues


def _rolling(cues: list[_Cue]) -> list[TranscriptSegment]:
    """youtube-dl's rolling captions: keep only the lines a cue adds to the one before it."""
    segments: list[TranscriptSegment] = []
    previous: list[str] = []
    for cue in cues:
        voice, lines = cue_lines(cue.raw)
        overlap = next((n for n in range(min(len(previous), len(lines)), 0, -1) if previous[-n:] == lines[:n]), 0)
        previous = lines
        added = lines[overlap:]
        if added:
            speaker, words = split_speaker(voice, added)
            segments.append(TranscriptSegment(cue.start, cue.end, speaker, words))
        elif segments and segments[-1].end_ms < cue.end:
            last = segments[-1]
            segments[-1] = TranscriptSegment(last.start_ms, cue.end, last.speaker, last.text)
    return segments


def parse_cues(text: str, webvtt: bool = False) -> list[TranscriptSegment]:
    """SRT and WebVTT: each '-->' line starts a cue whose text runs to a blank line or the next cue."""
    cues = _collect_cues(text, webvtt)
    if webvtt and any(has_inline_times(line) for cue in cues for line in cue.raw):
        segments = _rolling(cues)
    else:
        segments = []
        for cue in cues:
            speaker, words = cue_words(cue.raw)
            if words:
                segments.append(TranscriptSegment(cue.start, cue.end, speaker, words))
    return sorted(segments, key=lambda segment: segment.start_ms)


def parse_ass(text: str) -> list[TranscriptSegment]:
    """ASS/SSA: the Dialogue lines of the [Events] section; the Name field is the speaker."""
    segments = []
    fields = _ASS_DEFAULT_FORMAT
    in_events = False
    for number, line in enumerate(_lines(text), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_events = stripped.lower() == "[events]"
        elif in_events and stripped.lower().startswith("format:"):
            fields = [name.strip().lower() for name in stripped.partition(":")[2].split(",")]
        elif in_events and (event := _ASS_EVENT.match(stripped)) and event["kind"].lower() == "dialogue":
            values = dict(zip(fields, event["fields"].split(",", len(fields) - 1), strict=False))
            if "text" not in values:
                raise _refuse(number, f"the Dialogue line has fewer fields than its Format line ({len(fields)})")
            start, end = _cue_time(values.get("start", "")), _cue_time(values.get("end", ""))
            if start is None or end is None:
                raise _refuse(number, f"{_quoted(line)} does not start and end at a time like 0:01:02.50")
            if end < start:
                raise _refuse(number, "the line ends before it starts")
            voice, words = cue_words([values["text"]], ass_dialogue=True)
            if words:
                segments.append(TranscriptSegment(start, end, values.get("name", "").strip() or voice, words))
    return sorted(segments, key=lambda segment: segment.start_ms)


def parse_plain(text: str, duration_ms: int | None = None) -> list[TranscriptSegment]:
    """'[00:01:02.500] Speaker: text' lines; each segment ends where the next begins."""
    starts: list[tuple[int, int, str, str]] = []
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        match = _PLAIN_LINE.match(line.strip())
        if not match:
            raise _refuse(number, f"{_quoted(line)} does not start with a time like [00:01:02.500]")
        start = timestamp_ms(match["time"])
        if starts and start < starts[-1][1]:
            raise _refuse(number, f"[{match['time']}] is earlier than the line before it (line {starts[-1][0]})")
        speaker, words = cue_words([match["rest"]])
        starts.append((number, start, speaker, words))
    segments = []
    for position, (_, start, speaker, words) in enumerate(starts):
        if position + 1 < len(starts):
            end = starts[position + 1][1]
        else:
            end = duration_ms if duration_ms is not None and duration_ms > start else start + 4000
        segments.append(TranscriptSegment(start, end, speaker, words))
    return segments


def parse_transcript(text: str, suffix: str, duration_ms: int | None = None) -> list[TranscriptSegment]:
    """Parse by file suffix (.srt, .vtt, .ass, .ssa, .txt)."""
    suffix = suffix.lower().lstrip(".")
    if suffix in ("srt", "vtt"):
        segments = parse_cues(text, webvtt=suffix == "vtt")
    elif suffix in ("ass", "ssa"):
        segments = parse_ass(text)
    elif suffix == "txt":
        segments = parse_plain(text, duration_ms)
    else:
        raise TranscriptError(f"'.{suffix}' is not a transcript format (use .srt, .vtt, .ass, .ssa or .txt)")
    if not segments:
        raise TranscriptError("the transcript has no timed lines")
    return segments
