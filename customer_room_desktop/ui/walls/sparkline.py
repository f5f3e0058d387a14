"""A 12-month KPI sparkline with the target as a dashed line, painted by ``line_charts``."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from .line_charts import draw_sparkline
from .wall_style import SURFACE


class Sparkline(QWidget):
    """No axes, no mouse: a line of the readings; gaps stay gaps (never drawn as zero)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.values: tuple[float | None, ...] = ()
        self.target = 0.0
        self.colour = QColor(SURFACE)
        self.line_width = 1.0

    def show_series(self, values: tuple[float | None, ...], target: float, colour: QColor, width: float) -> None:
        self.values, self.target, self.colour, self.line_width = values, target, QColor(colour), width
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.fillRect(self.rect(), SURFACE)
            draw_sparkline(painter, QRectF(self.rect()), self.values, self.target, self.colour, self.line_width)
