"""Any picture Pillow opens, turned into plain 8-bit RGB on white paper, as it would look printed.

Pillow keeps a picture's own storage: 16-bit or 32-bit grey, floats, palettes, CMYK, alpha of
several kinds. Its own ``convert("RGB")`` clips 16-bit grey (so a 16-bit scan turns white) and drops
transparency. Here each kind is brought to 8 bits by what its values mean, resized, turned to sRGB
when it carries a colour profile, and laid on white: transparent areas of a document are the paper.
No Qt here, so it can be used and tested anywhere.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image

FULL_16_BIT = 65535
_WIDE_GREY = ("I", "I;16", "I;16L", "I;16B", "I;16N", "I;16S")


@cache
def _sixteen_to_eight() -> list[int]:
    return [(v * 255 + FULL_16_BIT // 2) // FULL_16_BIT for v in range(FULL_16_BIT + 1)]


def _grey_from_integers(image: Image.Image) -> Image.Image:
    """16-bit (or 32-bit) grey as 8-bit "L", or "LA" when one grey level is marked transparent.

    Values within 0..65535 are 16-bit levels (0 black, 65535 white), scaled as they are, so a dark
    photograph stays dark. Values beyond that (signed or 32-bit data) are stretched over their range.
    """
    wide = image if image.mode == "I" else image.convert("I")
    low, high = wide.getextrema()
    sixteen_bit = low >= 0 and high <= FULL_16_BIT
    if sixteen_bit:
        grey = wide.point(_sixteen_to_eight(), "L")
    else:
        scale = 255 / (high - low) if high > low else 0.0
        grey = wide.point(lambda v: v * scale - low * scale + 0.5).convert("L")
    transparent = image.info.get("transparency")
    if isinstance(transparent, int) and sixteen_bit and 0 <= transparent <= FULL_16_BIT:
        alpha = wide.point([0 if v == transparent else 255 for v in range(FULL_16_BIT + 1)], "L")
        grey = Image.merge("LA", (grey, alpha))
    return grey


def _grey_from_floats(image: Image.Image) -> Image.Image:
    """Floating-point grey: 0..1 as black..white, anything else stretched over its range."""
    low, high = image.getextrema()
    if low >= 0 and high <= 1:
        low, high = 0.0, 1.0
    scale = 255 / (high - low) if high > low else 0.0
    return image.point(lambda v: v * scale - low * scale).convert("L")


def _eight_bit(image: Image.Image) -> Image.Image:
    """The picture as "L", "RGB", "RGBA" or "CMYK": the modes that resize and convert without loss of meaning.

    A 16-bit PNG's colour key is corrected in ``image.info`` to the 8-bit pixels Pillow gives.
    """
    mode = image.mode
    if mode in _WIDE_GREY:
        image = _grey_from_integers(image)
    elif mode == "F":
        image = _grey_from_floats(image)
    elif mode == "RGB" and isinstance(image.info.get("transparency"), tuple):
        key = image.info["transparency"]
        if any(value > 255 for value in key):  # a 16-bit PNG's colour key, its pixels already cut to 8 bits
            image.info["transparency"] = tuple(value >> 8 for value in key)
    if image.mode in ("L", "RGB", "RGBA", "CMYK") and "transparency" not in image.info:
        return image
    if image.mode in ("LA", "La", "PA", "RGBa") or "transparency" in image.info:
        return image.convert("RGBA")
    if image.mode == "1":
        return image.convert("L")
    return image.convert("RGB")  # P, RGBX, YCbCr, HSV; a mode Pillow cannot turn into RGB raises ValueError


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB, RGBA or CMYK as sRGB through the picture's own colour profile when it has one."""
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            from PIL import ImageCms
        except ImportError:  # a Pillow built without littlecms
            return image if image.mode in ("RGB", "RGBA") else image.convert("RGB")
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            output = "RGBA" if image.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output)
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or unusual profile: the colours as stored are close enough
    return image if image.mode in ("RGB", "RGBA") else image.convert("RGB")


def on_white(image: Image.Image) -> Image.Image:
    """An RGBA picture laid on white paper; other modes turned to RGB."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    paper = Image.new("RGB", image.size, (255, 255, 255))
    paper.paste(image, mask=image.getchannel("A"))
    return paper


def paper_ready(image: Image.Image) -> Image.Image:
    """The picture as 8-bit sRGB on white paper. Raises ValueError for a mode with no RGB form."""
    icc = image.info.get("icc_profile")
    image = _eight_bit(image)
    return on_white(_to_srgb(image, icc if isinstance(icc, bytes) else None))
