"""Early-warning wall: the moments of truth whose KPIs say customers are about to complain.

Leaders read it from across the room, worst moment first. Each row names the moment, its stage
and how long it has been unreliable; then its worst KPI (and more KPIs when the wall has room):
the latest reading against its target, twelve months of readings over the at-risk and failing
bands, and beside that the complaints the KPI predicts, month by month, so the room sees the KPI
move before (or with) the complaints.

Everything is drawn with one QPainter, charts included: a chart widget per row would be slow to
lay out and repaint on a 4K wall. Gaps in a KPI series (months without a reading) stay gaps.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from ...domain.figures import format_value
from ...services.board_data import EarlyWarningData, KpiLine, WarningRow
from ...services.wall_data import Branding
from .wall_chrome import draw_header
from .data_wall import DataWall
from .wall_style import (
    BACKGROUND, RELIABILITY_COLOURS, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_chip, draw_text,
    fill_rounded, fit_wrapped_text, fitted_font, reliability_colour,
)

COMPLAINT_COLOUR = QColor("#4FC3F7")  # complaint bars: a colour no reliability level uses
TREND_COLOUR = TEXT  # the KPI line: brightest on the wall, over tinted bands
CHART_SURFACE = QColor("#0F151C")
BAND_ALPHA = 60  # bands are tints, so the line and its dots stay the strongest marks
MIN_LINE = 96  # wall units per KPI line: eight moments still fit on a 16:9 wall
MAX_LINE = 190  # a few moments get taller charts, and each predicted category its own bars
ROW_GAP = 8
MORE_LINE = 44  # the "+N more" line under the rows
COLUMN_HEAD = 34


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class ComplaintBox:
    """Where a complaint series was drawn as bars, one equal slot a month."""

    rect: QRectF
    counts: tuple[int, ...]


def summary_line(data: EarlyWarningData) -> str:
    unreliable = sum(row.reliability == "unreliable" for row in data.rows)
    at_risk = sum(row.reliability == "at risk" for row in data.rows)
    return f"{unreliable} unreliable · {at_risk} at risk · {data.reliable} of {data.judged} reliable"


def _month_label(month: str) -> str:
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    try:
        return f"{names[int(month[5:7]) - 1]} {month[:4]}"
    except (ValueError, IndexError):
        return month


def plan_lines(rows: tuple[WarningRow, ...], room: float) -> tuple[list[int], int]:
    """How many KPI lines each shown row gets within ``room`` wall units, and how many rows are left
    out. Every shown row gets its worst KPI; spare room then goes to further KPIs, worst rows first."""
    fit = max(1, int((room + ROW_GAP) // (MIN_LINE + ROW_GAP)))
    shown = len(rows) if len(rows) <= fit else max(1, int((room - MORE_LINE + ROW_GAP) // (MIN_LINE + ROW_GAP)))
    hidden = len(rows) - shown
    lines = [1] * shown
    fixed = ROW_GAP * (shown - 1) + (MORE_LINE + ROW_GAP if hidden else 0)
    grew = True
    while grew:
        grew = False
        for index, row in enumerate(rows[:shown]):
            if lines[index] < len(row.kpis) and (sum(lines) + 1) * MIN_LINE + fixed <= room:
                lines[index] += 1
                grew = True
    return lines, hidden


class EarlyWarningWall(DataWall):
    """Moments of truth at risk, worst first. After a paint, ``row_boxes`` holds each row's rectangle,
    ``trend_boxes`` and ``complaint_boxes`` each drawn chart, and ``hidden`` how many rows did not fit."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.data: EarlyWarningData | None = None
        self.row_boxes: list[QRectF] = []
        self.trend_boxes: list[TrendBox] = []
        self.complaint_boxes: list[ComplaintBox] = []
        self.hidden = 0

    show_warnings = DataWall.show_data

    def reset_boxes(self) -> None:
        self.row_boxes, self.trend_boxes, self.complaint_boxes, self.hidden = [], [], [], 0

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                          "EARLY WARNING · BEFORE CUSTOMERS COMPLAIN", "Moments of truth at risk",
                          summary_line(self.data))
        margin = scale(48)
        area = QRectF(margin, top, self.width() - 2 * margin, self.height() - top - scale(32))
        if self.data.rows:
            self._paint_rows(painter, scale, area, self.data)
        else:
            self._paint_all_reliable(painter, scale, area, self.data)

    def _paint_all_reliable(self, painter: QPainter, scale: WallScale, area: QRectF, data: EarlyWarningData) -> None:
        box = area.adjusted(0, scale(40), 0, -scale(80))
        fill_rounded(painter, box, scale(20), SURFACE)
        if data.judged:
            text, colour = "Every moment of truth with KPIs is reliable", RELIABILITY_COLOURS["reliable"]
        else:
            text, colour = "No moment of truth has KPIs yet, so none can be judged", TEXT
        fit_wrapped_text(painter, box.adjusted(scale(80), scale(40), -scale(80), -scale(40)), text, scale, 84,
                         colour, QFont.Weight.Bold, align=Qt.AlignmentFlag.AlignCenter)

    def _columns(self, scale: WallScale, row: QRectF) -> tuple[QRectF, QRectF, QRectF, QRectF]:
        """Moment, latest value, trend and complaints columns, as x ranges of ``row``."""
        width = row.width()
        left = row.left() + scale(30)
        moment = QRectF(left, 0, width * 0.37, 0)
        value = QRectF(moment.right() + scale(28), 0, width * 0.13, 0)
        trend = QRectF(value.right() + scale(16), 0, width * 0.22, 0)
        complaints = QRectF(trend.right() + scale(28), 0, row.right() - scale(20) - trend.right() - scale(28), 0)
        return moment, value, trend, complaints

    def _paint_rows(self, painter: QPainter, scale: WallScale, area: QRectF, data: EarlyWarningData) -> None:
        head = QRectF(area.left(), area.top(), area.width(), scale(COLUMN_HEAD))
        moment, value, trend, complaints = self._columns(scale, head)
        head_font = scale.font(22, QFont.Weight.Bold)
        span = f"{_month_label(data.months[0])} – {_month_label(data.months[-1])}" if data.months else ""
        for column, text, align in ((moment, "MOMENT OF TRUTH", Qt.AlignmentFlag.AlignLeft),
                                    (value, "KPI · LATEST", Qt.AlignmentFlag.AlignLeft),
                                    (trend, span.upper(), Qt.AlignmentFlag.AlignRight),
                                    (complaints, "COMPLAINTS IT PREDICTS", Qt.AlignmentFlag.AlignLeft)):
            draw_text(painter, QRectF(column.left(), head.top(), column.width(), head.height()), text, head_font,
                      TEXT_FAINT, align | Qt.AlignmentFlag.AlignTop)
        body_top = head.bottom() + scale(4)
        room = (area.bottom() - body_top) / scale.factor
        lines, self.hidden = plan_lines(data.rows, room)
        fixed = ROW_GAP * (len(lines) - 1) + (MORE_LINE + ROW_GAP if self.hidden else 0)
        line_units = min(MAX_LINE, (room - fixed) / sum(lines))
        y = body_top
        for row, count in zip(data.rows, lines):
            box = QRectF(area.left(), y, area.width(), scale(line_units) * count)
            self.row_boxes.append(box)
            self._paint_row(painter, scale, box, row, count, line_units)
            y = box.bottom() + scale(ROW_GAP)
        if self.hidden:
            word = "moment needs" if self.hidden == 1 else "moments need"
            draw_text(painter, QRectF(area.left() + scale(30), y, area.width(), scale(MORE_LINE)),
                      f"+{self.hidden} more {word} attention", scale.font(30, QFont.Weight.Bold), TEXT_SOFT,
                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _paint_row(self, painter: QPainter, scale: WallScale, box: QRectF, row: WarningRow, count: int,
                   line_units: float) -> None:
        """The moment on the left (in its first line's height), one KPI per line on the right."""
        colour = reliability_colour(row.reliability)
        fill_rounded(painter, box, scale(12), SURFACE)
        painter.fillRect(QRectF(box.left(), box.top(), scale(10), box.height()), colour)
        line = scale(line_units)
        moment, _, _, _ = self._columns(scale, box)
        name_units = min(44, line_units * 0.4)
        name_height = QFontMetricsF(scale.font(name_units, QFont.Weight.Bold)).height() * (2 if count > 1 else 1)
        chip_font = scale.font(22, QFont.Weight.Bold)
        chip_height = QFontMetricsF(chip_font).height() + scale(12)
        top = box.top() + max(scale(8), (line - name_height - chip_height - scale(6)) / 2)
        fit_wrapped_text(painter, QRectF(moment.left(), top, moment.width(), name_height), row.moment, scale,
                         name_units, TEXT, QFont.Weight.Bold,
                         align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        second = top + name_height + scale(6)
        label = row.reliability.upper()
        chip_width = QFontMetricsF(chip_font).horizontalAdvance(label) + scale(36)
        chip = draw_chip(painter, moment.left() + chip_width, second, label, chip_font, colour, scale)
        detail = QRectF(chip.right() + scale(16), second, moment.right() - chip.right() - scale(16), chip.height())
        run = f"{row.periods_unreliable} months in a row" if row.periods_unreliable > 1 else ""
        self._paint_run_and_stage(painter, scale, detail, run, row.stage, colour)
        for index, kpi in enumerate(row.kpis[:count]):
            band = QRectF(box.left(), box.top() + index * line, box.width(), line)
            if index:  # a dark rule between one KPI and the next
                painter.fillRect(QRectF(moment.right() + scale(14), band.top() - scale(1.5),
                                        box.right() - moment.right() - scale(14), scale(3)), BACKGROUND)
            self._paint_kpi(painter, scale, band, kpi)
        if len(row.kpis) > count:
            more = len(row.kpis) - count
            draw_text(painter, QRectF(moment.left(), box.bottom() - scale(34), moment.width(), scale(30)),
                      f"+{more} more KPI{'s' if more > 1 else ''}", scale.font(22), TEXT_FAINT)

    def _paint_run_and_stage(self, painter: QPainter, scale: WallScale, rect: QRectF, run: str, stage: str,
                             colour: QColor) -> None:
        """After the badge: '12 months in a row · I need help' (so it reads "UNRELIABLE 12 months in a
        row"). The run is the news and keeps its room; the stage name elides if it must."""
        centre = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        left = rect.left()
        if run:
            used = draw_text(painter, rect, run, scale.font(24, QFont.Weight.Bold), colour, centre)
            left = used.right() + scale(12)
            stage = f"· {stage}"
        draw_text(painter, QRectF(left, rect.top(), rect.right() - left, rect.height()), stage, scale.font(24),
                  TEXT_SOFT, centre)

    def _paint_kpi(self, painter: QPainter, scale: WallScale, band: QRectF, kpi: KpiLine) -> None:
        """A text strip (KPI name, target; complaint names, total) over the value, trend and bars."""
        _, value, trend, complaints = self._columns(scale, band)
        inner = band.adjusted(0, scale(8), 0, -scale(10))
        strip = scale(32)
        name_font = scale.font(24)
        target = f"- - target {format_value(kpi.target, kpi.unit)}"
        target_width = QFontMetricsF(name_font).horizontalAdvance(target)
        centre = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        name_right = trend.right() - target_width - scale(20)
        draw_text(painter, QRectF(value.left(), inner.top(), name_right - value.left(), strip), kpi.name, name_font,
                  TEXT, centre)
        draw_text(painter, QRectF(trend.right() - target_width, inner.top(), target_width, strip), target, name_font,
                  TEXT_SOFT, centre)
        lower = QRectF(0, inner.top() + strip + scale(6), 0, inner.bottom() - inner.top() - strip - scale(6))
        latest = format_value(kpi.latest, kpi.unit)
        draw_text(painter, QRectF(value.left(), lower.top(), value.width(), lower.height()), latest,
                  fitted_font(scale, latest, value.width(), min(48, lower.height() / scale.factor),
                              QFont.Weight.Black), reliability_colour(kpi.reliability), centre)
        self._paint_trend(painter, scale, QRectF(trend.left(), lower.top(), trend.width(), lower.height()), kpi)
        self._paint_complaints(painter, scale, QRectF(complaints.left(), inner.top(), complaints.width(),
                                                      inner.height()), kpi, strip)

    def _paint_trend(self, painter: QPainter, scale: WallScale, rect: QRectF, kpi: KpiLine) -> None:
        """Readings as a line with a dot a month over tinted at-risk and failing bands; the target
        dashed. A month without a reading breaks the line, so nothing is drawn for it."""
        fill_rounded(painter, rect, scale(6), CHART_SURFACE)
        known = [v for v in kpi.series if v is not None]
        low = min(known + [kpi.target, kpi.at_risk, kpi.failing])
        high = max(known + [kpi.target, kpi.at_risk, kpi.failing])
        pad = (high - low) * 0.1 or 1.0
        plot = rect.adjusted(scale(10), scale(6), -scale(10), -scale(6))
        box = TrendBox(plot, low - pad, high + pad, len(kpi.series))
        self.trend_boxes.append(box)
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

    def _paint_complaints(self, painter: QPainter, scale: WallScale, rect: QRectF, kpi: KpiLine,
                          strip: float) -> None:
        """Each predicted category as monthly bars under its name and total, when the line is tall
        enough for that; otherwise the categories summed into one series under all their names."""
        if not kpi.predicts:
            draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), strip), "no complaint category linked",
                      scale.font(22, italic=True), TEXT_FAINT,
                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return
        groups = [(name, counts) for name, counts in kpi.predicts]
        if len(groups) > 1 and rect.height() / len(groups) < strip + scale(40):
            months = len(groups[0][1])
            groups = [(" + ".join(name for name, _ in groups),
                       tuple(sum(counts[m] for _, counts in groups) for m in range(months)))]
        slot = rect.height() / len(groups)
        most = max((count for _, counts in groups for count in counts), default=0)  # one scale, so bars compare
        font, bold = scale.font(24), scale.font(24, QFont.Weight.Bold)
        centre = Qt.AlignmentFlag.AlignVCenter
        for index, (name, counts) in enumerate(groups):
            top = rect.top() + index * slot
            total = f"{sum(counts):,}"
            total_width = QFontMetricsF(bold).horizontalAdvance(total)
            draw_text(painter, QRectF(rect.right() - total_width, top, total_width, strip), total, bold, TEXT,
                      Qt.AlignmentFlag.AlignRight | centre)
            draw_text(painter, QRectF(rect.left(), top, rect.width() - total_width - scale(16), strip), name, font,
                      TEXT_SOFT, Qt.AlignmentFlag.AlignLeft | centre)
            gap = scale(12) if index < len(groups) - 1 else 0  # keeps one category's bars off the next name
            bars = QRectF(rect.left(), top + strip + scale(6), rect.width(), slot - strip - scale(6) - gap)
            self._paint_bars(painter, scale, bars, counts, most)

    def _paint_bars(self, painter: QPainter, scale: WallScale, rect: QRectF, counts: tuple[int, ...],
                    most: int) -> None:
        self.complaint_boxes.append(ComplaintBox(rect, counts))
        painter.fillRect(QRectF(rect.left(), rect.bottom() - scale(2), rect.width(), scale(2)), TEXT_FAINT)
        if most <= 0:
            return
        width = rect.width() / len(counts)
        for index, count in enumerate(counts):
            height = (rect.height() - scale(2)) * count / most
            if height > 0:
                painter.fillRect(QRectF(rect.left() + index * width + width * 0.15, rect.bottom() - scale(2) - height,
                                        width * 0.7, height), COMPLAINT_COLOUR)
