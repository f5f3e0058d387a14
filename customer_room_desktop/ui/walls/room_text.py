"""Wrapped text the room reads from its seats (issue 19): never below the room tier, shortened on purpose.

A room-tier text keeps its size when its box is too small: it loses its last sentences, then its last
words, and ends with " …", never a word cut in two. Boxes of one kind share a size (``shared_room_size``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from ...domain.legibility import Tier
from .wall_style import ROOM_TEXT, WallScale
from .glyph_text import draw_wall_text

TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
WRAP = int(Qt.TextFlag.TextWordWrap)
ELLIPSIS = " …"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_GLUED_ELLIPSIS = re.compile(r"(?<=\w)…$")
_TRAILING = ",;:·–—-(“‘\"'"  # not left hanging before the ellipsis


def room_font(scale: WallScale, units: float, weight: QFont.Weight = QFont.Weight.Normal,
              italic: bool = False) -> QFont:
    return scale.font(units, weight, italic, tier=Tier.ROOM)


def room_line_font(scale: WallScale, text: str, width: float, units: float,
                   weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """The largest font from ``units`` down to the room tier that fits ``text`` on one line of ``width``
    (the room tier when none does: draw it with ``draw_text``, which shortens it at a word)."""
    size = max(units, ROOM_TEXT)
    while size > ROOM_TEXT and QFontMetricsF(room_font(scale, size, weight)).horizontalAdvance(text) > width:
        size = max(ROOM_TEXT, size - 2)
    return room_font(scale, size, weight)


@lru_cache(maxsize=8192)
def _fits(font: QFont, width: float, height: float, text: str) -> bool:
    # A word wider than the box is not broken by word wrap: it sticks out, so one layout answers both questions.
    laid_out = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), int(TOP_LEFT) | WRAP, text)
    return laid_out.width() <= width and laid_out.height() <= height + 0.5


def fits_wrapped(font: QFont, rect: QRectF, text: str) -> bool:
    """``text`` wraps inside ``rect`` in ``font`` as the walls draw it (lines break at spaces and after a
    hyphen), with no unbreakable word wider than the box. Answers are remembered:
    a frame is painted a band at a time, each band lays the same text out again, and a wall painted
    again asks the same questions."""
    return _fits(QFont(font), rect.width(), rect.height(), text)  # a copy: the caller's font may change


def shared_room_size(painter: QPainter, scale: WallScale, rect: QRectF, texts: list[str], units: float,
                     weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False) -> float:
    """The largest size from ``units`` down to the room tier at which every one of ``texts`` fits ``rect``
    (the room tier itself when one never does: that one is shortened)."""
    size = max(units, ROOM_TEXT)
    while size > ROOM_TEXT:
        font = room_font(scale, size, weight, italic)
        if all(fits_wrapped(font, rect, text) for text in texts):
            return size
        size = max(ROOM_TEXT, size - 2)
    return ROOM_TEXT


def shortened_to_fit(font: QFont, rect: QRectF, text: str, closing: str = "") -> str:
    """``text`` then ``closing`` (a closing quote mark) if they fit ``rect``; else the opening whole
    sentences of ``text``, else its opening whole words, then " …" and ``closing``. Empty when not even
    its first word fits."""
    text = _GLUED_ELLIPSIS.sub(ELLIPSIS, " ".join(text.split()))  # "word…" (an excerpt) reads "word …": not a cut word
    if fits_wrapped(font, rect, text + closing):
        return text + closing
    words = text.split()
    ends = [index + 1 for index, word in enumerate(words[:-1]) if _SENTENCE_END.search(word)]
    for end in reversed(ends):  # whole sentences first: the opening of what was said
        shown = " ".join(words[:end]) + ELLIPSIS + closing
        if fits_wrapped(font, rect, shown):
            return shown
    while len(words) > 1:
        words.pop()
        while words and not words[-1].rstrip(_TRAILING):
            words.pop()
        if not words:
            break
        shown = " ".join(words[:-1] + [words[-1].rstrip(_TRAILING)]) + ELLIPSIS + closing
        if fits_wrapped(font, rect, shown):
            return shown
    return ""


def draw_room_text(painter: QPainter, scale: WallScale, rect: QRectF, text: str, units: float, colour: QColor,
                   weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False,
                   align: Qt.AlignmentFlag = TOP_LEFT, shrink: bool = True, closing: str = "") -> QRectF:
    """``text`` (then ``closing``) wrapped inside ``rect`` at the largest size from ``units`` down to the room
    tier that fits (at ``units`` when ``shrink`` is False), shortened at a sentence or word if even that
    does not. Returns the box the text took (empty when nothing fits)."""
    size = shared_room_size(painter, scale, rect, [text + closing], units, weight, italic) if shrink else units
    font = room_font(scale, size, weight, italic)
    shown = shortened_to_fit(font, rect, text, closing)
    if not shown:
        return QRectF(rect.left(), rect.top(), 0, 0)
    painter.setFont(font)
    painter.setPen(colour)
    flags = int(align) | WRAP
    used = painter.boundingRect(rect, flags, shown)
    draw_wall_text(painter, rect, flags, shown)
    return used


def tail_at_word(metrics: QFontMetricsF, text: str, width: float) -> str:
    """``text`` if it fits one line of ``width``; else "… " and as many of its closing whole words as fit
    (the end of a line said just before, leading into the next). Empty when not even the last word fits."""
    text = " ".join(text.split())
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    shown = ""
    for start in range(1, len(words)):
        candidate = "… " + " ".join(words[start:])
        if metrics.horizontalAdvance(candidate) <= width:
            shown = candidate
            break
    return shown
