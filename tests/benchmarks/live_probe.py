"""Run in a fresh process on virtual screens by live_benchmarks.py: stage-switch latency and memory."""

import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services import start_up_collection
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile


def repaint_all(live, before=None) -> None:
    """Paint now, synchronously, what the switch asked Qt to paint: its pending update requests, each for
    exactly the region that changed (a frame wall whole, a journey wall only where its marker moved, a
    wall whose content did not change not at all). ``before`` is kept for callers; Qt knows what changed."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)


def timed_switches(live, app, moves, rounds):
    times = []
    for index in range(rounds):
        target = moves(index)
        before = {identity: live.walls[identity].shown_signature for identity in live.present}
        started = time.perf_counter()
        live.go_to(target)
        repaint_all(live, before)
        times.append((time.perf_counter() - started) * 1000)
        app.processEvents()  # let prefetching and other queued work run between switches, as in a room
        live.prefetcher.wait()
        app.processEvents()
    return times


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(room_path: str, store_path: str, rounds: int) -> None:
    from customer_room_desktop.app.qt_app import qt_application

    start_up_collection.pause()  # as the program starts (app/launch.py), until the walls are painted
    app = qt_application()  # as the app makes it
    room = RoomFile.open(room_path, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(Path(store_path), "bench", "bench"))
    live.start()
    app.processEvents()
    start_up_collection.resume(automatic=False)
    live.prefetcher.wait()
    app.processEvents()
    count = live.factory.stage_count
    for position in range(1, count + 1):  # warm: every stage's data and thumbnails once
        live.go_to(position)
        repaint_all(live)
        live.prefetcher.wait()
        app.processEvents()
    live.go_to(1)
    repaint_all(live)
    step = timed_switches(live, app, lambda i: (i % (count - 1)) + 2 if (i // (count - 1)) % 2 == 0
                          else count - (i % (count - 1)) - 1, rounds)
    rng = random.Random(5)
    jumps = timed_switches(live, app, lambda i: rng.randint(1, count), rounds)
    walls = [f"{live.walls[i].width()}x{live.walls[i].height()}" for i in live.present]
    result = {
        "walls": walls,
        "next_previous_ms": {"p50": statistics.median(step), "p95": percentile(step, 0.95), "max": max(step)},
        "jump_ms": {"p50": statistics.median(jumps), "p95": percentile(jumps, 0.95), "max": max(jumps)},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_after_switches_mb": int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20,
    }
    print(json.dumps(result))
    live.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
