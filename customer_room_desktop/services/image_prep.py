"""Decode artifacts into images ready to draw: Qt or Pillow for pictures, QtPdf for PDF pages.

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

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from .picture_problems import (
    CUT_SHORT, DAMAGED_PICTURE, MAX_PIXELS, NOT_SHOWABLE, ImageUnavailable, looks_like_a_picture,
)
from .plain_pictures import decode_plain_png, on_white_paper

__all__ = ["CUT_SHORT", "DAMAGED_PICTURE", "MAX_PIXELS", "NOT_SHOWABLE", "ImageUnavailable", "PdfPages",
           "PreparedImages", "decode_first_page", "decode_image", "decode_picture", "decode_photo", "is_pdf",
           "looks_like_a_picture"]


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
    deadlocked against a thread holding the interpreter lock and waiting for that one."""
    if not data.startswith(b"\xff\xd8"):
        image = QImage.fromData(data)
        if not image.isNull():
            return image
    try:
        return decode_picture(data, box)
    except ImageUnavailable:
        return QImage()


_PDF_PROBLEMS = {
    QPdfDocument.Error.UnsupportedSecurityScheme: "the PDF is protected in a way this room cannot open",
    QPdfDocument.Error.FileNotFound: "the PDF cannot be read",
    QPdfDocument.Error.DataNotYetAvailable: CUT_SHORT,
}


class PdfPages:
    """A PDF held in memory, rendering pages on request. Keep one per PDF, not one per page.

    ``password`` opens a PDF with a user password; an owner password (which only limits printing or
    copying) needs none, and the pages show all the same.
    """

    def __init__(self, data: bytes, password: str | None = None):
        self._bytes = QByteArray(data)
        self._buffer = QBuffer()
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document = QPdfDocument()
        if password:
            self._document.setPassword(password)
        self._document.load(self._buffer)
        if self._document.status() != QPdfDocument.Status.Ready:
            raise ImageUnavailable(self._problem(data, password))
        if self._document.pageCount() < 1:
            raise ImageUnavailable("the PDF has no pages")

    def _problem(self, data: bytes, password: str | None) -> str:
        error = self._document.error()
        if error == QPdfDocument.Error.IncorrectPassword:
            if password:
                return "the password given for the PDF is wrong"
            return 'the PDF needs a password: add password = "..." to its artifact entry in room.toml'
        if error in _PDF_PROBLEMS:
            return _PDF_PROBLEMS[error]
        if b"%%EOF" not in data[-2048:]:
            return CUT_SHORT
        if error == QPdfDocument.Error.None_:
            return "the PDF has no pages"
        return "the PDF is damaged and cannot be opened"

    @property
    def page_count(self) -> int:
        return self._document.pageCount()

    def render(self, page: int, box: QSize) -> QImage:
        """The page fitted within ``box``, on white paper (opaque RGB32)."""
        points = self._document.pagePointSize(page)
        if points.width() <= 0 or points.height() <= 0:
            raise ImageUnavailable(f"page {page + 1} of the PDF has no size, so it cannot be drawn")
        scale = min(box.width() / points.width(), box.height() / points.height())
        size = QSize(max(1, round(points.width() * scale)), max(1, round(points.height() * scale)))
        drawn = self._document.render(page, size)
        if drawn.isNull():
            raise ImageUnavailable(f"page {page + 1} of the PDF cannot be drawn")
        return on_white_paper(drawn)


def is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def decode_image(data: bytes, page: int, box: QSize, password: str | None = None) -> QImage:
    """Page ``page`` of a PDF, or the picture itself (page 0), fitted within ``box`` on white."""
    if not data:
        raise ImageUnavailable("the file is empty")
    if is_pdf(data):
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
