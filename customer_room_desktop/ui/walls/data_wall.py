"""The frame of a wall view drawn from one piece of data: dark fill, and a painter that always ends.

A paint that fails half-way must still end its QPainter: Qt aborts the process otherwise, and a
wall that crashes the room is worse than a wall that shows nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from ...services.wall_data import Branding
from .wall_style import BACKGROUND, WallScale, logo_image


class DataWall(QWidget):
    """Subclasses draw in ``draw``; it is called only once data has been shown."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.data = None
        self._logo = logo_image(branding.logo)

    def show_data(self, data) -> None:
        """Keep what to draw and repaint; each view names this after what it shows (show_tally...)."""
        self.data = data
        self.update()

    def reset_boxes(self) -> None:
        """Forget what the last paint placed where (the boxes tests and the console read)."""

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), BACKGROUND)
            self.reset_boxes()
            if self.data is not None:
                self.draw(painter, WallScale(self.height()))
