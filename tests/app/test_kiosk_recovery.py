"""`customer-room kiosk ROOM` for real: a supervisor process, a player process on three virtual walls; the
player killed with SIGKILL comes back by itself on the step it was on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.benchmarks.live_benchmarks import screens_config

BIN = Path(sys.executable).parent


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _wait(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the player through /proc")
def test_a_killed_player_is_back_on_its_step_within_15_seconds(sample_room_copy, tmp_path):
    programme = tmp_path / "loop.toml"
    programme.write_text('[[step]]\nseconds = 600\nwalls = ["stage:3", "complaints:3", "journey"]\n\n'
                         '[[step]]\nseconds = 600\nwalls = ["journey"]\n', encoding="utf-8")
    env = dict(os.environ, CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"),
               QT_QPA_PLATFORM=screens_config(tmp_path, 3, 1920, 1080))
    assert subprocess.run([str(BIN / "customer-room"), "kiosk", str(sample_room_copy), "--edit-programme",
                           str(programme)], env=env, capture_output=True).returncode == 0
    state = tmp_path / "data" / "state" / "kiosk" / sample_room_copy.stem / "kiosk-state.json"
    (state.parent).mkdir(parents=True)
    state.write_text('{"step": 1}')  # as if it had been on step 2 before a power cut
    supervisor = subprocess.Popen([str(BIN / "customer-room"), "kiosk", str(sample_room_copy)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: _children(supervisor.pid), 20)
        first = _children(supervisor.pid)[0]
        log = state.parent / "kiosk.log"
        assert _wait(lambda: log.exists() and "starting" in log.read_text(), 20)
        time.sleep(2)  # the player's first step and heartbeat
        assert json.loads(state.read_text())["step"] == 1  # resumed where it was
        killed_at = time.monotonic()
        os.kill(first, signal.SIGKILL)
        assert _wait(lambda: _children(supervisor.pid) and _children(supervisor.pid)[0] != first, 20)
        assert _wait(lambda: log.read_text().count("starting") >= 2, 20)
        back = time.monotonic() - killed_at
        assert back < 15
        assert "it exited with code -9" in log.read_text()
        time.sleep(2)
        assert json.loads(state.read_text())["step"] == 1  # the same step again
    finally:
        supervisor.send_signal(signal.SIGTERM)
        try:
            supervisor.wait(15)
        except subprocess.TimeoutExpired:
            supervisor.kill()
    assert supervisor.returncode == 0
