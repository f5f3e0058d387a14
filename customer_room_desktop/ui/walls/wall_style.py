"""Colours, type sizes and small drawing helpers shared by every wall view.

Sizes are given in "wall units": pixels on a 1080-pixel-high wall. A 4K wall doubles them,
so text keeps its size relative to the wall and reads the same from across the room.

Every font is at least as big as its legibility tier asks (domain/legibility.py): the walk-up tier
unless a text is asked for at the room tier. The floor is measured on the font's own x-height.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from ...domain.legibility import Tier
from ...services.image_prep import decode_photo
from ..reliability_palette import RELIABILITY_HEX
from .glyph_text import draw_wall_text

BACKGROUND = QColor("#0B0F14")
SURFACE = QColor("#161E26")
SURFACE_HIGH = QColor("#1F2A35")
TEXT = QColor("#F5F7FA")
TEXT_SOFT = QColor("#C3CDD6")
TEXT_FAINT = QColor("#8FA0AF")

RELIABILITY_COLOURS = {state: QColor(colour) for state, colour in RELIABILITY_HEX.items()}
TREND_MARKS = {"rising": ("▲", QColor(RELIABILITY_HEX["unreliable"])),
               "falling": ("▼", QColor(RELIABILITY_HEX["reliable"])),
               "steady": ("▶", QColor("#C3CDD6")), "no data": ("·", QColor("#8FA0AF"))}
MINIMUM_TEXT = 25  # wall units: the walk-up tier in DejaVu Sans; nothing on a wall is smaller
ROOM_TEXT = 61  # wall units: the room tier in DejaVu Sans, for what the room reads from its seats


@lru_cache(maxsize=8)
def _x_height_share(weight: QFont.Weight, italic: bool) -> float:
    """DejaVu Sans's x-height as a share of its pixel size, measured large (where rounding is slight)."""
    font = QFont("DejaVu Sans")
    font.setWeight(weight)
    font.setItalic(italic)
    font.setPixelSize(1000)
    return QFontMetricsF(font).xHeight() / 1000


@lru_cache(maxsize=256)
def tier_pixel_size(tier: Tier, wall_height: int, weight: QFont.Weight, italic: bool) -> int:
    """The smallest pixel size whose x-height meets ``tier`` on a wall ``wall_height`` pixels high.
    The search starts a little under the size the font's proportions give: each size tried loads the
    font at that size, which cost the cold start about 20 ms when it started from a guess for any font."""
    needed = tier.x_height(wall_height)
    font = QFont("DejaVu Sans")
    font.setWeight(weight)
    font.setItalic(italic)
    size = max(1, int(needed / 0.6), int(needed / _x_height_share(weight, italic)) - 2)
    while True:
        font.setPixelSize(size)
        if QFontMetricsF(font).xHeight() >= needed - 1e-6:
            return size
        size += 1


class WallScale:
    """Turns wall units into pixels for a wall of a given height."""

    def __init__(self, height: int):
        self.height = max(height, 1)
        self.factor = self.height / 1080

    def __call__(self, units: float) -> float:
        return units * self.factor

    def font(self, units: float, weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False,
             tier: Tier = Tier.WALK_UP) -> QFont:
        """DejaVu Sans at ``units``, or at the least size ``tier`` allows on this wall."""
        font = QFont("DejaVu Sans")
        floor = ROOM_TEXT if tier is Tier.ROOM else MINIMUM_TEXT  # in wall units, so a 4K wall is 1080p doubled
        pixels = round(max(units, floor) * self.factor)
        font.setPixelSize(max(pixels, tier_pixel_size(tier, self.height, weight, italic)))
        font.setWeight(weight)
        font.setItalic(italic)
        return font


def reliability_colour(level: str) -> QColor:
    return RELIABILITY_COLOURS.get(level, RELIABILITY_COLOURS["unknown"])


def draw_text(painter: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor,
              flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
              wrap: bool = False) -> QRectF:
    """Draw text inside rect (eliding a single line that does not fit); return the rect it used."""
    painter.setFont(font)
    painter.setPen(colour)
    if wrap:
        option = int(flags) | int(Qt.TextFlag.TextWordWrap)
        used = painter.boundingRect(rect, option, text)
        draw_wall_text(painter, rect, option, text)
        return used.intersected(rect)
    metrics = QFontMetricsF(font)
    shown = shorten_at_word(metrics, text, rect.width())
    draw_wall_text(painter, rect, int(flags), shown)
    return QRectF(rect.left(), rect.top(), metrics.horizontalAdvance(shown), metrics.height())


