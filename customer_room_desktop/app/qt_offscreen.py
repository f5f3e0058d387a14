"""Qt for commands that draw but show nothing (minutes, renders): offscreen unless a display is there."""

from __future__ import annotations

import os


def ensure_gui_application():
    """The running QGuiApplication, or a new one; without a display it draws offscreen."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app
