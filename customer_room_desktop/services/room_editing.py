"""The room editor's edits, made from what the room holds now: a field set, a stage moved or duplicated, a row
added or removed. Each comes back as a RoomEdit for storage.room_edit_store to apply and keep (and undo, and
redo). Calls, a moment's silos, the moment an artifact or a call belongs to and an artifact's page and task
have rules of their own (call_edits, moment_silo_edits, artifact_edits); an artifact's kind is chosen among the
kinds `build` takes (domain.room_edits.check_field)."""

from __future__ import annotations

from pathlib import Path

from ..domain.room_edits import (
    DeleteRow, EditRefused, InsertRow, MoveStages, RoomEdit, SetField, SetTranscript, check_field, copy_key,
    row_filter, unused_key,
)
from ..domain.reliability import reliability_of_value
from ..storage.evidence_queries import list_kpis
from ..storage.media_store import file_sha256
from ..storage.room_edit_store import transcript_lines
from ..storage.room_file import RoomFile
from .artifact_edits import KIND_CHOICES, artifact_rows, artifact_value
from .artifact_probe import artifact_problem
from .call_edits import call_rows, persona_choices, recorded_on_value, set_persona_edit
from .folder_source import artifact_kind, readable_title, slug
from .image_prep import NOT_SHOWABLE, is_pdf
from .moment_silo_edits import moment_choices, set_moment_edit, set_moment_silos_edit, silo_choices, silos_by_moment
from ..domain.records import record

STAGE_FIELDS = ("name", "goal", "description", "narration")
# The kinds of value a field takes; SHOWN is worked out from the room and only read.
TEXT, NUMBER, WHOLE, FLAG, DIRECTION, SHOWN = "text", "number", "whole", "flag", "direction", "shown"
OPTIONAL_NUMBER = "optional number"  # a number, or nothing when left empty (a task's give-up share)
CHOICE, LINKS = "choice", "links"  # one of the room's rows (a call's persona), or several (a moment's silos)
DATE = "date"  # a day written YYYY-MM-DD, or nothing (a call's recorded date)
# What one row of each table is called in the labels of undo and redo.
ROW_NOUNS = {"stages": "stage", "moments": "moment of truth", "silos": "silo", "personas": "persona", "kpis": "KPI",
             "artifacts": "artifact", "calls": "call", "room": "room"}
# What a field is called in the labels of undo and redo, where its column's name does not say.
FIELD_WORDS = {"is_priority": "priority", "task_text": "task", "task_done_when": "task's end",
               "task_customer_median_seconds": "customers' time", "mask_verbatims": "privacy mask",
               "task_customer_give_up_percent": "give-up share", "task_common_wrong_answer": "common wrong answer",
               "recorded_on": "recorded date"}
# What the editor changes in each table, and what kind of value each field takes.
EDITABLE: dict[str, dict[str, str]] = {
    "stages": {name: TEXT for name in STAGE_FIELDS},
    "moments": {"name": TEXT, "description": TEXT, "is_priority": FLAG, "silos": LINKS},
    "silos": {"name": TEXT},
    "personas": {"name": TEXT, "situation": TEXT, "quote": TEXT},
    "kpis": {"name": TEXT, "unit": TEXT, "direction": DIRECTION, "target": NUMBER, "at_risk": NUMBER,
             "failing": NUMBER, "latest_reading": SHOWN, "reliability_now": SHOWN},
    "artifacts": {"title": TEXT, "kind": CHOICE, "moment": CHOICE, "caption": TEXT, "page": WHOLE, "task_text": TEXT,
                  "task_done_when": TEXT, "task_customer_median_seconds": WHOLE,
                  "task_customer_give_up_percent": OPTIONAL_NUMBER, "task_common_wrong_answer": TEXT},
    "calls": {"title": TEXT, "moment": CHOICE, "recorded_on": DATE, "summary": TEXT, "consent": FLAG,
              "persona": CHOICE, "transcript": SHOWN, "recording": SHOWN},
    "room": {"name": TEXT, "description": TEXT, "brand_colour": TEXT, "currency": TEXT, "mask_verbatims": FLAG},
}


