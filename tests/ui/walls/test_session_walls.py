"""The session walls drawn offscreen at 1080p and 4K, checked as someone in the room would see them:
the longest bar is the candidate with most dots, late steps show red, an empty vote says so, and
the celebration is the same picture every time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from customer_room_desktop.services.session_wall_data import (
    BoardData, BoardStep, BoardTeam, CelebrationData, TallyData, TallyRow, board_data, tally_data,
)
from customer_room_desktop.domain.ballot_box import VoteProgress
from customer_room_desktop.services.wall_data import Branding
from customer_room_desktop.ui.walls.session_walls import CONFETTI_COLOURS, UNSELECTED_BAR, CelebrationWall, TallyWall
from customer_room_desktop.ui.walls.team_board_wall import STATUS_COLOURS, TeamBoardWall
from customer_room_desktop.ui.walls.wall_style import TEXT, TEXT_SOFT
from tests.ui.wall_pixels import is_colour as _is, render_rgb as _render

SIZES = [(1920, 1080), (3840, 2160)]
BRAND = "#12A4B4"
CITATION = ("Nine customers in ten now report a claim in one call; the team merged two intake queues and rewrote "
            "a form that nobody could finish.")


@pytest.fixture
def branding():
    return Branding("Harbourline", BRAND)


def _progress(voted: int, attendees: int) -> VoteProgress:
    """``voted`` leaders of ``attendees`` voted; the others skipped, so nobody is waited for."""
    names = tuple(f"Leader {n}" for n in range(1, attendees + 1))
    return VoteProgress(names, frozenset(names[:voted]), frozenset(names[voted:]))


def _bar_lengths(pixels: np.ndarray, view: TallyWall) -> list[int]:
    """Along each row's middle, the first run of bar colour after the selection stripe: the bar."""
    lengths = []
    for box in view.row_boxes:
        y = int(box.center().y())
        start = int(box.left() + box.height() * 0.3)
        line = pixels[y, start:int(box.right())]
        bar = _is(line, BRAND) | _is(line, UNSELECTED_BAR)
        runs = np.flatnonzero(np.diff(np.concatenate(([0], bar.astype(int), [0]))))
        pairs = [(a, b) for a, b in zip(runs[::2], runs[1::2]) if b - a >= 5]
        lengths.append(pairs[0][1] - pairs[0][0] if pairs else 0)
    return lengths


def _big_bright_text(pixels: np.ndarray) -> int:
    """How many near-white pixels sit in the middle of the wall, where the big messages go."""
    height, width = pixels.shape[:2]
    middle = pixels[int(height * 0.35):int(height * 0.65), int(width * 0.1):int(width * 0.9)]
    return int(_is(middle, TEXT, 12).sum())


