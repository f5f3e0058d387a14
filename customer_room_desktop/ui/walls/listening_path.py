"""The listening path: where complaints come in from and where in the journey they land, month by month.

Two parts share one wall, so that a month reads straight down it. On top, a heat map of journey
stages (rows) against months (columns), each cell shaded from dark to bright by its count and
carrying that count, with each stage's total at the right; the stage names and totals are read from
the seats, at the room tier. Under it, the listening sources as stacked bars in the same month
columns, with their legend.

The wall shows the latest months whose cells can carry their numbers, and at most the stages whose
names fit at the room tier (the quietest go first); the kicker says what was left off.

Everything is drawn with QPainter from the already-aggregated ``ListeningPathData``: one paint
is a few hundred rectangles and labels, whatever the number of complaints behind them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...domain.legibility import Tier
from ...services.board_data import ListeningPathData
from ...services.painting import painting
from ...services.wall_data import Branding
from .heat_colours import heat_colour, ink_on
from .listening_fit import MONTH_NAMES, busiest_stages, latest_months, left_off, months_span
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, ROOM_TEXT, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_text, logo_image,
    shorten_at_word,
)

SOURCE_COLOURS = tuple(QColor(c) for c in (
    "#4FC3F7", "#FFC845", "#C792EA", "#3DDC84", "#FF9E64", "#F07178", "#B0BEC5", "#7986CB"))
OTHER_SOURCES = "Other sources"  # what the sources beyond the palette are gathered into
OTHER_COLOUR = QColor("#5E6E7C")  # a darker slate, apart from every palette colour
LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
MIDDLE, CENTRE = Qt.AlignmentFlag.AlignVCenter, Qt.AlignmentFlag.AlignCenter
ROW_MIN, ROW_MAX = 75, 86  # wall units a stage row takes: one line of room-tier text, and some air
TITLE_LINE = 40  # the line over the heat map: its title, the years, "IN ALL"
LEGEND_LINE = 32  # a source in the legend; the legend runs in two columns
MONTH_LINE = 36  # the month names under the bars
GAP = 22


def _nice_step(most: int) -> int:
    """A round gridline step (1, 2 or 5 times a power of ten) giving two or three lines below ``most``."""
    power = 10 ** max(0, int(math.log10(max(most, 1))) - 1)
    for factor in (1, 2, 5, 10, 20, 50):
        if most / (factor * power) <= 3:
            return factor * power
    return 100 * power


class ListeningPathWall(QWidget):
    """Complaints by stage and month, and by source and month.

    After a paint, ``shown`` is the part of the data the wall had room for, ``cell_boxes[stage][month]``,
    ``total_boxes``, ``bar_boxes`` (one per month), ``legend_boxes``, ``label_boxes`` (every month and
    year label) and ``header`` (kicker, title, subtitle) hold what was drawn where.
    """

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.data: ListeningPathData | None = None
        self.shown: ListeningPathData | None = None
        self._logo = logo_image(branding.logo)
        self.header: tuple[str, str, str] = ("", "", "")
        self._forget_layout()

    def _forget_layout(self) -> None:
        self.cell_boxes: list[list[QRectF]] = []
        self.total_boxes: list[QRectF] = []
        self.bar_boxes: list[QRectF] = []
        self.legend_boxes: list[QRectF] = []
        self.label_boxes: list[QRectF] = []

    def show_listening(self, data: ListeningPathData) -> None:
        self.data = data
        self.update()

    show_data = show_listening  # the name every data wall answers to (the live room calls it)

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:  # the painter is always ended, even if a figure trips the drawing
            painter.fillRect(self.rect(), BACKGROUND)
            self._forget_layout()
            if self.data is not None and self.data.months:
                self._paint(painter, self.data)

    def _paint(self, painter: QPainter, whole: ListeningPathData) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        s = WallScale(self.height())
        margin = s(48)
        names = QFontMetricsF(s.font(ROOM_TEXT, tier=Tier.ROOM))
        label_width = min(self.width() * 0.36, max(map(names.horizontalAdvance, whole.stages), default=0) + s(24))
        left = margin + label_width + s(16)
        shown = whole
        for _ in range(4):  # the totals' column is as wide as the months shown make it: settles in a step or two
            total_width = _totals_width(s, shown)
            right = self.width() - margin - total_width - s(24)
            fitted, shown = shown, latest_months(whole, max(1, int((right - left) // _least_column(s, whole))))
            if fitted.months == shown.months:
                break
        sources = self._sources(shown)
        bottom = self.height() - s(24) - s(MONTH_LINE)
        sources_height = s(36) + math.ceil(len(sources) / 2) * s(LEGEND_LINE)
        heat_top = _header_bottom(s) + s(TITLE_LINE)
        room = bottom - s(GAP) - sources_height - heat_top
        self.shown = shown = busiest_stages(shown, max(1, int(room // s(ROW_MIN))))
        self._paint_header(painter, s, whole, shown)  # the header counts what the wall shows, and says what it left off
        row = min(s(ROW_MAX), room / max(1, len(shown.stages)))
        column = (right - left) / len(shown.months)
        heat = QRectF(margin, heat_top, label_width, row * len(shown.stages))
        self._paint_heat_map(painter, s, shown, heat, left, column, QRectF(right + s(24), heat_top, total_width,
                                                                           heat.height()))
        self._paint_years(painter, s, shown.months, left, column, heat_top - s(TITLE_LINE))
        sources_top = heat.bottom() + s(GAP)
        self._paint_sources(painter, s, sources, QRectF(margin, sources_top, label_width, bottom - sources_top), left,
                            column, right + s(24) + total_width)
        self._paint_month_labels(painter, s, shown.months, left, column, bottom + s(4))

    def _paint_header(self, painter: QPainter, s: WallScale, whole: ListeningPathData,
                      shown: ListeningPathData) -> None:
        """The complaints the wall shows and over which months; the kicker says what was left off."""
        period = months_span(shown.months)
        count = f"{shown.total:,} complaint{'' if shown.total == 1 else 's'}"
        notes = left_off(whole, shown)
        kicker = "THE LISTENING PATH · " + ("; ".join(notes).upper() if notes else
                                            "WHERE COMPLAINTS COME IN AND WHERE THEY LAND")
        title = f"{count}, {period}"
        if QFontMetricsF(s.font(64, QFont.Weight.Bold)).horizontalAdvance(title) > self.width() - s(440):
            kicker, title = f"THE LISTENING PATH · {period.upper()}", count  # the period moves up, whole
        self.header = (kicker, title, self._summary(shown))
        draw_header(painter, self.width(), s, self.branding, self._logo, *self.header)

    @staticmethod
    def _summary(data: ListeningPathData) -> str:
        if data.total <= 0:
            return "No complaints came in during these months"
        stage = max(range(len(data.stages)), key=lambda n: data.stage_totals[n])
        source = max(range(len(data.sources)), key=lambda n: data.source_totals[n])
        where = "have no stage" if data.stages[stage] == "No stage" else f"land in {data.stages[stage]}"
        return (f"Most {where} ({data.stage_totals[stage]:,}); most come in by "
                f"{data.sources[source]} ({data.source_totals[source]:,})")

    @staticmethod
    def _sources(data: ListeningPathData) -> list[tuple[str, int, tuple[int, ...], QColor]]:
        """(name, total, monthly counts, colour), most first; sources beyond the palette are gathered."""
        rows = [(n, t, c, SOURCE_COLOURS[i % len(SOURCE_COLOURS)]) for i, (n, t, c) in
                enumerate(zip(data.sources, data.source_totals, data.by_source))]
        if len(rows) > len(SOURCE_COLOURS):
            rest = rows[len(SOURCE_COLOURS) - 1:]
            rows = rows[:len(SOURCE_COLOURS) - 1] + [
                (OTHER_SOURCES, sum(r[1] for r in rest), tuple(map(sum, zip(*(r[2] for r in rest)))), OTHER_COLOUR)]
        return rows

    def _paint_heat_map(self, painter: QPainter, s: WallScale, data: ListeningPathData, labels: QRectF, left: float,
                        column: float, totals: QRectF) -> None:
        """Stage names and totals at the room tier; each cell its shade and its count."""
        brand = self.branding.brand_colour
        title_font = s.font(MINIMUM_TEXT, QFont.Weight.Bold)
        draw_text(painter, QRectF(labels.left(), labels.top() - s(TITLE_LINE), labels.width(), s(34)),
                  "WHERE IN THE JOURNEY", title_font, TEXT_FAINT)
        draw_text(painter, QRectF(totals.left(), totals.top() - s(TITLE_LINE), totals.width(), s(34)), "IN ALL",
                  title_font, TEXT_FAINT, RIGHT | Qt.AlignmentFlag.AlignTop)
        row = labels.height() / max(1, len(data.stages))
        name_font = s.font(ROOM_TEXT, tier=Tier.ROOM)
        total_font = s.font(ROOM_TEXT, QFont.Weight.Bold, tier=Tier.ROOM)
        most = max((c for counts in data.by_stage for c in counts), default=0)
        pad = max(1.0, min(s(4), column * 0.08))
        count_font = _common_font(s, [f"{most:,}"], column - 2 * pad - s(6), min(30, row / s.factor * 0.42),
                                  QFont.Weight.Bold)
        show_counts = QFontMetricsF(count_font).horizontalAdvance(f"{most:,}") <= column - 2 * pad - s(6)
        biggest = max(data.stage_totals, default=0)
        name_metrics = QFontMetricsF(name_font)
        for index, (stage, counts) in enumerate(zip(data.stages, data.by_stage)):
            y = labels.top() + index * row
            colour = TEXT_FAINT if stage == "No stage" else TEXT
            draw_text(painter, QRectF(labels.left(), y, labels.width() - s(12), row),
                      shorten_at_word(name_metrics, stage, labels.width() - s(12)), name_font, colour, LEFT | MIDDLE)
            boxes = []
            for month, count in enumerate(counts):
                box = QRectF(round(left + month * column + pad), round(y + pad),
                             round(left + (month + 1) * column - pad) - round(left + month * column + pad),
                             round(y + row - pad) - round(y + pad))
                fill = heat_colour(count, most, brand)
                painter.fillRect(box, fill)
                boxes.append(box)
                if show_counts:
                    draw_text(painter, box, f"{count:,}", count_font, ink_on(fill), CENTRE)
            self.cell_boxes.append(boxes)
            total = data.stage_totals[index]
            box = QRectF(totals.left(), y, totals.width(), row)
            self.total_boxes.append(box)
            draw_text(painter, box.adjusted(0, 0, 0, -s(6)), f"{total:,}", total_font, colour, RIGHT | MIDDLE)
            gauge = QRectF(totals.left(), round(y + row - pad - s(6)), totals.width(), max(2, round(s(6))))
            painter.fillRect(gauge, SURFACE)  # a gauge under the number: the busiest stage fills it
            if biggest > 0 and total > 0:
                length = round(max(s(4), totals.width() * total / biggest))
                painter.fillRect(QRectF(round(totals.right()) - length, gauge.top(), length, gauge.height()),
                                 QColor(brand))

    def _paint_sources(self, painter: QPainter, s: WallScale, sources: list[tuple[str, int, tuple[int, ...], QColor]],
                       legend: QRectF, left: float, column: float, right: float) -> None:
        """The legend (each source and its total, in two columns) beside stacked bars in the month columns."""
        draw_text(painter, QRectF(legend.left(), legend.top(), legend.width(), s(34)), "WHERE THEY COME IN",
                  s.font(MINIMUM_TEXT, QFont.Weight.Bold), TEXT_FAINT)
        swatch, gutter = s(22), s(28)
        font, bold = s.font(MINIMUM_TEXT), s.font(MINIMUM_TEXT, QFont.Weight.Bold)
        lines = math.ceil(len(sources) / 2)
        halves = [sources[:lines], sources[lines:]]
        needs = [max((QFontMetricsF(font).horizontalAdvance(n) + s(16) + QFontMetricsF(bold).horizontalAdvance(f"{t:,}")
                      for n, t, _, _ in half), default=0) + swatch + s(10) for half in halves]
        widths = needs if sum(needs) + gutter <= legend.width() else [(legend.width() - gutter) / 2] * 2
        for index, (name, total, _, colour) in enumerate(sources):
            half = index // lines
            box = QRectF(legend.left() + half * (widths[0] + gutter), legend.top() + s(36) + (index % lines)
                         * s(LEGEND_LINE), widths[half], s(LEGEND_LINE))
            self.legend_boxes.append(box)
            painter.fillRect(QRectF(box.left(), box.center().y() - swatch / 2, swatch, swatch), colour)
            number_width = QFontMetricsF(bold).horizontalAdvance(f"{total:,}")
            name_left = box.left() + swatch + s(10)
            draw_text(painter, QRectF(name_left, box.top(), box.right() - number_width - s(16) - name_left,
                                      box.height()), name, font, TEXT, LEFT | MIDDLE)
            draw_text(painter, box, f"{total:,}", bold, TEXT, RIGHT | MIDDLE)
        monthly = [sum(counts) for counts in zip(*(c for _, _, c, _ in sources))]
        most = max(monthly, default=0)
        total_font = s.font(MINIMUM_TEXT, QFont.Weight.Bold)
        label_height = QFontMetricsF(total_font).height()
        show_totals = QFontMetricsF(total_font).horizontalAdvance(f"{most:,}") <= column - s(4)
        area = QRectF(left, legend.top() + (label_height + s(4) if show_totals else s(8)), right - left, 0)
        area.setBottom(legend.bottom())
        if most <= 0:
            draw_text(painter, area, "No complaints in these months", s.font(30), TEXT_SOFT, CENTRE)
            return
        per = area.height() / most
        step = _nice_step(most)
        for value in range(step, most + 1, step):  # faint gridlines, labelled in the totals column
            y = round(area.bottom() - value * per)
            painter.fillRect(QRectF(left, y, right - left - s(150), max(1, round(s(2)))), SURFACE)
            draw_text(painter, QRectF(right - s(140), y - s(16), s(140), s(32)), f"{value:,}", s.font(MINIMUM_TEXT),
                      TEXT_FAINT, RIGHT | MIDDLE)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, exact-colour segments
        width = max(1.0, column * 0.64)
        for month, month_total in enumerate(monthly):
            x = round(left + month * column + (column - width) / 2)
            bar = QRectF(x, round(area.bottom() - month_total * per), round(width), round(month_total * per))
            self.bar_boxes.append(bar)
            below = 0
            for _, _, counts, colour in sources:
                start, below = round(area.bottom() - below * per), below + counts[month]
                end = round(area.bottom() - below * per)
                if start > end:
                    painter.fillRect(QRectF(x, end, round(width), start - end), colour)
            if show_totals and month_total:
                draw_text(painter, QRectF(left + month * column, bar.top() - label_height - s(2), column, label_height),
                          f"{month_total:,}", total_font, TEXT_SOFT, CENTRE)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_month_labels(self, painter: QPainter, s: WallScale, months: tuple[str, ...], left: float,
                            column: float, top: float) -> None:
        """'Nov' under each month's bar when the columns allow, else 'N'."""
        font = s.font(26, QFont.Weight.Bold)
        metrics = QFontMetricsF(font)
        short = max(metrics.horizontalAdvance(name) for name in MONTH_NAMES) > column - s(6)
        for index, month in enumerate(months):
            name = MONTH_NAMES[int(month[5:7]) - 1]
            text = name[0] if short else name
            width = metrics.horizontalAdvance(text)
            box = QRectF(left + index * column + (column - width) / 2, top, width, metrics.height())
            draw_text(painter, box, text, font, TEXT_SOFT, CENTRE)
            self.label_boxes.append(box)

    def _paint_years(self, painter: QPainter, s: WallScale, months: tuple[str, ...], left: float, column: float,
                     top: float) -> None:
        """Over the heat map, each year at its first month (the first shown, and each January), with a
        mark down to the cells; a year that would run into the next year's mark is left out."""
        font = s.font(MINIMUM_TEXT, QFont.Weight.Bold)
        metrics = QFontMetricsF(font)
        starts = [i for i, m in enumerate(months) if i == 0 or m.endswith("-01")]
        for position, index in enumerate(starts):
            room = (starts[position + 1] - index if position + 1 < len(starts) else len(months) - index) * column
            fitting = [t for t in (months[index][:4], f"’{months[index][2:4]}")
                       if metrics.horizontalAdvance(t) + s(20) <= room]
            if not fitting:
                continue
            box = QRectF(left + index * column + s(10), top, metrics.horizontalAdvance(fitting[0]), s(34))
            painter.fillRect(QRectF(left + index * column, top + s(4), max(1, round(s(2))), s(TITLE_LINE) - s(4)),
                             TEXT_FAINT)
            draw_text(painter, box, fitting[0], font, TEXT_FAINT)
            self.label_boxes.append(box)


