"""Walls quoting 25,000-character complaint narratives: each box holds the narrative's opening, cut at a
boundary and ended with an ellipsis; the console holds the whole text, and it scrolls."""

import pytest
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.app.wall_render import grab_widget
from customer_room_desktop.domain.long_text import ELLIPSIS, WALL_QUOTE_LIMIT
from customer_room_desktop.services.walk_data import persona_data
from customer_room_desktop.services.wall_data import Branding, StagePanelData
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.ui.console.console_window import ConsoleWindow
from customer_room_desktop.ui.walls.stage_panel import StagePanel
from tests.benchmarks.long_text_benchmarks import long_narrative, long_verbatim_room

SIZE = (1920, 1080)
STAGE = 5


@pytest.fixture(scope="module")
def long_room(sample_room, tmp_path_factory):
    return long_verbatim_room(sample_room, tmp_path_factory.mktemp("long") / "long.croom", STAGE, count=5)


@pytest.fixture
def factory(long_room):
    with RoomFile.open(long_room, read_only=True) as room:
        yield WallFactory(room)


def _opening_of_a_narrative(shown: str, narratives: tuple[str, ...]) -> None:
    """Drawn text: “ + the opening of one narrative (masked on the wall, so compared up to the first mask)."""
    assert shown.startswith("“") and ELLIPSIS in shown[-3:]
    body = shown[1:].rstrip("”").rstrip(ELLIPSIS).rstrip()
    assert any(text.startswith(body.split("[")[0]) for text in narratives)


def test_the_stage_panel_quotes_the_opening_of_a_25000_character_narrative(qtbot, factory):
    whole = factory.console_verbatims(STAGE)
    assert sum(len(text) == 25_000 for text in whole) == 5  # the console keeps them whole
    widget = factory.build(f"stage:{STAGE}", SIZE)
    qtbot.addWidget(widget)
    assert len(widget.data.verbatims) == 12 and all(len(text) <= WALL_QUOTE_LIMIT for text in widget.data.verbatims)
    grab_widget(widget, SIZE)
    assert widget.quote_box.height() > 100 and len(widget.quote_text) <= WALL_QUOTE_LIMIT + 2
    _opening_of_a_narrative(widget.quote_text, whole)


def test_the_complaints_wall_quotes_two_openings_each_with_an_ellipsis(qtbot, factory):
    widget = factory.build(f"complaints:{STAGE}", SIZE)
    qtbot.addWidget(widget)
    grab_widget(widget, SIZE)
    assert len(widget.quote_texts) == 2 and all(len(text) <= WALL_QUOTE_LIMIT + 2 for text in widget.quote_texts)
    for shown in widget.quote_texts:
        _opening_of_a_narrative(shown, factory.console_verbatims(STAGE))


def test_a_panel_given_a_whole_narrative_still_lays_out_only_its_opening(qtbot):
    """The widget cuts too, whoever made its data: a paint never lays out 25,000 characters."""
    narrative = long_narrative(25_000)
    panel = StagePanel(Branding("Room", "#12A4B4"))
    qtbot.addWidget(panel)
    panel.show_stage(StagePanelData("claim", 5, 7, "I make a claim", "Be paid", "reliable", (), (), (narrative,),
                                    (), (), "2026-08 to 2026-10"), {})
    grab_widget(panel, SIZE)
    assert panel.quote_text.endswith(ELLIPSIS + "”") and len(panel.quote_text) <= WALL_QUOTE_LIMIT + 2
    assert narrative.startswith(panel.quote_text[1:-3])


def test_a_persona_quote_pasted_from_a_narrative_is_cut_the_same_way(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room, room.transaction() as db:
        db.execute("UPDATE personas SET quote = ? WHERE id = (SELECT min(id) FROM personas)",
                   (long_narrative(25_000),))
        key = db.execute("SELECT key FROM personas ORDER BY id").fetchone()[0]
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        quote = persona_data(room, key).quote
    assert quote.endswith(ELLIPSIS) and len(quote) <= WALL_QUOTE_LIMIT


def test_the_console_shows_the_whole_narrative_in_a_box_that_scrolls(qtbot, factory):
    console = ConsoleWindow("Room", ["One", "Two"])
    qtbot.addWidget(console)
    console.show()
    qtbot.waitExposed(console)
    height = console.verbatim.height()
    narrative = next(text for text in factory.console_verbatims(STAGE) if len(text) == 25_000)
    console.show_verbatim(narrative, True)
    QApplication.processEvents()
    shown = console.verbatim.toPlainText()
    assert shown.startswith("On the wall: “" + narrative[:200]) and narrative in shown
    assert "masked on the wall" in shown
    assert console.verbatim.height() == height and console.verbatim.verticalScrollBar().maximum() > 0
    console.show_verbatim(narrative, True)  # every second, the same text: laid out once, scroll kept
    console.verbatim.verticalScrollBar().setValue(5)
    console.show_verbatim(narrative, True)
    assert console.verbatim.verticalScrollBar().value() == 5
