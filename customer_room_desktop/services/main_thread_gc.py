"""Python's cyclic garbage collector, run only on the Qt main thread.

Left to itself, a collection runs on whichever thread allocates when one is due: the phone server's
thread, a libVLC callback, a decode job. The collection deletes whatever Qt objects are in the garbage
there, and a main-thread QObject deleted on another thread takes its signal lock and then waits for the
interpreter lock, which the main thread holds while it waits for that signal lock: the process hangs.
Here the automatic collector is switched off and a main-thread timer runs the collections that Python
would have run, at its own thresholds, between events. While the program starts it runs none
(start_up_collection)."""

from __future__ import annotations

import gc
import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

from . import start_up_collection

_CHECK_EVERY_MS = 100


class MainThreadCollector(QObject):
    """Owns the collector while it lives; ``stop`` hands collections back to Python.

    It stays on after the event loop returns: objects deleted at exit must not be collected on a
    thread that is still running."""

    def __init__(self, parent: QObject, interval_ms: int = _CHECK_EVERY_MS):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> int:
        """Run the generation Python's thresholds call for, if any; the generation run, or -1."""
        if threading.current_thread() is not threading.main_thread() or start_up_collection.is_paused():
            return -1
        generation = due_generation(gc.get_count(), gc.get_threshold())
        if generation >= 0:
            gc.collect(generation)
            self.collections += 1
        return generation

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def due_generation(counts: tuple[int, int, int], thresholds: tuple[int, ...]) -> int:
    """The oldest generation whose count has passed its threshold, as CPython chooses; -1 for none."""
    if not thresholds or thresholds[0] == 0:
        return -1  # collection switched off by the program
    for generation in (2, 1, 0):
        if generation < len(thresholds) and counts[generation] > thresholds[generation]:
            return generation
    return -1


_installed: MainThreadCollector | None = None


def collect_on_main_thread(app: QCoreApplication) -> MainThreadCollector:
    """Install the main-thread collector on ``app`` once; later calls return the same one."""
    global _installed
    if _installed is not None and shiboken6.isValid(_installed) and _installed.parent() is app:
        return _installed
    _installed = MainThreadCollector(app)
    return _installed
