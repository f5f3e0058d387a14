"""Real `customer-room build` processes stopped part-way (issue 17, points 7 and 9).

SIGTERM: the build stops as Ctrl+C does and removes its unfinished file. SIGKILL, 20 times at moments
spread over a build from a fixed seed: what is left at the output is nothing or the complete room; a
leftover NAME.building is refused by `open`, `check` and `info` in one sentence; the next build
removes it. The moment of each kill is chosen after the build's file is seen (polled for), so the
kills fall from the first page written to after the rename.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage.build_marker import unfinished_build_sentence
from customer_room_desktop.storage.errors import NotARoomError
from customer_room_desktop.storage.room_file import inspect_room

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and SIGTERM need a POSIX system")

RUNS = 20
SEED = 17
COMPLAINT_ROWS = 40_000  # a build of about a second on a 2-core machine: long enough to kill part-way
_CLI = "import sys; from customer_room_desktop.app.cli import main; sys.exit(main())"


def _enlarge(source: Path, rows: int) -> None:
    csv = source / "data" / "complaints.csv"
    heading, *examples = csv.read_text().splitlines()
    lines = [heading]
    for number in range(rows):
        ref = examples[number % len(examples)].split(",")
        ref[6] = f"C{number}"
        lines.append(",".join(ref))
    csv.write_text("\n".join(lines) + "\n")


def _start_build(source: Path, output: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _CLI, "build", str(source), "-o", str(output), "--force"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        facts = path.stat()
    except FileNotFoundError:
        return None
    return facts.st_ino, facts.st_ctime_ns


def _wait_for_new_file(path: Path, before: tuple[int, int] | None, process: subprocess.Popen) -> float:
    """Poll until this build's own NAME.building exists (not one an earlier kill left); return the time."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        now = _identity(path)
        if now is not None and now != before:
            return time.monotonic()
        if process.poll() is not None:
            _, err = process.communicate()
            raise AssertionError(f"the build ended (exit {process.returncode}) before its file appeared: {err}")
        time.sleep(0.0005)
    process.kill()
    raise AssertionError(f"{path} did not appear within 30 s")


def test_sigterm_stops_a_build_and_removes_its_unfinished_file(tiny_source, tmp_path):
    _enlarge(tiny_source, COMPLAINT_ROWS // 4)  # still far longer than one poll
    output = tmp_path / "t.croom"
    process = _start_build(tiny_source, output)
    _wait_for_new_file(output.with_name("t.croom.building"), None, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.endswith("customer-room: stopped.\n") and "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == [tiny_source]


@dataclass
class Run:
    delay: float
    killed_while_running: bool = False
    output: str = ""  # "none" or "complete"
    leftover: str = ""  # "" or the leftover files' suffixes


@pytest.mark.slow
def test_sigkill_at_any_moment_leaves_nothing_or_the_whole_room(tiny_source, tmp_path, capsys):
    _enlarge(tiny_source, COMPLAINT_ROWS)
    output = tmp_path / "t.croom"
    partial = output.with_name("t.croom.building")
    # three builds to time, from the file appearing to the process ending; the shortest is used, so that on
    # a busy machine (a slow first build) the kills still land during builds rather than after them
    spans = []
    for _ in range(3):
        process = _start_build(tiny_source, output)
        seen = _wait_for_new_file(partial, _identity(partial), process)
        process.communicate(timeout=60)
        assert process.returncode == 0
        spans.append(time.monotonic() - seen)
        output.unlink()
    span = min(spans)

    rng = random.Random(SEED)
    # stratified: one kill in each twentieth of 1.1 spans, so some land after the build has finished
    runs = [Run(span * 1.1 * (i + rng.random()) / RUNS) for i in range(RUNS)]
    rng.shuffle(runs)
    failures: list[str] = []
    for number, run in enumerate(runs, start=1):
        output.unlink(missing_ok=True)  # what is at the output afterwards is this run's doing; leftovers stay
        before = _identity(partial)
        process = _start_build(tiny_source, output)
        seen = _wait_for_new_file(partial, before, process)
        while time.monotonic() < seen + run.delay and process.poll() is None:
            time.sleep(0.0005)
        run.killed_while_running = process.poll() is None
        process.kill()
        _, err = process.communicate(timeout=30)
        if not run.killed_while_running and process.returncode != 0:
            failures.append(f"run {number}: the build failed on its own: {err.strip()}")
        failures += _outcome(number, run, output, partial, capsys)

    build_room(tiny_source, output, replace=True)  # the next build, uninterrupted
    assert sorted(p.name for p in tmp_path.glob("t.croom*")) == ["t.croom"]

    killed = sum(run.killed_while_running for run in runs)
    print(f"\n{RUNS} runs (seed {SEED}, build span {span:.2f} s): {killed} killed part-way, "
          f"{RUNS - killed} after finishing; {sum(bool(run.leftover) for run in runs)} left an unfinished room "
          f"(files left: {sorted({run.leftover for run in runs if run.leftover})}), "
          f"{sum(run.output == 'complete' for run in runs)} the complete room; {len(failures)} failures")
    assert not failures, "\n".join(failures)
    assert killed >= RUNS // 2  # the kills did land during builds


def _outcome(number: int, run: Run, output: Path, partial: Path, capsys) -> list[str]:
    """Check what one kill left; return what went wrong."""
    failures = []
    capsys.readouterr()
    if output.exists():
        run.output = "complete"
        if main(["check", str(output)]) != 0:
            failures.append(f"run {number}: {output.name} is there but check finds: {capsys.readouterr().out}")
    else:
        run.output = "none"
    run.leftover = " ".join(sorted(p.name.removeprefix(partial.name) or "." for p in
                                   partial.parent.glob(partial.name + "*")))
    if partial.exists():
        sentence = f"customer-room: {unfinished_build_sentence(partial)}\n"
        try:
            inspect_room(partial)
            failures.append(f"run {number}: `open` would take the unfinished room for a room")
        except NotARoomError as refused:
            if str(refused) != unfinished_build_sentence(partial):
                failures.append(f"run {number}: `open` refused it with: {refused}")
        for command in ("check", "info"):
            capsys.readouterr()
            status = main([command, str(partial)])
            err = capsys.readouterr().err
            if status != 2 or err != sentence:
                failures.append(f"run {number}: `{command}` on the unfinished room: exit {status}, {err!r}")
    return failures


@pytest.fixture(autouse=True)
def _no_stray_builds():
    """A failed assertion must not leave a build running."""
    before = set(_children())
    yield
    for pid in set(_children()) - before:
        os.kill(pid, signal.SIGKILL)


def _children() -> list[int]:
    try:
        text = Path(f"/proc/self/task/{os.getpid()}/children").read_text()
    except OSError:
        return []
    return [int(pid) for pid in text.split()]
