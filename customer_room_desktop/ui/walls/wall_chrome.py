"""The header every wall view shares: where we are, what the customer wants, how reliable it is."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPainter

from ...domain.reliability import reliability_label
from ...services.wall_data import Branding
from .wall_style import TEXT, TEXT_SOFT, WallScale, draw_chip, draw_text, reliability_colour


def draw_header(painter: QPainter, width: int, scale: WallScale, branding: Branding, logo: QImage, kicker: str,
                title: str, subtitle: str, reliability: str | None = None) -> float:
    """Draw the header band; return its bottom edge in pixels."""
    from PySide6.QtGui import QColor

    margin = scale(48)
    brand = QColor(branding.brand_colour)
    painter.fillRect(QRectF(0, 0, width, scale(10)), brand)
    right = width - margin
    if not logo.isNull():
        logo_h = scale(64)
        logo_w = logo.width() * logo_h / max(1, logo.height())
        painter.drawImage(QRectF(right - logo_w, scale(36), logo_w, logo_h), logo)
        right -= logo_w + scale(28)
    if reliability:
        label = reliability_label(reliability).upper()
        draw_chip(painter, right, scale(44), label, scale.font(26, QFont.Weight.Bold), reliability_colour(reliability),
                  scale)
        right -= scale(260)
    draw_text(painter, QRectF(margin, scale(26), right - margin, scale(40)), kicker,
              scale.font(26, QFont.Weight.Bold), brand)
    used = draw_text(painter, QRectF(margin, scale(58), right - margin, scale(84)), title,
                     scale.font(64, QFont.Weight.Bold), TEXT)
    if subtitle.strip():  # a new stage has no customer's words yet: no empty quotation marks
        draw_text(painter, QRectF(margin, used.bottom() + scale(2), width - 2 * margin, scale(46)), f"“{subtitle}”",
                  scale.font(30, italic=True), TEXT_SOFT, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return used.bottom() + scale(50)
