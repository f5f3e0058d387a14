"""Large wall text drawn from glyph pictures lands where Qt's drawText puts it, in its colour, clipped
to its box, the same whether a frame is painted whole or a band at a time."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter, QRegion
from PySide6.QtWidgets import QWidget

from customer_room_desktop.services.painting import painting
from customer_room_desktop.ui.walls import glyph_text
from customer_room_desktop.ui.walls.glyph_text import GlyphPictures, draw_wall_text

A = Qt.AlignmentFlag
WRAP = int(Qt.TextFlag.TextWordWrap)
AMBER, GROUND = QColor(240, 200, 60), QColor(12, 14, 20)
QUOTE = "“Know what I am covered for and pay without chasing anyone, every time I renew my policy with you”"
CASES = [
    (QUOTE, 100, True, int(A.AlignLeft | A.AlignTop) | WRAP),
    ("6.3 days", 224, False, int(A.AlignLeft | A.AlignVCenter)),
    ("I get started", 200, False, int(A.AlignRight | A.AlignTop)),
    ("Reporting a claim takes one call and then some", 90, False, int(A.AlignHCenter | A.AlignBottom) | WRAP),
    ("1,234\nand a second line", 130, False, int(A.AlignRight | A.AlignVCenter)),
]


def _font(pixels: int, italic: bool) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(pixels)
    font.setItalic(italic)
    font.setBold(True)
    return font


BOX = QRectF(40.5, 30, 2300, 800)


def _drawn(draw, text: str, pixels: int, italic: bool, flags: int, box: QRectF = BOX,
           pen: QColor = AMBER) -> np.ndarray:
    image = QImage(2600, 1000, QImage.Format.Format_RGB32)
    image.fill(GROUND)
    with painting(image) as painter:
        painter.setFont(_font(pixels, italic))
        painter.setPen(pen)
        painter.translate(17, 23)
        draw(painter, box, flags, text)
    return np.frombuffer(image.constBits(), np.uint8).reshape(1000, 2600, 4)[..., :3].astype(int).copy()


def _qt(painter: QPainter, box: QRectF, flags: int, text: str) -> None:
    painter.drawText(box, flags, text)


def _ink(pixels: np.ndarray) -> np.ndarray:
    return np.abs(pixels - np.array([GROUND.blue(), GROUND.green(), GROUND.red()])).max(axis=2) > 100


def _ink_box(pixels: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.where(_ink(pixels))
    return xs.min(), ys.min(), xs.max(), ys.max()


@pytest.mark.parametrize("text, pixels, italic, flags", CASES)
def test_large_text_lands_where_qt_puts_it(qapp, text, pixels, italic, flags):
    theirs, ours = _drawn(_qt, text, pixels, italic, flags), _drawn(draw_wall_text, text, pixels, italic, flags)
    assert np.allclose(_ink_box(ours), _ink_box(theirs), atol=1)  # every edge of the ink within a pixel
    assert _ink(ours).sum() == pytest.approx(_ink(theirs).sum(), rel=0.05)  # the same weight of letters
    solid = _ink(ours) & (np.abs(ours - [AMBER.blue(), AMBER.green(), AMBER.red()]).max(axis=2) <= 2)
    assert solid.sum() > 0.5 * _ink(ours).sum()  # in the pen's colour, not black or white


@pytest.mark.parametrize("text, pixels, italic, flags", CASES)
def test_the_soft_edges_of_large_letters_are_as_light_as_qts(qapp, text, pixels, italic, flags):
    """The light of every pixel of the letters, edges included, adds up to what drawText gives: glyph
    pictures once counted the coverage in twice, and every edge came out darker (1 % less light)."""
    theirs, ours = _drawn(_qt, text, pixels, italic, flags), _drawn(draw_wall_text, text, pixels, italic, flags)
    ground = np.array([GROUND.blue(), GROUND.green(), GROUND.red()])
    assert (ours - ground).sum() / (theirs - ground).sum() == pytest.approx(1, abs=0.002)


@pytest.mark.parametrize("pen", [QColor(143, 160, 175, 128), QColor(255, 255, 255, 40)])
def test_text_in_a_see_through_colour_lets_as_much_of_the_ground_through_as_qts(qapp, pen):
    """A glyph's picture takes the pen's own opacity times the glyph's coverage, once each."""
    args = (QUOTE, 100, True, int(A.AlignLeft | A.AlignTop) | WRAP, BOX, pen)
    theirs, ours = _drawn(_qt, *args), _drawn(draw_wall_text, *args)
    ground = np.array([GROUND.blue(), GROUND.green(), GROUND.red()])
    assert (ours - ground).sum() / (theirs - ground).sum() == pytest.approx(1, abs=0.002)
    assert np.abs((ours - ground).max(axis=(0, 1)) - (theirs - ground).max(axis=(0, 1))).max() <= 2  # not opaque


def test_large_text_is_clipped_to_its_box_as_drawtext_clips_it(qapp):
    box = QRectF(100, 100, 700, 150)  # room for part of one line
    ours = _drawn(draw_wall_text, QUOTE, 100, True, int(A.AlignLeft | A.AlignTop) | WRAP, box)
    ink = _ink(ours)
    inside = np.zeros_like(ink)
    inside[100 + 23:250 + 23, 100 + 17:800 + 17] = True
    assert ink.any() and not (ink & ~inside).any()


def test_small_text_is_left_to_qt(qapp):
    args = ("Moments of truth", 40, False, int(A.AlignLeft | A.AlignTop))
    assert np.array_equal(_drawn(draw_wall_text, *args), _drawn(_qt, *args))


class _Headline(QWidget):
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        with painting(self) as painter:
            painter.fillRect(self.rect(), GROUND)
            painter.setFont(_font(110, False))
            painter.setPen(AMBER)
            draw_wall_text(painter, QRectF(60, 40, 1700, 1000), int(A.AlignLeft | A.AlignTop) | WRAP, QUOTE)


def test_a_frame_painted_in_bands_shows_the_text_as_painted_whole(qapp):
    view = _Headline()
    view.resize(1920, 1080)
    whole = QImage(1920, 1080, QImage.Format.Format_RGB32)
    view.render(whole)
    banded = QImage(1920, 1080, QImage.Format.Format_RGB32)
    band = QImage(1920, 270, QImage.Format.Format_RGB32)
    with painting(banded) as painter:
        for top in range(0, 1080, 270):
            view.render(band, QPoint(0, 0), QRegion(0, top, 1920, 270))
            painter.drawImage(0, top, band)
    assert whole == banded


def test_text_for_a_pdf_stays_text(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "page.pdf"))
    with painting(writer) as painter:
        painter.setFont(_font(200, False))
        draw_wall_text(painter, QRectF(0, 0, 4000, 1000), int(A.AlignLeft | A.AlignTop), "Harbourline")
    assert b"/Font" in (tmp_path / "page.pdf").read_bytes()  # a font in the file: words, not pictures


def test_glyph_pictures_stay_within_their_budget(qapp, monkeypatch):
    pictures = GlyphPictures(budget=2 * 2**20)
    monkeypatch.setattr(glyph_text, "_glyphs", pictures)
    text = "The quick brown fox jumps over the lazy dog 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for pixels in (80, 120, 160, 200, 240):
        _drawn(draw_wall_text, text, pixels, False, int(A.AlignLeft | A.AlignTop) | WRAP)
    assert 0 < pictures.held <= pictures.budget
