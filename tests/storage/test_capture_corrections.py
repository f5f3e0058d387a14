"""Correcting captures in a real room file: withdraw and edit, each one transaction with its journal event;
refusals leave the file as it was; a format-5 room gains the withdrawal column and keeps its captures."""

import hashlib
import json
import sqlite3
from datetime import date, timedelta
from itertools import count

import pytest
import sqlite_utils

from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.storage import captures, migrations
from customer_room_desktop.storage.captures import (
    CaptureRefused, capture_commitment, capture_decision, capture_edits, capture_note, close_session,
    edit_capture, last_capture, list_captures, start_session, withdraw_capture,
)
from customer_room_desktop.storage.errors import ReadOnlyRoomError
from customer_room_desktop.storage.journal import events_of
from customer_room_desktop.storage.room_file import APPLICATION_ID, RoomFile
from customer_room_desktop.storage.session_plans import carried_commitments, plan_session

TODAY = date(2026, 12, 10)


@pytest.fixture
def live(room):
    """The sample's December session, started."""
    session_id = room.db.execute("SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0]
    start_session(room, session_id)
    return session_id


@pytest.fixture
def ticking(monkeypatch):
    """Each capture a second after the one before, so "newest" is not left to chance."""
    seconds = count()
    monkeypatch.setattr(captures, "_moment", lambda: f"2026-12-10T10:00:{next(seconds):02d}+00:00")


def test_a_withdrawal_keeps_the_row_and_journals_what_it_said(room, live):
    capture_decision(room, live, "Fund the one-call claim pilot", uid="d-1")
    capture_note(room, live, "Ruth asked for the assessor data", uid="n-1")
    withdrawn = withdraw_capture(room, "d-1")
    assert withdrawn.withdrawn and withdrawn.kind == "decision" and withdrawn.text == "Fund the one-call claim pilot"
    saved = room.db.execute("SELECT text, withdrawn_at FROM decisions WHERE uid = 'd-1'").fetchone()
    assert saved == ("Fund the one-call claim pilot", withdrawn.withdrawn_at) and saved[1]
    assert [c.uid for c in list_captures(room, live)] == ["n-1"]
    every = {c.uid: c for c in list_captures(room, live, include_withdrawn=True)}
    assert every["d-1"].withdrawn and not every["n-1"].withdrawn
    (_, _, detail), = events_of(room, live, "capture_withdrawn")
    assert json.loads(detail) == {"uid": "d-1", "kind": "decision", "text": "Fund the one-call claim pilot"}


def test_an_edit_changes_the_text_and_the_journal_keeps_the_text_before(room, live):
    capture_note(room, live, "Assesor data by silo", uid="n-1")
    edited = edit_capture(room, "n-1", "  Assessor data   by silo ")
    assert edited.text == "Assessor data by silo" and edited.edited and not edited.withdrawn
    assert room.db.execute("SELECT text FROM notes WHERE uid = 'n-1'").fetchone() == ("Assessor data by silo",)
    assert list_captures(room, live)[0].text == "Assessor data by silo" and list_captures(room, live)[0].edited
    edit_capture(room, "n-1", "Assessor arrival data by silo")
    assert [(e.before, e.after) for e in capture_edits(room, "n-1")] == [
        ("Assesor data by silo", "Assessor data by silo"), ("Assessor data by silo", "Assessor arrival data by silo")]
    assert json.loads(events_of(room, live, "capture_edited")[0][2])["text"] == "Assesor data by silo"


def test_a_commitment_can_change_its_owner_and_due_date(room, live):
    capture_commitment(room, live, "Publish the arrival window", "Hamish Rennie", TODAY + timedelta(days=14),
                       uid="c-1", today=TODAY)
    edited = edit_capture(room, "c-1", "Publish the assessor arrival window", owner="Gemma  Wardle",
                          due="2027-01-31", today=TODAY)
    assert (edited.text, edited.owner, edited.due) == ("Publish the assessor arrival window", "Gemma Wardle",
                                                       "2027-01-31")
    assert room.db.execute("SELECT text, owner, due_on FROM commitments WHERE uid = 'c-1'").fetchone() == (
        "Publish the assessor arrival window", "Gemma Wardle", "2027-01-31")
    detail = json.loads(events_of(room, live, "capture_edited")[0][2])
    assert (detail["owner"], detail["due"]) == ("Hamish Rennie", (TODAY + timedelta(days=14)).isoformat())


def test_an_edit_that_changes_nothing_writes_nothing(room, live):
    capture_decision(room, live, "Stop the glossy brochure", uid="d-1")
    before = room.conn.total_changes
    assert not edit_capture(room, "d-1", "Stop the  glossy brochure").edited
    assert room.conn.total_changes == before and events_of(room, live, "capture_edited") == []


def test_ctrl_z_finds_the_newest_capture_not_withdrawn(room, live, ticking):
    assert last_capture(room, live) is None
    capture_decision(room, live, "First", uid="d-1")
    capture_commitment(room, live, "Second", "Ruth Adeyemi", TODAY, uid="c-1", today=TODAY)
    capture_note(room, live, "Third", uid="n-1")
    assert last_capture(room, live).uid == "n-1"
    withdraw_capture(room, last_capture(room, live).uid)
    assert (last_capture(room, live).uid, last_capture(room, live).owner) == ("c-1", "Ruth Adeyemi")
    withdraw_capture(room, "c-1")
    withdraw_capture(room, "d-1")
    assert last_capture(room, live) is None
    assert [c.uid for c in list_captures(room, live, include_withdrawn=True)] == ["d-1", "c-1", "n-1"]


def fingerprint(room):
    """Everything a refusal could have touched: the file's bytes, its -wal, and this connection's writes."""
    wal = room.path.with_name(room.path.name + "-wal")
    return (hashlib.sha256(room.path.read_bytes()).hexdigest(),
            hashlib.sha256(wal.read_bytes()).hexdigest() if wal.exists() else "",
            room.conn.total_changes, list_captures(room, room.db.execute(
                "SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0], include_withdrawn=True))


@pytest.mark.parametrize("action, words", [
    (lambda r: withdraw_capture(r, "no-such-uid"), "There is no capture 'no-such-uid' in this room."),
    (lambda r: edit_capture(r, "no-such-uid", "x"), "There is no capture 'no-such-uid' in this room."),
    (lambda r: edit_capture(r, "d-1", "   "), "A decision needs some text."),
    (lambda r: edit_capture(r, "c-1", ""), "A commitment needs some text."),
    (lambda r: withdraw_capture(r, "gone"), "This note was already withdrawn at "),
    (lambda r: edit_capture(r, "gone", "Back again"), "This note was already withdrawn at "),
    (lambda r: edit_capture(r, "c-1", "Do it", due=TODAY - timedelta(days=1), today=TODAY), "is in the past"),
    (lambda r: edit_capture(r, "c-1", "Do it", due="next week", today=TODAY), "'next week' is not a date"),
    (lambda r: edit_capture(r, "c-1", "Do it", owner="  "), "A commitment needs an owner"),
    (lambda r: edit_capture(r, "d-1", "Do it", owner="Ruth Adeyemi"), "A decision has no owner or due date"),
    (lambda r: withdraw_capture(r, r.db.execute("SELECT uid FROM decisions d JOIN sessions s ON s.id = d.session_id "
                                                "WHERE s.key = '2026-05-monthly'").fetchone()[0]),
     "its captures can no longer be changed"),
])
def test_refusals_are_one_sentence_and_leave_the_file_as_it_was(room, live, action, words):
    capture_decision(room, live, "Fund the pilot", uid="d-1")
    capture_commitment(room, live, "Publish the window", "Hamish Rennie", TODAY, uid="c-1", today=TODAY)
    capture_note(room, live, "Withdrawn already", uid="gone")
    withdraw_capture(room, "gone")
    before = fingerprint(room)
    with pytest.raises(CaptureRefused) as refused:
        action(room)
    message = str(refused.value)
    assert words in message and message.endswith((".", "?")) and "\n" not in message and "Capture" not in message
    assert fingerprint(room) == before


def test_a_closed_session_takes_no_corrections(room, live):
    capture_decision(room, live, "Fund the pilot", uid="d-1")
    close_session(room, live)
    for action in (lambda: withdraw_capture(room, "d-1"), lambda: edit_capture(room, "d-1", "Fund it")):
        with pytest.raises(CaptureRefused, match="was closed at .*; its captures can no longer be changed"):
            action()
    assert room.db.execute("SELECT text, withdrawn_at FROM decisions WHERE uid = 'd-1'").fetchone() == (
        "Fund the pilot", None)


def test_a_read_only_room_refuses_corrections_untouched(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        session_id = room.db.execute("SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0]
        start_session(room, session_id)
        capture_decision(room, session_id, "Fund the pilot", uid="d-1")
    before = hashlib.sha256(sample_room_copy.read_bytes()).hexdigest()
    with RoomFile.open(sample_room_copy, read_only=True) as viewer:
        for action in (lambda: withdraw_capture(viewer, "d-1"), lambda: edit_capture(viewer, "d-1", "Fund it")):
            with pytest.raises(ReadOnlyRoomError, match="open for viewing only"):
                action()
    assert hashlib.sha256(sample_room_copy.read_bytes()).hexdigest() == before


def test_a_withdrawn_commitment_is_not_carried_to_the_next_session(room, live):
    capture_commitment(room, live, "Kept", "Ruth Adeyemi", TODAY, uid="c-kept", today=TODAY)
    capture_commitment(room, live, "Said by mistake", "Ruth Adeyemi", TODAY, uid="c-gone", today=TODAY)
    withdraw_capture(room, "c-gone")
    later = plan_session(room, "January room", "monthly", date(2027, 1, 14), [Attendee("Ruth Adeyemi")])
    carried = [c.text for c in carried_commitments(room, later)]
    assert "Kept" in carried and "Said by mistake" not in carried


def _format_5_room(path):
    """A room as format 5 saved it, made by the first five migrations, with a live session and its captures."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db = sqlite_utils.Database(conn)
    for migration in migrations.MIGRATIONS[:5]:
        migration(db)
    conn.executescript("""
        INSERT INTO room (id, name, created_at) VALUES (1, 'Format five', '2026-01-01');
        INSERT INTO sessions (id, key, title, cadence, scheduled_on, started_at)
            VALUES (1, 'jan', 'January room', 'monthly', '2026-01-10', '2026-01-10T09:00:00');
        INSERT INTO decisions (uid, session_id, at, text) VALUES ('d-old', 1, '2026-01-10T09:10:00', 'Old decision');
        INSERT INTO commitments (uid, session_id, at, text, owner, due_on, status)
            VALUES ('c-old', 1, '2026-01-10T09:20:00', 'Old commitment', 'Ann Lee', '2026-02-01', 'open');
        INSERT INTO notes (uid, session_id, at, text) VALUES ('n-old', 1, '2026-01-10T09:30:00', 'Old note');
        PRAGMA user_version = 5;
    """)
    conn.commit()
    conn.close()


def _columns(db, table):
    return [row[1:] for row in db.execute(f"PRAGMA table_info({table})")]


def test_a_format_5_room_migrates_with_its_captures_intact(tmp_path):
    path = tmp_path / "five.croom"
    _format_5_room(path)
    with RoomFile.open(path) as room, RoomFile.create(tmp_path / "fresh.croom", "Fresh") as fresh:
        assert room.schema_version == migrations.LATEST_VERSION
        for table in ("decisions", "commitments", "notes"):
            assert _columns(room.db, table) == _columns(fresh.db, table)
            assert "withdrawn_at" in [c[0] for c in _columns(room.db, table)]
        found = list_captures(room, 1)
        assert [(c.kind, c.uid, c.text, c.owner, c.due, c.withdrawn) for c in found] == [
            ("decision", "d-old", "Old decision", "", "", False),
            ("commitment", "c-old", "Old commitment", "Ann Lee", "2026-02-01", False),
            ("note", "n-old", "Old note", "", "", False)]
        withdraw_capture(room, "d-old")
        assert [c.uid for c in list_captures(room, 1)] == ["c-old", "n-old"]
    backup = sqlite3.connect(tmp_path / "five.format-5-backup.croom")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 5
    assert "withdrawn_at" not in [c[0] for c in _columns(backup, "decisions")]
    assert backup.execute("SELECT text FROM decisions").fetchall() == [("Old decision",)]
    backup.close()
