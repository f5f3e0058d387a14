"""Open, create, validate and migrate room files without ever harming a file we refuse."""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import sqlite_utils

from .errors import CorruptRoomError, NewerRoomError, NotARoomError, ReadOnlyRoomError, RoomNotFoundError
from .migrations import LATEST_VERSION, MIGRATIONS

APPLICATION_ID = 0x43524F4D  # "CROM": marks a Customer Room file
SUFFIX = ".croom"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


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


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    """mode: "rw"; "ro" (reads a -wal file if one is there); "immutable" (read-only media:
    SQLite must not try to create -wal or -shm files beside the room)."""
    query = {"rw": "mode=rw", "ro": "mode=ro", "immutable": "mode=ro&immutable=1"}[mode]
    uri = f"file:{quote(str(path.resolve()))}?{query}"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def _writable(path: Path) -> tuple[bool, str]:
    if not os.access(path, os.W_OK):
        return False, "the file is read-only"
    if not os.access(path.parent, os.W_OK):
        return False, "its folder is read-only (a CD, a locked USB stick or a shared drive?)"
    return True, ""


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def inspect_room(path: str | os.PathLike) -> tuple[int, bool]:
    """Validate a file as a room without writing to it; return (schema version, writable).

    Raises a RoomFileError subclass whose message is the sentence to show the user.
    """
    path = Path(path)
    if not path.exists():
        raise RoomNotFoundError(f"There is no file at {path}.")
    if path.is_dir():
        raise NotARoomError(f"{path} is a folder, not a room file.")
    application_id, user_version, expected_size = _header_facts(path)
    has_wal = _has_wal(path)
    if expected_size and not has_wal and path.stat().st_size < expected_size:
        raise CorruptRoomError(
            f"{path} is damaged: it is {path.stat().st_size:,} bytes but should be {expected_size:,} "
            "(an interrupted copy?)."
        )
    if application_id != APPLICATION_ID and not has_wal:
        raise NotARoomError(f"{path} is an SQLite database but not a Customer Room file.")
    writable, _ = _writable(path)
    try:
        conn = _connect(path, "ro" if has_wal else "immutable")
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise CorruptRoomError(f"{path} is damaged and cannot be read ({error}).") from None
    if application_id != APPLICATION_ID:
        raise NotARoomError(f"{path} is an SQLite database but not a Customer Room file.")
    if user_version > LATEST_VERSION:
        raise NewerRoomError(
            f"{path} was saved by a newer Customer Room Desktop (room format {user_version}, this "
            f"version reads up to {LATEST_VERSION}); update the application to open it."
        )
    return user_version, writable


class RoomFile:
    """An open room file. Changes go through ``transaction()``, one commit per user action."""

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, read_only_reason: str = ""):
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self.read_only = read_only
        self.read_only_reason = read_only_reason

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, name: str) -> RoomFile:
        """Create a new, empty room file at ``path``; refuse to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise FileExistsError(f"{path} already exists; choose another name or remove it first.")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.close()
        room = cls._open_writable(path)
        room._migrate(from_version=0)
        with room.transaction():
            room.db.table("room").insert({"id": 1, "name": name, "created_at": now_iso()})
        return room

    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False) -> RoomFile:
        """Open an existing room, migrating an older one after a backup.

        A file that is not a room, is damaged, or is from a newer version raises a
        RoomFileError and is left byte for byte as it was. A room on read-only media
        opens for viewing; ``read_only_reason`` says why nothing can be saved.
        """
        path = Path(path)
        version, writable = inspect_room(path)
        if read_only or not writable:
            reason = "it was opened read-only on request" if read_only else _writable(path)[1]
            if version < LATEST_VERSION and read_only and writable:
                raise ReadOnlyRoomError(
                    f"{path} uses an older room format ({version}); open it once with 'customer-room open' "
                    "to upgrade it (a backup of the old file is kept)."
                )
            if version < LATEST_VERSION:
                raise ReadOnlyRoomError(
                    f"{path} uses an older room format and must be upgraded, but {reason}; "
                    "copy it to a writable folder first."
                )
            # With no -wal beside it nobody is writing the room: read it immutable, which leaves no
            # -wal or -shm files behind. With one, a live session may be writing: read through it.
            mode = "ro" if writable and _has_wal(path) else "immutable"
            return cls(path, _connect(path, mode), True, reason)
        from .schema_verify import verify_before_writing  # its format's schema; quick_check if from elsewhere

        room = verify_before_writing(path, cls._open_writable)
        if version < LATEST_VERSION:
            room.backup_to(path.with_name(f"{path.stem}.before-format-{LATEST_VERSION}{path.suffix}"))
            room._migrate(from_version=version)
        return room

    @classmethod
    def _open_writable(cls, path: Path) -> RoomFile:
        conn = _connect(path, "rw")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # a capture the console shows as saved survives a power cut
        return cls(path, conn, read_only=False)

    def _migrate(self, from_version: int) -> None:
        for version in range(from_version, LATEST_VERSION):
            with self.transaction():
                MIGRATIONS[version](self.db)
                self.conn.execute(f"PRAGMA user_version={version + 1}")

    # -- using ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One user action: everything inside commits together or not at all."""
        if self.read_only:
            raise ReadOnlyRoomError(
                f"{self.path} is open for viewing only ({self.read_only_reason}); nothing can be saved.")
        with self.db.atomic():
            yield self.db

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def backup_to(self, target: str | os.PathLike) -> Path:
        """A consistent copy through SQLite's backup API (never a plain file copy of an open room)."""
        target = Path(target)
        if target.exists():
            target.unlink()
        destination = sqlite3.connect(str(target))
        try:
            self.conn.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        return target

    def close(self) -> None:
        if not self.read_only:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def __enter__(self) -> RoomFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
