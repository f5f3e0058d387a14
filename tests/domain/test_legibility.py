import pytest

from customer_room_desktop.domain.legibility import Tier, element_height_share, image_height_m


def test_a_65_inch_wall_is_81_cm_high_and_discas_gives_the_two_tiers():
    assert image_height_m() == pytest.approx(0.809, abs=0.001)
    assert element_height_share(5.0, image_height_m()) == pytest.approx(0.0309, abs=0.0001)
    assert Tier.ROOM.share == 0.031 and Tier.WALK_UP.share == 0.0125  # rounded up, never down


def test_tiers_in_pixels_at_1080p_and_4k():
    assert Tier.ROOM.x_height(1080) == pytest.approx(33.48)
    assert Tier.ROOM.x_height(2160) == pytest.approx(66.96)
    assert Tier.WALK_UP.x_height(1080) == pytest.approx(13.5)


def test_a_farther_viewer_or_a_smaller_wall_needs_bigger_text():
    assert element_height_share(8.0, image_height_m()) > Tier.ROOM.share
    assert element_height_share(5.0, image_height_m(55)) > Tier.ROOM.share
