"""Blackout, white and logo screens: for when the room should look at each other, not the walls."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...domain.legibility import Tier
from ...services.painting import painting
from ...services.wall_data import Branding
from .wall_style import BACKGROUND, TEXT, WallScale, draw_text, logo_image


class PlainScreen(QWidget):
    """``kind`` is "blackout", "white", "logo", or "safe" (the kiosk's: the logo, "The room will be back
    shortly." and the time)."""

    def __init__(self, branding: Branding, kind: str = "blackout", parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.kind = kind
        self._logo = logo_image(branding.logo)

    def show_kind(self, kind: str) -> None:
        self.kind = kind
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            if self.kind == "white":
                painter.fillRect(self.rect(), QColor("white"))
                return
            painter.fillRect(self.rect(), QColor("black") if self.kind == "blackout" else BACKGROUND)
            if self.kind not in ("logo", "safe"):
                return
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            scale = WallScale(self.height())
            if not self._logo.isNull():
                width = self.width() * 0.5
                height = width * self._logo.height() / max(1, self._logo.width())
                painter.drawImage(QRectF((self.width() - width) / 2, (self.height() - height) / 2 - scale(40), width,
                                         height), self._logo)
                top = (self.height() + height) / 2
            else:
                top = self.height() / 2 - scale(60)
            draw_text(painter, QRectF(0, top, self.width(), scale(80)), self.branding.room_name,
                      scale.font(48, QFont.Weight.Bold), TEXT,
                      Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            if self.kind == "safe":  # the kiosk's safe screen, after repeated crashes
                centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                draw_text(painter, QRectF(0, top + scale(100), self.width(), scale(90)),
                          "The room will be back shortly.", scale.font(61, tier=Tier.ROOM), TEXT, centre)
                draw_text(painter, QRectF(0, top + scale(200), self.width(), scale(90)),
                          datetime.now().strftime("%H:%M"), scale.font(61, tier=Tier.ROOM), TEXT, centre)
