"""Early-warning wall: the moments of truth whose KPIs say customers are about to complain.

Leaders read it from across the room, worst moment first. Each row names the moment, its stage
and how long it has been unreliable; then its worst KPI (and more KPIs when the wall has room):
the latest reading against its target, twelve months of readings over the at-risk and failing
bands, and beside that the complaints the KPI predicts, month by month, so the room sees the KPI
move before (or with) the complaints. The moments' names and latest values are read from the seats
(the room tier), so a 16:9 wall holds five moments; those that do not fit are named on a last line.

Everything is drawn with one QPainter, charts included: a chart widget per row would be slow to
lay out and repaint on a 4K wall. Gaps in a KPI series (months without a reading) stay gaps.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ...domain.figures import format_value
from ...domain.legibility import Tier
from ...domain.reliability import reliability_label
from ...services.board_data import EarlyWarningData, KpiLine, WarningRow
from ...services.wall_data import Branding
from .wall_chrome import draw_header
from .data_wall import DataWall
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, RELIABILITY_COLOURS, ROOM_TEXT, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale,
    draw_chip, draw_text, fill_rounded, fit_wrapped_text, fitted_font, reliability_colour,
)
from .warning_charts import ComplaintBox, TrendBox, paint_complaints, paint_trend
from ...domain.records import record

PAD = 10  # wall units above and below a KPI line's contents
STRIP = 42  # the words line of a KPI line: the badge, the KPI's name and target, the complaints' names
FIGURES = 76  # the figures line under it: the moment's name and the latest value, at the room tier
MIN_LINE = PAD + STRIP + 6 + FIGURES + PAD  # 144 wall units: five moments and a "+N more" line on a 16:9 wall
MAX_LINE = 200  # a few moments get taller charts, and each predicted category its own bars
ROW_GAP = 8
MORE_LINE = 48  # the "+N more" line under the rows
COLUMN_HEAD = 34
GUTTER = 20  # between the columns
NAME_GUTTER = 36  # between a moment's name and its value: two room-tier texts side by side
CHART_SHARE = 0.14  # the least share of a row each chart keeps when the moments' names are long
VALUE_SHARE = 0.25  # the most share of a row the latest values take


def summary_line(data: EarlyWarningData) -> str:
    unreliable = sum(row.reliability == "unreliable" for row in data.rows)
    at_risk = sum(row.reliability == "at risk" for row in data.rows)
    return f"{unreliable} unreliable · {at_risk} at risk · {data.reliable} of {data.judged} reliable"


def _month_label(month: str, short: bool = False) -> str:
    """'Nov 2025', or 'Nov ’25' when ``short``."""
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    try:
        return f"{names[int(month[5:7]) - 1]} {'’' + month[2:4] if short else month[:4]}"
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


def left_off_line(rows: tuple[WarningRow, ...]) -> str:
    """What the "+N more" line says about the moments that did not fit: how many, and which."""
    word = "moment needs" if len(rows) == 1 else "moments need"
    return f"+{len(rows)} more {word} attention: " + " · ".join(row.moment for row in rows)


@record
class Columns:
    """The x ranges of a row: the moment, its latest value, the trend and the complaints it predicts;
    and the one room-tier font every moment's name is drawn in, and every latest value."""

    moment: QRectF
    value: QRectF
    trend: QRectF
    complaints: QRectF
    name_font: QFont
    value_font: QFont


