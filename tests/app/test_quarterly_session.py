"""Runs quarterly_session_flow.py (qtbot, real room file, real windows) on three virtual screens."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.mark.slow
@pytest.mark.vlc  # the session plays a recorded call
def test_the_scripted_quarterly_session_the_exercise_and_the_resume_pass_on_three_screens(tmp_path):
    screens = [{"name": name, "x": 1920 * n, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
                "logicalBaseDpi": 96, "dpr": 1} for n, name in enumerate(("laptop", "wall-1", "wall-2"))]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QUARTERLY_OUT=str(tmp_path / "out"),
               CUSTOMER_ROOM_VLC_ARGS="--aout=dummy --vout=dummy", CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             str(HERE / "quarterly_session_flow.py")], env=env, cwd=HERE.parents[1],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout
    for fmt in ("pdf", "md", "html", "csv"):
        assert (tmp_path / "out" / f"minutes.{fmt}").stat().st_size > 150
    assert (tmp_path / "out" / "handout.pdf").stat().st_size > 10_000
