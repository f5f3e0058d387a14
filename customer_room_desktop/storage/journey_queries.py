"""Read the journey back as domain objects."""

from __future__ import annotations

import json


from ..domain.journey import (
    Artifact, ArtifactKind, Call, MediaKind, MomentOfTruth, Persona, Room, Silo, Stage,
    TranscriptSegment, TryItTask,
)
from .sql import Sql


def load_room(db: Sql) -> Room:
    row = db.execute(
        "SELECT name, description, brand_colour, currency, mask_verbatims, logo_sha256, own_handles "
        "FROM room WHERE id = 1"
    ).fetchone()
    if row is None:
        return Room(name="Untitled room")
    return Room(row[0], row[1], row[2], row[3], bool(row[4]), row[5], own_handles(row[6]))


def own_handles(stored: str | None) -> tuple[str, ...]:
    """The room's own handles from their JSON list; a hand-written "@A, @B" or a bare string is read too."""
    try:
        value = json.loads(stored or "[]")
    except ValueError:
        value = stored
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    return tuple(h.strip() for h in value if isinstance(h, str) and h.strip()) if isinstance(value, list) else ()


def list_silos(db: Sql) -> list[Silo]:
    return [Silo(key, name) for key, name in db.execute("SELECT key, name FROM silos ORDER BY name")]


def list_stages(db: Sql) -> list[Stage]:
    rows = db.execute("SELECT key, name, goal, position, description, narration FROM stages ORDER BY position")
    return [Stage(*row) for row in rows]


def list_moments(db: Sql, stage_key: str | None = None) -> list[MomentOfTruth]:
    sql = """
        SELECT m.key, s.key, m.name, m.description, m.is_priority,
               (SELECT json_group_array(si.key) FROM moment_silos ms JOIN silos si ON si.id = ms.silo_id
                WHERE ms.moment_id = m.id)
        FROM moments m JOIN stages s ON s.id = m.stage_id
        WHERE ? IS NULL OR s.key = ?
        ORDER BY s.position, m.id
    """
    return [
        MomentOfTruth(key, stage, name, description, bool(priority), tuple(json.loads(silos)))
        for key, stage, name, description, priority, silos in db.execute(sql, (stage_key, stage_key))
    ]


def list_personas(db: Sql) -> list[Persona]:
    rows = db.execute("SELECT key, name, situation, goals, frustrations, quote, photo_sha256 FROM personas ORDER BY id")
    return [
        Persona(key, name, situation, tuple(json.loads(goals)), tuple(json.loads(frustrations)), quote, photo)
        for key, name, situation, goals, frustrations, quote, photo in rows
    ]


def list_artifacts(db: Sql, stage_key: str | None = None) -> list[Artifact]:
    sql = """
        SELECT a.key, a.title, a.kind, s.key, a.media_sha256, m.key, a.caption, a.task_text,
               a.task_customer_median_seconds, a.task_done_when, a.task_customer_give_up_percent,
               a.task_common_wrong_answer, a.pdf_password, a.page
        FROM artifacts a JOIN stages s ON s.id = a.stage_id LEFT JOIN moments m ON m.id = a.moment_id
        WHERE ? IS NULL OR s.key = ?
        ORDER BY s.position, a.id
    """
    artifacts = []
    for row in db.execute(sql, (stage_key, stage_key)):
        task = TryItTask(row[7], row[8], row[9], row[10], row[11]) if row[7] is not None else None
        artifacts.append(Artifact(row[0], row[1], ArtifactKind(row[2]), row[3], row[4], row[5], row[6], task, row[12],
                                  row[13]))
    return artifacts


def list_calls(db: Sql, stage_key: str | None = None, call_key: str | None = None) -> list[Call]:
    sql = """
        SELECT c.id, c.key, c.title, s.key, c.media_sha256, c.kind, c.duration_ms, m.key, p.key,
               c.consent, c.recorded_on, c.summary
        FROM calls c JOIN stages s ON s.id = c.stage_id
        LEFT JOIN moments m ON m.id = c.moment_id LEFT JOIN personas p ON p.id = c.persona_id
        WHERE (? IS NULL OR s.key = ?) AND (? IS NULL OR c.key = ?)
        ORDER BY s.position, c.id
    """
    calls = []
    for row in db.execute(sql, (stage_key, stage_key, call_key, call_key)).fetchall():
        segments = tuple(
            TranscriptSegment(*segment)
            for segment in db.execute(
                "SELECT start_ms, end_ms, speaker, text FROM transcript_segments WHERE call_id = ? ORDER BY start_ms",
                (row[0],),
            )
        )
        calls.append(
            Call(row[1], row[2], row[3], row[4], MediaKind(row[5]), row[6], row[7], row[8], bool(row[9]), row[10],
                 row[11], segments)
        )
    return calls


def stage_counts(db: Sql) -> dict[str, dict[str, int]]:
    """For each stage key: how many moments, artifacts, calls and complaints it holds."""
    counts: dict[str, dict[str, int]] = {}
    for table, name in (("moments", "moments"), ("artifacts", "artifacts"), ("calls", "calls"),
                        ("complaints", "complaints")):
        for key, count in db.execute(
            f"SELECT s.key, (SELECT count(*) FROM {table} x WHERE x.stage_id = s.id) FROM stages s"
        ):
            counts.setdefault(key, {})[name] = count
    return counts
