"""Opening a room live loads only what the first picture needs: no charting or wrapper library.

pyqtgraph (with numpy) and sqlite-utils cost about a quarter of a second to import, Pillow with its
plugins another 50 ms; the walls the sample room opens on (plain PNGs and a PDF on its first stage)
draw without them, so they are loaded when a view, a picture or a write first needs them. numpy, which
frames rendered ahead are tiled with, is loaded in the room's first idle moment, after the painting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.benchmarks.live_benchmarks import screens_config

OPEN_AND_LIST = """
import json, sys
from pathlib import Path
from customer_room_desktop.app import run_room
heavy = ("pyqtgraph", "numpy", "sqlite_utils", "vlc", "PIL", "aiohttp")  # aiohttp: the phones, only when asked
loaded_when_painted = []
quit_once_painted = run_room._quit_once_painted
def noting_what_is_loaded(live, app):  # the room's first idle moment may load numpy: only the painting counts
    if live.on_screen() and not loaded_when_painted:
        loaded_when_painted.append(sorted(name for name in heavy if name in sys.modules))
    quit_once_painted(live, app)
run_room._quit_once_painted = noting_what_is_loaded
status = run_room.run_live_room(Path(sys.argv[1]))
print(json.dumps({"status": status, "loaded": loaded_when_painted[0]}))
"""


def _report_after_opening(script: str, room, tmp_path) -> dict:
    """Run ``script`` on ``room`` in a fresh process on three screens, until the room is painted; its last line."""
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(tmp_path, 3, 1920, 1080), CUSTOMER_ROOM_QUIT_WHEN_SHOWN="1",
               CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", script, str(room)], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_opening_the_sample_room_loads_no_charting_library_sqlite_utils_or_pillow(sample_room_copy, tmp_path):
    report = _report_after_opening(OPEN_AND_LIST, sample_room_copy, tmp_path)
    assert report == {"status": 0, "loaded": []}


OPEN_BY_COMMAND = """
import json, sys
from customer_room_desktop.app.cli import main
status = main(["open", sys.argv[1]])
other_commands = ("customer_room_desktop.app.kiosk_supervisor", "customer_room_desktop.services.room_export")
print(json.dumps({"status": status, "loaded": sorted(name for name in other_commands if name in sys.modules)}))
"""


def test_customer_room_open_loads_neither_the_kiosk_supervisor_nor_the_exporter(sample_room_copy, tmp_path):
    report = _report_after_opening(OPEN_BY_COMMAND, sample_room_copy, tmp_path)
    assert report == {"status": 0, "loaded": []}


def test_a_capture_right_after_opening_is_saved_and_survives_reopening(sample_room_copy):
    from customer_room_desktop.services.minutes import find_session
    from customer_room_desktop.storage.captures import capture_decision, start_session
    from customer_room_desktop.storage.room_file import RoomFile

    with RoomFile.open(sample_room_copy) as room:
        session = find_session(room, "2026-12-monthly")
        start_session(room, session.id)
        capture_decision(room, session.id, "Fix the quote page first")
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        saved = room.db.execute("SELECT count(*) FROM decisions WHERE text = 'Fix the quote page first'")
        assert saved.fetchone()[0] == 1


def test_a_statement_outside_a_transaction_commits_by_itself_and_leaves_the_room_closable(sample_room_copy):
    from customer_room_desktop.storage.room_file import RoomFile

    with RoomFile.open(sample_room_copy) as room:
        room.db.execute("UPDATE room SET name = 'Renamed'")
        assert not room.conn.in_transaction
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        assert room.db.execute("SELECT name FROM room").fetchone()[0] == "Renamed"
