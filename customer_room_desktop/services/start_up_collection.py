"""Python's cycle collector waits while the program starts.

Opening a room live makes some 50,000 objects the collector tracks (modules, classes, widgets, view
data) and no cyclic garbage: a full collection once the walls are painted frees nothing. Yet while they
are made the collector walks them over and over, 78 passes and 20-30 ms of the cold start, and the
main-thread collector (main_thread_gc) would walk them all once more, 35-45 ms, in the event loop's
first pass, just before the walls are painted. So collection is paused from launch until the room is
on screen, or until a command that opens no room live begins. What exists by then lives as long as the
program: it is frozen out of every later collection, which walks only what the session makes.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Collect nothing until ``resume`` (the program's entry point calls this first)."""
    global _paused
    _paused = True
    gc.disable()


def is_paused() -> bool:
    return _paused


def resume(*, automatic: bool) -> None:
    """End the pause, leaving what exists now out of later collections. ``automatic``: Python collects
    by itself again; False when the main-thread collector runs the collections. Does nothing when
    nothing was paused (tests, or the program run from other code)."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.freeze()
    if automatic:
        gc.enable()
