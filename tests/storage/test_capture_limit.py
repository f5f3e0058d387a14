"""A capture holds at most CAPTURE_LIMIT characters: a longer one is refused in one sentence, new or edited,
whichever way it comes (storage, the room's commands, the console's capture bar), and nothing is saved."""

import pytest
from PySide6.QtCore import Qt

from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.meetings import CAPTURE_LIMIT
from customer_room_desktop.domain.refusal import Refusal
from customer_room_desktop.storage.captures import (
    CaptureRefused, capture_commitment, capture_decision, capture_note, edit_capture, list_captures, start_session,
)
from customer_room_desktop.storage.room_file import RoomFile
from tests.benchmarks.long_text_benchmarks import long_narrative

SENTENCE = "The {what} is 20,001 characters; a capture holds at most 20,000 — put long material in an artifact."


def _saved(room: RoomFile) -> tuple:
    """Every capture and journal event in the file: a refusal leaves all of it as it was."""
    return tuple(room.db.execute(f"SELECT count(*), coalesce(max(length(text)), 0) FROM {table}").fetchone()
                 for table in ("decisions", "commitments", "notes")) + \
        (room.db.execute("SELECT count(*) FROM journal_events").fetchone()[0],)


@pytest.fixture
def live(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        session_id = room.db.execute("SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0]
        start_session(room, session_id)
        yield room, session_id


def test_the_limit_is_twenty_thousand_characters():
    assert CAPTURE_LIMIT == 20_000


@pytest.mark.parametrize("what", ["decision", "note", "commitment"])
def test_one_character_over_the_limit_is_refused_in_one_sentence_and_nothing_is_saved(live, what):
    room, session_id = live
    before = _saved(room)
    text = long_narrative(CAPTURE_LIMIT + 1)
    with pytest.raises(CaptureRefused) as refused:
        if what == "commitment":
            capture_commitment(room, session_id, text, "Dana Ruiz", "2099-01-31")
        else:
            {"decision": capture_decision, "note": capture_note}[what](room, session_id, text)
    assert str(refused.value) == SENTENCE.format(what=what)
    assert _saved(room) == before


def test_the_limit_itself_is_saved_whole(live):
    room, session_id = live
    text = long_narrative(CAPTURE_LIMIT)
    capture_decision(room, session_id, text, uid="d-long")
    assert room.db.execute("SELECT text FROM decisions WHERE uid = 'd-long'").fetchone()[0] == text
    assert [c.text for c in list_captures(room, session_id) if c.uid == "d-long"] == [text]


def test_the_length_counted_is_the_text_as_saved_white_space_runs_made_single(live):
    room, session_id = live
    capture_note(room, session_id, "word  \n " * 2_500, uid="n-spaced")  # 20,000 typed, 12,499 kept
    assert len(room.db.execute("SELECT text FROM notes WHERE uid = 'n-spaced'").fetchone()[0]) == 12_499


def test_an_edit_obeys_the_same_limit(live):
    room, session_id = live
    capture_decision(room, session_id, "Fund the pilot", uid="d-1")
    before = _saved(room)
    with pytest.raises(CaptureRefused, match="The decision is 23,412 characters; a capture holds at most 20,000"):
        edit_capture(room, "d-1", long_narrative(23_412))
    assert _saved(room) == before
    assert room.db.execute("SELECT text FROM decisions WHERE uid = 'd-1'").fetchone()[0] == "Fund the pilot"


def test_the_room_command_refuses_it_with_the_same_sentence(sample_room_copy):
    from customer_room_desktop.services.room_engine import RoomEngine

    with RoomFile.open(sample_room_copy) as room:
        engine = RoomEngine(room)
        engine.apply(cmd.StartSession())
        before = _saved(room)
        with pytest.raises(Refusal) as refused:
            engine.apply(cmd.Capture("note", long_narrative(CAPTURE_LIMIT + 1)))
        assert str(refused.value) == SENTENCE.format(what="note") and _saved(room) == before


def test_the_capture_bar_shows_the_refusal_in_its_message_line_and_keeps_the_text(sample_room_copy, qtbot):
    from customer_room_desktop.services.room_engine import RoomEngine
    from customer_room_desktop.app.session_controller import SessionController
    from customer_room_desktop.ui.console.console_window import ConsoleWindow

    with RoomFile.open(sample_room_copy) as room:
        engine = RoomEngine(room)
        console = ConsoleWindow("Room", list(engine.stage_names.values()))
        qtbot.addWidget(console)
        controller = SessionController(engine, console, engine.apply, lambda changes: None)  # noqa: F841 (kept alive)
        engine.apply(cmd.StartSession())
        bar = console.capture_bar
        bar.set_open(True)
        before = _saved(room)
        pasted = long_narrative(40_000)  # longer than a line edit holds by default (32,767)
        bar.begin("decision")
        bar.text.setText(pasted)
        qtbot.keyClick(bar.text, Qt.Key.Key_Return)
        assert bar.status.text() == "The decision is 40,000 characters; a capture holds at most 20,000 — put long " \
                                    "material in an artifact."
        assert bar.status.property("refused") == "true" and bar.text.text() == pasted and bar.captured.count() == 0
        assert _saved(room) == before
