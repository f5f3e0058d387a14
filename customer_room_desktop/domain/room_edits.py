"""Edits to a room as data: what the room editor changes, each with its exact inverse, so every edit can be
undone and redone, and the history kept in the room file still works after the room is closed and opened.

An edit is a label ("Rename stage 'I buy'") and a list of changes. A change names rows by their ``key``,
never by their id: a stage renamed, a stage moved, a stage duplicated (a row inserted) or removed, a call's
transcript replaced, a moment's silos chosen.
"""

from __future__ import annotations

import json
import re
from dataclasses import field

from .journey import ArtifactKind
from .refusal import Refusal
from .records import record

KEYED_TABLES = ("silos", "stages", "moments", "personas", "kpis", "artifacts", "calls")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class EditRefused(Refusal):
    """An edit that would make the room one `build` would refuse; ``field`` says which field it concerns."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


@record
class SetField:
    table: str
    key: str
    column: str
    before: object
    after: object

    def inverse(self) -> SetField:
        return SetField(self.table, self.key, self.column, self.after, self.before)


@record
class MoveStages:
    """The journey's stages, by key, in their order before and after."""

    before: tuple[str, ...]
    after: tuple[str, ...]

    def inverse(self) -> MoveStages:
        return MoveStages(self.after, self.before)


@record
class InsertRow:
    table: str
    values: dict = field(default_factory=dict)  # its columns (the id only of a row removed and put back); found by key

    def inverse(self) -> DeleteRow:
        return DeleteRow(self.table, self.values)


@record
class DeleteRow:
    table: str
    values: dict = field(default_factory=dict)

    def inverse(self) -> InsertRow:
        return InsertRow(self.table, self.values)


# Where each import kind writes, and whether it only adds rows (undone by removing the rows past ``after_id``)
# or also replaces them (undone by putting back the table as it was: small tables only).
IMPORT_TABLES = {"complaints": ("complaints", True), "surveys": ("survey_results", True),
                 "lost-reasons": ("asset_lost_reasons", True), "kpis": ("kpi_readings", False),
                 "assets": ("asset_periods", False)}


@record
class ImportedFile:
    """A spreadsheet imported: the file itself is kept in the room's media (so redo can import it again),
    with how it was read; ``before`` is what undo puts back."""

    kind: str
    file_sha256: str
    options: dict = field(default_factory=dict)  # overrides, heading_line, date_format, sheet, name
    after_id: int = 0  # adding kinds: the largest row id before the import
    before: list = field(default_factory=list)  # replacing kinds: every row of the table before the import
    undone: bool = False  # this change removes the import again

    def inverse(self) -> ImportedFile:
        return ImportedFile(self.kind, self.file_sha256, self.options, self.after_id, self.before, not self.undone)


@record
class SetTranscript:
    """A call's transcript, every line of it, before and after: each line is [start_ms, end_ms, speaker, text]."""

    call: str  # the call's key
    before: list = field(default_factory=list)
    after: list = field(default_factory=list)

    def inverse(self) -> SetTranscript:
        return SetTranscript(self.call, self.after, self.before)


@record
class SetMomentSilos:
    """The silos a moment of truth concerns, by key, in their order before and after."""

    moment: str  # the moment's key
    before: tuple[str, ...]
    after: tuple[str, ...]

    def inverse(self) -> SetMomentSilos:
        return SetMomentSilos(self.moment, self.after, self.before)


Change = SetField | MoveStages | InsertRow | DeleteRow | ImportedFile | SetTranscript | SetMomentSilos
_KINDS = {"set": SetField, "move": MoveStages, "insert": InsertRow, "delete": DeleteRow, "import": ImportedFile,
          "transcript": SetTranscript, "silos": SetMomentSilos}
_NAMES = {kind: name for name, kind in _KINDS.items()}


