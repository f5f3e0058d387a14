"""Decode artifacts into images ready to draw: Pillow for pictures, QtPdf for PDF pages.

Decoding happens before a wall needs the image (off the GUI thread in the live room), and the
results are cached by medium, page and size, so switching a wall only shows what is ready.
Every page and picture comes out on white paper, as it would be printed: a PDF page as word
processors write it paints no background, and a wall is near-black. A file that cannot be decoded
gives an ImageUnavailable with a reason a user understands, in plain words.

Neither a QGuiApplication nor a QCoreApplication is needed: QtPdf, QImage and a QPainter on a QImage
work without one, so `build` and `check` can decode artifacts from the command line.
"""

from __future__ import annotations

import io
import struct
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable

from PIL import Image, ImageOps, UnidentifiedImageError
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from .picture_modes import paper_ready

MAX_PIXELS = 80_000_000  # larger than any real scan; beyond it a file is treated as a decompression bomb
NOT_SHOWABLE = "the file is not a picture or PDF this room can show"
CUT_SHORT = "the file is cut short"
DAMAGED_PICTURE = "the picture is damaged or cut short"
# how common picture files begin; one that begins so but will not open is damaged, not of another kind
_PICTURE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")

_ISO_MEDIA_BOX = b"ftyp"  # HEIC, HEIF and AVIF files begin with this box, after its 4-byte size


def _open_heif_too(data: bytes) -> None:
    """HEIC and HEIF photos (what phones take by default) open in Pillow once pillow-heif's opener is
    registered. It is loaded on the first such file only: most rooms have none, and it costs start-up."""
    if data[4:8] == _ISO_MEDIA_BOX:
        import pillow_heif  # noqa: PLC0415

        pillow_heif.register_heif_opener()  # registering again is harmless


class ImageUnavailable(Exception):
    """The artifact cannot be shown; str() is the reason, in one sentence."""


def _pil_to_qimage(image: Image.Image, size: tuple[int, int]) -> QImage:
    """An RGB picture scaled to ``size`` at 16 bits a pixel, like the wall frames it ends up in.
    Qt scales: its smooth scaling is about four times as fast as Pillow's Lanczos for a thumbnail."""
    data = image.tobytes("raw", "RGB")
    qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888)
    if (image.width, image.height) != size:  # Qt scales 32-bit pixels twice as fast as 24-bit ones
        qimage = qimage.convertToFormat(QImage.Format.Format_RGB32).scaled(
            *size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return qimage.convertToFormat(QImage.Format.Format_RGB16)


def _upright(image: Image.Image) -> Image.Image:
    """The picture turned as its EXIF orientation says; a damaged EXIF block leaves it as stored."""
    try:
        return ImageOps.exif_transpose(image) or image
    except (OSError, ValueError, KeyError, TypeError, SyntaxError):
        return image


def decode_picture(data: bytes, box: QSize) -> QImage:
    """A picture's first frame turned upright (EXIF), on white, scaled to fit ``box`` without enlarging past 2x."""
    try:
        with warnings.catch_warnings():
            # the size is checked below, before any pixel is decoded
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            _open_heif_too(data)
            opened = Image.open(io.BytesIO(data))
        with opened as image:
            if image.width * image.height > MAX_PIXELS:
                raise ImageUnavailable(
                    f"the picture is {image.width:,} x {image.height:,} pixels, too large to open safely")
            longest = max(box.width(), box.height())
            image.draft(None, (longest, longest))  # a JPEG decodes at the smallest scale still big enough
            image.load()
            image = _upright(image)
            scale = min(box.width() / image.width, box.height() / image.height, 2.0)
            size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            return _pil_to_qimage(paper_ready(image), size)
    except ImageUnavailable:
        raise
    except Image.DecompressionBombError:
        raise ImageUnavailable("the picture claims to be so large it could be a decompression bomb") from None
    except UnidentifiedImageError:
        raise ImageUnavailable(DAMAGED_PICTURE if _looks_like_a_picture(data) else NOT_SHOWABLE) from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error) as error:
        raise ImageUnavailable(_picture_problem(error)) from None


def decode_photo(data: bytes, box: QSize) -> QImage:
    """A persona photo or the room's logo: Qt's own decoder first, which keeps a logo's transparency,
    then Pillow for what Qt cannot read (HEIC, 16-bit grey, CMYK). A null image when neither can."""
    image = QImage.fromData(data)
    if not image.isNull():
        return image
    try:
        return decode_picture(data, box)
    except ImageUnavailable:
        return QImage()


def _looks_like_a_picture(data: bytes) -> bool:
    return data.startswith(_PICTURE_SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or (
        data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"avif"))


def _picture_problem(error: BaseException) -> str:
    """What went wrong decoding a picture, without Pillow's technical wording."""
    text = str(error).lower()
    if isinstance(error, EOFError) or "truncated" in text or "broken data stream" in text or "end of file" in text:
        return CUT_SHORT
    if isinstance(error, ValueError) and ("mode" in text or "conversion" in text):
        return "the picture stores its colours in a way this room cannot show"
    return DAMAGED_PICTURE


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


def on_white_paper(image: QImage) -> QImage:
    """A page laid on white: PDFium leaves unpainted areas transparent, which a dark wall shows black."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


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
