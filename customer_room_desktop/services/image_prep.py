"""Decode artifacts into images ready to draw: Pillow for pictures, QtPdf for PDF pages.

Decoding happens before a wall needs the image (off the GUI thread in the live room), and the
results are cached by medium, page and size, so switching a wall only shows what is ready.
A file that cannot be decoded gives an ImageUnavailable with a reason a user understands.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable

from PIL import Image, ImageOps
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

MAX_PIXELS = 80_000_000  # larger than any real scan; beyond it a file is treated as a decompression bomb


class ImageUnavailable(Exception):
    """The artifact cannot be shown; str() is the reason, in one sentence."""


def _pil_to_qimage(image: Image.Image) -> QImage:
    """Pictures without transparency are kept at 16 bits a pixel, like the wall frames they end up in."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        data = rgba.tobytes("raw", "RGBA")
        qimage = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
        return qimage.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return qimage.convertToFormat(QImage.Format.Format_RGB16)


def decode_picture(data: bytes, box: QSize) -> QImage:
    """A picture turned upright (EXIF), scaled to fit ``box`` without enlarging it past 2x."""
    try:
        with warnings.catch_warnings():
            # the size is checked below, before any pixel is decoded
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
        with opened as image:
            if image.width * image.height > MAX_PIXELS:
                raise ImageUnavailable(
                    f"the picture is {image.width:,} x {image.height:,} pixels, too large to open safely")
            image = ImageOps.exif_transpose(image)
            scale = min(box.width() / image.width, box.height() / image.height, 2.0)
            size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            image = image.resize(size, Image.Resampling.LANCZOS)
            return _pil_to_qimage(image)
    except ImageUnavailable:
        raise
    except Image.DecompressionBombError:
        raise ImageUnavailable("the picture claims to be so large it could be a decompression bomb") from None
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageUnavailable(f"the picture cannot be decoded ({error})") from None


class PdfPages:
    """A PDF held in memory, rendering pages on request. Keep one per PDF, not one per page."""

    def __init__(self, data: bytes):
        self._bytes = QByteArray(data)
        self._buffer = QBuffer()
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document = QPdfDocument()
        self._document.load(self._buffer)
        if self._document.status() != QPdfDocument.Status.Ready or self._document.pageCount() < 1:
            raise ImageUnavailable(f"the PDF cannot be opened ({self._document.error().name})")

    @property
    def page_count(self) -> int:
        return self._document.pageCount()

    def render(self, page: int, box: QSize) -> QImage:
        points = self._document.pagePointSize(page)
        scale = min(box.width() / points.width(), box.height() / points.height())
        size = QSize(max(1, round(points.width() * scale)), max(1, round(points.height() * scale)))
        image = self._document.render(page, size)
        if image.isNull():
            raise ImageUnavailable(f"page {page + 1} of the PDF cannot be drawn")
        return image


def is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def decode_first_page(data: bytes, box: QSize) -> QImage:
    """A thumbnail for any artifact: the picture itself, or a PDF's first page."""
    if is_pdf(data):
        return PdfPages(data).render(0, box)
    return decode_picture(data, box)


class PreparedImages:
    """A cache of decoded artifacts, keyed by medium, page and box size, bounded in bytes. Thread-safe.

    Whole-wall artifact pages are large (33 MB at 4K), thumbnails small; the least recently used
    go first once the budget is spent.
    """

    def __init__(self, budget_bytes: int = 160 * 2**20):
        self._images: OrderedDict[tuple, QImage | ImageUnavailable] = OrderedDict()
        self._budget = budget_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, sha256: str, page: int, box: QSize) -> QImage | ImageUnavailable | None:
        key = (sha256, page, box.width(), box.height())
        with self._lock:
            found = self._images.get(key)
            if found is not None:
                self._images.move_to_end(key)
            return found

    def prepare(self, sha256: str, load: Callable[[str], bytes], page: int, box: QSize) -> QImage | ImageUnavailable:
        """Return the cached result, or decode now (call from a worker thread in the live room)."""
        cached = self.get(sha256, page, box)
        if cached is not None:
            return cached
        try:
            data = load(sha256)
            result: QImage | ImageUnavailable = (PdfPages(data).render(page, box) if is_pdf(data)
                                                 else decode_picture(data, box))
        except ImageUnavailable as problem:
            result = problem
        key = (sha256, page, box.width(), box.height())
        with self._lock:
            if key not in self._images:
                self._images[key] = result
                self._bytes += _size_of(result)
            while self._bytes > self._budget and len(self._images) > 1:
                _, dropped = self._images.popitem(last=False)
                self._bytes -= _size_of(dropped)
        return result


def _size_of(item: QImage | ImageUnavailable) -> int:
    return item.sizeInBytes() if isinstance(item, QImage) else 0
