"""The customer-asset bridge drawn offscreen at 1080p and 4K and checked as the leadership team
would read it: the four bars in order and colour, flows tall enough to see, the net change green
when the asset grew and red when it shrank, the longest reason bar for the biggest reason, a
missing comparison period said out loud, and an amber warning only when the figures do not add up."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from customer_room_desktop.services.board_data import asset_board
from customer_room_desktop.services.wall_data import Branding
from customer_room_desktop.ui.walls.asset_bridge import START_COLOUR, AssetBridgeWall, axis_floor
from customer_room_desktop.ui.walls.asset_panels import GAINED_COLOUR, LOST_COLOUR, WARNING_COLOUR
from customer_room_desktop.ui.walls.wall_style import SURFACE_HIGH
from tests.ui.wall_pixels import is_colour

SIZES = [(1920, 1080), (3840, 2160)]
BRAND = "#12A4B4"


def _render(qtbot, data, size: tuple[int, int]) -> tuple[AssetBridgeWall, np.ndarray]:
    """The wall at ``size`` as an RGB array, with the widget kept to read its layout."""
    view = AssetBridgeWall(Branding("Harbourline", BRAND))
    view.show_asset(data)
    qtbot.addWidget(view)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(*size)
    view.show()
    QApplication.processEvents()
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == size
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return view, np.array(raw[:, : image.width(), 2::-1])


def _is(pixels: np.ndarray, colour, tolerance: int = 4) -> np.ndarray:
    return is_colour(pixels, colour, tolerance)


def _crop(pixels: np.ndarray, box) -> np.ndarray:
    return pixels[int(box.top()):int(box.bottom()), int(box.left()):int(box.right())]


def _longest_run(line: np.ndarray) -> tuple[int, int]:
    """Start and end (exclusive) of the longest run of True in a 1-D mask; (0, 0) when none."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], line.astype(int), [0]))))
    runs = list(zip(edges[::2], edges[1::2]))
    return max(runs, key=lambda r: r[1] - r[0]) if runs else (0, 0)


def _bar(chart: np.ndarray, colour) -> tuple[float, int, int]:
    """A bar in the chart: the x of its fullest column, and the top and bottom of its longest
    vertical run there (labels in the same colour are short runs, so they are left out)."""
    mask = _is(chart, colour)
    counts = mask.sum(axis=0)
    assert counts.max() > 0, f"no {QColor(colour).name()} bar in the chart"
    x = int(np.flatnonzero(counts == counts.max()).mean())
    top, bottom = _longest_run(mask[:, x])
    return x, top, bottom


def _mismatched(data, extra: int = 500):
    period = replace(data.period, customers_end=data.period.customers_end + extra)
    return replace(data, period=period, problems=tuple(period.problems()))


@pytest.mark.parametrize("size", SIZES)
def test_the_bridge_runs_start_gained_lost_end_in_order_and_colour(qtbot, room, size):
    data = asset_board(room)
    p = data.period
    assert data.problems == () and p.label == "Q3 2026"
    view, pixels = _render(qtbot, data, size)
    chart = _crop(pixels, view.chart_box)
    start, gained, lost, end = (_bar(chart, c) for c in (START_COLOUR, GAINED_COLOUR, LOST_COLOUR, BRAND))
    assert start[0] < gained[0] < lost[0] < end[0]
    slack = 2 * size[1] / 1080 + 1
    assert abs(gained[2] - start[1]) <= slack, "gained rises from the top of the start bar"
    assert abs(lost[1] - gained[1]) <= slack, "lost falls from the top of the gained bar"
    assert abs(end[1] - lost[2]) <= slack, "the end bar stands where the lost bar stops"
    gained_px, lost_px = gained[2] - gained[1], lost[2] - lost[1]
    assert lost_px / gained_px == pytest.approx(p.lost_count / p.gained_count, abs=0.03)


@pytest.mark.parametrize("label", ["Q3 2026", "2025", "Q1 2025"])
def test_the_axis_does_not_start_at_zero_so_the_flows_can_be_seen(qtbot, room, label):
    data = asset_board(room, label)
    p = data.period
    floor = axis_floor(p)
    assert 0 < floor < min(p.customers_start, p.customers_end)
    view, pixels = _render(qtbot, data, SIZES[0])
    chart = _crop(pixels, view.chart_box)
    _, top, bottom = _bar(chart, GAINED_COLOUR)
    assert bottom - top >= 0.2 * view.chart_box.height(), "the customers gained should be a bar, not a sliver"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("label, grown", [("Q3 2026", True), ("Q1 2025", False)])
