"""Reading a room for a command that shows it (info, check, render, minutes): every failure is one sentence.

A room that SQLite cannot read says why (damaged, locked, full disk, …) through ``storage_failure``. A row
that SQLite reads but Customer Room cannot use (a value it never writes: an unknown choice, JSON that does
not parse) says so and points to `customer-room check`, which lists such values.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ..domain.refusal import Refusal
from .errors import CorruptRoomError, RoomFileError, damaged_sentence, storage_failure
from .room_file import RoomFile

# What a reader raises on a value it cannot use: ValueError (an unknown enum value, JSON that does not
# parse, text that is not UTF-8), and the lookups and types a damaged row can upset.
UNREADABLE_VALUES = (ValueError, LookupError, TypeError)


class UnreadableValueError(RoomFileError):
    """SQLite reads the room, but a value in it is not one Customer Room writes."""


def unreadable_sentence(path: str | os.PathLike) -> str:
    return (f"{path} holds a value Customer Room cannot use, so it cannot be shown; "
            f"'customer-room check {path}' lists what is wrong.")


@contextmanager
def room_failures(path: str | os.PathLike) -> Iterator[None]:
    """Turn what goes wrong while reading the room at ``path`` into the one sentence to show."""
    try:
        yield
    except Refusal:
        raise
    except (sqlite3.Error, OSError) as error:  # an OSError names its own file (an output, say) when it has one
        raise storage_failure(error, getattr(error, "filename", None) or path) from None
    except UNREADABLE_VALUES:
        raise UnreadableValueError(unreadable_sentence(path)) from None


@contextmanager
def reading_room(path: str | os.PathLike, *, quick_check: bool = False) -> Iterator[RoomFile]:
    """The room opened for viewing (an older one read without changing it), failures told in a sentence.

    quick_check: first run SQLite's quick check, so damage anywhere in the file is noticed, not only
    damage in what is read.
    """
    with room_failures(path):
        room = RoomFile.open(path, read_only=True)
        try:
            if quick_check:
                result = [row[0] for row in room.conn.execute("PRAGMA quick_check(1)")]
                if result != ["ok"]:
                    raise CorruptRoomError(damaged_sentence(path, result[0]))
            yield room
        finally:
            room.close()
