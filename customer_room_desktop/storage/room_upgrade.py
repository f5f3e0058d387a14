"""Upgrading an older room: a verified backup first, then every migration in one transaction.

Killed at any moment, the room is either its old format or the newest, and once the migrations have
begun a verified backup of the original exists beside it. A backup is never overwritten.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


from .errors import storage_failure
from .migrations import Migration
from .sql import Sql


def backup_name(path: Path, version: int) -> Path:
    """The first free name of the form ROOM.format-6-backup.croom, ROOM.format-6-backup-2.croom, …"""
    base = f"{path.stem}.format-{version}-backup"
    candidate = path.with_name(f"{base}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{base}-{number}{path.suffix}")
        number += 1
    return candidate


def backup_step(remaining: int, total: int) -> None:
    """Called after each slice of pages copied to a backup (a hook the kill tests use)."""


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _verify_backup(partial: Path, version: int, application_id: int) -> str:
    """'' when the copy reads back whole at the expected format, else what is wrong."""
    conn = sqlite3.connect(f"file:{partial}?mode=ro", uri=True)
    try:
        checked = [row[0] for row in conn.execute("PRAGMA quick_check")]
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        marked = conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()
    if checked != ["ok"]:
        return f"the copy does not read back whole ({checked[0]})"
    if found != version or marked != application_id:
        return f"the copy reads back as format {found}, not {version}"
    return ""


def write_verified_backup(conn: sqlite3.Connection, room: Path, version: int, application_id: int) -> Path:
    """Copy the open room beside itself under a temporary name, check the copy, then give it its final
    name (never one that exists) and make both the file and the name durable. Returns the backup."""
    target = backup_name(room, version)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)  # left by a killed upgrade: it was never a backup
        destination = sqlite3.connect(str(partial))
        try:
            conn.backup(destination, pages=256, progress=lambda _status, left, total: backup_step(left, total))
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        problem = _verify_backup(partial, version, application_id)
        if problem:
            raise OSError(f"the backup of {room} could not be verified: {problem}")
        _fsync(partial)
        try:
            os.link(partial, target)  # fails rather than replace a backup that appeared meanwhile
            partial.unlink()
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links (FAT on a USB stick): the name was free
            os.replace(partial, target)
        _fsync(target.parent)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise storage_failure(error, target) from None
    return target


def migrate_all(conn: sqlite3.Connection, db: Sql, from_version: int,
                migrations: list[Migration]) -> None:
    """Run every migration from ``from_version`` to ``len(migrations)`` in one transaction.

    A migration must not commit on its own: each is checked to have left the transaction open, so a
    kill or failure anywhere leaves the room at ``from_version``.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(from_version, len(migrations)):
            migrations[version](db)
            if not conn.in_transaction:
                raise RuntimeError(f"migration {version + 1} committed on its own; the upgrade must be one transaction")
        conn.execute(f"PRAGMA user_version={len(migrations)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
