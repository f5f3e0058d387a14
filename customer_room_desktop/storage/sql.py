"""What reading a room needs of its connection, so a read needs no wrapper library.

Reads take ``Sql``: the room's plain ``sqlite3.Connection`` satisfies it, and so does the
``sqlite_utils.Database`` a write transaction yields. Opening a room and drawing the walls therefore
never imports sqlite-utils, which with its own imports costs about a tenth of a second at start-up.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import sqlite_utils


class Sql(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> sqlite3.Cursor: ...


def write_database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """The sqlite-utils view of ``conn`` used to write; third-party sqlite-utils plugins never touch a room."""
    import sqlite_utils  # noqa: PLC0415 - only writing needs it

    return sqlite_utils.Database(conn, execute_plugins=False)
