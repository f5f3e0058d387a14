"""Run by test_kiosk_tour_screens.py in a fresh process on a laptop screen and three virtual walls
(QT_QPA_PLATFORM=offscreen:configfile=... is set before Qt starts): the kiosk loops a programme with short
dwell times on every screen, a clicker starts the tour, touches move it and play a call, and after the idle
time the walls are back on the loop. Prints what it saw as one JSON line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.kiosk_exit import KioskKeys
from customer_room_desktop.app.kiosk_player import KioskPlayer
from customer_room_desktop.app.kiosk_tour import KioskInput
from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.kiosk_programme import KioskProgramme, KioskStep, KioskTour
from customer_room_desktop.services.screen_assignment import ProgrammedAssignments
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.ui.walls.tour_wall import tour_targets

PROGRAMME = KioskProgramme((KioskStep(1, ("stage:2", "complaints:2", "journey", "asset")),
                            KioskStep(1, ("journey", "journey", "journey", "journey")),
                            KioskStep(1, ("stage:6", "warnings", "listening", "teams"))),
                           tour=KioskTour(idle_seconds=1))


def wait_for(condition, seconds: float = 10) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def main(room_path: str, state_dir: str) -> None:
    app = QApplication(sys.argv[:1])
    room = RoomFile.open(room_path, read_only=True)
    live = LiveRoom(WallFactory(room), ProgrammedAssignments(), kiosk=True)
    live.start()
    wait_for(live.on_screen)
    player = KioskPlayer(live, PROGRAMME, Path(state_dir))
    keys, touches = KioskKeys("", lambda: None, on_key=player.tour.key), KioskInput(live, player.tour)
    for event_filter in (keys, touches):
        app.installEventFilter(event_filter)
    seen: dict = {"screens": len(QApplication.screens()), "walls": len(live.present), "loop": []}
    player.start()

    def views() -> list[str]:
        return [wall.assigned for wall in live.state.walls]

    for index in (0, 1, 2, 0):  # once round the loop and back to its first step
        wait_for(lambda index=index: player.index == index, 5)
        seen["loop"].append([player.index, live.state.position, *views()])
    first = live.walls[live.state.walls[0].identity]
    QTest.keyClick(first, Qt.Key.Key_PageDown)  # a clicker
    seen["tour_started"] = [player.tour.active, live.state.position, *views()]
    player._step_timer.timeout.emit()  # a step timer firing late does not move a tour on
    seen["after_late_timer"] = live.state.position

    def touch(target: str) -> None:
        box = tour_targets(first.width(), first.height(), live.factory.tour_data(live.state.position))[target]
        QTest.mouseClick(first, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box.center().toPoint())

    touch("next")
    touch("next")
    seen["after_two_nexts"] = live.state.position
    touch("call:house-move")
    seen["call"] = [live.state.call.key if live.state.call else None, *views()]
    wait_for(lambda: type(live.walls[live.state.walls[1].identity].currentWidget()).__name__ == "CallView", 5)
    seen["call_on_wall_2"] = type(live.walls[live.state.walls[1].identity].currentWidget()).__name__
    player.tour._idle.setInterval(500)
    live.send(cmd.Pause())  # a visitor listening to a call is not idle: the call ends first
    back = wait_for(lambda: not player.tour.active, 10)
    seen["back_to_loop"] = [back, player.index, live.state.position, live.state.call is None, *views()]
    print(json.dumps(seen), flush=True)
    player.stop()
    for event_filter in (keys, touches):
        app.removeEventFilter(event_filter)
    live.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
