"""The console's text follows the system's font size.

The console's style sheets give sizes in pixels as designed for a 10-point system font at 96 dpi. They
are turned into points (so a desktop's text-scaling or font-DPI setting applies) and multiplied by the
system font's size over 10 points, so someone who sets a larger font for the desktop gets a larger
console. The console never shrinks below its design, and stops at three times it.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

DESIGN_POINT_SIZE = 10.0
_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")


def system_text_scale() -> float:
    app = QApplication.instance()
    points = app.font().pointSizeF() if isinstance(app, QApplication) else DESIGN_POINT_SIZE
    return min(3.0, max(1.0, points / DESIGN_POINT_SIZE))


def points_for(pixels: float, scale: float | None = None) -> float:
    """A designed pixel size as points at this system's text scale."""
    return round(pixels * 72 / 96 * (system_text_scale() if scale is None else scale), 1)


def scaled_style_sheet(sheet: str, scale: float | None = None) -> str:
    """``sheet`` with every font size in points at this system's text scale."""
    return _FONT_SIZE.sub(lambda match: f"font-size: {points_for(float(match[1]), scale)}pt", sheet)
