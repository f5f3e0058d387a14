"""Run by test_hotplug.py on a real X server (Xvfb): unplug and replug a wall monitor with xrandr.

Prints what the live room showed after each step as JSON.
"""

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile

WALL = "WALL1"
WALL_GEOMETRY = "1920/500x1080/300+1920+0"


def snapshot(live):
    walls = []
    for identity, wall in live.walls.items():
        walls.append({"identity": identity, "visible": wall.isVisible(), "geometry": list(wall.geometry().getRect()),
                      "present": identity in live.present,
                      "stage": wall.shown_signature[1] if wall.shown_signature else None})
    statuses = [{"name": s.name, "present": s.present} for s in live.wall_statuses()]
    return {"walls": walls, "console_map": statuses, "position": live.position}


def main(room_path: str, store_path: str) -> None:
    app = QApplication([])
    room = RoomFile.open(room_path, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(Path(store_path), "sample", "xvfb"))
    steps = {}
    script = [
        (1500, lambda: (live.go_to(5), steps.__setitem__("plugged", snapshot(live)))),
        (100, lambda: subprocess.run(["xrandr", "--delmonitor", WALL], check=True)),
        (1200, lambda: steps.__setitem__("unplugged", snapshot(live))),
        (100, lambda: subprocess.run(["xrandr", "--setmonitor", WALL, WALL_GEOMETRY, "none"], check=True)),
        (1200, lambda: steps.__setitem__("replugged", snapshot(live))),
        (10, app.quit),
    ]

    def run(index: int = 0) -> None:
        delay, action = script[index]

        def fire() -> None:
            action()
            if index + 1 < len(script):
                run(index + 1)
        QTimer.singleShot(delay, fire)

    live.start()
    run()
    app.exec()
    print(json.dumps(steps))
    live.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
