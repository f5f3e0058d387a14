import sqlite3
import subprocess
import sys
from datetime import date, timedelta

import pytest

from customer_room_desktop.domain.meetings import CaptureContext
from customer_room_desktop.storage.captures import (
    CaptureRefused, add_attendee, capture_commitment, capture_decision, capture_note, cast_votes, close_session,
    start_session,
)

TODAY = date(2026, 11, 25)


@pytest.fixture
def planned(room):
    """The sample's planned December session (not started, not closed)."""
    return room.db.execute("SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0]


def count(room, table, session_id):
    return room.db.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", (session_id,)).fetchone()[0]


def test_captures_are_saved_with_what_the_walls_showed(room, planned):
    assert start_session(room, planned)
    decision = capture_decision(room, planned, "  Fund the   one-call claim pilot ",
                                CaptureContext(stage_key="claim", call_key="burst-pipe", call_position_ms=22_000))
    capture_note(room, planned, "Ruth asked for the assessor data by silo")
    capture_commitment(room, planned, "Publish the assessor arrival window", "Hamish Rennie",
                       TODAY + timedelta(days=14), "assessor-on-the-day", today=TODAY)
    row = room.db.execute("SELECT text, context FROM decisions WHERE id = ?", (decision,)).fetchone()
    assert row[0] == "Fund the one-call claim pilot"
    assert '"call_position_ms": 22000' in row[1] and '"stage_key": "claim"' in row[1]
    assert count(room, "commitments", planned) == 1 and count(room, "notes", planned) == 1


def test_a_retried_capture_is_not_duplicated(room, planned):
    first = capture_decision(room, planned, "Stop the glossy brochure", uid="fixed-uid-1")
    again = capture_decision(room, planned, "Stop the glossy brochure", uid="fixed-uid-1")
    assert first == again and count(room, "decisions", planned) == 1


@pytest.mark.parametrize("action, words", [
    (lambda r, s: capture_decision(r, s, "   "), "needs some text"),
    (lambda r, s: capture_note(r, s, ""), "needs some text"),
    (lambda r, s: capture_commitment(r, s, "Do it", "", TODAY, today=TODAY), "needs an owner"),
    (lambda r, s: capture_commitment(r, s, "Do it", "Ann", TODAY - timedelta(days=1), today=TODAY), "in the past"),
    (lambda r, s: capture_commitment(r, s, "Do it", "Ann", TODAY, "no-such", today=TODAY), "no priority 'no-such'"),
    (lambda r, s: add_attendee(r, s, "ruth adeyemi"), "already on the list"),
    (lambda r, s: cast_votes(r, s, "Someone Else", {"simple-claim-report": 1}), "not an attendee"),
    (lambda r, s: cast_votes(r, s, "Ruth Adeyemi", {"simple-claim-report": 4}), "each leader has 3"),
    (lambda r, s: capture_decision(r, 9999, "x"), "no session 9999"),
])
def test_bad_captures_are_refused_in_one_sentence_and_nothing_is_half_saved(room, planned, action, words):
    before = {t: count(room, t, planned) for t in ("decisions", "notes", "commitments", "attendees", "votes")}
    with pytest.raises(CaptureRefused, match=words):
        action(room, planned)
    assert {t: count(room, t, planned) for t in before} == before


def test_a_closed_session_takes_nothing_more_and_cannot_close_twice(room, planned):
    cast_votes(room, planned, "Ruth Adeyemi", {"simple-claim-report": 2, "fair-renewal-price": 1})
    assert count(room, "votes", planned) == 2
    cast_votes(room, planned, "Ruth Adeyemi", {"fair-renewal-price": 3})  # changing one's mind replaces
    assert room.db.execute("SELECT sum(dots) FROM votes WHERE session_id = ?", (planned,)).fetchone()[0] == 3
    close_session(room, planned)
    with pytest.raises(CaptureRefused, match="already closed"):
        close_session(room, planned)
    for action in (lambda: capture_decision(room, planned, "Late idea"),
                   lambda: cast_votes(room, planned, "Ruth Adeyemi", {"fair-renewal-price": 1}),
                   lambda: add_attendee(room, planned, "Late Comer")):
        with pytest.raises(CaptureRefused, match="was closed at"):
            action()


def test_a_capture_committed_just_before_a_kill_is_there_afterwards(sample_room_copy):
    code = (
        "import os\n"
        "from customer_room_desktop.storage.captures import capture_decision\n"
        "from customer_room_desktop.storage.room_file import RoomFile\n"
        f"room = RoomFile.open({str(sample_room_copy)!r})\n"
        "sid = room.db.execute(\"SELECT id FROM sessions WHERE key = '2026-12-monthly'\").fetchone()[0]\n"
        "capture_decision(room, sid, 'Saved, then the power went', uid='kill-test')\n"
        "print('saved', flush=True)\n"
        "os.kill(os.getpid(), 9)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "saved"
    conn = sqlite3.connect(sample_room_copy)
    assert conn.execute("SELECT text FROM decisions WHERE uid = 'kill-test'").fetchone() == (
        "Saved, then the power went",)
