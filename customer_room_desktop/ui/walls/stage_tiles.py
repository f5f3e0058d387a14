"""The stage panel's KPI rows, read like a scoreboard from the back of the room (issue 19).

Each row: the value written large (room tier) in its reliability colour, the moment of truth, the KPI's
name and the reliability word beside it, and the last twelve months with the target under them. A stage
shows at most ``MAX_TILES`` rows: the least reliable moments when it has more.
"""

from __future__ import annotations


from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from ...domain.figures import value_parts
from ...domain.legibility import Tier
from ...services.wall_data import KpiTile
from ...domain.reliability import reliability_label
from .wall_style import (
    MINIMUM_TEXT, ROOM_TEXT, SURFACE, TEXT, TEXT_SOFT, WallScale, draw_text, fill_rounded, reliability_colour,
)
from ...domain.records import record

MAX_TILES = 3
VALUE_UNITS = 80  # the largest a value is written; every row of a wall shares one size, down to the room tier
MOMENT_UNITS = 28
DETAIL_UNITS = MINIMUM_TEXT
TILE_GAP_UNITS = 14
_WORST_FIRST = {"unreliable": 0, "at risk": 1, "unknown": 2, "reliable": 3}


def tiles_shown(kpis: tuple[KpiTile, ...]) -> tuple[KpiTile, ...]:
    """At most ``MAX_TILES`` KPIs, in the stage's order: the least reliable when there are more."""
    if len(kpis) <= MAX_TILES:
        return kpis
    chosen = sorted(range(len(kpis)), key=lambda i: (_WORST_FIRST.get(kpis[i].reliability, 2), i))[:MAX_TILES]
    return tuple(kpis[i] for i in sorted(chosen))


def target_text(tile: KpiTile) -> str:
    target, unit = value_parts(tile.target, tile.unit)
    return f"target {target}{unit if unit in ('%', '') else ' ' + unit}"


def status_text(tile: KpiTile, metrics: QFontMetricsF, width: float) -> str:
    """The reliability word, with how long a moment has been unreliable when that fits."""
    word = reliability_label(tile.reliability).upper()
    if tile.reliability != "unreliable" or tile.unreliable_months <= 1:
        return word
    for text in (f"{word} · {tile.unreliable_months} months in a row", f"{word} · {tile.unreliable_months} months"):
        if metrics.horizontalAdvance(text) <= width:
            return text
    return word


@record
class TileGeometry:
    """Where the parts of one KPI row sit, in pixels."""

    row: QRectF
    value: QRectF
    text: QRectF
    sparkline: QRectF
    target: QRectF


class TileLayout:
    """One type size for every row's value, moment and detail, and each row's parts."""

    def __init__(self, scale: WallScale, area: QRectF, tiles: tuple[KpiTile, ...]):
        self.scale = scale
        self.tiles = tiles
        gap = scale(TILE_GAP_UNITS)
        count = max(1, len(tiles))
        row_h = (area.height() - gap * (count - 1)) / count
        pad = scale(10)
        self.unit_font = scale.font(ROOM_TEXT, QFont.Weight.Bold, tier=Tier.ROOM)
        self.detail_font = scale.font(DETAIL_UNITS)
        self.status_font = scale.font(DETAIL_UNITS, QFont.Weight.Bold)
        spark_w = scale(190)
        value_limit = area.width() * 0.36
        self.value_font = self._value_font(value_limit, row_h - 2 * pad)
        value_w = max((self._value_width(tile, self.value_font) for tile in tiles), default=0.0)
        text_left = area.left() + scale(34) + value_w + scale(30)
        text_w = area.right() - scale(24) - spark_w - scale(28) - text_left
        self.moment_font = self._moment_font(text_w)
        target_h = QFontMetricsF(self.detail_font).height()
        self.geometries = []
        for index in range(len(tiles)):
            row = QRectF(area.left(), area.top() + index * (row_h + gap), area.width(), row_h)
            inner = row.adjusted(0, pad, 0, -pad)
            spark_left = row.right() - scale(24) - spark_w
            self.geometries.append(TileGeometry(
                row, QRectF(row.left() + scale(34), inner.top(), value_w, inner.height()),
                QRectF(text_left, inner.top(), text_w, inner.height()),
                QRectF(spark_left, inner.top(), spark_w, inner.height() - target_h),
                QRectF(spark_left, inner.bottom() - target_h, spark_w, target_h)))

    def _value_width(self, tile: KpiTile, font: QFont) -> float:
        number, unit = value_parts(tile.value, tile.unit)
        width = QFontMetricsF(font).horizontalAdvance(number)
        if unit:
            width += self.scale(10) + QFontMetricsF(self.unit_font).horizontalAdvance(unit)
        return width

    def _value_font(self, width: float, height: float) -> QFont:
        """The largest value size, down to the room tier, at which every row's value fits its block."""
        size = VALUE_UNITS
        while True:
            font = self.scale.font(size, QFont.Weight.Bold, tier=Tier.ROOM)
            fits = QFontMetricsF(font).height() <= height and all(
                self._value_width(tile, font) <= width for tile in self.tiles)
            if fits or size <= ROOM_TEXT:
                return font
            size = max(ROOM_TEXT, size - 2)

    def _moment_font(self, width: float) -> QFont:
        """The largest moment size, down to the walk-up tier, at which every moment fits one line."""
        size = MOMENT_UNITS
        while True:
            font = self.scale.font(size, QFont.Weight.Bold)
            metrics = QFontMetricsF(font)
            if size <= MINIMUM_TEXT or all(metrics.horizontalAdvance(tile.moment) <= width for tile in self.tiles):
                return font
            size -= 1

    def paint(self, painter: QPainter, index: int) -> None:
        tile, parts, scale = self.tiles[index], self.geometries[index], self.scale
        colour = reliability_colour(tile.reliability)
        fill_rounded(painter, parts.row, scale(12), SURFACE)
        painter.fillRect(QRectF(parts.row.left(), parts.row.top(), scale(10), parts.row.height()), colour)
        number, unit = value_parts(tile.value, tile.unit)
        value_metrics = QFontMetricsF(self.value_font)
        value_top = parts.value.center().y() - value_metrics.height() / 2
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        used = draw_text(painter, QRectF(parts.value.left(), value_top, parts.value.width(), value_metrics.height()),
                         number, self.value_font, colour, middle)
        if unit:  # on the value's baseline
            baseline = value_top + value_metrics.ascent()
            unit_top = baseline - QFontMetricsF(self.unit_font).ascent()
            left = used.right() + scale(10)
            draw_text(painter, QRectF(left, unit_top, parts.value.right() - left + 1, value_metrics.height()),
                      unit, self.unit_font, colour, middle)
        lines = [(tile.moment, self.moment_font, TEXT), (tile.name, self.detail_font, TEXT_SOFT),
                 (status_text(tile, QFontMetricsF(self.status_font), parts.text.width()), self.status_font, colour)]
        heights = [QFontMetricsF(font).height() for _, font, _ in lines]
        y = parts.text.center().y() - sum(heights) / 2
        for (text, font, text_colour), height in zip(lines, heights):
            draw_text(painter, QRectF(parts.text.left(), y, parts.text.width(), height), text, font, text_colour)
            y += height
        draw_text(painter, parts.target, target_text(tile), self.detail_font, TEXT_SOFT,
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
