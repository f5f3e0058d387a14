"""The early-warning wall drawn offscreen at 1080p and 4K, checked as the room would read it: every
moment needing attention in its colour, worst first; the complaint bars peak in the right month;
a month without a reading leaves a gap in the trend, never a dip to zero; an all-clear wall says
so in green; and a 4K paint is fast."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from customer_room_desktop.services.board_data import early_warning
from customer_room_desktop.services.wall_data import Branding
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.domain.figures import format_value
from customer_room_desktop.ui.walls.early_warning_wall import EarlyWarningWall, left_off_line, summary_line
from customer_room_desktop.ui.walls.warning_charts import COMPLAINT_COLOUR, TREND_COLOUR
from customer_room_desktop.ui.walls.wall_style import RELIABILITY_COLOURS
from tests.ui.wall_pixels import is_colour, render_rgb

SIZES = [(1920, 1080), (3840, 2160)]
RED, AMBER, GREEN = (RELIABILITY_COLOURS[level] for level in ("unreliable", "at risk", "reliable"))


@pytest.fixture(scope="module")
def data(sample_room):
    room = RoomFile.open(sample_room, read_only=True)
    yield early_warning(room)
    room.close()


@pytest.fixture
def branding():
    return Branding("Harbourline", "#12A4B4")


def _wall(branding, data, qtbot, size):
    view = EarlyWarningWall(branding)
    view.show_warnings(data)
    return view, render_rgb(qtbot, view, size)


def test_figures_read_the_way_the_room_says_them(data):
    assert summary_line(data) == "4 unreliable · 4 at risk · 8 of 16 reliable"
    assert format_value(15.3, "%") == "15.3%"
    assert format_value(271.0, "s") == "271 s"
    assert format_value(47.3, "days") == "47.3 days"
    assert format_value(12500.4, "") == "12,500"
    assert format_value(0.04, "") == "0.04" and format_value(15.0, "%") == "15%"
    assert format_value(None, "s") == "no reading"


@pytest.mark.parametrize("size", SIZES)
def test_the_worst_moments_get_a_row_each_in_their_reliability_colour(qtbot, branding, data, size):
    assert [row.reliability for row in data.rows] == ["unreliable"] * 4 + ["at risk"] * 4
    view, pixels = _wall(branding, data, qtbot, size)
    scale = size[1] / 1080
    # Names and values are read from the seats, so five rows fit: every unreliable moment and the worst
    # at-risk one. The moments left off are named on the "+N more" line.
    assert len(view.row_boxes) == 5 and view.hidden == 3
    assert left_off_line(data.rows[5:]) == ("+3 more moments need attention: I change my car · "
                                           "I look for the answer online · My renewal notice arrives")
    assert [box.top() for box in view.row_boxes] == sorted(box.top() for box in view.row_boxes)
    assert view.row_boxes[-1].bottom() <= size[1] - 20 * scale
    for row, box in zip(data.rows, view.row_boxes):
        band = pixels[int(box.top()):int(box.bottom()), int(box.left()):int(box.right())]
        stripe = pixels[int(box.center().y()), int(box.left() + 4 * scale)]
        expected, other = (RED, AMBER) if row.reliability == "unreliable" else (AMBER, RED)
        assert is_colour(stripe, expected).all(), row.moment
        assert is_colour(band, expected).sum() > scale ** 2 * 3000, f"{row.moment}: badge, run and value in colour"
        assert is_colour(band, other).sum() == 0, f"{row.moment} shows the wrong level's colour"


@pytest.mark.parametrize("size", SIZES)
def test_more_moments_than_fit_are_counted_not_squeezed(qtbot, branding, data, size):
    crowded = replace(data, rows=data.rows * 3)
    view, _ = _wall(branding, crowded, qtbot, size)
    assert len(view.row_boxes) >= 5
    assert view.hidden == len(crowded.rows) - len(view.row_boxes) > 0
    assert view.row_boxes[-1].bottom() <= size[1] - 60 * size[1] / 1080  # room left for the "+N more" line


def _bar_heights(pixels: np.ndarray, box) -> list[int]:
    """Complaint-coloured pixels down the middle of each month's slot."""
    slot = box.rect.width() / len(box.counts)
    top, bottom = int(box.rect.top()) - 2, int(box.rect.bottom()) + 1
    return [int(is_colour(pixels[top:bottom, int(box.rect.left() + (i + 0.5) * slot)], COMPLAINT_COLOUR).sum())
            for i in range(len(box.counts))]


def test_complaint_bars_peak_in_the_month_with_most_complaints(qtbot, branding, data):
    view, pixels = _wall(branding, data, qtbot, (1920, 1080))
    assert len(view.complaint_boxes) == len(view.row_boxes)
    renewal = data.rows[1].kpis[0]
    assert len(renewal.predicts) == 2  # two categories, summed on a crowded wall
    assert view.complaint_boxes[1].counts == tuple(a + b for a, b in zip(*(c for _, c in renewal.predicts)))
    for box in view.complaint_boxes:
        heights = _bar_heights(pixels, box)
        assert int(np.argmax(heights)) == int(np.argmax(box.counts))
        for count, height in zip(box.counts, heights):
            assert (height == 0) == (count == 0)
        tallest = max(box.counts)
        for count, height in zip(box.counts, heights):
            assert height == pytest.approx(max(heights) * count / tallest, abs=3)


