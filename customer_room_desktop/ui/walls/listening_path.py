"""The listening path: where complaints come in from and where in the journey they land, month by month.

Three parts share one wall. On the left, a heat map of journey stages (rows) against months
(columns), each cell shaded from dark to bright by its count, with each stage's total at the
right; under it, the listening sources as stacked bars in the same month columns, so a month
reads straight down the wall; on the right, the top complaint categories.

Everything is drawn with QPainter from the already-aggregated ``ListeningPathData``: one paint
is a few hundred rectangles and labels, whatever the number of complaints behind them.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...services.board_data import ListeningPathData
from ...services.painting import painting
from ...services.wall_data import Branding
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_text, fill_rounded,
    fit_wrapped_text, logo_image,
)

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ZERO_COLOUR = SURFACE_HIGH  # a month with no complaints in a stage: drawn, but barely above the background
HOT_COLOUR = QColor("#FFE49A")  # the top of the heat ramp: a warm, near-white yellow
SOURCE_COLOURS = tuple(QColor(c) for c in (
    "#4FC3F7", "#FFC845", "#C792EA", "#3DDC84", "#FF9E64", "#F07178", "#B0BEC5", "#7986CB"))
OTHER_SOURCES = "Other sources"  # what the sources beyond the palette are gathered into
OTHER_COLOUR = QColor("#5E6E7C")  # a darker slate, apart from every palette colour
LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
MIDDLE, CENTRE = Qt.AlignmentFlag.AlignVCenter, Qt.AlignmentFlag.AlignCenter


def month_label(month: str) -> str:
    """'2025-11' reads as 'Nov 2025'."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _mix(matrix: tuple[tuple[float, float, float], ...], v) -> tuple[float, ...]:
    return tuple(sum(m * x for m, x in zip(row, v)) for row in matrix)


_TO_LMS = ((0.4122214708, 0.5363325363, 0.0514459929), (0.2119034982, 0.6806995451, 0.1073969566),
           (0.0883024619, 0.2817188376, 0.6299787005))
_LMS_TO_LAB = ((0.2104542553, 0.7936177850, -0.0040720468), (1.9779984951, -2.4285922050, 0.4505937099),
               (0.0259040371, 0.7827717662, -0.8086757660))
_LAB_TO_LMS = ((1, 0.3963377774, 0.2158037573), (1, -0.1055613458, -0.0638541728), (1, -0.0894841894, -1.2914855480))
_FROM_LMS = ((4.0767416621, -3.3077115913, 0.2309699292), (-1.2684380046, 2.6097574011, -0.3413193965),
             (-0.0041960863, -0.7034186147, 1.7076147010))


def _oklab(colour: QColor) -> tuple[float, ...]:
    """OKLab (Björn Ottosson's published matrices): a colour space where distances match what eyes see."""
    lms = _mix(_TO_LMS, [_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF())])
    return _mix(_LMS_TO_LAB, [math.copysign(abs(v) ** (1 / 3), v) for v in lms])


def _from_oklab(lab) -> QColor:
    rgb = [min(1.0, max(0.0, c)) for c in _mix(_FROM_LMS, [v ** 3 for v in _mix(_LAB_TO_LMS, lab)])]
    return QColor(*(round(255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)) for c in rgb))


@lru_cache(maxsize=8)
def heat_ramp(brand: str) -> tuple[QColor, ...]:
    """256 colours from dark brand to brand to warm near-white, mixed in OKLab so that equal steps
    look equal. The brand's lightness is held mid-way so lightness always rises with the count."""
    zero, mid, hot = _oklab(ZERO_COLOUR), _oklab(QColor(brand)), _oklab(HOT_COLOUR)
    dark = tuple(z + (b - z) * 0.35 for z, b in zip(zero, mid))
    dark = (max(dark[0], 0.36),) + dark[1:]  # the quietest non-zero cell stands clear of zero
    mid = (min(0.74, max(0.58, mid[0])),) + mid[1:]
    colours = []
    for step in range(256):
        t = step / 255
        start, end, f = (dark, mid, t / 0.55) if t < 0.55 else (mid, hot, (t - 0.55) / 0.45)
        colours.append(_from_oklab([a + (b - a) * f for a, b in zip(start, end)]))
    return tuple(colours)


def heat_colour(count: int, most: int, brand: str) -> QColor:
    """A cell's shade, in proportion to its count: the hot spots are what the room must see."""
    if count <= 0 or most <= 0:
        return ZERO_COLOUR
    return heat_ramp(brand)[round(255 * min(count, most) / most)]