@record
class RoomEdit:
    label: str
    changes: tuple[Change, ...]

    def inverse(self) -> RoomEdit:
        return RoomEdit(f"Undo {self.label}", tuple(change.inverse() for change in reversed(self.changes)))

    def to_json(self) -> str:
        return json.dumps([{**_fields(c), "change": _NAMES[type(c)]} for c in self.changes], ensure_ascii=False,
                          sort_keys=True)

    @staticmethod
    def from_json(label: str, text: str) -> RoomEdit:
        changes = []
        for raw in json.loads(text):
            kind = _KINDS[raw.pop("change")]
            if kind in (MoveStages, SetMomentSilos):
                raw = {**raw, "before": tuple(raw["before"]), "after": tuple(raw["after"])}
            changes.append(kind(**raw))
        return RoomEdit(label, tuple(changes))


def _fields(change: Change) -> dict:
    return {name: list(value) if isinstance(value, tuple) else value for name, value in vars(change).items()}


# -- the rules `build` applies, for the fields the editor changes ------------------------------------------

REQUIRED_TEXT = {("stages", "name"): "A stage needs a name, in the customer's words (\"I make a claim\").",
                 ("moments", "name"): "A moment of truth needs a name.",
                 ("personas", "name"): "A persona needs a name.",
                 ("silos", "name"): "A silo needs a name.",
                 ("kpis", "name"): "A KPI needs a name.",
                 ("artifacts", "title"): "An artifact needs a title.",
                 ("calls", "title"): "A call needs a title."}
MAX_TEXT = 4000
ARTIFACT_KINDS = tuple(sorted(kind.value for kind in ArtifactKind))  # as `build` checks them


def row_filter(table: str) -> str:
    """The SQL condition that finds the row an edit names by its key (one ? parameter): the room's own
    settings are its one row, named "room"."""
    return "id = 1 AND ? = 'room'" if table == "room" else "key = ?"


_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def check_field(table: str, column: str, value: object) -> None:
    """Refuse, in one sentence naming the field, a value `build` would refuse."""
    if table not in KEYED_TABLES and table != "room":
        raise EditRefused(f"The editor does not change {table}.", column)
    if table == "room" and column == "name" and isinstance(value, str) and not value.strip():
        raise EditRefused("The room needs a name: it is on every wall.", column)
    if column == "brand_colour" and not (isinstance(value, str) and _COLOUR.match(value)):
        raise EditRefused(f"'{value}' is not a colour: write it as # and six hex digits, such as #12A4B4.", column)
    if column == "currency" and not (isinstance(value, str) and _CURRENCY.match(value)):
        raise EditRefused(f"'{value}' is not a currency code: write three capital letters, such as GBP or EUR.",
                          column)
    if column == "key":
        if not isinstance(value, str) or not _KEY.match(value):
            raise EditRefused("A key is lower-case letters, digits and hyphens, starting with a letter or digit.",
                              column)
        return
    if table == "artifacts" and column == "kind" and value not in ARTIFACT_KINDS:
        raise EditRefused(f"'{value}' is not an artifact kind; choose one of {', '.join(ARTIFACT_KINDS[:-1])} or "
                          f"{ARTIFACT_KINDS[-1]}.", column)
    if column == "page" and not (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
        raise EditRefused("A page is a whole number, counted from 1.", column)
    if isinstance(value, str):
        message = REQUIRED_TEXT.get((table, column))
        if message and not value.strip():
            raise EditRefused(message, column)
        if len(value) > MAX_TEXT:
            raise EditRefused(f"This is {len(value):,} characters long; a field holds at most {MAX_TEXT:,}.", column)


def copy_key(key: str, taken: set[str]) -> str:
    """A key for a copy of ``key`` that no row has yet: key-copy, key-copy-2..."""
    return unused_key(f"{key}-copy", taken)


def unused_key(base: str, taken: set[str]) -> str:
    """``base``, or base-2, base-3... whichever no row has yet."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
