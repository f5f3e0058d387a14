"""Plain PNGs go through Qt, fast; every PNG that is not plain, or not whole, is left to Pillow."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QColorSpace, QImage

from customer_room_desktop.services.image_prep import ImageUnavailable, decode_picture
from customer_room_desktop.services.plain_pictures import decode_plain_png

BIG = 80_000_000


def qt_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def half_transparent_red(width: int = 400, height: int = 200) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 0, 0, 0))
    for x in range(width // 2):
        for y in range(height):
            image.setPixelColor(x, y, QColor(255, 0, 0, 255))
    return image


def test_a_plain_png_is_scaled_to_the_box_and_its_transparent_half_is_paper_white():
    decoded = decode_plain_png(qt_png(half_transparent_red()), QSize(100, 100), BIG)
    assert decoded is not None and (decoded.width(), decoded.height()) == (100, 50)
    assert decoded.pixelColor(10, 25).red() > 240 and decoded.pixelColor(10, 25).green() < 16
    assert decoded.pixelColor(90, 25) == QColor("white")


def test_a_plain_png_is_never_enlarged_past_twice_its_size():
    decoded = decode_plain_png(qt_png(half_transparent_red(40, 20)), QSize(1000, 1000), BIG)
    assert decoded is not None and (decoded.width(), decoded.height()) == (80, 40)


def test_a_png_with_another_colour_profile_is_left_to_pillow_which_still_shows_it():
    image = half_transparent_red()
    image.setColorSpace(QColorSpace(QColorSpace.NamedColorSpace.AdobeRgb))
    data = qt_png(image)
    assert b"iCCP" in data
    assert decode_plain_png(data, QSize(100, 100), BIG) is None
    shown = decode_picture(data, QSize(100, 100))
    assert shown.pixelColor(10, 25).red() > 200 and shown.pixelColor(90, 25) == QColor("white")


def test_a_16_bit_png_is_left_to_pillow():
    buffer = io.BytesIO()
    Image.new("I;16", (40, 20), 40_000).save(buffer, "PNG")
    assert decode_plain_png(buffer.getvalue(), QSize(40, 20), BIG) is None
    assert not decode_picture(buffer.getvalue(), QSize(40, 20)).isNull()


@pytest.mark.parametrize("share", [0.95, 0.5, 0.05])
def test_a_png_cut_short_is_refused_in_one_sentence(share):
    data = qt_png(half_transparent_red())
    cut = data[:int(len(data) * share)]
    assert decode_plain_png(cut, QSize(100, 100), BIG) is None
    with pytest.raises(ImageUnavailable, match="cut short$"):
        decode_picture(cut, QSize(100, 100))


def test_a_png_larger_than_the_safe_size_is_not_decoded_by_qt():
    assert decode_plain_png(qt_png(half_transparent_red()), QSize(100, 100), 400 * 200 - 1) is None
