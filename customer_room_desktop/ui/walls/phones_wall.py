"""The phones wall: the leaders' code to scan, read from five metres (issue 23, "on a wall on request").

"SCAN TO VOTE" across the top, the leaders' QR code as large as the wall allows under it (every module the
same whole number of pixels: black on white, with its quiet zone, sharp at any size), its link as text, and
how many leaders have voted. With the phones off or no session planned, one plain sentence instead.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QWidget

from ...domain.legibility import Tier
from ...services.phones_wall_data import PhonesWallData
from ...services.plain_pictures import image_from_bytes
from ...services.wall_data import Branding
from .data_wall import DataWall
from .wall_style import SURFACE, TEXT, TEXT_SOFT, WallScale, draw_text, fill_rounded, fit_wrapped_text, fitted_font

__all__ = ["PhonesWall", "qr_modules"]

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks (services/phone_codes.py)
HEADING = "SCAN TO VOTE"
OFF_HEADING = "VOTING FROM PHONES"


def qr_modules(image: QImage) -> QImage:
    """The code one pixel per module (quiet zone included), read from a PNG drawn at any whole scale: the
    first dark pixel on the diagonal is where the quiet zone ends, which gives the size of a module."""
    side = min(image.width(), image.height())
    corner = next((i for i in range(side) if image.pixelColor(i, i).value() < 128), 0)
    step = corner // QUIET_ZONE if corner >= QUIET_ZONE and corner % QUIET_ZONE == 0 else 1
    count = side // step
    modules = QImage(count, count, QImage.Format.Format_RGB32)
    for y in range(count):
        for x in range(count):
            dark = image.pixelColor(x * step + step // 2, y * step + step // 2).value() < 128
            modules.setPixel(x, y, 0xFF000000 if dark else 0xFFFFFFFF)
    return modules


class PhonesWall(DataWall):
    """``code_box`` is where the code was drawn (quiet zone included) and ``module_pixels`` the size of one
    module after a paint; both are empty while the wall shows a sentence instead of a code."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.data: PhonesWallData | None = None
        self._modules: tuple[bytes, QImage] = (b"", QImage())
        self.code_box = QRect()
        self.module_pixels = 0

    show_phones = DataWall.show_data

    def reset_boxes(self) -> None:
        self.code_box = QRect()
        self.module_pixels = 0

    def _code(self, png: bytes) -> QImage:
        """The code one pixel per module, decoded once per code."""
        if self._modules[0] != png:
            image = image_from_bytes(png)
            self._modules = (png, qr_modules(image) if not image.isNull() else QImage())
        return self._modules[1]

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data = self.data
        brand = QColor(self.branding.brand_colour)
        painter.fillRect(QRectF(0, 0, self.width(), scale(10)), brand)
        margin = scale(48)
        right = self.width() - margin
        if not self._logo.isNull():
            logo_h = scale(64)
            logo_w = self._logo.width() * logo_h / max(1, self._logo.height())
            painter.drawImage(QRectF(right - logo_w, scale(36), logo_w, logo_h), self._logo)
            right -= logo_w + scale(28)
        width = self.width() - 2 * margin
        code = self._code(data.qr_png) if data.has_code else QImage()
        heading_font = scale.font(84, QFont.Weight.Black, tier=Tier.ROOM)
        heading_height = QFontMetricsF(heading_font).height()
        heading = QRectF(margin, scale(34), width, heading_height)
        draw_text(painter, heading, HEADING if not code.isNull() else OFF_HEADING, heading_font, TEXT,
                  Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        top = heading.bottom() + scale(20)
        if code.isNull():
            self._paint_notice(painter, scale, QRectF(margin, top, width, self.height() - top - scale(48)),
                               data.notice or "There is no code to scan.")
            return
        progress_font = scale.font(64, QFont.Weight.Bold, tier=Tier.ROOM)
        link_font = fitted_font(scale, data.link, width, 40)
        progress_height = QFontMetricsF(progress_font).height()
        link_height = QFontMetricsF(link_font).height()
        bottom = self.height() - scale(36) - progress_height - scale(12) - link_height - scale(16)
        pixels = max(1, int((bottom - top) // code.height()))
        side = pixels * code.height()
        left = round((self.width() - side) / 2)
        self.code_box = QRect(left, round(top), side, side)
        self.module_pixels = pixels
        self._paint_code(painter, code, self.code_box, pixels)
        link = QRectF(margin, top + side + scale(16), width, link_height)
        draw_text(painter, link, data.link, link_font, TEXT_SOFT, Qt.AlignmentFlag.AlignHCenter)
        draw_text(painter, QRectF(margin, link.bottom() + scale(12), width, progress_height), data.progress,
                  progress_font, brand, Qt.AlignmentFlag.AlignHCenter)

    @staticmethod
    def _paint_code(painter: QPainter, code: QImage, box: QRect, pixels: int) -> None:
        """White, then each run of dark modules in a row as one black rectangle on whole pixels (an image
        scaled by Qt may be a pixel off at a module's edge)."""
        painter.fillRect(box, QColor("#FFFFFF"))
        black = QColor("#000000")
        for y in range(code.height()):
            x = 0
            while x < code.width():
                if code.pixel(x, y) & 0xFFFFFF:
                    x += 1
                    continue
                start = x
                while x < code.width() and not code.pixel(x, y) & 0xFFFFFF:
                    x += 1
                painter.fillRect(QRect(box.left() + start * pixels, box.top() + y * pixels, (x - start) * pixels,
                                       pixels), black)

    def _paint_notice(self, painter: QPainter, scale: WallScale, area: QRectF, text: str) -> None:
        """The sentence instead of a code, in a panel in the middle of ``area``."""
        box = QRectF(area.left() + area.width() * 0.1, area.top() + area.height() * 0.15, area.width() * 0.8,
                     area.height() * 0.7)
        fill_rounded(painter, box, scale(20), SURFACE)
        fit_wrapped_text(painter, box.adjusted(scale(80), scale(40), -scale(80), -scale(40)), text, scale, 80, TEXT,
                         QFont.Weight.Bold, align=Qt.AlignmentFlag.AlignCenter)
