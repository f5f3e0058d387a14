"""Errors a room file can raise; each message is one sentence a user can act on.

``storage_failure`` turns what SQLite or the operating system raised into the one of these that says
what happened: a full disk, a lock held by another program, read-only media, a damaged file or a file
that is not a room. "Damaged" is said only when SQLite reports the file corrupt.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..domain.refusal import Refusal


class RoomFileError(Refusal):
    """Base class: the file could not be used as a room. ``str(error)`` is the sentence to show."""


class RoomNotFoundError(RoomFileError):
    pass


class NotARoomError(RoomFileError):
    pass


class CorruptRoomError(RoomFileError):
    pass


class NewerRoomError(RoomFileError):
    pass


class ReadOnlyRoomError(RoomFileError):
    """A change was attempted on a room opened for viewing only, or on read-only media."""


class DiskFullError(RoomFileError):
    """The disk (or the user's quota) is full: nothing more could be written."""


class RoomLockedError(RoomFileError):
    """Another program holds the file's lock."""


class StorageError(RoomFileError):
    """A failure to read or write the file that is none of the above (an I/O error, a vanished file)."""


class UnexpectedSchemaError(RoomFileError):
    """The room holds a table, index, trigger or view its format does not define, or lacks or alters one."""


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


def disk_full_sentence(path: str | os.PathLike | None) -> str:
    where = f" while writing {path}" if path else ""
    return f"The disk is full{where}; free some space and try again (nothing saved before was lost)."


def disk_full_while(path: str | os.PathLike, what: str, then: str = "try again") -> str:
    """The sentence when the caller knows what was lost: "The disk holding /media/stick is full: the
    decision was not saved; free some space and try again." """
    return f"The disk holding {Path(path).parent} is full: {what}; free some space and {then}."


def locked_sentence(path: str | os.PathLike | None) -> str:
    return (f"{path or 'The room file'} is locked by another program; close that program or wait for it, "
            "then try again.")


def read_only_sentence(path: str | os.PathLike | None) -> str:
    return (f"{path or 'The file'} cannot be changed because it or its folder is read-only; "
            "copy it to a writable folder first.")


def damaged_sentence(path: str | os.PathLike | None, detail: str = "") -> str:
    said = f" (SQLite reports: {detail})" if detail else ""
    return f"{path or 'The room file'} is damaged and cannot be read{said}; use a backup or another copy."


def not_a_room_sentence(path: str | os.PathLike | None) -> str:
    return f"{path or 'The file'} is not a room file: it is not an SQLite database."


def _sqlite_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def storage_failure(error: BaseException, path: str | os.PathLike | None = None) -> RoomFileError:
    """The RoomFileError, with its one sentence, for what SQLite or the operating system raised.

    Use as ``except (sqlite3.Error, OSError) as error: raise storage_failure(error, path) from None``.
    An error that is already a RoomFileError is returned unchanged. ``path`` names the file in the
    sentence (the room, or an export being written).
    """
    if isinstance(error, RoomFileError):
        return error
    message = str(error).lower()
    code = _sqlite_code(error)
    os_errno = getattr(error, "errno", None) if isinstance(error, OSError) else None
    if code == _SQLITE_FULL or os_errno in (errno.ENOSPC, errno.EDQUOT) or "database or disk is full" in message:
        return DiskFullError(disk_full_sentence(path))
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in message \
            or "database table is locked" in message:
        return RoomLockedError(locked_sentence(path))
    if code == _SQLITE_READONLY or os_errno in (errno.EROFS, errno.EACCES, errno.EPERM) \
            or "readonly database" in message:
        return ReadOnlyRoomError(read_only_sentence(path))
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in message or "disk image" in message \
            or "file is not a database" in message:  # our own header check has already passed: damaged
        return CorruptRoomError(damaged_sentence(path, str(error)))
    if os_errno == errno.ENOENT:
        return RoomNotFoundError(f"There is no file at {path}.")
    if code == _SQLITE_CANTOPEN or "unable to open" in message:
        return StorageError(f"{path or 'The room file'} could not be opened; check that it is still there "
                            "and that its disk is connected.")
    detail = getattr(error, "strerror", None) or str(error)
    return StorageError(f"{path or 'The room file'} could not be read or written ({detail}); "
                        "check its disk and try again.")


class ImportRefused(Refusal):
    """An import was refused as a whole; the message names the file, line and reason."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None):
        super().__init__(message)
        self.path = path
        self.line = line
