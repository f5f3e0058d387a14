"""Import CSV files users bring from other systems into a room: all rows or none.

Each kind names its fields and the column headings that commonly carry them (the public
CFPB consumer complaint export among them); `--map column=field` overrides a guess and
`--set field=value` gives every row the same value.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..storage.errors import ImportRefused
from ..storage.room_file import RoomFile
from .csv_values import CellError, DateReader, detect_encoding
from .import_kinds import KINDS, ImportKind, Lookups

BATCH_ROWS = 20_000


def normalise_heading(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@dataclass
class ImportResult:
    kind: str
    path: str
    rows: int
    encoding: str
    columns: dict[str, str]  # field -> heading it was read from
    ignored_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def map_columns(kind: ImportKind, headings: list[str], overrides: dict[str, str], constants: dict[str, str],
                path: str) -> dict[str, int]:
    """Decide which column feeds each field; refuse when a required field has none."""
    by_heading = {normalise_heading(h): index for index, h in enumerate(headings)}
    chosen: dict[str, int] = {}
    for heading, field_name in overrides.items():
        if field_name not in kind.fields:
            raise ImportRefused(f"{path}: --map names '{field_name}', which is not a {kind.name} field "
                                f"(fields: {', '.join(kind.fields)}).", path=path)
        index = by_heading.get(normalise_heading(heading))
        if index is None:
            raise ImportRefused(f"{path}: --map names the column '{heading}', which the file does not have.", path=path)
        chosen[field_name] = index
    for field_name, aliases in kind.fields.items():
        if field_name in chosen or field_name in constants:
            continue
        for alias in (field_name.replace("_", " "),) + aliases:
            index = by_heading.get(alias)
            if index is not None and index not in chosen.values():
                chosen[field_name] = index
                break
    missing = [f for f in kind.required if f not in chosen and f not in constants]
    if missing:
        raise ImportRefused(
            f"{path}: no column for {', '.join(missing)} (headings found: {', '.join(headings)}); "
            f"name one with --map COLUMN={missing[0]}.", path=path, line=1)
    return chosen


def import_csv(
    room: RoomFile,
    kind_name: str,
    csv_path: str | Path,
    *,
    overrides: dict[str, str] | None = None,
    constants: dict[str, str] | None = None,
    date_format: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import every row of ``csv_path`` in one transaction, or refuse and change nothing."""
    if kind_name not in KINDS:
        raise ImportRefused(f"'{kind_name}' is not something this room imports (choose from {', '.join(KINDS)}).")
    kind = KINDS[kind_name]
    path = Path(csv_path)
    if not path.is_file():
        raise ImportRefused(f"There is no CSV file at {path}.", path=str(path))
    constants = dict(constants or {})
    for name in constants:
        if name not in kind.fields:
            raise ImportRefused(f"--set names '{name}', which is not a {kind.name} field.", path=str(path))
    encoding = detect_encoding(path)
    lookups = Lookups.load(room.db)
    dates = DateReader(date_format)
    with room.transaction() as db, path.open("r", encoding=encoding, newline="") as handle:
        reader = csv.reader(handle)
        try:
            headings = next(reader)
        except StopIteration:
            raise ImportRefused(f"{path} is empty: it has no heading row.", path=str(path), line=1) from None
        columns = map_columns(kind, headings, overrides or {}, constants, str(path))
        width = len(headings)
        converter = kind.make_converter(columns, constants, lookups, dates)
        batch: list[tuple] = []
        rows = 0
        line = reader.line_num
        try:
            for cells in reader:
                if not any(cells):
                    line = reader.line_num
                    continue
                if len(cells) != width:
                    raise CellError(f"the row has {len(cells)} cells where the heading has {width}")
                batch.append(converter(cells))
                rows += 1
                line = reader.line_num
                if len(batch) >= BATCH_ROWS:
                    kind.write(db, batch)
                    batch.clear()
                    if progress:
                        progress(rows)
        except (CellError, csv.Error) as error:
            raise ImportRefused(f"{path}, line {line + 1}: {error}; nothing was imported.",
                                path=str(path), line=line + 1) from None
        if batch:
            kind.write(db, batch)
        if rows == 0:
            raise ImportRefused(f"{path} has a heading row but no data; nothing was imported.", path=str(path))
        warnings = kind.after_import(db)
    if progress:
        progress(rows)
    used = set(columns.values())
    return ImportResult(
        kind.name, str(path), rows, encoding,
        {name: headings[index] for name, index in columns.items()},
        [h for index, h in enumerate(headings) if index not in used],
        warnings,
    )
