"""Ordered schema migrations: each is a small function run in its own transaction."""

from __future__ import annotations

from typing import Callable

import sqlite_utils

from . import schema_v1

Migration = Callable[[sqlite_utils.Database], None]


def _create_version_1(db: sqlite_utils.Database) -> None:
    for statement in schema_v1.STATEMENTS.split(";"):
        if statement.strip():
            db.execute(statement)


# MIGRATIONS[n] turns a file of schema version n into version n + 1.
MIGRATIONS: list[Migration] = [_create_version_1]
LATEST_VERSION = len(MIGRATIONS)
