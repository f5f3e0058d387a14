"""Ordered schema migrations: each is a small function run in its own transaction."""

from __future__ import annotations


from collections.abc import Callable


from . import schema_v1
from .complaint_months import create_complaint_months, refresh_complaint_months
from .sql import Sql


Migration = Callable[[Sql], None]


def _create_version_1(db: Sql) -> None:
    for statement in schema_v1.STATEMENTS.split(";"):
        if statement.strip():
            db.execute(statement)


def _add_call_bookmarks(db: Sql) -> None:
    """Version 2: bookmarks in calls, "play the moment where the customer says it"."""
    db.execute("""
        CREATE TABLE call_bookmarks (
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (length(trim(label)) > 0),
            in_ms INTEGER NOT NULL CHECK (in_ms >= 0),
            out_ms INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            CHECK (out_ms > in_ms)
        )""")
    db.execute("CREATE INDEX call_bookmarks_call ON call_bookmarks(call_id, in_ms)")


def _add_session_settings_and_report_artifacts(db: Sql) -> None:
    """Version 3: each session's voting rules, when a recognition was made, artifacts in team reports."""
    db.execute("ALTER TABLE sessions ADD COLUMN dots_per_leader INTEGER NOT NULL DEFAULT 3")
    db.execute("ALTER TABLE sessions ADD COLUMN max_priorities INTEGER NOT NULL DEFAULT 3")
    db.execute("ALTER TABLE recognitions ADD COLUMN at TEXT NOT NULL DEFAULT ''")
    db.execute("""
        CREATE TABLE step_artifacts (
            step_id INTEGER NOT NULL REFERENCES accountability_steps(id) ON DELETE CASCADE,
            artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
            PRIMARY KEY (step_id, artifact_id)
        )""")


def _add_complaint_months(db: Sql) -> None:
    """Version 4: complaints grouped by month, stage, source and category, for the listening path."""
    create_complaint_months(db)
    refresh_complaint_months(db)


def _add_exercises_and_persona_complaints(db: Sql) -> None:
    """Version 5: "try it yourself" runs and each leader's result; complaints may name a persona."""
    db.execute("ALTER TABLE complaints ADD COLUMN persona_id INTEGER REFERENCES personas(id)")
    db.execute("""
        CREATE TABLE exercise_runs (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
            started_at TEXT NOT NULL,
            stopped_at TEXT
        )""")
    db.execute("""
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
        )""")


# The tables of what a session captures; each capture can be withdrawn from format 6 on.
CAPTURE_TABLES = ("decisions", "commitments", "notes")


def _add_capture_withdrawals(db: Sql) -> None:
    """Version 6: a capture can be withdrawn (kept, but left out of the minutes). An edit changes the text in
    place; the journal keeps what it said before."""
    for table in CAPTURE_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN withdrawn_at TEXT")


def _add_artifact_pdf_passwords(db: Sql) -> None:
    """Version 7: the user password of an artifact's PDF (from `password` in its room.toml entry), so the
    live room can open it. NULL for a picture or a PDF anyone may open."""
    db.execute("ALTER TABLE artifacts ADD COLUMN pdf_password TEXT")


def _add_own_handles(db: Sql) -> None:
    """Version 8: the company's own social-media handles (`own_handles` in room.toml [room]), a JSON list the
    privacy mask keeps on walls while it masks people's @handles."""
    db.execute("ALTER TABLE room ADD COLUMN own_handles TEXT NOT NULL DEFAULT '[]'")


def _add_commitment_reviews_and_lone_reactions(db: Sql) -> None:
    """Version 9: each session's review of earlier commitments (done, moved, dropped or still open), and a
    leader's reaction to an exercise saved with or without a result (the outcome may be empty)."""
    db.execute("""
        CREATE TABLE commitment_reviews (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'moved', 'dropped', 'open')),
            due_before TEXT NOT NULL,
            due_after TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (commitment_id, session_id)
        )""")
    db.execute("CREATE INDEX commitment_reviews_session ON commitment_reviews(session_id)")
    db.execute("""
        CREATE TABLE exercise_results_9 (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            run_id INTEGER NOT NULL REFERENCES exercise_runs(id) ON DELETE CASCADE,
            attendee TEXT NOT NULL,
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('finished', 'gave up', 'answered')),
            seconds INTEGER CHECK (seconds IS NULL OR seconds >= 0),
            answer TEXT NOT NULL DEFAULT '',
            reaction TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            UNIQUE (run_id, attendee),
            CHECK (outcome IS NOT NULL OR reaction != '')
        )""")
    db.execute("INSERT INTO exercise_results_9 (id, uid, run_id, attendee, outcome, seconds, answer, reaction, at) "
               "SELECT id, uid, run_id, attendee, outcome, seconds, answer, reaction, at FROM exercise_results")
    db.execute("DROP TABLE exercise_results")
    db.execute("ALTER TABLE exercise_results_9 RENAME TO exercise_results")


def _add_kiosk(db: Sql) -> None:
    """Version 10: the kiosk's programme (its TOML text, steps and schedule) and the salted hash of the PIN
    that leaves it; one row, absent until a programme or a PIN is set."""
    db.execute("""
        CREATE TABLE kiosk (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            programme TEXT NOT NULL DEFAULT '',
            pin_hash TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        )""")


def _add_stage_narration(db: Sql) -> None:
    """Version 11: each stage's narration, the text a visitor reads on the kiosk's self-guided tour."""
    db.execute("ALTER TABLE stages ADD COLUMN narration TEXT NOT NULL DEFAULT ''")


def _add_edit_history(db: Sql) -> None:
    """Version 12: the room editor's history, so undo and redo still work after the room is reopened. Each
    row is one edit (its label and its changes as JSON); ``undone`` marks the edits that can be redone."""
    db.execute("""
        CREATE TABLE edit_history (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            changes TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
            at TEXT NOT NULL
        )""")


def _add_artifact_page(db: Sql) -> None:
    """Version 13: for a PDF artifact, the page its wall opens at and its thumbnail shows (1 for the first)."""
    db.execute("ALTER TABLE artifacts ADD COLUMN page INTEGER NOT NULL DEFAULT 1 CHECK (page >= 1)")


# MIGRATIONS[n] turns a file of schema version n into version n + 1.
MIGRATIONS: list[Migration] = [_create_version_1, _add_call_bookmarks, _add_session_settings_and_report_artifacts,
                                _add_complaint_months, _add_exercises_and_persona_complaints,
                                _add_capture_withdrawals, _add_artifact_pdf_passwords, _add_own_handles,
                                _add_commitment_reviews_and_lone_reactions, _add_kiosk,
                                _add_stage_narration, _add_edit_history, _add_artifact_page]
LATEST_VERSION = len(MIGRATIONS)
