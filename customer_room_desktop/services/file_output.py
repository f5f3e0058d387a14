"""Files the room writes for people (minutes, handouts): whole or not at all, and a full disk said plainly."""

from __future__ import annotations

import os
from pathlib import Path

from ..storage.errors import DiskFullError, disk_full_while, storage_failure


def write_whole_file(output: Path, content: bytes, lost: str) -> None:
    """Write ``content`` beside ``output``, to disk (fsync), then rename it into place.

    A failure never leaves half a file, and ``output`` stays as it was. A full disk (or quota) raises
    DiskFullError naming the folder and what was ``lost`` ("the minutes were not written"); any other
    failure raises the RoomFileError that says what it was.
    """
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())  # a full disk that the write let pass is told here, not after the rename
        os.replace(partial, output)
    except OSError as error:
        failure = storage_failure(error, output)
        if isinstance(failure, DiskFullError):
            raise DiskFullError(disk_full_while(output, lost)) from None
        raise failure from None
    finally:
        partial.unlink(missing_ok=True)
