"""Real client material looks as it does on paper: PDF pages on white, every picture mode, HEIC, plain reasons.

Each check reads the pixels of the QImage a wall would draw, laid on the wall's near-black background,
so a page or picture that came out transparent shows up here as it would in the room.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter

from customer_room_desktop.services.artifact_probe import artifact_problem
from customer_room_desktop.services.image_prep import (
    ImageUnavailable, PreparedImages, decode_first_page, decode_picture,
)
from customer_room_desktop.services.pdf_pages import PdfPages
from customer_room_desktop.ui.walls.wall_style import BACKGROUND
from tests.services import artifact_files as files

PAGE = QSize(612, 792)  # a US Letter page at one pixel a point: the text's baseline is 72 px from the top
LEAKS = ("<", "0x", "Error", "_io", "None_", "IncorrectPassword", "Status.", "BytesIO", "Exception")


def _seen_on_wall(image: QImage) -> np.ndarray:
    """The image as the room shows it: drawn over the wall background, as an RGB array (int)."""
    wall = QImage(image.size(), QImage.Format.Format_RGB32)
    wall.fill(BACKGROUND)
    painter = QPainter(wall)
    painter.drawImage(0, 0, image)
    painter.end()
    raw = np.frombuffer(wall.constBits(), np.uint8).reshape(wall.height(), wall.bytesPerLine() // 4, 4)
    return np.array(raw[:, : wall.width(), 2::-1], dtype=int)


def _near(pixel, colour, tolerance: int = 10) -> bool:
    return all(abs(int(a) - int(b)) <= tolerance for a, b in zip(pixel, colour))


def _assert_black_text_on_white_paper(image: QImage) -> None:
    assert (image.width(), image.height()) == (PAGE.width(), PAGE.height())
    assert not image.hasAlphaChannel()
    pixels = _seen_on_wall(image)
    for x, y in ((2, 2), (306, 400), (600, 780), (500, 60)):  # corners, the middle, right of the text
        assert _near(pixels[y, x], (255, 255, 255), 0), (x, y, pixels[y, x])
    text = pixels[50:80, 72:300]
    assert text.max(axis=2).min() < 40  # the glyphs are black ink
    assert (text.min(axis=2) > 250).mean() > 0.5  # between them, white paper


# -- PDFs -------------------------------------------------------------------------------------------

def test_a_word_processor_pdf_is_black_text_on_white_paper_everywhere():
    data = files.word_processor_pdf()
    _assert_black_text_on_white_paper(PdfPages(data).render(0, PAGE))
    _assert_black_text_on_white_paper(decode_first_page(data, PAGE))  # thumbnails
    prepared = PreparedImages().prepare("statement", lambda _: data, 0, PAGE)  # artifact focus and exercises
    assert isinstance(prepared, QImage)
    _assert_black_text_on_white_paper(prepared)


def test_an_owner_password_only_limits_printing_and_the_page_still_shows(tmp_path):
    data = files.qpdf_encrypted(tmp_path, "", files.OWNER_PASSWORD, "--print=none")
    assert artifact_problem(data) is None
    _assert_black_text_on_white_paper(PdfPages(data).render(0, PAGE))


def test_a_user_password_opens_with_the_password_and_says_how_to_give_it(tmp_path):
    data = files.qpdf_encrypted(tmp_path, files.USER_PASSWORD, files.OWNER_PASSWORD)
    with pytest.raises(ImageUnavailable) as refused:
        PdfPages(data)
    assert str(refused.value) == ('the PDF needs a password: add password = "..." to its artifact entry '
                                  'in room.toml')
    with pytest.raises(ImageUnavailable, match="^the password given for the PDF is wrong$"):
        PdfPages(data, "guess")
    _assert_black_text_on_white_paper(PdfPages(data, files.USER_PASSWORD).render(0, PAGE))
    assert artifact_problem(data, files.USER_PASSWORD) is None
    assert artifact_problem(data, files.OWNER_PASSWORD) is None  # the owner password opens it too


def test_a_zero_page_pdf_and_a_truncated_pdf_say_so():
    assert artifact_problem(files.zero_page_pdf()) == "the PDF has no pages"
    whole = files.word_processor_pdf()
    assert artifact_problem(whole[: len(whole) // 2]) == "the file is cut short"


def test_every_refusal_is_one_plain_sentence(tmp_path):
    whole = files.word_processor_pdf()
    jpeg = files.phone_jpeg()
    bad = {
        "user password": files.qpdf_encrypted(tmp_path, files.USER_PASSWORD, files.OWNER_PASSWORD),
        "zero pages": files.zero_page_pdf(),
        "half a pdf": whole[: len(whole) // 2],
        "half a jpeg": jpeg[: len(jpeg) // 2],
        "half a heic": files.heic_photo()[:200],
        "a text file": b"Dear customer, thank you for your letter.\n",
        "html named .png": b"<!DOCTYPE html><html><body>Not found</body></html>",
        "empty": b"",
    }
    for name, data in bad.items():
        problem = artifact_problem(data)
        assert problem, name
        assert problem[0].islower() and not problem.endswith(".") and "\n" not in problem, (name, problem)
        assert not any(leak in problem for leak in LEAKS), (name, problem)
    assert artifact_problem(jpeg[: len(jpeg) // 2]) == "the file is cut short"
    assert artifact_problem(bad["a text file"]) == "the file is not a picture or PDF this room can show"
    assert artifact_problem(files.word_processor_pdf(), "a password nobody needs") is None


# -- pictures -------------------------------------------------------------------------------------

def test_a_16_bit_greyscale_tiff_keeps_its_greys():
    data = files.grey16_tiff()
    assert Image.open(io.BytesIO(data)).mode == "I;16"
    pixels = _seen_on_wall(decode_picture(data, QSize(256, 8)))[4]
    assert _near(pixels[0], (0, 0, 0), 4) and _near(pixels[255], (255, 255, 255), 4)
    assert _near(pixels[128], (128, 128, 128), 6)  # mid-grey, not the white square Pillow's clipping gives
    assert (np.diff(pixels[:, 1]) >= 0).all()  # a smooth ramp from black to white


@pytest.mark.parametrize("mode", ["I;16B", "I"])
def test_other_wide_grey_modes_keep_their_greys(mode):
    image = Image.new("I", (256, 4))
    image.putdata([x * 257 for _ in range(4) for x in range(256)])
    if mode == "I;16B":
        image = Image.frombytes("I;16B", (256, 4), b"".join((x * 257).to_bytes(2, "big") for _ in range(4)
                                                            for x in range(256)))
    buffer = io.BytesIO()
    image.save(buffer, "TIFF")
    pixels = _seen_on_wall(decode_picture(buffer.getvalue(), QSize(256, 4)))[2]
    assert _near(pixels[64], (64, 64, 64), 6) and _near(pixels[192], (192, 192, 192), 6)


def test_a_16_bit_png_with_alpha_lies_on_white_paper():
    pixels = _seen_on_wall(decode_picture(files.rgba16_png(), QSize(40, 20)))[10]
    assert _near(pixels[3], (0xC0, 0x10, 0x10), 10)  # opaque deep red stays deep red
    assert _near(pixels[20], (128, 128, 128), 10)  # half-transparent black over paper: grey
    assert _near(pixels[36], (255, 255, 255), 0)  # transparent: the paper, not blue, not the dark wall


def test_a_cmyk_jpeg_prints_cyan_on_paper():
    pixels = _seen_on_wall(decode_picture(files.cmyk_jpeg(), QSize(64, 32)))[16]
    assert pixels[8][0] < 40 and pixels[8][1] > 215 and pixels[8][2] > 215
    assert _near(pixels[56], (255, 255, 255), 8)


def test_a_palette_png_with_a_transparent_background():
    pixels = _seen_on_wall(decode_picture(files.palette_png_with_transparency(), QSize(40, 20)))[10]
    assert _near(pixels[5], (20, 60, 160), 8) and _near(pixels[35], (255, 255, 255), 0)


def test_la_and_one_bit_pictures():
    half_black = Image.new("LA", (20, 10), (0, 128))
    line_art = Image.new("1", (20, 10), 1)
    line_art.paste(0, (0, 0, 10, 10))
    for image, left, right in ((half_black, (127, 127, 127), (127, 127, 127)), (line_art, (0, 0, 0), (255,) * 3)):
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        pixels = _seen_on_wall(decode_picture(buffer.getvalue(), QSize(20, 10)))[5]
        assert _near(pixels[2], left, 8) and _near(pixels[17], right, 8), image.mode


def test_an_animated_gif_shows_its_first_frame():
    pixels = _seen_on_wall(decode_picture(files.animated_gif(), QSize(30, 30)))
    assert _near(pixels[15, 15], (220, 20, 20), 12)


def test_a_phone_photo_is_turned_upright():
    image = decode_picture(files.phone_jpeg(), QSize(40, 60))
    assert (image.width(), image.height()) == (40, 60)
    pixels = _seen_on_wall(image)
    assert _near(pixels[10, 20], (210, 30, 30), 16) and _near(pixels[50, 20], (30, 160, 40), 16)


def test_a_heic_photo_opens():
    data = files.heic_photo()
    assert artifact_problem(data) is None
    pixels = _seen_on_wall(decode_picture(data, QSize(64, 48)))
    assert _near(pixels[24, 32], (230, 120, 20), 14)


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")  # Pillow's own warning about the cut header
def test_a_tiff_cut_inside_its_header_is_refused_in_words():
    problem = artifact_problem(files.grey16_tiff()[:40])
    assert problem in ("the file is cut short", "the picture is damaged or cut short")


# -- from the command line ------------------------------------------------------------------------

def test_the_probe_needs_no_qt_application_and_makes_none(tmp_path):
    """`build` and `check` call artifact_problem without a QApplication: it must work there, and leave
    none behind (a QCoreApplication would stop `render` from making its QApplication later)."""
    (tmp_path / "page.pdf").write_bytes(files.word_processor_pdf())
    (tmp_path / "photo.heic").write_bytes(files.heic_photo())
    (tmp_path / "zero.pdf").write_bytes(files.zero_page_pdf())
    script = textwrap.dedent(f"""
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from customer_room_desktop.services.artifact_probe import artifact_problem
        folder = Path({str(tmp_path)!r})
        for name in ("page.pdf", "photo.heic", "zero.pdf"):
            print(name, artifact_problem((folder / name).read_bytes()))
        print("application", QCoreApplication.instance())
    """)
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["page.pdf None", "photo.heic None", "zero.pdf the PDF has no pages",
                                          "application None"]
