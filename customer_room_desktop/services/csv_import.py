"""Import CSV files and Excel workbooks users bring from other systems into a room.

All rows or none, unless --skip-bad-rows names a file for the rows that cannot be read: then the
good rows are imported and each refused row is written there with its line and reason.

Each kind names its fields and the column headings that commonly carry them (the public CFPB
consumer complaint export among them); `--map column=field` overrides a guess and `--set
field=value` gives every row the same value. One pipeline serves both formats: a row source (CSV
text or a sheet, import_sources) yields numbered rows into the same heading search, mapping and
value readers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


from ..domain.csv_cells import unguard_cell
from ..storage.errors import ImportRefused
from ..storage.room_file import RoomFile
from .csv_values import CellError, DateReader, detect_encoding
from .import_files import file_format
from .import_headings import check_overrides, find_heading, map_columns, normalise_heading
from .import_kinds import KINDS, Converter, ImportKind, Lookups
from .import_rejects import RefusedRows, RejectsFile, is_rejects_file, unguarded
from .import_sources import Row, RowSource, csv_source, xlsx_source

__all__ = ["BATCH_ROWS", "ImportResult", "import_csv", "map_columns", "normalise_heading"]

BATCH_ROWS = 20_000


@dataclass
class ImportResult:
    kind: str
    path: str
    rows: int
    encoding: str  # of a CSV file; empty for a workbook
    columns: dict[str, str]  # field -> heading it was read from
    ignored_columns: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    heading_line: int = 1  # the lines above it (banners, titles) were skipped
    sheet: str | None = None  # the sheet read, for a workbook
    refused: int = 0  # rows written to the rejects file (--skip-bad-rows)
    rejects_path: str | None = None


def import_csv(
    room: RoomFile,
    kind_name: str,
    csv_path: str | Path,
    *,
    overrides: dict[str, str] | None = None,
    constants: dict[str, str] | None = None,
    date_format: str | None = None,
    progress: Callable[[int], None] | None = None,
    skip_bad_rows: str | Path | None = None,
    sheet: str | None = None,
    heading_line: int | None = None,
) -> ImportResult:
    """Import every row of ``csv_path`` (a CSV file or an .xlsx workbook) in one transaction.

    Without ``skip_bad_rows`` a bad row refuses the whole file and changes nothing. With it, the good
    rows are imported and the bad ones written to that file.
    """
    if kind_name not in KINDS:
        raise ImportRefused(f"'{kind_name}' is not something this room imports (choose from {', '.join(KINDS)}).")
    kind = KINDS[kind_name]
    path = Path(csv_path)
    if not path.is_file():
        raise ImportRefused(f"There is no CSV file or workbook at {path}.", path=str(path))
    overrides = dict(overrides or {})
    constants = dict(constants or {})
    for name in constants:
        if name not in kind.fields:
            raise ImportRefused(f"--set names '{name}', which is not a {kind.name} field.", path=str(path))
    check_overrides(kind, overrides, str(path))
    rejects = RejectsFile(Path(skip_bad_rows), path) if skip_bad_rows else None
    source = open_source(path, sheet)
    try:
        return _import_rows(room, kind, source, str(path), overrides, constants, date_format, progress, rejects,
                            heading_line)
    finally:
        source.close()
        if rejects is not None:
            rejects.discard()


def open_source(path: Path, sheet: str | None) -> RowSource:
    if file_format(path) == "xlsx":
        return xlsx_source(path, sheet)
    if sheet is not None:
        raise ImportRefused(f"--sheet names a sheet, but {path} is a CSV file, which has none.", path=str(path))
    return csv_source(path, detect_encoding(path))


def _import_rows(room: RoomFile, kind: ImportKind, source: RowSource, path: str, overrides: dict[str, str],
                 constants: dict[str, str], date_format: str | None, progress: Callable[[int], None] | None,
                 rejects: RejectsFile | None, at_line: int | None = None) -> ImportResult:
    lookups = Lookups.load(room.db)
    heading_line, headings, rows = find_heading(source.rows, kind, overrides, constants, path, source.unit, at_line)
    if is_rejects_file(headings):  # written by --skip-bad-rows and fixed: its cells carry formula guards
        headings, rows = [unguard_cell(heading) for heading in headings], unguarded(rows)
    columns = map_columns(kind, headings, overrides, constants, path, heading_line, source.unit)
    converter = kind.make_converter(columns, constants, lookups, DateReader(date_format))
    if rejects is not None:
        rejects.start(headings)
    with room.transaction() as db:
        loaded = load_rows(lambda batch: kind.write(db, batch), rows, len(headings), converter, source, rejects,
                           path, progress)
        if loaded == 0:
            if rejects is not None and rejects.count:
                rejects.finish()
                raise ImportRefused(f"{path}: every row was refused ({rejects.count:,}, written to {rejects.target}); "
                                    f"nothing was imported.", path=path)
            raise ImportRefused(f"{path} has a heading row but no data; nothing was imported.", path=path)
        warnings = kind.after_import(db)
    if rejects is not None:
        rejects.finish()
    if progress:
        progress(loaded)
    used = set(columns.values())
    return ImportResult(
        kind.name, path, loaded, "" if source.sheet else source.description,
        {name: headings[index] for name, index in columns.items()},
        [h for index, h in enumerate(headings) if index not in used],
        warnings, heading_line, source.sheet,
        rejects.count if rejects else 0, str(rejects.target) if rejects else None,
    )


def load_rows(write: Callable[[list[tuple]], None], rows: Iterator[Row], width: int, convert: Converter,
              source: RowSource, rejects: RefusedRows | None, path: str,
              progress: Callable[[int], None] | None) -> int:
    """Convert the rows and ``write`` them in batches; a bad row refuses the file, or goes to ``rejects``."""
    pad, unit = source.pads_short_rows, source.unit
    batch: list[tuple] = []
    loaded = 0
    for line, cells, problem in rows:
        if problem is not None:
            if rejects is None:
                raise ImportRefused(problem.refusal(path), path=path, line=problem.quote_line)
            rejects.add(line, problem.reason, cells)
            continue
        if not any(cells):
            continue
        try:
            if len(cells) != width:
                if not (pad and len(cells) < width):
                    raise CellError(f"the row has {len(cells)} cells where the heading has {width}")
                cells = cells + [""] * (width - len(cells))
            batch.append(convert(cells))
        except CellError as error:
            if rejects is None:
                raise ImportRefused(f"{path}, {unit} {line}: {error}; nothing was imported.", path=path,
                                    line=line) from None
            rejects.add(line, str(error), cells)
            continue
        loaded += 1
        if len(batch) >= BATCH_ROWS:
            write(batch)
            batch.clear()
            if progress:
                progress(loaded)
    if batch:
        write(batch)
    return loaded
