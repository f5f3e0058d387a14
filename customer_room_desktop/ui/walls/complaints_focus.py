"""Complaints focus: a stage's top complaint categories over 24 months, and what customers wrote.

Read from the seats (issue 19): each row's latest count and the quoted words are at the room tier, so the
wall shows fewer of them, bigger: the top ``CHART_ROWS`` categories and the opening sentences of the
newest ``QUOTES_SHOWN`` verbatims. The header says how many categories were left off.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ...domain.long_text import wall_excerpt
from ...services.wall_data import Branding, ComplaintsFocusData
from .data_wall import DataWall
from .line_charts import draw_small_multiples
from .room_text import fits_wrapped, room_font, shared_room_size, shortened_to_fit
from .wall_chrome import draw_header
from .wall_style import SURFACE, TEXT, TEXT_FAINT, WallScale, draw_text, fill_rounded
from .glyph_text import draw_wall_text

SERIES_COLOURS = ("#FF5C5C", "#FFC845", "#4FC3F7", "#3DDC84", "#C792EA", "#FF9E64")
CHART_ROWS = 3  # the biggest categories; the rest are counted in the header, not drawn
QUOTES_SHOWN = 2  # the newest verbatims, each its opening sentences at the room tier
CHART_SHARE = 0.55  # of the wall's width, the chart's; the quotes take the rest
QUOTE_UNITS = 72  # wall units: the quotes' size when every one fits whole; never below the room tier
QUOTE_MARK_UNITS = 120
QUOTE_INDENT_UNITS = 100  # the quote mark hangs in this margin, left of the words
TRAILING_MARKS = ",;:·–—-(“‘\"'"  # not left hanging before an ellipsis
WRAPPED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


def category_summary(data: ComplaintsFocusData, shown: int) -> str:
    """The header's line: the complaints drawn, and how many categories were left off the wall."""
    total = sum(sum(counts) for _, counts in data.series[:shown])
    of = f" of {len(data.series)}" if len(data.series) > shown else ""
    return f"{total:,} complaints in the top {shown}{of} categories, {data.months[0]} to {data.months[-1]}"


