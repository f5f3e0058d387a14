"""A PDF held in memory, its pages rendered by QtPdf (PDFium) on white paper.

Its own module so that QtPdf, a large library (5-16 ms to load here), loads with the first PDF a room
shows rather than whenever pictures are decoded: most rooms open on a stage of pictures.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from .picture_problems import CUT_SHORT, ImageUnavailable
from .plain_pictures import on_white_paper


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
