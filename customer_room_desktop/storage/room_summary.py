"""Counts of everything in a room, for `customer-room info` and the console's status line."""

from __future__ import annotations

import os
from .sql import Sql


# Entity name shown to users -> table holding it.
ENTITY_TABLES = {
    "silos": "silos",
    "stages": "stages",
    "moments_of_truth": "moments",
    "personas": "personas",
    "artifacts": "artifacts",
    "calls": "calls",
    "transcript_segments": "transcript_segments",
    "call_bookmarks": "call_bookmarks",
    "complaints": "complaints",
    "kpis": "kpis",
    "kpi_readings": "kpi_readings",
    "survey_results": "survey_results",
    "customer_asset_periods": "asset_periods",
    "lost_reasons": "asset_lost_reasons",
    "sessions": "sessions",
    "attendees": "attendees",
    "agenda_items": "agenda_items",
    "priorities": "priorities",
    "votes": "votes",
    "teams": "teams",
    "team_members": "team_members",
    "accountability_steps": "accountability_steps",
    "stop_doing_items": "stop_doing_items",
    "recognitions": "recognitions",
    "decisions": "decisions",
    "commitments": "commitments",
    "notes": "notes",
    "journal_events": "journal_events",
    "media_items": "media",
}


def entity_counts(db: Sql) -> dict[str, int]:
    return {name: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for name, table in ENTITY_TABLES.items()}


def room_summary(db: Sql, path: str | os.PathLike) -> dict:
    name = db.execute("SELECT name FROM room WHERE id = 1").fetchone()
    media_bytes = db.execute("SELECT coalesce(sum(size), 0) FROM media").fetchone()[0]
    complaint_span = db.execute("SELECT min(received_on), max(received_on) FROM complaints").fetchone()
    listening_sources = db.execute("SELECT count(DISTINCT source) FROM complaints").fetchone()[0]
    return {
        "path": str(path),
        "name": name[0] if name else "",
        "schema_version": db.execute("PRAGMA user_version").fetchone()[0],
        "file_size_bytes": os.path.getsize(path),
        "media_bytes": media_bytes,
        "complaints_from": complaint_span[0],
        "complaints_to": complaint_span[1],
        "listening_sources": listening_sources,
        "counts": entity_counts(db),
    }
