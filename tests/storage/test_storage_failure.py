"""storage_failure: each condition gets its own sentence; "damaged" only when SQLite says corrupt."""

import errno
import sqlite3

import pytest

from customer_room_desktop.storage.errors import (
    CorruptRoomError, DiskFullError, ReadOnlyRoomError, RoomLockedError, StorageError, storage_failure,
)


@pytest.mark.parametrize(("error", "kind", "words"), [
    (sqlite3.OperationalError("database or disk is full"), DiskFullError, "disk is full"),
    (OSError(errno.ENOSPC, "No space left on device"), DiskFullError, "disk is full"),
    (sqlite3.OperationalError("database is locked"), RoomLockedError, "locked by another program"),
    (sqlite3.OperationalError("attempt to write a readonly database"), ReadOnlyRoomError, "read-only"),
    (OSError(errno.EROFS, "Read-only file system"), ReadOnlyRoomError, "read-only"),
    (sqlite3.DatabaseError("database disk image is malformed"), CorruptRoomError, "damaged"),
    (sqlite3.DatabaseError("file is not a database"), CorruptRoomError, "damaged"),
    (OSError(errno.EIO, "Input/output error"), StorageError, "could not be read or written"),
])
def test_each_condition_has_its_own_sentence(error, kind, words):
    failure = storage_failure(error, "room.croom")
    assert type(failure) is kind
    assert words in str(failure)
    assert "Error" not in str(failure) and "room.croom" in str(failure)


def test_only_corruption_is_called_damaged():
    for error in (sqlite3.OperationalError("database or disk is full"), sqlite3.OperationalError("database is locked")):
        assert "damaged" not in str(storage_failure(error, "r.croom"))
