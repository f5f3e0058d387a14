"""The customer-asset bridge: the wall that opens every leadership session by asking "did we earn
the right to customer growth?".

It counts customers as whole people, never only as rates: how many we had at the start, how many
came and went, and how many we had at the end, drawn as a pyqtgraph bridge (waterfall) whose four
numbers the room reads from its seats. Beside it sit the net change in big coloured numerals and
the engagement of those who stayed; under it, why customers left and how the period compares with
the previous one and the same period a year earlier. When the figures do not add up, an amber data
warning says so and the figures stay on the wall as reported.
"""

from __future__ import annotations

import math

import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from ...domain.customer_asset import AssetPeriod
from ...domain.legibility import Tier
from ...domain.periods import add_months
from ...services.board_data import AssetBoardData
from ...services.painting import painting
from ...services.wall_data import Branding
from .asset_panels import (
    GAINED_COLOUR, LOST_COLOUR, REASON_ROWS, paint_comparison, paint_engagement, paint_net, paint_reasons,
    paint_warning, signed, warning_text,
)
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, ROOM_TEXT, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_text, logo_image,
)
from ...domain.records import record

START_COLOUR = QColor("#7D8C9A")  # the customers we began with: neutral, the end bar takes the brand colour
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "INR": "₹"}
VALUE_UNITS = 28  # the money beside gained and lost, under their counts
BAR_NAMES = ("At start", "Gained", "Lost", "At end")
BRIDGE_SHARE = (0.55, 0.74)  # the least and most share of the width the bridge takes (its numbers decide)
LABEL_GAP = 20  # wall units between the numbers over neighbouring bars
AXIS_BOTTOM = 56  # wall units under the bars for their names
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


def nice_step(span: float) -> float:
    """The smallest of 1, 2 or 5 times a power of ten that is at least ``span``."""
    power = 10 ** math.floor(math.log10(max(span, 1)))
    return next(power * m for m in (1, 2, 5, 10) if power * m >= span)


def tick_label(value: float) -> str:
    """A tick up the bridge's side, short because the bars carry the exact numbers: 180k, 1.2m, 950."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:,.1f}m".replace(".0m", "m")
    return f"{value / 1_000:,.0f}k" if value >= 10_000 else f"{value:,.0f}"


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


def bar_numbers(p: AssetPeriod) -> tuple[str, str, str, str]:
    """The four numbers over the bars: at start, gained, lost, at end."""
    return f"{p.customers_start:,}", signed(p.gained_count), signed(-p.lost_count), f"{p.customers_end:,}"


def bar_values(data: AssetBoardData) -> tuple[str, str, str, str]:
    """The money under the gained and lost numbers."""
    p, currency = data.period, data.currency
    return "", f"{money(p.gained_value, currency)} value", f"{money(p.lost_value, currency)} value", ""


def axis_width(scale: WallScale, p: AssetPeriod) -> float:
    """Room for the widest tick label up the bridge's side, and its tick."""
    widest = tick_label(1.5 * max(p.customers_start + p.gained_count, p.customers_end))
    return QFontMetricsF(scale.font(MINIMUM_TEXT)).horizontalAdvance(widest) + scale(30)


def bridge_width(scale: WallScale, data: AssetBoardData, room: float) -> float:
    """Wide enough that the four numbers, at the room tier, stand over their bars without touching."""
    numbers = QFontMetricsF(scale.font(ROOM_TEXT, QFont.Weight.Bold, tier=Tier.ROOM))
    values = QFontMetricsF(scale.font(VALUE_UNITS))
    column = max(max(map(numbers.horizontalAdvance, bar_numbers(data.period))),
                 max(map(values.horizontalAdvance, bar_values(data)))) + scale(LABEL_GAP)
    low, high = BRIDGE_SHARE
    return min(room * high, max(room * low, 4 * column + axis_width(scale, data.period)))


