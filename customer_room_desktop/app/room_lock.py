"""One live room per room file: a lock file beside the room, held while a window has it open live.

A second window on the same room is refused with one sentence naming who has it, unless it asks
for viewing only. Qt's QLockFile writes the holder's process id and host into the lock; a lock
left by a process that died on this computer is recognised by its pid and taken over. The lock is
never stale by age alone (a room may stay open for days), so a lock left by a crash on *another*
computer stays until that computer opens the room again or someone deletes the ``.lock`` file.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLockFile

from ..storage.errors import RoomFileError
from ..domain.records import record

SUFFIX = ".lock"
# Qt writes the lock's contents right after creating it; one still unreadable after this long was
# cut short (a power cut, a full disk) and would otherwise lock the room for good.
UNREADABLE_LOCK_GRACE_S = 5.0


@record
class LockHolder:
    """The process that has a room open live, as its lock file says."""

    pid: int
    hostname: str
    app_name: str
    since: datetime | None  # when the lock was taken (the lock file's modification time)


def lock_path(room_path: str | os.PathLike) -> Path:
    """``harbourline.croom`` → ``harbourline.croom.lock`` beside the room (the real file, not a symlink)."""
    room = Path(room_path).resolve()
    return room.with_name(room.name + SUFFIX)


def _since_text(since: datetime) -> str:
    return f"{since:%H:%M}" if since.date() == datetime.now().date() else f"{since:%Y-%m-%d %H:%M}"


def holder_sentence(room_path: str | os.PathLike, holder: LockHolder | None) -> str:
    """One plain sentence: where the room is open live, and how to look at it anyway."""
    name = Path(room_path).name
    if holder is None:
        where = "in another Customer Room window"
    else:
        where = f"on {holder.hostname or 'another computer'} (process {holder.pid})"
        if holder.since is not None:
            where += f" since {_since_text(holder.since)}"
    return f"{name} is open live {where}; open it for viewing only with --view-only."


class RoomOpenLive(RoomFileError):
    """Another process has the room open live. ``str(error)`` is the holder sentence."""

    def __init__(self, room_path: str | os.PathLike, holder: LockHolder | None):
        self.room_path = Path(room_path)
        self.holder = holder
        super().__init__(holder_sentence(room_path, holder))

    def holder_sentence(self) -> str:
        return str(self)


def _modified(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:  # released a moment ago
        return None


def _read_holder(lock: QLockFile, path: Path) -> LockHolder | None:
    """Who holds ``lock``; None when its file is gone or cannot be read."""
    pid, hostname, app_name = lock.getLockInfo()
    if pid <= 0:
        return None
    modified = _modified(path)
    since = datetime.fromtimestamp(modified) if modified is not None else None
    return LockHolder(pid, hostname, app_name, since)


class LiveRoomLock:
    """The right to open one room live. Take it with ``acquire``; ``release`` it on shut-down
    (it is a context manager too). ``held`` is False where no lock could be made — a read-only
    folder, where the room opens for viewing only anyway; ``problem`` then says why, if unexpected."""

    def __init__(self, path: Path, lock: QLockFile | None, problem: str = ""):
        self.path = path
        self._lock = lock
        self.problem = problem

    @classmethod
    def acquire(cls, room_path: str | os.PathLike) -> LiveRoomLock:
        """Take the room's lock without waiting. Raises RoomOpenLive when a live process has it."""
        path = lock_path(room_path)
        if not os.access(path.parent, os.W_OK):  # read-only media: nobody opens it live from here
            return cls(path, None)
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if lock.tryLock(0):  # Qt removes a lock whose process died on this computer, then takes it
            return cls(path, lock)
        if lock.error() != QLockFile.LockError.LockFailedError:
            reason = "permission denied" if lock.error() == QLockFile.LockError.PermissionError else "unknown error"
            return cls(path, None, f"could not create {path.name} ({reason})")
        holder = _read_holder(lock, path)
        if holder is None and cls._gone_or_abandoned(path, lock) and lock.tryLock(0):
            return cls(path, lock)
        raise RoomOpenLive(room_path, holder)

    @staticmethod
    def _gone_or_abandoned(path: Path, lock: QLockFile) -> bool:
        """A lock we could not read: released a moment ago, or cut short long ago (then removed here;
        Qt removes it only if no live process holds it open)."""
        modified = _modified(path)
        if modified is None:
            return True
        return time.time() - modified > UNREADABLE_LOCK_GRACE_S and lock.removeStaleLockFile()

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.isLocked()

    def release(self) -> None:
        """Remove the lock file (if this process made it); safe to call more than once."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def __enter__(self) -> LiveRoomLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()
