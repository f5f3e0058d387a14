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
    """Which pixels are within ``tolerance`` of ``colour`` in each of R, G and B.

    One 256-entry table per channel, looked up by the pixel's byte: the same answer as comparing
    |pixel - colour| channel by channel, without making int64 copies of a 4K wall (ten times faster).
    """
    levels = np.arange(256)
    matches = np.ones(pixels.shape[:-1], dtype=bool)
    for channel, value in enumerate(QColor(colour).getRgb()[:3]):
        matches &= (np.abs(levels - value) <= tolerance)[pixels[..., channel]]
    return matches
