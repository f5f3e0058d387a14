"""The live-room benchmarks of issue 3: stage switches, cold start and memory with three 4K walls."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
EMPTY_WINDOW = ("from PySide6.QtCore import QTimer\nfrom PySide6.QtWidgets import QApplication, QWidget\n"
                "app = QApplication([])\nw = QWidget()\nw.show()\nQTimer.singleShot(0, app.quit)\napp.exec()\n")


def screens_config(work: Path, walls: int, width: int, height: int) -> str:
    screens = [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
                "logicalBaseDpi": 96, "dpr": 1}]
    for number in range(walls):
        screens.append({"name": f"wall-{number + 1}", "x": 1920 + number * width, "y": 0, "width": width,
                        "height": height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
    path = work / f"screens-{walls}x{width}.json"
    path.write_text(json.dumps({"windowFrameMargins": False, "screens": screens}))
    return f"offscreen:configfile={path}"


def bench_stage_switch(work: Path, room: Path, rounds: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(work, 3, 3840, 2160))
    result = subprocess.run([sys.executable, "-m", "tests.benchmarks.live_probe", str(room), str(work / "walls.json"),
                             str(rounds)], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    step, jump = figures["next_previous_ms"], figures["jump_ms"]
    return {
        "name": f"Stage switch, 3 walls at 4K, {rounds} switches each kind",
        "next/previous p50 (ms)": round(step["p50"], 1),
        "next/previous p95 (ms, target 16.7)": round(step["p95"], 1),
        "jump p50 (ms)": round(jump["p50"], 1),
        "jump p95 (ms, target < 100)": round(jump["p95"], 1),
        "resident memory after the switches (MB, target < 400)": round(figures["rss_after_switches_mb"]),
        "peak resident memory (MB)": round(figures["peak_rss_mb"]),
    }


def _launch_seconds(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - started


def bench_cold_start(work: Path, room: Path, runs: int) -> dict:
    """`customer-room open` until console and walls are painted, against an empty PySide6 window."""
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(work, 3, 3840, 2160), CUSTOMER_ROOM_QUIT_WHEN_SHOWN="1",
               CUSTOMER_ROOM_DATA_DIR=str(work / "data"))
    ours, empty = [], []
    for _ in range(runs):
        ours.append(_launch_seconds([str(BIN / "customer-room"), "open", str(room)], env))
        empty.append(_launch_seconds([sys.executable, "-c", EMPTY_WINDOW], env))
    ours_s, empty_s = statistics.median(ours), statistics.median(empty)
    return {
        "name": f"Cold start of `customer-room open`, console + 3 walls at 4K, median of {runs}",
        "customer-room open (s, target < 0.8)": round(ours_s, 2),
        "empty PySide6 window (s)": round(empty_s, 2),
        "ratio to the empty window": round(ours_s / empty_s, 2),
    }
