"""The heat map's colours: a ramp from dark brand to warm near-white, mixed in OKLab so that equal steps
in the count look like equal steps in lightness, and the ink that reads best on each cell."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtGui import QColor

from .wall_style import BACKGROUND, SURFACE_HIGH, TEXT

ZERO_COLOUR = SURFACE_HIGH  # a month with no complaints in a stage: drawn, but barely above the background
HOT_COLOUR = QColor("#FFE49A")  # the top of the heat ramp: a warm, near-white yellow


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _mix(matrix: tuple[tuple[float, float, float], ...], v) -> tuple[float, ...]:
    return tuple(sum(m * x for m, x in zip(row, v)) for row in matrix)


_TO_LMS = ((0.4122214708, 0.5363325363, 0.0514459929), (0.2119034982, 0.6806995451, 0.1073969566),
           (0.0883024619, 0.2817188376, 0.6299787005))
_LMS_TO_LAB = ((0.2104542553, 0.7936177850, -0.0040720468), (1.9779984951, -2.4285922050, 0.4505937099),
               (0.0259040371, 0.7827717662, -0.8086757660))
_LAB_TO_LMS = ((1, 0.3963377774, 0.2158037573), (1, -0.1055613458, -0.0638541728), (1, -0.0894841894, -1.2914855480))
_FROM_LMS = ((4.0767416621, -3.3077115913, 0.2309699292), (-1.2684380046, 2.6097574011, -0.3413193965),
             (-0.0041960863, -0.7034186147, 1.7076147010))


def _oklab(colour: QColor) -> tuple[float, ...]:
    """OKLab (Björn Ottosson's published matrices): a colour space where distances match what eyes see."""
    lms = _mix(_TO_LMS, [_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF())])
    return _mix(_LMS_TO_LAB, [math.copysign(abs(v) ** (1 / 3), v) for v in lms])


def _from_oklab(lab) -> QColor:
    rgb = [min(1.0, max(0.0, c)) for c in _mix(_FROM_LMS, [v ** 3 for v in _mix(_LAB_TO_LMS, lab)])]
    return QColor(*(round(255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)) for c in rgb))


@lru_cache(maxsize=8)
def heat_ramp(brand: str) -> tuple[QColor, ...]:
    """256 colours from dark brand to brand to warm near-white, mixed in OKLab so that equal steps
    look equal. The brand's lightness is held mid-way so lightness always rises with the count."""
    zero, mid, hot = _oklab(ZERO_COLOUR), _oklab(QColor(brand)), _oklab(HOT_COLOUR)
    dark = tuple(z + (b - z) * 0.35 for z, b in zip(zero, mid))
    dark = (max(dark[0], 0.36),) + dark[1:]  # the quietest non-zero cell stands clear of zero
    mid = (min(0.74, max(0.58, mid[0])),) + mid[1:]
    colours = []
    for step in range(256):
        t = step / 255
        start, end, f = (dark, mid, t / 0.55) if t < 0.55 else (mid, hot, (t - 0.55) / 0.45)
        colours.append(_from_oklab([a + (b - a) * f for a, b in zip(start, end)]))
    return tuple(colours)


def heat_colour(count: int, most: int, brand: str) -> QColor:
    """A cell's shade, in proportion to its count: the hot spots are what the room must see."""
    if count <= 0 or most <= 0:
        return ZERO_COLOUR
    return heat_ramp(brand)[round(255 * min(count, most) / most)]


def ink_on(fill: QColor) -> QColor:
    """Light or dark text, whichever contrasts more with ``fill`` (WCAG contrast ratio)."""
    def luminance(c: QColor) -> float:
        return sum(w * _linear(v) for w, v in zip((0.2126, 0.7152, 0.0722), (c.redF(), c.greenF(), c.blueF())))
    y = luminance(fill)
    return TEXT if (luminance(TEXT) + 0.05) / (y + 0.05) >= (y + 0.05) / (luminance(BACKGROUND) + 0.05) else BACKGROUND
