"""The live room's writes on a full disk: refused in one sentence, told to whoever watches, nothing earlier lost.

Every write the live room makes (a capture, a vote, a commitment reviewed, the walk journal) runs through
``RoomWrites``. What counts as a full disk is decided in one place, ``storage.errors.storage_failure``
(ENOSPC, EDQUOT, SQLite's "database or disk is full"); a failed write is rolled back by its transaction, so
what was saved before stays saved and the next write, once there is space, succeeds. Other failures pass on
unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..storage.errors import DiskFullError, disk_full_while, storage_failure
from ..storage.room_file import RoomFile

NOT_SAVED = "the last change was not saved"
JOURNAL_NOT_SAVED = "where the walls go is not being recorded for the minutes"


class RoomWrites:
    """Runs the live room's writes; a full disk raises DiskFullError whose message is the sentence to show.

    ``trouble`` is that sentence while the last write failed for want of space, "" once one succeeds again;
    each watcher (the console's banner) is told every time it changes.
    """

    def __init__(self, room: RoomFile):
        self.room = room
        self.trouble = ""
        self._watchers: list[Callable[[str], None]] = []
        self._failed = False

    def watch(self, told: Callable[[str], None]) -> None:
        self._watchers.append(told)

    @contextmanager
    def guarded(self, what: str = NOT_SAVED, then: str = "try again") -> Iterator[None]:
        """Around one action: a full disk inside becomes DiskFullError; a write that succeeded clears the
        trouble (a failed journal entry inside the action keeps it)."""
        written, self._failed = self.room.conn.total_changes, False
        try:
            yield
        except (sqlite3.Error, OSError) as error:
            if not isinstance(storage_failure(error, self.room.path), DiskFullError):
                raise
            raise self._full(what, then) from None
        if self.room.conn.total_changes != written and not self._failed:
            self._tell("")

    def run(self, action: Callable[..., Any], *args: Any, what: str = NOT_SAVED, **kwargs: Any) -> Any:
        """``action(self.room, *args, **kwargs)`` as one guarded write."""
        with self.guarded(what):
            return action(self.room, *args, **kwargs)

    def record(self, action: Callable[..., Any], *args: Any) -> None:
        """A write that must not stop what it records (the walk journal): on a full disk the watchers are
        told and the action goes on unrecorded."""
        try:
            action(self.room, *args)
        except (sqlite3.Error, OSError) as error:
            if not isinstance(storage_failure(error, self.room.path), DiskFullError):
                raise
            self._full(JOURNAL_NOT_SAVED, "it will be again")

    def _full(self, what: str, then: str) -> DiskFullError:
        self._failed = True
        failure = DiskFullError(disk_full_while(self.room.path, what, then))
        self._tell(str(failure))
        return failure

    def _tell(self, text: str) -> None:
        if text == self.trouble:
            return
        self.trouble = text
        for told in self._watchers:
            told(text)
