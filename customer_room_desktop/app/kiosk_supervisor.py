"""Keeps a kiosk room running for weeks: starts the player as a child process and starts it again
when it stops answering, dies, or grows too big.

The player writes a line "heartbeat" to its standard output every few seconds from its event loop.
When none has come for ``heartbeat_timeout`` seconds, when it exits, or when its resident memory
passes ``memory_cap_mb``, the supervisor kills it and starts it again; the player resumes on the
step it was on (it keeps that in the state folder, never in the room). After ``max_restarts`` within
``restart_window`` seconds, the supervisor shows a plain safe screen instead (the same player, asked
for the safe screen only) and tries the room again every ``retry_after`` seconds.

Under systemd (a user unit with WatchdogSec) the supervisor tells systemd it is ready and feeds the
watchdog while its loop runs. Its log is capped in size.
"""

from __future__ import annotations

import contextlib
import logging
import os
import selectors
import signal
import socket
import subprocess
import time
from collections import deque
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ..domain.records import record

HEARTBEAT = "heartbeat"
EXIT_LEFT_WITH_PIN = 3  # the player's exit status when someone typed the exit PIN: stop, do not restart
LOG_BYTES, LOG_FILES = 512 * 1024, 3  # at most 2 MB of log, whatever happens


@record
class SupervisorSettings:
    heartbeat_timeout: float = 30.0
    memory_cap_mb: float = 1500.0
    max_restarts: int = 5
    restart_window: float = 30 * 60.0
    retry_after: float = 10 * 60.0
    poll: float = 1.0


DEFAULT_SETTINGS = SupervisorSettings()


def resident_mb(pid: int) -> float | None:
    """Resident memory of a process, from /proc (None where there is no /proc, or it has gone)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def capped_log(state_dir: Path) -> logging.Logger:
    state_dir.mkdir(parents=True, exist_ok=True)
    log = logging.getLogger(f"customer-room.kiosk.{state_dir}")
    if not log.handlers:
        handler = RotatingFileHandler(state_dir / "kiosk.log", maxBytes=LOG_BYTES, backupCount=LOG_FILES - 1,
                                      encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


class SystemdNotifier:
    """sd_notify over $NOTIFY_SOCKET, written here rather than adding a dependency; silent elsewhere."""

    def __init__(self) -> None:
        address = os.environ.get("NOTIFY_SOCKET", "")
        self._address = "\0" + address[1:] if address.startswith("@") else address
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) if address else None

    def notify(self, message: str) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):  # systemd gone: nothing to tell
                self._socket.sendto(message.encode(), self._address)


class Supervisor:
    """``player`` is the command that runs the room; ``safe_screen`` the one that shows the safe screen."""

    def __init__(self, player: list[str], safe_screen: list[str], state_dir: Path,
                 settings: SupervisorSettings = DEFAULT_SETTINGS,
                 clock: Callable[[], float] = time.monotonic):
        self.player, self.safe_screen, self.settings, self.clock = player, safe_screen, settings, clock
        self.log = capped_log(state_dir)
        self.restarts: deque[float] = deque()
        self.starts = 0
        self.last_exit: int | None = None
        self._stopping = False
        self._systemd = SystemdNotifier()

    def stop(self, *_: object) -> None:
        self._stopping = True

    def run(self, rounds: int | None = None) -> int:
        """Supervise until stopped (SIGTERM, SIGINT) or after ``rounds`` runs of the player (tests)."""
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self._systemd.notify("READY=1")
        while not self._stopping and (rounds is None or self.starts < rounds):
            if self._too_many_restarts():
                self._show_safe_screen()
                continue
            reason = self._run_once(self.player)
            self.log.info("player stopped: %s", reason)
            if self.last_exit == EXIT_LEFT_WITH_PIN:
                self.log.info("someone left the kiosk with its PIN")
                break
            if reason != "stopped":
                self.restarts.append(self.clock())
        self._systemd.notify("STOPPING=1")
        return 0

    def _too_many_restarts(self) -> bool:
        now = self.clock()
        while self.restarts and now - self.restarts[0] > self.settings.restart_window:
            self.restarts.popleft()
        return len(self.restarts) >= self.settings.max_restarts

    def _show_safe_screen(self) -> None:
        self.log.info("%d restarts within %g min: the safe screen, then the room again after %g min",
                      len(self.restarts), self.settings.restart_window / 60, self.settings.retry_after / 60)
        self._run_once(self.safe_screen, lifetime=self.settings.retry_after)
        self.restarts.clear()

    def _run_once(self, command: list[str], lifetime: float | None = None) -> str:
        """Run ``command`` until it exits, stops its heartbeat, grows past the cap, or ``lifetime`` ends;
        return why it stopped."""
        self.starts += 1
        self.log.info("starting %s", " ".join(command))
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        assert child.stdout is not None
        started = last_beat = self.clock()
        reason = "stopped"
        self.last_exit = None
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)
            while True:
                self._systemd.notify("WATCHDOG=1")
                if self._stopping:
                    break
                if selector.select(self.settings.poll):
                    line = child.stdout.readline()
                    if not line:
                        self.last_exit = child.wait()
                        reason = f"it exited with code {self.last_exit}"
                        break
                    if line.strip() == HEARTBEAT:
                        last_beat = self.clock()
                now = self.clock()
                if lifetime is not None and now - started >= lifetime:
                    break
                # The cap first: a player that grows past it often stalls while it grows, and its
                # memory is then the more useful reason in the log than its silence.
                memory = resident_mb(child.pid)
                if lifetime is None and memory is not None and memory > self.settings.memory_cap_mb:
                    reason = f"{memory:.0f} MB resident, past the cap of {self.settings.memory_cap_mb:.0f} MB"
                    break
                if lifetime is None and now - last_beat > self.settings.heartbeat_timeout:
                    reason = f"no heartbeat for {now - last_beat:.0f} s"
                    break
        _end(child)
        return reason


def _end(child: subprocess.Popen[str]) -> None:
    """Ask the child to close (SIGTERM), then kill it if it has not within 5 s."""
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    if child.stdout is not None:
        child.stdout.close()
