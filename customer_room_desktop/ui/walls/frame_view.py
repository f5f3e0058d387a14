"""Frames rendered ahead of time, and the view that shows one: a switch to a prepared frame is one image copy.

Frames are kept at 16 bits a pixel: half the memory of 32 bits (17 MB instead of 33 MB at 4K) for a
dark, flat design where the difference does not show from across a room. They are painted at 32 bits,
though, a band at a time: Qt draws text and antialiased lines about three times as fast there, and
copying each band into the 16-bit frame takes about 2 ms for a whole 4K frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QImage, QPaintEvent, QRegion
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from .wall_style import BACKGROUND

FRAME_FORMAT = QImage.Format.Format_RGB16
CANVAS_FORMAT = QImage.Format.Format_RGB32


class FrameCanvas:
    """Paints views into frames through a 32-bit canvas a band of the wall high, made once per width
    and reused: a 4K frame is painted in four bands through 8 MB, not through a 33 MB whole copy."""

    BAND_HEIGHT = 540

    def __init__(self) -> None:
        self._canvases: dict[int, QImage] = {}

    def paint(self, view: QWidget, size: QSize, reuse: QImage | None = None) -> QImage:
        """``view`` drawn at ``size`` into a frame: into ``reuse`` (a frame no longer kept) when it has
        that size, so no frame is allocated while others are shown; a new one otherwise."""
        width, height = size.width(), size.height()
        canvas = self._canvases.get(width)
        if canvas is None:
            canvas = self._canvases[width] = QImage(width, self.BAND_HEIGHT, CANVAS_FORMAT)
        view.resize(size)
        frame = reuse if reuse is not None and reuse.size() == size else QImage(size, FRAME_FORMAT)
        with painting(frame) as painter:
            for top in range(0, height, self.BAND_HEIGHT):
                band = min(self.BAND_HEIGHT, height - top)
                view.render(canvas, QPoint(0, 0), QRegion(0, top, width, band))
                painter.drawImage(0, top, canvas, 0, 0, width, band)
        return frame


class FrameView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.frame = QImage()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_frame(self, frame: QImage) -> None:
        self.frame = frame
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            if self.frame.isNull():
                painter.fillRect(self.rect(), BACKGROUND)
            elif self.frame.size() == self.size():
                painter.drawImage(0, 0, self.frame)
            else:
                painter.drawImage(self.rect(), self.frame)
