"""A room of the current format turned back into an older one, as the release that wrote that format made it."""

from __future__ import annotations

import sqlite3

_FORMAT_5_RESULTS = """
    CREATE TABLE exercise_results (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        run_id INTEGER NOT NULL REFERENCES exercise_runs(id) ON DELETE CASCADE,
        attendee TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'gave up', 'answered')),
        seconds INTEGER CHECK (seconds IS NULL OR seconds >= 0),
        answer TEXT NOT NULL DEFAULT '',
        reaction TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        UNIQUE (run_id, attendee)
    )"""


def as_format_6(conn: sqlite3.Connection) -> None:
    """Format 13 added artifacts.page, 12 edit_history, 11 stages.narration, 10 the kiosk table, 9 commitment
    reviews and reactions without a result, 8 room.own_handles, 7 artifacts.pdf_password: undo them, newest first.
    The caller commits."""
    conn.execute("ALTER TABLE artifacts DROP COLUMN page")
    conn.execute("DROP TABLE edit_history")
    conn.execute("ALTER TABLE stages DROP COLUMN narration")
    conn.execute("DROP TABLE kiosk")
    conn.execute("DROP TABLE commitment_reviews")
    conn.execute("ALTER TABLE exercise_results RENAME TO exercise_results_9")
    conn.execute(_FORMAT_5_RESULTS)
    conn.execute("INSERT INTO exercise_results SELECT * FROM exercise_results_9 WHERE outcome IS NOT NULL")
    conn.execute("DROP TABLE exercise_results_9")
    conn.execute("ALTER TABLE room DROP COLUMN own_handles")
    conn.execute("ALTER TABLE artifacts DROP COLUMN pdf_password")
    conn.execute("PRAGMA user_version = 6")
