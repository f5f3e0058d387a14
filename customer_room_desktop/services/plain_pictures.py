"""Plain PNGs decoded by Qt: screenshots, exported forms and slides, the pictures rooms hold most.

Qt reads and scales such a file in about a fifth of the time Pillow takes, and needs no Pillow at
all. "Plain" means 8 bits a channel and sRGB or no colour profile. Anything else is left to Pillow
(pillow_pictures.py), which knows 16-bit, CMYK, colour profiles and every other format: this module
answers None rather than guess.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColorSpace, QImage, QPainter

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"  # the last chunk, with its checksum: a file cut short lacks it
_PLAIN_FORMATS = {QImage.Format.Format_Mono, QImage.Format.Format_MonoLSB, QImage.Format.Format_Indexed8,
                  QImage.Format.Format_Grayscale8, QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32,
                  QImage.Format.Format_RGB888}


def image_from_bytes(data: bytes) -> QImage:
    """``QImage.fromData``, told "PNG" when the data is one. Told no format, Qt asks every image plugin
    whether it can read the data, loading them all with the libraries they need (QtSvg, QtNetwork,
    QtPdf): 6-8 ms the first time, on whichever thread asks."""
    return QImage.fromData(data, "PNG") if data.startswith(PNG_SIGNATURE) else QImage.fromData(data)


def decode_plain_png(data: bytes, box: QSize, max_pixels: int) -> QImage | None:
    """A plain PNG on white, scaled to fit ``box`` without enlarging past 2x, at 16 bits a pixel; None for
    any other file, or one Qt cannot read whole (Pillow then says what is wrong with it)."""
    if not data.startswith(PNG_SIGNATURE) or not data.endswith(PNG_END):
        return None
    # The size and depth from the header (IHDR), not from a QImageReader on a QBuffer made in Python: this
    # runs on worker threads, and such a device asks for the interpreter lock on every read while Qt's
    # image-format lock is held, which deadlocks against a thread holding the one and waiting for the other.
    width, height, depth = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"), data[24]
    if data[12:16] != b"IHDR" or not width or not height or width * height > max_pixels or depth > 8:
        return None
    image = QImage.fromData(data, "PNG")
    if image.isNull() or image.format() not in _PLAIN_FORMATS:
        return None
    space = image.colorSpace()
    if space.isValid() and space != QColorSpace(QColorSpace.NamedColorSpace.SRgb):
        return None
    scale = min(box.width() / image.width(), box.height() / image.height(), 2.0)
    width, height = max(1, round(image.width() * scale)), max(1, round(image.height() * scale))
    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    if (width, height) != (image.width(), image.height()):
        image = image.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return on_white_paper(image).convertToFormat(QImage.Format.Format_RGB16)


def on_white_paper(image: QImage) -> QImage:
    """A picture or page laid on white: PDFium leaves unpainted areas transparent, as a PNG may be,
    and a dark wall would show them black."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper
