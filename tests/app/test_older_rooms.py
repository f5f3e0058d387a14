"""Issue 17, point 6: an older room is opened, not sent elsewhere. `open` and `import` upgrade it with a
verified backup and say so in one line; `info`, `check`, `render` and `minutes` read it unchanged."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from customer_room_desktop.storage.migrations import LATEST_VERSION
from tests.older_formats import as_format_6

COMMAND = [sys.executable, "-m", "customer_room_desktop.app.cli"]


def _format_6_room(sample_room: Path, path: Path) -> Path:
    """The sample as format 6 wrote it: see as_format_6."""
    shutil.copyfile(sample_room, path)
    conn = sqlite3.connect(path)
    as_format_6(conn)
    conn.commit()
    conn.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*args: str | Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **env), stdin=subprocess.DEVNULL)


def _dump(path: Path) -> list[str]:
    """The room's whole content, as SQL; a backup may differ from its original in header bytes only."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return [conn.execute("PRAGMA user_version").fetchone()[0], *conn.iterdump()]


def _version(path: Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


@pytest.mark.slow  # four commands, each a Python process with Qt
def test_readers_show_an_older_room_and_leave_it_byte_for_byte(sample_room, tmp_path):
    room = _format_6_room(sample_room, tmp_path / "old.croom")
    before = _digest(room)
    info = _run("info", room)
    assert info.returncode == 0 and "room format 6" in info.stdout
    check = _run("check", room)
    assert check.returncode == 0, check.stdout + check.stderr
    render = _run("render", room, "--view", "stage:1", "--size", "640x360", "-o", tmp_path / "stage.png")
    assert render.returncode == 0, render.stderr
    minutes = _run("minutes", room, "--format", "md", "-o", tmp_path / "minutes.md")
    assert minutes.returncode == 0, minutes.stderr
    assert (tmp_path / "minutes.md").read_text(encoding="utf-8").startswith("#")
    for result in (info, check, render, minutes):
        assert "customer-room open" not in result.stdout + result.stderr  # never sent to another command
    assert _digest(room) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.md", "old.croom", "stage.png"]


def test_import_upgrades_an_older_room_with_a_verified_backup_in_one_line(sample_room, tmp_path):
    room = _format_6_room(sample_room, tmp_path / "old.croom")
    original = _dump(room)
    rows = tmp_path / "more.csv"
    rows.write_text("received_on,source,category,stage,verbatim\n2026-10-02,E-mail,Slow,claim,Still waiting\n",
                    encoding="utf-8")
    imported = _run("import", "complaints", room, rows)
    assert imported.returncode == 0, imported.stderr
    backup = tmp_path / "old.format-6-backup.croom"
    assert imported.stdout.splitlines()[0] == \
        f"Upgraded the room from format 6 to {LATEST_VERSION}; the original is kept as {backup}."
    assert _version(room) == LATEST_VERSION and _dump(backup) == original

    again = _format_6_room(sample_room, tmp_path / "old.croom")  # a second upgrade never overwrites the first
    assert _run("import", "complaints", again, rows).returncode == 0
    assert _dump(backup) == original
    assert _dump(tmp_path / "old.format-6-backup-2.croom") == original
