"""The session benchmarks of issue 5: a capture from Enter to saved and listed, and the minutes PDF."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from .live_benchmarks import ROOT, screens_config


def _fsync_ms(work: Path, rounds: int = 200) -> float:
    """The disk's own price of durability: one 4 KB write and fsync, median."""
    path = work / "fsync.probe"
    timings = []
    with open(path, "wb") as handle:
        for _ in range(rounds):
            handle.write(b"x" * 4096)
            handle.flush()
            started = time.perf_counter()
            os.fsync(handle.fileno())
            timings.append((time.perf_counter() - started) * 1000)
    path.unlink()
    return statistics.median(timings)


def bench_capture(work: Path, room: Path, captures: int) -> dict:
    """Typed into the console's capture field, Enter pressed, until the item is listed as saved."""
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(work, 2, 1920, 1080),
               CUSTOMER_ROOM_VLC_ARGS="--aout=dummy --vout=dummy", CUSTOMER_ROOM_DATA_DIR=str(work / "data"))
    result = subprocess.run([sys.executable, "-m", "tests.benchmarks.capture_probe", str(room), str(captures)],
                            env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    p95 = figures["p95_ms"]
    return {
        "name": f"Capture: Enter to durable commit and listed, {captures} captures on the live console",
        "p50 (ms)": round(figures["p50_ms"], 2),
        "p95 (ms, target <= 20)": round(p95, 2),
        "max (ms)": round(figures["max_ms"], 2),
        "ratio to target": round(p95 / 20, 2),
        "all saved in the room file": figures["saved"] == captures,
        "reference: one 4 KB fsync on this disk (ms)": round(_fsync_ms(work), 3),
    }


def _session_with(room_path: Path, decisions: int, commitments: int) -> int:
    from customer_room_desktop.domain.meetings import Attendee
    from customer_room_desktop.storage.captures import capture_commitment, capture_decision, start_session
    from customer_room_desktop.storage.room_file import RoomFile
    from customer_room_desktop.storage.session_plans import plan_session

    leaders = [Attendee(f"Leader {n}", "Director", None) for n in range(1, 10)]
    with RoomFile.open(room_path) as room:
        session = plan_session(room, "Benchmark quarterly room", "quarterly", date.today(), leaders)
        start_session(room, session)
        for n in range(decisions):
            capture_decision(room, session, f"Decision {n}: fund the next step of the claim-report fix, "
                                            "with the budget agreed and the owner named in the room.")
        for n in range(commitments):
            capture_commitment(room, session, f"Commitment {n}: bring the root-cause analysis to the next room",
                               f"Leader {n % 9 + 1}", date.today() + timedelta(days=30 + n))
    return session


def bench_minutes_pdf(work: Path, room: Path, decisions: int = 200, commitments: int = 50, runs: int = 5) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from customer_room_desktop.app.qt_offscreen import ensure_gui_application
    from customer_room_desktop.services.minutes import gather_minutes
    from customer_room_desktop.services.minutes_pdf import write_pdf
    from customer_room_desktop.storage.room_file import RoomFile

    ensure_gui_application()
    session = _session_with(room, decisions, commitments)
    seconds, pages = [], 0
    for run in range(runs):
        started = time.perf_counter()
        with RoomFile.open(room, read_only=True) as opened:
            minutes = gather_minutes(opened, session)
        output = write_pdf(minutes, work / f"minutes-{run}.pdf")
        seconds.append(time.perf_counter() - started)
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(output))
    pages = document.pageCount()
    median = statistics.median(seconds)
    return {
        "name": f"Minutes PDF: {decisions} decisions, {commitments} commitments, {runs} runs",
        "median (s, target < 1)": round(median, 3),
        "slowest (s)": round(max(seconds), 3),
        "pages": pages,
        "size (KB)": round(output.stat().st_size / 1024),
        "ratio to target": round(median / 1.0, 2),
    }