def _downscaled(pixels: np.ndarray) -> np.ndarray:
    return pixels.reshape(pixels.shape[0] // 2, 2, pixels.shape[1] // 2, 2, 3).mean(axis=(1, 3))


@pytest.mark.parametrize("size", SIZES)
def test_the_longest_bar_is_the_candidate_with_most_dots(qtbot, room, branding, size):
    data = tally_data(room, 1)
    assert len(data.rows) >= 3 and data.rows[0].dots > data.rows[1].dots
    view = TallyWall(branding)
    view.show_tally(data)
    pixels = _render(qtbot, view, size)
    lengths = _bar_lengths(pixels, view)
    assert len(lengths) == len(data.rows) and min(lengths) > 0
    assert lengths[0] == max(lengths) and lengths[0] > lengths[1]
    assert lengths[1] / lengths[0] == pytest.approx(data.rows[1].dots / data.rows[0].dots, abs=0.02)
    for row, length, box in zip(data.rows, lengths, view.row_boxes):
        for other, other_length in zip(data.rows, lengths):
            if row.dots > other.dots:
                assert length > other_length, (row.title, other.title)
        middle = pixels[int(box.center().y()), int(box.left() + box.height() * 0.3):int(box.right())]
        expected = BRAND if row.selected else UNSELECTED_BAR
        assert _is(middle, expected).sum() >= length, f"{row.title} should be drawn in {expected}"


@pytest.mark.parametrize("size", SIZES)
def test_a_vote_with_no_dots_says_so_instead_of_drawing_bars(qtbot, room, branding, size):
    voted = tally_data(room, 1)
    view = TallyWall(branding)
    view.show_tally(voted)
    with_bars = _render(qtbot, view, size)
    scale = size[1] / 1080
    nobody = replace(voted.progress, voted=frozenset())
    for empty in (replace(voted, progress=nobody, rows=()),
                  replace(voted, progress=nobody, rows=tuple(replace(r, dots=0) for r in voted.rows))):
        blank = TallyWall(branding)
        blank.show_tally(empty)
        pixels = _render(qtbot, blank, size)
        assert blank.row_boxes == []
        assert not (_is(pixels, UNSELECTED_BAR).any())
        assert _big_bright_text(pixels) > scale ** 2 * 5000  # the message, in big letters
        assert not np.array_equal(pixels, with_bars)


@pytest.mark.parametrize("size", SIZES)
def test_ten_long_candidates_fit_the_wall_and_more_are_counted(qtbot, branding, size):
    long_title = "Customers who move house keep their cover, their discounts and their named driver without calling us"
    for count, shown in ((10, 10), (14, 9)):
        rows = tuple(TallyRow(f"{n}. {long_title}", 40 - 2 * n, n < 3) for n in range(count))
        view = TallyWall(branding)
        view.show_tally(TallyData("A long session", 5, rows, _progress(voted=8, attendees=9)))
        pixels = _render(qtbot, view, size)
        assert len(view.row_boxes) == shown
        assert view.row_boxes[-1].bottom() <= size[1] - size[1] / 1080 * 30
        lengths = _bar_lengths(pixels, view)
        assert lengths == sorted(lengths, reverse=True) and lengths[-1] > 0


def _five_teams(board: BoardData) -> BoardData:
    titles = ("Where we are", "Why it happens", "What we will do", "Doing it", "Did it work", "Hand it over")
    steps = tuple(BoardStep(n + 1, titles[n], f"2027-0{n + 1}-10", ("reported", "late", "planned")[min(n, 2)],
                            "We listened to forty calls and timed every hand-off between teams." if n == 0 else "")
                  for n in range(6))
    extra = (BoardTeam("Cancelling takes one request", "Clean exit team", "Priya Raman", "Oluwaseun Adebayo-Richards",
                       ("Customer Service", "Digital & IT"), steps),
             BoardTeam("My documents arrive within the hour", "Docs in an hour", "Tom Price", "Ruth Adeyemi",
                       ("Operations & Print",), steps[:3]))
    return replace(board, teams=board.teams + extra)


@pytest.mark.parametrize("size", SIZES)
def test_late_steps_show_red_and_an_on_time_board_shows_none(qtbot, room, branding, size):
    red, green = STATUS_COLOURS["late"], STATUS_COLOURS["reported"]
    late_board = board_data(room, date(2027, 1, 1))
    assert any(step.status == "late" for team in late_board.teams for step in team.steps)
    view = TeamBoardWall(branding)
    view.show_board(late_board)
    pixels = _render(qtbot, view, size)
    assert len(view.row_boxes) == len(late_board.teams) == 3
    assert _is(pixels, red).sum() > (size[1] / 1080) ** 2 * 5000  # stripes, words and dates, not a stray pixel
    assert _is(pixels, green).sum() > 0
    on_time = board_data(room, date(2026, 7, 1))
    assert not any(step.status == "late" for team in on_time.teams for step in team.steps)
    calm = TeamBoardWall(branding)
    calm.show_board(on_time)
    calm_pixels = _render(qtbot, calm, size)
    assert _is(calm_pixels, red, 30).sum() == 0
    assert _is(calm_pixels, green).sum() > 0


@pytest.mark.parametrize("size", SIZES)
def test_five_teams_with_six_steps_fit_on_one_wall(qtbot, room, branding, size):
    board = _five_teams(board_data(room, date(2027, 1, 1)))
    view = TeamBoardWall(branding)
    view.show_board(board)
    pixels = _render(qtbot, view, size)
    assert len(view.row_boxes) == 5
    assert view.row_boxes[-1].bottom() <= size[1]
    for team, box in zip(board.teams, view.row_boxes):  # each row shows the colours of its own steps
        band = pixels[int(box.top()):int(box.bottom()), int(box.left()):int(box.right())]
        for status in STATUS_COLOURS:
            expected = any(step.status == status for step in team.steps)
            assert (_is(band, STATUS_COLOURS[status]).sum() > 0) == expected, (team.team, status)


def test_a_board_without_teams_says_so(qtbot, branding):
    view = TeamBoardWall(branding)
    view.show_board(BoardData("Teams and their cycle", ()))
    pixels = _render(qtbot, view, (1920, 1080))
    assert view.row_boxes == []
    assert _big_bright_text(pixels) > 2000


@pytest.mark.parametrize("size", SIZES)
def test_the_celebration_is_festive_and_the_same_every_time(qtbot, branding, size):
    data = CelebrationData("First call team", "Reporting a claim takes one call", CITATION)
    renders = []
    for _ in range(2):
        view = CelebrationWall(branding)
        view.show_celebration(data)
        renders.append(_render(qtbot, view, size))
    assert np.array_equal(renders[0], renders[1])
    for colour in CONFETTI_COLOURS:
        assert _is(renders[0], colour).sum() > 0, f"no {colour} confetti"
    assert _big_bright_text(renders[0]) > (size[1] / 1080) ** 2 * 20000  # the team's name, huge


def test_a_long_citation_stays_inside_its_panel(qtbot, branding):
    long = CelebrationData("The team with a name far too long for any wall in the building",
                           "Reporting a claim takes one call", " ".join([CITATION] * 12))
    view = CelebrationWall(branding)
    view.show_celebration(long)
    pixels = _render(qtbot, view, (1920, 1080))
    text = _is(pixels, TEXT, 10) | _is(pixels, TEXT_SOFT, 10)
    assert text[int(1080 * 0.14):int(1080 * 0.86)].sum() > 0
    assert text[int(1080 * 0.87):].sum() == 0  # nothing has spilled below the panel
    assert text[:int(1080 * 0.13)].sum() == 0


@pytest.mark.parametrize("make", [
    lambda b, room: (TallyWall(b), "show_tally", tally_data(room, 1)),
    lambda b, room: (TeamBoardWall(b), "show_board", board_data(room, date(2027, 1, 1))),
    lambda b, room: (CelebrationWall(b), "show_celebration", CelebrationData("First call team", "One call", CITATION)),
])
def test_a_4k_wall_is_the_same_layout_drawn_at_full_resolution(qtbot, room, branding, make):
    pictures = []
    for size in SIZES:
        view, method, data = make(branding, room)
        getattr(view, method)(data)
        pictures.append(_render(qtbot, view, size))
    hd, uhd = pictures
    assert len(np.unique(uhd.reshape(-1, 3)[::97], axis=0)) > 30  # drawn, not a blank or flat fill
    assert np.abs(_downscaled(uhd) - hd).mean() < 8  # the same layout, just sharper
    assert np.abs(_downscaled(uhd) - hd).mean() > 0.01  # and not the HD picture blown up
