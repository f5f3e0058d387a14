"""The long-text benchmarks of issue 16: walls quoting 25,000-character complaint narratives, and the
minutes of a session holding a 20,000-character decision.

Real narratives (CFPB exports) run to 22,000 characters; the sample room's verbatims are a few hundred.
The minutes are made in a child process each time, so each run's peak memory is its own.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
BENCH_STAGE = 5  # "I claim": the sample's busiest stage
OPENINGS = ("On XX/XX/XXXX I", "In XXXX of last year I", "After the storm on XX/XX/XXXX I", "Two weeks later I",
            "When I finally got through, I", "Since then I", "The next morning I", "Once again I")
VERBS = ("called the claims line about", "wrote to the complaints team about", "asked the branch about",
         "sent the assessor photographs of", "was promised a call back about", "disputed the charge for",
         "uploaded the receipts for", "explained for the third time the problem with")
OBJECTS = ("the water damage to my kitchen", "the excess they took twice", "my car that was written off",
           "the renewal price that went up by {amount}", "the repair invoice of {amount}", "policy number XXXX",
           "the letter dated XX/XX/XXXX", "the settlement offer of {amount}", "the roof that still leaks")
ENDINGS = ("and nobody ever called me back.", "but the agent said the file had been closed.",
           "and I was transferred four times before the line went dead.",
           "and they told me to wait another 10 working days.", "yet the website still shows my claim as open.",
           "and I was told a supervisor would review it, which never happened.",
           "and I had to pay {amount} myself while I waited.", "so I am filing this complaint.")


def long_narrative(length: int, seed: int = 16) -> str:
    """A CFPB-like complaint narrative of exactly ``length`` characters: varied sentences, redacted
    dates (XX/XX/XXXX), amounts, and a last sentence cut where the length ends."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < length:
        amount = f"${rng.randrange(80, 9000):,}.{rng.randrange(100):02d}"
        sentence = " ".join((rng.choice(OPENINGS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(ENDINGS)))
        parts.append(sentence.replace("{amount}", amount))
        size += len(parts[-1]) + 1
    text = " ".join(parts)[:length]
    return text[:-1] + "." if text.endswith(" ") else text


def long_verbatim_room(sample: Path, target: Path, position: int = BENCH_STAGE, count: int = 5,
                       length: int = 25_000) -> Path:
    """A copy of ``sample`` whose stage ``position`` quotes ``count`` narratives of ``length`` characters:
    the newest complaints with words, the ones the stage and complaints walls quote first."""
    from customer_room_desktop.storage.room_file import RoomFile

    shutil.copyfile(sample, target)
    with RoomFile.open(target) as room, room.transaction() as db:
        ids = [row[0] for row in db.execute(
            "SELECT c.id FROM complaints c JOIN stages s ON s.id = c.stage_id WHERE s.position = ? "
            "AND c.verbatim != '' ORDER BY c.received_on DESC, c.id DESC LIMIT ?", (position, count))]
        for number, complaint in enumerate(ids):
            db.execute("UPDATE complaints SET verbatim = ? WHERE id = ?",
                       (long_narrative(length, seed=number), complaint))
    return target


def _render_ms(rooms: dict[str, Path], view: str, work: Path, runs: int) -> dict[str, list[float]]:
    """``customer-room render`` in this process (what the command runs after its imports): open the room,
    read the view's data, build the widget, paint it, write the PNG. The rooms take turns, run by run,
    so a busy machine slows each alike; the first turn of each warms caches and is left out."""
    from customer_room_desktop.app.wall_render import render_view

    timings: dict[str, list[float]] = {label: [] for label in rooms}
    for _ in range(runs + 1):
        for label, room in rooms.items():
            started = time.perf_counter()
            render_view(room, view, (1920, 1080), work / f"{view.split(':')[0]}-{label}.png")
            timings[label].append((time.perf_counter() - started) * 1000)
    return {label: values[1:] for label, values in timings.items()}


def _command_s(room: Path, view: str, output: Path) -> float:
    """The whole command, as a facilitator types it: a fresh process, imports included."""
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "customer-room"), "render", str(room), "--view", view,
                    "-o", str(output)], cwd=ROOT, check=True, capture_output=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return time.perf_counter() - started


def bench_long_verbatim_render(work: Path, runs: int = 7, position: int = BENCH_STAGE) -> dict:
    from .room_benchmarks import sample_copy

    sample = sample_copy(work, "verbatims-sample.croom")
    long_room = long_verbatim_room(sample, work / "verbatims-long.croom", position)
    result: dict = {"name": f"Walls quoting five 25,000-character verbatims (stage {position}), 1920x1080, "
                            f"median of {runs}"}
    rooms = {"sample": sample, "long": long_room}
    for view in (f"stage:{position}", f"complaints:{position}"):
        kind = view.split(":")[0]
        figures = {label: statistics.median(values) for label, values in _render_ms(rooms, view, work, runs).items()}
        for label, room in rooms.items():
            figures[f"{label} command"] = statistics.median(
                _command_s(room, view, work / f"{kind}-{label}-cli.png") for _ in range(3))
        result[f"{kind}: sample verbatims, render (ms)"] = round(figures["sample"], 1)
        result[f"{kind}: 25,000-char verbatims, render (ms)"] = round(figures["long"], 1)
        result[f"{kind}: difference (ms, target <= 100)"] = round(figures["long"] - figures["sample"], 1)
        result[f"{kind}: whole command, sample / long (s, median of 3)"] = \
            f"{figures['sample command']:.2f} / {figures['long command']:.2f}"
    for path in work.glob("*-cli.png"):
        path.unlink()
    return result


