"""The live-room benchmarks of issue 3: stage switches, cold start and memory with three 4K walls."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .machine_gauge import GAUGE_NAME, copy_gauge_ms
from .window_timing import VirtualDisplay, openlp_available, time_openlp

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
# Shown, painted, then the line "painted", as `customer-room open` does under CUSTOMER_ROOM_QUIT_WHEN_SHOWN.
EMPTY_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.show()
def quit_once_painted():
    if window.windowHandle() is None or not window.windowHandle().isExposed():
        QTimer.singleShot(1, quit_once_painted)
        return
    app.processEvents()
    print("painted", flush=True)
    app.quit()
QTimer.singleShot(0, quit_once_painted)
app.exec()
"""


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
    gauge = copy_gauge_ms()
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(work, 3, 3840, 2160))
    result = subprocess.run([sys.executable, "-m", "tests.benchmarks.live_probe", str(room), str(work / "walls.json"),
                             str(rounds)], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    step, jump = figures["next_previous_ms"], figures["jump_ms"]
    return {
        "name": f"Stage switch, 3 walls at 4K, {rounds} switches each kind",
        GAUGE_NAME: round(gauge, 1),
        "next/previous p50 (ms)": round(step["p50"], 1),
        "next/previous p95 (ms, target 16.7)": round(step["p95"], 1),
        "jump p50 (ms)": round(jump["p50"], 1),
        "jump p95 (ms, target < 100)": round(jump["p95"], 1),
        "resident memory after the switches (MB)": round(figures["rss_after_switches_mb"]),
        "peak resident memory (MB, target <= 350)": round(figures["peak_rss_mb"]),
    }


def bench_switch_soak(work: Path, room: Path, switches: int, warm_up: int) -> dict:
    """Memory, live QObjects and open files over many switches on three 4K walls, after a warm-up."""
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(work, 3, 3840, 2160))
    command = [sys.executable, "-m", "tests.benchmarks.soak_probe", str(room), str(work / "walls.json"), str(switches),
               str(warm_up), "10"]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    samples = figures["samples"]
    (_, rss_start, objects_start, files_start), (_, rss_end, objects_end, files_end) = samples[0], samples[-1]
    return {
        "name": f"Soak: {switches:,} switches on 3 walls at 4K, after {figures['warm_up']} to warm up",
        "resident memory after warm-up -> end (MB)": f"{rss_start:.0f} -> {rss_end:.0f}",
        "growth over the switches (%, target <= 2)": round(100 * (rss_end - rss_start) / rss_start, 2),
        "highest resident memory sampled (MB)": round(max(sample[1] for sample in samples)),
        "peak resident memory (MB, target <= 350)": round(figures["peak_rss_mb"]),
        "live QObjects after warm-up -> end (flat)": f"{objects_start} -> {objects_end}",
        "open files after warm-up -> end (flat)": f"{files_start} -> {files_end}",
        "resident memory at each tenth (MB)": " ".join(f"{sample[1]:.0f}" for sample in samples),
    }


LAUNCH_LIMIT_S = 60  # a launch that has not painted and closed by then is stopped and named


def _launch_seconds(command: list[str], env: dict) -> float:
    """Seconds from launch until the program prints "painted" (its windows are on screen and drawn);
    closing down afterwards is not timed. A launch that has not painted and closed within
    LAUNCH_LIMIT_S is killed, and the run stops saying which it was."""
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as process:
        watchdog = threading.Timer(LAUNCH_LIMIT_S, process.kill)
        watchdog.start()
        assert process.stdout is not None
        lines = iter(process.stdout.readline, "")
        painted = next((time.perf_counter() for line in lines if line.strip() == "painted"), None)
        process.stdout.read()
        watchdog.cancel()
    if painted is None or process.returncode != 0:
        stopped = f"was stopped after {LAUNCH_LIMIT_S} s" if process.returncode == -9 else \
            f"ended with code {process.returncode}"
        raise RuntimeError(f"{' '.join(command[:3])} {stopped} before it painted and closed")
    return painted - started


def _cold_start_env(work: Path, platform: dict[str, str]) -> dict[str, str]:
    """As an installed program starts: Python's compiled bytecode may be cached (pip and the .deb both
    compile it at install), which this machine's PYTHONDONTWRITEBYTECODE would otherwise forbid."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **platform, "CUSTOMER_ROOM_QUIT_WHEN_SHOWN": "1", "CUSTOMER_ROOM_DATA_DIR": str(work / "data")}


def _alternate(launches: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Median seconds of each launch, run in turn so a busy moment hits them all alike; one unmeasured
    round first fills the disk cache and the bytecode cache."""
    for launch in launches.values():
        launch()
    times: dict[str, list[float]] = {name: [] for name in launches}
    for _ in range(runs):
        for name, launch in launches.items():
            times[name].append(launch())
    return {name: statistics.median(values) for name, values in times.items()}


def bench_cold_start(work: Path, room: Path, runs: int) -> dict:
    """`customer-room open` until console and three 4K walls are painted, against an empty PySide6 window
    started the same way and OpenLP (when installed) until its main window is mapped, all alternately
    on one virtual X display (Xvfb) when there is one, else on Qt's offscreen screens without OpenLP."""
    ours = [str(BIN / "customer-room"), "open", str(room)]
    empty = [sys.executable, "-c", EMPTY_WINDOW]
    gauge = copy_gauge_ms()
    if not VirtualDisplay.available():
        env = _cold_start_env(work, {"QT_QPA_PLATFORM": screens_config(work, 3, 3840, 2160)})
        medians = _alternate({"ours": lambda: _launch_seconds(ours, env),
                              "empty": lambda: _launch_seconds(empty, env)}, runs)
        return _cold_start_figures(medians, runs, "Qt's offscreen screens (no Xvfb here)",
                                   "skipped: Xvfb is not installed", gauge)
    with VirtualDisplay() as display:
        env = _cold_start_env(work, display.env({}))
        launches = {"ours": lambda: _launch_seconds(ours, env), "empty": lambda: _launch_seconds(empty, env)}
        openlp = "skipped: the Debian package openlp is not installed"
        if openlp_available():
            launches["openlp"] = lambda: time_openlp(display, work / "openlp-home")
        medians = _alternate(launches, runs)
        if "openlp" in medians:
            openlp = f"{medians['openlp']:.3f} s to its main window; ratio {medians['ours'] / medians['openlp']:.3f}"
        return _cold_start_figures(medians, runs, "Xvfb, laptop + three 3840x2160 monitors", openlp, gauge)


def _cold_start_figures(medians: dict[str, float], runs: int, screens: str, openlp: str, gauge: float) -> dict:
    return {
        "name": f"Cold start of `customer-room open`, console + 3 walls at 4K painted, median of {runs}",
        "screens": screens,
        GAUGE_NAME: round(gauge, 1),
        "customer-room open (s)": round(medians["ours"], 3),
        "empty PySide6 window (s)": round(medians["empty"], 3),
        "ratio to the empty window (target <= 4)": round(medians["ours"] / medians["empty"], 3),
        "OpenLP 3 (target ratio <= 0.33)": openlp,
    }
