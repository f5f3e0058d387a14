"""The one Qt application of a windowed command: made once, its garbage collected on the main thread."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from ..services.main_thread_gc import collect_on_main_thread


def qt_application(name: str = "") -> QApplication:
    """The running QApplication, or a new one; ``name`` becomes its application name when given."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if name:
        app.setApplicationName(name)
    collect_on_main_thread(app)
    return app
