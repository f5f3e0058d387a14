"""Complaints counted by month, stage, source and category: the listening path's table.

A million complaints take SQLite about half a second to group; the walls must draw in a fraction
of that. So every import regroups them once, in SQL, into this small table (a few thousand rows),
and the walls read it instead. `customer-room check` verifies it still matches the complaints.
"""

from __future__ import annotations

from .sql import Sql


NO_STAGE = 0  # stage_id for complaints with no stage: a primary key cannot hold NULL


def create_complaint_months(db: Sql) -> None:
    db.execute("""
        CREATE TABLE complaint_months (
            month TEXT NOT NULL,
            stage_id INTEGER NOT NULL,
            source TEXT NOT NULL,
            category TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count > 0),
            PRIMARY KEY (month, stage_id, source, category)
        ) WITHOUT ROWID""")


def refresh_complaint_months(db: Sql) -> None:
    """Regroup every complaint; call inside the transaction that changed the complaints."""
    db.execute("DELETE FROM complaint_months")
    db.execute(f"""
        INSERT INTO complaint_months (month, stage_id, source, category, count)
        SELECT substr(received_on, 1, 7), coalesce(stage_id, {NO_STAGE}), source, category, count(*)
        FROM complaints GROUP BY 1, 2, 3, 4""")


def complaint_months_in_step(db: Sql) -> bool:
    """True when the grouped table counts exactly the complaints there are."""
    grouped = db.execute("SELECT coalesce(sum(count), 0) FROM complaint_months").fetchone()[0]
    return grouped == db.execute("SELECT count(*) FROM complaints").fetchone()[0]
