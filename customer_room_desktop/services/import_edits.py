"""An import from the editor as one step of undo: the rows it added are removed again (or, for the kinds
that replace rows, the table is put back as it was), and redo imports the same file again, read the same
way. The file is kept in the room's media for that, so redo works after the room is closed and opened,
even when the file itself has moved."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..domain.room_edits import IMPORT_TABLES, ImportedFile, RoomEdit
from ..storage.media_store import add_media_file, open_media
from ..storage.room_edit_store import record_edit, table_rows
from ..storage.room_file import RoomFile
from .csv_import import ImportResult, import_csv


def import_as_edit(room: RoomFile, kind: str, path: Path, *, overrides: dict[str, str] | None = None,
                   heading_line: int | None = None, date_format: str | None = None, sheet: str | None = None,
                   skip_bad_rows: Path | None = None) -> ImportResult:
    """Import ``path`` and keep the import in the editor's history, all in one transaction."""
    table, adds_only = IMPORT_TABLES[kind]
    options = {"overrides": overrides or {}, "heading_line": heading_line, "date_format": date_format,
               "sheet": sheet, "name": path.name, "skip_bad_rows": skip_bad_rows is not None}
    with room.transaction() as db:
        sha = add_media_file(db, path).sha256
        after_id = db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0] if adds_only else 0
        before = [] if adds_only else table_rows(db, table)
        result = import_csv(room, kind, path, overrides=overrides, heading_line=heading_line,
                            date_format=date_format, sheet=sheet, skip_bad_rows=skip_bad_rows)
        rows = f"{result.rows:,} {kind} row{'s' if result.rows != 1 else ''}"
        record_edit(db, RoomEdit(f"Import {rows} from {path.name}", (ImportedFile(kind, sha, options, after_id,
                                                                                  before),)))
    return result


def replay_import(room: RoomFile, change: ImportedFile) -> None:
    """Redo: the kept file imported again, read as it was the first time (refused rows left out again)."""
    options = change.options
    with tempfile.TemporaryDirectory(prefix="customer-room-redo-") as scratch:
        copy = Path(scratch) / Path(str(options.get("name") or "import.csv")).name
        with open_media(room.db, change.file_sha256) as source, copy.open("wb") as out:
            while chunk := source.read(1 << 20):
                out.write(chunk)
        import_csv(room, change.kind, copy, overrides=options.get("overrides") or None,
                   heading_line=options.get("heading_line"), date_format=options.get("date_format"),
                   sheet=options.get("sheet"),
                   skip_bad_rows=Path(scratch) / "refused.csv" if options.get("skip_bad_rows") else None)
