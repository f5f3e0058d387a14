"""Minutes after corrections: a withdrawn capture is left out of every format, an edited one reads as corrected,
and correcting a capture does not cut short the time a stage was on the walls."""

import csv
import io
from datetime import date

import pytest

from customer_room_desktop.services.minutes import _walk, gather_minutes
from customer_room_desktop.services.minutes_text import minutes_csv, to_html, to_markdown
from customer_room_desktop.storage.captures import (
    capture_commitment, capture_decision, capture_note, edit_capture, start_session, withdraw_capture,
)
from customer_room_desktop.storage.room_file import RoomFile

TODAY = date(2026, 12, 10)


@pytest.fixture
def corrected(sample_room_copy):
    """The December session with captures kept, withdrawn and edited."""
    with RoomFile.open(sample_room_copy) as room:
        session_id = room.db.execute("SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0]
        start_session(room, session_id)
        capture_decision(room, session_id, "Fund the one-call claim pilot", uid="d-kept")
        capture_decision(room, session_id, "Close the Leeds call centre", uid="d-gone")
        capture_decision(room, session_id, "Stop the glosy brochure", uid="d-edited")
        capture_note(room, session_id, "A note said in jest", uid="n-gone")
        capture_commitment(room, session_id, "Publish the arrival window", "Hamish Rennie", date(2027, 1, 8),
                           uid="c-kept", today=TODAY)
        capture_commitment(room, session_id, "Rewrite every letter by Friday", "Gemma Wardle", date(2027, 1, 9),
                           uid="c-gone", today=TODAY)
        withdraw_capture(room, "d-gone")
        withdraw_capture(room, "n-gone")
        withdraw_capture(room, "c-gone")
        edit_capture(room, "d-edited", "Stop the glossy brochure")
        yield gather_minutes(room, session_id)


def test_the_markdown_minutes_leave_out_a_withdrawn_decision_and_show_an_edited_one(corrected):
    markdown = to_markdown(corrected)
    decisions = markdown.split("## Decisions")[1].split("## Commitments")[0]
    assert "| Fund the one-call claim pilot |" in decisions
    assert "| Stop the glossy brochure |" in decisions
    assert "Close the Leeds call centre" not in markdown
    assert "glosy" not in markdown
    assert "A note said in jest" not in markdown and "No notes." in markdown
    assert [text for _, text, _ in corrected.decisions] == ["Fund the one-call claim pilot", "Stop the glossy brochure"]


def test_a_withdrawn_commitment_leaves_the_csv_and_the_html(corrected):
    rows = list(csv.DictReader(io.StringIO(minutes_csv(corrected))))
    assert [(r["item"], r["who"]) for r in rows if r["kind"] == "commitment"] == [
        ("Publish the arrival window", "Hamish Rennie")]
    assert "Rewrite every letter" not in str(rows) and "Leeds" not in str(rows)
    html = to_html(corrected)
    assert "Publish the arrival window" in html and "Rewrite every letter" not in html and "Leeds" not in html


def test_correcting_a_capture_does_not_end_a_stage_on_the_walls():
    events = [("2026-12-10T10:00:00", "stage_shown", "claim"),
              ("2026-12-10T10:05:00", "capture_withdrawn", '{"uid": "d-1"}'),
              ("2026-12-10T10:07:00", "capture_edited", '{"uid": "d-2"}'),
              ("2026-12-10T10:10:00", "stage_shown", "renew")]
    visits = {v.stage: v.seconds for v in _walk(events, {"claim": "I make a claim", "renew": "I renew"},
                                                 "2026-12-10T10:30:00")}
    assert visits == {"I make a claim": 600, "I renew": 1200}
