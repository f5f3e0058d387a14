"""Shows a frame rendered ahead of time: a switch to a prepared frame is one image copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from .wall_style import BACKGROUND


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