def test_the_net_change_is_big_and_green_when_grown_red_when_shrunk(qtbot, room, size, label, grown):
    data = asset_board(room, label)
    assert (data.period.net_change > 0) == grown
    view, pixels = _render(qtbot, data, size)
    net = _crop(pixels, view.net_box)
    green, red = _is(net, GAINED_COLOUR).sum(), _is(net, LOST_COLOUR).sum()
    assert (green > 20 * max(red, 1)) if grown else (red > 20 * max(green, 1))
    colour = GAINED_COLOUR if grown else LOST_COLOUR
    rows = np.flatnonzero(_is(net, colour).any(axis=1))
    net_height = rows[-1] - rows[0]
    assert net_height >= 80 * size[1] / 1080, "the net change must read from five metres"
    chart = _crop(pixels, view.chart_box)
    x, bar_top, _ = _bar(chart, colour)
    label_rows = np.flatnonzero(_is(chart[:bar_top], colour).any(axis=1))
    label_height = label_rows[-1] - label_rows[0]
    assert 28 * size[1] / 1080 <= label_height < net_height, "bar labels are big, the net change bigger"


@pytest.mark.parametrize("size", SIZES)
def test_a_data_warning_shows_only_when_the_figures_do_not_add_up(qtbot, room, size):
    data = asset_board(room)
    clean, clean_pixels = _render(qtbot, data, size)
    assert clean.warning_box is None
    assert _is(clean_pixels, WARNING_COLOUR).sum() == 0

    broken = _mismatched(data)
    assert broken.problems and "+500 unexplained" in broken.problems[0]
    view, pixels = _render(qtbot, broken, size)
    assert view.warning_box is not None
    assert _is(_crop(pixels, view.warning_box), WARNING_COLOUR).mean() > 0.6
    # The figures stay on the wall as reported: the end bar stands 500 customers above where
    # the lost bar stops, and that gap is drawn, not smoothed away.
    chart = _crop(pixels, view.chart_box)
    _, gained_top, gained_bottom = _bar(chart, GAINED_COLOUR)
    _, _, lost_bottom = _bar(chart, LOST_COLOUR)
    _, end_top, _ = _bar(chart, BRAND)
    per_customer = (gained_bottom - gained_top) / broken.period.gained_count
    assert lost_bottom - end_top == pytest.approx(500 * per_customer, abs=2 * size[1] / 1080 + 1)
    assert lost_bottom - end_top >= 2


@pytest.mark.parametrize("size", SIZES)
def test_the_longest_reason_bar_is_the_biggest_reason(qtbot, room, size):
    data = asset_board(room)
    counts = [r.count for r in data.top_reasons]
    assert len(counts) == 5 and counts == sorted(counts, reverse=True) and counts[0] > counts[1]
    view, pixels = _render(qtbot, data, size)
    assert len(view.reason_bars) == 5
    lengths = []
    for bar in view.reason_bars:
        line = pixels[int(bar.center().y()), int(bar.left()) - 2:int(bar.right()) + 3]
        start, stop = _longest_run(_is(line, LOST_COLOUR, 6))
        lengths.append(stop - start)
    assert lengths == sorted(lengths, reverse=True) and lengths[0] > lengths[1]
    for count, length in zip(counts, lengths):
        assert length / lengths[0] == pytest.approx(count / counts[0], abs=0.02)


@pytest.mark.parametrize("label, previous, year_before", [("Q3 2026", True, True), ("Q1 2025", True, False),
                                                           ("2025", False, False)])
def test_a_missing_comparison_period_is_said_not_drawn_as_zero(qtbot, room, label, previous, year_before):
    data = asset_board(room, label)
    assert (data.previous is not None, data.year_before is not None) == (previous, year_before)
    view, pixels = _render(qtbot, data, SIZES[0])
    assert len(view.comparison_columns) == 2
    for box, present in zip(view.comparison_columns, (previous, year_before)):
        assert view.comparison_box.contains(box)
        column = _crop(pixels, box.adjusted(0, 40, 0, 0))  # under the period's name and role
        deltas = _is(column, GAINED_COLOUR, 8).sum() + _is(column, LOST_COLOUR, 8).sum()
        note_box = _is(column, SURFACE_HIGH).mean()
        if present:
            assert deltas > 50 and note_box < 0.2, f"{label}: the earlier figures and their changes are shown"
        else:
            assert deltas == 0 and note_box > 0.5, f"{label}: a box saying there is no earlier period"
