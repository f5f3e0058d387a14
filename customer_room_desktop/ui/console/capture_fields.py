"""The fields and buttons of the capture bar, and the answer field of an exercise.

The two fields keep the keys they need (Enter, Esc) even though the room binds them as shortcuts. The
kind buttons and the status are sized for a laptop's screen (see capture_bar): their sizes come from
the style sheet's fonts when Qt asks for them, so nothing is polished ahead of the console's one pass.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from ...services.painting import painting
from .panel_kit import shrunk_font

SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CaptureField(QLineEdit):
    """A line edit that keeps Enter and Esc for itself, even though the room binds them as shortcuts."""

    escaped = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in (*SUBMIT_KEYS, Qt.Key.Key_Escape):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class DueDateEdit(QDateEdit):
    """A date field where Enter saves the capture instead of being taken by the room's keys."""

    submitted = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in SUBMIT_KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in SUBMIT_KEYS:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class KindButton(QPushButton):
    """"Decision (Ctrl+D)", or "Decision" where the bar is narrow (the tooltip keeps the keys); however it
    reads, its least width is the short label's, so the console can always be narrowed to where it is short."""

    def __init__(self, label: str, keys: str):
        super().__init__(f"{label} ({keys})", objectName="capturekind", toolTip=keys)
        self._label, self._keys = label, keys
        # a button's width policy takes its size hint (the label it shows) for its least width: this one's is smaller
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _width_with(self, text: str) -> int:
        metrics = self.fontMetrics()
        return super().sizeHint().width() - metrics.horizontalAdvance(self.text()) + metrics.horizontalAdvance(text)

    def full_width(self) -> int:
        return self._width_with(f"{self._label} ({self._keys})")

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_with(self._label), super().minimumSizeHint().height())

    def show_keys(self, shown: bool) -> None:
        text = f"{self._label} ({self._keys})" if shown else self._label
        if text != self.text():
            self.setText(text)


class TwoLineLabel(QLabel):
    """A wrapping label two lines high whatever it says, so what lies below it never moves."""

    def __init__(self, parent: QWidget | None = None, objectName: str = ""):
        super().__init__(parent, objectName=objectName, wordWrap=True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _height(self) -> int:
        margins = self.contentsMargins()
        return 2 * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        """Narrow: it wraps to what it is given (its own guess, for a long text, was half the bar)."""
        return QSize(self.fontMetrics().averageCharWidth() * 10, self._height())

    def hasHeightForWidth(self) -> bool:
        return False

    def _flags(self) -> int:
        return int(self.alignment()) | Qt.TextFlag.TextWordWrap.value

    def _fits(self, font: QFont) -> bool:
        area = self.contentsRect()
        return QFontMetrics(font).boundingRect(area, self._flags(), self.text()).height() <= area.height()

    def drawn_font(self) -> QFont:
        """The label's font, or where its text needs more than two lines at this width (a laptop at 150 %),
        a smaller one, down to three quarters of its size, rather than the text cut at the top and bottom."""
        return self.font() if self._fits(self.font()) else shrunk_font(self.font(), self._fits, 0.75)

    def paintEvent(self, event: QPaintEvent) -> None:
        font = self.drawn_font()
        shrunk = font != self.font()
        self.setToolTip(self.text() if shrunk else "")
        if not shrunk:
            super().paintEvent(event)
            return
        with painting(self) as painter:
            painter.setFont(font)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(self.contentsRect(), self._flags(), self.text())
