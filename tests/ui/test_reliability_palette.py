"""Reliability is never told by colour alone, and its colours stay apart under every common colour-vision
deficiency (issue 19)."""

from itertools import combinations

import pytest

from customer_room_desktop.domain.reliability import Reliability, reliability_label
from customer_room_desktop.ui.reliability_palette import RELIABILITY_HEX
from tests.ui.colour_difference import DEFICIENCIES, ciede2000, lab_as_seen

# Sharma, Wu and Dalal (2005), table 1: pairs with their published CIEDE2000 differences.
SHARMA_PAIRS = [((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
                ((50, -1.3802, -84.2814), (50, 0, -82.7485), 1.0000),
                ((50, 2.5, 0), (73, 25, -18), 27.1492),
                ((50, 2.5, 0), (50, 3.2592, 0.3350), 1.0000),
                ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
                ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373)]


@pytest.mark.parametrize(("first", "second", "expected"), SHARMA_PAIRS)
def test_the_colour_difference_matches_the_published_pairs(first, second, expected):
    assert ciede2000(first, second) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("vision", [None, *DEFICIENCIES])
def test_every_two_reliability_colours_differ_by_at_least_20_as_each_vision_sees_them(vision):
    seen = {state: lab_as_seen(colour, vision) for state, colour in RELIABILITY_HEX.items()}
    differences = {(a, b): ciede2000(seen[a], seen[b]) for a, b in combinations(seen, 2)}
    closest = min(differences, key=differences.get)
    assert differences[closest] >= 20, f"{closest} differ by only {differences[closest]:.1f} for {vision or 'normal'}"


def test_the_old_red_amber_green_fails_the_same_check():
    """The check can fail: the palette this replaced came within 10 for protanopia."""
    old = {"reliable": "#3DDC84", "at risk": "#FFC845", "unreliable": "#FF5C5C"}
    seen = {state: lab_as_seen(colour, "protanopia") for state, colour in old.items()}
    assert min(ciede2000(seen[a], seen[b]) for a, b in combinations(seen, 2)) < 20


def test_each_state_has_a_shape_and_a_word_as_well():
    assert [state.label for state in Reliability] == ["✓ reliable", "! at risk", "✕ unreliable", "? unknown"]
    assert len({state.mark for state in Reliability}) == len(Reliability)
    assert reliability_label("at risk") == "! at risk" and reliability_label("no data") == "no data"
    assert set(RELIABILITY_HEX) == {state.value for state in Reliability}
