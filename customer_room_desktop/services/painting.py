"""One way to paint: a QPainter that is always ended, however the drawing leaves.

It lives in services because services paint too (handouts, minutes pages); the wall views in ui
import it from here. A painter left active on a widget or an image makes Qt warn and can leave a
PDF unfinished, so every ``QPainter(device)`` ... ``painter.end()`` pair goes through this.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPaintDevice, QPainter


@contextmanager
def painting(device: QPaintDevice) -> Iterator[QPainter]:
    """``with painting(widget) as painter:`` begins painting on ``device`` and ends it on every path:
    the end of the block, an early ``return`` inside it, or an exception.

    A device that cannot be painted on gives an inactive painter (``painter.isActive()`` is False),
    as ``QPainter(device)`` does; callers that must know check it.
    """
    painter = QPainter()
    painter.begin(device)
    try:
        yield painter
    finally:
        if painter.isActive():
            painter.end()
