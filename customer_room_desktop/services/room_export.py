"""A room file written back as a room source folder (see app/cli_export.py): ``room.toml`` with the journey,
personas, KPIs, artifacts and calls; ``sessions.toml`` with the sessions and priorities; the [data] CSVs;
the media and the transcripts. `build` of the folder gives a room with the same content.

The folder is written as ``FOLDER.exporting`` and renamed into place when complete, so an export that fails
half-way (a full disk) leaves no folder that looks finished.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from ..domain.refusal import Refusal
from ..domain.toml_text import toml_table
from ..storage.room_file import RoomFile
from .export_files import DATA_QUERIES, MediaWriter, webvtt, write_csv
from .room_manifest import SOURCE_FORMAT
from ..domain.records import record

HEADING = ("# Exported by `customer-room export`. Build it again with: customer-room build FOLDER -o ROOM.croom\n"
           "# Media, transcripts and data are in the folders beside this file.")
_MARKER = ".customer-room-export"  # in a folder this command wrote: --force may replace it


class ExportRefused(Refusal):
    """An export that cannot be written where asked; the message is the sentence to show."""


@record
class Exported:
    files: int
    media: int
    rows: int


def export_room(room: RoomFile, folder: Path, replace: bool = False) -> Exported:
    """Write ``room`` as a source folder at ``folder`` (refused if it holds anything but an earlier export,
    or anything at all without ``replace``)."""
    _check_target(folder, replace)
    partial = folder.with_name(folder.name + ".exporting")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        exported = _write(room, partial)
        (partial / _MARKER).write_text("written by customer-room export\n", encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(partial, folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return exported


def _check_target(folder: Path, replace: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(f"{folder} is a file; give the name of a folder to write the room source into.")
    if folder.is_dir() and any(folder.iterdir()):
        if not (folder / _MARKER).exists():
            raise ExportRefused(f"{folder} already holds files that an export did not write; choose an empty "
                                "or new folder.")
        if not replace:
            raise ExportRefused(f"{folder} holds an earlier export; pass --force to replace it.")


def _write(room: RoomFile, folder: Path) -> Exported:
    db = room.db
    media = MediaWriter(db, folder)
    lines = [HEADING, f"format = {SOURCE_FORMAT}", 'include = ["sessions.toml"]', ""]
    lines += _room_table(db, media)
    data, rows = _data(db, folder)
    if data:
        lines += ["", *toml_table("[data]", data)]
    lines += _kiosk(db, folder)
    for section, entries in (("silos", _silos(db)), ("stages", _stages(db)), ("moments", _moments(db)),
                             ("personas", _personas(db, media)), ("kpis", _kpis(db)),
                             ("artifacts", _artifacts(db, media)), ("calls", _calls(db, media, folder))):
        for entry in entries:
            lines += ["", *toml_table(f"[[{section}]]", entry)]
    (folder / "room.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    from .session_export import sessions_toml

    (folder / "sessions.toml").write_text(sessions_toml(db), encoding="utf-8")
    files = sum(1 for path in folder.rglob("*") if path.is_file())
    return Exported(files + 1, len(media.written), rows)


def _room_table(db, media: MediaWriter) -> list[str]:
    name, description, colour, currency, mask, logo, handles = db.execute(
        "SELECT name, description, brand_colour, currency, mask_verbatims, logo_sha256, own_handles "
        "FROM room").fetchone()
    return toml_table("[room]", {
        "name": name, "description": description or None, "brand_colour": colour,
        "logo": media.write(logo, "brand", "logo"), "currency": currency, "mask_verbatims": bool(mask),
        "own_handles": json.loads(handles or "[]") or None})


def _data(db, folder: Path) -> tuple[dict[str, str], int]:
    entries, total = {}, 0
    for entry, (relative, header, query) in DATA_QUERIES.items():
        count = write_csv(folder / relative, header, db.execute(query))
        if count:
            entries[entry] = relative
            total += count
        else:
            (folder / relative).unlink()
    return entries, total


def _kiosk(db, folder: Path) -> list[str]:
    row = db.execute("SELECT programme, pin_hash FROM kiosk").fetchone()
    if row is None or not (row[0] or row[1]):
        return []
    if row[0]:
        (folder / "kiosk.toml").write_text(row[0], encoding="utf-8")
    return ["", *toml_table("[kiosk]", {"programme": "kiosk.toml" if row[0] else None, "pin_hash": row[1] or None})]


def _silos(db) -> list[dict]:
    return [{"key": key, "name": name} for key, name in db.execute("SELECT key, name FROM silos ORDER BY id")]


def _stages(db) -> list[dict]:
    return [{"key": key, "name": name, "goal": goal or None, "description": description or None,
             "narration": narration or None}
            for key, name, goal, description, narration in db.execute(
                "SELECT key, name, goal, description, narration FROM stages ORDER BY position")]


def _moments(db) -> list[dict]:
    silos: dict[int, list[str]] = {}
    for moment_id, key in db.execute("SELECT ms.moment_id, s.key FROM moment_silos ms "
                                     "JOIN silos s ON s.id = ms.silo_id ORDER BY ms.rowid"):
        silos.setdefault(moment_id, []).append(key)
    return [{"key": key, "stage": stage, "name": name, "description": description or None,
             "priority": bool(priority), "silos": silos.get(moment_id, [])}
            for moment_id, key, stage, name, description, priority in db.execute(
                "SELECT m.id, m.key, s.key, m.name, m.description, m.is_priority FROM moments m "
                "JOIN stages s ON s.id = m.stage_id ORDER BY m.id")]


def _personas(db, media: MediaWriter) -> list[dict]:
    return [{"key": key, "name": name, "photo": media.write(photo, "personas", key), "situation": situation or None,
             "goals": json.loads(goals), "frustrations": json.loads(frustrations), "quote": quote or None}
            for key, name, situation, goals, frustrations, quote, photo in db.execute(
                "SELECT key, name, situation, goals, frustrations, quote, photo_sha256 FROM personas ORDER BY id")]


def _kpis(db) -> list[dict]:
    return [{"key": key, "moment": moment, "name": name, "unit": unit or None, "direction": direction,
             "target": target, "at_risk": at_risk, "failing": failing, "owner": owner,
             "predicts": json.loads(predicts or "[]") or None}
            for key, moment, name, unit, direction, target, at_risk, failing, owner, predicts in db.execute(
                "SELECT k.key, m.key, k.name, k.unit, k.direction, k.target, k.at_risk, k.failing, s.key, k.predicts "
                "FROM kpis k JOIN moments m ON m.id = k.moment_id LEFT JOIN silos s ON s.id = k.owner_silo_id "
                "ORDER BY k.id")]


def _artifacts(db, media: MediaWriter) -> list[dict]:
    entries = []
    for row in db.execute(
            "SELECT a.key, a.title, a.kind, s.key, m.key, a.media_sha256, a.caption, a.pdf_password, a.task_text, "
            "a.task_done_when, a.task_customer_median_seconds, a.task_customer_give_up_percent, "
            "a.task_common_wrong_answer, a.page FROM artifacts a JOIN stages s ON s.id = a.stage_id "
            "LEFT JOIN moments m ON m.id = a.moment_id ORDER BY a.id"):
        key, title, kind, stage, moment, sha, caption, password, text, done_when, median, give_up, wrong, page = row
        task = None if text is None else {
            name: value for name, value in (("text", text), ("customer_median_seconds", median),
                                            ("done_when", done_when or None), ("customer_give_up_percent", give_up),
                                            ("common_wrong_answer", wrong or None)) if value is not None}
        entries.append({"key": key, "title": title, "kind": kind, "stage": stage, "moment": moment,
                        "file": media.write(sha, "artifacts", key), "caption": caption or None,
                        "page": page if page != 1 else None, "password": password, "task": task})
    return entries


def _calls(db, media: MediaWriter, folder: Path) -> list[dict]:
    entries = []
    for row in db.execute(
            "SELECT c.id, c.key, c.title, s.key, m.key, p.key, c.kind, c.media_sha256, c.duration_ms, c.consent, "
            "c.recorded_on, c.summary FROM calls c JOIN stages s ON s.id = c.stage_id "
            "LEFT JOIN moments m ON m.id = c.moment_id LEFT JOIN personas p ON p.id = c.persona_id ORDER BY c.id"):
        call_id, key, title, stage, moment, persona, kind, sha, duration, consent, recorded_on, summary = row
        segments = db.execute("SELECT start_ms, end_ms, speaker, text FROM transcript_segments WHERE call_id = ? "
                              "ORDER BY start_ms, id", (call_id,)).fetchall()
        transcript = None
        if segments:
            transcript = f"transcripts/{key}.vtt"
            (folder / "transcripts").mkdir(exist_ok=True)
            (folder / transcript).write_text(webvtt(segments), encoding="utf-8")
        bookmarks = [{"label": label, "in_ms": in_ms, "out_ms": out_ms, "created_at": created}
                     for label, in_ms, out_ms, created in db.execute(
                         "SELECT label, in_ms, out_ms, created_at FROM call_bookmarks WHERE call_id = ? ORDER BY id",
                         (call_id,))]
        entries.append({"key": key, "title": title, "stage": stage, "moment": moment, "persona": persona,
                        "kind": kind, "file": media.write(sha, "calls", key), "duration_ms": duration,
                        "transcript": transcript, "consent": bool(consent), "recorded_on": recorded_on,
                        "summary": summary or None, "bookmarks": bookmarks or None})
    return entries
