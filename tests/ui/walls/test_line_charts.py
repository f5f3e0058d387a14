"""The charts painted on the walls: complaints as small multiples, and KPI sparklines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF

from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.wall_data import Branding, ComplaintsFocusData
from customer_room_desktop.ui.walls.complaints_focus import CHART_ROWS, QUOTES_SHOWN, ComplaintsFocus
from customer_room_desktop.ui.walls.line_charts import _line_path, rolling_mean
from tests.ui.walls.text_recorder import texts_drawn


def drawn_texts(qtbot, data: ComplaintsFocusData, size: tuple[int, int]) -> list[str]:
    """Every text one paint of the complaints wall draws, as Qt hands it to the screen."""
    wall = ComplaintsFocus(Branding("Test room", "#1AA7B8"))
    qtbot.addWidget(wall)
    wall.show_complaints(data)
    return [drawn.text for drawn in texts_drawn(wall, size)]


MONTHS = tuple(f"2025-{month:02d}" for month in range(1, 13)) + tuple(f"2026-{month:02d}" for month in range(1, 13))


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_the_first_draw_names_the_months_and_writes_each_latest_count_with_no_legend(qtbot, size):
    series = (("Quote website problems", tuple(range(10, 34))), ("Price not as advertised", (5,) * 23 + (41,)))
    texts = drawn_texts(qtbot, ComplaintsFocusData("I look for cover", 1, MONTHS, series, ("It crashed.",)), size)
    assert {"2025-01", "2026-12"} <= set(texts)
    assert {"33", "41"} <= set(texts)
    assert texts.count("Quote website problems") == 1 and texts.count("Price not as advertised") == 1


def test_the_sample_rooms_complaints_wall_draws_every_category_of_its_stage(qtbot, sample_room):
    from customer_room_desktop.storage.room_file import RoomFile

    with RoomFile.open(sample_room, read_only=True) as room:
        data = WallFactory(room).complaints_data(1)
    texts = drawn_texts(qtbot, data, (1920, 1080))
    assert data.series and all(category in texts for category, _ in data.series)
    assert data.months[0] in texts and data.months[-1] in texts


def test_the_smoothed_line_starts_once_three_months_are_known():
    assert rolling_mean([3, 6, 9, 12]) == [None, None, 6.0, 9.0]


def test_a_missing_reading_leaves_a_gap_in_the_line_not_a_drop_to_zero():
    path = _line_path(QRectF(0, 0, 100, 100), [1.0, 2.0, None, 2.0, 1.0], 0.0, 3.0)
    runs = path.toSubpathPolygons()
    assert len(runs) == 2
    lowest = max(point.y() for run in runs for point in (run.at(i) for i in range(run.count())))
    assert lowest < 100  # no point was drawn at zero
    assert runs[0].at(0) == QPointF(0, 100 - 100 / 3)


def test_the_wall_draws_the_top_three_categories_and_says_how_many_were_left_off(qtbot, sample_room):
    from customer_room_desktop.storage.room_file import RoomFile

    with RoomFile.open(sample_room, read_only=True) as room:
        data = WallFactory(room).complaints_data(5)
    assert len(data.series) == 6
    texts = drawn_texts(qtbot, data, (1920, 1080))
    shown, left_off = data.series[:CHART_ROWS], data.series[CHART_ROWS:]
    assert all(category in texts for category, _ in shown)
    assert not any(category in texts for category, _ in left_off)
    assert any(f"top {CHART_ROWS} of 6 categories" in text for text in texts)


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_the_quotes_side_by_side_share_one_room_tier_size(qtbot, sample_room, size):
    from customer_room_desktop.domain.legibility import Tier
    from customer_room_desktop.storage.room_file import RoomFile
    from tests.ui.walls.text_recorder import texts_drawn

    with RoomFile.open(sample_room, read_only=True) as room:
        factory = WallFactory(room)
        for position in range(1, factory.stage_count + 1):
            wall = factory.build(f"complaints:{position}", size)
            qtbot.addWidget(wall)
            texts = texts_drawn(wall, size)
            boxes = wall.quote_boxes
            assert len(boxes) == min(QUOTES_SHOWN, len(wall.data.verbatims)) == 2
            sizes = {round(text.x_height, 1) for text in texts if any(box.contains(text.box.center()) for box in boxes)}
            assert len(sizes) == 1 and sizes.pop() >= Tier.ROOM.x_height(size[1]) - 1e-6
