"""Values in a room that its readers cannot use: text that is not UTF-8 and JSON that does not parse.

SQLite's integrity check does not look inside text. A damaged row (a flipped byte) can hold either; the
readers show U+FFFD for bad bytes (room_probe's text factory) and this lists them for `customer-room check`.
"""

from __future__ import annotations

import sqlite3
from .sql import Sql


# (table, column, which rows) holding JSON written by Customer Room.
JSON_COLUMNS = (("personas", "goals", "1"), ("personas", "frustrations", "1"),
                ("journal_events", "detail", "kind = 'capture_edited'"))
_LISTED = 20  # per kind of problem: enough to find them, not a wall of text


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _text_columns(db: Sql) -> list[tuple[str, str, bool]]:
    """(table, column, whether the table has rowids) for every TEXT column."""
    found = []
    tables = db.execute("SELECT name, upper(sql) LIKE '%WITHOUT ROWID%' FROM sqlite_master "
                        "WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name").fetchall()
    for table, without_rowid in tables:
        for column in db.execute(f"PRAGMA table_info({_quoted(table)})").fetchall():
            if "TEXT" in (column[2] or "").upper():
                found.append((table, column[1], not without_rowid))
    return found


def _bad_utf8(conn: Sql, table: str, column: str, rowids: bool) -> list[int | None]:
    rows = []
    sql = (f"SELECT {'rowid' if rowids else 'NULL'}, CAST({_quoted(column)} AS BLOB) FROM {_quoted(table)} "
           f"WHERE typeof({_quoted(column)}) = 'text'")
    for rowid, raw in conn.execute(sql):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            rows.append(rowid)
            if len(rows) >= _LISTED:
                break
    return rows


def value_findings(db: Sql) -> list[str]:
    """One sentence per unreadable value (at most 20 of each kind); an empty list when all read."""
    findings = []
    try:
        for table, column, rowids in _text_columns(db):
            for rowid in _bad_utf8(db, table, column, rowids):
                row = f" row {rowid}" if rowid is not None else ""
                findings.append(f"{table}{row}: its {column} holds bytes that are not text (UTF-8)")
        for table, column, rows in JSON_COLUMNS:
            sql = (f"SELECT rowid FROM {_quoted(table)} WHERE {rows} AND {_quoted(column)} != '' "
                   f"AND NOT json_valid({_quoted(column)}) LIMIT {_LISTED}")
            for (rowid,) in db.execute(sql):
                findings.append(f"{table} row {rowid}: its {column} is not readable JSON")
    except sqlite3.DatabaseError as error:
        findings.append(f"the values could not all be read: {error}")
    return findings
