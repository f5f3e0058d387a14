"""The colours of the reliability states, for the walls and the console alike.

Chosen to stay apart for everyone: simulated for protanopia, deuteranopia and tritanopia (Machado et
al. 2009), every two states differ by a CIEDE2000 of at least 20 (tests/ui/test_reliability_palette.py).
Red and green alone fail that for about one man in twelve, so "reliable" is cyan, not green. Colour is
never the only sign: each state also has its shape and word (domain.reliability.Reliability.label).
"""

from __future__ import annotations

RELIABILITY_HEX = {
    "reliable": "#2AD1EA",
    "at risk": "#FED53B",
    "unreliable": "#DB2C2D",
    "unknown": "#5D6873",
}
