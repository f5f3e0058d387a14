"""Run by test_hotplug.py on a real X server (Xvfb): unplug and replug a wall monitor with xrandr.

Prints what the live room showed after each step as JSON. With --kiosk, the kiosk player (a wall on every
screen, looping a programme) instead of the live room with its console.
"""

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.app.kiosk_player import KioskPlayer
from customer_room_desktop.domain.kiosk_programme import KioskProgramme, KioskStep
from customer_room_desktop.services.screen_assignment import AssignmentStore, ProgrammedAssignments
from customer_room_desktop.storage.room_file import RoomFile

WALL = "WALL1"
WALL_GEOMETRY = "1920/500x1080/300+1920+0"


def snapshot(live):
    walls = []
    for identity, wall in live.walls.items():
        walls.append({"identity": identity, "visible": wall.isVisible(), "geometry": list(wall.geometry().getRect()),
                      "present": identity in live.present,
                      "stage": wall.shown_signature[1] if wall.shown_signature else None,
                      "view": next((w.assigned for w in live.state.walls if w.identity == identity), None)})
    statuses = [{"name": s.name, "present": s.present} for s in live.wall_statuses()]
    return {"walls": walls, "console_map": statuses, "position": live.position}


def main(room_path: str, store_path: str, kiosk: bool = False) -> None:
    app = QApplication([])
    room = RoomFile.open(room_path, read_only=True)
    store = ProgrammedAssignments() if kiosk else AssignmentStore(Path(store_path), "sample", "xvfb")
    live = LiveRoom(WallFactory(room), store, kiosk=kiosk)
    steps = {}
    player = KioskPlayer(live, KioskProgramme((KioskStep(600, ("journey", "complaints:5")),)),
                         Path(store_path).parent / "kiosk-state") if kiosk else None
    script = [
        (1500, lambda: (kiosk or live.go_to(5), steps.__setitem__("plugged", snapshot(live)))),
        (100, lambda: subprocess.run(["xrandr", "--delmonitor", WALL], check=True)),
        (1200, lambda: steps.__setitem__("unplugged", snapshot(live))),
        (100, lambda: subprocess.run(["xrandr", "--setmonitor", WALL, WALL_GEOMETRY, "none"], check=True)),
        (1200, lambda: steps.__setitem__("replugged", snapshot(live))),
        (10, lambda: app.exit(0)),  # not quit(): a kiosk wall refuses to close
    ]

    def run(index: int = 0) -> None:
        delay, action = script[index]

        def fire() -> None:
            action()
            if index + 1 < len(script):
                run(index + 1)
        QTimer.singleShot(delay, fire)

    live.start()
    if player is not None:
        player.beat = lambda: None
        player.start()
    run()
    app.exec()
    if player is not None:
        player.stop()
    print(json.dumps(steps))
    live.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--kiosk" in sys.argv)
