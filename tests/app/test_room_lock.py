"""One live room per room file: real `customer-room` processes against one room, and the lock itself."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo

from customer_room_desktop.app.room_lock import LiveRoomLock, LockHolder, RoomOpenLive, holder_sentence, lock_path

SCRIPT = Path(sys.executable).parent / "customer-room"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "customer_room_desktop.app.cli"]
DEADLINE_S = 60.0
POLL_S = 0.05
VIEW_ONLY_NOTICE = "Open for viewing only, because"


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """A private user: own HOME and XDG_DATA_HOME (so walls.json and the demo room are private), offscreen Qt."""
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("CUSTOMER_ROOM_DATA_DIR", "CUSTOMER_ROOM_QUIT_WHEN_SHOWN")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    return env


def run(env: dict[str, str], *args: str | Path, quit_when_shown: bool = False) -> subprocess.CompletedProcess:
    """A `customer-room` command run to its end (a window only with quit_when_shown: it quits once painted)."""
    if quit_when_shown:
        env = dict(env, CUSTOMER_ROOM_QUIT_WHEN_SHOWN="1")
    return subprocess.run([*COMMAND, *map(str, args)], env=env, capture_output=True, text=True,
                          timeout=DEADLINE_S, stdin=subprocess.DEVNULL)


def wait_until(condition: Callable[[], bool], what: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        if process is not None and process.poll() is not None:
            pytest.fail(f"the process ended (status {process.returncode}) before {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {DEADLINE_S:.0f} s")
        time.sleep(POLL_S)


def lock_pid(room: Path) -> int | None:
    try:
        first_line = lock_path(room).read_text().split("\n", 1)[0]
    except OSError:
        return None
    return int(first_line) if first_line.isdigit() else None


@pytest.fixture
def live_room(sample_room_copy: Path, user_env: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen]:
    """`customer-room open ROOM` running, once it holds the room's lock."""
    with (tmp_path / "first.err").open("w") as errors:
        process = subprocess.Popen([*COMMAND, "open", str(sample_room_copy)], env=user_env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        wait_until(lambda: lock_pid(sample_room_copy) == process.pid, "lock taken by the first window", process)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=DEADLINE_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def assert_refused(result: subprocess.CompletedProcess, room_name: str, pid: int) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (sentence,) = result.stderr.strip().splitlines()
    host = QSysInfo.machineHostName() or socket.gethostname()
    assert sentence.startswith(f"customer-room: {room_name} is open live on {host} (process {pid}) since ")
    assert sentence.endswith("; open it for viewing only with --view-only.")


@pytest.mark.slow
def test_a_second_window_is_refused_views_only_on_request_and_takes_over_after_a_crash(
        live_room, sample_room_copy, user_env):
    second = run(user_env, "open", sample_room_copy)
    assert_refused(second, sample_room_copy.name, live_room.pid)

    viewer = run(user_env, "open", sample_room_copy, "--view-only", quit_when_shown=True)
    assert viewer.returncode == 0, viewer.stderr
    assert "Traceback" not in viewer.stderr
    assert f"customer-room: {VIEW_ONLY_NOTICE} it was opened read-only on request" in viewer.stderr
    assert live_room.poll() is None and lock_pid(sample_room_copy) == live_room.pid  # the viewer left it alone

    live_room.kill()  # SIGKILL: no clean-up, the lock file stays behind
    live_room.wait(timeout=DEADLINE_S)
    assert lock_pid(sample_room_copy) == live_room.pid

    third = run(user_env, "open", sample_room_copy, quit_when_shown=True)
    assert third.returncode == 0, third.stderr
    assert "Traceback" not in third.stderr and VIEW_ONLY_NOTICE not in third.stderr  # live, not viewing
    assert not lock_path(sample_room_copy).exists()  # released on shut-down


def test_view_only_opens_a_room_nobody_has_open_and_leaves_no_lock(sample_room_copy, user_env):
    result = run(user_env, "open", "--view-only", sample_room_copy, quit_when_shown=True)
    assert result.returncode == 0, result.stderr
    assert f"{VIEW_ONLY_NOTICE} it was opened read-only on request" in result.stderr
    assert not lock_path(sample_room_copy).exists()


@pytest.mark.slow
def test_demo_is_refused_and_not_rebuilt_while_it_is_open_live(sample_room, user_env):
    demo = Path(user_env["XDG_DATA_HOME"]) / "customer-room" / "harbourline-demo.croom"
    demo.parent.mkdir(parents=True)
    shutil.copyfile(sample_room, demo)
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    with LiveRoomLock.acquire(demo) as lock:  # this test process has the demo room open live
        assert lock.held
        assert_refused(run(user_env, "demo"), demo.name, os.getpid())
        assert_refused(run(user_env, "demo", "--rebuild"), demo.name, os.getpid())
        assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
        viewer = run(user_env, "demo", "--view-only", quit_when_shown=True)
        assert viewer.returncode == 0, viewer.stderr
        assert VIEW_ONLY_NOTICE in viewer.stderr


# -- the lock itself, in this process -------------------------------------------------------------

def test_the_lock_sits_beside_the_room_names_its_holder_and_goes_on_release(tmp_path):
    room = tmp_path / "harbourline.croom"
    with LiveRoomLock.acquire(room) as lock:
        assert lock.held and lock.path == tmp_path / "harbourline.croom.lock" and lock.path.exists()
        with pytest.raises(RoomOpenLive) as refused:
            LiveRoomLock.acquire(room)
        holder = refused.value.holder
        assert holder is not None and holder.pid == os.getpid()
        assert holder.hostname == QSysInfo.machineHostName() and holder.app_name
        assert holder.since is not None and abs((datetime.now() - holder.since).total_seconds()) < 60
        assert refused.value.holder_sentence() == (
            f"harbourline.croom is open live on {holder.hostname} (process {holder.pid}) "
            f"since {holder.since:%H:%M}; open it for viewing only with --view-only.")
    assert not lock.held and not lock.path.exists()
    lock.release()  # twice is harmless
    with LiveRoomLock.acquire(room) as again:
        assert again.held


def test_the_holder_sentence_gives_the_date_when_the_lock_is_from_another_day():
    today = datetime.now().replace(hour=14, minute=2)
    holder = LockHolder(4121, "laptop-7", "python3.11", today)
    assert holder_sentence(Path("/rooms/harbourline.croom"), holder) == (
        "harbourline.croom is open live on laptop-7 (process 4121) since 14:02; "
        "open it for viewing only with --view-only.")
    earlier = LockHolder(4121, "laptop-7", "python3.11", datetime(2026, 3, 3, 14, 2))
    assert "(process 4121) since 2026-03-03 14:02;" in holder_sentence("harbourline.croom", earlier)


def test_an_unreadable_lock_holds_while_fresh_and_is_taken_over_once_old(tmp_path):
    room = tmp_path / "harbourline.croom"
    lock_path(room).write_bytes(b"")  # a lock whose writer was cut short (or is still writing)
    with pytest.raises(RoomOpenLive) as refused:
        LiveRoomLock.acquire(room)
    assert refused.value.holder is None
    assert str(refused.value) == ("harbourline.croom is open live in another Customer Room window; "
                                  "open it for viewing only with --view-only.")
    old = time.time() - 60
    os.utime(lock_path(room), (old, old))
    with LiveRoomLock.acquire(room) as lock:
        assert lock.held and lock_pid(room) == os.getpid()


@pytest.fixture
def read_only_folder(tmp_path: Path, sample_room: Path) -> Iterator[Path]:
    """A folder holding a copy of the sample room that this process cannot write: chmod 0o555, or when
    we are root (which chmod does not stop) a tmpfs remounted read-only."""
    folder = tmp_path / "usb"
    folder.mkdir()
    mounted = False
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)],
                                 capture_output=True).returncode == 0
    shutil.copyfile(sample_room, folder / "harbourline.croom")
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        probe = folder / "probe"
        try:
            probe.write_bytes(b"")
        except OSError:
            yield folder
        else:
            probe.unlink()
            pytest.skip("the folder is still writable (root without mount): no read-only folder here")
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)
        else:
            folder.chmod(0o755)


def test_a_read_only_folder_gives_no_lock_and_the_room_opens_for_viewing(read_only_folder, user_env):
    room = read_only_folder / "harbourline.croom"
    with LiveRoomLock.acquire(room) as lock:
        assert not lock.held and not lock.problem and not lock_path(room).exists()
    result = run(user_env, "open", room, quit_when_shown=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # the file or its folder is read-only, whichever the room file finds first
    assert f"customer-room: {VIEW_ONLY_NOTICE} " in result.stderr and "read-only:" in result.stderr
