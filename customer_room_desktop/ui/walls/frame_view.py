"""Frames rendered ahead of time, and the view that shows one: a switch to a prepared frame is one image copy.

Frames are kept at 32 bits a pixel, as the windows they are copied into. At 16 bits they took half the
memory (17 MB instead of 33 MB at 4K), but Qt converts each pixel on the way to the window: a 4K copy
took 5.4 ms (8.5-9 ms at the 95th percentile) against 2.6 ms (3.1-4.3 ms), and two stage walls put a
next or previous step over one 60 Hz frame. They are painted a band at a time through a canvas a
quarter of the wall high, which keeps the pixels being drawn in the processor's cache: painting the
whole view straight onto a 4K image measured slower, not faster.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QImage, QPaintEvent, QRegion
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from .wall_style import BACKGROUND

FRAME_FORMAT = QImage.Format.Format_RGB32
CANVAS_FORMAT = QImage.Format.Format_RGB32


class FrameCanvas:
    """Paints views into frames through a canvas a band of the wall high, made once per width and reused:
    a 4K frame is painted in four bands through 8 MB that stay in cache, then copied into the frame."""

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
