"""Frames rendered ahead of time, and the view that shows one: a switch to a prepared frame is a copy of
the tiles that changed.

Frames are painted a band at a time through a canvas a quarter of the wall high, which keeps the pixels
being drawn in the processor's cache: painting the whole view straight onto a 4K image measured slower,
not faster. Each band is then cut into tiles (see tiled_frame): a tile of one colour is kept as its
colour, the rest as 32-bit pixels, the window's own format, so nothing is converted on the way to the
wall. At 16 bits a whole frame took half the memory, but converting every pixel put a step of two
stage walls over one 60 Hz frame; whole 32-bit frames were fast but three 4K walls then needed 445 MB.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from .frame_patch import patch_over
from .tiled_frame import FORMAT, FramePatch, TiledFrame, changed_rect, image_pixels
from .wall_style import BACKGROUND

if TYPE_CHECKING:
    import numpy as np

# window buffers whose opaque pixels are stored as a frame's are (0xFFRRGGBB)
_SAME_PIXELS = (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32, QImage.Format.Format_ARGB32_Premultiplied)

class FrameCanvas:
    """Paints views into frames through a canvas a band of the wall high, made once per width and reused:
    a 4K frame is painted in four bands through 8 MB that stay in cache."""

    BAND_HEIGHT = 540  # a whole number of tile rows

    def __init__(self) -> None:
        self._canvases: dict[int, QImage] = {}

    def paint(self, view: QWidget, size: QSize, beside: FrameView | None = None) -> TiledFrame:
        """``view`` drawn at ``size`` into a tiled frame (the first one imports numpy); with ``beside``, the
        wall's frame view, each tile is also compared with what its window holds (see frame_patch)."""
        width, height = size.width(), size.height()
        canvas = self._canvases.get(width)
        if canvas is None:
            canvas = self._canvases[width] = QImage(width, self.BAND_HEIGHT, FORMAT)
        view.resize(size)
        frame = TiledFrame(size)
        on_wall, frame.compared_with = beside.held_pixels() if beside is not None else (None, None)
        for top in range(0, height, self.BAND_HEIGHT):
            band = min(self.BAND_HEIGHT, height - top)
            view.render(canvas, QPoint(0, 0), QRegion(0, top, width, band))
            frame.add_band(canvas, top, band, on_wall)
        return frame


