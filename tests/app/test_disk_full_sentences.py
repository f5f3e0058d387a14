"""A full disk told in one sentence, without a tmpfs: the write fails as the OS or SQLite would make it fail.

tests/app/test_full_disk.py does the same on a real full disk where a tmpfs can be mounted.
"""

from __future__ import annotations

import errno
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from customer_room_desktop.app.minutes_export import write_minutes
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.services.minutes import gather_minutes
from customer_room_desktop.services.room_engine import RoomEngine
from customer_room_desktop.services.room_writes import RoomWrites
from customer_room_desktop.storage import captures
from customer_room_desktop.storage.captures import list_captures
from customer_room_desktop.storage.errors import DiskFullError
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session

FAILURES = [OSError(errno.ENOSPC, "No space left on device"), OSError(errno.EDQUOT, "Disk quota exceeded"),
            sqlite3.OperationalError("database or disk is full")]


@pytest.fixture
def live(tiny_source, tmp_path):
    from customer_room_desktop.services.room_builder import build_room

    path = tmp_path / "tiny.croom"
    build_room(tiny_source, path)
    room = RoomFile.open(path)
    session_id = plan_session(room, "Q1 review", "quarterly", date(2026, 3, 2), [Attendee("Ann Lee")])
    engine = RoomEngine(room)
    engine.load_session(session_id)
    engine.apply(cmd.StartSession())
    yield engine, session_id
    room.close()


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "pdf"])
def test_minutes_on_a_full_disk_are_one_sentence_and_leave_no_partial_file(live, tmp_path, monkeypatch, fmt):
    engine, session_id = live
    minutes = gather_minutes(engine.room, session_id)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / f"minutes.{fmt}").write_bytes(b"the minutes of last time")
    real_fsync = __import__("os").fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("customer_room_desktop.services.file_output.os.fsync", full)  # as a disk that fills at close
    with pytest.raises(DiskFullError) as refused:
        write_minutes(minutes, folder / f"minutes.{fmt}", fmt)
    assert str(refused.value) == (f"The disk holding {folder} is full: the minutes were not written; "
                                  "free some space and try again.")
    assert sorted(p.name for p in folder.iterdir()) == [f"minutes.{fmt}"]  # the partial file is gone
    assert (folder / f"minutes.{fmt}").read_bytes() == b"the minutes of last time"  # the old file untouched
    monkeypatch.setattr("customer_room_desktop.services.file_output.os.fsync", real_fsync)
    assert write_minutes(minutes, folder / f"minutes.{fmt}", fmt).stat().st_size > 24


@pytest.mark.parametrize("failure", FAILURES, ids=["ENOSPC", "EDQUOT", "SQLITE_FULL"])
def test_a_capture_on_a_full_disk_is_refused_in_one_sentence_and_the_next_succeeds(live, monkeypatch, failure):
    engine, session_id = live
    told: list[str] = []
    engine.writes.watch(told.append)
    engine.apply(cmd.Capture("decision", "Fund the pilot"))
    real = captures.capture_note

    def full(*args, **kwargs):
        raise failure

    monkeypatch.setattr(captures, "capture_note", full)
    with pytest.raises(DiskFullError) as refused:
        engine.apply(cmd.Capture("note", "Claims want a call back"))
    folder = Path(engine.room.path).parent
    assert str(refused.value) == (f"The disk holding {folder} is full: the note was not saved, and everything "
                                  "saved before is kept; free some space and press Enter again.")
    assert told == [str(refused.value)] and engine.writes.trouble == told[0]
    monkeypatch.setattr(captures, "capture_note", real)
    engine.apply(cmd.Capture("note", "Claims want a call back"))
    assert told == [str(refused.value), ""] and engine.writes.trouble == ""  # a write succeeded: the banner goes
    assert [c.text for c in list_captures(engine.room, session_id)] == ["Fund the pilot", "Claims want a call back"]


def test_the_walk_journal_on_a_full_disk_lets_the_walls_move_and_says_so(live, monkeypatch):
    engine, session_id = live
    told: list[str] = []
    engine.writes.watch(told.append)

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("customer_room_desktop.services.room_engine.record_event", full)
    changes = engine.apply(cmd.Next())
    assert engine.state.position == 2 and changes.what
    assert told == [f"The disk holding {Path(engine.room.path).parent} is full: where the walls go is not being "
                    "recorded for the minutes; free some space and it will be again."]


def test_other_storage_failures_pass_through_unchanged(live):
    engine, _ = live
    writes = RoomWrites(engine.room)

    def locked(room):
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        writes.run(locked)
    assert writes.trouble == ""
