"""Small pieces both conversation panels of the console share: styles, buttons, lists, the message line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QWidget,
)
from ...services.painting import painting
from .text_scale import points_for

# Rules console.qss does not have (tables, trees, forms, the message line); both conversation panels use them.
FOCUS_PANEL_QSS = """
QWidget#focuspanel, QWidget#accountabilitypanel, QWidget#panelbody { background: #11161C; color: #F0F3F6; }
QScrollArea#panelscroll { background: #11161C; border: none; }
QLabel#info { background: #12343A; color: #BFF3F8; font-size: 15px; padding: 8px 12px; border-radius: 6px; }
QLabel#warning { background: #5C3B00; color: #FFE3A3; font-size: 15px; font-weight: 700; padding: 8px 12px;
                 border-radius: 6px; border-left: 6px solid #FFC845; }
QLabel#hint { color: #8FA0AF; font-size: 13px; }
QLabel#budget { font-size: 15px; font-weight: 700; color: #3DDC84; }  /* all dots given */
QLabel#budget[state="under"] { color: #F0F3F6; } QLabel#budget[state="over"] { color: #FF5C5C; }
QPushButton { font-size: 15px; padding: 7px 14px; }
QPushButton#primary { background: #12A4B4; color: #0B0F14; font-weight: 700; }
QPushButton:disabled, QPushButton#primary:disabled { background: #1A222B; color: #56636F; }
QGroupBox { color: #8FA0AF; font-size: 13px; font-weight: 700; border: 1px solid #2C3A47; border-radius: 6px;
            margin-top: 14px; padding: 12px 8px 8px 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QTableWidget, QTreeWidget { background: #1A222B; alternate-background-color: #1E2833; color: #F0F3F6;
    gridline-color: #2C3A47; font-size: 14px; border: none; selection-background-color: #0E5F69;
    selection-color: #F0F3F6; }
QHeaderView::section { background: #243140; color: #C3CDD6; font-size: 13px; font-weight: 700; padding: 4px 6px;
                       border: none; border-right: 1px solid #11161C; }
QPlainTextEdit { background: #1A222B; color: #F0F3F6; font-size: 15px; border: 1px solid #2C3A47; }
QComboBox { background: #1A222B; color: #F0F3F6; border: 1px solid #2C3A47; }
QComboBox QAbstractItemView { background: #1A222B; color: #F0F3F6; selection-background-color: #12A4B4; }
QListWidget#stoplist { font-size: 14px; }
QListWidget#stoplist::item { padding: 6px; border-bottom: 1px solid #2C3A47; }
"""

GOOD, BAD, CAUTION, QUIET, TEAL = "#3DDC84", "#FF5C5C", "#FFC845", "#8FA0AF", "#12A4B4"


def panel_button(text: str, primary: bool = False, *, checkable: bool = False, name: str = "") -> QPushButton:
    """A console button: reached with Tab and pressed with Enter or Space, but a click never takes the
    keyboard focus away from what the facilitator types (the room's keys stay with the room)."""
    button = QPushButton(text, objectName=name or ("primary" if primary else ""))
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setAutoDefault(True)  # Enter presses the button that has the focus
    return button


def wrapping_list(name: str) -> QListWidget:
    """A list whose long lines wrap instead of hiding behind a horizontal scroll bar."""
    items = QListWidget(objectName=name)
    items.setWordWrap(True)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    items.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap when the panel is resized, never elide
    return items


def hbox(*parts: QWidget | int) -> QHBoxLayout:
    """A row of widgets; a number among them is a stretch that takes the spare width."""
    row = QHBoxLayout()
    for part in parts:
        if isinstance(part, int):
            row.addStretch(part)
        else:
            row.addWidget(part)
    return row


class ElidedLabel(QLabel):
    """One line that ends in "…" where the console is too narrow for it, whole in its tooltip: a long stage
    or session name (a client's folder name, say) never makes the console wider than the screen."""

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 12, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        self.setToolTip(self.text() if shown != self.text() else "")
        with painting(self) as painter:
            draw_label_text(self, painter, area, shown)


def draw_label_text(label: QLabel, painter: QPainter, area: QRect, text: str) -> None:
    """``text`` in ``area`` as the style draws a label's (its alignment, its palette's text colour), drawn
    here: the first ``style()`` called from Python makes QStyle's 21 enums, 5 ms, during the first paint."""
    if text:
        painter.setPen(QPen(label.palette().brush(label.foregroundRole()), painter.pen().widthF()))
        painter.drawText(area, int(label.alignment()), text)


def shrunk_font(font: QFont, fits: Callable[[QFont], bool], smallest: float) -> QFont:
    """``font`` as large as ``fits`` accepts, but no smaller than ``smallest`` of it (then at that size)."""
    shrunk, scale = QFont(font), 1.0
    while True:
        scale = max(smallest, scale)
        if font.pixelSize() > 0:
            shrunk.setPixelSize(max(1, int(font.pixelSize() * scale)))
        else:
            shrunk.setPointSizeF(font.pointSizeF() * scale)
        if scale == smallest or fits(shrunk):
            return shrunk
        scale *= 0.95


class FittedLabel(QLabel):
    """One line drawn smaller, down to ``SMALLEST`` of its size, where the console is too narrow for it, and
    ending in "…" only below that; its least width does not depend on its text. The session clock's line,
    1,051 pixels in a conversation, needed a console of 1,761: on a 1366-pixel laptop the console grew past
    the screen each time a conversation began."""

    SMALLEST = 0.6

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 20, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        area = self.contentsRect()
        if self.fontMetrics().horizontalAdvance(self.text()) <= area.width():
            super().paintEvent(event)
            return
        room = area.width() - 2  # two pixels short of the edge, which the last glyph may reach
        font = shrunk_font(self.font(), lambda font: QFontMetrics(font).horizontalAdvance(self.text()) <= room,
                           self.SMALLEST)
        shown = QFontMetrics(font).elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        with painting(self) as painter:
            painter.setFont(font)
            draw_label_text(self, painter, area, shown)


def scrolled(body: QWidget, name: str = "tabscroll") -> QScrollArea:
    """``body`` in a frameless area that scrolls when the console is smaller than it (a laptop's screen),
    so no page of a tab makes the console taller or wider than the screen."""
    area = QScrollArea(objectName=name, widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    area.setWidget(body)
    body.setAutoFillBackground(False)  # setWidget turns it on, in the palette's light colour: the area's shows
    return area


def selected_item(view):
    """The facilitator's choice in a one-choice list, tree or table, or None.

    A view makes its first row "current" when it gains the keyboard focus, without selecting it, so
    only a selected item counts as chosen.
    """
    chosen = view.selectedItems()
    return chosen[0] if chosen else None


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after an object name or a property the sheet looks at has changed. A
    widget not yet polished (never shown) takes its properties when it first is: nothing to redo, and
    the console's start does not reach for the style (its Python class and enums cost 10 ms)."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def money_text(value: float, symbol: str = "£") -> str:
    """Value at risk in a few characters: £840, £33.9k, £1.2m."""
    if abs(value) >= 999_950:
        return f"{symbol}{value / 1e6:.1f}m"
    return f"{symbol}{value / 1e3:.1f}k" if abs(value) >= 1_000 else f"{symbol}{value:.0f}"


class MessageLabel(QLabel):
    """The line at the top of a panel saying why something was refused or what to look out for."""

    def __init__(self):
        super().__init__(objectName="info")
        self.setWordWrap(True)
        self.setVisible(False)

    def show_message(self, text: str, warning: bool = False) -> None:
        self.setObjectName("warning" if warning else "info")
        self.setText(text)
        self.setVisible(bool(text))
        repolish(self)


class WholeText(QPlainTextEdit):
    """Read-only text of any length in a box of ``lines`` lines that scrolls: a complaint narrative of
    25,000 characters is there whole. Laid out again only when the text changes, and never takes the
    keyboard from the room (the wheel and the scroll bar still scroll it)."""

    def __init__(self, name: str, lines: int, pixel_size: int, *, fewest_lines: int | None = None):
        """``fewest_lines``: the box may give up lines down to these where the console is short (a laptop's
        screen); its height still depends on the window alone, never on the text."""
        super().__init__(objectName=name)
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # read with the keyboard too; a click leaves the focus
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(self.font())
        font.setPointSizeF(points_for(pixel_size))
        margin = self.document().documentMargin()
        def height(count: int) -> int:
            return QFontMetrics(font).lineSpacing() * count + round(2 * margin) + 4

        self.setFixedHeight(height(lines))  # no layout jump
        if fewest_lines is not None:
            self.setMinimumHeight(height(fewest_lines))
        self._text = ""

    def setText(self, text: str) -> None:  # noqa: N802 (the name QLabel gives it)
        if text != self._text:
            self._text = text
            self.setPlainText(text)

    def text(self) -> str:
        return self._text