# -- the minutes ----------------------------------------------------------------------------------------------

def session_holding(room_path: Path, decision: str, direct: bool = False) -> int:
    """A started session with nine attendees, a few ordinary captures and ``decision``. ``direct`` writes
    the decision straight into the file, as a room saved before captures had a limit would hold it."""
    from customer_room_desktop.domain.meetings import Attendee
    from customer_room_desktop.storage.captures import capture_decision, capture_note, start_session
    from customer_room_desktop.storage.room_file import RoomFile
    from customer_room_desktop.storage.session_plans import plan_session

    leaders = [Attendee(f"Leader {n}", "Director", None) for n in range(1, 10)]
    with RoomFile.open(room_path) as room:
        session = plan_session(room, "Long decision room", "quarterly", date.today(), leaders)
        start_session(room, session)
        for n in range(10):
            capture_note(room, session, f"Note {n}: the claim form asks for the policy number twice.")
        if direct:
            with room.transaction() as db:
                db.execute("INSERT INTO decisions (uid, session_id, at, text, context) VALUES (?, ?, ?, ?, '{}')",
                           ("bench-long", session, "2026-01-01T10:00:00.000000+00:00", decision))
        else:
            capture_decision(room, session, decision)
    return session


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec; ru_maxrss may carry the size of
    the process that started this one."""
    try:
        status = Path("/proc/self/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _minutes_child(room: str, session: str, output: str) -> None:
    """Run in a child process: gather and write the minutes PDF once; print seconds and peak RSS."""
    from customer_room_desktop.app.qt_offscreen import ensure_gui_application
    from customer_room_desktop.services.minutes import gather_minutes
    from customer_room_desktop.services.minutes_pdf import write_pdf
    from customer_room_desktop.services.minutes_text import to_markdown
    from customer_room_desktop.storage.room_file import RoomFile

    ensure_gui_application()
    before = _peak_mb()
    started = time.perf_counter()
    with RoomFile.open(Path(room), read_only=True) as opened:
        minutes = gather_minutes(opened, int(session))
    write_pdf(minutes, Path(output))
    seconds = time.perf_counter() - started
    longest = max((text for _, text, _ in minutes.decisions), key=len)
    whole = " ".join(longest.split()) in to_markdown(minutes)
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), "start_mb": before, "longest": len(longest),
                      "markdown_whole": whole}))


def _minutes_run(room: Path, session: int, output: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "tests.benchmarks.long_text_benchmarks", "minutes", str(room),
                             str(session), str(output)], cwd=ROOT, capture_output=True, text=True, check=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_long_decision_minutes(work: Path, runs: int = 3, length: int = 20_000) -> dict:
    from PySide6.QtPdf import QPdfDocument

    from .room_benchmarks import sample_copy

    cases = {"short": ("Fund the claim-form fix this quarter, owner named in the room.", False),
             "long": (long_narrative(length, seed=20), False),
             "200k": (long_narrative(10 * length, seed=200), True)}  # linearity: ten times as long
    figures: dict[str, dict] = {}
    for label, (text, direct) in cases.items():
        room = sample_copy(work, f"minutes-{label}.croom")
        session = session_holding(room, text, direct)
        output = work / f"minutes-{label}.pdf"
        measured = [_minutes_run(room, session, output) for _ in range(runs)]
        document = QPdfDocument()
        document.load(str(output))
        figures[label] = {"seconds": statistics.median(m["seconds"] for m in measured),
                          "peak_mb": statistics.median(m["peak_mb"] for m in measured),
                          "whole": all(m["markdown_whole"] for m in measured), "pages": document.pageCount(),
                          "kb": output.stat().st_size / 1024}
        document.close()
    short, long_, huge = figures["short"], figures["long"], figures["200k"]
    return {
        "name": f"Minutes PDF holding a {length:,}-character decision, median of {runs} child processes",
        "short decision: time (s) / peak RSS (MB) / pages": f"{short['seconds']:.3f} / {short['peak_mb']:.0f} / "
                                                           f"{short['pages']}",
        f"{length:,}-char decision: time (s) / peak RSS (MB) / pages": f"{long_['seconds']:.3f} / "
                                                                       f"{long_['peak_mb']:.0f} / {long_['pages']}",
        f"{10 * length:,}-char decision: time (s) / peak RSS (MB) / pages": f"{huge['seconds']:.3f} / "
                                                                            f"{huge['peak_mb']:.0f} / {huge['pages']}",
        "extra time per 10,000 chars, 20k vs 200k (s)": (
            f"{(long_['seconds'] - short['seconds']) / (length / 10_000):.3f} vs "
            f"{(huge['seconds'] - short['seconds']) / (10 * length / 10_000):.3f}"),
        "whole decision in the Markdown": long_["whole"] and huge["whole"],
    }


def _app():
    from customer_room_desktop.app.qt_offscreen import ensure_widget_application

    return ensure_widget_application()


if __name__ == "__main__":
    if sys.argv[1:2] == ["minutes"]:
        _minutes_child(*sys.argv[2:5])
    else:  # python -m tests.benchmarks.long_text_benchmarks [WORKDIR]: both benchmarks, printed as JSON
        import tempfile

        with tempfile.TemporaryDirectory(dir=sys.argv[1] if len(sys.argv) > 1 else None) as scratch:
            _app()
            print(json.dumps([bench_long_verbatim_render(Path(scratch)),
                              bench_long_decision_minutes(Path(scratch))], indent=2))
