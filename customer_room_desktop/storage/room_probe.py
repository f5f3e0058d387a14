"""Look at a file without writing to it: is it a room, which format, can it be changed, and
a private copy to read when the room itself cannot be read in place."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path
from urllib.parse import quote

from .errors import CorruptRoomError, NewerRoomError, NotARoomError, RoomFileError, RoomNotFoundError, \
    storage_failure
from .migrations import LATEST_VERSION
from ..domain.records import record

APPLICATION_ID = 0x43524F4D  # "CROM": marks a Customer Room file
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _tolerant_text(raw: bytes) -> str:
    """Text as stored; bytes that are not UTF-8 (a damaged row) show as U+FFFD instead of stopping the
    reader. `customer-room check` lists such values."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """mode: "rw"; "ro" (reads a -wal file if one is there); "immutable" (read-only media:
    SQLite must not try to create -wal or -shm files beside the room)."""
    query = {"rw": "mode=rw", "ro": "mode=ro", "immutable": "mode=ro&immutable=1"}[mode]
    uri = f"file:{quote(str(path.resolve()))}?{query}"
    # isolation_level None: a statement outside an explicit transaction commits by itself, as
    # sqlite-utils' execute() does; every change of several statements runs in BEGIN ... COMMIT.
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    conn.text_factory = _tolerant_text
    conn.execute("PRAGMA recursive_triggers=ON")
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def _header_facts(path: Path) -> tuple[int, int, int]:
    """Check the 100-byte SQLite header; return (application_id, user_version, expected size)."""
    size = path.stat().st_size
    if size == 0:
        raise NotARoomError(f"{path} is not a room file: it is empty.")
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise NotARoomError(f"{path} is not a room file: it is not an SQLite database.")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    user_version, application_id = struct.unpack(">iI", header[60:64] + header[68:72])
    valid_for = struct.unpack(">I", header[92:96])[0]
    expected = page_count * page_size if valid_for == change_counter else 0
    return application_id, user_version, expected


def writable(path: Path) -> tuple[bool, str]:
    """Whether the room can be changed in place and, if not, why (a clause for the user)."""
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:  # root passes os.access: ask the mode
        return False, "the file is read-only"
    if not os.access(path.parent, os.W_OK):
        return False, "its folder is read-only (a CD, a locked USB stick or a shared drive?)"
    try:  # root passes os.access on read-only media: ask the file system itself
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return False, "it is on read-only media (a CD, a locked USB stick or a shared drive?)"
    except OSError:
        pass
    return True, ""


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def has_wal(path: Path) -> bool:
    wal = wal_of(path)
    return wal.exists() and wal.stat().st_size > 0


class PrivateCopy:
    """The room and its -wal copied into a folder only this user can read (mode 0700), so SQLite can
    fold in changes the room holds but cannot fold in where it is (read-only media or file, or an older
    format read without changing it). ``close()`` removes the folder."""

    def __init__(self, path: Path, *, with_wal: bool = True):
        self.folder = Path(tempfile.mkdtemp(prefix="customer-room-"))  # mkdtemp makes it 0700
        self.path = self.folder / path.name
        try:
            shutil.copyfile(path, self.path)
            if with_wal and has_wal(path):
                shutil.copyfile(wal_of(path), wal_of(self.path))
            for copied in self.folder.iterdir():
                copied.chmod(0o600)
        except OSError as error:
            self.close()
            raise storage_failure(error, path) from None

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


@record
class RoomFacts:
    version: int
    writable: bool
    reason: str  # why it cannot be changed in place; "" when it can
    has_wal: bool


def _probe(conn: sqlite3.Connection, path: Path) -> int:
    """application_id and user_version as SQLite reads them (the -wal included); the schema parsed."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        raise storage_failure(error, path) from None
    if application_id != APPLICATION_ID:
        raise NotARoomError(f"{path} is an SQLite database but not a Customer Room file.")
    if version > LATEST_VERSION:
        raise NewerRoomError(
            f"{path} was saved by a newer Customer Room Desktop (room format {version}, this "
            f"version reads up to {LATEST_VERSION}); update the application to open it.")
    return version


def room_facts(path: str | os.PathLike) -> RoomFacts:
    """Validate a file as a room without writing to it or beside it.

    Raises a RoomFileError subclass whose message is the sentence to show the user.
    """
    path = Path(path)
    if not path.exists():
        raise RoomNotFoundError(f"There is no file at {path}.")
    if path.is_dir():
        raise NotARoomError(f"{path} is a folder, not a room file.")
    from .build_marker import BUILDING_APPLICATION_ID, BUILDING_SUFFIX, unfinished_build_sentence

    if path.name.endswith(BUILDING_SUFFIX):  # what a stopped build left, even an empty file
        raise NotARoomError(unfinished_build_sentence(path))
    try:
        application_id, _, expected_size = _header_facts(path)
        wal = has_wal(path)
        size = path.stat().st_size
    except OSError as error:
        raise storage_failure(error, path) from None
    if application_id == BUILDING_APPLICATION_ID:  # the same, renamed
        raise NotARoomError(unfinished_build_sentence(path))
    if expected_size and not wal and size < expected_size:
        raise CorruptRoomError(
            f"{path} is damaged: it is {size:,} bytes but should be {expected_size:,} (an interrupted copy?).")
    if application_id != APPLICATION_ID and not wal:
        raise NotARoomError(f"{path} is an SQLite database but not a Customer Room file.")
    can_write, reason = writable(path)
    if wal and not can_write:  # SQLite cannot read a -wal in place without writing its -shm: read a copy
        copy = PrivateCopy(path)
        try:
            version = _probe_at(copy.path, "ro", path)
        finally:
            copy.close()
    else:
        version = _probe_at(path, "ro" if wal else "immutable", path)
    return RoomFacts(version, can_write, reason, wal)


def _probe_at(where: Path, mode: str, shown: Path) -> int:
    try:
        conn = connect(where, mode)
    except sqlite3.Error as error:
        raise storage_failure(error, shown) from None
    try:
        return _probe(conn, shown)
    finally:
        conn.close()


def inspect_room(path: str | os.PathLike) -> tuple[int, bool]:
    """Validate a file as a room without writing to it; return (schema version, writable)."""
    facts = room_facts(path)
    return facts.version, facts.writable


__all__ = ["APPLICATION_ID", "PrivateCopy", "RoomFacts", "RoomFileError", "connect", "has_wal", "inspect_room",
           "room_facts", "wal_of", "writable"]
