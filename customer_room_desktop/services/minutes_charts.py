"""The minutes' charts, drawn by Qt as images: the dot vote and the customer asset.

The PDF draws them on its pages; the HTML export embeds them as PNG so the page stands alone.
"""

from __future__ import annotations

import base64

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from ..domain.customer_asset import AssetPeriod
from .minutes import Minutes, VotedPriority

CHART_WIDTH, CHART_ROW = 1280, 56
INK, FAINT, ACCENT, GAIN, LOSS = (QColor("#1b1f23"), QColor("#6b7780"), QColor("#0b5563"), QColor("#2e8b57"),
                                  QColor("#c0392b"))
TALLY_SECTION = "Priorities: the vote and the selection"
ASSET_SECTION = "Did we earn the right to growth? The customer asset"


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _canvas(height: int) -> tuple[QImage, QPainter]:
    image = QImage(CHART_WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def tally_chart(priorities: tuple[VotedPriority, ...]) -> QImage:
    """Dots per experience as horizontal bars, most first; the ones selected here in the accent colour."""
    image, painter = _canvas(CHART_ROW * max(1, len(priorities)) + 24)
    most = max((p.dots for p in priorities), default=1) or 1
    label_width, bar_left = 560, 580
    for row, p in enumerate(priorities):
        top = 12 + row * CHART_ROW
        painter.setFont(_font(24, p.selected_here))
        painter.setPen(INK)
        painter.drawText(QRectF(0, top, label_width, CHART_ROW - 8),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         painter.fontMetrics().elidedText(p.title, Qt.TextElideMode.ElideRight, label_width))
        width = (CHART_WIDTH - bar_left - 90) * p.dots / most
        painter.fillRect(QRectF(bar_left, top + 8, width, CHART_ROW - 24), ACCENT if p.selected_here else FAINT)
        painter.setFont(_font(26, True))
        painter.drawText(QRectF(bar_left + width + 10, top, 80, CHART_ROW - 8), int(Qt.AlignmentFlag.AlignVCenter),
                         str(p.dots))
    painter.end()
    return image


def asset_chart(asset: AssetPeriod) -> QImage:
    """The customer asset as a bridge: customers at the start, gained, lost, at the end."""
    image, painter = _canvas(420)
    steps = [("Start", 0, asset.customers_start, FAINT),
             ("Gained", asset.customers_start, asset.customers_start + asset.gained_count, GAIN),
             ("Lost", asset.customers_start + asset.gained_count - asset.lost_count,
              asset.customers_start + asset.gained_count, LOSS),
             ("End", 0, asset.customers_end, ACCENT)]
    top_value = max(b for _, _, b, _ in steps)
    floor = min(asset.customers_start, asset.customers_end) * 0.9  # start the axis near the figures
    plot_top, plot_bottom, column = 40, 340, (CHART_WIDTH - 80) / len(steps)

    def y(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * (max(value, floor) - floor) / max(1, top_value - floor)

    for index, (label, start, end, colour) in enumerate(steps):
        left = 40 + index * column + column * 0.15
        painter.fillRect(QRectF(left, y(end), column * 0.7, max(2.0, y(start) - y(end))), colour)
        amount = end - start if label in ("Gained", "Lost") else end
        text = f"{'+' if label == 'Gained' else '−' if label == 'Lost' else ''}{amount:,}"
        painter.setPen(INK)
        painter.setFont(_font(26, True))
        painter.drawText(QRectF(left - 20, y(end) - 36, column * 0.7 + 40, 32), int(Qt.AlignmentFlag.AlignCenter), text)
        painter.setFont(_font(24))
        painter.drawText(QRectF(left - 20, plot_bottom + 12, column * 0.7 + 40, 32), int(Qt.AlignmentFlag.AlignCenter),
                         label)
    painter.setFont(_font(20))
    painter.setPen(FAINT)
    painter.drawText(QRectF(40, 388, CHART_WIDTH - 80, 28), int(Qt.AlignmentFlag.AlignLeft),
                     f"{asset.label}: customers; the axis starts at {floor:,.0f}")
    painter.end()
    return image


def charts_of(m: Minutes) -> dict[str, QImage]:
    charts = {}
    if m.priorities:
        charts[TALLY_SECTION] = tally_chart(m.priorities)
    if m.asset:
        charts[ASSET_SECTION] = asset_chart(m.asset)
    return charts


def png_data_uri(image: QImage) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; PySide6 takes only str
    return "data:image/png;base64," + base64.b64encode(data.data()).decode("ascii")
