"""Run in a fresh process on three 4K virtual screens by kiosk_benchmarks.py: the kiosk player stepping
through its programme with no dwell, calls included, and whether memory, threads, live QObjects and open
files stay flat.

The programme is the sample room's default one with the stage steps given their stage's first call on the
third wall (muted, with captions), so every loop opens, plays and closes calls through the same libVLC
player. A transition is the player's own ``next_step`` followed by the paints it asked for and whatever
idle work it queued (prefetching, frames drawn ahead, libVLC's events).
"""

import json
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer

from customer_room_desktop.app.kiosk_command import room_programme
from customer_room_desktop.app.kiosk_player import KioskPlayer, _celebrate
from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain.kiosk_programme import KioskProgramme
from customer_room_desktop.services.screen_assignment import ProgrammedAssignments
from customer_room_desktop.storage.room_file import RoomFile

from .live_probe import repaint_all
from .soak_probe import live_qobjects, open_files, resident_mb


def threads() -> int:
    return len(os.listdir("/proc/self/task"))


def with_calls(programme: KioskProgramme, factory: WallFactory) -> KioskProgramme:
    steps = []
    for step in programme.steps:
        stage = step.walls[0].partition(":")[2] if step.walls[0].startswith("stage:") else ""
        calls = factory.stage_calls(int(stage)) if stage else []
        if calls:
            step = replace(step, walls=(step.walls[0], step.walls[1], "call"), call=calls[0][0])
        steps.append(step)
    return replace(programme, steps=tuple(steps))


def main(room_path: str, state_dir: str, transitions: int, warm_up: int, samples: int) -> None:
    from customer_room_desktop.app.qt_app import qt_application

    app = qt_application()  # as the app makes it
    room = RoomFile.open(room_path, read_only=True)
    factory = WallFactory(room)
    live = LiveRoom(factory, ProgrammedAssignments(), kiosk=True)
    live.start()
    programme = with_calls(room_programme(room), factory)
    player = KioskPlayer(live, programme, Path(state_dir), celebrate=_celebrate(room))
    player.beat = lambda: None  # no supervisor is listening
    player.start()
    player._step_timer.stop()  # no dwell: the loop below moves on at once
    figures: list[tuple] = []
    done = -warm_up
    calls_played = 0
    started = time.monotonic()
    every = max(1, transitions // samples)

    def transition() -> None:
        """One step, painted, its queued work done; the next is queued behind whatever the event loop
        still has to do (deleting what the step replaced, libVLC's events)."""
        nonlocal done, calls_played, started
        if done == 0 or (done > 0 and done % every == 0):
            if done == 0:
                started = time.monotonic()
            figures.append((done, time.monotonic() - started, resident_mb(), live_qobjects(app), open_files(),
                            threads()))
            print(json.dumps({"progress": figures[-1]}), flush=True)
        if done == transitions:
            app.exit(0)  # not quit(): Qt asks every window to close first, and a kiosk wall refuses
            return
        player.next_step()
        player._step_timer.stop()
        calls_played += bool(programme.steps[player.index].call)
        repaint_all(live)
        live.prefetcher.wait()
        done += 1
        QTimer.singleShot(0, transition)

    QTimer.singleShot(0, transition)
    app.exec()
    print(json.dumps({"warm_up": warm_up, "steps": len(programme.steps), "calls_played": calls_played,
                      "samples": figures, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    player.stop()
    live.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
