"""Unplug and replug a wall on a real X server: Xvfb with monitors set by xrandr (see DESIGN.md)."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("hotplug_probe.py")
NEEDED = ("Xvfb", "xrandr")


@pytest.fixture
def x_server():
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb x11-xserver-utils)")
    display = f":{40 + os.getpid() % 50}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "3840x1080x24", "-noreset", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        for _ in range(50):
            if subprocess.run(["xrandr", "--listmonitors"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        subprocess.run(["xrandr", "--setmonitor", "LAPTOP", "1920/500x1080/300+0+0", "screen"], env=env, check=True)
        subprocess.run(["xrandr", "--setmonitor", "WALL1", "1920/500x1080/300+1920+0", "none"], env=env, check=True)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.xvfb
def test_a_wall_survives_unplug_and_replug(x_server, sample_room, tmp_path):
    result = subprocess.run([sys.executable, str(PROBE), str(sample_room), str(tmp_path / "walls.json")],
                            capture_output=True, text=True, env=x_server, cwd=Path(__file__).parents[2], timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    steps = json.loads(result.stdout.strip().splitlines()[-1])
    plugged, unplugged, replugged = steps["plugged"], steps["unplugged"], steps["replugged"]
    assert plugged["walls"] == [{"identity": "name:WALL1::", "visible": True, "geometry": [1920, 0, 1920, 1080],
                                 "present": True, "stage": 5, "view": "stage"}]
    # unplugged: the wall is hidden (not thrown onto the laptop), the console map shows its placeholder
    assert [w["visible"] for w in unplugged["walls"]] == [False]
    assert unplugged["console_map"] == [{"name": "WALL1", "present": False}]
    # replugged: the same wall, on its monitor, still showing the stage the room is on
    assert replugged["walls"] == plugged["walls"]
    assert replugged["position"] == 5


@pytest.mark.slow
@pytest.mark.xvfb
def test_a_kiosk_wall_unplugged_and_plugged_in_again_gets_its_view_back(x_server, sample_room, tmp_path):
    result = subprocess.run([sys.executable, str(PROBE), str(sample_room), str(tmp_path / "walls.json"), "--kiosk"],
                            capture_output=True, text=True, env=x_server, cwd=Path(__file__).parents[2], timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    steps = json.loads(result.stdout.strip().splitlines()[-1])
    plugged, unplugged, replugged = steps["plugged"], steps["unplugged"], steps["replugged"]
    # no console: the laptop's screen is wall 1 (journey), the wall monitor wall 2 (the stage's complaints)
    assert [(w["identity"], w["view"], w["present"]) for w in plugged["walls"]] == [
        ("name:LAPTOP::", "journey", True), ("name:WALL1::", "complaints", True)]
    assert [w["visible"] for w in unplugged["walls"]] == [True, False]
    assert replugged["walls"] == plugged["walls"]
    assert replugged["position"] == 5
