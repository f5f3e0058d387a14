"""Looking at a wall view as pixels: render it at a size, and ask which pixels have a colour."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication


def render_rgb(qtbot, widget, size: tuple[int, int]) -> np.ndarray:
    """Grab the widget at ``size`` as an RGB array; the widget stays alive to inspect its layout."""
    qtbot.addWidget(widget)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == size
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return np.array(raw[:, : image.width(), 2::-1])  # BGRA in memory, RGB out


def is_colour(pixels: np.ndarray, colour: str | QColor, tolerance: int = 3) -> np.ndarray:
    rgb = np.array(QColor(colour).getRgb()[:3])
    return np.all(np.abs(pixels.astype(int) - rgb) <= tolerance, axis=-1)
