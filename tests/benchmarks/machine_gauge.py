"""How fast this machine copies pixels at the moment, printed beside the timings it explains.

The benchmark machine is a virtual one whose speed changes up to four times within a day, which moves
every figure here that paints. The gauge is the work a stage switch is made of: 700 copies of pieces
32 to 128 pixels wide and 20 high from one image onto a 4K one, the median of 30 rounds. It read
1.4-1.5 ms in fast hours and 5.4-6.9 ms in slow ones (2026-12-02 and -03).
"""

from __future__ import annotations

import collections
import itertools
import random
import statistics
import time

GAUGE_NAME = "machine copy gauge (ms, 1.5 fast, 5-7 slow)"  # the docstring says what it copies


def copy_gauge_ms(copies: int = 700, rounds: int = 30) -> float:
    """The median time, in milliseconds, of one round of ``copies`` piece copies (no window needed)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QImage, QPainter

    target = QImage(3840, 2160, QImage.Format.Format_RGB32)
    target.fill(0)
    source = QImage(3840, 400, QImage.Format.Format_RGB32)
    source.fill(0xFF336699)
    chance = random.Random(1)
    pieces = []
    for _ in range(copies):  # drawn in this order: the pieces of the gauge quoted in the docstring
        x, y, width = chance.randrange(0, 3700) // 32 * 32, chance.randrange(0, 108) * 20, 32 * chance.randint(1, 4)
        from_x, from_y = chance.randrange(0, 3700) // 32 * 32, chance.randrange(0, 19) * 20
        pieces.append((QPoint(x, y), source, QRect(from_x, from_y, width, 20)))
    times = []
    for _ in range(rounds):
        painter = QPainter(target)
        started = time.perf_counter()
        collections.deque(itertools.starmap(painter.drawImage, pieces), maxlen=0)
        times.append(time.perf_counter() - started)
        painter.end()
    return statistics.median(times) * 1000
