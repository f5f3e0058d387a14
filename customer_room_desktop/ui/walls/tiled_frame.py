"""A wall frame kept as tiles: a tile of one colour is kept as that colour, only the others as pixels.

A 4K frame is 33 MB at the window's 32 bits a pixel, and a stage wall keeps three. Most of a wall is
plain: the background, the cards and the space between lines of text. Cut into tiles 32 pixels wide
and 20 high, 66-72 % of the sample room's stage and complaint frames are tiles of one colour, so a
tiled frame keeps 28-34 % of the pixels. Showing one also writes less: a plain tile that has the same
colour in the frame on the wall is not touched at all, and the others are filled, not copied.

The tiles kept as pixels are kept as blocks: a run of them along a row, joined to the runs below it
that span the same columns. Each block is one copy on the way to the wall, and a copy has a cost of
its own (2-4 microseconds, about as much as copying ten tiles), so joining the rows halves the copies
of a stage frame (700 to 320) at no cost in memory. Merging runs two tiles apart instead halved them
too, but kept 5 % more pixels, which took three 4K walls back over 350 MB. The blocks lie one after
another in one array per band, each an image over its own part of it: nothing is wasted around them.

Finding the plain tiles is an array comparison (numpy, which pyqtgraph brings): 5-8 ms a 4K frame.
numpy takes 0.12 s and 18 MB to load. It is imported by the first frame tiled, and the room tiles none
during the cold start: until its first idle moment the walls draw their views live (see wall_presenter).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from ...services.painting import painting

if TYPE_CHECKING:
    import numpy as np

TILE_WIDTH = 32
TILE_HEIGHT = 20  # 540, 1080 and 2160 are whole numbers of tiles
FORMAT = QImage.Format.Format_RGB32


def drawn_small(size: QSize, width: int, draw: Callable[[QPainter], None]) -> QImage:
    """What ``draw`` paints over ``size``, drawn ``width`` pixels wide for the console: no full-size copy
    of a wall is made."""
    height = max(1, width * size.height() // max(1, size.width()))
    image = QImage(width, height, QImage.Format.Format_RGB16)
    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(width / max(1, size.width()), height / max(1, size.height()))
        draw(painter)
    return image


class TiledFrame:
    """A frame as a grid of tiles: the colour of each plain tile, and the pixels of the others in blocks,
    a band of rows at a time. A block's image does not own its pixels: they stay in the band's array,
    which the frame holds as long as the images."""

    def __init__(self, size: QSize):
        import numpy as np

        self._size = QSize(size)
        rows = -(-size.height() // TILE_HEIGHT)
        columns = -(-size.width() // TILE_WIDTH)
        self.plain = np.zeros((rows, columns), dtype=bool)
        self.colours = np.zeros((rows, columns), dtype=np.uint32)
        self._fills: dict[int, list[QRect]] = {}
        # the blocks of tiles kept as pixels: each an image over its part of one of the stores; for each
        # tile, the number of the block it is in (-1: plain)
        self.blocks: list[tuple[QPoint, QImage]] = []
        self.owner = np.full((rows, columns), -1, dtype=np.int32)
        self._stores: list[np.ndarray] = []
        # the tiles the wall's window held, pixel for pixel, when the frame was painted (frame_patch)
        self.same_on_wall: np.ndarray | None = None
        self.compared_with: tuple[TiledFrame, int] | None = None  # the window's frame and paint count then
        self.patch: FramePatch | None = None  # what showing it next paints, once worked out
        self.small: QImage | None = None  # the frame drawn small for the console, once asked for
        self._pixels_gone = False

    @classmethod
    def of_image(cls, image: QImage) -> TiledFrame:
        frame = cls(image.size())
        frame.add_band(image.convertToFormat(FORMAT), 0, image.height())
        return frame

    def size(self) -> QSize:
        return QSize(self._size)

    @property
    def kept_bytes(self) -> int:
        """The pixels this frame holds (its tiles' colours aside)."""
        return sum(store.nbytes for store in self._stores)

    def add_band(self, canvas: QImage, top: int, height: int, on_wall: np.ndarray | None = None) -> None:
        """Take the rows ``top`` to ``top + height`` of the frame from the first ``height`` rows of
        ``canvas`` (a 32-bit image the frame's width); ``top`` is a whole number of tile rows. With
        ``on_wall`` (the pixels a wall's window holds, the frame's size), note which tiles it holds already."""
        import numpy as np

        width = self._size.width()
        pixels = image_pixels(canvas)[:height, :width]
        first_row = top // TILE_HEIGHT
        rows, columns = -(-height // TILE_HEIGHT), self.plain.shape[1]
        full_rows, full_columns = height // TILE_HEIGHT, width // TILE_WIDTH
        plain = np.zeros((rows, columns), dtype=bool)
        colours = np.zeros((rows, columns), dtype=np.uint32)
        if full_rows and full_columns:
            plain[:full_rows, :full_columns], colours[:full_rows, :full_columns] = _plain_tiles(
                pixels[:full_rows * TILE_HEIGHT, :full_columns * TILE_WIDTH])
        colours[~plain] = 0
        self.plain[first_row:first_row + rows] = plain
        self.colours[first_row:first_row + rows] = colours
        if on_wall is not None and on_wall.shape == (self._size.height(), width):
            if self.same_on_wall is None:
                self.same_on_wall = np.zeros(self.plain.shape, dtype=bool)
            self.same_on_wall[first_row:first_row + rows] = same_tiles(pixels, on_wall[top:top + height])
        self._keep_band(pixels, plain, colours, top)

    def _keep_band(self, pixels: np.ndarray, plain: np.ndarray, colours: np.ndarray, top: int) -> None:
        import numpy as np

        add_fills(self._fills, plain, colours, top)
        height, width = pixels.shape[0], pixels.shape[1]
        boxes = []  # x, y in the band, width, height of each block of tiles kept as pixels
        first_row = top // TILE_HEIGHT
        for row, column, rows, columns, _ in mask_blocks(~plain):
            x, y = column * TILE_WIDTH, row * TILE_HEIGHT
            boxes.append((x, y, min((column + columns) * TILE_WIDTH, width) - x,
                          min((row + rows) * TILE_HEIGHT, height) - y))
            number = len(self.blocks) + len(boxes) - 1  # the blocks of earlier bands come first
            self.owner[first_row + row:first_row + row + rows, column:column + columns] = number
        if not boxes:
            return
        store = np.empty(sum(w * h for _, _, w, h in boxes), dtype=np.uint32)
        start = 0
        for x, y, w, h in boxes:  # each block packed in turn, its own width apart: nothing is wasted
            block = store[start:start + w * h].reshape(h, w)
            block[:] = pixels[y:y + h, x:x + w]
            self.blocks.append((QPoint(x, top + y), QImage(block.data, w, h, w * 4, FORMAT)))
            start += w * h
        self._stores.append(store)

    @property
    def has_pixels(self) -> bool:
        return not self._pixels_gone

    def let_pixels_go(self) -> None:
        """Keep only which tiles are plain, in which colour (enough to tell what the next frame changes),
        and the small picture: the wall's window holds the pixels once it has shown them."""
        self._pixels_gone = True
        self._fills, self.blocks, self._stores = {}, [], []
        self.owner = self.owner[:0]
        self.same_on_wall = self.compared_with = self.patch = None

    def paint(self, painter: QPainter, changed: np.ndarray | None = None) -> None:
        """Paint the frame; with ``changed`` (from ``changed_since``), only those tiles."""
        fills = self._fills
        if changed is not None:
            fills = {}
            add_fills(fills, self.plain & changed, self.colours, 0)
        paint_fills(painter, fills)
        draw = painter.drawImage
        for corner, block in self.blocks:  # tiles kept as pixels always differ from what was shown
            draw(corner, block)

    def changed_since(self, shown: TiledFrame | None) -> np.ndarray | None:
        """The tiles to paint over ``shown``, True in a grid: all but the plain tiles of the same colour
        in both; None when ``shown`` is not a tiled frame of this size."""
        if not isinstance(shown, TiledFrame) or shown.size() != self._size:
            return None
        return ~(self.plain & shown.plain & (self.colours == shown.colours))


class FramePatch:
    """What showing a frame over ``shown`` paints, as frame_patch.patch_over works it out: the tiles that
    change, their fills by colour, and the pieces of blocks to copy (a block's image and the part of it,
    None for all of it)."""

    def __init__(self, shown: TiledFrame, changed: np.ndarray, fills: dict[int, list[QRect]],
                 pieces: list[tuple[QPoint, QImage, QRect | None]], paints: int):
        self.shown, self.changed, self.fills, self.pieces, self.paints = shown, changed, fills, pieces, paints
        self.rect = changed_rect(changed)

    def paint(self, painter: QPainter) -> None:
        paint_fills(painter, self.fills)
        draw = painter.drawImage
        for corner, image, part in self.pieces:
            if part is None:
                draw(corner, image)
            else:
                draw(corner, image, part)


def paint_fills(painter: QPainter, fills: dict[int, list[QRect]]) -> None:
    """Fill each rectangle in its colour (a tile colour as the frame keeps it)."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for colour, rects in fills.items():
        painter.setBrush(QColor.fromRgb(colour))
        painter.drawRects(rects)
    painter.restore()


def same_tiles(pixels: np.ndarray, there: np.ndarray) -> np.ndarray:
    """Which tiles of ``pixels`` are the same, pixel for pixel, in ``there`` (as large); a tile cut by the
    frame's edge counts as different. Compared two pixels at a time, as _plain_tiles does."""
    import numpy as np

    height, width = pixels.shape
    same = np.zeros((-(-height // TILE_HEIGHT), -(-width // TILE_WIDTH)), dtype=bool)
    rows, columns = height // TILE_HEIGHT, width // TILE_WIDTH
    if rows and columns:
        mine = pixels[:rows * TILE_HEIGHT, :columns * TILE_WIDTH].view(np.uint64)
        theirs = there[:rows * TILE_HEIGHT, :columns * TILE_WIDTH].view(np.uint64)
        differ = np.not_equal(mine, theirs).reshape(rows, TILE_HEIGHT, -1).any(axis=1)  # along rows: fast
        same[:rows, :columns] = ~differ.reshape(rows, columns, -1).any(axis=2)
    return same


def changed_rect(changed: np.ndarray) -> QRect:
    """The rectangle around the tiles marked in ``changed``."""
    import numpy as np

    rows, columns = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
    if not len(rows):
        return QRect()
    left, top = int(columns[0]), int(rows[0])
    return QRect(left * TILE_WIDTH, top * TILE_HEIGHT, (int(columns[-1]) + 1 - left) * TILE_WIDTH,
                 (int(rows[-1]) + 1 - top) * TILE_HEIGHT)


def _plain_tiles(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which tiles of ``pixels`` (whole tiles high and wide) are of one colour, and each tile's top left
    pixel. Compared two pixels at a time, and reduced along the rows of the array (the fast way)."""
    import numpy as np

    rows, columns = pixels.shape[0] // TILE_HEIGHT, pixels.shape[1] // TILE_WIDTH
    corner = pixels[::TILE_HEIGHT, ::TILE_WIDTH]
    pair = corner.astype(np.uint64)
    pair |= pair << np.uint64(32)
    words = np.ascontiguousarray(pixels).view(np.uint64).reshape(rows, TILE_HEIGHT, columns, TILE_WIDTH // 2)
    differ = np.not_equal(words, pair[:, None, :, None])
    differ_in_tile = differ.reshape(rows, TILE_HEIGHT, -1).any(axis=1).reshape(rows, columns, -1).any(axis=2)
    return ~differ_in_tile, corner


def add_fills(fills: dict[int, list[QRect]], plain: np.ndarray, colours: np.ndarray, top: int) -> None:
    """Add the blocks of plain tiles of one colour, as rectangles by colour."""
    for row, column, rows, columns, colour in mask_blocks(plain, colours):
        rect = QRect(column * TILE_WIDTH, top + row * TILE_HEIGHT, columns * TILE_WIDTH, rows * TILE_HEIGHT)
        fills.setdefault(colour, []).append(rect)


def mask_blocks(mask: np.ndarray, values: np.ndarray | None = None) -> list[list[int]]:
    """The runs of True along each row of ``mask`` (with ``values``, of one value), each joined to the
    run just above it when both span the same columns (and value): as [row, column, rows, columns, value].
    A block is one call to paint, and a call costs as much as copying a few tiles."""
    rows, starts, ends = _runs(mask, values)
    tones = values[rows, starts].tolist() if values is not None else [0] * len(rows)
    open_blocks: dict[tuple[int, int, int], list[int]] = {}
    blocks = []
    for row, start, end, tone in zip(rows, starts, ends, tones, strict=True):
        block = open_blocks.get((start, end, tone))
        if block is not None and block[0] + block[2] == row:
            block[2] += 1
            continue
        block = open_blocks[(start, end, tone)] = [row, start, 1, end - start, tone]
        blocks.append(block)
    return blocks


def image_pixels(image: QImage, writable: bool = False) -> np.ndarray:
    """The image's pixels as a rows x columns array of 32-bit values, sharing the image's memory
    (read-only unless ``writable``: asking Qt for writable bits would copy an image that is shared)."""
    import numpy as np

    bits = image.bits() if writable else image.constBits()
    return np.frombuffer(bits, dtype=np.uint32).reshape(image.height(), image.bytesPerLine() // 4)


def _runs(mask: np.ndarray, values: np.ndarray | None = None) -> tuple[list[int], list[int], list[int]]:
    """The runs of True along each row of ``mask`` as (rows, starts, ends), ends exclusive; with
    ``values``, a run also ends where the value changes. One pass over the whole grid."""
    import numpy as np

    rows, columns = mask.shape
    padded = np.zeros((rows, columns + 1), dtype=np.int8)  # a False column ends every row's last run
    padded[:, :columns] = mask
    flat = padded.ravel()
    edges = np.diff(flat, prepend=0)
    starts, ends = edges == 1, edges == -1
    if values is not None:
        shade = np.zeros((rows, columns + 1), dtype=values.dtype)
        shade[:, :columns] = values
        tone = shade.ravel()
        change = np.zeros(len(flat), dtype=bool)
        change[1:] = (tone[1:] != tone[:-1]) & (flat[1:] == 1) & (flat[:-1] == 1)
        starts, ends = starts | change, ends | change
    begin, finish = np.flatnonzero(starts), np.flatnonzero(ends)
    width = columns + 1
    return (begin // width).tolist(), (begin % width).tolist(), (finish % width).tolist()