def test_a_roomier_wall_shows_each_predicted_category_on_its_own(qtbot, branding, data):
    two = replace(data, rows=data.rows[1:2])
    view, _ = _wall(branding, two, qtbot, (1920, 1080))
    kpi = data.rows[1].kpis[0]
    assert [box.counts for box in view.complaint_boxes] == [counts for _, counts in kpi.predicts]


def _gappy(data):
    """The helpline KPI with three months unmeasured and a target of zero, so that zero sits inside
    the chart and a gap drawn as zero would show."""
    row = data.rows[0]
    series = list(row.kpis[0].series)
    series[4] = series[5] = series[6] = None
    kpi = replace(row.kpis[0], series=tuple(series), target=0.0)
    return replace(data, rows=(replace(row, kpis=(kpi,)),) + data.rows[1:]), kpi


@pytest.mark.parametrize("size", SIZES)
def test_a_month_without_a_reading_is_a_gap_not_a_drop_to_zero(qtbot, branding, data, size):
    gappy, kpi = _gappy(data)
    view, pixels = _wall(branding, gappy, qtbot, size)
    chart = view.trend_boxes[0]
    top, bottom = int(chart.rect.top()), int(chart.rect.bottom())
    assert top < chart.y_of(0) < bottom, "zero is inside the chart, where a wrong line would land"
    line = is_colour(pixels, TREND_COLOUR, 12)
    for index, value in enumerate(kpi.series):
        x = int(chart.x_of(index))
        column = line[top - 4:bottom + 4, x - 2:x + 3]
        if value is None:
            assert column.sum() == 0, f"something drawn in the unmeasured month {index}"
        elif index < len(kpi.series) - 1:  # the last reading is a dot in the KPI's colour
            y = int(chart.y_of(value))
            assert line[y - 3:y + 4, x - 2:x + 3].sum() > 0, f"reading {index} not drawn where it belongs"
    zero = int(chart.y_of(0))
    between = line[zero - 4:zero + 5, int(chart.x_of(3)) + 6:int(chart.x_of(7)) - 6]
    assert between.sum() == 0


def test_an_unmeasured_kpi_draws_no_line(qtbot, branding, data):
    row = data.rows[0]
    blank = replace(row.kpis[0], series=(None,) * len(row.kpis[0].series), latest=None)
    view, pixels = _wall(branding, replace(data, rows=(replace(row, kpis=(blank,)),)), qtbot, (1920, 1080))
    rect = view.trend_boxes[0].rect
    assert is_colour(pixels[int(rect.top()):int(rect.bottom()), int(rect.left()):int(rect.right())],
               TREND_COLOUR, 12).sum() == 0


@pytest.mark.parametrize("size", SIZES)
def test_an_all_clear_wall_says_so_in_big_green_letters(qtbot, branding, data, size):
    calm = replace(data, rows=(), reliable=data.judged)
    view, pixels = _wall(branding, calm, qtbot, size)
    assert view.row_boxes == [] and view.trend_boxes == []
    middle = pixels[int(size[1] * 0.35):int(size[1] * 0.7), int(size[0] * 0.05):int(size[0] * 0.95)]
    assert is_colour(middle, GREEN, 10).sum() > (size[1] / 1080) ** 2 * 20000
    assert is_colour(pixels, RED, 30).sum() == 0 and is_colour(pixels, AMBER, 30).sum() == 0


def test_extra_kpis_get_their_own_lines_when_the_wall_has_room(qtbot, branding, data):
    first = replace(data.rows[0], kpis=data.rows[0].kpis + data.rows[3].kpis + data.rows[4].kpis)
    view, _ = _wall(branding, replace(data, rows=(first, data.rows[1])), qtbot, (1920, 1080))
    assert len(view.trend_boxes) == 4
    inside = [box.rect for box in view.trend_boxes[:3]]
    assert all(view.row_boxes[0].contains(rect) for rect in inside)
    assert inside[0].top() < inside[1].top() < inside[2].top()
    assert view.row_boxes[1].contains(view.trend_boxes[3].rect)
    crowded, _ = _wall(branding, replace(data, rows=(first,) + data.rows[1:]), qtbot, (1920, 1080))
    assert len(crowded.trend_boxes) == len(crowded.row_boxes)  # a full wall keeps each moment's worst KPI only


def test_a_4k_wall_is_the_same_layout_sharper(qtbot, branding, data):
    hd = _wall(branding, data, qtbot, SIZES[0])[1]
    view, uhd = _wall(branding, data, qtbot, SIZES[1])
    small = uhd.reshape(1080, 2, 1920, 2, 3).mean(axis=(1, 3))
    assert 0.01 < np.abs(small - hd).mean() < 8  # (its paint time is measured by the benchmarks, not here)
