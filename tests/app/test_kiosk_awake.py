"""The kiosk holds the screensaver off through the freedesktop interface, and lets go, on a private session
bus (dbus-run-session) with a stand-in screensaver service."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
CLIENT = """
import subprocess, sys, time
from PySide6.QtCore import QCoreApplication
from customer_room_desktop.app.kiosk_awake import KeepAwake
app = QCoreApplication([])
awake = KeepAwake()
print("without a service:", awake.hold() or "held", flush=True)
service = subprocess.Popen([sys.executable, sys.argv[1], "8000"], stdout=subprocess.PIPE, text=True)
assert service.stdout.readline().strip() == "ready"
print("with a service:", awake.hold() or "held", flush=True)
time.sleep(0.5)
awake.release()
print("held after release:", awake.held, flush=True)
time.sleep(1)
service.terminate()
print(service.stdout.read(), flush=True)
"""


@pytest.mark.skipif(sys.platform != "linux" or not shutil.which("dbus-run-session"),
                    reason="needs dbus-run-session (Debian package dbus-daemon)")
def test_the_screensaver_is_held_off_and_let_go(tmp_path):
    script = tmp_path / "client.py"
    script.write_text(CLIENT)
    result = subprocess.run(["dbus-run-session", "--", sys.executable, str(script), str(HERE / "fake_screensaver.py")],
                            capture_output=True, text=True, timeout=60)
    said = result.stdout
    assert "without a service: The desktop has no screensaver service to hold off" in said
    assert "with a service: held" in said
    assert "inhibit Customer Room" in said
    assert "released " in said.split("inhibit Customer Room", 1)[1]  # the service saw the inhibit go
    assert "held after release: False" in said
