"""Run in a fresh process on three 4K virtual screens by live_benchmarks.py: many stage switches, and
whether memory, live QObjects and open files stay flat while the room runs on.

Each switch is Next or Previous, walking the journey to and fro, with a jump to a random stage every
tenth; between switches the room does what it does when idle (prefetching, frames rendered ahead).
"""

import json
import os
import random
import resource
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services import start_up_collection
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile

from .live_probe import repaint_all

def resident_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


def live_qobjects(app: QApplication) -> int:
    """Every QObject reachable from the application and its windows (a leak shows as growth here)."""
    roots = [app, *app.topLevelWidgets()]
    return len(roots) + sum(len(root.findChildren(QObject)) for root in roots)


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def main(room_path: str, store_path: str, switches: int, warm_up: int, samples: int) -> None:
    from customer_room_desktop.app.qt_app import qt_application

    start_up_collection.pause()  # as the program starts (app/launch.py), until the walls are painted
    app = qt_application()  # as the app makes it
    room = RoomFile.open(room_path, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(Path(store_path), "soak", "soak"))
    live.start()
    app.processEvents()
    start_up_collection.resume(automatic=False)
    count = live.factory.stage_count
    rng = random.Random(18)
    step = 1

    def switch() -> None:
        nonlocal step
        position = live.state.position
        if rng.random() < 0.1:
            target = rng.randint(1, count)
        else:
            if not 1 <= position + step <= count:
                step = -step
            target = position + step
        live.go_to(target)
        repaint_all(live)
        app.processEvents()
        live.prefetcher.wait()
        app.processEvents()

    for _ in range(warm_up):
        switch()
    figures = [(0, resident_mb(), live_qobjects(app), open_files())]
    every = max(1, switches // samples)
    for done in range(1, switches + 1):
        switch()
        if done % every == 0:
            figures.append((done, resident_mb(), live_qobjects(app), open_files()))
    print(json.dumps({"warm_up": warm_up, "samples": figures,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    live.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
