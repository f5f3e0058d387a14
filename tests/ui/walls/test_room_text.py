"""Room-tier text (issue 19): it keeps its size and loses whole sentences or words, never part of one."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from customer_room_desktop.domain.legibility import Tier
from customer_room_desktop.ui.walls.room_text import (
    draw_room_text, fits_wrapped, room_font, room_line_font, shared_room_size, shortened_to_fit, tail_at_word,
)
from customer_room_desktop.ui.walls.wall_style import ROOM_TEXT, WallScale

SAID = "I rang on Monday. Nobody called back. I rang again on Friday and waited an hour to be told nothing at all."


def _painter(qapp):
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    return image, painter


def test_text_too_long_for_its_box_keeps_the_room_tier_and_its_opening_sentences(qapp):
    image, painter = _painter(qapp)
    try:
        scale = WallScale(1080)
        box = QRectF(0, 0, 900, QFontMetricsF(room_font(scale, ROOM_TEXT)).lineSpacing() * 2)
        size = shared_room_size(painter, scale, box, [SAID], 90)
        assert size == ROOM_TEXT  # it shrank to the tier and no further
        shown = shortened_to_fit(room_font(scale, size), box, SAID)
        assert shown in ("I rang on Monday. Nobody called back. …", "I rang on Monday. …")
        used = draw_room_text(painter, scale, box, SAID, 90, qapp.palette().text().color())
        assert used.height() <= box.height() + 0.5
        assert QFontMetricsF(room_font(scale, size)).xHeight() >= Tier.ROOM.x_height(1080) - 1e-6
        closed = shortened_to_fit(room_font(scale, size), box, SAID, closing="”")
        assert closed.endswith(" …”")
    finally:
        painter.end()


def test_a_short_text_is_drawn_whole_at_the_largest_size_asked(qapp):
    image, painter = _painter(qapp)
    try:
        scale = WallScale(2160)  # a 4K wall: the same layout, twice the pixels
        box = QRectF(0, 0, 3600, 800)
        assert shared_room_size(painter, scale, box, ["Right. It's HL 4471 2209."], 80) == 80
        assert shortened_to_fit(room_font(scale, 80), box, "An excerpt that ends in a word…") == \
            "An excerpt that ends in a word …"  # an excerpt's ellipsis stands apart: no word looks cut
    finally:
        painter.end()


def test_the_line_before_keeps_its_closing_words(qapp):
    scale = WallScale(1080)
    metrics = QFontMetricsF(room_font(scale, ROOM_TEXT))
    tail = tail_at_word(metrics, SAID, 700)
    assert tail.startswith("… ") and SAID.endswith(tail[2:]) and metrics.horizontalAdvance(tail) <= 700
    assert tail_at_word(metrics, "Right.", 700) == "Right."
    assert tail_at_word(metrics, "Unbelievably", 40) == ""  # not even a word fits: nothing, not half of one


def test_a_one_line_room_text_shrinks_to_the_tier_and_no_further(qapp):
    scale = WallScale(1080)
    assert room_line_font(scale, "12:34", 1000, 190).pixelSize() == 190
    narrow = room_line_font(scale, "Maya Okafor-Wilhelmina Montgomery-Smythe", 300, 108)
    assert narrow.pixelSize() == room_font(scale, ROOM_TEXT).pixelSize()


def test_a_remembered_fit_answers_only_the_same_font_box_and_text(qapp):
    image, painter = _painter(qapp)
    try:
        scale = WallScale(1080)
        small, large = room_font(scale, ROOM_TEXT), room_font(scale, 90)
        box = QRectF(0, 0, 900, QFontMetricsF(small).lineSpacing() * 3)
        for _ in range(2):  # asked again, the remembered answers must be the same
            assert fits_wrapped(small, box, "I rang on Monday.")
            assert not fits_wrapped(large, box, SAID)  # another font: its own answer
            assert not fits_wrapped(small, QRectF(0, 0, 120, 40), "I rang on Monday.")  # another box
            assert not fits_wrapped(small, box, SAID + " " + SAID)  # another text
    finally:
        painter.end()


def test_a_word_wider_than_the_box_does_not_fit_however_tall_the_box(qapp):
    scale = WallScale(1080)
    font = room_font(scale, ROOM_TEXT)
    metrics = QFontMetricsF(font)
    word = "Supercalifragilisticexpialidocious"
    width = metrics.horizontalAdvance(word)
    tall = metrics.lineSpacing() * 20
    assert fits_wrapped(font, QRectF(0, 0, width + 1, tall), f"We {word} now.")
    assert not fits_wrapped(font, QRectF(0, 0, width - 1, tall), f"We {word} now.")  # it would stick out
    assert not fits_wrapped(font, QRectF(0, 0, width - 1, tall), word)
    assert fits_wrapped(font, QRectF(0, 0, width - 1, tall), "Short words wrap onto as many lines as they need.")


def test_a_long_hyphenated_name_fits_as_it_is_drawn_broken_after_a_hyphen(qapp):
    scale = WallScale(1080)
    font = room_font(scale, ROOM_TEXT)
    metrics = QFontMetricsF(font)
    name = "Okafor-Wilhelmina-Montgomery"
    box = QRectF(0, 0, metrics.horizontalAdvance("Okafor-Wilhelmina-") + 1, metrics.lineSpacing() * 3)
    assert fits_wrapped(font, box, name)
    image = QImage(int(box.width()) + 40, int(box.height()) + 40, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        drawn = painter.boundingRect(box, int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap), name)
    finally:
        painter.end()
    assert drawn.width() <= box.width() and drawn.height() <= box.height()  # two lines, inside the box
