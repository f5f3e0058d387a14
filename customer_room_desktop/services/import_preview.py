"""What the import wizard shows before anything is imported: how the file is read (its encoding and delimiter,
or its sheet), the heading row (found, or chosen), the first rows, which column feeds each field, every
column nothing reads, and a dry run: how many rows would be imported and each one that would be refused.

The same pieces as `customer-room import` (csv_import), so what the wizard promises is what happens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..storage.errors import ImportRefused
from ..storage.room_file import RoomFile
from .csv_import import load_rows, open_source
from .csv_values import DateReader
from .import_headings import find_heading, map_columns, match_columns
from .import_kinds import KINDS, Lookups
from ..domain.records import record

PREVIEW_ROWS = 20
SHOWN_REFUSALS = 200  # listed in the wizard; the count is of them all


@record
class ImportPreview:
    kind: str
    read_as: str  # "utf-8, cells separated by semicolons", or "sheet Complaints"
    heading_line: int
    unit: str  # "line" of a CSV file, "row" of a sheet
    headings: list[str]
    rows: list[tuple[int, list[str]]]  # the first rows under the heading
    mapping: dict[str, str]  # field -> the heading it is read from
    missing: list[str]  # required fields no column feeds
    unread: list[str]  # headings no field reads


@dataclass
class DryRun:
    rows: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line, reason), the first SHOWN_REFUSALS
    refused_count: int = 0

    def add(self, line: int, reason: str, cells: list[str]) -> None:
        self.refused_count += 1
        if len(self.refused) < SHOWN_REFUSALS:
            self.refused.append((line, reason))

    def sentence(self, kind: str) -> str:
        rows = f"{self.rows:,} {kind} row{'s' if self.rows != 1 else ''} will be imported"
        if not self.refused_count:
            return f"{rows}."
        return f"{rows}; {self.refused_count:,} row{'s' if self.refused_count != 1 else ''} refused: see the list."


def preview_import(path: Path, kind_name: str, heading_line: int | None = None, sheet: str | None = None,
                   mapping: dict[str, str] | None = None) -> ImportPreview:
    """The file as the import would read it; ``mapping`` (field -> heading) replaces the guesses."""
    kind = KINDS[kind_name]
    if not Path(path).is_file():
        raise ImportRefused(f"There is no CSV file or workbook at {path}; choose one.", path=str(path))
    overrides = {heading: name for name, heading in (mapping or {}).items() if heading}
    source = open_source(Path(path), sheet)
    try:
        line, headings, rows = find_heading(source.rows, kind, overrides, {}, str(path), source.unit, heading_line)
        shown = []
        for number, cells, _ in rows:
            if any(cells):
                shown.append((number, cells))
            if len(shown) >= PREVIEW_ROWS:
                break
    finally:
        source.close()
    chosen, missing, _ = match_columns(kind, headings, overrides, {})
    used = set(chosen.values())
    return ImportPreview(kind.name, source.sheet and f"sheet {source.sheet}" or source.description, line, source.unit,
                         headings, shown, {name: headings[index] for name, index in chosen.items()}, missing,
                         [heading for index, heading in enumerate(headings) if index not in used and heading])


def dry_run_import(room: RoomFile, path: Path, kind_name: str, heading_line: int, mapping: dict[str, str],
                   sheet: str | None = None, date_format: str | None = None) -> DryRun:
    """Every row converted as the import would, nothing written: what would be imported and refused."""
    kind = KINDS[kind_name]
    overrides = {heading: name for name, heading in mapping.items() if heading}
    source = open_source(Path(path), sheet)
    result = DryRun()
    try:
        line, headings, rows = find_heading(source.rows, kind, overrides, {}, str(path), source.unit, heading_line)
        columns = map_columns(kind, headings, overrides, {}, str(path), line, source.unit)
        convert = kind.make_converter(columns, {}, Lookups.load(room.db), DateReader(date_format))
        result.rows = load_rows(lambda batch: None, rows, len(headings), convert, source, result, str(path), None)
    except ImportRefused as refused:
        result.refused.insert(0, (getattr(refused, "line", 0) or 0, str(refused)))
        result.refused_count += 1
    finally:
        source.close()
    return result
