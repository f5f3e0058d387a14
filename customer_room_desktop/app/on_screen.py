"""Waiting, without blocking the event loop, until the room's windows are on screen."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer


def once_on_screen(shown: Callable[[], bool], closing: Callable[[], bool], then: Callable[[], None], *,
                   poll_ms: int, give_up_s: float | None = None) -> None:
    """Call ``then`` once ``shown()`` is true (or after ``give_up_s`` seconds, when given: a window that
    never shows keeps nothing waiting); never, if ``closing()`` becomes true first. Asks again every
    ``poll_ms`` milliseconds."""
    give_up = None if give_up_s is None else time.monotonic() + give_up_s

    def check() -> None:
        if closing():
            return
        if shown() or (give_up is not None and time.monotonic() > give_up):
            then()
        else:
            QTimer.singleShot(poll_ms, check)

    check()
