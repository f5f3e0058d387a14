"""The journey wall: every stage side by side, names and counts whole, and the room's own stage marked
"YOU ARE HERE" (or "NOW" in a narrow column) in words and in the brand colour, never by colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from customer_room_desktop.services.screen_assignment import journey_slice
from customer_room_desktop.ui.walls.journey_span import TAG_TEXTS, JourneySpan, column_widths, failing_label
from tests.ui.walls.text_recorder import texts_drawn

SIZE = (1920, 1080)


def _span(qtbot, factory, first=1, last=None, current=None) -> JourneySpan:
    span = JourneySpan(factory.branding)
    qtbot.addWidget(span)
    span.show_journey(factory.journey_data(), first, last, current=current)
    span.resize(*SIZE)
    return span


def _painted(span: JourneySpan) -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_RGB32)
    span.render(image)
    return image


def _is_brand(image: QImage, x: float, y: float, brand: QColor) -> bool:
    pixel = image.pixelColor(int(x), int(y))
    return max(abs(pixel.red() - brand.red()), abs(pixel.green() - brand.green()),
               abs(pixel.blue() - brand.blue())) < 40


def _centre_inside(box: QRectF, column: QRectF) -> bool:
    return column.left() <= box.center().x() <= column.right()


def test_the_current_stage_is_marked_in_words_and_outlined_in_the_brand_colour(qtbot, factory):
    span = _span(qtbot, factory, current=3)
    tags = [text for text in texts_drawn(span, SIZE) if text.text.strip() in TAG_TEXTS]
    assert len(tags) == 1 and span.tag == tags[0].text.strip()
    assert set(span.columns) == set(range(1, 8))
    tag = tags[0].box
    assert _centre_inside(tag, span.columns[3]) and tag.bottom() <= span.columns[3].top() + 2  # above stage 3
    assert not any(_centre_inside(tag, span.columns[other]) for other in span.columns if other != 3)
    image = _painted(span)
    brand = QColor(factory.branding.brand_colour)
    # the ring runs in the gap just outside the column, so moving it never repaints a column
    edge_of = {position: (column.left() - 4, column.center().y()) for position, column in span.columns.items()}
    assert _is_brand(image, *edge_of[3], brand)
    assert not any(_is_brand(image, *edge_of[other], brand) for other in edge_of if other != 3)


def test_with_no_current_stage_nothing_is_marked(qtbot, factory):
    span = _span(qtbot, factory)
    assert not any(text.text.strip() in TAG_TEXTS for text in texts_drawn(span, SIZE)) and span.tag == ""


@pytest.mark.parametrize("walls", [2, 3])
def test_only_the_journey_wall_holding_the_current_stage_marks_it_and_every_wall_keeps_one_layout(
        qtbot, factory, walls):
    current = 5
    spans = []
    for index in range(walls):
        first, last = journey_slice(index, walls, factory.stage_count)
        span = _span(qtbot, factory, first, last, current)
        tags = [text for text in texts_drawn(span, SIZE) if text.text.strip() in TAG_TEXTS]
        assert len(tags) == (1 if first <= current <= last else 0)
        spans.append(span)
    assert len({round(column.top()) for span in spans for column in span.columns.values()}) == 1
    wide = [span.tag for span in spans if span.tag]
    assert wide == ["YOU ARE HERE"]  # a column of a wall shared by few stages has room for the whole phrase


def test_every_stage_name_count_and_failing_moment_is_drawn_whole(qtbot, factory):
    data = factory.journey_data()
    texts = texts_drawn(_span(qtbot, factory, current=4), SIZE)
    assert not [text.text for text in texts if text.cut_off]
    drawn = [text.text.strip() for text in texts]
    joined = " ".join(drawn)
    for stage in data.stages:
        assert stage.name in joined  # its lines, one after the other
        assert f"{stage.complaints:,}" in drawn
        assert failing_label(stage.unreliable_moments) in joined


def test_columns_share_the_wall_equally_unless_a_stage_needs_more():
    assert column_widths([100, 100, 100], 900) == [300, 300, 300]
    widths = column_widths([100, 500, 100], 900)
    assert widths == [200, 500, 200] and sum(widths) == 900
    assert column_widths([300, 600], 600) == [200, 400]  # more than the wall: shrunk in proportion


def test_moving_the_marker_repaints_only_where_the_two_markers_are(qtbot, factory):
    span = _span(qtbot, factory, current=3)
    span.show()
    qtbot.waitExposed(span)
    before = _painted(span)
    columns = dict(span.columns)
    asked = span.marker_region(3) | span.marker_region(4)
    span.set_current(4)
    assert span.current == 4 and not asked.isEmpty()
    for column in columns.values():  # no column's inside is in the region to repaint
        assert not asked.intersects(column.adjusted(1, 1, -1, -1).toAlignedRect())
    after = _painted(span)
    tags = [text for text in texts_drawn(span, SIZE) if text.text.strip() in TAG_TEXTS]
    assert len(tags) == 1 and _centre_inside(tags[0].box, span.columns[4])
    assert span.columns == columns  # the layout does not move with the marker
    assert before != after
