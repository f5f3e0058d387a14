"""Decode artifacts into images ready to draw: Qt or Pillow for pictures, QtPdf for PDF pages (pdf_pages.py).

Decoding happens before a wall needs the image (off the GUI thread in the live room), and the
results are cached by medium, page and size, so switching a wall only shows what is ready.
Every page and picture comes out on white paper, as it would be printed: a PDF page as word
processors write it paints no background, and a wall is near-black. A file that cannot be decoded
gives an ImageUnavailable with a reason a user understands, in plain words.

Neither a QGuiApplication nor a QCoreApplication is needed: QtPdf, QImage and a QPainter on a QImage
work without one, so `build` and `check` can decode artifacts from the command line.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from .picture_problems import (
    CUT_SHORT, DAMAGED_PICTURE, MAX_PIXELS, NOT_SHOWABLE, ImageUnavailable, looks_like_a_picture,
)
from .plain_pictures import decode_plain_png, image_from_bytes

__all__ = ["CUT_SHORT", "DAMAGED_PICTURE", "MAX_PIXELS", "NOT_SHOWABLE", "ImageUnavailable", "PreparedImages",
           "decode_first_page", "decode_image", "decode_picture", "decode_photo", "is_pdf", "looks_like_a_picture"]


def decode_picture(data: bytes, box: QSize) -> QImage:
    """A picture's first frame turned upright (EXIF), on white, scaled to fit ``box`` without enlarging past 2x.

    A plain PNG (8-bit, sRGB or untagged), as screenshots and most exports are, is decoded by Qt,
    several times as fast; every other picture by Pillow, loaded the first time one needs it."""
    plain = decode_plain_png(data, box, MAX_PIXELS)
    if plain is not None:
        return plain
    from .pillow_pictures import decode_with_pillow  # noqa: PLC0415 - most rooms open on plain PNGs and PDFs

    return decode_with_pillow(data, box)


def decode_photo(data: bytes, box: QSize) -> QImage:
    """A persona photo or the room's logo. A JPEG (a phone photo, its orientation in EXIF) goes to Pillow,
    which turns it upright; any other picture to Qt's own decoder first, which keeps a logo's transparency,
    then to Pillow for what Qt cannot read (HEIC, 16-bit grey, CMYK). A null image when neither can.

    No QImageReader on a QBuffer made here: photos are decoded on worker threads, and a Qt device made in
    Python asks for the interpreter lock on every read while Qt's image-format lock is held, which
    deadlocked against a thread holding the interpreter lock and waiting for that one.

    A PNG is read as one (``image_from_bytes``): for the room's logo, on the start-up path, guessing its
    format had cost 6-8 ms of 14-17."""
    if not data.startswith(b"\xff\xd8"):
        image = image_from_bytes(data)
        if not image.isNull():
            return image
    try:
        return decode_picture(data, box)
    except ImageUnavailable:
        return QImage()


def is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def decode_image(data: bytes, page: int, box: QSize, password: str | None = None) -> QImage:
    """Page ``page`` of a PDF, or the picture itself (page 0), fitted within ``box`` on white."""
    if not data:
        raise ImageUnavailable("the file is empty")
    if is_pdf(data):
        from .pdf_pages import PdfPages  # noqa: PLC0415 - QtPdf (5-16 ms) loads with the first PDF, not at start

        return PdfPages(data, password).render(page, box)
    return decode_picture(data, box)


def decode_first_page(data: bytes, box: QSize, password: str | None = None) -> QImage:
    """A thumbnail for any artifact: the picture itself, or a PDF's first page."""
    return decode_image(data, 0, box, password)


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

    def prepare(self, sha256: str, load: Callable[[str], bytes], page: int, box: QSize,
                password: str | None = None) -> QImage | ImageUnavailable:
        """Return the cached result, or decode now (call from a worker thread in the live room).

        ``password`` is the artifact's PDF password, if it has one; results are cached by medium, so
        every artifact entry of the same file must give the same password.
        """
        cached = self.get(sha256, page, box)
        if cached is not None:
            return cached
        try:
            data = load(sha256)
            result: QImage | ImageUnavailable = decode_image(data, page, box, password)
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
