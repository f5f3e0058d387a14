"""Frames rendered ahead of time, and the view that shows one: a switch to a prepared frame is one image copy.

Frames are kept at 16 bits a pixel: half the memory of 32 bits (17 MB instead of 33 MB at 4K) for a
dark, flat design where the difference does not show from across a room. They are painted at 32 bits,
though: Qt draws text and antialiased lines about three times as fast there, and copying the result
into the 16-bit frame takes about 2 ms at 4K.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from .wall_style import BACKGROUND

FRAME_FORMAT = QImage.Format.Format_RGB16
CANVAS_FORMAT = QImage.Format.Format_RGB32


class FrameCanvas:
    """Paints views into frames through one 32-bit canvas per wall size, made once and reused."""

    def __init__(self) -> None:
        self._canvases: dict[tuple[int, int], QImage] = {}

    def paint(self, view: QWidget, size: QSize, reuse: QImage | None = None) -> QImage:
        """``view`` drawn at ``size`` into a frame: into ``reuse`` (a frame no longer kept) when it has
        that size, so no frame is allocated while others are shown; a new one otherwise."""
        key = (size.width(), size.height())
        canvas = self._canvases.get(key)
        if canvas is None:
            canvas = self._canvases[key] = QImage(size, CANVAS_FORMAT)
        view.resize(size)
        view.render(canvas)
        frame = reuse if reuse is not None and reuse.size() == size else QImage(size, FRAME_FORMAT)
        with painting(frame) as painter:
            painter.drawImage(0, 0, canvas)
        return frame

    def forget(self, size: QSize) -> None:
        """No wall has this size any more."""
        self._canvases.pop((size.width(), size.height()), None)


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
