"""Build a room file from a room source folder: manifest, CSV data and media, in one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path


from ..domain.journey import ArtifactKind, TryItTask, recorded_on_problem
from ..storage.build_marker import BUILDING_APPLICATION_ID, BUILDING_SUFFIX, building_path
from ..storage.errors import ImportRefused, storage_failure
from ..storage.media_store import add_media_file
from ..storage.room_file import APPLICATION_ID, RoomFile
from ..storage.rows import insert_row
from .csv_import import import_csv
from .folder_source import scan_folder
from .material_survey import MaterialSurvey, refusal_sentence, survey_material
from .room_manifest import DATA_ENTRIES, BuildError, Manifest, load_manifest
from .session_sources import insert_sessions_and_priorities
from .source_extras import insert_bookmarks_and_kiosk
from .source_keys import SourceKeys

if TYPE_CHECKING:
    import sqlite_utils

Progress = Callable[[str], None]


def build_room(source: str | Path, output: str | Path, *, replace: bool = False,
               progress: Progress | None = None, allow_placeholders: bool = False,
               probe_recordings: bool = True) -> Path:
    """Build ``source`` into the room file ``output``; on any error nothing is left at ``output``.

    Every file is decoded first (see material_survey); one that will not show refuses the build,
    unless ``allow_placeholders``, when each is said through ``progress`` as "placeholder: …".
    The room is written as ``output.building``, stamped as unfinished (see storage.build_marker), and
    appears at ``output`` only by a rename once complete. Killed, that file is refused by `open`,
    `check` and `info` and removed by the next build; failed or interrupted, it is removed at once.
    """
    _clear_unfinished(Path(output))  # before the source is read
    build_manifest(load_manifest(source), output, replace=replace, progress=progress,
                   allow_placeholders=allow_placeholders, probe_recordings=probe_recordings)
    return Path(output)


def build_manifest(manifest: Manifest, output: str | Path, *, replace: bool = False, progress: Progress | None = None,
                   allow_placeholders: bool = False, probe_recordings: bool = True) -> MaterialSurvey:
    """Build a manifest already read (or made, see folder_source) into ``output``, as build_room does;
    the survey of its files tells what became a placeholder."""
    say = progress or (lambda message: None)
    output = Path(output)
    partial = _clear_unfinished(output)
    if output.is_dir():
        raise BuildError(f"{output} is a folder; give the room file's name, such as {output / 'room.croom'}.")
    if output.exists() and not replace:
        raise BuildError(f"{output} already exists; pass --force to replace it.")
    survey = survey_material(manifest, probe_recordings=probe_recordings, progress=say)
    if survey.placeholders and not allow_placeholders:
        raise BuildError(refusal_sentence(survey.placeholders))
    for placeholder in survey.placeholders:
        say(f"placeholder: {placeholder}")
    room: RoomFile | None = None
    built = False
    try:
        room = _start(partial, manifest.room["name"])
        _fill(room, manifest, survey, say)
        _finish(room)
        os.replace(partial, output)
        built = True
    except ImportRefused as error:
        raise BuildError(str(error)) from None
    except KeyError as error:
        raise BuildError(f"{manifest.folder}: an entry has no '{error.args[0]}' field, which it needs.") from None
    except (TypeError, ValueError) as error:
        raise BuildError(f"{manifest.folder}: an entry has a field of the wrong kind ({error}).") from None
    except (sqlite3.Error, OSError) as error:  # a full disk, a folder that cannot be written
        raise storage_failure(error, output) from None
    finally:
        if not built:  # failed, refused, or stopped by Ctrl+C or SIGTERM (see cmd_build)
            _abandon(room, partial)
    with contextlib.suppress(OSError):
        _sync_folder(output.parent)
    return survey


def build_from_folder(folder: str | Path, output: str | Path, *, name: str | None = None, consent: bool = False,
                      probe_recordings: bool = True) -> list[str]:
    """`new ROOM --from-folder DIR`: a room from a folder of material, every file checked as `build` checks
    it; a file that will not show becomes a placeholder. Gives the lines that report what was made."""
    source = scan_folder(folder, name=name, consent=consent)
    survey = build_manifest(source.manifest(), output, allow_placeholders=True, probe_recordings=probe_recordings)
    return source.report(Path(output), survey.placeholders, survey.recordings_unchecked)


def _clear_unfinished(output: Path) -> Path:
    """Refuse a name that marks an unfinished room; remove what a killed build left (never a room)."""
    if output.name.endswith(BUILDING_SUFFIX):
        raise BuildError(f"{output}: a room file's name cannot end in '{BUILDING_SUFFIX}', which marks a room "
                         "still being built; choose another name.")
    partial = building_path(output)
    _remove(partial)
    return partial


def _start(partial: Path, name: str) -> RoomFile:
    room = RoomFile.create(partial, name)
    room.conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, safe to copy, from the start
    room.conn.execute("PRAGMA synchronous=OFF")  # the finished file is synced once, before its rename
    room.conn.execute(f"PRAGMA application_id={BUILDING_APPLICATION_ID}")  # `open` and `check` refuse it
    return room


def _fill(room: RoomFile, manifest: Manifest, survey: MaterialSurvey, say: Progress) -> None:
    ids = SourceKeys()
    with room.transaction() as db:
        _insert_journey(db, manifest, ids, say, survey)
    for entry, kind in DATA_ENTRIES.items():
        if manifest.data.get(entry):
            csv_path = manifest.path(manifest.data[entry], f"room.toml [data] {entry}")
            result = import_csv(room, kind, csv_path)
            say(f"{result.rows:,} rows of {kind} from {csv_path.name}")
    with room.transaction() as db:
        insert_sessions_and_priorities(db, manifest, ids)
        insert_bookmarks_and_kiosk(db, manifest, ids)
    say(f"{len(manifest.sections['sessions'])} sessions and {len(manifest.sections['priorities'])} priorities")


def _finish(room: RoomFile) -> None:
    """Mark the room as a room (the last write), close it and put it on the disk before it is renamed."""
    room.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    room.conn.close()
    with room.path.open("r+b") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """So the rename itself survives a power cut (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _abandon(room: RoomFile | None, partial: Path) -> None:
    """Close and remove an unfinished room without raising over the error that stopped the build."""
    if room is not None:
        with contextlib.suppress(sqlite3.Error):
            room.conn.close()
    with contextlib.suppress(OSError):  # whatever stays is refused by `open` and removed by the next build
        _remove(partial)


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _media(db: sqlite_utils.Database, manifest: Manifest, relative: str | None, where: str) -> str | None:
    if not relative:
        return None
    return add_media_file(db, manifest.path(relative, where)).sha256


def _insert_journey(db: sqlite_utils.Database, manifest: Manifest, ids: SourceKeys, say: Progress,
                    survey: MaterialSurvey) -> None:
    room = manifest.room
    db.execute(
        "UPDATE room SET description = ?, brand_colour = ?, currency = ?, mask_verbatims = ?, logo_sha256 = ?, "
        "built_from = ? WHERE id = 1",
        (room.get("description", ""), room.get("brand_colour", "#12A4B4"), room.get("currency", "GBP"),
         int(bool(room.get("mask_verbatims", True))), _media(db, manifest, room.get("logo"), "room.toml [room] logo"),
         manifest.folder.name),
    )
    db.execute("UPDATE room SET own_handles = ? WHERE id = 1", (json.dumps(room.get("own_handles", []), default=str),))
    s = manifest.sections
    for silo in s["silos"]:
        ids.add("silos", silo["key"], insert_row(db, "silos", {"key": silo["key"], "name": silo["name"]}))
    if not s["stages"]:
        raise BuildError(f"{manifest.folder}: a room needs at least one stage.")
    for position, stage in enumerate(s["stages"], start=1):
        ids.add("stages", stage["key"], insert_row(db, "stages", {
            "key": stage["key"], "position": position, "name": stage["name"], "goal": stage.get("goal", ""),
            "description": stage.get("description", ""), "narration": stage.get("narration", "")}))
    for moment in s["moments"]:
        where = f"moment '{moment['key']}'"
        moment_id = insert_row(db, "moments", {
            "key": moment["key"], "stage_id": ids.get("stages", moment.get("stage"), where), "name": moment["name"],
            "description": moment.get("description", ""), "is_priority": int(bool(moment.get("priority", False)))})
        ids.add("moments", moment["key"], moment_id)
        for silo_key in moment.get("silos", []):
            insert_row(db, "moment_silos", {"moment_id": moment_id, "silo_id": ids.get("silos", silo_key, where)})
    for persona in s["personas"]:
        where = f"persona '{persona['key']}'"
        ids.add("personas", persona["key"], insert_row(db, "personas", {
            "key": persona["key"], "name": persona["name"], "situation": persona.get("situation", ""),
            "goals": json.dumps(persona.get("goals", [])), "frustrations": json.dumps(persona.get("frustrations", [])),
            "quote": persona.get("quote", ""), "photo_sha256": _media(db, manifest, persona.get("photo"), where)}))
    for kpi in s["kpis"]:
        where = f"KPI '{kpi['key']}'"
        if kpi.get("direction") not in ("higher", "lower"):
            raise BuildError(f"{where}: direction must be 'higher' or 'lower'.")
        ids.add("kpis", kpi["key"], insert_row(db, "kpis", {
            "key": kpi["key"], "moment_id": ids.get("moments", kpi.get("moment"), where), "name": kpi["name"],
            "unit": kpi.get("unit", ""), "direction": kpi["direction"], "target": kpi["target"],
            "at_risk": kpi["at_risk"], "failing": kpi["failing"],
            "owner_silo_id": ids.get("silos", kpi.get("owner"), where, required=False),
            "predicts": json.dumps(kpi.get("predicts", []))}))
    _insert_artifacts(db, manifest, ids)
    say(f"{len(s['artifacts'])} artifacts")
    _insert_calls(db, manifest, ids, survey)
    say(f"{len(s['calls'])} calls")


def _insert_artifacts(db: sqlite_utils.Database, manifest: Manifest, ids: SourceKeys) -> None:
    kinds = {kind.value for kind in ArtifactKind}
    for artifact in manifest.sections["artifacts"]:
        where = f"artifact '{artifact['key']}'"
        if artifact.get("kind") not in kinds:
            raise BuildError(f"{where}: '{artifact.get('kind')}' is not an artifact kind ({', '.join(sorted(kinds))}).")
        task = artifact.get("task")
        page = artifact.get("page", 1)
        if not isinstance(page, int) or isinstance(page, bool) or page < 1:
            raise BuildError(f"{where}: page must be a whole number, counted from 1 (found {page!r}).")
        row = {
            "key": artifact["key"], "title": artifact["title"], "kind": artifact["kind"],
            "stage_id": ids.get("stages", artifact.get("stage"), where),
            "moment_id": ids.get("moments", artifact.get("moment"), where, required=False),
            "media_sha256": _media(db, manifest, artifact.get("file"), where), "caption": artifact.get("caption", ""),
            "pdf_password": artifact.get("password"), "page": page,
        }
        if row["media_sha256"] is None:
            raise BuildError(f"{where}: an artifact needs a file.")
        if task is not None:
            exercise = TryItTask(str(task.get("text", "")), int(task.get("customer_median_seconds", 0)),
                                 task.get("done_when", ""), task.get("customer_give_up_percent"),
                                 task.get("common_wrong_answer", ""))
            if exercise.problems():
                raise BuildError(f"{where}: {exercise.problems()[0]}.")
            row.update({
                "task_text": exercise.text, "task_done_when": exercise.done_when,
                "task_customer_median_seconds": exercise.customer_median_seconds,
                "task_customer_give_up_percent": exercise.customer_give_up_percent,
                "task_common_wrong_answer": exercise.common_wrong_answer})
        ids.add("artifacts", artifact["key"], insert_row(db, "artifacts", row))


def _insert_calls(db: sqlite_utils.Database, manifest: Manifest, ids: SourceKeys, survey: MaterialSurvey) -> None:
    for call in manifest.sections["calls"]:
        where = f"call '{call['key']}'"
        # the entry's length when it gives one, else the length libVLC decoded
        duration = int(call.get("duration_ms", 0)) or survey.durations_ms.get(call["key"], 0)
        segments = survey.transcripts.get(call["key"], [])
        recorded_on = call.get("recorded_on")
        if recorded_on is not None:  # a TOML date, or the text of one
            recorded_on = str(recorded_on)
            problem = recorded_on_problem(recorded_on, date.today())
            if problem:
                raise BuildError(f"{where}: recorded_on {problem}.")
        call_id = insert_row(db, "calls", {
            "key": call["key"], "title": call["title"], "stage_id": ids.get("stages", call.get("stage"), where),
            "moment_id": ids.get("moments", call.get("moment"), where, required=False),
            "persona_id": ids.get("personas", call.get("persona"), where, required=False),
            "media_sha256": _media(db, manifest, call.get("file"), where), "kind": call.get("kind", "audio"),
            "duration_ms": duration, "consent": int(bool(call.get("consent", False))),
            "recorded_on": recorded_on, "summary": call.get("summary", "")})
        ids.add("calls", call["key"], call_id)
        db.conn.executemany(
            "INSERT INTO transcript_segments (call_id, start_ms, end_ms, speaker, text) VALUES (?, ?, ?, ?, ?)",
            [(call_id, seg.start_ms, seg.end_ms, seg.speaker, seg.text) for seg in segments])

