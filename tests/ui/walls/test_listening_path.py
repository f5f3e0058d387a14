"""The listening path drawn offscreen at 1080p and 4K from the sample room, checked as the room
would read it: the hottest cell is the brightest, the busiest stage has the fullest total gauge,
every listening source shows in the stacked bars, an empty month is drawn (not left out) and
24 narrow month columns keep their labels apart."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from customer_room_desktop.services.board_data import ListeningPathData, listening_path
from customer_room_desktop.services.wall_data import Branding
from customer_room_desktop.ui.walls.heat_colours import ZERO_COLOUR, heat_colour, heat_ramp
from customer_room_desktop.ui.walls.listening_fit import month_label
from customer_room_desktop.ui.walls.listening_path import OTHER_COLOUR, OTHER_SOURCES, SOURCE_COLOURS, ListeningPathWall
from customer_room_desktop.ui.walls.wall_style import BACKGROUND, MINIMUM_TEXT, WallScale
from tests.ui.wall_pixels import render_rgb as _render, is_colour as _is

SIZES = [(1920, 1080), (3840, 2160)]
BRAND = "#12A4B4"
SOURCES = ("Call centre", "E-mail", "Web feedback", "Survey verbatim", "Social media", "Broker", "Ombudsman")


@pytest.fixture
def branding():
    return Branding("Harbourline", BRAND)


def _corner(pixels: np.ndarray, box) -> np.ndarray:
    """A cell's colour, read in its top-left corner where no number is written."""
    left, top = int(box.left()) + 2, int(box.top()) + 2
    return pixels[top:top + 4, left:left + 4].reshape(-1, 3).mean(axis=0)


def _brightness(rgb: np.ndarray) -> float:
    return float(0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2])


def _gauge(pixels: np.ndarray, box) -> int:
    """How many brand-coloured pixels fill the gauge under a stage total."""
    band = pixels[int(box.top() + box.height() * 0.75):int(box.bottom()), int(box.left()):int(box.right()) + 1]
    return int(_is(band, BRAND).any(axis=0).sum())


def _show(qtbot, branding, data: ListeningPathData, size) -> tuple[ListeningPathWall, np.ndarray]:
    view = ListeningPathWall(branding)
    view.show_listening(data)
    return view, _render(qtbot, view, size)


def test_the_sample_room_gives_a_year_of_seven_stages_and_seven_sources(room):
    data = listening_path(room)
    assert len(data.months) == 12 and len(data.stages) == 7 and data.sources == SOURCES
    assert data.total == 1543 == sum(data.stage_totals) == sum(data.source_totals)
    assert month_label("2025-11") == "Nov 2025"


@pytest.mark.parametrize("size", SIZES)
def test_the_header_counts_the_complaints_over_the_months_shown(qtbot, room, branding, size):
    view, _ = _show(qtbot, branding, listening_path(room), size)
    kicker, title, subtitle = view.header
    assert kicker.startswith("THE LISTENING PATH")
    assert title == "1,543 complaints, Nov 2025 to Oct 2026"
    assert "I make a claim (563)" in subtitle and "Call centre (560)" in subtitle


@pytest.mark.parametrize("size", SIZES)
def test_the_hottest_cell_is_the_brightest_and_the_busiest_stage_fills_its_gauge(qtbot, room, branding, size):
    data = listening_path(room)
    view, pixels = _show(qtbot, branding, data, size)
    assert [len(row) for row in view.cell_boxes] == [12] * 7
    cells = [(count, stage, month) for stage, row in enumerate(data.by_stage) for month, count in enumerate(row)]
    hot, cold = max(cells), min(cells)
    assert hot[0] > 5 * cold[0] > 0
    hot_rgb = _corner(pixels, view.cell_boxes[hot[1]][hot[2]])
    cold_rgb = _corner(pixels, view.cell_boxes[cold[1]][cold[2]])
    assert _brightness(hot_rgb) > _brightness(cold_rgb) + 60
    for count, stage, month in cells:  # each cell carries the shade of its own count
        expected = np.array(heat_colour(count, hot[0], BRAND).getRgb()[:3])
        assert np.abs(_corner(pixels, view.cell_boxes[stage][month]) - expected).max() <= 3, (stage, month)
    gauges = [_gauge(pixels, box) for box in view.total_boxes]
    busiest = data.stage_totals.index(max(data.stage_totals))
    assert gauges.index(max(gauges)) == busiest and min(gauges) > 0
    for total, gauge in zip(data.stage_totals, gauges):
        assert gauge / gauges[busiest] == pytest.approx(total / data.stage_totals[busiest], abs=0.03)


@pytest.mark.parametrize("size", SIZES)
def test_a_month_with_no_complaints_in_a_stage_is_drawn_in_the_zero_colour(qtbot, room, branding, size):
    data = listening_path(room)
    rows = [list(row) for row in data.by_stage]
    rows[1][3] = rows[2][6] = 0
    quiet = replace(data, by_stage=tuple(map(tuple, rows)))
    view, pixels = _show(qtbot, branding, quiet, size)
    assert len(view.cell_boxes[1]) == 12 and len(view.cell_boxes[2]) == 12
    assert QColor(ZERO_COLOUR).getRgb() != QColor(BACKGROUND).getRgb()
    for stage, month in ((1, 3), (2, 6)):
        box = view.cell_boxes[stage][month]
        assert box.width() > 10 and box.height() > 10
        corner = _corner(pixels, box)
        assert np.abs(corner - np.array(ZERO_COLOUR.getRgb()[:3])).max() <= 3
        neighbour = _corner(pixels, view.cell_boxes[stage][month + 1])
        assert _brightness(neighbour) > _brightness(corner) + 15  # the quietest real count still stands out


