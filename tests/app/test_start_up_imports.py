"""Opening a room live loads only what the first picture needs: no charting or wrapper library.

pyqtgraph (with numpy) and sqlite-utils cost about a quarter of a second to import, Pillow with its
plugins another 50 ms; the walls the sample room opens on (two plain PNGs as its first stage's
thumbnails) draw without them, so they are loaded when a view, a picture or a write first needs them. numpy, which
frames rendered ahead are tiled with, is loaded in the room's first idle moment, after the painting.
Nor do the standard modules that only a capture (uuid), a medium's hash (hashlib, with OpenSSL) or the
Phones tab's list of addresses (socket) need. Nor (on Linux, where the process's mapped libraries can be
read) QtSvg and QtNetwork, which every image plugin came with when the logo was read without its format.
Nor is QStyle reached from Python (the console's labels once drew through it): PySide makes a class's
21 Python enums when it is first used, 5 ms of the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.benchmarks.live_benchmarks import screens_config

OPEN_AND_LIST = """
import enum, json, sys
from pathlib import Path
enums_made = set()
make_enum = enum.EnumType._create_
def noting_enums(cls, class_name, *args, **kwargs):  # PySide makes a class's Python enums when first used
    enums_made.add(class_name)
    return make_enum(cls, class_name, *args, **kwargs)
enum.EnumType._create_ = noting_enums
from customer_room_desktop.app import run_room
heavy = ("pyqtgraph", "numpy", "sqlite_utils", "vlc", "PIL", "aiohttp",  # aiohttp: the phones, only when asked
         "uuid", "hashlib", "socket",  # 5 ms each: a capture's identifier, a medium's hash, the phones' addresses
         "PySide6.QtPdf")  # 5-16 ms: loaded with the first PDF a wall shows
loaded_when_painted = []
quit_painted = run_room._quit_painted
def noting_what_is_loaded(app):  # the room's first idle moment may load numpy: only the painting counts
    loaded_when_painted.append(sorted(name for name in heavy if name in sys.modules))
    try:  # Qt libraries only an image plugin asked to guess a picture's format would load
        maps = open("/proc/self/maps").read()
    except OSError:
        maps = ""
    loaded_when_painted[-1] += [library for library in ("libQt6Svg", "libQt6Network") if library in maps]
    if "PixelMetric" in enums_made:  # QStyle, reached from Python: its 21 enums take 5 ms to make
        loaded_when_painted[-1].append("QStyle")
    quit_painted(app)
run_room._quit_painted = noting_what_is_loaded
status = run_room.run_live_room(Path(sys.argv[1]))
print(json.dumps({"status": status, "loaded": loaded_when_painted[0]}))
"""


def _report_after_opening(script: str, room, tmp_path, *, quit_when_shown: bool = True,
                          extra: list[str] | None = None) -> dict:
    """Run ``script`` on ``room`` (and ``extra`` arguments) in a fresh process on three screens, until the
    room is painted (or the script quits it); its last line."""
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(tmp_path, 3, 1920, 1080),
               CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"))
    env.pop("CUSTOMER_ROOM_QUIT_WHEN_SHOWN", None)
    if quit_when_shown:
        env["CUSTOMER_ROOM_QUIT_WHEN_SHOWN"] = "1"
    result = subprocess.run([sys.executable, "-c", script, str(room), *(extra or [])], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_opening_the_sample_room_loads_no_charting_library_sqlite_utils_pillow_or_later_needs(
        sample_room_copy, tmp_path):
    report = _report_after_opening(OPEN_AND_LIST, sample_room_copy, tmp_path)
    assert report == {"status": 0, "loaded": []}


OPEN_BY_COMMAND = """
import json, sys
from customer_room_desktop.app.cli import main
status = main(["open", sys.argv[1]])
other_commands = ("customer_room_desktop.app.kiosk_supervisor", "customer_room_desktop.services.room_export",
                  "customer_room_desktop.app.kiosk_command", "customer_room_desktop.domain.kiosk_programme",
                  "tomllib", "statistics")
print(json.dumps({"status": status, "loaded": sorted(name for name in other_commands if name in sys.modules)}))
"""


def test_customer_room_open_loads_neither_the_kiosk_s_modules_nor_the_exporter(sample_room_copy, tmp_path):
    report = _report_after_opening(OPEN_BY_COMMAND, sample_room_copy, tmp_path)
    assert report == {"status": 0, "loaded": []}


LAUNCH_AND_WATCH_THE_COLLECTOR = """
import gc, json, sys
from PySide6.QtWidgets import QApplication
from customer_room_desktop.app import launch, run_room
from customer_room_desktop.services.main_thread_gc import collect_on_main_thread
from customer_room_desktop.ui.walls.wall_window import WallWindow
noted = {}
collect_from_now_on = run_room._collect_from_now_on
def walls_painted():
    walls = [w for w in QApplication.topLevelWidgets() if isinstance(w, WallWindow)]
    return len(walls) == 3 and all(w.windowHandle().isExposed() for w in walls)
def resumed():
    if noted:  # called again as the room closes: resuming twice does nothing
        return
    collector = collect_on_main_thread(QApplication.instance())
    noted["collections until the walls were painted"] = collector.collections
    noted["walls painted"] = walls_painted()
    collect_from_now_on()
    noted["Python collects by itself"] = gc.isenabled()
    noted["left out of later collections"] = gc.get_freeze_count()
    made_since = [[] for _ in range(5000)]  # enough new containers to make a collection due
    noted["main-thread collector runs again"] = collector.collect_if_due() >= 0
    QApplication.instance().quit()
run_room._collect_from_now_on = resumed
status = launch.main(["open", sys.argv[1]])
print(json.dumps({"status": status, **noted}))
"""


def test_the_collector_waits_until_the_walls_are_painted_then_leaves_start_up_objects_alone(sample_room_copy,
                                                                                            tmp_path):
    report = _report_after_opening(LAUNCH_AND_WATCH_THE_COLLECTOR, sample_room_copy, tmp_path, quit_when_shown=False)
    assert report["status"] == 0
    assert report["walls painted"] is True
    assert report["collections until the walls were painted"] == 0
    assert report["Python collects by itself"] is False  # on the main thread only (main_thread_gc)
    assert report["main-thread collector runs again"] is True
    assert report["left out of later collections"] > 20_000  # the modules, classes and widgets made at start


CLOSED_BEFORE_IT_SHOWED = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from customer_room_desktop.app import launch
from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.services import start_up_collection
LiveRoom.on_screen = lambda self: False  # a wall that never shows
started = LiveRoom.start
def start_then_quit(self):
    started(self)
    QTimer.singleShot(300, QApplication.instance().quit)  # closed (Ctrl+Q, say) before it showed
LiveRoom.start = start_then_quit
status = launch.main(["open", sys.argv[1]])
print(json.dumps({"status": status, "paused": start_up_collection.is_paused()}))
"""


def test_a_room_closed_before_its_walls_showed_leaves_collection_resumed(sample_room_copy, tmp_path):
    report = _report_after_opening(CLOSED_BEFORE_IT_SHOWED, sample_room_copy, tmp_path, quit_when_shown=False)
    assert report == {"status": 0, "paused": False}


def test_a_command_that_opens_no_room_live_collects_as_usual(sample_room_copy, tmp_path):
    script = ("import gc, json, sys\nfrom customer_room_desktop.app import launch\n"
              "status = launch.main(['check', sys.argv[1]])\n"
              "print(json.dumps({'status': status, 'collecting': gc.isenabled()}))")
    report = _report_after_opening(script, sample_room_copy, tmp_path)
    assert report == {"status": 0, "collecting": True}


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
