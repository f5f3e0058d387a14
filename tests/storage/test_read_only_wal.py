"""A room whose -wal a crash left behind, on read-only media or as a read-only file: nothing committed is
hidden. info, check and the minutes see the three decisions saved before the crash."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.storage.room_file import RoomFile

CRASHING_CHILD = textwrap.dedent("""
    import os, sys
    from customer_room_desktop.storage.captures import capture_decision
    from customer_room_desktop.storage.room_file import RoomFile
    room = RoomFile.open(sys.argv[1])
    room.conn.execute("PRAGMA wal_autocheckpoint=0")  # everything stays in the -wal
    session_id = room.db.execute("SELECT max(id) FROM sessions").fetchone()[0]
    for number in range(3):
        capture_decision(room, session_id, f"Decided while crashing {number}", uid=f"crash-{number}")
    print(session_id, flush=True)
    os._exit(0)  # a crash: no checkpoint, no close
""")


def _crash_with_three_decisions(room) -> int:
    result = subprocess.run([sys.executable, "-c", CRASHING_CHILD, str(room)], capture_output=True, text=True,
                            check=True)
    wal = room.with_name(room.name + "-wal")
    assert wal.stat().st_size > 0, "the decisions must be in the -wal only"
    return int(result.stdout)


def _decisions_seen(room, tmp_path, capsys) -> None:
    session = (tmp_path / "session-id").read_text()
    capsys.readouterr()
    assert main(["info", "--json", str(room)]) == 0
    info = capsys.readouterr()
    assert '"decisions"' in info.out
    assert main(["check", "--skip-media", str(room)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
    minutes = tmp_path / "minutes.md"
    assert main(["minutes", str(room), "--session", session, "-o", str(minutes)]) == 0
    text = minutes.read_text(encoding="utf-8")
    for number in range(3):
        assert f"Decided while crashing {number}" in text
    with RoomFile.open(room) as viewed:
        assert viewed.read_only
        assert "changes not yet folded in" in viewed.read_only_reason
        assert viewed.db.execute("SELECT count(*) FROM decisions WHERE uid LIKE 'crash-%'").fetchone()[0] == 3


@pytest.fixture
def crashed_room(sample_room, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    room = folder / "room.croom"
    shutil.copyfile(sample_room, room)
    with RoomFile.open(room):
        pass  # as a live session does: WAL from now on
    (tmp_path / "session-id").write_text(str(_crash_with_three_decisions(room)))
    return room


def test_a_read_only_file_with_a_wal_shows_what_it_holds(crashed_room, tmp_path, capsys):
    before = crashed_room.read_bytes(), crashed_room.with_name("room.croom-wal").read_bytes()
    crashed_room.chmod(0o444)  # marked read-only: refused for writing even to root, through the mode
    try:
        _decisions_seen(crashed_room, tmp_path, capsys)
    finally:
        crashed_room.chmod(0o644)
    assert (crashed_room.read_bytes(), crashed_room.with_name("room.croom-wal").read_bytes()) == before


def test_read_only_media_with_a_wal_shows_what_it_holds(crashed_room, tmp_path, capsys):
    """Root ignores file modes, so read-only media are a read-only bind mount of the folder."""
    if os.geteuid() != 0:
        crashed_room.parent.chmod(0o555)
        try:
            _decisions_seen(crashed_room, tmp_path, capsys)
        finally:
            crashed_room.parent.chmod(0o755)
        return
    mounted = tmp_path / "mounted"
    mounted.mkdir()
    if subprocess.run(["mount", "--bind", "-o", "ro", str(crashed_room.parent), str(mounted)],
                      capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow a read-only bind mount (mount needs privileges)")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mounted)], capture_output=True)
        room = mounted / "room.croom"
        left_by_the_crash = sorted(p.name for p in mounted.iterdir())
        with pytest.raises(OSError):
            (mounted / "probe").write_bytes(b"x")
        _decisions_seen(room, tmp_path, capsys)
        assert sorted(p.name for p in mounted.iterdir()) == left_by_the_crash
    finally:
        subprocess.run(["umount", str(mounted)], check=True)
