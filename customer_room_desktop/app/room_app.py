"""Starting the Qt application for a room."""

from __future__ import annotations

import sys
from pathlib import Path

from ..storage.journey_queries import list_stages, load_room, stage_counts
from ..storage.room_file import RoomFile
from ..ui.stage_list_window import RoomOverview, StageCard


def load_overview(room: RoomFile) -> RoomOverview:
    """Plain view data for the first window, read once from the room file."""
    details = load_room(room.db)
    counts = stage_counts(room.db)
    cards = tuple(
        StageCard(stage.position, stage.name, stage.goal, **counts.get(stage.key, {}))
        for stage in list_stages(room.db)
    )
    notice = ""
    if room.read_only:
        notice = f"This room is open for viewing only: {room.read_only_reason}. Decisions and notes cannot be saved."
    return RoomOverview(details.name, details.description, details.brand_colour, cards, notice)


def run_room_window(path: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from ..ui.stage_list_window import StageListWindow

    with RoomFile.open(path) as room:
        overview = load_overview(room)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Customer Room")
    window = StageListWindow(overview)
    window.show()
    return app.exec()