@record
class BridgeLayout:
    """Where each part of the wall goes, shared by the pyqtgraph plot and the painter."""

    chart_title: QRectF
    chart: QRectF
    reasons: QRectF
    net: QRectF
    engagement: QRectF
    comparison: QRectF
    warning: QRectF | None


class AssetBridgeWall(QWidget):
    """Start, gained, lost and end customers for one period, and what surrounds them.

    After a paint, ``chart_box`` is the bridge plot's rectangle, ``net_box`` the net change panel,
    ``comparison_box`` the comparison table (``comparison_columns`` its previous and year-before columns),
    ``reason_bars`` each reason's bar (most first) and
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
        self.comparison_columns: list[QRectF] = []
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
    def _layout(self, scale: WallScale, top: float, data: AssetBoardData) -> BridgeLayout:
        """The bridge top left with the net change and the customers who stayed beside it; why customers
        left and the comparison under them; a data warning, when there is one, right above the bridge."""
        margin, gap = scale(48), scale(24)
        bottom = self.height() - scale(36)
        room = self.width() - 2 * margin
        upper = QRectF(margin, top, bridge_width(scale, data, room - gap), 0)
        warning = None
        if data.problems:
            metrics = QFontMetricsF(scale.font(28, QFont.Weight.Bold))
            wrapped = metrics.boundingRect(QRectF(0, 0, upper.width() - scale(48), 1e6),
                                           int(Qt.TextFlag.TextWordWrap), warning_text(data.problems))
            lines = min(4, max(1, round(wrapped.height() / metrics.lineSpacing())))
            warning = QRectF(upper.left(), top, upper.width(), scale(72) + lines * metrics.lineSpacing())
            upper.setTop(warning.bottom() + gap)
        lower_height = scale(44 + REASON_ROWS * (46 if warning else 52))
        lower = QRectF(margin, bottom - lower_height, room, lower_height)
        upper.setBottom(lower.top() - gap)
        side = QRectF(upper.right() + gap, top, margin + room - upper.right() - gap, lower.top() - gap - top)
        net = QRectF(side.left(), side.top(), side.width(), side.height() * 0.55)
        reasons = QRectF(lower.left(), lower.top(), (lower.width() - gap) * 0.54, lower.height())
        return BridgeLayout(
            chart_title=QRectF(upper.left(), upper.top(), upper.width(), scale(40)),
            chart=QRectF(upper.left(), upper.top() + scale(44), upper.width(), upper.height() - scale(44)),
            reasons=reasons, net=net,
            engagement=QRectF(side.left(), net.bottom() + gap, side.width(), side.bottom() - net.bottom() - gap),
            comparison=QRectF(reasons.right() + gap, lower.top(), lower.right() - reasons.right() - gap,
                              lower.height()),
            warning=warning)

    def _header_bottom(self, scale: WallScale) -> float:
        """Where the header ends (the sum ``draw_header`` makes), so the plot can be placed before a paint."""
        return scale(58) + QFontMetricsF(scale.font(64, QFont.Weight.Bold)).height() + scale(50)

    # -- the bridge, drawn by pyqtgraph -------------------------------------------------------------
    def _draw_chart(self) -> None:
        if self.data is None:
            return
        scale = WallScale(self.height())
        box = self._layout(scale, self._header_bottom(scale), self.data).chart
        self.chart_box = box
        self._plot.setGeometry(box.toRect())
        self._plot.show()
        plot = self._plot.getPlotItem()
        plot.clear()
        p = self.data.period
        brand = QColor(self.branding.brand_colour)
        floor = axis_floor(p)
        peak = max(p.customers_start + p.gained_count, p.customers_end, p.customers_start, 1)
        label_px = scale(ROOM_TEXT * 1.2 + VALUE_UNITS * 1.2 + 16)  # a number and a value line above every bar
        view_px = max(box.height() - scale(AXIS_BOTTOM) - scale(24), label_px * 2)
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
        self._add_labels(plot, scale, self.data)
        plot.setXRange(-0.5, 3.5, padding=0)
        plot.setYRange(floor, ceiling, padding=0)
        self._style_axes(plot, scale, p, floor, ceiling)

    def _add_labels(self, plot: pg.PlotItem, scale: WallScale, data: AssetBoardData) -> None:
        """Each bar's whole number on top of it, bold at the room tier; the value under gained and lost."""
        p = data.period
        after_gain = p.customers_start + p.gained_count
        font = scale.font(ROOM_TEXT, QFont.Weight.Bold, tier=Tier.ROOM)
        value_font = scale.font(VALUE_UNITS)
        tops = (p.customers_start, after_gain, after_gain, p.customers_end)
        text_colours = (TEXT, GAINED_COLOUR, LOST_COLOUR, TEXT)
        for x, (number, value, top, colour) in enumerate(zip(bar_numbers(p), bar_values(data), tops, text_colours)):
            width = max(QFontMetricsF(font).horizontalAdvance(number),
                        QFontMetricsF(value_font).horizontalAdvance(value)) + scale(24)
            html = (f'<div style="text-align:center; font-family:\'DejaVu Sans\'; color:{colour.name()}">'
                    f'<span style="font-size:{font.pixelSize()}px; font-weight:700">{number}</span>')
            if value:
                html += (f'<br><span style="font-size:{value_font.pixelSize()}px; color:{TEXT_SOFT.name()}">'
                         f'{value}</span>')
            label = pg.TextItem(html=html + "</div>", anchor=(0.5, 1))
            label.setTextWidth(width)  # wide enough that a number never wraps; lines centred within it
            label.setPos(x, top)
            plot.addItem(label)

    def _style_axes(self, plot: pg.PlotItem, scale: WallScale, p: AssetPeriod, floor: float, ceiling: float) -> None:
        """Bar names along the bottom; round thousands up the side, so a cut axis shows where it starts."""
        tick_font = QFont("DejaVu Sans")
        tick_font.setPixelSize(scale.font(MINIMUM_TEXT).pixelSize())
        step = nice_step((ceiling - floor) / 5)
        first_tick = math.ceil(floor / step) * step
        ticks = [(first_tick + i * step, tick_label(first_tick + i * step))
                 for i in range(int((ceiling - first_tick) // step) + 1)]
        for name in ("bottom", "left"):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=tick_font, tickLength=int(scale(8)))
            axis.setPen(pg.mkPen(TEXT_FAINT, width=scale(2)))
            axis.setTextPen(pg.mkPen(TEXT_SOFT))
        plot.getAxis("bottom").setTicks([list(enumerate(BAR_NAMES))])
        plot.getAxis("left").setTicks([ticks])
        plot.getAxis("left").setStyle(hideOverlappingLabels=int(scale(20)))  # the floor's tick too, at every size
        plot.getAxis("left").setWidth(int(axis_width(scale, p)))
        plot.getAxis("bottom").setHeight(int(scale(AXIS_BOTTOM)))

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
            boxes = self._layout(scale, top, data)
            self.net_box, self.comparison_box, self.warning_box = boxes.net, boxes.comparison, boxes.warning
            title = boxes.chart_title
            draw_text(painter, title, "CUSTOMERS, START TO END", scale.font(26, QFont.Weight.Bold), TEXT_FAINT)
            floor = axis_floor(p)
            if floor > 0:
                draw_text(painter, title, f"≈ the axis starts at {floor:,.0f}, not at zero", scale.font(26),
                          TEXT_SOFT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if self.warning_box is not None:
                paint_warning(painter, scale, self.warning_box, data.problems)
            self.reason_bars = paint_reasons(painter, scale, boxes.reasons, data)
            paint_net(painter, scale, self.net_box, p)
            paint_engagement(painter, scale, boxes.engagement, p)
            self.comparison_columns = paint_comparison(painter, scale, self.comparison_box, data)
