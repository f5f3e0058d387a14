"""Open a room file and run the live room until the facilitator quits (or the service stops it)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ..services.screen_assignment import AssignmentStore
from ..storage.room_file import RoomFile
from .live_room import LiveRoom
from .paths import user_data_dir
from .wall_factory import WallFactory


def _quit_on_terminate(app: QApplication) -> None:
    """SIGTERM (a service stopping, a logout) and Ctrl+C close the room cleanly, file included.
    Python handles signals only when it runs, so a light timer gives it the chance."""
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: app.quit())
    heartbeat = QTimer(app, interval=250)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()


def run_live_room(path: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Customer Room")
    room = RoomFile.open(path)
    notice = ""
    if room.read_only:
        notice = f"Open for viewing only, because {room.read_only_reason}: decisions and notes cannot be saved."
        print(f"customer-room: {notice}", file=sys.stderr)
    factory = WallFactory(room)
    store = AssignmentStore(user_data_dir() / "walls.json", f"{factory.branding.room_name}|{path.name}")
    live = LiveRoom(factory, store, notice)
    live.start()
    _quit_on_terminate(app)
    if os.environ.get("CUSTOMER_ROOM_QUIT_WHEN_SHOWN"):  # for the cold-start benchmark
        QTimer.singleShot(0, lambda: (live.paint_now(), app.quit()))
    try:
        return app.exec()
    finally:
        live.shut_down()
        room.close()
