import hashlib
import os
import sqlite3
import stat

import pytest

from customer_room_desktop.storage import migrations
from customer_room_desktop.storage.errors import (
    CorruptRoomError, NewerRoomError, NotARoomError, ReadOnlyRoomError, RoomNotFoundError,
)
from customer_room_desktop.storage.room_file import APPLICATION_ID, RoomFile


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_room_is_marked_versioned_and_in_wal(tmp_path):
    path = tmp_path / "r.croom"
    with RoomFile.create(path, "Acme") as room:
        assert room.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert room.schema_version == migrations.LATEST_VERSION
        assert room.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert room.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert room.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with RoomFile.open(path) as room:
        assert room.writer["room"].get(1)["name"] == "Acme"


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "r.croom"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        RoomFile.create(path, "x")
    assert path.read_bytes() == b"precious"


@pytest.mark.parametrize("content, error, words", [
    (b"", NotARoomError, "empty"),
    (b"Date,Category\n2026-01-01,x\n" * 10, NotARoomError, "not an SQLite database"),
])
def test_files_that_are_not_rooms_are_refused_untouched(tmp_path, content, error, words):
    path = tmp_path / "x.croom"
    path.write_bytes(content)
    before = sha(path)
    with pytest.raises(error, match=words):
        RoomFile.open(path)
    assert sha(path) == before


def test_another_apps_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(NotARoomError, match="not a Customer Room file"):
        RoomFile.open(path)
    assert sha(path) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_missing_file_is_named(tmp_path):
    with pytest.raises(RoomNotFoundError, match="no file at"):
        RoomFile.open(tmp_path / "nope.croom")


def _closed_room(tmp_path, name="r.croom"):
    path = tmp_path / name
    with RoomFile.create(path, "Acme") as room, room.transaction() as db:
        db.conn.executemany("INSERT INTO silos (key, name) VALUES (?, ?)", [(f"s{i}", "x" * 500) for i in range(400)])
    return path


