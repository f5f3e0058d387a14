"""The customer-asset bridge: the wall that opens every leadership session by asking "did we earn
the right to customer growth?".

It counts customers as whole people, never only as rates: how many we had at the start, how many
came and went, and how many we had at the end, drawn as a pyqtgraph bridge (waterfall). Beside it
sit the net change in big coloured numerals, the engagement of those who stayed, a comparison with
the previous period and the same period a year earlier, and why customers left. When the figures
do not add up, an amber data warning says so and the figures stay on the wall as reported.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from ...domain.customer_asset import AssetPeriod
from ...domain.periods import add_months
from ...services.board_data import AssetBoardData
from ...services.painting import painting
from ...services.wall_data import Branding
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, RELIABILITY_COLOURS, SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_text,
    fill_rounded, fit_wrapped_text, fitted_font, logo_image,
)

GAINED_COLOUR = RELIABILITY_COLOURS["reliable"]
LOST_COLOUR = RELIABILITY_COLOURS["unreliable"]
WARNING_COLOUR = RELIABILITY_COLOURS["at risk"]
START_COLOUR = QColor("#7D8C9A")  # the customers we began with: neutral, the end bar takes the brand colour
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "INR": "₹"}
LABEL_UNITS = 46  # the number on each bar; 40 wall units is the least that reads from five metres
NET_UNITS = 124  # the net change is the answer to the wall's question, so it is the biggest thing on it
BAR_NAMES = ("At start", "Gained", "Lost", "At end")
LEFT_SHARE = 0.6  # the bridge and the reasons take this share of the wall's width
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def money(value: float, currency: str = "GBP") -> str:
    """A value in a few characters: £4.8m, £482k, £950 (a negative one with a minus in front).
    Currencies without a symbol here are written by their code: "CHF 4.8m"."""
    if value < 0:
        return f"−{money(-value, currency)}"
    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency} ")
    if value >= 999_500:
        return f"{symbol}{value / 1_000_000:,.1f}m"
    if value >= 10_000:
        return f"{symbol}{value / 1_000:,.0f}k"
    return f"{symbol}{value:,.0f}"


def signed(number: int) -> str:
    """A whole number with its sign; a true minus sign, which reads better than a hyphen."""
    return f"+{number:,}" if number > 0 else f"−{-number:,}" if number < 0 else "0"


def nice_step(span: float) -> float:
    """The smallest of 1, 2 or 5 times a power of ten that is at least ``span``."""
    power = 10 ** math.floor(math.log10(max(span, 1)))
    return next(power * m for m in (1, 2, 5, 10) if power * m >= span)


def axis_floor(period: AssetPeriod) -> float:
    """Where the bridge's axis starts. From zero the flows of a big asset are slivers, so the axis
    starts a round number below the smaller of start and end; zero when the flows show from there."""
    lowest = min(period.customers_start, period.customers_end)
    biggest = max(period.gained_count, period.lost_count, 1)
    if lowest <= 0 or biggest >= 0.3 * (max(period.customers_start, period.customers_end) + biggest):
        return 0.0
    step = nice_step(biggest / 2)
    return max(0.0, math.floor((lowest - 0.6 * biggest) / step) * step)


def period_span(period: AssetPeriod) -> str:
    """'Quarter · Jul 2026 to Sep 2026': what the period covers, in words."""
    length = {"year": 12, "quarter": 3}.get(period.period_kind, 1)
    first, last = period.period_start[:7], add_months(period.period_start[:7], length - 1)
    span = " to ".join(dict.fromkeys(f"{MONTHS[int(m[5:7]) - 1]} {m[:4]}" for m in (first, last)))
    return f"{period.period_kind.capitalize()} · {span} · whole customers, never rates only"


def warning_text(problems: tuple[str, ...]) -> str:
    """The problems as one paragraph; past three, a count of the rest (the import report lists them all)."""
    shown = list(problems[:3]) + ([f"and {len(problems) - 3} more"] if len(problems) > 3 else [])
    return " • ".join(shown)


class AssetBridgeWall(QWidget):
    """Start, gained, lost and end customers for one period, and what surrounds them.

    After a paint, ``chart_box`` is the bridge plot's rectangle, ``net_box`` the net change panel,
    ``comparison_box`` the comparison table, ``reason_bars`` each reason's bar (most first) and
    ``warning_box`` the data warning (None when the figures add up).
    """

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.data: AssetBoardData | None = None
        self._logo = logo_image(branding.logo)
        self.chart_box, self.net_box, self.comparison_box = QRectF(), QRectF(), QRectF()
        self.warning_box: QRectF | None = None
        self.reason_bars: list[QRectF] = []
        self._plot = pg.PlotWidget(self, background=SURFACE)
        self._plot.setMouseEnabled(False, False)
        self._plot.hideButtons()
        self._plot.setMenuEnabled(False)
        self._plot.hide()

    def show_asset(self, data: AssetBoardData) -> None:
        self.data = data
        self._draw_chart()
        self.update()

    show_data = show_asset  # the name every data wall answers to (the live room calls it)

    # -- layout shared by the plot and the painter ------------------------------------------------
    def _layout(self, scale: WallScale, top: float) -> dict[str, QRectF | None]:
        margin, gap = scale(48), scale(24)
        bottom = self.height() - scale(36)
        split = self.width() * LEFT_SHARE
        left = QRectF(margin, top, split - margin - gap / 2, bottom - top)
        right = QRectF(split + gap / 2, top, self.width() - margin - split - gap / 2, bottom - top)
        warning = None
        if self.data is not None and self.data.problems:
            metrics = QFontMetricsF(scale.font(28, QFont.Weight.Bold))
            wrapped = metrics.boundingRect(QRectF(0, 0, left.width() - scale(48), 1e6), int(Qt.TextFlag.TextWordWrap),
                                           warning_text(self.data.problems))
            lines = min(4, max(1, round(wrapped.height() / metrics.lineSpacing())))
            warning = QRectF(left.left(), left.top(), left.width(), scale(72) + lines * metrics.lineSpacing())
            left.setTop(warning.bottom() + gap)
        reasons_height = scale(44 + 5 * (46 if warning else 52))
        reasons = QRectF(left.left(), left.bottom() - reasons_height, left.width(), reasons_height)
        chart = QRectF(left.left(), left.top() + scale(44), left.width(), reasons.top() - gap - left.top() - scale(44))
        net = QRectF(right.left(), right.top(), right.width(), scale(246))
        engagement = QRectF(right.left(), net.bottom() + gap, right.width(), scale(164))
        comparison = QRectF(right.left(), engagement.bottom() + gap, right.width(),
                            right.bottom() - engagement.bottom() - gap)
        return {"chart_title": QRectF(left.left(), left.top(), left.width(), scale(40)), "chart": chart,
                "reasons": reasons, "net": net, "engagement": engagement, "comparison": comparison,
                "warning": warning}

    def _header_bottom(self, scale: WallScale) -> float:
        """Where the header ends (the sum ``draw_header`` makes), so the plot can be placed before a paint."""
        return scale(58) + QFontMetricsF(scale.font(64, QFont.Weight.Bold)).height() + scale(50)

    # -- the bridge, drawn by pyqtgraph -------------------------------------------------------------
    def _draw_chart(self) -> None:
        if self.data is None:
            return
        scale = WallScale(self.height())
        box = self._layout(scale, self._header_bottom(scale))["chart"]
        self.chart_box = box
        self._plot.setGeometry(box.toRect())
        self._plot.show()
        plot = self._plot.getPlotItem()
        plot.clear()
        p = self.data.period
        brand = QColor(self.branding.brand_colour)
        floor = axis_floor(p)
        peak = max(p.customers_start + p.gained_count, p.customers_end, p.customers_start, 1)
        label_px = scale(LABEL_UNITS * 1.25 + 40)  # a number and a value line above every bar
        view_px = max(box.height() - scale(56) - scale(24), label_px * 2)
        ceiling = peak + label_px / (view_px - label_px) * (peak - floor)
        after_gain = p.customers_start + p.gained_count
        bars = [(floor, p.customers_start - floor), (p.customers_start, p.gained_count),
                (after_gain - p.lost_count, p.lost_count), (floor, p.customers_end - floor)]
        colours = (START_COLOUR, GAINED_COLOUR, LOST_COLOUR, brand)
        plot.addItem(pg.BarGraphItem(x=[0, 1, 2, 3], y0=[b[0] for b in bars], height=[b[1] for b in bars],
                                     width=0.62, brushes=[pg.mkBrush(c) for c in colours], pen=pg.mkPen(None)))
        # Thin steps from bar to bar: a gap between the third and fourth shows an end that does not add up.
        steps = [(0.31, p.customers_start, 0.69, p.customers_start), (1.31, after_gain, 1.69, after_gain),
                 (2.31, after_gain - p.lost_count, 2.69, p.customers_end)]
        dashes = pg.mkPen(TEXT_SOFT, width=scale(3), style=Qt.PenStyle.DashLine)
        plot.addItem(pg.PlotCurveItem([v for s in steps for v in (s[0], s[2])],
                                      [v for s in steps for v in (s[1], s[3])], connect="pairs", pen=dashes))
        if floor > 0:  # tear the full bars near the bottom: their length is not to scale
            tooth = (ceiling - floor) * 0.018
            for centre in (0, 3):
                xs = [centre - 0.34 + i * 0.68 / 8 for i in range(9)]
                ys = [floor + (ceiling - floor) * 0.06 + (tooth if i % 2 else -tooth) for i in range(9)]
                plot.addItem(pg.PlotCurveItem(xs, ys, pen=pg.mkPen(SURFACE, width=scale(9))))
        self._add_labels(plot, scale, (box.width() - scale(170)) / 4 - scale(12), p)
        plot.setXRange(-0.5, 3.5, padding=0)
        plot.setYRange(floor, ceiling, padding=0)
        self._style_axes(plot, scale, floor, ceiling)

    def _add_labels(self, plot: pg.PlotItem, scale: WallScale, column_px: float, p: AssetPeriod) -> None:
        """Each bar's whole number, big and bold, on top of it; the value beside gained and lost."""
        after_gain = p.customers_start + p.gained_count
        numbers = (f"{p.customers_start:,}", signed(p.gained_count), signed(-p.lost_count), f"{p.customers_end:,}")
        currency = self.data.currency if self.data else "GBP"
        values = ("", f"{money(p.gained_value, currency)} value", f"{money(p.lost_value, currency)} value", "")
        tops = (p.customers_start, after_gain, after_gain, p.customers_end)
        text_colours = (TEXT, GAINED_COLOUR, LOST_COLOUR, TEXT)
        for x, (number, value, top, colour) in enumerate(zip(numbers, values, tops, text_colours)):
            font = fitted_font(scale, number, column_px, LABEL_UNITS, QFont.Weight.Bold)
            size = font.pixelSize()
            width = max(QFontMetricsF(font).horizontalAdvance(number),
                        QFontMetricsF(scale.font(28)).horizontalAdvance(value)) + scale(24)
            html = (f'<div style="text-align:center; font-family:\'DejaVu Sans\'; color:{colour.name()}">'
                    f'<span style="font-size:{size}px; font-weight:700">{number}</span>')
            if value:
                html += f'<br><span style="font-size:{round(scale(28))}px; color:{TEXT_SOFT.name()}">{value}</span>'
            label = pg.TextItem(html=html + "</div>", anchor=(0.5, 1))
            label.setTextWidth(width)  # wide enough that a number never wraps; lines centred within it
            label.setPos(x, top)
            plot.addItem(label)

    def _style_axes(self, plot: pg.PlotItem, scale: WallScale, floor: float, ceiling: float) -> None:
        """Bar names along the bottom; round thousands up the side, so a cut axis shows where it starts."""
        tick_font = QFont("DejaVu Sans")
        tick_font.setPixelSize(round(scale(28)))
        step = nice_step((ceiling - floor) / 5)
        first_tick = math.ceil(floor / step) * step
        ticks = [(first_tick + i * step, f"{first_tick + i * step:,.0f}")
                 for i in range(int((ceiling - first_tick) // step) + 1)]
        for name in ("bottom", "left"):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=tick_font, tickLength=int(scale(8)))
            axis.setPen(pg.mkPen(TEXT_FAINT, width=scale(2)))
            axis.setTextPen(pg.mkPen(TEXT_SOFT))
        plot.getAxis("bottom").setTicks([list(enumerate(BAR_NAMES))])
        plot.getAxis("left").setTicks([ticks])
        plot.getAxis("left").setWidth(int(scale(150)))
        plot.getAxis("bottom").setHeight(int(scale(56)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._draw_chart()
        super().resizeEvent(event)

    # -- everything else, drawn by the painter -----------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), BACKGROUND)
            self.reason_bars = []
            if self.data is None:
                return
            scale = WallScale(self.height())
            data, p = self.data, self.data.period
            top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                              "DID WE EARN THE RIGHT TO GROWTH?", f"The customer asset · {p.label}", period_span(p))
            boxes = self._layout(scale, top)
            self.net_box, self.comparison_box, self.warning_box = boxes["net"], boxes["comparison"], boxes["warning"]
            title = boxes["chart_title"]
            draw_text(painter, title, "CUSTOMERS, START TO END", scale.font(26, QFont.Weight.Bold), TEXT_FAINT)
            floor = axis_floor(p)
            if floor > 0:
                draw_text(painter, title, f"≈ the axis starts at {floor:,.0f}, not at zero", scale.font(26),
                          TEXT_SOFT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if self.warning_box is not None:
                self._paint_warning(painter, scale, self.warning_box, data.problems)
            self._paint_reasons(painter, scale, boxes["reasons"], data)
            self._paint_net(painter, scale, self.net_box, p)
            self._paint_engagement(painter, scale, boxes["engagement"], p)
            self._paint_comparison(painter, scale, self.comparison_box, data)

    def _panel(self, painter: QPainter, scale: WallScale, box: QRectF, title: str) -> QRectF:
        """A rounded panel with its small capital title; returns the room left inside it."""
        fill_rounded(painter, box, scale(12), SURFACE)
        inner = box.adjusted(scale(28), scale(12), -scale(28), -scale(12))
        draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(36)), title,
                  scale.font(26, QFont.Weight.Bold), TEXT_FAINT)
        return inner

    def _paint_warning(self, painter: QPainter, scale: WallScale, box: QRectF, problems: tuple[str, ...]) -> None:
        """Amber, dark type, right above the bridge whose figures it questions."""
        fill_rounded(painter, box, scale(12), WARNING_COLOUR)
        inner = box.adjusted(scale(24), scale(12), -scale(24), -scale(10))
        draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(44)),
                  "⚠ DATA WARNING · THESE FIGURES DO NOT ADD UP", scale.font(32, QFont.Weight.Black), BACKGROUND)
        fit_wrapped_text(painter, QRectF(inner.left(), inner.top() + scale(48), inner.width(),
                                         inner.height() - scale(48)),
                         warning_text(problems), scale, 28, BACKGROUND, QFont.Weight.Bold,
                         align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def _paint_reasons(self, painter: QPainter, scale: WallScale, box: QRectF, data: AssetBoardData) -> None:
        """The top reasons as bars in whole customers; the longest bar is the biggest reason."""
        reasons = data.top_reasons[:5]
        explained = sum(r.count for r in reasons)
        draw_text(painter, QRectF(box.left(), box.top(), box.width(), scale(40)), "WHY CUSTOMERS LEFT",
                  scale.font(26, QFont.Weight.Bold), TEXT_FAINT)
        if not reasons:
            fit_wrapped_text(painter, box.adjusted(0, scale(44), 0, 0), "No reasons were recorded for the "
                             f"{data.period.lost_count:,} customers lost.", scale, 30, TEXT_SOFT)
            return
        draw_text(painter, QRectF(box.left(), box.top(), box.width(), scale(40)),
                  f"{explained:,} of {data.period.lost_count:,} lost gave these reasons", scale.font(26), TEXT_SOFT,
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        row = (box.height() - scale(44)) / 5
        name_width = box.width() * 0.44
        count_font = scale.font(34, QFont.Weight.Bold)
        count_width = QFontMetricsF(count_font).horizontalAdvance(f"{max(r.count for r in reasons):,}") + scale(16)
        longest = max((r.reason for r in reasons), key=QFontMetricsF(scale.font(28)).horizontalAdvance)
        name_font = fitted_font(scale, longest, name_width - scale(16), 28)  # one size for every reason
        biggest = max(r.count for r in reasons) or 1
        for index, reason in enumerate(reasons):
            y = box.top() + scale(44) + index * row
            draw_text(painter, QRectF(box.left(), y, name_width - scale(16), row), reason.reason, name_font, TEXT,
                      LEFT_MIDDLE)
            length = (box.width() - name_width - count_width) * reason.count / biggest
            bar = QRectF(box.left() + name_width, y + row * 0.18, max(length, scale(4)), row * 0.64)
            fill_rounded(painter, bar, scale(4), LOST_COLOUR)
            self.reason_bars.append(bar)
            draw_text(painter, QRectF(bar.right() + scale(12), y, count_width, row), f"{reason.count:,}", count_font,
                      TEXT, LEFT_MIDDLE)

    def _paint_net(self, painter: QPainter, scale: WallScale, box: QRectF, p: AssetPeriod) -> None:
        """The answer in one number: green when we grew, red when we shrank."""
        inner = self._panel(painter, scale, box, "NET CHANGE · GAINED − LOST").adjusted(0, scale(4), 0, -scale(4))
        net, number = p.net_change, signed(p.net_change)
        colour = GAINED_COLOUR if net > 0 else LOST_COLOUR if net < 0 else TEXT_SOFT
        draw_text(painter, QRectF(inner.left(), inner.top() + scale(32), inner.width(), scale(150)), number,
                  fitted_font(scale, number, inner.width(), NET_UNITS, QFont.Weight.Black), colour,
                  LEFT_MIDDLE)
        verdict = ("more customers: the asset grew" if net > 0 else "fewer customers: the asset shrank" if net < 0
                   else "customers: as many gained as lost")
        draw_text(painter, QRectF(inner.left(), inner.bottom() - scale(40), inner.width(), scale(40)), verdict,
                  scale.font(30, QFont.Weight.Bold), TEXT)

    def _paint_engagement(self, painter: QPainter, scale: WallScale, box: QRectF, p: AssetPeriod) -> None:
        """Customers who stayed but now spend more, or less: two short bars on one scale."""
        inner = self._panel(painter, scale, box, "CUSTOMERS WHO STAYED")
        biggest = max(p.increased_count, p.declined_count, 1)
        row = (inner.height() - scale(40)) / 2
        number_font = scale.font(40, QFont.Weight.Bold)  # secondary to the bridge, still read from the back
        number_width = QFontMetricsF(number_font).horizontalAdvance(f"{biggest:,}") + scale(16)
        words_width = QFontMetricsF(scale.font(28)).horizontalAdvance("spend more") + scale(20)
        bar_left = inner.left() + scale(44) + number_width + words_width
        for index, (mark, count, words, colour) in enumerate((("▲", p.increased_count, "spend more", GAINED_COLOUR),
                                                              ("▼", p.declined_count, "spend less", LOST_COLOUR))):
            y = inner.top() + scale(40) + index * row
            draw_text(painter, QRectF(inner.left(), y, scale(44), row), mark, scale.font(30), colour, LEFT_MIDDLE)
            draw_text(painter, QRectF(inner.left() + scale(44), y, number_width, row), f"{count:,}", number_font, TEXT,
                      LEFT_MIDDLE)
            draw_text(painter, QRectF(inner.left() + scale(44) + number_width, y, words_width, row), words,
                      scale.font(28), TEXT_SOFT, LEFT_MIDDLE)
            room = max(inner.right() - bar_left, 0)
            fill_rounded(painter, QRectF(bar_left, y + row * 0.3, room * count / biggest, row * 0.4), scale(4), colour)

    def _paint_comparison(self, painter: QPainter, scale: WallScale, box: QRectF, data: AssetBoardData) -> None:
        """This period's gained, lost, net and end beside the previous period's and a year earlier's;
        under each earlier figure, the change to now, green when it is better for the asset."""
        fill_rounded(painter, box, scale(12), SURFACE)
        inner = box.adjusted(scale(24), scale(12), -scale(24), -scale(12))
        p, head = data.period, scale(70)
        row = (inner.height() - head - scale(34)) / 4
        measures = (("Gained", lambda q: q.gained_count, 1), ("Lost", lambda q: q.lost_count, -1),
                    ("Net", lambda q: q.net_change, 1), ("At end", lambda q: q.customers_end, 1))
        for index, (measure, _, _) in enumerate(measures):  # rules first: a "no earlier period" box covers them
            y = inner.top() + head + index * row
            painter.fillRect(QRectF(inner.left(), y, inner.width(), scale(2)), SURFACE_HIGH)
            draw_text(painter, QRectF(inner.left(), y, inner.width() * 0.2, row), measure, scale.font(28), TEXT_SOFT,
                      LEFT_MIDDLE)
        left = inner.left() + inner.width() * 0.2
        for period, role, share in ((p, "now", 0.24), (data.previous, "previous", 0.28),
                                    (data.year_before, "a year before", 0.28)):
            width, now = inner.width() * share, period is p
            draw_text(painter, QRectF(left, inner.top(), width, scale(36)), "—" if period is None else period.label,
                      scale.font(26, QFont.Weight.Bold), TEXT if now else TEXT_SOFT, Qt.AlignmentFlag.AlignRight)
            draw_text(painter, QRectF(left, inner.top() + scale(32), width, scale(34)), role, scale.font(22),
                      TEXT_FAINT, Qt.AlignmentFlag.AlignRight)
            if period is None:  # said in words, never drawn as zeros
                body = QRectF(left + scale(8), inner.top() + head, width - scale(8), row * 4)
                fill_rounded(painter, body, scale(8), SURFACE_HIGH)
                fit_wrapped_text(painter, body.adjusted(scale(10), scale(10), -scale(10), -scale(10)),
                                 "no earlier period in the room", scale, 26, TEXT_SOFT,
                                 align=Qt.AlignmentFlag.AlignCenter)
            for index, (measure, figure, better) in enumerate(measures if period is not None else ()):
                y = inner.top() + head + index * row
                shown = signed(figure(period)) if measure == "Net" else f"{figure(period):,}"
                if now:
                    draw_text(painter, QRectF(left, y, width, row), shown, scale.font(30, QFont.Weight.Bold), TEXT,
                              RIGHT_MIDDLE)
                    continue
                cell = QRectF(left, y + scale(4), width, row / 2)
                draw_text(painter, cell, shown, scale.font(26), TEXT_SOFT, RIGHT_MIDDLE)
                change = figure(p) - figure(period)
                colour = TEXT_SOFT if change == 0 else GAINED_COLOUR if change * better > 0 else LOST_COLOUR
                mark = "=" if change == 0 else f"{'▲' if change > 0 else '▼'} {abs(change):,}"
                draw_text(painter, cell.translated(0, row / 2 - scale(4)), mark, scale.font(24, QFont.Weight.Bold),
                          colour, RIGHT_MIDDLE)
            left += width
        draw_text(painter, QRectF(inner.left(), inner.bottom() - scale(30), inner.width(), scale(30)),
                  "▲▼ change from then to now · green is better for the asset", scale.font(22), TEXT_FAINT,
                  RIGHT_MIDDLE)
