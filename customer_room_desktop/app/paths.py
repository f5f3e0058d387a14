"""Where the app keeps its files, and where the bundled sample room's sources are."""

from __future__ import annotations

import os
import sys
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


def user_state_dir() -> Path:
    """Where a kiosk keeps its state (the step it is on, its log): XDG_STATE_HOME on Linux, else beside the
    data folder; CUSTOMER_ROOM_DATA_DIR (a portable install, or tests) keeps it there too."""
    if os.environ.get("CUSTOMER_ROOM_DATA_DIR") or sys.platform in ("win32", "darwin"):
        return user_data_dir() / "state"
    return Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state")) / "customer-room"


def bundled_folder(name: str) -> Path:
    """``rooms`` or ``resources``: installed inside the package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / name
    if installed.is_dir():
        return installed
    return package.parent / name


def sample_room_source(name: str = SAMPLE_ROOM) -> Path:
    """The sample room's source folder."""
    return bundled_folder("rooms") / name


def demo_room_path() -> Path:
    return user_data_dir() / f"{SAMPLE_ROOM}-demo.croom"


def style_sheet(name: str) -> str:
    """A Qt style sheet from the bundled resources, such as "console"."""
    return (bundled_folder("resources") / "styles" / f"{name}.qss").read_text(encoding="utf-8")
