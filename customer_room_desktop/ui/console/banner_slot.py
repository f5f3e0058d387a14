"""The slot at the top of the console for the resume banner or the early-warning alert.

It keeps one height whatever it shows, so the buttons below never move when a banner appears or
goes: two lines of the alert, or the banner with its buttons. On a narrow console (a laptop's screen)
a long banner needs more lines than that; the slot then grows to show it whole rather than cut it,
and shrinks back when it is gone.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

BANNER_HEIGHT = 64  # two lines of the alert, or the resume banner with its buttons


class BannerSlot(QWidget):
    def __init__(self, *shown: QWidget):
        super().__init__(objectName="bannerslot")
        self._shown = shown
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for widget in shown:
            box.addWidget(widget)
        self.setFixedHeight(BANNER_HEIGHT)

    def fit(self) -> None:
        """The slot's height for its width: what it shows needs, never less than the usual height."""
        needed = max([BANNER_HEIGHT] + [widget.heightForWidth(self.width()) for widget in self._shown
                                        if widget.isVisibleTo(self) and widget.hasHeightForWidth()])
        if needed != self.height():
            self.setFixedHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self.fit)  # after this pass of the layout, which would lose the change
