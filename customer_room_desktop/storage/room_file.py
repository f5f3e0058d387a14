"""Open, create, validate and migrate room files without ever harming a file we refuse."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from typing import TYPE_CHECKING

from .errors import ReadOnlyRoomError, storage_failure
from .migrations import LATEST_VERSION, MIGRATIONS
from .room_probe import APPLICATION_ID, PrivateCopy, connect, inspect_room, room_facts
from .room_upgrade import migrate_all, write_verified_backup
from .schema_verify import remember_closed, verify_before_writing
from .sql import Sql, write_database

if TYPE_CHECKING:
    import sqlite_utils

SUFFIX = ".croom"
_connect = connect  # the name other modules and tests have used

__all__ = ["APPLICATION_ID", "SUFFIX", "RoomFile", "inspect_room", "now_iso"]

def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")

class RoomFile:
    """An open room file. Changes go through ``transaction()``, one commit per user action.

    ``file_format`` is the format of the file on disk; ``upgraded_from`` and ``backup`` are set when
    opening upgraded an older room (the backup is the original, verified). A room read through a
    private copy (``copy``) is read-only and the copy is removed on ``close()``.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, read_only_reason: str = ""):
        self.path = path
        self.conn = conn
        self._writer: sqlite_utils.Database | None = None
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.file_format = LATEST_VERSION
        self.upgraded_from: int | None = None
        self.backup: Path | None = None
        self.copy: PrivateCopy | None = None

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, name: str) -> RoomFile:
        """Create a new, empty room file at ``path``; refuse to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise FileExistsError(f"{path} already exists; choose another name or remove it first.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), check_same_thread=False)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.close()
            room = cls._open_writable(path)
            migrate_all(room.conn, room.db, 0, MIGRATIONS)
            with room.transaction():
                room.writer.table("room").insert({"id": 1, "name": name, "created_at": now_iso()})
        except (OSError, sqlite3.Error) as error:
            raise storage_failure(error, path) from None
        return room

    @classmethod
    def open(cls, path: str | os.PathLike, *, read_only: bool = False) -> RoomFile:
        """Open an existing room; an older one is upgraded after a verified backup.

        read_only: view it and change nothing; an older room is then read through a private copy
        upgraded in a temporary folder, and the file itself is left as it was.

        A file that is not a room, is damaged, or is from a newer version raises a RoomFileError and is
        left byte for byte as it was. A room on read-only media opens for viewing; ``read_only_reason``
        says why nothing can be saved. Changes it holds in a -wal that cannot be folded in where it is are
        read from a private copy, never hidden.
        """
        path = Path(path)
        facts = room_facts(path)
        if read_only or not facts.writable:
            reason = "it was opened read-only on request" if read_only else facts.reason
            room = cls._open_for_viewing(path, facts.version, facts.has_wal, facts.writable, reason)
        else:
            # its format's schema; quick_check if from elsewhere
            room = verify_before_writing(path, cls._open_writable)
            if facts.version < LATEST_VERSION:
                room._upgrade(facts.version)
        room.file_format = facts.version
        return room

    @classmethod
    def _open_for_viewing(cls, path: Path, version: int, wal: bool, can_write: bool, reason: str) -> RoomFile:
        older = version < LATEST_VERSION
        if not older and (not wal or can_write):
            # With no -wal beside it nobody is writing the room: read it immutable, which leaves no -wal or
            # -shm files behind. With one, a live session may be writing: read through it.
            try:
                return cls(path, connect(path, "ro" if wal else "immutable"), True, reason)
            except sqlite3.Error as error:
                raise storage_failure(error, path) from None
        copy = PrivateCopy(path)
        try:
            if older:  # upgrade the copy, never the file: viewing does not change a room
                upgrading = connect(copy.path, "rw")
                try:
                    migrate_all(upgrading, write_database(upgrading), version, MIGRATIONS)
                finally:
                    upgrading.close()
            room = cls(path, connect(copy.path, "ro"), True, reason)
        except (OSError, sqlite3.Error) as error:
            copy.close()
            raise storage_failure(error, path) from None
        except BaseException:
            copy.close()
            raise
        room.copy = copy
        if wal and not can_write:
            room.read_only_reason = (f"{reason}, and it holds changes not yet folded in (shown here from a "
                                     "private copy)")
        return room

    @classmethod
    def _open_writable(cls, path: Path) -> RoomFile:
        try:
            conn = connect(path, "rw")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")  # a capture the console shows as saved survives a power cut
        except sqlite3.Error as error:
            raise storage_failure(error, path) from None
        return cls(path, conn, read_only=False)

    def _upgrade(self, version: int) -> None:
        """A verified backup of the original first, then the whole chain in one transaction."""
        try:
            self.backup = write_verified_backup(self.conn, self.path, version, APPLICATION_ID)
            migrate_all(self.conn, self.writer, version, MIGRATIONS)
        except sqlite3.Error as error:
            self.conn.close()
            raise storage_failure(error, self.path) from None
        except BaseException:
            self.conn.close()
            raise
        self.upgraded_from = version

    @property
    def upgrade_notice(self) -> str:
        """The one line to show when opening upgraded the room; '' otherwise."""
        if self.upgraded_from is None:
            return ""
        return (f"Upgraded the room from format {self.upgraded_from} to {LATEST_VERSION}; "
                f"the original is kept as {self.backup}.")

    # -- using ----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One user action: everything inside commits together or not at all."""
        if self.read_only:
            raise ReadOnlyRoomError(
                f"{self.path} is open for viewing only ({self.read_only_reason}); nothing can be saved.")
        with self.writer.atomic():
            yield self.writer

    @property
    def db(self) -> Sql:
        """What reads go through: the plain connection (reading needs no sqlite-utils)."""
        return self.conn

    @property
    def writer(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the room that writes use, made when first needed."""
        if self._writer is None:
            self._writer = write_database(self.conn)
        return self._writer

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
        """Fold the -wal into the room and close. When that cannot be done (a full disk), the connection
        is still closed and the -wal kept, which holds every commit; the sentence is raised after."""
        failure: sqlite3.Error | None = None
        try:
            if not self.read_only:
                try:
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error as error:
                    failure = error
            self.conn.close()
        finally:
            if self.copy is not None:
                self.copy.close()
        if failure is not None:
            raise storage_failure(failure, self.path) from None
        if not self.read_only:
            remember_closed(self.path)  # closed cleanly here: no quick_check needed on the next open

    def __enter__(self) -> RoomFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
