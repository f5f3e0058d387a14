"""A row of widgets that wraps onto more lines when the console is too narrow for it.

A laptop at 1366x768, or a 1920x1080 screen at Windows' default 125 % (1536x864 for Qt), cannot fit
the console's buttons, capture kinds and wall pictures in one line each: laid out in fixed rows they
made the console 1877 pixels wide at least, so its right side lay off the screen. In this layout the
items keep their order and their size, and a line ends where the next item would not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

SPACING = 8


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = SPACING):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._lines_height = 0  # what the lines took at the width last given: the least height from then on
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._lay_out(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._lay_out(rect, place=True)
        if height != self._lines_height:  # the window's least height changes with it: asked for after this
            self._lines_height = height  # pass of the layout, which would lose it (the window's least size
            QTimer.singleShot(0, self, self.invalidate)  # ignores heights for widths: this is how it learns them)

    def sizeHint(self) -> QSize:
        """All on one line, when there is room for it."""
        shown = [item.sizeHint() for item in self._shown()]
        width = sum(size.width() for size in shown) + self._gap * max(0, len(shown) - 1)
        height = max((size.height() for size in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item (one item a line), and as high as the lines were where last laid out."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        size = size.grownBy(self.contentsMargins())
        return QSize(size.width(), max(size.height(), self._lines_height))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lay_out(self, rect: QRect, place: bool) -> int:
        """Place the items line by line within ``rect``, each centred on its line's height (or only
        measure); the height the lines take."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._shown():
            hint = item.sizeHint()
            size = QSize(min(hint.width(), area.width()), hint.height()).expandedTo(item.minimumSize())
            if lines[-1] and x + size.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, size))
            x += size.width() + self._gap
        y = area.y()
        for line in lines:
            height = max((size.height() for _, size in line), default=0)
            x = area.x()
            for item, size in line:
                if place:
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
                x += size.width() + self._gap
            y += height + self._gap
        return max(0, y - self._gap - rect.y()) + margins.bottom()
