"""Line charts painted straight onto a wall: a KPI sparkline, and complaints over time as small multiples.

They are drawn with QPainter rather than a plotting library so the two walls the room opens on need
no charting library at start-up, and every text is sized by the wall's scale like the rest of it.
A gap in the readings stays a gap: it is never drawn as zero.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ...domain.legibility import Tier
from .wall_style import (
    SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_text, fill_rounded,
)

TARGET_COLOUR = QColor("#8FA0AF")
SMOOTHING_MONTHS = 3
LATEST_COUNT_UNITS = 88  # wall units: a row's latest count, the figure the room reads first
SMALL_LABEL_UNITS = 28  # wall units: month labels and captions, read walking up to the wall


def _y_range(values: Sequence[float], extra: Sequence[float] = ()) -> tuple[float, float]:
    low, high = min([*values, *extra]), max([*values, *extra])
    pad = (high - low) * 0.15 or 1.0
    return low - pad, high + pad


def _line_path(rect: QRectF, values: Sequence[float | None], low: float, high: float) -> QPainterPath:
    """The readings as connected runs; a None ends a run, so a gap shows as a gap."""
    path = QPainterPath()
    steps = max(len(values) - 1, 1)
    pen_down = False
    for index, value in enumerate(values):
        if value is None:
            pen_down = False
            continue
        point = QPointF(rect.left() + rect.width() * index / steps,
                        rect.bottom() - rect.height() * (value - low) / (high - low))
        if pen_down:
            path.lineTo(point)
        else:
            path.moveTo(point)
            pen_down = True
    return path


def draw_sparkline(painter: QPainter, rect: QRectF, values: Sequence[float | None], target: float,
                   colour: QColor, width: float) -> None:
    """The last months of a KPI: its line, a dot on the latest reading, the target dashed across."""
    known = [value for value in values if value is not None]
    if not known:
        return
    inner = rect.adjusted(width * 2, width * 2, -width * 2, -width * 2)
    low, high = _y_range(known, (target,))
    target_y = inner.bottom() - inner.height() * (target - low) / (high - low)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(TARGET_COLOUR, max(1.0, width / 2), Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(inner.left(), target_y), QPointF(inner.right(), target_y))
    painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(_line_path(inner, values, low, high))
    last = max(index for index, value in enumerate(values) if value is not None)
    steps = max(len(values) - 1, 1)
    value = values[last]
    assert value is not None
    centre = QPointF(inner.left() + inner.width() * last / steps,
                     inner.bottom() - inner.height() * (value - low) / (high - low))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(centre, width * 2, width * 2)
    painter.restore()


def rolling_mean(counts: Sequence[int], months: int = SMOOTHING_MONTHS) -> list[float | None]:
    """Each month's mean over it and the months before it; None until a full window has passed."""
    means: list[float | None] = []
    for index in range(len(counts)):
        window = counts[max(0, index - months + 1):index + 1]
        means.append(sum(window) / months if len(window) == months else None)
    return means


def draw_small_multiples(painter: QPainter, rect: QRectF, months: Sequence[str],
                         series: Sequence[tuple[str, Sequence[int]]], colours: Sequence[str],
                         scale: WallScale) -> None:
    """One row per category, each on its own scale: the name above its line, the raw months faint, the
    three-month mean bold, the latest month written large at the right (at the room tier, read from the
    seats); the first, middle and last month under the last row. The caller picks how many rows."""
    if not series or not months:
        return
    label_height = scale(44)
    rows = len(series)
    gap = scale(16)
    row_height = (rect.height() - label_height - gap * (rows - 1)) / rows
    number_font = scale.font(LATEST_COUNT_UNITS, QFont.Weight.Bold, tier=Tier.ROOM)
    latest = [f"{counts[-1]:,}" if counts else "–" for _, counts in series]
    caption = f"in {months[-1]}"
    caption_font = scale.font(SMALL_LABEL_UNITS)
    number_width = max(QFontMetricsF(number_font).horizontalAdvance(max(latest, key=len)),
                       QFontMetricsF(caption_font).horizontalAdvance(caption)) + scale(8)
    name_font = scale.font(34, QFont.Weight.Bold)
    name_height = QFontMetricsF(name_font).height()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line_rect = QRectF()
    for index, (category, counts) in enumerate(series):
        colour = QColor(colours[index % len(colours)])
        box = QRectF(rect.left(), rect.top() + index * (row_height + gap), rect.width(), row_height)
        fill_rounded(painter, box, scale(10), SURFACE_HIGH)
        number_rect = QRectF(box.right() - number_width - scale(20), box.top(), number_width, box.height())
        name_rect = QRectF(box.left() + scale(20), box.top() + scale(10), number_rect.left() - box.left() - scale(44),
                           name_height)
        draw_text(painter, name_rect, category, name_font, TEXT, Qt.AlignmentFlag.AlignLeft)
        line_rect = QRectF(name_rect.left() + scale(4), name_rect.bottom() + scale(14), name_rect.width() - scale(4),
                           box.bottom() - name_rect.bottom() - scale(30))
        _draw_row_lines(painter, line_rect, counts, colour, scale)
        used = draw_text(painter, number_rect, latest[index], number_font, colour,
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        caption_top = number_rect.center().y() + used.height() / 2
        draw_text(painter, QRectF(number_rect.left(), caption_top, number_rect.width(), box.bottom() - caption_top),
                  caption, caption_font, TEXT_SOFT, Qt.AlignmentFlag.AlignRight)
    _draw_month_labels(painter, QRectF(line_rect.left(), rect.bottom() - label_height + scale(8), line_rect.width(),
                                       label_height - scale(8)), months, scale)
    painter.restore()


def _draw_row_lines(painter: QPainter, rect: QRectF, counts: Sequence[int], colour: QColor, scale: WallScale) -> None:
    """A row's raw months, faint and thin, under their three-month mean, bold."""
    low, high = 0.0, max(max(counts, default=0), 1) * 1.1
    faint = QColor(colour)
    faint.setAlpha(90)
    painter.setPen(QPen(faint, scale(2)))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # faint and thin: a quarter of the time
    painter.drawPath(_line_path(rect, list(counts), low, high))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, scale(7), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(_line_path(rect, rolling_mean(counts), low, high))


def _draw_month_labels(painter: QPainter, rect: QRectF, months: Sequence[str], scale: WallScale) -> None:
    """The first, middle and last month under the chart, where the lines begin, turn and end."""
    font = scale.font(SMALL_LABEL_UNITS)
    steps = max(len(months) - 1, 1)
    width = scale(160)
    picks = sorted({0, (len(months) - 1) // 2, len(months) - 1})
    for index in picks:
        x = rect.left() + rect.width() * index / steps
        left = min(max(rect.left() - scale(10), x - width / 2), rect.right() - width + scale(10))
        align = Qt.AlignmentFlag.AlignHCenter
        draw_text(painter, QRectF(left, rect.top(), width, rect.height()), months[index], font, TEXT_FAINT, align)
