"""What a switch to a frame rendered ahead paints, worked out while the room is idle.

A stage switch on three 4K walls is bound by copying memory: 20 MB of blocks and 10 MB of fills, a
third of them onto pixels the window already holds, since neighbouring stages share their layout,
header and branding. When the room renders a neighbour's frame, the window still shows the frame the
wall is on, so each tile is compared with it then (tiled_frame.same_tiles, a band at a time while the
band is in the cache) and, once the frame is made, the patch is worked out: the plain tiles to fill by
colour and the pieces of blocks to copy, leaving out every tile the window holds already. The switch
then paints the patch and works nothing out. Measured on three 4K walls of the sample room (offscreen,
the machine in its slow state, old and new alternately): a switch's blocks 10.1 → 7.1 MB a wall,
next/previous p50 24.8-26.8 → 20.3-20.9 ms and p95 31.2-34.7 → 25.9-28.1 ms.

A patch holds only while the window holds what it was worked out against: the same frame, and no
paint of the window since (``FrameView`` counts them). Otherwise the switch paints as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage

from .tiled_frame import TILE_HEIGHT, TILE_WIDTH, FramePatch, TiledFrame, add_fills, mask_blocks

if TYPE_CHECKING:
    import numpy as np


def patch_over(frame: TiledFrame, shown: TiledFrame, paints: int, same: np.ndarray | None) -> FramePatch | None:
    """The patch that paints ``frame`` over a window holding ``shown`` (after ``paints`` paints); ``same``:
    the tiles the window held already when ``frame`` was painted. None when ``shown`` cannot tell."""
    changed = frame.changed_since(shown)
    if changed is None or not frame.has_pixels:
        return None
    if same is not None:
        changed &= ~same
    pieces: list[tuple[QPoint, QImage, QRect | None]] = []
    for row, column, rows, columns, number in mask_blocks(changed & ~frame.plain, frame.owner):
        corner, image = frame.blocks[number]
        x, y = column * TILE_WIDTH - corner.x(), row * TILE_HEIGHT - corner.y()
        width, height = min(columns * TILE_WIDTH, image.width() - x), min(rows * TILE_HEIGHT, image.height() - y)
        whole = x == 0 and y == 0 and width == image.width() and height == image.height()
        pieces.append((corner, image, None) if whole else
                      (QPoint(corner.x() + x, corner.y() + y), image, QRect(x, y, width, height)))
    fills: dict[int, list[QRect]] = {}
    add_fills(fills, frame.plain & changed, frame.colours, 0)
    return FramePatch(shown, changed, fills, pieces, paints)