@record
class StageText:
    key: str
    position: int
    name: str
    goal: str
    description: str
    narration: str


def stages(room: RoomFile) -> list[StageText]:
    return [StageText(*row) for row in room.db.execute(
        "SELECT key, position, name, goal, description, narration FROM stages ORDER BY position")]


def stage_order(room: RoomFile) -> tuple[str, ...]:
    return tuple(key for (key,) in room.db.execute("SELECT key FROM stages ORDER BY position"))


def set_field_edit(room: RoomFile, table: str, key: str, column: str, value: object) -> RoomEdit | None:
    """Set one field from what the user typed or ticked; None when it already holds that. Refused
    (EditRefused, naming the field) when the value is not one `build` would take."""
    kinds = EDITABLE.get(table, {})
    if column not in kinds or kinds[column] == SHOWN:
        raise EditRefused(f"The editor does not change the {column.replace('_', ' ')} of {table}.", column)
    if kinds[column] == CHOICE and column == "moment":  # the moment an artifact or a call belongs to
        return set_moment_edit(room, table, key, str(value or ""))
    if kinds[column] == CHOICE and column == "persona":  # a call's persona
        return set_persona_edit(room, key, str(value or ""))
    if kinds[column] == LINKS:  # a moment's silos
        return set_moment_silos_edit(room, key, [str(k) for k in value] if isinstance(value, list | tuple) else [])
    stored = _stored(kinds[column], column, value)
    check_field(table, column, stored)
    if table == "artifacts":
        stored = artifact_value(room, key, column, stored)
    if kinds[column] == DATE:
        stored = recorded_on_value(stored)
    label_column = "title" if table in ("artifacts", "calls") else "name"
    where = row_filter(table)
    row = room.db.execute(f"SELECT {label_column}, {column} FROM {table} WHERE {where}", (key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no {table[:-1]} '{key}'.", column)
    if row[1] == stored:
        return None
    what = ROW_NOUNS[table]
    label = f"Rename {what} '{row[0]}'" if column in ("name", "title") else \
        f"Change the {FIELD_WORDS.get(column, column.replace('_', ' '))} of '{row[0]}'"
    return RoomEdit(label, (SetField(table, key, column, row[1], stored),))


def _stored(kind: str, column: str, value: object) -> object:
    """The value as the room keeps it: text as typed, a number, or 0/1 for a tick."""
    if kind == FLAG:
        if isinstance(value, bool):
            return int(value)
        text = str(value).strip().lower()
        if text not in ("yes", "no", "true", "false", "1", "0"):
            raise EditRefused(f"'{value}' is not yes or no.", column)
        return int(text in ("yes", "true", "1"))
    if kind == DIRECTION:
        text = str(value).strip().lower()
        if text not in ("higher", "lower"):
            raise EditRefused(f"Write higher (higher is better) or lower (lower is better), not '{value}'.", column)
        return text
    if kind == WHOLE:
        text = str(value).strip().replace(",", "")
        if not text:
            return None
        if not text.lstrip("-").isdecimal():
            raise EditRefused(f"'{value}' is not a whole number.", column)
        return int(text)
    if kind == OPTIONAL_NUMBER and not str(value).strip():
        return None
    if kind in (NUMBER, OPTIONAL_NUMBER):
        try:
            number = float(str(value).strip().replace(",", ""))
        except ValueError:
            raise EditRefused(f"'{value}' is not a number.", column) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise EditRefused(f"'{value}' is not a number.", column)
        return number
    return str(value)


def threshold_warning(room: RoomFile, key: str) -> str:
    """What `check` will say of a KPI whose thresholds are not in its good direction ("" when they are).
    Not a refusal: `build` takes them, and a KPI is filled in one field at a time."""
    row = room.db.execute("SELECT direction, at_risk, failing FROM kpis WHERE key = ?", (key,)).fetchone()
    if row is None:
        return ""
    direction, at_risk, failing = row
    if direction == "higher" and failing > at_risk:
        return (f"Higher is better for this KPI, so failing ({failing:g}) should not be above at risk ({at_risk:g}); "
                "`check` will say so until it is fixed.")
    if direction == "lower" and failing < at_risk:
        return (f"Lower is better for this KPI, so failing ({failing:g}) should not be below at risk ({at_risk:g}); "
                "`check` will say so until it is fixed.")
    return ""


def rows_of(room: RoomFile, table: str) -> list[tuple[str, dict[str, object]]]:
    """(key, {column: value}) of every row of ``table``, in the room's order, for the editor's grids."""
    columns = [column for column, kind in EDITABLE[table].items() if kind not in (SHOWN, LINKS)]
    if table == "kpis":
        return _kpi_rows(room, columns)
    if table == "calls":
        return call_rows(room)
    if table == "artifacts":
        return artifact_rows(room, columns)
    if table == "room":
        row = room.db.execute(f"SELECT {', '.join(columns)} FROM room WHERE id = 1").fetchone()
        return [("room", dict(zip(columns, row)))]
    order = "position" if table == "stages" else "id"
    rows = [(row[0], dict(zip(columns, row[1:]))) for row in
            room.db.execute(f"SELECT key, {', '.join(columns)} FROM {table} ORDER BY {order}")]
    if table == "moments":
        silos = silos_by_moment(room)
        for key, values in rows:
            values["silos"] = silos.get(key, ())
    return rows


def choices_of(room: RoomFile, table: str) -> dict[str, list[tuple[str, str]]]:
    """What each CHOICE or LINKS field of ``table`` may take: (key, name) of the room's rows."""
    if table == "calls":
        return {"persona": persona_choices(room), "moment": moment_choices(room)}
    if table == "artifacts":
        return {"kind": KIND_CHOICES, "moment": moment_choices(room)}
    if table == "moments":
        return {"silos": silo_choices(room)}
    return {}


def move_stage_edit(room: RoomFile, key: str, to_position: int) -> RoomEdit | None:
    """Move a stage to ``to_position`` (1-based); None when it is there already."""
    before = stage_order(room)
    if key not in before:
        raise EditRefused(f"This room has no stage '{key}'.")
    after = [k for k in before if k != key]
    after.insert(max(0, min(len(after), to_position - 1)), key)
    if tuple(after) == before:
        return None
    name = room.db.execute("SELECT name FROM stages WHERE key = ?", (key,)).fetchone()[0]
    return RoomEdit(f"Move stage '{name}' to {to_position}", (MoveStages(before, tuple(after)),))


def duplicate_stage_edit(room: RoomFile, key: str) -> tuple[RoomEdit, str]:
    """A copy of a stage's words (not its moments, artifacts or calls) just after it; the copy's key."""
    row = room.db.execute("SELECT name, goal, description, narration FROM stages WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no stage '{key}'.")
    before = stage_order(room)
    copy = copy_key(key, set(before))
    values = {"key": copy, "position": len(before) + 1, "name": f"{row[0]} (copy)", "goal": row[1],
              "description": row[2], "narration": row[3]}
    after = list(before)
    after.insert(before.index(key) + 1, copy)
    return RoomEdit(f"Duplicate stage '{row[0]}'", (InsertRow("stages", values),
                                                     MoveStages((*before, copy), tuple(after)))), copy


ADDABLE = ("moments", "personas", "kpis", "silos", "artifacts")  # an artifact comes with its file
REMOVABLE = (*ADDABLE, "calls")  # a call is added from its recording (call_edits), not in the grid
_NEW_NAMES = {"moments": "New moment of truth", "personas": "New persona", "kpis": "New KPI", "silos": "New silo"}


def add_row_edit(room: RoomFile, table: str, stage_key: str = "") -> tuple[RoomEdit, str]:
    """A new row of ``table`` with a name to change, and its key; a moment joins ``stage_key`` (else the
    first stage), a KPI measures the first moment of truth."""
    if table not in ADDABLE or table == "artifacts":
        raise EditRefused(f"{table.capitalize()} are added with their files, not in the grid.")
    taken = {key for (key,) in room.db.execute(f"SELECT key FROM {table}")}
    key = unused_key(f"new-{table[:-1]}", taken)
    values: dict[str, object] = {"key": key, "name": _NEW_NAMES[table]}
    if table == "moments":
        stage = room.db.execute("SELECT id FROM stages WHERE key = ? OR ? = '' ORDER BY position LIMIT 1",
                                (stage_key, stage_key)).fetchone()
        if stage is None:
            raise EditRefused("Add a stage first: a moment of truth belongs to one.")
        values.update(stage_id=stage[0], description="", is_priority=0)
    elif table == "kpis":
        moment = room.db.execute("SELECT id FROM moments ORDER BY id LIMIT 1").fetchone()
        if moment is None:
            raise EditRefused("Add a moment of truth first: a KPI measures one.")
        values.update(moment_id=moment[0], unit="", direction="higher", target=0.0, at_risk=0.0, failing=0.0,
                      predicts="[]")
    elif table == "personas":
        values.update(situation="", goals="[]", frustrations="[]", quote="")
    return RoomEdit(f"Add {ROW_NOUNS[table]} '{key}'",
                    (InsertRow(table, values),)), key


def remove_row_edit(room: RoomFile, table: str, key: str) -> RoomEdit:
    """Remove a row nothing else in the room uses (a moment with KPIs, a silo with moments, a persona with
    calls are refused, naming what uses them)."""
    if table not in REMOVABLE:
        raise EditRefused(f"{table.capitalize()} cannot be removed in the editor yet.")
    columns = [row[1] for row in room.db.execute(f"PRAGMA table_info({table})")]
    row = room.db.execute(f"SELECT * FROM {table} WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no {table[:-1]} '{key}'.")
    values = dict(zip(columns, row))
    name = values.get("name") or values.get("title")
    users = using_rows(room, table, values["id"], besides="transcript_segments")  # a call's own lines go with it
    if users:
        raise EditRefused(f"'{name}' is still used by {users}; change or remove those first.")
    lines = transcript_lines(room.db, values["id"]) if table == "calls" else []
    # the id is kept, so undo puts the row back as the same row: other edits may name it by id (a call's persona)
    transcript = (SetTranscript(key, lines, []),) if lines else ()
    return RoomEdit(f"Remove '{name}'", (*transcript, DeleteRow(table, values)))


def using_rows(room: RoomFile, table: str, row_id: int, besides: str = "") -> str:
    """What in the room (but the table ``besides``) points at row ``row_id`` of ``table``: "2 KPIs and 1 call",
    or ""."""
    counts = []
    for (other,) in room.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != ? ORDER BY name",
                                    (besides,)):
        for fk in room.db.execute(f"PRAGMA foreign_key_list('{other}')"):
            if fk[2] == table:
                found = room.db.execute(f"SELECT count(*) FROM '{other}' WHERE {fk[3]} = ?", (row_id,)).fetchone()[0]
                if found:
                    counts.append(f"{found} {other.replace('_', ' ')}" if found != 1 else
                                  f"1 {other.replace('_', ' ').rstrip('s')}")
    return " and ".join(counts)


def add_artifacts_edit(room: RoomFile, paths: list[Path], stage_key: str = "") -> tuple[RoomEdit, tuple[Path, ...]]:
    """Pictures and PDFs as artifacts of a stage (else the first), one step of undo for them all; each file is
    decoded first as a wall would, and one that will not show refuses the step, saying which and why."""
    stage = room.db.execute("SELECT id, name FROM stages WHERE key = ? OR ? = '' ORDER BY position LIMIT 1",
                            (stage_key, stage_key)).fetchone()
    if stage is None:
        raise EditRefused("Add a stage first: an artifact belongs to one.")
    taken = {key for (key,) in room.db.execute("SELECT key FROM artifacts")}
    changes, files = [], []
    for path in paths:
        if not path.is_file():
            raise EditRefused(f"{path.name} is not a file; drop pictures or PDFs.")
        problem = artifact_problem(path.read_bytes())
        if problem:
            raise EditRefused(f"{path.name} will not show on a wall: {problem}.")
        title = readable_title(path.name)
        key = unused_key(slug(title, "artifact"), taken)
        taken.add(key)
        changes.append(InsertRow("artifacts", {"key": key, "title": title, "kind": artifact_kind(title),
                                               "stage_id": stage[0], "media_sha256": file_sha256(path),
                                               "caption": ""}))
        files.append(path)
    if not changes:
        raise EditRefused("There was no file to add.")
    what = f"'{changes[0].values['title']}'" if len(changes) == 1 else f"{len(changes)} artifacts"
    return RoomEdit(f"Add {what} to '{stage[1]}'", tuple(changes)), tuple(files)


def _kpi_rows(room: RoomFile, columns: list[str]) -> list[tuple[str, dict[str, object]]]:
    """The KPIs with their latest month's reading and what their thresholds, as they stand, make of it: so a
    threshold is set against the readings as it is typed."""
    fields = {row[0]: dict(zip(columns, row[1:])) for row in
              room.db.execute(f"SELECT key, {', '.join(columns)} FROM kpis")}
    rows = []
    for kpi, _, readings in list_kpis(room.db):
        values = fields[kpi.key]
        latest = readings[-1] if readings else None
        values["latest_reading"] = f"{latest.value:g} ({latest.period})" if latest and latest.value is not None \
            else "no readings"
        try:
            level = reliability_of_value(kpi, latest.value if latest else None).value
        except ValueError:  # thresholds out of their direction: threshold_warning says so
            level = "thresholds out of order"
        values["reliability_now"] = level
        rows.append((kpi.key, values))
    return rows


PICTURE_COLUMNS = {("personas", "photo_sha256"): "photo", ("room", "logo_sha256"): "logo"}


def set_picture_edit(room: RoomFile, table: str, key: str, column: str, path: Path) -> RoomEdit:
    """A persona's photo or the room's logo from a picture file (chosen, or dropped on a persona's row), decoded
    first as a wall would; a PDF or a file that will not decode is refused in one sentence naming it."""
    what = PICTURE_COLUMNS.get((table, column))
    if what is None:
        raise EditRefused(f"The editor does not take a picture for the {column} of {table}.", column)
    if not path.is_file():
        raise EditRefused(f"{path.name} is not a file; choose a picture.", column)
    data = path.read_bytes()
    picture_file = f"a {what} is a picture file, such as a JPEG or a PNG"
    if is_pdf(data):  # it would show as an artifact, not as a photo or a logo
        raise EditRefused(f"{path.name} is a PDF, not a picture: {picture_file}.", column)
    problem = artifact_problem(data)
    if problem == NOT_SHOWABLE:  # a recording, a document: say what it is not, not why it will not decode
        raise EditRefused(f"{path.name} is not a picture: {picture_file}.", column)
    if problem:
        raise EditRefused(f"{path.name} will not show on a wall: {problem}.", column)
    where = row_filter(table)
    row = room.db.execute(f"SELECT {column} FROM {table} WHERE {where}", (key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no {table[:-1]} '{key}'.", column)
    label = "Set the room's logo" if table == "room" else f"Set the photo of '{key}'"
    return RoomEdit(f"{label} from {path.name}", (SetField(table, key, column, row[0], file_sha256(path)),))