def _totals_width(s: WallScale, data: ListeningPathData) -> float:
    """The stage totals' column: as wide as the biggest total at the room tier."""
    biggest = f"{max(data.stage_totals, default=0):,}"
    return max(s(140), QFontMetricsF(s.font(ROOM_TEXT, QFont.Weight.Bold, tier=Tier.ROOM)).horizontalAdvance(biggest))


def _least_column(s: WallScale, data: ListeningPathData) -> float:
    """The narrowest month column whose cells still carry their counts at the walk-up tier."""
    most = max((c for counts in data.by_stage for c in counts), default=0)
    return QFontMetricsF(s.font(MINIMUM_TEXT, QFont.Weight.Bold)).horizontalAdvance(f"{most:,}") + s(16)


def _header_bottom(s: WallScale) -> float:
    """Where ``draw_header`` ends (its title line and the subtitle under it), to lay out before painting it."""
    return s(58) + QFontMetricsF(s.font(64, QFont.Weight.Bold)).height() + s(50)


def _common_font(s: WallScale, texts, width: float, units: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """One size for a set of labels: the largest up to ``units`` (not below the wall minimum) where all fit."""
    size = max(units, MINIMUM_TEXT)
    while size > MINIMUM_TEXT:
        metrics = QFontMetricsF(s.font(size, weight))
        if all(metrics.horizontalAdvance(text) <= width for text in texts):
            break
        size -= 1
    return s.font(size, weight)
