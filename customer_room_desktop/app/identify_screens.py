"""Identify screens: a large number on every screen for three seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QLabel

from ..services.screen_assignment import ScreenInfo

SHOW_MS = 3000


class ScreenNumbers:
    def __init__(self) -> None:
        self.labels: list[QLabel] = []

    def show(self, screens: list[tuple[str, QScreen]]) -> None:
        self.hide()
        for text, screen in screens:
            label = QLabel(text)
            label.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
                                 | Qt.WindowType.Tool)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            height = screen.geometry().height()
            label.setStyleSheet(f"background: #12A4B4; color: #0B0F14; font-size: {height // 3}px; font-weight: 800;")
            label.setScreen(screen)
            label.setGeometry(screen.geometry().adjusted(height // 4, height // 4, -height // 4, -height // 4))
            label.show()
            self.labels.append(label)
        QTimer.singleShot(SHOW_MS, self.hide)

    def hide(self) -> None:
        for label in self.labels:
            label.close()
            label.deleteLater()
        self.labels = []


def screen_info(screen: QScreen, primary: QScreen | None) -> ScreenInfo:
    """What the screen assignment needs to know of a Qt screen, including its stable identity."""
    geometry = screen.geometry()
    return ScreenInfo(screen.name(), geometry.x(), geometry.y(), geometry.width(), geometry.height(),
                      screen.manufacturer(), screen.model(), screen.serialNumber(), screen is primary)
