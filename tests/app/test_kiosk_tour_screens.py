"""The kiosk on a laptop screen and three virtual walls, in a fresh process (tests/app/kiosk_tour_probe.py):
the programme loops with one-second steps across every screen, a clicker starts the tour, touches page it
and play a call on the second wall, and after the idle time the walls are back on the loop's step."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.benchmarks.live_benchmarks import screens_config


@pytest.mark.slow
def test_the_loop_and_the_tour_on_three_walls(sample_room_copy, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM=screens_config(tmp_path, 3, 1920, 1080))
    result = subprocess.run([sys.executable, "-m", "tests.app.kiosk_tour_probe", str(sample_room_copy),
                             str(tmp_path / "state")], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["screens"] == 4 and seen["walls"] == 4  # no console: the laptop screen is a wall too
    assert seen["loop"] == [[0, 2, "stage", "complaints", "journey", "asset"],
                            [1, 1, "journey", "journey", "journey", "journey"],
                            [2, 6, "stage", "warnings", "listening", "teams"],
                            [0, 2, "stage", "complaints", "journey", "asset"]]
    assert seen["tour_started"] == [True, 2, "tour", "stage", "complaints", "journey"]
    assert seen["after_late_timer"] == 2  # the loop's timer does not move a tour on
    assert seen["after_two_nexts"] == 4
    assert seen["call"] == ["house-move", "tour", "call", "complaints", "journey"]
    assert seen["call_on_wall_2"] == "CallView"
    assert seen["back_to_loop"] == [True, 0, 2, True, "stage", "complaints", "journey", "asset"]
