"""`build` never leaves a file that looks like a room, whether it fails or is stopped (issue 17, point 7).

The room is written as NAME.building, stamped unfinished until its last write, and renamed to NAME
only once complete. tests/app/test_build_kill.py kills real builds; these tests stop one in-process.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.services import room_builder
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.room_manifest import BuildError
from customer_room_desktop.storage.build_marker import BUILDING_APPLICATION_ID, unfinished_build_sentence
from customer_room_desktop.storage.errors import DiskFullError, NotARoomError
from customer_room_desktop.storage.room_file import APPLICATION_ID, RoomFile, inspect_room


def _stop_during_import(monkeypatch, error: BaseException) -> None:
    def stop(*args, **kwargs):
        raise error

    monkeypatch.setattr(room_builder, "import_csv", stop)


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(143), MemoryError()],
                         ids=["ctrl-c", "sigterm", "unexpected"])
def test_a_build_stopped_midway_leaves_no_file(tiny_source, tmp_path, monkeypatch, error):
    _stop_during_import(monkeypatch, error)
    with pytest.raises(type(error)):
        build_room(tiny_source, tmp_path / "t.croom")
    assert list(tmp_path.iterdir()) == [tiny_source]


def test_a_full_disk_at_the_rename_leaves_no_file_and_says_so(tiny_source, tmp_path, monkeypatch):
    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(room_builder.os, "replace", full)
    with pytest.raises(DiskFullError, match=r"^The disk is full while writing .*t\.croom; free some space"):
        build_room(tiny_source, tmp_path / "t.croom")
    assert list(tmp_path.glob("t.croom*")) == []


def _leave_what_a_kill_leaves(tiny_source, tmp_path, monkeypatch):
    """An unfinished room as a SIGKILL leaves it: stopped during the import, nothing cleaned up."""
    with monkeypatch.context() as patch:
        _stop_during_import(patch, KeyboardInterrupt())
        patch.setattr(room_builder, "_abandon", lambda room, partial: room.conn.close())
        with pytest.raises(KeyboardInterrupt):
            build_room(tiny_source, tmp_path / "t.croom")
    partial = tmp_path / "t.croom.building"
    assert partial.exists()
    return partial


def test_an_unfinished_room_is_refused_by_open_check_and_info(tiny_source, tmp_path, monkeypatch, capsys):
    partial = _leave_what_a_kill_leaves(tiny_source, tmp_path, monkeypatch)
    sentence = unfinished_build_sentence(partial)
    assert sqlite3.connect(partial).execute("PRAGMA application_id").fetchone()[0] == BUILDING_APPLICATION_ID
    with pytest.raises(NotARoomError) as refused:
        inspect_room(partial)  # what `open` asks before any window appears
    assert str(refused.value) == sentence
    with pytest.raises(NotARoomError):
        RoomFile.open(partial)
    for command in (["info", str(partial)], ["info", "--json", str(partial)], ["check", str(partial)]):
        assert main(command) == 2
        assert capsys.readouterr().err == f"customer-room: {sentence}\n"
    renamed = tmp_path / "renamed.croom"  # the stamp is refused under any name
    shutil.copyfile(partial, renamed)
    assert main(["check", str(renamed)]) == 2
    assert capsys.readouterr().err == f"customer-room: {unfinished_build_sentence(renamed)}\n"
    empty = tmp_path / "killed-at-once.croom.building"  # a kill before SQLite wrote its first page
    empty.touch()
    assert main(["info", str(empty)]) == 2
    assert capsys.readouterr().err == f"customer-room: {unfinished_build_sentence(empty)}\n"


def test_the_next_build_removes_what_a_killed_one_left(tiny_source, tmp_path, monkeypatch):
    partial = _leave_what_a_kill_leaves(tiny_source, tmp_path, monkeypatch)
    for suffix in ("-journal", "-wal", "-shm"):
        (tmp_path / f"{partial.name}{suffix}").write_bytes(b"left by a kill")
    build_room(tiny_source, tmp_path / "t.croom")
    assert sorted(p.name for p in tmp_path.glob("t.croom*")) == ["t.croom"]
    conn = sqlite3.connect(tmp_path / "t.croom")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_refused_build_also_removes_what_a_killed_one_left(tiny_source, tmp_path, monkeypatch):
    partial = _leave_what_a_kill_leaves(tiny_source, tmp_path, monkeypatch)
    (tiny_source / "room.toml").write_text("format = 1\n[room]\nname = ''\n")
    with pytest.raises(BuildError):
        build_room(tiny_source, tmp_path / "t.croom")
    assert not partial.exists()


def test_an_output_named_like_an_unfinished_room_is_refused(tiny_source, tmp_path):
    with pytest.raises(BuildError, match=r"a room file's name cannot end in '\.building'"):
        build_room(tiny_source, tmp_path / "t.building")
    assert list(tmp_path.glob("t.*")) == []
