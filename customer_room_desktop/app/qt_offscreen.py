"""Qt for commands that draw but show nothing (minutes, renders): offscreen unless a display is there."""

from __future__ import annotations

import os


def _offscreen_without_display() -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_gui_application():
    """The running QGuiApplication, or a new one; without a display it draws offscreen."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _offscreen_without_display()
        return QGuiApplication([])
    return QGuiApplication.instance()


def ensure_widget_application():
    """The same for commands that draw widgets (a wall view rendered to a picture)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _offscreen_without_display()
        return QApplication([])
    return QApplication.instance()
