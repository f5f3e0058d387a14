"""The kiosk's recovery benchmark (issue 20): the player killed with SIGKILL at random moments, and the time
until it is back on the step it was on, with three walls on Qt's offscreen screens.

"Back" is the new player writing its step to the state folder, which it does once the step's commands have
reached the walls. The supervisor here allows as many restarts as there are kills: the product's own limit
(five in 30 minutes, then the safe screen) would otherwise end the run after five.
"""

from __future__ import annotations

import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .live_benchmarks import screens_config

SUPERVISE = """
import sys
from pathlib import Path
from customer_room_desktop.app.kiosk_supervisor import Supervisor, SupervisorSettings
room, state = sys.argv[1], Path(sys.argv[2])
player = [sys.executable, "-m", "customer_room_desktop.app.kiosk_player", room, str(state)]
Supervisor(player, [*player, "--safe-screen"], state, SupervisorSettings(max_restarts=1000)).run()
"""


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _written_after(path: Path, moment: float) -> bool:
    try:
        return path.stat().st_mtime > moment
    except OSError:
        return False


def bench_kiosk_recovery(work: Path, room: Path, kills: int) -> dict:
    state = work / "kiosk-state"
    state.mkdir(exist_ok=True)
    step_file = state / "kiosk-state.json"
    step_file.write_text('{"step": 2}')  # as if the room had been on its third step
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(work, 3, 1920, 1080))
    supervisor = subprocess.Popen([sys.executable, "-c", SUPERVISE, str(room), str(state)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rng = random.Random(20)
    seconds: list[float] = []
    same_step = 0
    try:
        deadline = time.time() + 60
        while not (_children(supervisor.pid) and _written_after(step_file, 0)) and time.time() < deadline:
            time.sleep(0.05)
        for _ in range(kills):
            time.sleep(rng.uniform(0.2, 3.0))  # a random moment, start-up included
            children = _children(supervisor.pid)
            if not children:
                continue
            before = json.loads(step_file.read_text())["step"]
            killed = time.time()
            os.kill(children[0], signal.SIGKILL)
            while not _written_after(step_file, killed) and time.time() - killed < 60:
                time.sleep(0.02)
            seconds.append(time.time() - killed)
            same_step += json.loads(step_file.read_text())["step"] == before
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(30)
    return {
        "name": f"Kiosk recovery: the player killed {len(seconds)} times at random moments, 3 walls",
        "back on its step, median (s, target < 15)": round(statistics.median(seconds), 2),
        "back on its step, worst (s, target < 15)": round(max(seconds), 2),
        "kills after which it came back on the same step": f"{same_step} of {len(seconds)}",
    }


def bench_kiosk_soak(work: Path, room: Path, transitions: int, warm_up: int, curve: Path) -> dict:
    """The kiosk player through ``transitions`` steps of its programme with no dwell, calls included, on three
    4K walls; every sample is kept in a file as it comes, so a run stopped early still has its figures."""
    from .kiosk_soak_report import draw_curve, figures, samples_of

    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(work, 3, 3840, 2160))
    state = work / "kiosk-soak"
    state.mkdir(exist_ok=True)
    log = work / "kiosk-soak.jsonl"
    command = [sys.executable, "-m", "tests.benchmarks.kiosk_soak_probe", str(room), str(state), str(transitions),
               str(warm_up), str(min(200, transitions))]
    with log.open("w") as out:
        subprocess.run(command, env=env, cwd=Path(__file__).resolve().parents[2], stdout=out,
                       stderr=subprocess.DEVNULL, check=True)
    samples, summary = samples_of(log.read_text().splitlines())
    result = figures(samples, summary, transitions)
    draw_curve(samples, curve, result["name"])
    return {**result, "curve (PNG)": str(curve)}
