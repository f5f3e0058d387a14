"""A small helper for writing one row inside the caller's transaction."""

from __future__ import annotations

import sqlite_utils


def insert_row(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """INSERT one row (column names from the dict's keys) and return its rowid.

    ``table`` and the column names come from the program, never from user data.
    """
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())).lastrowid
