"""A client for `customer-room open --control PATH`, as a test (or a user's script) would write it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parents[2]


class ControlClient:
    def __init__(self, path: Path, timeout: float = 30.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(str(path))
        self.reader = self.sock.makefile("r", encoding="utf-8")
        self.next_id = 0

    def send(self, cmd: str, **fields) -> dict:
        self.next_id += 1
        request = {"id": self.next_id, "cmd": cmd, **fields}
        self.sock.sendall((json.dumps(request) + "\n").encode("utf-8"))
        reply = json.loads(self.reader.readline())
        assert reply["id"] == self.next_id, reply
        return reply

    def raw(self, line: bytes) -> dict:
        self.sock.sendall(line)
        return json.loads(self.reader.readline())

    def ok(self, cmd: str, **fields) -> dict:
        reply = self.send(cmd, **fields)
        assert reply["ok"], reply
        return reply["state"]

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


def start_room(room: Path, control: Path, env: dict, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "customer_room_desktop.app.cli", "open", str(room),
                             "--control", str(control), *extra],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def connect(process: subprocess.Popen, control: Path, deadline_s: float = 60.0) -> ControlClient:
    """Wait until the room listens (its socket accepts), or fail with what the room printed."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the room exited with {process.returncode}: {process.stderr.read()[-3000:]}")
        if control.exists():
            try:
                return ControlClient(control)
            except OSError:
                pass
        time.sleep(0.05)  # polling for another process's socket: there is no signal to wait on
    process.kill()
    raise AssertionError("the room did not listen on its control socket within a minute")


def private_env(tmp: Path, **more: str) -> dict:
    env = dict(os.environ, HOME=str(tmp / "home"), XDG_DATA_HOME=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), CUSTOMER_ROOM_VLC_ARGS="--aout=dummy --vout=dummy")
    env.update(more)
    return env
