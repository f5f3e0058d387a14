"""The mouse wheel changes nothing by accident: a combo box or spin box turns with the wheel only once
it has the keyboard focus (the user clicked it or tabbed to it).

Scrolling a console panel with the pointer passing over a sponsor combo box or a dots spin box used
to change them. With the guard installed, the wheel over such a widget that does not have the focus
goes to its parents instead, so the surrounding scroll area scrolls on. Qt gives the wheel focus to a
widget whose focus policy is ``WheelFocus`` (the default of spin boxes) before the widget sees the
wheel, so the guard also turns that policy into ``StrongFocus``: click or Tab, never the wheel.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent, QWindow
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)
_GUARD_PROPERTY = "customerRoomWheelGuard"


def guarded_widget(widget: QWidget | None) -> QWidget | None:
    """The combo box or spin box the widget is, or is a part of (the line edit inside a spin box or an
    editable combo box); None for any other widget. A combo box's popup list is a window of its own
    and is not guarded."""
    while widget is not None:
        if isinstance(widget, GUARDED):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def has_keyboard_focus(widget: QWidget) -> bool:
    """Whether the widget, or a part of it, has the keyboard focus."""
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def take_focus_by_click_or_tab(widget: QWidget) -> bool:
    """Give a combo box or spin box the focus policy ``StrongFocus`` if the wheel could give it the
    focus (``WheelFocus``); True if the policy was changed. Other widgets and policies are left alone."""
    if isinstance(widget, GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return True
    return False


def strong_focus(root: QWidget) -> int:
    """``take_focus_by_click_or_tab`` on ``root`` and every combo box and spin box inside it; the
    number of widgets changed."""
    widgets = [root, *root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    return sum(take_focus_by_click_or_tab(widget) for widget in widgets)


class WheelGuard(QObject):
    """An event filter on the application: the wheel over a combo box or spin box without the keyboard
    focus is passed on to its parents instead of changing it. Install it with ``guard_wheel``."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._app = app
        app.installEventFilter(self)

    def remove(self) -> None:
        """Take the guard off the application (the focus policies already changed stay)."""
        self._app.removeEventFilter(self)
        self._app.setProperty(_GUARD_PROPERTY, None)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Stops the wheel at an unfocused combo box or spin box; Qt then offers it to the parents."""
        if not isinstance(event, QWheelEvent):  # first, and cheap: every event of the application comes here
            return False
        if isinstance(watched, QWindow):
            self._before_focus_moves(watched, event)
            return False
        if not isinstance(watched, QWidget):
            return False
        target = guarded_widget(watched)
        if target is None or has_keyboard_focus(target):
            return False
        event.ignore()  # filtered but not accepted: Qt goes on to the parent widget
        return True

    def _before_focus_moves(self, window: QWindow, event: QWheelEvent) -> None:
        """The wheel reaches the window before Qt gives the wheel focus to the widget under the
        pointer: a combo box or spin box there loses ``WheelFocus`` first."""
        for top in QApplication.topLevelWidgets():
            if top.windowHandle() is window:
                target = guarded_widget(top.childAt(event.position().toPoint()))
                if target is not None:
                    take_focus_by_click_or_tab(target)
                return


def _application() -> QApplication | None:
    """The running QApplication, if there is one."""
    return cast(QApplication | None, QApplication.instance())


def installed_guard(app: QApplication | None = None) -> WheelGuard | None:
    """The guard installed on the application, if any."""
    app = app or _application()
    guard = app.property(_GUARD_PROPERTY) if app is not None else None
    return guard if isinstance(guard, WheelGuard) else None


def guard_wheel(app: QApplication | None = None) -> WheelGuard:
    """Install the wheel guard on the application (once: a second call returns the same guard) and
    give every combo box and spin box already built the ``StrongFocus`` policy."""
    app = app or _application()
    if app is None:
        raise RuntimeError("guard_wheel needs a QApplication")
    guard = installed_guard(app)
    if guard is None:
        guard = WheelGuard(app)
        app.setProperty(_GUARD_PROPERTY, guard)
    for top in QApplication.topLevelWidgets():
        strong_focus(top)
    return guard
