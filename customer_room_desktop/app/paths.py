"""Where the app keeps its files, and where the bundled sample room's sources are."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

SAMPLE_ROOM = "harbourline"


def user_data_dir() -> Path:
    """The per-user folder for the demo room and remembered settings.

    CUSTOMER_ROOM_DATA_DIR overrides it (a portable install on a USB stick, or tests).
    """
    override = os.environ.get("CUSTOMER_ROOM_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "Customer Room"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Customer Room"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "customer-room"


def sample_room_source(name: str = SAMPLE_ROOM) -> Path:
    """The sample room's source folder, installed inside the package as customer_room_desktop.rooms."""
    folder = resources.files("customer_room_desktop.rooms") / name
    return Path(str(folder))


def demo_room_path() -> Path:
    return user_data_dir() / f"{SAMPLE_ROOM}-demo.croom"
