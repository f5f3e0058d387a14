"""A frame painted a band at a time shows exactly what the view draws in one piece."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from customer_room_desktop.ui.walls.frame_view import FRAME_FORMAT, FrameCanvas


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return np.array(raw[:, : image.width(), :3])


@pytest.mark.parametrize("view", ["stage:1", "complaints:4"])
@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1366, 768)])
def test_a_frame_painted_in_bands_matches_the_view_painted_whole(qtbot, factory, view, size):
    widget = factory.build(view, size)
    qtbot.addWidget(widget)
    whole = QImage(*size, QImage.Format.Format_RGB32)
    widget.render(whole)
    frame = FrameCanvas().paint(widget, QSize(*size))
    assert frame.format() == FRAME_FORMAT and (frame.width(), frame.height()) == size
    # frames are kept at the window's 32 bits and large type is copied from glyph pictures, not filled as
    # outlines under each band's clip: the seams between bands leave no trace at all
    differ = np.any(pixels(frame) != pixels(whole), axis=2)
    assert not differ.any(), f"{differ.sum()} pixels differ, first at row {np.argwhere(differ)[0][0]}"


def test_a_dropped_frame_of_the_same_size_is_painted_over_not_reallocated(qtbot, factory):
    widget = factory.build("stage:2", (1920, 1080))
    qtbot.addWidget(widget)
    canvas = FrameCanvas()
    dropped = QImage(1920, 1080, FRAME_FORMAT)
    frame = canvas.paint(widget, QSize(1920, 1080), dropped)
    assert frame.cacheKey() >> 32 == dropped.cacheKey() >> 32  # the same image data, painted over
    smaller = canvas.paint(widget, QSize(1280, 720), dropped)
    assert (smaller.width(), smaller.height()) == (1280, 720)