def ink_on(fill: QColor) -> QColor:
    """Light or dark text, whichever contrasts more with ``fill`` (WCAG contrast ratio)."""
    def luminance(c: QColor) -> float:
        return sum(w * _linear(v) for w, v in zip((0.2126, 0.7152, 0.0722), (c.redF(), c.greenF(), c.blueF())))
    y = luminance(fill)
    return TEXT if (luminance(TEXT) + 0.05) / (y + 0.05) >= (y + 0.05) / (luminance(BACKGROUND) + 0.05) else BACKGROUND


def _nice_step(most: int) -> int:
    """A round gridline step (1, 2 or 5 times a power of ten) giving two or three lines below ``most``."""
    power = 10 ** max(0, int(math.log10(max(most, 1))) - 1)
    for factor in (1, 2, 5, 10, 20, 50):
        if most / (factor * power) <= 3:
            return factor * power
    return 100 * power


class ListeningPathWall(QWidget):
    """Complaints by stage and month, by source and month, and the top categories.

    After a paint, ``cell_boxes[stage][month]``, ``total_boxes``, ``bar_boxes`` (one per month),
    ``legend_boxes``, ``label_boxes`` (every month and year label) and ``header`` (kicker, title,
    subtitle) hold what was drawn where.
    """

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.data: ListeningPathData | None = None
        self._logo = logo_image(branding.logo)
        self.header: tuple[str, str, str] = ("", "", "")
        self._forget_layout()

    def _forget_layout(self) -> None:
        self.cell_boxes: list[list[QRectF]] = []
        self.total_boxes, self.bar_boxes, self.legend_boxes, self.label_boxes = [], [], [], []

    def show_listening(self, data: ListeningPathData) -> None:
        self.data = data
        self.update()

    show_data = show_listening  # the name every data wall answers to (the live room calls it)

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:  # the painter is always ended, even if a figure trips the drawing
            painter.fillRect(self.rect(), BACKGROUND)
            self._forget_layout()
            if self.data is not None and self.data.months:
                self._paint(painter)

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        s = WallScale(self.height())
        data = self.data
        months = data.months
        period = f"{month_label(months[0])} to {month_label(months[-1])}" if len(months) > 1 else month_label(months[0])
        count = f"{data.total:,} complaint{'' if data.total == 1 else 's'}"
        kicker, title = "THE LISTENING PATH · WHERE COMPLAINTS COME IN AND WHERE THEY LAND", f"{count}, {period}"
        if QFontMetricsF(s.font(64, QFont.Weight.Bold)).horizontalAdvance(title) > self.width() - s(440):
            kicker, title = f"THE LISTENING PATH · {period.upper()}", count  # the period moves up, whole
        self.header = (kicker, title, self._summary())
        top = draw_header(painter, self.width(), s, self.branding, self._logo, *self.header)
        margin = s(48)
        panel_width = max(s(380), self.width() * 0.22)
        self._paint_categories(painter, s, QRectF(self.width() - margin - panel_width, top, panel_width,
                                                  self.height() - top - s(30)))
        label_width, total_width = max(s(320), self.width() * 0.19), s(150)
        grid = QRectF(margin + label_width + s(16), 0, 0, 0)
        grid.setRight(self.width() - margin - panel_width - s(40) - total_width - s(16))
        column = grid.width() / len(months)
        # vertical budget: heat map title and rows, a gap, the sources block, month labels at the bottom
        bottom = self.height() - s(30) - s(66)
        legend_need = max(s(200), len(self._sources()) * s(40)) + s(40)
        heat_height = max(s(40), min(len(data.stages) * s(76), bottom - top - s(40) - s(28) - legend_need))
        heat_top = top + s(40)
        self._paint_heat_map(painter, s, QRectF(margin, heat_top, label_width, heat_height), grid.left(), column,
                             QRectF(grid.right() + s(16), heat_top, total_width, heat_height))
        bars_top = heat_top + heat_height + s(28)
        self._paint_sources(painter, s, QRectF(margin, bars_top, label_width, bottom - bars_top), grid.left(), column,
                            grid.right() + s(16) + total_width)
        self._paint_month_labels(painter, s, grid.left(), column, bottom + s(6))

    def _summary(self) -> str:
        data = self.data
        if data.total <= 0:
            return "No complaints came in during these months"
        stage = max(range(len(data.stages)), key=lambda n: data.stage_totals[n])
        where = "have no stage" if data.stages[stage] == "No stage" else f"land in {data.stages[stage]}"
        return (f"Most {where} ({data.stage_totals[stage]:,}); most come in by "
                f"{data.sources[0]} ({data.source_totals[0]:,})")

    def _sources(self) -> list[tuple[str, int, tuple[int, ...], QColor]]:
        """(name, total, monthly counts, colour), most first; sources beyond the palette are gathered."""
        rows = [(n, t, c, SOURCE_COLOURS[i % len(SOURCE_COLOURS)]) for i, (n, t, c) in
                enumerate(zip(self.data.sources, self.data.source_totals, self.data.by_source))]
        if len(rows) > len(SOURCE_COLOURS):
            rest = rows[len(SOURCE_COLOURS) - 1:]
            rows = rows[:len(SOURCE_COLOURS) - 1] + [
                (OTHER_SOURCES, sum(r[1] for r in rest), tuple(map(sum, zip(*(r[2] for r in rest)))), OTHER_COLOUR)]
        return rows

    def _paint_heat_map(self, painter: QPainter, s: WallScale, labels: QRectF, left: float, column: float,
                        totals: QRectF) -> None:
        data = self.data
        brand = self.branding.brand_colour
        draw_text(painter, QRectF(labels.left(), labels.top() - s(40), labels.width(), s(34)),
                  "WHERE IN THE JOURNEY", s.font(24, QFont.Weight.Bold), TEXT_FAINT)
        draw_text(painter, QRectF(totals.left(), totals.top() - s(40), totals.width(), s(34)), "IN ALL",
                  s.font(24, QFont.Weight.Bold), TEXT_FAINT, RIGHT | Qt.AlignmentFlag.AlignTop)
        row = labels.height() / max(1, len(data.stages))
        units = row / s.factor
        name_font = _common_font(s, data.stages, labels.width() - s(12), min(32, max(MINIMUM_TEXT, units * 0.5)))
        most = max((c for counts in data.by_stage for c in counts), default=0)
        pad = max(1.0, min(s(4), column * 0.08))
        count_font = _common_font(s, [f"{most:,}"], column - 2 * pad - s(6), min(30, units * 0.45), QFont.Weight.Bold)
        show_counts = QFontMetricsF(count_font).horizontalAdvance(f"{most:,}") <= column - 2 * pad - s(6) \
            and units * 0.45 >= MINIMUM_TEXT
        total_font = _common_font(s, [f"{max(data.stage_totals, default=0):,}"], totals.width(),
                                  min(46, units * 0.62), QFont.Weight.Bold)
        biggest = max(data.stage_totals, default=0)
        for index, (stage, counts) in enumerate(zip(data.stages, data.by_stage)):
            y = labels.top() + index * row
            colour = TEXT_FAINT if stage == "No stage" else TEXT
            draw_text(painter, QRectF(labels.left(), y, labels.width() - s(12), row), stage, name_font, colour,
                      LEFT | MIDDLE)
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

    def _paint_sources(self, painter: QPainter, s: WallScale, legend: QRectF, left: float, column: float,
                       right: float) -> None:
        """The legend (each source and its total) in the label column; stacked bars in the month columns."""
        draw_text(painter, QRectF(legend.left(), legend.top(), legend.width(), s(34)), "WHERE THEY COME IN",
                  s.font(24, QFont.Weight.Bold), TEXT_FAINT)
        sources = self._sources()
        line = min(s(44), (legend.height() - s(40)) / max(1, len(sources)))
        swatch = min(s(24), line * 0.7)
        widest = f"{max((t for _, t, _, _ in sources), default=0):,}"
        units = min(28, max(MINIMUM_TEXT, line / s.factor * 0.7))
        while True:  # names and totals shrink together until every name fits beside its total
            font, bold = s.font(units), s.font(units, QFont.Weight.Bold)
            number_width = QFontMetricsF(bold).horizontalAdvance(widest)
            name_width = legend.width() - s(12) - swatch - s(10) - s(16) - number_width
            names = QFontMetricsF(font)
            if units <= MINIMUM_TEXT or all(names.horizontalAdvance(n) <= name_width for n, _, _, _ in sources):
                break
            units -= 1
        for index, (name, total, _, colour) in enumerate(sources):
            box = QRectF(legend.left(), legend.top() + s(40) + index * line, legend.width() - s(12), line)
            self.legend_boxes.append(box)
            painter.fillRect(QRectF(box.left(), box.center().y() - swatch / 2, swatch, swatch), colour)
            draw_text(painter, QRectF(box.left() + swatch + s(10), box.top(), name_width, line), name, font, TEXT,
                      LEFT | MIDDLE)
            draw_text(painter, box, f"{total:,}", bold, TEXT, RIGHT | MIDDLE)
        monthly = [sum(counts) for counts in zip(*(c for _, _, c, _ in sources))] or [0] * len(self.data.months)
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

    def _paint_month_labels(self, painter: QPainter, s: WallScale, left: float, column: float, top: float) -> None:
        """'Nov' when the columns allow, else 'N'; the year under the first month and each January,
        unless it would run into the next year's mark."""
        months = self.data.months
        font = s.font(26, QFont.Weight.Bold)
        metrics = QFontMetricsF(font)
        short = max(metrics.horizontalAdvance(name) for name in MONTH_NAMES) > column - s(6)
        height = metrics.height()
        for index, month in enumerate(months):
            name = MONTH_NAMES[int(month[5:7]) - 1]
            text = name[0] if short else name
            width = metrics.horizontalAdvance(text)
            box = QRectF(left + index * column + (column - width) / 2, top, width, height)
            draw_text(painter, box, text, font, TEXT_SOFT, CENTRE)
            self.label_boxes.append(box)
        year_font = s.font(24)
        year_metrics = QFontMetricsF(year_font)
        starts = [i for i, m in enumerate(months) if i == 0 or m.endswith("-01")]
        for position, index in enumerate(starts):
            room = (starts[position + 1] - index if position + 1 < len(starts) else len(months) - index) * column
            fitting = [t for t in (months[index][:4], f"’{months[index][2:4]}")
                       if year_metrics.horizontalAdvance(t) + s(20) <= room]
            if not fitting:
                continue
            box = QRectF(left + index * column + s(8), top + height, year_metrics.horizontalAdvance(fitting[0]),
                         year_metrics.height())
            painter.fillRect(QRectF(left + index * column, top + s(2), max(1, round(s(2))), height * 2 - s(4)),
                             TEXT_FAINT)
            draw_text(painter, box, fitting[0], year_font, TEXT_FAINT)
            self.label_boxes.append(box)

    def _paint_categories(self, painter: QPainter, s: WallScale, panel: QRectF) -> None:
        """The top complaint categories: the name above, then its count in big numerals beside a bar
        measured against the first. Counts get the full width, so six figures stay large."""
        fill_rounded(painter, panel, s(14), SURFACE)
        inner = panel.adjusted(s(28), s(22), -s(28), -s(22))
        draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), s(34)), "TOP CATEGORIES",
                  s.font(24, QFont.Weight.Bold), TEXT_FAINT)
        items = self.data.top_categories[:6]
        if not items:
            draw_text(painter, inner.adjusted(0, s(50), 0, 0), "No categories recorded", s.font(28), TEXT_SOFT,
                      wrap=True)
            return
        height = min(s(180), (inner.height() - s(50)) / len(items))
        most = max(count for _, count in items) or 1
        number_font = _common_font(s, [f"{most:,}"], inner.width() * 0.55, min(48, height / s.factor * 0.32),
                                   QFont.Weight.Bold)
        number_metrics = QFontMetricsF(number_font)
        number_width = number_metrics.horizontalAdvance(f"{most:,}")
        for index, (category, count) in enumerate(items):
            box = QRectF(inner.left(), inner.top() + s(50) + index * height, inner.width(), height - s(18))
            line = QRectF(box.left(), box.bottom() - number_metrics.height(), box.width(), number_metrics.height())
            fit_wrapped_text(painter, QRectF(box.left(), box.top(), box.width(), line.top() - box.top()),
                             category, s, 30, TEXT, align=LEFT | Qt.AlignmentFlag.AlignBottom)
            draw_text(painter, QRectF(line.left(), line.top(), number_width, line.height()), f"{count:,}",
                      number_font, TEXT, RIGHT | MIDDLE)
            track = QRectF(line.left() + number_width + s(20), line.center().y() - s(7), 0, s(14))
            track.setRight(line.right())
            painter.fillRect(track, SURFACE_HIGH)
            painter.fillRect(QRectF(track.left(), track.top(), track.width() * count / most, track.height()),
                             QColor(self.branding.brand_colour))


def _common_font(s: WallScale, texts, width: float, units: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """One size for a set of labels: the largest up to ``units`` (not below the wall minimum) where all fit."""
    size = max(units, MINIMUM_TEXT)
    while size > MINIMUM_TEXT:
        metrics = QFontMetricsF(s.font(size, weight))
        if all(metrics.horizontalAdvance(text) <= width for text in texts):
            break
        size -= 1
    return s.font(size, weight)
