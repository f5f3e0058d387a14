"""A 12-month KPI sparkline drawn with pyqtgraph, with the target as a dashed line."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from .wall_style import SURFACE


class Sparkline(pg.PlotWidget):
    """No axes, no mouse: a line of the readings; gaps stay gaps (never drawn as zero)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=SURFACE)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.getPlotItem().setContentsMargins(0, 0, 0, 0)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._curve = self.plot([], [], connect="finite")
        self._last = pg.ScatterPlotItem()
        self.addItem(self._last)
        self._target = pg.InfiniteLine(angle=0, movable=False)
        self.addItem(self._target)

    def show_series(self, values: tuple[float | None, ...], target: float, colour: QColor, width: float) -> None:
        ys = [math.nan if value is None else value for value in values]
        xs = list(range(len(ys)))
        self._curve.setData(xs, ys, connect="finite")
        self._curve.setPen(pg.mkPen(colour, width=width))
        self._target.setPen(pg.mkPen(QColor("#8FA0AF"), width=max(1.0, width / 2), style=Qt.PenStyle.DashLine))
        self._target.setValue(target)
        known = [(x, y) for x, y in zip(xs, ys) if not math.isnan(y)]
        if known:
            self._last.setData([known[-1][0]], [known[-1][1]], size=width * 4, brush=colour, pen=None)
            low = min(min(y for _, y in known), target)
            high = max(max(y for _, y in known), target)
            pad = (high - low) * 0.15 or 1.0
            self.setYRange(low - pad, high + pad, padding=0)
        else:
            self._last.setData([], [])
        self.setXRange(-0.3, max(len(ys) - 1, 1) + 0.3, padding=0)