@pytest.mark.parametrize("size", SIZES)
def test_every_source_shows_in_the_stacked_bars_and_the_busiest_month_is_tallest(qtbot, room, branding, size):
    data = listening_path(room)
    view, pixels = _show(qtbot, branding, data, size)
    assert len(view.bar_boxes) == 12 and len(view.legend_boxes) == len(SOURCES)
    inside = np.zeros(pixels.shape[:2], bool)
    for box in view.bar_boxes:
        inside[int(box.top()):int(box.bottom()), int(box.left()):int(box.right())] = True
    for name, colour in zip(data.sources, SOURCE_COLOURS):
        bars = _is(pixels, colour) & inside
        assert bars.sum() > 0, f"{name} is missing from the bars"
        legend = view.legend_boxes[data.sources.index(name)]
        swatch = pixels[int(legend.top()):int(legend.bottom()), int(legend.left()):int(legend.left() + legend.height())]
        assert _is(swatch, colour).sum() > 0, f"{name} has no swatch"
    monthly = [sum(column) for column in zip(*data.by_source)]
    heights = [box.height() for box in view.bar_boxes]
    assert heights.index(max(heights)) == monthly.index(max(monthly))
    for total, height in zip(monthly, heights):
        assert height / max(heights) == pytest.approx(total / max(monthly), abs=0.02)
    first = view.bar_boxes[0]  # the biggest source sits on the baseline
    base = pixels[int(first.bottom()) - 3, int(first.center().x())]
    assert np.abs(base.astype(int) - np.array(SOURCE_COLOURS[0].getRgb()[:3])).max() <= 3


@pytest.mark.parametrize("size", SIZES)
def test_twenty_four_months_keep_the_latest_that_carry_their_numbers_and_say_what_left(qtbot, room, branding, size):
    data = listening_path(room, "2024-11", "2026-10")
    assert len(data.months) == 24
    view, _ = _show(qtbot, branding, data, size)
    shown = view.shown
    assert 12 <= len(shown.months) < 24 and shown.months == data.months[-len(shown.months):]  # the latest months
    first = month_label(shown.months[0])
    assert view.header[1] == f"{shown.total:,} complaints, {first} to Oct 2026"
    assert shown.total == sum(map(sum, shown.by_stage)) < data.total
    last_left_off = month_label(data.months[-len(shown.months) - 1]).upper()
    assert view.header[0] == f"THE LISTENING PATH · NOV 2024 TO {last_left_off} LEFT OFF"
    assert all(len(row) == len(shown.months) for row in view.cell_boxes) and len(view.bar_boxes) == len(shown.months)
    most = max(c for row in shown.by_stage for c in row)
    number = QFontMetricsF(WallScale(size[1]).font(MINIMUM_TEXT, QFont.Weight.Bold)).horizontalAdvance(f"{most:,}")
    assert all(box.width() >= number for row in view.cell_boxes for box in row), "every cell carries its count"
    labels = view.label_boxes
    assert len(labels) >= len(shown.months) + 2  # every month, and at least the marks for 2025 and 2026
    for index, box in enumerate(labels):
        assert box.left() >= 0 and box.right() <= size[0] and box.bottom() <= size[1]
        for other in labels[index + 1:]:
            assert not box.intersects(other), (box, other)
    columns = view.cell_boxes[0]
    for left, right in zip(columns, columns[1:]):
        assert left.right() <= right.left()
    assert columns[-1].right() < view.total_boxes[0].left()


def test_sources_beyond_the_palette_are_gathered_into_one(qtbot, room, branding):
    data = listening_path(room)
    names = tuple(f"Source {n}" for n in range(11))
    counts = tuple(tuple(n + 1 for _ in data.months) for n in range(11, 0, -1))
    crowded = replace(data, sources=names, by_source=counts, source_totals=tuple(sum(c) for c in counts))
    view, pixels = _show(qtbot, branding, crowded, (1920, 1080))
    assert len(view.legend_boxes) == len(SOURCE_COLOURS)  # seven named, the last line gathers the other four
    assert OTHER_SOURCES not in names
    inside = np.zeros(pixels.shape[:2], bool)
    for box in view.bar_boxes:
        inside[int(box.top()):int(box.bottom()), int(box.left()):int(box.right())] = True
    for colour in SOURCE_COLOURS[:-1] + (OTHER_COLOUR,):
        assert (_is(pixels, colour) & inside).sum() > 0


def test_the_heat_ramp_gets_lighter_all_the_way_up():
    for brand in (BRAND, "#7A1F3D", "#F4D03F"):
        ramp = [_brightness(np.array(c.getRgb()[:3], float)) for c in heat_ramp(brand)]
        assert all(b >= a - 0.5 for a, b in zip(ramp, ramp[1:])), brand
        assert ramp[0] > _brightness(np.array(ZERO_COLOUR.getRgb()[:3], float)) + 10
