"""A room's brand colour on paper: headings in it must be readable on white, whatever colour the room chose."""

import pytest

from customer_room_desktop.domain.brand_colour import DEFAULT_BRAND, brand_hex, contrast, ink_on_white, tint


@pytest.mark.parametrize("colour", ["#12A4B4", "#ffff00", "#fff", "#7B2D8E", "#000000", "teal", ""])
def test_text_in_the_brand_colour_reads_on_white(colour):
    assert contrast(ink_on_white(colour), "#ffffff") >= 4.5


def test_a_dark_brand_colour_is_kept_and_one_that_cannot_be_read_falls_back():
    assert ink_on_white("#7B2D8E") == "#7b2d8e"
    assert brand_hex("#abc") == "#aabbcc" and brand_hex("teal") == brand_hex(DEFAULT_BRAND)
    assert tint("#000000", 0.1) == "#e6e6e6"  # a light fill behind text
