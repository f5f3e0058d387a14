"""The two charts of an early-warning line: a KPI's twelve months over its at-risk and failing bands,
and the complaints it predicts as monthly bars. Both are drawn straight with the wall's QPainter
(a chart widget per line would be slow to lay out and repaint on a 4K wall); each returns where it
drew, so tests and the console can find it."""

from __future__ import annotations


from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ...services.board_data import KpiLine
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, RELIABILITY_COLOURS, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_text, fill_rounded,
    reliability_colour,
)
from ...domain.records import record

COMPLAINT_COLOUR = QColor("#4FC3F7")  # complaint bars: a colour no reliability level uses
TREND_COLOUR = TEXT  # the KPI line: brightest on the wall, over tinted bands
CHART_SURFACE = QColor("#0F151C")
BAND_ALPHA = 60  # bands are tints, so the line and its dots stay the strongest marks
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@record
class TrendBox:
    """Where a KPI trend was drawn and how its values map to pixels (kept after a paint for tests)."""

    rect: QRectF
    low: float
    high: float
    months: int

    def x_of(self, index: int) -> float:
        return self.rect.left() + self.rect.width() * index / max(1, self.months - 1)

    def y_of(self, value: float) -> float:
        return self.rect.bottom() - (value - self.low) / (self.high - self.low) * self.rect.height()


@record
class ComplaintBox:
    """Where a complaint series was drawn as bars, one equal slot a month."""

    rect: QRectF
    counts: tuple[int, ...]


def category_names(metrics: QFontMetricsF, width: float, names: list[str]) -> str:
    """Categories summed into one series, as many named as fit ``width``: all of them, else the first
    and how many more ("Renewal price rise & 1 more"), else the first followed by " …"."""
    for shown in (" + ".join(names), f"{names[0]} & {len(names) - 1} more"):
        if metrics.horizontalAdvance(shown) <= width:
            return shown
    return f"{names[0]} …"


def paint_trend(painter: QPainter, scale: WallScale, rect: QRectF, kpi: KpiLine) -> TrendBox:
    """Readings as a line with a dot a month over tinted at-risk and failing bands; the target
    dashed. A month without a reading breaks the line, so nothing is drawn for it."""
    fill_rounded(painter, rect, scale(6), CHART_SURFACE)
    known = [v for v in kpi.series if v is not None]
    low = min(known + [kpi.target, kpi.at_risk, kpi.failing])
    high = max(known + [kpi.target, kpi.at_risk, kpi.failing])
    pad = (high - low) * 0.1 or 1.0
    plot = rect.adjusted(scale(10), scale(6), -scale(10), -scale(6))
    box = TrendBox(plot, low - pad, high + pad, len(kpi.series))
    painter.save()
    painter.setClipRect(rect)
    lower_better = kpi.direction == "lower"
    edge = rect.top() if lower_better else rect.bottom()
    for level, start, end in (("at risk", kpi.at_risk, kpi.failing), ("unreliable", kpi.failing, None)):
        tint = QColor(RELIABILITY_COLOURS[level])
        tint.setAlpha(BAND_ALPHA)
        y_end = edge if end is None else box.y_of(end)
        painter.fillRect(QRectF(QPointF(rect.left(), min(box.y_of(start), y_end)),
                                QPointF(rect.right(), max(box.y_of(start), y_end))), tint)
    painter.setPen(QPen(TEXT_SOFT, scale(2), Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(rect.left(), box.y_of(kpi.target)), QPointF(rect.right(), box.y_of(kpi.target)))
    path = QPainterPath()
    points = []
    previous = None
    for index, value in enumerate(kpi.series):
        if value is None:
            previous = None
            continue
        point = QPointF(box.x_of(index), box.y_of(value))
        if previous is None:
            path.moveTo(point)
        else:
            path.lineTo(point)
        previous = point
        points.append(point)
    pen = QPen(TREND_COLOUR, scale(3.5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TREND_COLOUR)
    for point in points:
        painter.drawEllipse(point, scale(4), scale(4))
    if points:
        painter.setPen(QPen(BACKGROUND, scale(2)))
        painter.setBrush(reliability_colour(kpi.reliability))
        painter.drawEllipse(points[-1], scale(8), scale(8))
    painter.restore()
    return box



def paint_complaints(painter: QPainter, scale: WallScale, rect: QRectF, kpi: KpiLine,
                     strip: float) -> list[ComplaintBox]:
    """Each predicted category as monthly bars under its name, its total at the bars' right end,
    when the line is tall enough for that; otherwise the categories summed into one series."""
    if not kpi.predicts:
        draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), strip), "no complaint category linked",
                  scale.font(MINIMUM_TEXT, italic=True), TEXT_FAINT, LEFT_MIDDLE)
        return []
    groups = [(name, counts) for name, counts in kpi.predicts]
    font, bold = scale.font(MINIMUM_TEXT), scale.font(MINIMUM_TEXT, QFont.Weight.Bold)
    if len(groups) > 1 and rect.height() / len(groups) < strip + scale(40):
        months = len(groups[0][1])
        groups = [(category_names(QFontMetricsF(font), rect.width(), [name for name, _ in groups]),
                   tuple(sum(counts[m] for _, counts in groups) for m in range(months)))]
    slot = rect.height() / len(groups)
    most = max((count for _, counts in groups for count in counts), default=0)  # one scale, so bars compare
    total_width = max(QFontMetricsF(bold).horizontalAdvance(f"{sum(counts):,}") for _, counts in groups)
    boxes = []
    for index, (name, counts) in enumerate(groups):
        top = rect.top() + index * slot
        draw_text(painter, QRectF(rect.left(), top, rect.width(), strip), name, font, TEXT_SOFT, LEFT_MIDDLE)
        gap = scale(12) if index < len(groups) - 1 else 0  # keeps one category's bars off the next name
        bars = QRectF(rect.left(), top + strip + scale(6), rect.width() - total_width - scale(14),
                      slot - strip - scale(6) - gap)
        draw_text(painter, QRectF(bars.right() + scale(14), bars.top(), total_width, bars.height()),
                  f"{sum(counts):,}", bold, TEXT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        boxes.append(paint_bars(painter, scale, bars, counts, most))
    return boxes


def paint_bars(painter: QPainter, scale: WallScale, rect: QRectF, counts: tuple[int, ...],
               most: int) -> ComplaintBox:
    painter.fillRect(QRectF(rect.left(), rect.bottom() - scale(2), rect.width(), scale(2)), TEXT_FAINT)
    if most > 0:
        width = rect.width() / len(counts)
        for index, count in enumerate(counts):
            height = (rect.height() - scale(2)) * count / most
            if height > 0:
                painter.fillRect(QRectF(rect.left() + index * width + width * 0.15, rect.bottom() - scale(2) - height,
                                        width * 0.7, height), COMPLAINT_COLOUR)
    return ComplaintBox(rect, counts)