def test_a_truncated_room_is_refused_untouched(tmp_path):
    path = _closed_room(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = sha(path)
    with pytest.raises(CorruptRoomError, match="damaged"):
        RoomFile.open(path)
    assert sha(path) == before


def test_a_room_from_a_newer_version_is_refused_untouched(tmp_path):
    path = _closed_room(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={migrations.LATEST_VERSION + 5}")
    conn.close()
    before = sha(path)
    with pytest.raises(NewerRoomError, match="newer Customer Room Desktop"):
        RoomFile.open(path)
    assert sha(path) == before


@pytest.fixture
def read_only_medium(tmp_path):
    """A folder that becomes truly read-only: a tmpfs remounted ro when we are root, else chmod."""
    import subprocess

    folder = tmp_path / "usb"
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True).returncode == 0
    if os.geteuid() == 0 and not mounted:
        pytest.skip("root without mount: no way to make a read-only medium here")

    def lock():
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for item in folder.iterdir():
                item.chmod(stat.S_IRUSR)
            folder.chmod(stat.S_IRUSR | stat.S_IXUSR)

    yield folder, lock
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(stat.S_IRWXU)


def test_a_room_on_read_only_media_opens_for_viewing_and_says_why(read_only_medium):
    folder, lock = read_only_medium
    path = _closed_room(folder)
    before = sha(path)
    lock()
    assert not os.access(path, os.W_OK)
    with RoomFile.open(path) as room:
        assert room.read_only
        assert "read-only" in room.read_only_reason
        assert room.db.execute("SELECT count(*) FROM silos").fetchone()[0] == 400
        with pytest.raises(ReadOnlyRoomError, match="viewing only"), room.transaction():
            pass
    assert sha(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["r.croom"]


def test_explicit_read_only_open_refuses_changes(tmp_path):
    path = _closed_room(tmp_path)
    with RoomFile.open(path, read_only=True) as room, pytest.raises(ReadOnlyRoomError), room.transaction():
        pass


def test_an_older_room_is_backed_up_then_migrated(tmp_path, monkeypatch):
    path = _closed_room(tmp_path)

    def add_colour_table(db):
        db.execute("CREATE TABLE colours (name TEXT)")

    current = migrations.LATEST_VERSION
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [add_colour_table])
    monkeypatch.setattr("customer_room_desktop.storage.room_file.MIGRATIONS", migrations.MIGRATIONS)
    monkeypatch.setattr("customer_room_desktop.storage.room_file.LATEST_VERSION", current + 1)
    with RoomFile.open(path) as room:
        assert room.schema_version == current + 1
        assert "colours" in room.writer.table_names()
        assert room.db.execute("SELECT count(*) FROM silos").fetchone()[0] == 400
    backup = tmp_path / f"r.format-{current}-backup.croom"
    assert backup.exists()
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == current
    assert conn.execute("SELECT count(*) FROM silos").fetchone()[0] == 400
    conn.close()


def test_a_failing_migration_leaves_the_room_as_it_was(tmp_path, monkeypatch):
    path = _closed_room(tmp_path)

    def broken(db):
        db.execute("DELETE FROM silos")
        raise RuntimeError("disk said no")

    current = migrations.LATEST_VERSION
    monkeypatch.setattr("customer_room_desktop.storage.room_file.MIGRATIONS", migrations.MIGRATIONS + [broken])
    monkeypatch.setattr("customer_room_desktop.storage.room_file.LATEST_VERSION", current + 1)
    with pytest.raises(RuntimeError):
        RoomFile.open(path)
    monkeypatch.undo()
    with RoomFile.open(path) as room:
        assert room.schema_version == current
        assert room.db.execute("SELECT count(*) FROM silos").fetchone()[0] == 400


def test_each_committed_capture_survives_a_kill(tmp_path):
    """A child process commits a row and is killed at once; the row is there afterwards."""
    import subprocess
    import sys

    path = _closed_room(tmp_path)
    code = (
        "import os, sys\n"
        "from customer_room_desktop.storage.room_file import RoomFile\n"
        f"room = RoomFile.open({str(path)!r})\n"
        "with room.transaction() as db:\n"
        "    db.execute(\"INSERT INTO silos (key, name) VALUES ('killed', 'saved before the kill')\")\n"
        "print('saved', flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "saved"
    assert result.returncode != 0
    with RoomFile.open(path) as room:
        assert room.db.execute("SELECT name FROM silos WHERE key = 'killed'").fetchone()[0] == "saved before the kill"


def test_reading_a_closed_room_leaves_no_files_beside_it(tmp_path):
    path = _closed_room(tmp_path)
    with RoomFile.open(path):
        pass  # switches the room to WAL, as a live session does
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.croom"]
    with RoomFile.open(path, read_only=True) as room:
        assert room.db.execute("SELECT count(*) FROM silos").fetchone()[0] == 400
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.croom"]


def test_a_viewer_sees_what_a_live_session_has_saved(tmp_path):
    path = _closed_room(tmp_path)
    with RoomFile.open(path) as live:
        with live.transaction() as db:
            db.execute("INSERT INTO silos (key, name) VALUES ('late', 'Saved during the session')")
        with RoomFile.open(path, read_only=True) as viewer:
            assert viewer.db.execute("SELECT name FROM silos WHERE key = 'late'").fetchone()[0] == \
                "Saved during the session"


def test_a_format_1_room_gains_call_bookmarks_after_a_backup(tmp_path):
    """The real first migration: a room saved by the first release opens, is backed up, and upgrades."""
    path = tmp_path / "old.croom"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations.MIGRATIONS[0](__import__("sqlite_utils").Database(conn))
    conn.execute("INSERT INTO room (id, name, created_at) VALUES (1, 'Old room', '2026-01-01')")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    with RoomFile.open(path) as room:
        assert room.schema_version == migrations.LATEST_VERSION >= 2
        assert "call_bookmarks" in room.writer.table_names()
        assert room.writer["room"].get(1)["name"] == "Old room"
    backup = sqlite3.connect(tmp_path / "old.format-1-backup.croom")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "call_bookmarks" not in {row[0] for row in backup.execute("SELECT name FROM sqlite_master")}
