"""How a room file still being built is told apart from a room.

`build` writes under ``NAME.building`` and stamps it with ``BUILDING_APPLICATION_ID`` until the very
last write, which puts the room's own application id back; only then is it renamed to ``NAME``. A
build that is killed or fails therefore never leaves a file that `open`, `check` or `info` take for
a room: ``inspect_room`` refuses the name (even an empty file, left by a kill in the first
milliseconds) and the stamp (even when the file has been renamed).
"""

from __future__ import annotations

import os
from pathlib import Path

BUILDING_APPLICATION_ID = 0x43524F42  # "CROB": a Customer Room file whose build has not finished
BUILDING_SUFFIX = ".building"


def building_path(output: str | os.PathLike) -> Path:
    """The temporary name a room is built under, beside ``output``."""
    output = Path(output)
    return output.with_name(output.name + BUILDING_SUFFIX)


def unfinished_build_sentence(path: str | os.PathLike) -> str:
    return f"{path} is an unfinished room left by a build that stopped before the end; build the room again."
