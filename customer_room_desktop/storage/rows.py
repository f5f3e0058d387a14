"""A small helper for writing one row inside the caller's transaction."""

from __future__ import annotations

import sqlite3
from .sql import Sql



def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just wrote (sqlite3 types ``lastrowid`` as optional)."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError("The statement inserted no row.")
    return row_id


def insert_row(db: Sql, table: str, row: dict) -> int:
    """INSERT one row (column names from the dict's keys) and return its rowid.

    ``table`` and the column names come from the program, never from user data.
    """
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return inserted_id(db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())))
