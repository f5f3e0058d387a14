"""A frame painted a band at a time and kept as tiles shows exactly what the view draws in one piece,
and a wall switched between frames ends up showing exactly the new one."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from customer_room_desktop.services.painting import painting
from customer_room_desktop.ui.walls.frame_view import FrameCanvas, FrameView
from customer_room_desktop.ui.walls.tiled_frame import TiledFrame, drawn_small


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return np.array(raw[:, : image.width(), :3])


def drawn(frame: TiledFrame) -> QImage:
    image = QImage(frame.size(), QImage.Format.Format_RGB32)
    image.fill(0xFF00FF)  # magenta: any pixel the frame leaves unpainted shows
    with painting(image) as painter:
        frame.paint(painter)
    return image


def assert_same(image: QImage, expected: QImage) -> None:
    differ = np.any(pixels(image) != pixels(expected), axis=2)
    assert not differ.any(), f"{differ.sum()} pixels differ, first at (row, column) {tuple(np.argwhere(differ)[0])}"


def whole_view(factory, qtbot, view: str, size: tuple[int, int]) -> tuple:
    widget = factory.build(view, size)
    qtbot.addWidget(widget)
    whole = QImage(*size, QImage.Format.Format_RGB32)
    widget.render(whole)
    return widget, whole


def shown_wall(qtbot, size: tuple[int, int]) -> FrameView:
    """A frame view shown on the test screen, as a wall's window would be."""
    wall = FrameView()
    qtbot.addWidget(wall)
    wall.resize(*size)
    wall.show()
    qtbot.waitExposed(wall)
    return wall


@pytest.mark.parametrize("view", ["stage:1", "complaints:4"])
@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (1366, 768)])
def test_a_frame_painted_in_bands_and_kept_as_tiles_matches_the_view_painted_whole(qtbot, factory, view, size):
    widget, whole = whole_view(factory, qtbot, view, size)
    frame = FrameCanvas().paint(widget, QSize(*size))
    assert isinstance(frame, TiledFrame) and (frame.size().width(), frame.size().height()) == size
    # large type is copied from glyph pictures, not filled as outlines under each band's clip, and the
    # tiles are cut exactly: neither the seams between bands nor those between tiles leave a trace
    assert_same(drawn(frame), whole)


@pytest.mark.parametrize("view", ["stage:3", "complaints:2"])
def test_a_tiled_4k_frame_keeps_under_half_the_pixels_of_a_whole_one(qtbot, factory, view):
    widget, _ = whole_view(factory, qtbot, view, (3840, 2160))
    frame = FrameCanvas().paint(widget, QSize(3840, 2160))
    assert isinstance(frame, TiledFrame)
    assert frame.kept_bytes < 0.5 * 3840 * 2160 * 4


def test_a_frame_cut_from_a_whole_image_matches_it(qtbot, factory):
    _, whole = whole_view(factory, qtbot, "complaints:3", (1366, 768))  # rows and columns of part tiles
    assert_same(drawn(TiledFrame.of_image(whole)), whole)


def test_a_wall_switched_between_tiled_frames_shows_exactly_the_last_one(qtbot, qapp, factory):
    """Only the tiles that differ are repainted: what the window holds afterwards must still be the new
    frame, pixel for pixel, whichever frames came before it."""
    size = (768, 432)  # within the offscreen test screen (800x800), so the window can be grabbed whole
    canvas = FrameCanvas()
    frames, wholes = [], []
    for view in ("stage:1", "stage:2", "complaints:2", "stage:1"):
        widget, whole = whole_view(factory, qtbot, view, size)
        frames.append(canvas.paint(widget, QSize(*size)))
        wholes.append(whole)
    wall = shown_wall(qtbot, size)
    for frame, whole in zip(frames, wholes, strict=True):
        wall.show_frame(frame)
        qapp.processEvents()  # painted, then the window's buffer flushed to the screen
        on_screen = wall.screen().grabWindow(wall.winId()).toImage()  # what the window holds, not a new paint
        assert not on_screen.isNull(), "the offscreen screen gave no picture of the window"
        assert_same(on_screen, whole)
    between = frames[1].changed_since(frames[0])
    assert between is not None and 0 < between.sum() < between.size  # some tiles, not all, repainted
    again = frames[3].changed_since(frames[3])
    assert again is not None and again.sum() == (~frames[3].plain).sum()  # only its tiles kept as pixels


def test_the_console_picture_of_a_frame_is_small_and_shows_the_wall(qtbot, factory):
    widget, whole = whole_view(factory, qtbot, "stage:1", (3840, 2160))
    frame = FrameCanvas().paint(widget, QSize(3840, 2160))
    small = drawn_small(frame.size(), 640, frame.paint)
    assert (small.width(), small.height()) == (640, 360)
    expected = whole.scaled(640, 360)
    mean_difference = np.abs(pixels(small).astype(int) - pixels(expected).astype(int)).mean()
    assert mean_difference < 6


def test_tiles_kept_as_pixels_in_rows_spanning_the_same_columns_are_copied_as_one_block():
    """A picture 3 tiles wide and 4 rows high is one copy to the wall, not four; rows of other widths
    are blocks of their own, and so is a block of the same columns after a gap."""
    from customer_room_desktop.ui.walls.tiled_frame import mask_blocks

    kept = np.zeros((8, 10), dtype=bool)
    kept[1:5, 2:5] = True  # the picture
    kept[2, 7:9] = True  # a short line of text beside it
    kept[6:8, 2:5] = True  # the same columns again, below a plain row
    assert sorted(tuple(block[:4]) for block in mask_blocks(kept)) == [(1, 2, 4, 3), (2, 7, 1, 2), (6, 2, 2, 3)]


def test_a_switch_worked_out_ahead_paints_only_what_the_window_does_not_hold_and_ends_exact(qtbot, qapp, factory):
    """As the room does while idle: the next frame is painted beside the wall (each tile compared with what
    its window holds) and its patch worked out; the switch then leaves out the tiles already there.
    Whatever came before, the window ends up holding exactly the new frame; a patch made before another
    paint of the window is not used, nor a comparison made before it."""
    size = (768, 432)
    canvas = FrameCanvas()
    widgets, wholes = [], []
    for view in ("stage:1", "stage:2", "stage:3", "stage:2", "complaints:2", "stage:1"):
        widget, whole = whole_view(factory, qtbot, view, size)
        widgets.append(widget)
        wholes.append(whole)
    wall = shown_wall(qtbot, size)
    wall.show_frame(canvas.paint(widgets[0], QSize(*size)))
    qapp.processEvents()
    left_out = []
    for number, (widget, whole) in enumerate(zip(widgets[1:], wholes[1:], strict=True), start=1):
        frame = canvas.paint(widget, QSize(*size), beside=wall)
        if number == 5:  # painted while the window held the frame, which was painted again since
            wall.repaint()
        wall.prepare(frame)
        patch = frame.patch
        assert patch is not None and patch.shown is wall.frame
        left_out.append(int(frame.changed_since(wall.frame).sum() - patch.changed.sum()))
        if number == 3:  # something else paints the window meanwhile: the patch no longer matches it
            wall.repaint()
        wall.show_frame(frame)
        assert (wall._patch is patch) == (number != 3)
        qapp.processEvents()
        on_screen = wall.screen().grabWindow(wall.winId()).toImage()
        assert_same(on_screen, whole)
    assert left_out[4] == 0  # the comparison was older than the window's last paint: nothing left out
    assert min(left_out) >= 0 and sum(left_out) > 0  # tiles the window already held were not copied again
