"""What reading a room needs of its connection, so a read needs no wrapper library.

Reads take ``Sql``: the room's plain ``sqlite3.Connection`` satisfies it, and so does the
``sqlite_utils.Database`` a write transaction yields. Opening a room and drawing the walls therefore
never imports sqlite-utils, which with its own imports costs about a tenth of a second at start-up.
"""

from __future__ import annotations

import sqlite3
import sys
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import sqlite_utils


class Sql(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...


# sqlite-utils imports numpy and pandas when they are installed, only to store their values; a room never
# holds one. numpy comes with pyqtgraph, so the first save of a session paid 55 ms and 15 MB for nothing.
_NOT_FOR_ROOMS = ("numpy", "pandas")


def write_database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """The sqlite-utils view of ``conn`` used to write; third-party sqlite-utils plugins never touch a room."""
    return _sqlite_utils().Database(conn, execute_plugins=False)


def _sqlite_utils() -> Any:
    """sqlite-utils, imported without numpy or pandas unless something else loaded them first. Rooms are
    written on the thread that opened them; no other thread of ours imports numpy or pandas, so hiding
    them for the length of this import disturbs nothing."""
    found = sys.modules.get("sqlite_utils")
    if found is not None:
        return found
    hidden = [name for name in _NOT_FOR_ROOMS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # None makes `import name` fail at once
    try:
        import sqlite_utils  # noqa: PLC0415 - only writing needs it
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return sqlite_utils
