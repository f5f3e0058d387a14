"""Issue 17: an upgrade killed at any moment leaves the room at its old format or the newest, never in
between, and once the room has changed a verified backup of the original is beside it."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from customer_room_desktop.storage.migrations import LATEST_VERSION
from customer_room_desktop.storage.room_file import RoomFile
from tests.older_formats import as_format_6

CHILD = Path(__file__).with_name("migration_kill_child.py")
RUNS = 20
COUNTED = ("complaints", "decisions", "commitments", "notes", "media", "artifacts")


def _format_6_room(sample_room, path: Path) -> dict[str, int]:
    """The sample as format 6 wrote it: see as_format_6."""
    shutil.copyfile(sample_room, path)
    conn = sqlite3.connect(path)
    as_format_6(conn)
    conn.commit()
    counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED}
    conn.close()
    return counts


def _facts(path: Path) -> tuple[int, str, dict[str, int], set[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        checked = conn.execute("PRAGMA quick_check").fetchone()[0]
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(artifacts)")}
    finally:
        conn.close()
    return version, checked, counts, columns


def _run_child(room: Path, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHILD), str(room), str(kill_at)], capture_output=True, text=True,
                          timeout=60)


@pytest.mark.slow
def test_twenty_kills_during_an_upgrade_leave_old_or_newest_with_a_verified_backup(sample_room, tmp_path):
    counting = tmp_path / "count" / "room.croom"
    counting.parent.mkdir()
    _format_6_room(sample_room, counting)
    total = int(_run_child(counting, -1).stdout)
    assert total > 10
    moments = sorted(random.Random(17).sample(range(total), min(RUNS, total)))
    failures = []
    for run, kill_at in enumerate(moments):
        folder = tmp_path / f"run-{run}"
        folder.mkdir()
        room = folder / "room.croom"
        counts = _format_6_room(sample_room, room)
        result = _run_child(room, kill_at)
        assert result.returncode == -9, result.stderr
        version, checked, after, columns = _facts(room)
        backups = sorted(folder.glob("room.format-6-backup*.croom"))
        problems = []
        if version not in (6, LATEST_VERSION) or checked != "ok" or after != counts:
            problems.append(f"room at format {version}, quick_check {checked}, counts {after}")
        if (version == LATEST_VERSION) != ("pdf_password" in columns):
            problems.append("the schema does not match the format")
        if version == LATEST_VERSION and not backups:
            problems.append("upgraded with no backup")
        for backup in backups:
            if _facts(backup)[:3] != (6, "ok", counts):
                problems.append(f"{backup.name} is not a verified copy of the original")
        with RoomFile.open(room) as reopened:  # and the next open finishes the upgrade
            assert reopened.schema_version == LATEST_VERSION
        if problems:
            failures.append((kill_at, problems))
    assert failures == [], f"{len(failures)} of {len(moments)} kills (of {total} moments) went wrong"
