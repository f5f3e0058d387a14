"""Saving to a room loads sqlite-utils without numpy or pandas: a room never stores their values, and
numpy alone cost the first save of a session 55 ms and 15 MB. Each case runs in a fresh interpreter,
since this test process has imported numpy long ago."""

import json
import subprocess
import sys
import textwrap

SAVE_AND_REPORT = textwrap.dedent("""
    import json, sys
    {before}
    from customer_room_desktop.storage.room_file import RoomFile
    path = sys.argv[1]
    with RoomFile.create(path, "Acme") as room:
        with room.transaction() as db:
            db["room"].update(1, {{"name": "Acme Insurance"}})
    with RoomFile.open(path, read_only=True) as room:
        name = room.conn.execute("SELECT name FROM room").fetchone()[0]
    import sqlite_utils.db
    hid_numpy = sqlite_utils.db.np is None
    import numpy  # what pyqtgraph does later, for a chart
    print(json.dumps({{"name": name, "numpy_kept_out": hid_numpy, "numpy_later": numpy.__name__}}))
""")


def _save_in_a_fresh_process(tmp_path, before: str = "") -> dict:
    script = SAVE_AND_REPORT.format(before=before)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "r.croom")], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_save_does_not_load_numpy_and_numpy_still_loads_afterwards(tmp_path):
    report = _save_in_a_fresh_process(tmp_path)
    assert report == {"name": "Acme Insurance", "numpy_kept_out": True, "numpy_later": "numpy"}


def test_numpy_loaded_before_the_first_save_is_left_alone(tmp_path):
    report = _save_in_a_fresh_process(tmp_path, before="import numpy")
    assert report == {"name": "Acme Insurance", "numpy_kept_out": False, "numpy_later": "numpy"}
