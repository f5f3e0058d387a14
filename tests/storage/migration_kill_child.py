"""The process test_migration_kills.py kills: it upgrades a room and SIGKILLs itself at event K.

Usage: python migration_kill_child.py ROOM K

Events are every SQL statement the upgrade runs (a trace callback on each connection it opens), every
slice of pages copied into the backup, and every fsync. K = -1 counts them instead and prints the total.
"""

from __future__ import annotations

import os
import signal
import sys

from customer_room_desktop.storage import room_file, room_upgrade


def main(room: str, kill_at: int) -> None:
    seen = 0

    def event(*_: object) -> None:
        nonlocal seen
        if seen == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        seen += 1

    real_connect, real_fsync = room_file.connect, room_upgrade._fsync

    def traced_connect(path, mode):
        conn = real_connect(path, mode)
        conn.set_trace_callback(event)
        return conn

    def traced_fsync(path):
        event()
        real_fsync(path)
        event()

    room_file.connect = traced_connect  # type: ignore[assignment]
    room_upgrade._fsync = traced_fsync  # type: ignore[assignment]
    room_upgrade.backup_step = event  # type: ignore[assignment]
    with room_file.RoomFile.open(room) as opened:
        assert opened.upgraded_from is not None
    print(seen, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
