"""Run by the capture benchmark in its own process, on virtual screens: time real captures on the console."""

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain.room_commands import Next
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile


def main(room_path: str, captures: int) -> None:
    from customer_room_desktop.app.qt_app import qt_application

    app = qt_application()  # as the app makes it
    room = RoomFile.open(room_path)
    live = LiveRoom(WallFactory(room), AssignmentStore(Path(room_path).with_suffix(".walls.json"), "bench", "bench"))
    live.start()
    app.processEvents()
    live.session.plan({"title": "Capture benchmark", "cadence": "workshop", "scheduled_on": date.today(),
                       "next_session_on": None, "dots_per_leader": 3, "max_priorities": 3,
                       "attendees": ["Ruth Adeyemi, COO, operations"]})
    live.session.start()
    bar = live.console.capture_bar
    field = bar.text
    timings = []
    for n in range(captures):
        live.console.capture_bar.begin("decision" if n % 2 else "note")
        field.setText(f"Capture {n}: the room agrees the claim form keeps what the customer typed")
        listed = bar.captured.count()
        started = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        while bar.captured.count() == listed:
            app.processEvents()
        timings.append((time.perf_counter() - started) * 1000)
        if n % 10 == 0:
            live.send(Next())  # the walls move on between captures, as in a real session
            app.processEvents()
    saved = room.db.execute("SELECT (SELECT count(*) FROM decisions WHERE text LIKE 'Capture %') + "
                            "(SELECT count(*) FROM notes WHERE text LIKE 'Capture %')").fetchone()[0]
    timings.sort()
    print(json.dumps({"p50_ms": statistics.median(timings), "p95_ms": timings[int(len(timings) * 0.95) - 1],
                      "max_ms": timings[-1], "saved": saved}))
    live.shut_down()
    room.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