def plan_columns(scale: WallScale, left: float, right: float, rows: tuple[WarningRow, ...]) -> Columns:
    """Columns sized to what they hold: the latest values as wide as the widest, the names as wide as
    the longest (bold when it fits, regular weight when that is what lets it fit), the charts the rest."""
    width = right - left
    value_font = scale.font(ROOM_TEXT, QFont.Weight.Black, tier=Tier.ROOM)
    values = [format_value(kpi.latest, kpi.unit) for row in rows for kpi in row.kpis] or ["–"]
    value_width = min(width * VALUE_SHARE, max(map(QFontMetricsF(value_font).horizontalAdvance, values)))
    room = width - value_width - 2 * width * CHART_SHARE - 2 * scale(GUTTER) - scale(NAME_GUTTER)
    names = [row.moment for row in rows] or [""]
    for weight in (QFont.Weight.Bold, QFont.Weight.Normal):
        name_font = scale.font(ROOM_TEXT, weight, tier=Tier.ROOM)
        name_width = max(map(QFontMetricsF(name_font).horizontalAdvance, names))
        if name_width <= room:
            break
    name_width = min(room, max(name_width, width * 0.3))
    charts = width - name_width - value_width - 2 * scale(GUTTER) - scale(NAME_GUTTER)
    moment = QRectF(left, 0, name_width, 0)
    value = QRectF(moment.right() + scale(NAME_GUTTER), 0, value_width, 0)
    trend = QRectF(value.right() + scale(GUTTER), 0, charts / 2, 0)
    complaints = QRectF(trend.right() + scale(GUTTER), 0, right - trend.right() - scale(GUTTER), 0)
    return Columns(moment, value, trend, complaints, name_font, value_font)


def _first_fitting(metrics: QFontMetricsF, width: float, *texts: str) -> str:
    """The first of ``texts`` that fits ``width`` (the last one when none does)."""
    return next((text for text in texts if metrics.horizontalAdvance(text) <= width), texts[-1])


