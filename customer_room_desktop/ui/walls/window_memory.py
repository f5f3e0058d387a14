"""The walls' pixel memory made ready on another thread while the main thread paints.

A window's first paint writes every pixel of a buffer the system has only promised: the kernel finds
and zeroes each 4 KB page at its first write. On the machine the benchmarks run on (a virtual one) that
is 20-75 ms for a 4K wall, a third of its first paint and the same again for each wall, all on the
main thread. So once the walls are shown, a thread asks the kernel for their pages
(``madvise(MADV_POPULATE_WRITE)``, Linux 5.14 and later), which touches no pixel, while the main
thread makes the walls' first frames and paints the console and the first wall; the walls' background
fills then took 26-30 ms in all instead of 74-96.

Only where a window's buffer is an image in the process's memory before its first paint: X11 (xcb,
a shared-memory image) and Qt's offscreen platform. Elsewhere (Wayland, Windows, macOS) nothing is done.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Iterable

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

MADV_POPULATE_WRITE = 23
_PAGE = 4096
_PLATFORMS = ("xcb", "offscreen")


def prepare_pixel_memory(windows: Iterable[QWidget]) -> threading.Thread | None:
    """Start a thread that readies the pixel memory of ``windows`` (shown, in the order they will be
    painted); the thread, or None where nothing can be done."""
    if sys.platform != "linux" or QGuiApplication.platformName() not in _PLATFORMS:
        return None
    spans = [span for window in windows if (span := _pixel_span(window)) is not None]
    if not spans:
        return None
    thread = threading.Thread(target=_populate, args=(spans,), name="wall pixel memory", daemon=True)
    thread.start()
    return thread


def _pixel_span(window: QWidget) -> tuple[int, int] | None:
    """Where the window's buffer lies (start, length), page-aligned; None when it is not yet an image.
    The buffer is made at the window's size now, as the first paint would make it."""
    store = window.backingStore()
    if store is None:
        return None
    store.resize(window.size())
    image = store.paintDevice()
    if not isinstance(image, QImage) or image.isNull():
        return None
    start = ctypes.addressof(ctypes.c_char.from_buffer(image.bits()))
    offset = start % _PAGE
    return start - offset, image.sizeInBytes() + offset


def _populate(spans: list[tuple[int, int]]) -> None:
    """The kernel finds the pages now; ctypes lets go of the interpreter lock meanwhile. A buffer the
    window has dropped since (it was resized) is no longer mapped: madvise then fails, harmlessly."""
    madvise = ctypes.CDLL(None, use_errno=True).madvise
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    for start, length in spans:
        madvise(start, length, MADV_POPULATE_WRITE)
