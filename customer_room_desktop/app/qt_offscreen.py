"""Qt for commands that draw but show nothing (minutes, renders): offscreen unless a display is there."""

from __future__ import annotations

import os


def _offscreen_without_display() -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_gui_application():
    """The running Qt application, or a new one; without a display it draws offscreen.

    A QApplication is made even where only painting is needed: widgets may be drawn later in the
    same process, and they abort the process under a plain QGuiApplication.
    """
    return ensure_widget_application()


def ensure_widget_application():
    """The running QApplication, or a new one, for commands that draw widgets (a wall view to a picture)."""
    from PySide6.QtWidgets import QApplication

    from .qt_app import qt_application

    if QApplication.instance() is None:
        _offscreen_without_display()
    return qt_application()
