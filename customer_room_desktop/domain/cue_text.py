"""The words of a caption cue as a person reads them: markup stripped, speaker set apart.

Cue text carries markup from the tools that wrote it: WebVTT voice, class and inline-time tags
(``<v Agent>``, ``<c.colorE5E5E5>``, ``<00:00:01.520>``), HTML-ish styling (``<i>``, ``<font color=...>``),
character references (``&amp;``), and in SRTs converted from ASS/SSA the override blocks (``{\\an8}``,
``{\\i1}``) with ``\\N``/``\\n`` for a line break and ``\\h`` for a hard space. A transcript line shows a
cue's lines joined by a space, as it always has.
"""

from __future__ import annotations

import html
import re

_SSA_OVERRIDE = re.compile(r"\{\\[^}]*\}")  # {\an8}, {\i1}, {\pos(10,20)\c&H00FFFF&}
_ANY_BRACES = re.compile(r"\{[^}]*\}")  # in ASS Dialogue text every {...} is an override or a comment
_SSA_BREAK = re.compile(r"\\[Nn]")
_SSA_HARD_SPACE = re.compile(r"\\h")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+(?P<speaker>[^>]+)>")
# a tag: <i>, </c>, <c.yellow>, <v Ann>, <font color="red">, <lang en>, or an inline time <00:00:01.520>
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<\d{1,2}(?::\d{2}){1,2}[.,]\d{1,3}>")
_RUBY_TEXT = re.compile(r"<rt>.*?</rt>", re.S)
_INLINE_TIME = re.compile(r"<\d{1,2}(?::\d{2}){1,2}[.,]\d{1,3}>")
_SPEAKER_PREFIX = re.compile(r"^(?P<speaker>[A-Z][\w .'-]{0,40}):\s+(?P<text>.+)$", re.S)


def has_inline_times(line: str) -> bool:
    """Whether a cue line carries WebVTT inline times: the mark of word-by-word rolling captions."""
    return _INLINE_TIME.search(line) is not None


def cue_lines(raw_lines: list[str], *, ass_dialogue: bool = False) -> tuple[str, list[str]]:
    """(voice speaker or '', the cue's lines of plain text without empty ones)."""
    raw = "\n".join(raw_lines)
    raw = (_ANY_BRACES if ass_dialogue else _SSA_OVERRIDE).sub("", raw)
    raw = _SSA_HARD_SPACE.sub(" ", _SSA_BREAK.sub("\n", raw))
    voice = _VOICE.search(raw)
    speaker = voice["speaker"].strip() if voice else ""
    plain = html.unescape(_TAG.sub("", _RUBY_TEXT.sub("", raw)))
    lines = [" ".join(line.split()) for line in plain.split("\n")]
    return speaker, [line for line in lines if line]


def split_speaker(speaker: str, lines: list[str]) -> tuple[str, str]:
    """(speaker, text): a voice or Name field wins; else 'Maya: My kitchen…' gives the speaker 'Maya'."""
    text = " ".join(lines)
    if speaker:
        return speaker, text
    prefixed = _SPEAKER_PREFIX.match(text)
    if prefixed:
        return prefixed["speaker"].strip(), prefixed["text"].strip()
    return "", text


def cue_words(raw_lines: list[str], *, ass_dialogue: bool = False) -> tuple[str, str]:
    """(speaker, text) of one cue's raw lines."""
    speaker, lines = cue_lines(raw_lines, ass_dialogue=ass_dialogue)
    return split_speaker(speaker, lines)
