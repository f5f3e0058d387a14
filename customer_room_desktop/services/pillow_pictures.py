"""Pictures decoded by Pillow: every format and mode a room can hold, turned upright and laid on white.

Loaded the first time a picture needs it (image_prep.decode_picture): Pillow and its format plugins
take about 50 ms to import, and a room whose first stage holds only plain PNGs and PDFs opens without it.
"""

from __future__ import annotations

import io
import struct
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage

from .picture_problems import (
    CUT_SHORT, DAMAGED_PICTURE, MAX_PIXELS, NOT_SHOWABLE, ImageUnavailable, looks_like_a_picture,
)
from .picture_modes import paper_ready

_ISO_MEDIA_BOX = b"ftyp"  # HEIC, HEIF and AVIF files begin with this box, after its 4-byte size


def _open_heif_too(data: bytes) -> None:
    """HEIC and HEIF photos (what phones take by default) open in Pillow once pillow-heif's opener is
    registered. It is loaded on the first such file only: most rooms have none, and it costs start-up."""
    if data[4:8] == _ISO_MEDIA_BOX:
        import pillow_heif  # noqa: PLC0415

        pillow_heif.register_heif_opener()  # registering again is harmless


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


def decode_with_pillow(data: bytes, box: QSize) -> QImage:
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
        raise ImageUnavailable(DAMAGED_PICTURE if looks_like_a_picture(data) else NOT_SHOWABLE) from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, struct.error) as error:
        raise ImageUnavailable(_picture_problem(error)) from None


def _picture_problem(error: BaseException) -> str:
    """What went wrong decoding a picture, without Pillow's technical wording."""
    text = str(error).lower()
    if isinstance(error, EOFError) or "truncated" in text or "broken data stream" in text or "end of file" in text:
        return CUT_SHORT
    if isinstance(error, ValueError) and ("mode" in text or "conversion" in text):
        return "the picture stores its colours in a way this room cannot show"
    return DAMAGED_PICTURE


