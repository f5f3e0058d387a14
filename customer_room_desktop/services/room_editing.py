"""The room editor's edits, made from what the room holds now: a field set, a stage moved or duplicated.
Each comes back as a RoomEdit for storage.room_edit_store to apply and keep (and undo, and redo)."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.room_edits import EditRefused, InsertRow, MoveStages, RoomEdit, SetField, check_field, copy_key
from ..storage.room_file import RoomFile

STAGE_FIELDS = ("name", "goal", "description", "narration")


@dataclass(frozen=True)
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


def set_field_edit(room: RoomFile, table: str, key: str, column: str, value: str) -> RoomEdit | None:
    """Set one field; None when it already holds ``value``. Refused (EditRefused, naming the field) when
    `build` would refuse the value."""
    check_field(table, column, value)
    if column not in STAGE_FIELDS or table != "stages":
        raise EditRefused(f"The editor does not change the {column} of {table} yet.", column)
    row = room.db.execute(f"SELECT name, {column} FROM stages WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no stage '{key}'.", column)
    if row[1] == value:
        return None
    label = f"Rename stage '{row[0]}'" if column == "name" else f"Change the {column} of '{row[0]}'"
    return RoomEdit(label, (SetField("stages", key, column, row[1], value),))


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
