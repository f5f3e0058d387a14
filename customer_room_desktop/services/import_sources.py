"""Where imported rows come from: CSV text or an Excel sheet, each row as (line number, cells, problem).

Both feed the same mapping and checks (csv_import). A CSV row's number is the line its record starts
on; a sheet row's number is the sheet's own row number. Sheet cells that are dates, times or numbers
become the text the CSV readers already understand (a date as YYYY-MM-DD), so both go through the
same value readers.
"""

from __future__ import annotations

import csv
import itertools
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from ..domain.csv_dialect import DELIMITER_NAMES, detect_delimiter
from ..domain.text_encoding import encoding_name
from ..storage.errors import ImportRefused
from ..domain.records import record

# Fed to the CSV reader after the file's last line. If the file ended inside a quoted text, the reader
# swallows it into that text; otherwise it comes back as a row of its own. Private-use characters, so
# no export holds it.
END_OF_FILE = "\ue000\ue001end of file\ue001\ue000"
SAMPLE_CHARACTERS = 64 * 1024  # what the delimiter is found from
_DECIMAL_COMMA = re.compile(r"[-+]?[£€$]?\d{1,3}(?:[. \u00a0]\d{3})*,\d+%?|[-+]?[£€$]?\d+,\d+%?")


@record
class CutShort:
    """The file ends inside a quoted text: its last record is incomplete."""

    quote_line: int

    @property
    def reason(self) -> str:
        return f"the file ends inside a quoted text that starts on line {self.quote_line}: it looks cut short"

    def refusal(self, path: str) -> str:
        return (f"{path} ends inside a quoted text that starts on line {self.quote_line}: the file looks cut short; "
                f"nothing was imported (--skip-bad-rows REJECTS.csv imports the rows before it).")


Row = tuple[int, list[str], CutShort | None]


@dataclass
class RowSource:
    rows: Iterator[Row]
    description: str  # the encoding of a CSV file, or which sheet of a workbook
    pads_short_rows: bool  # a sheet leaves out empty cells at the end of a row; a CSV row must be whole
    close: Callable[[], None]
    sheet: str | None = None
    delimiter: str = ","  # of a CSV file

    @property
    def unit(self) -> str:
        """What messages call a row's number: a CSV file's line, a sheet's row."""
        return "line" if self.sheet is None else "row"


def csv_source(path: Path, encoding: str, delimiter: str | None = None) -> RowSource:
    """The rows of a CSV file; its delimiter is found from its first lines unless given."""
    handle = path.open("r", encoding=encoding, newline="")
    if delimiter is None:
        try:
            delimiter = detect_delimiter(handle.read(SAMPLE_CHARACTERS))
        except UnicodeDecodeError:
            delimiter = ","  # the rows themselves say where the character is
        handle.seek(0)
    described = encoding if delimiter == "," else f"{encoding}, cells separated by {DELIMITER_NAMES[delimiter]}"
    return RowSource(_csv_rows(handle, path, encoding, delimiter), described, False, handle.close,
                     delimiter=delimiter)


def _csv_rows(handle: IO[str], path: Path, encoding: str, delimiter: str = ",") -> Iterator[Row]:
    reader = csv.reader(itertools.chain(handle, (END_OF_FILE,)), delimiter=delimiter)
    decimal_comma = delimiter == ";"  # where Excel separates cells with semicolons, "909,50" is 909.50
    line = 0  # the last line of the previous record
    try:
        for cells in reader:
            start = line + 1
            line = reader.line_num
            if cells and cells[-1].endswith(END_OF_FILE):
                if len(cells) == 1 and cells[0] == END_OF_FILE:
                    return
                yield start, cells[:-1] + [cells[-1][:-len(END_OF_FILE)]], CutShort(_quote_line(start, cells))
                return
            yield start, [decimal_point(cell) for cell in cells] if decimal_comma else cells, None
    except csv.Error as error:
        limit = csv.field_size_limit()
        if "field limit" in str(error):
            raise ImportRefused(
                f"{path}, line {line + 1}: a text there runs on past {limit:,} characters, so a quote is "
                f"probably not closed; nothing was imported.", path=str(path), line=line + 1) from None
        raise ImportRefused(f"{path}, line {line + 1}: the CSV cannot be read there ({error}); nothing was imported.",
                            path=str(path), line=line + 1) from None
    except UnicodeDecodeError:
        raise ImportRefused(f"{path}, near line {line + 1}: a character cannot be read as {encoding_name(encoding)}; "
                            f"nothing was imported.", path=str(path), line=line + 1) from None


def decimal_point(cell: str) -> str:
    """A number written with a decimal comma ("1.234,50", "-3,5") as the readers expect it ("1234.50");
    any other cell as it is."""
    if _DECIMAL_COMMA.fullmatch(cell.strip()):
        return cell.strip().replace(".", "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
    return cell


def _quote_line(start: int, cells: list[str]) -> int:
    """The line the unclosed quote opens on: the record's first line plus the line breaks before it."""
    breaks = sum(cell.count("\n") + cell.count("\r") - cell.count("\r\n") for cell in cells[:-1])
    return start + breaks


def xlsx_source(path: Path, sheet: str | None) -> RowSource:
    """Stream the first sheet (or the sheet named) of a workbook, read only, with values not formulas."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise ImportRefused(f"{path} cannot be read as an Excel workbook: it looks damaged.", path=str(path)) from None
    try:
        worksheet = _choose_sheet(book, path, sheet)
    except ImportRefused:
        book.close()
        raise
    worksheet.reset_dimensions()  # some writers record a wrong size; read every row there is
    title = worksheet.title
    return RowSource(_sheet_rows(worksheet, path), f"sheet {title}", True, book.close, title)


def _choose_sheet(book: Any, path: Path, sheet: str | None) -> Any:
    sheets = book.worksheets
    if not sheets:
        raise ImportRefused(f"{path} has no worksheet to import.", path=str(path))
    if sheet is None:
        return sheets[0]
    for candidate in sheets:
        if candidate.title == sheet:
            return candidate
    folded = [candidate for candidate in sheets if candidate.title.casefold() == sheet.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    names = ", ".join(candidate.title for candidate in sheets)
    raise ImportRefused(f"{path} has no sheet named '{sheet}' (its sheets: {names}).", path=str(path))


def _sheet_rows(worksheet: Any, path: Path) -> Iterator[Row]:
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            while cells and not cells[-1]:
                cells.pop()
            yield number, cells, None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise ImportRefused(f"{path}: the sheet {worksheet.title} cannot be read; the workbook looks damaged.",
                            path=str(path)) from None


def cell_text(value: object) -> str:
    """A sheet cell as the text a CSV export would hold: dates as YYYY-MM-DD, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    return str(value)
