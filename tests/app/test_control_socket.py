"""The facilitator's path, driven through a real `customer-room open --control` process on an X server
with a laptop and three wall monitors (Xvfb, monitors set by xrandr), asserting on `state` replies."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time

import pytest

from .control_client import ControlClient, connect, private_env, start_room

MONITORS = [("LAPTOP", 0, "screen"), ("WALL1", 1920, "none"), ("WALL2", 3840, "none"), ("WALL3", 5760, "none")]


def xrandr(env: dict, *args: str) -> None:
    subprocess.run(["xrandr", *args], env=env, check=True, capture_output=True)


def plug(env: dict, name: str, x: int, output: str = "none") -> None:
    xrandr(env, "--setmonitor", name, f"1920/500x1080/300+{x}+0", output)


@pytest.fixture
def x_server(tmp_path):
    if not all(shutil.which(tool) for tool in ("Xvfb", "xrandr")):
        pytest.skip("needs Xvfb and xrandr (Debian: xvfb x11-xserver-utils)")
    display = f":{60 + os.getpid() % 30}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "7680x1080x24", "-noreset", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = private_env(tmp_path, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["xrandr", "--listmonitors"], env=env, capture_output=True).returncode != 0:
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        for name, x, output in MONITORS:
            plug(env, name, x, output)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def room(sample_room, tmp_path):
    path = tmp_path / "room.croom"
    shutil.copyfile(sample_room, path)
    return path


def until(client: ControlClient, check, timeout: float = 15.0) -> dict:
    """Ask for the state until ``check`` holds (screen changes settle in the room's own time)."""
    deadline = time.monotonic() + timeout
    while True:
        state = client.ok("state")
        if check(state):
            return state
        assert time.monotonic() < deadline, state
        time.sleep(0.05)


def views(state: dict) -> list:
    return [wall["view"] for wall in state["walls"]]


@pytest.mark.slow
@pytest.mark.xvfb
def test_the_facilitators_path_through_the_control_socket(x_server, room, tmp_path):
    control = tmp_path / "room.sock"
    process = start_room(room, control, x_server)
    client = connect(process, control)
    try:
        state = until(client, lambda s: len(s["walls"]) == 3)
        assert views(state) == ["stage", "complaints", "journey"]
        assert state["stage"]["number"] == 1 and state["next"]["number"] == 2
        assert oct(control.stat().st_mode & 0o777) == oct(0o700) or control.stat().st_mode & 0o077 == 0

        # a refusal is one sentence and changes nothing
        refused = client.send("go", stage=42)
        assert refused == {"id": refused["id"], "ok": False,
                           "error": "There is no stage 42: the journey has stages 1 to 7."}
        assert client.raw(b"not json\n")["error"].startswith("A request must be one JSON object")

        started = client.ok("start_session", title="Control socket rehearsal", cadence="workshop")
        assert started["session"]["status"] == "live"

        # conversation 2 borrows every wall: the personas, then an artifact and an exercise take the oldest
        state = client.ok("conversation", number=2)
        assert [w["borrowed_by"]["by"] for w in state["walls"]] == ["persona"] * 3
        assert all(w["view"].startswith("persona:") and "conversation 2" in w["borrowed_by"]["reason"]
                   for w in state["walls"])
        client.ok("show_artifact", key="renewal-notice")
        state = client.ok("start_exercise", artifact="home-claim-form")
        assert {"artifact", "exercise"} <= set(views(state))

        # conversation 3 always gets its tally on a wall, and ends conversation 2's borrowings
        state = client.ok("conversation", number=3)
        assert "tally" in views(state) and "exercise" in views(state)  # the exercise still runs
        assert not any(w["borrowed_by"] and w["borrowed_by"]["by"] == "persona" for w in state["walls"])

        # choosing a view for a wall takes effect at once and ends its borrowing; release gives it back
        state = client.ok("assign", wall=2, view="teams")
        assert state["walls"][1]["view"] == "teams" and state["walls"][1]["borrowed_by"] is None
        client.ok("stop_exercise")
        state = client.ok("show_artifact", key="renewal-notice")
        borrowed = next(w for w in state["walls"] if w["view"] == "artifact")
        state = client.ok("release", wall=borrowed["number"])
        assert state["walls"][borrowed["number"] - 1]["view"] == state["walls"][borrowed["number"] - 1]["assigned"]

        # a capture records what the walls show; a second start restarts nothing
        client.ok("go", stage=5)
        client.ok("capture", kind="decision", text="Fix the claim form first")
        again = client.ok("start_session")
        assert again["session"]["started_at"] == started["session"]["started_at"]
        assert again["stage"]["number"] == 5

        # unplugging one wall of three changes no other wall; replugging gives it back
        before = client.ok("state")
        xrandr(x_server, "--delmonitor", "WALL2")
        state = until(client, lambda s: not s["walls"][1]["present"])
        assert [w["assigned"] for w in state["walls"]] == [w["assigned"] for w in before["walls"]]
        assert state["walls"][2]["view"] == before["walls"][2]["view"]
        plug(x_server, "WALL2", 3840)
        state = until(client, lambda s: s["walls"][1]["present"])
        assert state["walls"][1]["view"] == "teams"

        # the last stage: Next shows nothing more
        assert client.ok("go", stage=7)["next"] is None
        assigned = [w["assigned"] for w in client.ok("go", stage=5)["walls"]]
    finally:
        client.close()
        process.send_signal(signal.SIGKILL)  # a crash, mid-session
        process.wait(timeout=30)

    # after the crash the room offers to resume, and resuming puts it back where it stood
    process = start_room(room, control, x_server)
    client = connect(process, control)
    try:
        state = until(client, lambda s: len(s["walls"]) == 3)
        assert state["session"]["status"] == "interrupted"
        refused = client.send("capture", kind="note", text="too early")
        assert not refused["ok"] and "Resume or close" in refused["error"]
        state = client.ok("resume")
        assert state["session"]["status"] == "live" and state["session"]["conversation"] == 3
        assert state["stage"]["number"] == 5 and "tally" in views(state)
        assert views(state)[1] == "teams"  # remembered by the monitor's identity across the restart
        assert [w["assigned"] for w in state["walls"]] == assigned
        client.ok("quit")
        assert process.wait(timeout=30) == 0
    finally:
        client.close()
        if process.poll() is None:
            process.kill()
