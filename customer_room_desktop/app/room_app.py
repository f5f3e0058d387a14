"""Starting the Qt application for a room."""

from __future__ import annotations

import sys
from pathlib import Path

from ..domain.reliability import Reliability, reliability_of, worst
from ..storage.evidence_queries import list_kpis
from ..storage.media_store import open_media
from ..storage.journey_queries import list_stages, load_room, stage_counts
from ..storage.room_file import RoomFile
from ..ui.stage_list_window import RoomOverview, StageCard
from .paths import bundled_folder


def style_sheet(name: str) -> str:
    return (bundled_folder("resources") / "styles" / f"{name}.qss").read_text(encoding="utf-8")


def load_overview(room: RoomFile) -> RoomOverview:
    """Plain view data for the first window, read once from the room file."""
    details = load_room(room.db)
    counts = stage_counts(room.db)
    levels: dict[str, list[Reliability]] = {}
    for kpi, stage_key, readings in list_kpis(room.db):
        levels.setdefault(stage_key, []).append(reliability_of(kpi, readings).reliability)
    cards = tuple(
        StageCard(stage.position, stage.name, stage.goal, reliability=worst(levels.get(stage.key, [])).value,
                  unreliable_moments=levels.get(stage.key, []).count(Reliability.UNRELIABLE),
                  **counts.get(stage.key, {}))
        for stage in list_stages(room.db)
    )
    notice = ""
    if room.read_only:
        notice = f"Open for viewing only, because {room.read_only_reason}: decisions and notes cannot be saved."
    logo = open_media(room.db, details.logo_sha256).read() if details.logo_sha256 else b""
    return RoomOverview(details.name, details.description, details.brand_colour, cards, notice, logo)


def run_room_window(path: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from ..ui.stage_list_window import StageListWindow

    with RoomFile.open(path) as room:
        overview = load_overview(room)
    if overview.notice:
        print(f"customer-room: {overview.notice}", file=sys.stderr)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Customer Room")
    window = StageListWindow(overview, style_sheet("stage_list"))
    window.show()
    return app.exec()
