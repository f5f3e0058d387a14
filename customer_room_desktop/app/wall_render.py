"""`customer-room render`: any wall view, drawn offscreen by the same widgets the live walls use."""

from __future__ import annotations

import re
from pathlib import Path

from ..storage.room_file import RoomFile

from ..domain.wall_views import ViewSpecError

__all__ = ["ViewSpecError", "grab_widget", "parse_size", "render_view"]


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})x(\d{2,5})", text.strip().lower())
    if not match:
        raise ViewSpecError(f"--size takes WIDTHxHEIGHT such as 3840x2160, not '{text}'.")
    return int(match[1]), int(match[2])


def grab_widget(widget, size: tuple[int, int]):
    """Lay the widget out at ``size`` without showing it on any screen, and grab it as a QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage()
    widget.hide()
    widget.deleteLater()
    QApplication.processEvents()
    return image


def render_view(room_path: Path, view: str, size: tuple[int, int], output: Path) -> Path:
    from .qt_offscreen import ensure_widget_application
    from .wall_factory import WallFactory

    ensure_widget_application()  # widgets need one, even offscreen
    with RoomFile.open(room_path, read_only=True) as room:
        factory = WallFactory(room)
        widget = factory.build(view, size)
    image = grab_widget(widget, size)
    output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(output)):
        raise ViewSpecError(f"Could not write the picture to {output}.")
    return output
