"""What a wall quotes of a long customer text, and the paragraphs a page is given: cut where a reader
expects, never longer than the limit, nothing of the text lost or reordered."""

from hypothesis import given, settings
from hypothesis import strategies as st

from customer_room_desktop.domain.long_text import (
    ELLIPSIS, PARAGRAPH_LIMIT, WALL_QUOTE_LIMIT, paragraphs, wall_excerpt, wall_quote,
)
from tests.benchmarks.long_text_benchmarks import long_narrative

TRAILING = ",;:-–—(“‘\"'"
WORDS = st.text(st.sampled_from("abcdefghij,.!?;:—'”"), min_size=1, max_size=14)
SPACES = st.sampled_from([" ", "  ", "\n", " \n\n ", "\t"])
TEXTS = st.lists(st.tuples(WORDS, SPACES), max_size=400).map(lambda parts: "".join(w + s for w, s in parts))


def _cut_where_a_reader_expects(text: str, shown: str, limit: int) -> None:
    whole = " ".join(text.split())
    assert len(shown) <= limit
    if len(whole) <= limit:
        assert shown == whole
        return
    assert shown.endswith(ELLIPSIS)
    body = shown[:-1].rstrip(" ")
    assert whole.startswith(body)
    rest = whole[len(body):]
    at_a_boundary = rest.lstrip(TRAILING).startswith(" ")
    inside_one_long_word = " " not in body and len(body) == limit - 1
    assert at_a_boundary or inside_one_long_word, (body[-30:], rest[:30])


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=12, max_value=400))
def test_a_wall_excerpt_is_cut_at_a_boundary_with_an_ellipsis_and_never_over_the_limit(text, limit):
    _cut_where_a_reader_expects(text, wall_excerpt(text, limit), limit)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=0, max_size=3000))
def test_any_text_at_all_stays_within_the_limit(text):
    shown = wall_excerpt(text)
    assert len(shown) <= WALL_QUOTE_LIMIT
    assert wall_excerpt(shown) == shown  # cutting again changes nothing: walls may cut as a guard


def test_a_complaint_narrative_is_quoted_from_its_opening_sentences():
    narrative = long_narrative(25_000)
    shown = wall_excerpt(narrative)
    assert narrative.startswith(shown[:-2]) and shown.endswith(". " + ELLIPSIS)
    assert WALL_QUOTE_LIMIT / 2 <= len(shown) <= WALL_QUOTE_LIMIT


def test_without_a_sentence_end_the_cut_comes_after_a_whole_word():
    shown = wall_excerpt("we waited and waited, " * 40)
    assert shown.endswith(ELLIPSIS) and shown[-2].isalpha()  # "…and waited…", never "waited,…"


def test_a_short_verbatim_is_shown_whole_and_one_endless_word_is_cut_inside():
    assert wall_excerpt("It took  ages.\nStill waiting.") == "It took ages. Still waiting."
    assert wall_excerpt("x" * 5_000, 40) == "x" * 39 + ELLIPSIS


def test_a_wall_quote_masks_the_opening_of_a_long_text_and_cuts_it():
    text = "Call Ann Lee on 07700 900123 or ann.lee@example.com about HBL-4481-2270. " + long_narrative(25_000)
    shown = wall_quote(text, ["Ann Lee"])
    assert shown.startswith("Call [name] on [phone] or [e-mail] about [number].") and len(shown) <= WALL_QUOTE_LIMIT
    assert wall_quote(text, ["Ann Lee"], masked=False).startswith("Call Ann Lee on 07700")


def test_an_opening_eaten_by_masking_is_masked_whole_so_nothing_is_cut_inside_a_number():
    text = "4111 " * 2_000 + "Then Ann Lee rang me back. " * 40
    shown = wall_quote(text, ["Ann Lee"])
    assert "Ann" not in shown and "4111" not in shown and shown.startswith("[number]")


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.integers(min_value=20, max_value=600))
def test_paragraphs_lose_nothing_and_stay_short(text, limit):
    pieces = paragraphs(text, limit)
    assert "".join("".join(piece.split()) for piece in pieces) == "".join(text.split())
    assert len(text) <= limit and pieces == [text] or all(len(piece) <= limit for piece in pieces)


def test_a_long_decision_becomes_paragraphs_ending_at_sentences():
    decision = long_narrative(20_000)
    pieces = paragraphs(decision)
    assert len(pieces) >= 10 and all(len(p) <= PARAGRAPH_LIMIT for p in pieces)
    assert all(piece.endswith(".") for piece in pieces[:-1])  # each narrative sentence ends with a full stop
    assert " ".join(pieces) == decision
