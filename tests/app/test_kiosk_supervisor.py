"""The kiosk's supervisor with real child processes: players that crash, hang, grow, or behave."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from customer_room_desktop.app.kiosk_supervisor import (
    EXIT_LEFT_WITH_PIN, LOG_BYTES, Supervisor, SupervisorSettings, capped_log,
)

QUICK = SupervisorSettings(heartbeat_timeout=1.5, memory_cap_mb=400, max_restarts=3, restart_window=60,
                           retry_after=1.0, poll=0.1)


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def counting(marks: Path, then: str) -> list[str]:
    """A player that records that it started, beats once, then does ``then``."""
    return python(f"import sys, time\nopen({str(marks)!r}, 'a').write('started\\n')\n"
                  f"print('heartbeat', flush=True)\n{then}")


def test_a_player_that_crashes_is_started_again(tmp_path):
    marks = tmp_path / "starts"
    supervisor = Supervisor(counting(marks, "sys.exit(2)"), python("pass"), tmp_path / "state", QUICK)
    supervisor.run(rounds=3)
    assert marks.read_text().count("started") == 3
    assert "it exited with code 2" in (tmp_path / "state" / "kiosk.log").read_text()


@pytest.mark.slow
def test_a_player_whose_heartbeat_stops_is_killed_and_started_again(tmp_path):
    marks = tmp_path / "starts"
    started = time.monotonic()
    Supervisor(counting(marks, "time.sleep(60)"), python("pass"), tmp_path / "state", QUICK).run(rounds=2)
    assert marks.read_text().count("started") == 2
    assert time.monotonic() - started < 20  # not the 60 s the hung player would have taken
    assert "no heartbeat for" in (tmp_path / "state" / "kiosk.log").read_text()


def test_a_player_past_the_memory_cap_is_started_again(tmp_path):
    marks = tmp_path / "starts"
    # It grows 40 MB at a time and beats between steps, so it passes the cap while still alive however
    # long the machine takes to find the pages (600 MB at once outlasted the heartbeat on a busy one).
    grow = ("blocks = []\nwhile True:\n    if len(blocks) < 15:\n        blocks.append(bytearray(40 * 2**20))\n"
            "    print('heartbeat', flush=True)\n    time.sleep(0.02)")
    Supervisor(counting(marks, grow), python("pass"), tmp_path / "state", QUICK).run(rounds=2)
    assert "past the cap of 400 MB" in (tmp_path / "state" / "kiosk.log").read_text()


def test_after_repeated_crashes_the_safe_screen_shows_then_the_room_is_tried_again(tmp_path):
    marks, safe = tmp_path / "starts", tmp_path / "safe"
    safe_screen = python(f"import time\nopen({str(safe)!r}, 'a').write('safe\\n')\ntime.sleep(30)")
    supervisor = Supervisor(counting(marks, "sys.exit(1)"), safe_screen, tmp_path / "state", QUICK)
    supervisor.run(rounds=QUICK.max_restarts + 2)  # three crashes, the safe screen, then the room again
    assert safe.read_text().count("safe") == 1
    assert marks.read_text().count("started") == QUICK.max_restarts + 1
    log = (tmp_path / "state" / "kiosk.log").read_text()
    assert "3 restarts within 1 min: the safe screen" in log


def test_a_player_left_with_the_pin_is_not_started_again(tmp_path):
    marks = tmp_path / "starts"
    supervisor = Supervisor(counting(marks, f"sys.exit({EXIT_LEFT_WITH_PIN})"), python("pass"), tmp_path / "state",
                            QUICK)
    supervisor.run(rounds=3)
    assert marks.read_text().count("started") == 1
    assert "left the kiosk with its PIN" in (tmp_path / "state" / "kiosk.log").read_text()


def test_the_log_never_grows_past_its_cap(tmp_path):
    log = capped_log(tmp_path / "capped")
    for number in range(20_000):
        log.info("player stopped: it exited with code %d after a long line of detail %s", number, "x" * 100)
    files = list((tmp_path / "capped").glob("kiosk.log*"))
    assert sum(path.stat().st_size for path in files) <= 3 * LOG_BYTES + 1024


@pytest.fixture(autouse=True)
def _default_signals():
    """The supervisor installs SIGTERM and SIGINT handlers; put pytest's back afterwards."""
    import signal
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGTERM, before[0])
    signal.signal(signal.SIGINT, before[1])


def test_systemd_hears_ready_and_the_watchdog_while_the_player_runs(tmp_path, monkeypatch):
    import socket

    address = str(tmp_path / "notify")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(address)
    listener.settimeout(5)
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    marks = tmp_path / "starts"
    Supervisor(counting(marks, "time.sleep(0.5)"), python("pass"), tmp_path / "state", QUICK).run(rounds=1)
    heard = []
    listener.settimeout(0.2)
    try:
        while True:
            heard.append(listener.recv(100).decode())
    except TimeoutError:
        pass
    listener.close()
    assert heard[0] == "READY=1" and "WATCHDOG=1" in heard and heard[-1] == "STOPPING=1"
