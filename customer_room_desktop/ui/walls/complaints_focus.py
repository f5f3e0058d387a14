"""Complaints focus: a stage's complaint categories over 24 months, and what customers wrote."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QWidget

from ...domain.long_text import wall_excerpt
from ...services.wall_data import Branding, ComplaintsFocusData
from .data_wall import DataWall
from .line_charts import draw_small_multiples
from .wall_chrome import draw_header
from .wall_style import (
    SURFACE, TEXT, TEXT_FAINT, WallScale, draw_fitted_text, draw_text, fill_rounded,
)

SERIES_COLOURS = ("#FF5C5C", "#FFC845", "#4FC3F7", "#3DDC84", "#C792EA", "#FF9E64")


class ComplaintsFocus(DataWall):
    """A stage's complaints over 24 months, and up to four verbatims beside them. After a paint,
    ``quote_boxes`` and ``quote_texts`` are each verbatim's box and what it holds."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.quote_boxes: list[QRectF] = []
        self.quote_texts: list[str] = []
        self.data: ComplaintsFocusData | None = None

    def show_complaints(self, data: ComplaintsFocusData) -> None:
        self.show_data(data)

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data = self.data
        total = sum(sum(counts) for _, counts in data.series)
        draw_header(painter, self.width(), scale, self.branding, self._logo,
                    f"{data.position} · COMPLAINTS OVER 24 MONTHS", data.stage_name,
                    f"{total:,} complaints in the top {len(data.series)} categories, {data.months[0]} to "
                    f"{data.months[-1]}")
        chart = QRectF(scale(48), scale(200), self.width() * 0.62 - scale(60), self.height() - scale(260))
        draw_small_multiples(painter, chart, data.months, data.series, SERIES_COLOURS, scale)
        right = QRectF(self.width() * 0.62 + scale(10), scale(200), self.width() * 0.38 - scale(58),
                       self.height() - scale(260))
        draw_text(painter, QRectF(right.left(), right.top(), right.width(), scale(40)), "IN THEIR WORDS",
                  scale.font(24, QFont.Weight.Bold), TEXT_FAINT)
        y = right.top() + scale(50)
        count = max(1, min(len(data.verbatims), 4))
        height = (right.bottom() - y - scale(16) * (count - 1)) / count
        self.quote_boxes, self.quote_texts = [], []
        for text in data.verbatims[:count]:
            box = QRectF(right.left(), y, right.width(), height)
            fill_rounded(painter, box, scale(10), SURFACE)
            self.quote_boxes.append(box.adjusted(scale(22), scale(14), -scale(18), -scale(10)))
            self.quote_texts.append(draw_fitted_text(painter, self.quote_boxes[-1], f"“{wall_excerpt(text)}”",
                                                     scale, 26, TEXT, italic=True))
            y += height + scale(16)
