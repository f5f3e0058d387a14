"""One artifact on a whole wall: pictures with zoom and pan, PDFs page by page, the caption."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from ...services.image_prep import ImageUnavailable
from ...services.painting import painting
from ...services.wall_data import ArtifactFocusData, Branding
from .wall_style import (
    BACKGROUND, TEXT, TEXT_SOFT, WallScale, draw_fitted_text, draw_placeholder, draw_text, reliability_colour,
)

HEADER_UNITS = 150
FOOTER_UNITS = 130


def page_box(width: int, height: int) -> tuple[int, int]:
    """The pixel box a page or picture is prepared at for a wall of this size: the area it fills.
    (Zooming in magnifies this image; a sharper zoom would render the visible part anew.)"""
    scale = height / 1080
    return int(width - 96 * scale), int(height - (HEADER_UNITS + FOOTER_UNITS) * scale)


class ArtifactFocus(QWidget):
    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.data: ArtifactFocusData | None = None
        self.image: QImage | ImageUnavailable | None = None
        self.page = 0
        self.page_count = 1
        self.zoom = 1.0
        self.offset = QPointF(0, 0)  # pan, in widget pixels
        self._drag_from: QPointF | None = None

    def show_artifact(self, data: ArtifactFocusData, image: QImage | ImageUnavailable, page: int = 0,
                      page_count: int = 1) -> None:
        self.data, self.image, self.page, self.page_count = data, image, page, page_count
        self.reset_view()

    def reset_view(self) -> None:
        self.zoom = 1.0
        self.offset = QPointF(0, 0)
        self.update()

    def zoom_by(self, factor: float, around: QPointF | None = None) -> None:
        """Zoom between 1x (whole page) and 6x, keeping the point under ``around`` still."""
        new_zoom = min(6.0, max(1.0, self.zoom * factor))
        if around is not None and new_zoom != self.zoom:
            centre = QPointF(self.width() / 2, self.height() / 2) + self.offset
            self.offset += (centre - around) * (new_zoom / self.zoom - 1)
        self.zoom = new_zoom
        if self.zoom == 1.0:
            self.offset = QPointF(0, 0)
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        if self.zoom > 1.0:
            self.offset += QPointF(dx, dy)
            self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(1.25 if event.angleDelta().y() > 0 else 0.8, event.position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag_from = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.position() - self._drag_from
            self._drag_from = event.position()
            self.pan_by(delta.x(), delta.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), BACKGROUND)
            if self.data is None:
                return
            scale = WallScale(self.height())
            margin = scale(48)
            data = self.data
            painter.fillRect(QRectF(0, 0, self.width(), scale(10)), QColor(self.branding.brand_colour))
            draw_text(painter, QRectF(margin, scale(26), self.width() - 2 * margin, scale(40)),
                      f"{data.stage_name.upper()} · {data.kind.upper()}", scale.font(26, QFont.Weight.Bold),
                      QColor(self.branding.brand_colour))
            draw_text(painter, QRectF(margin, scale(62), self.width() - 2 * margin - scale(320), scale(70)), data.title,
                      scale.font(48, QFont.Weight.Bold), TEXT)
            if self.page_count > 1:
                draw_text(painter, QRectF(self.width() - margin - scale(320), scale(70), scale(320), scale(60)),
                          f"page {self.page + 1} of {self.page_count}", scale.font(34, QFont.Weight.Bold), TEXT_SOFT,
                          Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            area = QRectF(margin, scale(HEADER_UNITS), self.width() - 2 * margin,
                          self.height() - scale(HEADER_UNITS + FOOTER_UNITS))
            self._paint_image(painter, scale, area)
            footer = QRectF(margin, area.bottom() + scale(16), self.width() - 2 * margin, scale(FOOTER_UNITS - 30))
            if data.task:
                draw_fitted_text(painter, footer, f"Try it yourself: {data.task}", scale, 34,
                                 reliability_colour("at risk"))
            else:
                draw_fitted_text(painter, footer, data.caption, scale, 30, TEXT_SOFT)

    def _paint_image(self, painter: QPainter, scale: WallScale, area: QRectF) -> None:
        if not isinstance(self.image, QImage) or self.image.isNull():
            reason = str(self.image) if isinstance(self.image, ImageUnavailable) else "being prepared"
            box = QRectF(0, 0, area.width() * 0.5, area.height() * 0.5)
            box.moveCenter(area.center())
            draw_placeholder(painter, box, self.data.title, f"This artifact cannot be shown: {reason}.", scale)
            return
        fit = min(area.width() / self.image.width(), area.height() / self.image.height()) * self.zoom
        target = QRectF(0, 0, self.image.width() * fit, self.image.height() * fit)
        target.moveCenter(area.center() + self.offset)
        painter.save()
        painter.setClipRect(area)
        painter.drawImage(target, self.image)
        painter.restore()
