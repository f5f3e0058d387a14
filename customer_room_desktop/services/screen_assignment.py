"""Monitors as plain descriptions, and the views chosen for them remembered by stable identity.

Pure logic (no Qt), so it is tested without any monitor: the live room turns QScreens into
ScreenInfo; which view each wall shows is decided by the room model (domain/room_model.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..domain.records import record

@record
class ScreenInfo:
    name: str
    x: int
    y: int
    width: int
    height: int
    manufacturer: str = ""
    model: str = ""
    serial: str = ""
    primary: bool = False

    @property
    def identity(self) -> str:
        """Serial number when the monitor reports one; else name, maker and model; never coordinates
        unless nothing else tells two monitors apart (offscreen and Xvfb report no serial)."""
        if self.serial:
            return f"serial:{self.manufacturer}:{self.model}:{self.serial}"
        return f"name:{self.name}:{self.manufacturer}:{self.model}"


def walls_of(screens: list[ScreenInfo], every_screen: bool = False) -> list[ScreenInfo]:
    """Every screen but the console's (the primary), left to right, top to bottom; a kiosk has no console,
    so with ``every_screen`` the primary screen is a wall too."""
    return sorted((s for s in screens if every_screen or not s.primary), key=lambda s: (s.x, s.y, s.name))


def journey_slice(wall_index: int, wall_count: int, stage_count: int) -> tuple[int, int]:
    """The stages (1-based, inclusive) the ``wall_index``-th of ``wall_count`` journey walls shows."""
    wall_count = max(1, min(wall_count, stage_count))
    wall_index = min(wall_index, wall_count - 1)
    per_wall, extra = divmod(stage_count, wall_count)
    first = wall_index * per_wall + min(wall_index, extra) + 1
    last = first + per_wall - 1 + (1 if wall_index < extra else 0)
    return first, last


def machine_name() -> str:
    """This computer's network name, as ``socket.gethostname`` gives it (without importing ``socket``, 5 ms
    of the cold start, where the system says it directly)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


class AssignmentStore:
    """Remembered wall views per room and machine, in a small JSON file in the user's data folder."""

    def __init__(self, path: Path, room_id: str, machine: str | None = None):
        self.path = path
        self.key = f"{room_id}@{machine or machine_name()}"

    def load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8")).get(self.key, {}))
        except (OSError, ValueError, AttributeError):
            return {}

    def remember(self, identity: str, view: str) -> None:
        try:
            everything = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(everything, dict):
                everything = {}
        except (OSError, ValueError):
            everything = {}
        everything.setdefault(self.key, {})[identity] = view
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps(everything, indent=2), encoding="utf-8")
        os.replace(partial, self.path)


class ProgrammedAssignments(AssignmentStore):
    """A kiosk's walls: its programme says what each shows, so nothing is remembered on disk (a loop that
    wrote a file on every step would wear out a kiosk PC's flash storage over weeks)."""

    def __init__(self) -> None:
        self._views: dict[str, str] = {}

    def load(self) -> dict[str, str]:
        return dict(self._views)

    def remember(self, identity: str, view: str) -> None:
        self._views[identity] = view
