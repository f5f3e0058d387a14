"""A wall's pixel memory is made ready before its first paint, and readying it changes no pixel."""

from __future__ import annotations

import ctypes
import mmap
import sys

import pytest
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from customer_room_desktop.ui.walls import window_memory
from customer_room_desktop.ui.walls.window_memory import prepare_pixel_memory

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the pages are asked for with Linux's madvise")


class Painted(QWidget):
    def __init__(self, colour: str):
        super().__init__()
        self.colour = QColor(colour)
        self.paints = 0

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        self.paints += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


def _resident_share(start: int, length: int) -> float:
    """The share of the span's pages in memory now (mincore)."""
    pages = -(-length // 4096)
    vector = (ctypes.c_ubyte * pages)()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mincore.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    assert libc.mincore(start, length, vector) == 0, ctypes.get_errno()
    return sum(byte & 1 for byte in vector) / pages


def test_the_thread_brings_every_page_of_a_buffer_into_memory_and_writes_none():
    buffer = mmap.mmap(-1, 40 * 2**20)  # fresh pages, only promised
    cell = ctypes.c_char.from_buffer(buffer)
    start = ctypes.addressof(cell)
    assert _resident_share(start, len(buffer)) < 0.05
    window_memory._populate([(start, len(buffer))])
    assert _resident_share(start, len(buffer)) == 1.0
    del cell
    assert buffer.find(b"\x01") == -1 and buffer.rfind(bytes(4096)) == len(buffer) - 4096
    buffer.close()


def test_a_shown_wall_s_buffer_is_found_before_it_first_paints(qtbot):
    wall = Painted("#1e5a8c")
    qtbot.addWidget(wall)
    wall.resize(1920, 1080)
    wall.show()
    span = window_memory._pixel_span(wall)
    assert wall.paints == 0
    assert span is not None
    image = wall.backingStore().paintDevice()
    address = ctypes.addressof(ctypes.c_char.from_buffer(image.bits()))
    assert span[0] <= address and span[0] + span[1] == address + image.sizeInBytes()
    assert image.size() == wall.size()
    thread = prepare_pixel_memory([wall])
    assert thread is not None
    thread.join(timeout=10)
    assert _resident_share(*span) == 1.0


def test_readying_the_memory_of_a_painted_wall_changes_no_pixel(qtbot):
    wall = Painted("#c8102e")
    qtbot.addWidget(wall)
    wall.resize(1280, 720)
    wall.show()
    qtbot.waitUntil(lambda: wall.paints > 0)
    before = wall.backingStore().paintDevice().copy()
    thread = prepare_pixel_memory([wall])
    assert thread is not None
    thread.join(timeout=10)
    after = wall.backingStore().paintDevice()
    assert after == before
    assert after.pixelColor(640, 360) == QColor("#c8102e")


def test_nothing_is_done_where_a_window_has_no_image_before_painting(qtbot, monkeypatch):
    wall = Painted("#000000")
    qtbot.addWidget(wall)
    wall.show()
    monkeypatch.setattr(window_memory, "_PLATFORMS", ("xcb",))  # as on Wayland, Windows or macOS
    assert prepare_pixel_memory([wall]) is None