class EarlyWarningWall(DataWall):
    """Moments of truth at risk, worst first. After a paint, ``row_boxes`` holds each row's rectangle,
    ``trend_boxes`` and ``complaint_boxes`` each drawn chart, and ``hidden`` how many rows did not fit.

    Each KPI line is a words line over a figures line: the badge, the KPI's name and target and the
    complaints' names at the walk-up tier above; the moment's name and the latest value at the room
    tier below them, level with the trend and the complaint bars."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.row_boxes: list[QRectF] = []
        self.trend_boxes: list[TrendBox] = []
        self.complaint_boxes: list[ComplaintBox] = []
        self.hidden = 0

    show_warnings = DataWall.show_data

    def reset_boxes(self) -> None:
        self.row_boxes, self.trend_boxes, self.complaint_boxes, self.hidden = [], [], [], 0

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data = cast(EarlyWarningData, self.data)  # draw is called only once data has been shown
        top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                          "EARLY WARNING · BEFORE CUSTOMERS COMPLAIN", "Moments of truth at risk", summary_line(data))
        margin = scale(48)
        area = QRectF(margin, top, self.width() - 2 * margin, self.height() - top - scale(32))
        if data.rows:
            self._paint_rows(painter, scale, area, data)
        else:
            self._paint_all_reliable(painter, scale, area, data)

    def _paint_all_reliable(self, painter: QPainter, scale: WallScale, area: QRectF, data: EarlyWarningData) -> None:
        box = area.adjusted(0, scale(40), 0, -scale(80))
        fill_rounded(painter, box, scale(20), SURFACE)
        if data.judged:
            text, colour = "Every moment of truth with KPIs is reliable", RELIABILITY_COLOURS["reliable"]
        else:
            text, colour = "No moment of truth has KPIs yet, so none can be judged", TEXT
        fit_wrapped_text(painter, box.adjusted(scale(80), scale(40), -scale(80), -scale(40)), text, scale, 84,
                         colour, QFont.Weight.Bold, align=Qt.AlignmentFlag.AlignCenter)

    def _paint_rows(self, painter: QPainter, scale: WallScale, area: QRectF, data: EarlyWarningData) -> None:
        head = QRectF(area.left(), area.top(), area.width(), scale(COLUMN_HEAD))
        body_top = head.bottom() + scale(4)
        room = (area.bottom() - body_top) / scale.factor
        lines, self.hidden = plan_lines(data.rows, room)
        shown = data.rows[:len(lines)]
        columns = plan_columns(scale, area.left() + scale(30), area.right() - scale(14), shown)
        self._paint_column_heads(painter, scale, head, columns, data.months)
        fixed = ROW_GAP * (len(lines) - 1) + (MORE_LINE + ROW_GAP if self.hidden else 0)
        line_units = min(MAX_LINE, (room - fixed) / sum(lines))
        y = body_top
        for row, count in zip(shown, lines):
            box = QRectF(area.left(), y, area.width(), scale(line_units) * count)
            self.row_boxes.append(box)
            self._paint_row(painter, scale, box, row, count, line_units, columns)
            y = box.bottom() + scale(ROW_GAP)
        if self.hidden:
            more = QRectF(area.left() + scale(30), y, area.width() - scale(50), scale(MORE_LINE))
            text = left_off_line(data.rows[len(lines):])
            draw_text(painter, more, text, fitted_font(scale, text, more.width(), 30, QFont.Weight.Bold), TEXT_SOFT,
                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _paint_column_heads(self, painter: QPainter, scale: WallScale, head: QRectF, columns: Columns,
                            months: tuple[str, ...]) -> None:
        """Small capitals over the columns; the months the charts cover over the trend (running left
        over the value column when the trend alone is too narrow for them)."""
        font = scale.font(MINIMUM_TEXT, QFont.Weight.Bold)
        metrics = QFontMetricsF(font)
        top = Qt.AlignmentFlag.AlignTop
        value_head = "KPI · LATEST"
        complaints = _first_fitting(metrics, head.right() - columns.complaints.left(), "COMPLAINTS IT PREDICTS",
                                    "COMPLAINTS")
        span_left = columns.value.left() + metrics.horizontalAdvance(value_head) + scale(GUTTER)
        span = _first_fitting(metrics, columns.trend.right() - span_left,
                              *(f"{_month_label(months[0], short)} – {_month_label(months[-1], short)}".upper()
                                for short in (False, True))) if months else ""
        for left, right, text, align in (
                (columns.moment.left(), columns.moment.right(), "MOMENT OF TRUTH", Qt.AlignmentFlag.AlignLeft),
                (columns.value.left(), columns.value.right(), value_head, Qt.AlignmentFlag.AlignLeft),
                (span_left, columns.trend.right(), span, Qt.AlignmentFlag.AlignRight),
                (columns.complaints.left(), head.right(), complaints, Qt.AlignmentFlag.AlignLeft)):
            draw_text(painter, QRectF(left, head.top(), right - left, head.height()), text, font, TEXT_FAINT,
                      align | top)

    def _paint_row(self, painter: QPainter, scale: WallScale, box: QRectF, row: WarningRow, count: int,
                   line_units: float, columns: Columns) -> None:
        """The badge over the moment's name on the left (in the first line), one KPI per line on the right."""
        colour = reliability_colour(row.reliability)
        fill_rounded(painter, box, scale(12), SURFACE)
        painter.fillRect(QRectF(box.left(), box.top(), scale(10), box.height()), colour)
        line = scale(line_units)
        moment = columns.moment
        strip, figures = self._strip_and_figures(scale, QRectF(box.left(), box.top(), box.width(), line))
        chip_font = scale.font(MINIMUM_TEXT, QFont.Weight.Bold)
        label = reliability_label(row.reliability).upper()  # its shape and word: never colour alone
        chip_width = QFontMetricsF(chip_font).horizontalAdvance(label) + scale(36)
        chip_top = strip.top() + (strip.height() - QFontMetricsF(chip_font).height() - scale(12)) / 2
        chip = draw_chip(painter, moment.left() + chip_width, chip_top, label, chip_font, colour, scale)
        more = len(row.kpis) - count
        detail = QRectF(chip.right() + scale(16), strip.top(), moment.right() - chip.right() - scale(16),
                        strip.height())
        if more > 0:  # said at the end of the badge line: the KPIs the wall had no line for
            note = f"+{more} more KPI{'s' if more > 1 else ''}"
            used = draw_text(painter, detail, note, scale.font(MINIMUM_TEXT), TEXT_FAINT,
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            detail.setRight(detail.right() - used.width() - scale(16))
        run = f"{row.periods_unreliable} months in a row" if row.periods_unreliable > 1 else ""
        self._paint_run_and_stage(painter, scale, detail, run, row.stage, colour)
        draw_text(painter, QRectF(moment.left(), figures.top(), moment.width(), figures.height()), row.moment,
                  columns.name_font, TEXT, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for index, kpi in enumerate(row.kpis[:count]):
            band = QRectF(box.left(), box.top() + index * line, box.width(), line)
            if index:  # a dark rule between one KPI and the next
                painter.fillRect(QRectF(moment.right() + scale(GUTTER / 2), band.top() - scale(1.5),
                                        box.right() - moment.right() - scale(GUTTER / 2), scale(3)), BACKGROUND)
            self._paint_kpi(painter, scale, band, kpi, columns)

    @staticmethod
    def _strip_and_figures(scale: WallScale, band: QRectF) -> tuple[QRectF, QRectF]:
        """A KPI line's words line and, under it, its figures line (as tall as the line allows)."""
        strip = QRectF(band.left(), band.top() + scale(PAD), band.width(), scale(STRIP))
        figures = QRectF(band.left(), strip.bottom() + scale(6), band.width(), 0)
        figures.setBottom(band.bottom() - scale(PAD))
        return strip, figures

    def _paint_run_and_stage(self, painter: QPainter, scale: WallScale, rect: QRectF, run: str, stage: str,
                             colour: QColor) -> None:
        """After the badge: '12 months in a row · I need help' (so it reads "UNRELIABLE 12 months in a
        row"). The run is the news and keeps its room; the stage name is shortened if it must be."""
        centre = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        left = rect.left()
        if run:
            used = draw_text(painter, rect, run, scale.font(MINIMUM_TEXT, QFont.Weight.Bold), colour, centre)
            left = used.right() + scale(12)
            stage = f"· {stage}"
        if rect.right() - left > scale(40):
            draw_text(painter, QRectF(left, rect.top(), rect.right() - left, rect.height()), stage,
                      scale.font(MINIMUM_TEXT), TEXT_SOFT, centre)

    def _paint_kpi(self, painter: QPainter, scale: WallScale, band: QRectF, kpi: KpiLine, columns: Columns) -> None:
        """The KPI's name and target over its latest value and trend; the complaints it predicts beside."""
        strip, figures = self._strip_and_figures(scale, band)
        name_font = scale.font(MINIMUM_TEXT)
        target = f"- - target {format_value(kpi.target, kpi.unit)}"
        target_width = QFontMetricsF(name_font).horizontalAdvance(target)
        centre = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        value, trend = columns.value, columns.trend
        name_right = trend.right() - target_width - scale(20)
        draw_text(painter, QRectF(value.left(), strip.top(), name_right - value.left(), strip.height()), kpi.name,
                  name_font, TEXT, centre)
        draw_text(painter, QRectF(trend.right() - target_width, strip.top(), target_width, strip.height()), target,
                  name_font, TEXT_SOFT, centre)
        draw_text(painter, QRectF(value.left(), figures.top(), value.width(), figures.height()),
                  format_value(kpi.latest, kpi.unit), columns.value_font, reliability_colour(kpi.reliability), centre)
        self.trend_boxes.append(
            paint_trend(painter, scale, QRectF(trend.left(), figures.top(), trend.width(), figures.height()), kpi))
        self.complaint_boxes += paint_complaints(
            painter, scale, QRectF(columns.complaints.left(), strip.top(), columns.complaints.width(),
                                   figures.bottom() - strip.top()), kpi, strip.height())