class FrameView(QWidget):
    """Shows one frame. The window keeps what was painted last, so a new frame repaints only the tiles
    that differ from it; any other paint (shown, resized, uncovered) paints the whole frame, and asks
    for the frame again (``pixels_wanted``) when it has let its pixels go."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.frame: TiledFrame | None = None
        self._painted: TiledFrame | None = None  # the frame the window holds, once painted
        self.pixels_wanted: Callable[[], None] = lambda: None
        self._changed: np.ndarray | None = None  # the tiles waiting to be painted, when only some are
        self._changed_rect = QRect()
        self._patch: FramePatch | None = None  # what to paint them with, when worked out ahead
        self._paints = 0  # a patch worked out before the window's last paint no longer matches it
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def held_pixels(self) -> tuple[np.ndarray | None, tuple[TiledFrame, int] | None]:
        """The pixels the window holds where this view lies, and what they are (the frame painted and the
        count of paints so far), while it holds a frame with no paint pending; else (None, None). Also
        None where the window's buffer is not an image of 32-bit pixels, one to a pixel of the view."""
        if not self._holds_painted_frame():
            return None, None
        window = self.window()
        store = window.backingStore()
        image = store.paintDevice() if store is not None else None
        if not isinstance(image, QImage) or image.size() != window.size() or image.format() not in _SAME_PIXELS:
            return None, None
        corner = self.mapTo(window, QPoint(0, 0))
        pixels = image_pixels(image)[corner.y():corner.y() + self.height(), corner.x():corner.x() + self.width()]
        return pixels, (self.frame, self._paints)

    def prepare(self, frame: TiledFrame) -> None:
        """Work out, while the room is idle, what showing ``frame`` next would paint over the frame the
        window holds (frame_patch): the switch then paints it without working anything out."""
        if frame.patch is not None and frame.patch.shown is self.frame and frame.patch.paints == self._paints:
            return
        frame.patch = None
        if self.frame is None or not self._holds_painted_frame() or frame.size() != self.size():
            return
        compared = frame.compared_with
        same = frame.same_on_wall if compared is not None and compared[0] is self.frame \
            and compared[1] == self._paints else None
        frame.patch = patch_over(frame, self.frame, self._paints, same)

    def show_frame(self, frame: TiledFrame) -> None:
        shown, self.frame = self.frame, frame
        patch, frame.patch = frame.patch, None
        frame.compared_with = frame.same_on_wall = None  # shown now: it must not hold on to the frame before
        if patch is not None and patch.shown is shown and patch.paints == self._paints \
                and self._changed is None and not self._changed_rect.isValid() and self.isVisible() \
                and frame.size() == self.size():
            self._changed, self._changed_rect, self._patch = patch.changed, patch.rect, patch
            if patch.rect.isValid():
                self.update(patch.rect)
            return
        self._patch = None
        changed = frame.changed_since(shown) if self.isVisible() and frame.size() == self.size() else None
        if changed is None or (self._changed is None and self._changed_rect.isValid()):
            self._changed, self._changed_rect = None, self.rect()  # the whole frame
            self.update()
            return
        self._changed = changed if self._changed is None else self._changed | changed
        self._changed_rect = changed_rect(self._changed)
        if self._changed_rect.isValid():
            self.update(self._changed_rect)

    def show_nothing(self) -> None:
        """Let go of the frame (the wall shows something else): the next one is painted whole."""
        self.frame, self._painted, self._changed, self._changed_rect, self._patch = None, None, None, QRect(), None

    def paint_now(self) -> None:
        """Paint what is waiting to be painted now, not at the next pass of the event loop: what the
        frame asked for, and whatever else Qt asked of the window (it has just been raised, say)."""
        window = self.window()
        QCoreApplication.sendPostedEvents(window, QEvent.Type.LayoutRequest)  # a raised view is laid out,
        QCoreApplication.sendPostedEvents(self, QEvent.Type.UpdateLater)  # which asks for a paint of it all
        if self._changed_rect.isValid() and self.isVisible():
            self.repaint(self._changed_rect)
        QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest)

    def _holds_painted_frame(self) -> bool:
        """The window shows the frame, painted, with no paint of it pending."""
        return self.frame is not None and self.frame is self._painted and not self._changed_rect.isValid() \
            and self.isVisible()

    def holds_its_frame(self) -> bool:
        """The window holds every pixel of the frame, painted and with no paint pending."""
        return self._holds_painted_frame() and self.frame is not None and self.frame.has_pixels

    def paintEvent(self, event: QPaintEvent) -> None:
        changed = self._changed if event.rect() == self._changed_rect else None
        patch = self._patch if changed is not None else None
        self._changed, self._changed_rect, self._patch = None, QRect(), None
        self._paints += 1
        with painting(self) as painter:
            if self.frame is None or not self.frame.has_pixels:
                painter.fillRect(self.rect(), BACKGROUND)
                if self.frame is not None:  # uncovered, shown again, or grabbed: its pixels are not here
                    if self.frame.small is not None:  # meanwhile, the frame as the console shows it
                        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                        painter.drawImage(self.rect(), self.frame.small)
                    self.frame = self._painted = None  # so the next frame is painted whole
                    QTimer.singleShot(0, self.pixels_wanted)
                return
            size = self.frame.size()
            if size != self.size():
                painter.scale(self.width() / max(1, size.width()), self.height() / max(1, size.height()))
            if patch is not None:
                patch.paint(painter)
            else:
                self.frame.paint(painter, changed)
        self._painted = self.frame
