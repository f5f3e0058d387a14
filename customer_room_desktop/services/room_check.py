"""`customer-room check`: everything that can be wrong inside a room file, listed as sentences."""

from __future__ import annotations

import sqlite3

from ..domain.customer_asset import asset_problems
from ..domain.evidence import Direction, Kpi
from ..storage.complaint_months import complaint_months_in_step
from ..storage.evidence_queries import list_asset_periods
from ..storage.media_store import open_media, verify_media
from .artifact_probe import artifact_problem
from ..storage.room_file import RoomFile
from ..storage.schema_verify import schema_problems


def check_room(room: RoomFile, *, verify_media_hashes: bool = True) -> list[str]:
    """Return the problems found; an empty list means the room is sound."""
    db = room.db
    try:
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [f"the file is damaged: {error}"]
    if integrity != ["ok"]:
        return [f"SQLite integrity: {line}" for line in integrity[:20]]
    schema = schema_problems(room.conn)
    try:
        return schema + _content_findings(room, verify_media_hashes)
    except sqlite3.OperationalError:  # a table or column is missing or altered: the schema findings say which
        if not schema:
            raise
        return schema


def _content_findings(room: RoomFile, verify_media_hashes: bool) -> list[str]:
    db = room.db
    findings: list[str] = []
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        findings.append(f"{table} row {rowid} points at a missing {parent} row")
    if verify_media_hashes:
        for (sha256,) in db.execute("SELECT sha256 FROM media ORDER BY id").fetchall():
            problem = verify_media(db, sha256)
            if problem:
                findings.append(problem)
    findings += _reference_findings(room)
    findings += _picture_findings(room)
    findings += _rule_findings(room)
    if not complaint_months_in_step(db):
        findings.append("the complaints grouped by month no longer match the complaints (re-import any complaints "
                        "file to regroup them)")
    return findings


def _reference_findings(room: RoomFile) -> list[str]:
    db = room.db
    findings = []
    queries = {
        "media {0} is stored but nothing uses it": """
            SELECT substr(sha256, 1, 12) FROM media WHERE sha256 NOT IN (
                SELECT media_sha256 FROM artifacts UNION SELECT media_sha256 FROM calls
                UNION SELECT photo_sha256 FROM personas WHERE photo_sha256 IS NOT NULL
                UNION SELECT logo_sha256 FROM room WHERE logo_sha256 IS NOT NULL
                UNION SELECT json_extract(change.value, '$.file_sha256')
                      FROM edit_history, json_each(CASE WHEN json_valid(changes) THEN changes ELSE '[]' END) change
                      WHERE json_extract(change.value, '$.change') = 'import'
                UNION SELECT json_extract(change.value, '$.values.media_sha256')
                      FROM edit_history, json_each(CASE WHEN json_valid(changes) THEN changes ELSE '[]' END) change
                      WHERE json_extract(change.value, '$.change') IN ('insert', 'delete')
                UNION SELECT json_extract(change.value, side.value)
                      FROM edit_history, json_each(CASE WHEN json_valid(changes) THEN changes ELSE '[]' END) change,
                           json_each('["$.before", "$.after"]') side
                      WHERE json_extract(change.value, '$.change') = 'set'
                        AND json_extract(change.value, '$.column') IN ('photo_sha256', 'logo_sha256'))""",
        "complaint {0} names a moment of another stage": """
            SELECT c.id FROM complaints c JOIN moments m ON m.id = c.moment_id
            WHERE c.stage_id IS NOT m.stage_id LIMIT 20""",
        "artifact '{0}' names a moment of another stage": """
            SELECT a.key FROM artifacts a JOIN moments m ON m.id = a.moment_id WHERE a.stage_id != m.stage_id""",
        "call '{0}' names a moment of another stage": """
            SELECT c.key FROM calls c JOIN moments m ON m.id = c.moment_id WHERE c.stage_id != m.stage_id""",
        "call '{0}' has a transcript line that ends before it starts": """
            SELECT DISTINCT c.key FROM transcript_segments t JOIN calls c ON c.id = t.call_id
            WHERE t.end_ms < t.start_ms""",
        "call '{0}' has transcript lines after the end of its recording": """
            SELECT DISTINCT c.key FROM transcript_segments t JOIN calls c ON c.id = t.call_id
            WHERE c.duration_ms > 0 AND t.start_ms > c.duration_ms""",
        "complaint {0} has a date that is not YYYY-MM-DD": """
            SELECT id FROM complaints
            WHERE received_on NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' LIMIT 20""",
        "the room has no name {0}": "SELECT '' FROM room WHERE trim(name) = '' ",
    }
    for sentence, sql in queries.items():
        for (value,) in db.execute(sql):
            findings.append(sentence.format(value))
    if db.execute("SELECT count(*) FROM room").fetchone()[0] != 1:
        findings.append("the room's own record is missing")
    if db.execute("SELECT count(*) FROM stages").fetchone()[0] == 0:
        findings.append("the room has no stages")
    return findings


_PICTURES = """
    SELECT 'artifact ''' || a.key || '''', m.original_name, a.media_sha256, a.pdf_password, a.page
        FROM artifacts a JOIN media m ON m.sha256 = a.media_sha256
    UNION ALL SELECT 'persona ''' || p.key || ''' photo', m.original_name, p.photo_sha256, NULL, 1
        FROM personas p JOIN media m ON m.sha256 = p.photo_sha256
    UNION ALL SELECT 'the room''s logo', m.original_name, r.logo_sha256, NULL, 1
        FROM room r JOIN media m ON m.sha256 = r.logo_sha256"""


def _picture_findings(room: RoomFile) -> list[str]:
    """Every artifact, persona photo and logo decoded as a wall would draw it (the page it opens at, small)."""
    findings = []
    for entry, name, sha256, password, page in room.db.execute(_PICTURES).fetchall():
        with open_media(room.db, sha256) as stream:
            problem = artifact_problem(stream.read(), password, page)
        if problem:
            findings.append(f"{entry} ({name}): {problem}")
    return findings


def _rule_findings(room: RoomFile) -> list[str]:
    db = room.db
    findings = []
    for row in db.execute("SELECT key, name, unit, direction, target, at_risk, failing FROM kpis"):
        kpi = Kpi(row[0], "", row[1], row[2], Direction(row[3]), row[4], row[5], row[6])
        problem = kpi.threshold_problem()
        if problem:
            findings.append(problem)
    return findings + asset_problems(list_asset_periods(db))