class ComplaintsFocus(DataWall):
    """A stage's complaints over 24 months, and the newest verbatims beside them. After a paint,
    ``quote_boxes`` and ``quote_texts`` are each verbatim's box and what it shows (with its opening mark)."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.quote_boxes: list[QRectF] = []
        self.quote_texts: list[str] = []
        self.focus: ComplaintsFocusData | None = None  # what ``data`` holds, typed

    def show_complaints(self, data: ComplaintsFocusData) -> None:
        self.focus = data
        self.show_data(data)

    def reset_boxes(self) -> None:
        self.quote_boxes, self.quote_texts = [], []

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data = self.focus
        if data is None:
            return
        rows = data.series[:CHART_ROWS]
        top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                          f"{data.position} · COMPLAINTS OVER 24 MONTHS", data.stage_name,
                          category_summary(data, len(rows)))
        margin, bottom = scale(48), self.height() - scale(40)
        split = self.width() * CHART_SHARE
        draw_small_multiples(painter, QRectF(margin, top, split - margin, bottom - top), data.months, rows,
                             SERIES_COLOURS, scale)
        self._draw_quotes(painter, scale, data.verbatims[:QUOTES_SHOWN],
                          QRectF(split + scale(24), top, self.width() - margin - split - scale(24), bottom - top))

    def _draw_quotes(self, painter: QPainter, scale: WallScale, verbatims: tuple[str, ...], area: QRectF) -> None:
        """The newest verbatims, one box each, stacked; every box in one room-tier size. A quote that needs
        less than its share of the height leaves the rest to the others; each is cut to the opening
        sentences (else words) its box holds."""
        self.reset_boxes()
        quotes = [wall_excerpt(text) + "”" for text in verbatims]  # closed when shown whole
        if not quotes:
            return
        label = draw_text(painter, QRectF(area.left(), area.top(), area.width(), scale(40)), "IN THEIR WORDS",
                          scale.font(26, QFont.Weight.Bold), TEXT_FAINT)
        gap, pad_top, pad_bottom = scale(20), scale(22), scale(18)
        top = label.bottom() + scale(12)
        share = (area.bottom() - top - gap * (len(quotes) - 1)) / len(quotes)
        left, right = area.left() + scale(QUOTE_INDENT_UNITS), area.right() - scale(28)
        size = shared_room_size(painter, scale, QRectF(left, 0, right - left, share - pad_top - pad_bottom), quotes,
                                QUOTE_UNITS, italic=True)
        font = room_font(scale, size, italic=True)
        heights = self._quote_heights(painter, font, QRectF(left, 0, right - left, share), quotes,
                                      pad_top + pad_bottom)
        mark_font = scale.font(QUOTE_MARK_UNITS, QFont.Weight.Bold)
        brand = QColor(self.branding.brand_colour)
        for quote, height in zip(quotes, heights):
            box = QRectF(area.left(), top, area.width(), height)
            inner = QRectF(left, top + pad_top, right - left, height - pad_top - pad_bottom)
            fill_rounded(painter, box, scale(10), SURFACE)
            draw_text(painter, QRectF(box.left() + scale(20), box.top(), scale(70), scale(130)), "“", mark_font, brand)
            shown = quote_opening(painter, font, inner, quote)
            painter.setFont(font)
            painter.setPen(TEXT)
            draw_wall_text(painter, inner, WRAPPED, shown)
            self.quote_boxes.append(inner)
            self.quote_texts.append(f"“{shown}")
            top += height + gap

    @staticmethod
    def _quote_heights(painter: QPainter, font: QFont, share: QRectF, quotes: list[str], padding: float) -> list[float]:
        """Each quote box's height: a quote that fits whole in less than an equal share keeps only what it
        needs; the quotes still cut share the rest, to show more of theirs."""
        painter.setFont(font)
        unbounded = QRectF(share.left(), 0, share.width(), 1e6)
        needs = [painter.boundingRect(unbounded, WRAPPED, quote).height() + padding for quote in quotes]
        return _heights_shared_out(needs, share.height() * len(quotes))


def quote_opening(painter: QPainter, font: QFont, rect: QRectF, quote: str) -> str:
    """What a box shows of a quote: all of it when it fits; else its opening whole sentences, unless they
    leave two lines or more of the box empty: then as many whole words as the box holds. Ends in " …"."""
    shown = shortened_to_fit(font, rect, quote)
    if shown == quote or not shown:
        return shown
    painter.setFont(font)
    used = painter.boundingRect(QRectF(rect.left(), 0, rect.width(), 1e6), WRAPPED, shown).height()
    if used <= rect.height() - 2 * QFontMetricsF(font).lineSpacing():
        words = quote.split()
        low, high = 0, len(words) - 1  # the most words that fit, found by halving
        while low < high:
            middle = (low + high + 1) // 2
            if fits_wrapped(font, rect, _words_then_ellipsis(words[:middle])):
                low = middle
            else:
                high = middle - 1
        filled = _words_then_ellipsis(words[:low])
        if len(filled) > len(shown):
            shown = filled
    return _kept_with_last_word(painter, font, rect, shown)


def _words_then_ellipsis(words: list[str]) -> str:
    return " ".join(words).rstrip(TRAILING_MARKS) + " …"


def _heights_shared_out(needs: list[float], total: float) -> list[float]:
    """Each box's height: what it needs when that is less than an equal share, the others sharing the
    rest equally; when every one fits, the spare height is shared out equally too."""
    heights = [0.0] * len(needs)
    waiting, remaining = list(range(len(needs))), total
    while waiting:
        share = remaining / len(waiting)
        small = [index for index in waiting if needs[index] <= share]
        if not small:
            for index in waiting:
                heights[index] = share
            return heights
        for index in small:
            heights[index] = needs[index]
            remaining -= needs[index]
            waiting.remove(index)
    spare = remaining / len(needs)
    return [height + spare for height in heights]


def _kept_with_last_word(painter: QPainter, font: QFont, rect: QRectF, shown: str) -> str:
    """A shortened quote's " …" held to its last word (never alone on a line) when the box allows it."""
    if not shown.endswith(" …"):
        return shown
    joined = shown[:-2] + "\u00a0…"
    return joined if fits_wrapped(font, rect, joined) else shown