def shorten_at_word(metrics: QFontMetricsF, text: str, width: float) -> str:
    """``text`` if it fits on one line of ``width``; else as many whole words as fit, then " …". Only a
    first word wider than the box is cut inside (with Qt's ellipsis): there is nothing else to show."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        shown = " ".join(words).rstrip(",;:·–-") + " …"
        if metrics.horizontalAdvance(shown) <= width:
            return shown
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def fill_rounded(painter: QPainter, rect: QRectF, radius: float, colour: QColor) -> None:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.fillPath(path, colour)


def draw_chip(painter: QPainter, right: float, top: float, text: str, font: QFont, colour: QColor,
              scale: WallScale) -> QRectF:
    """A rounded label whose right edge sits at ``right``."""
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(text) + scale(36)
    rect = QRectF(right - width, top, width, metrics.height() + scale(12))
    fill_rounded(painter, rect, rect.height() / 2, colour)
    draw_text(painter, rect, text, font, BACKGROUND, Qt.AlignmentFlag.AlignCenter)
    return rect


def draw_placeholder(painter: QPainter, rect: QRectF, title: str, reason: str, scale: WallScale) -> None:
    """What a wall shows instead of an artifact it cannot draw: its name and the reason."""
    fill_rounded(painter, rect, scale(10), SURFACE_HIGH)
    painter.setPen(QPen(RELIABILITY_COLOURS["at risk"], scale(3), Qt.PenStyle.DashLine))
    painter.drawRoundedRect(rect.adjusted(scale(4), scale(4), -scale(4), -scale(4)), scale(8), scale(8))
    inner = rect.adjusted(scale(20), scale(20), -scale(20), -scale(20))
    used = draw_text(painter, inner, title, scale.font(26, QFont.Weight.Bold), TEXT, wrap=True)
    draw_text(painter, QRectF(inner.left(), used.bottom() + scale(10), inner.width(), inner.bottom() - used.bottom()),
              reason, scale.font(22), TEXT_SOFT, wrap=True)


def draw_fitted_text(painter: QPainter, rect: QRectF, text: str, scale: WallScale, units: float, colour: QColor,
                     italic: bool = False) -> str:
    """Wrapped text that fits ``rect``: shrink it down to the wall's minimum size, then cut whole
    words and end with an ellipsis. Never clipped mid-line. Returns the text drawn.

    Each step lays the text out again: give it what a wall box can hold (a customer's words through
    ``domain.long_text.wall_excerpt``), never a whole narrative."""
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
    size = units
    longest = max(text.split(), key=len, default="")
    while True:
        font = scale.font(size, italic=italic)
        painter.setFont(font)
        fits_words = QFontMetricsF(font).horizontalAdvance(longest) <= rect.width()
        fits = painter.boundingRect(rect, flags, text).height() <= rect.height() and fits_words
        if fits or size <= MINIMUM_TEXT:
            break
        size = max(MINIMUM_TEXT, size - 2)
    words = text.split()
    shown = text
    while words and painter.boundingRect(rect, flags, shown).height() > rect.height():
        words.pop()
        shown = " ".join(words) + " …"
    painter.setPen(colour)
    draw_wall_text(painter, rect, flags, shown)
    return shown


def fit_wrapped_text(painter: QPainter, rect: QRectF, text: str, scale: WallScale, units: float, colour: QColor,
                     weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False,
                     align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
    """Wrapped text kept inside ``rect``, like ``draw_fitted_text`` but with a chosen alignment
    and weight: shrink to the wall minimum, elide any single word wider than the box, then drop
    whole words behind an ellipsis. Clipped to ``rect`` as a last resort, so it never spills."""
    flags = int(align) | int(Qt.TextFlag.TextWordWrap)
    words = text.split()
    size = units
    while True:
        font = scale.font(size, weight, italic)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        fits = (all(metrics.horizontalAdvance(word) <= rect.width() for word in words)
                and painter.boundingRect(rect, flags, text).height() <= rect.height())
        if fits or size <= MINIMUM_TEXT:
            break
        size = max(MINIMUM_TEXT, size - 2)
    words = [metrics.elidedText(word, Qt.TextElideMode.ElideRight, rect.width()) for word in words]
    shown = " ".join(words)
    while len(words) > 1 and painter.boundingRect(rect, flags, shown).height() > rect.height():
        words.pop()
        shown = " ".join(words) + " …"
    painter.save()
    painter.setClipRect(rect)
    painter.setPen(colour)
    draw_wall_text(painter, rect, flags, shown)
    painter.restore()


def fitted_font(scale: WallScale, text: str, width: float, units: float,
                weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """The largest font up to ``units`` (not below the wall minimum) that fits ``text`` on one line."""
    size = units
    while size > MINIMUM_TEXT:
        font = scale.font(size, weight)
        if QFontMetricsF(font).horizontalAdvance(text) <= width:
            return font
        size -= 1
    return scale.font(MINIMUM_TEXT, weight)


@lru_cache(maxsize=4)
def logo_image(logo: bytes) -> QImage:
    """The room's logo, decoded once however many walls and views draw it."""
    return decode_photo(logo, QSize(1600, 800)) if logo else QImage()
