"""A room's brand colour on paper: as typed in room.toml it may be too light to read as text on white.

Text in the brand colour is darkened until it reads at the WCAG contrast of body text (4.5:1); fills use a
light tint of it. A colour that is not #RGB or #RRGGBB falls back to the default brand colour.
"""

from __future__ import annotations

import re

DEFAULT_BRAND = "#12A4B4"  # the room table's default
BODY_CONTRAST = 4.5


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.strip() if isinstance(colour, str) else ""
    if re.fullmatch(r"#[0-9a-fA-F]{3}", text):
        text = "#" + "".join(ch * 2 for ch in text[1:])
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        text = DEFAULT_BRAND
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def brand_hex(colour: str) -> str:
    """The brand colour as #rrggbb (the default for one that cannot be read)."""
    return _hex(_rgb(colour))


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on_white(colour: str, minimum: float = BODY_CONTRAST) -> str:
    """The brand colour, darkened just enough to read as text on white."""
    r, g, b = _rgb(colour)
    for step in range(101):
        share = 1 - step / 100
        candidate = _hex((r * share, g * share, b * share))
        if contrast(candidate, "#ffffff") >= minimum:
            return candidate
    return "#000000"


def tint(colour: str, share: float) -> str:
    """The brand colour mixed with white: ``share`` of the colour (0.12 is a light fill behind text)."""
    return _hex(tuple(255 - (255 - c) * share for c in _rgb(colour)))  # type: ignore[arg-type]
