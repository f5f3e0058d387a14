"""Excel workbooks (.xlsx) as complaint systems export them: a title above the headings, real date cells,
numbers for ids, several sheets. Written by openpyxl, read back in its read-only streaming mode."""

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from customer_room_desktop.app.cli import main
from customer_room_desktop.services.csv_import import import_csv
from customer_room_desktop.services.import_sources import cell_text
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage.errors import ImportRefused
from customer_room_desktop.storage.room_file import RoomFile

from .complaint_exports import CFPB_HEADINGS, cfpb_row, read_rejects


@pytest.fixture
def room(tiny_source, tmp_path):
    path = build_room(tiny_source, tmp_path / "tiny.croom")
    with RoomFile.open(path) as room:
        yield room


def sheet_row(number, received, **changes):
    """A CFPB row as a sheet holds it: dates as date cells, the ZIP code and the id as numbers."""
    cells: list = cfpb_row(number, **changes)
    cells[0] = cells[13] = received
    cells[9] = int(cells[9])
    cells[17] = float(cells[17]) if number % 2 else int(cells[17])  # some writers store every number as a double
    return cells


def write_workbook(path, complaint_rows, escalated_rows=()):
    book = Workbook()
    sheet = book.active
    sheet.title = "Complaints"
    sheet.append(["Consumer complaints, August 2023 (exported 2023-09-01)"])
    sheet.append([])
    sheet.append(CFPB_HEADINGS)
    for cells in complaint_rows:
        sheet.append(cells)
    escalated = book.create_sheet("Escalated")
    escalated.append(CFPB_HEADINGS)
    for cells in escalated_rows:
        escalated.append(cells)
    book.save(path)
    return path


def stored(room, external_id, column="received_on"):
    return room.db.execute(f"SELECT {column} FROM complaints WHERE external_id = ?", (external_id,)).fetchone()[0]


def test_the_first_sheet_is_read_below_its_title_with_dates_and_numbers_as_the_csv_readers_take_them(room, tmp_path):
    rows = [sheet_row(1, datetime(2023, 8, 2)), sheet_row(2, datetime(2023, 8, 3, 14, 30)),
            sheet_row(3, date(2023, 8, 4)), sheet_row(4, "08/05/2023")]
    path = write_workbook(tmp_path / "complaints.xlsx", rows, [sheet_row(9, datetime(2023, 9, 1))])
    result = import_csv(room, "complaints", path, constants={"stage": "claim"})
    assert (result.rows, result.heading_line, result.sheet, result.encoding) == (4, 3, "Complaints", "")
    assert [stored(room, str(3_300_000 + n)) for n in (1, 2, 3, 4)] == [
        "2023-08-02", "2023-08-03", "2023-08-04", "2023-08-05"]
    assert stored(room, "3300001", "verbatim") == rows[0][5]  # a float id cell comes back without ".0"
    assert room.db.execute("SELECT count(*) FROM complaints WHERE external_id = '3300009'").fetchone()[0] == 0


def test_sheet_names_another_sheet_and_a_missing_one_lists_the_sheets(room, tmp_path):
    path = write_workbook(tmp_path / "complaints.xlsx", [sheet_row(1, datetime(2023, 8, 2))],
                          [sheet_row(7, datetime(2023, 9, 1)), sheet_row(8, datetime(2023, 9, 2))])
    result = import_csv(room, "complaints", path, constants={"stage": "claim"}, sheet="Escalated")
    assert (result.rows, result.sheet, result.heading_line) == (2, "Escalated", 1)
    assert stored(room, "3300008") == "2023-09-02"
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", path, sheet="Closed")
    assert str(refused.value) == f"{path} has no sheet named 'Closed' (its sheets: Complaints, Escalated)."
    csv_path = tmp_path / "plain.csv"
    csv_path.write_text("received_on,category\n2026-01-01,Slow\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="--sheet names a sheet, but .*plain.csv is a CSV file"):
        import_csv(room, "complaints", csv_path, sheet="Complaints")


def test_bad_rows_are_named_by_sheet_row_and_skipped_into_the_rejects_file(room, tmp_path):
    rows = [sheet_row(n, datetime(2023, 8, n + 1)) for n in range(8)]
    rows[2] = sheet_row(2, "not yet")  # sheet row 6 (title, blank, headings, then rows from 4)
    rows[5] = sheet_row(5, datetime(2023, 8, 6), issue="")  # sheet row 9
    path = write_workbook(tmp_path / "complaints.xlsx", rows)
    before = room.db.execute("SELECT count(*) FROM complaints").fetchone()[0]
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", path, constants={"stage": "claim"})
    assert str(refused.value) == (f"{path}, row 6: 'not yet' is not a date this import understands "
                                  f"(use YYYY-MM-DD or --date-format); nothing was imported.")
    rejects = tmp_path / "rejects.csv"
    result = import_csv(room, "complaints", path, constants={"stage": "claim"}, skip_bad_rows=rejects)
    assert (result.rows, result.refused) == (6, 2)
    assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == before + 6
    written = read_rejects(rejects)
    assert [row[:2] for row in written[1:]] == [["6", "'not yet' is not a date this import understands "
                                                       "(use YYYY-MM-DD or --date-format)"],
                                                ["9", "the category is empty"]]
    assert written[2][2:5] == ["2023-08-06", "Checking or savings account", "Checking account"]


def test_a_short_sheet_row_is_whole_and_a_day_first_format_still_reads_date_cells(room, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Issue", "Stage", "Narrative"])
    sheet.append([datetime(2026, 2, 14), "Slow", "claim"])  # no narrative: the writer leaves the cell out
    sheet.append(["15/02/2026", "Slow", "claim", "typed as text, day first"])
    book.save(tmp_path / "days.xlsx")
    result = import_csv(room, "complaints", tmp_path / "days.xlsx", date_format="%d/%m/%Y")
    assert result.rows == 2
    assert [row[0] for row in room.db.execute(
        "SELECT received_on FROM complaints WHERE received_on >= '2026-02-14' ORDER BY id")] == [
        "2026-02-14", "2026-02-15"]


@pytest.mark.parametrize("value, text", [
    (None, ""), (7301234.0, "7301234"), (1250.5, "1250.5"), (0.1 + 0.2, "0.3"), (True, "TRUE"),
    (datetime(2023, 8, 2), "2023-08-02"), (datetime(2023, 8, 2, 9, 5), "2023-08-02 09:05:00"),
    (date(2023, 8, 2), "2023-08-02"),
])
def test_sheet_cells_become_the_text_a_csv_export_would_hold(value, text):
    assert cell_text(value) == text


def test_the_cli_reads_a_workbook_sheet(tiny_source, tmp_path, capsys):
    built = build_room(tiny_source, tmp_path / "t.croom")
    path = write_workbook(tmp_path / "complaints.xlsx", [sheet_row(1, datetime(2023, 8, 2))],
                          [sheet_row(7, datetime(2023, 9, 1))])
    assert main(["import", "complaints", str(built), str(path), "--set", "stage=buy", "--sheet", "Escalated"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"Imported 1 complaints rows from {path} (sheet Escalated)."
    assert main(["import", "complaints", str(built), str(path), "--set", "stage=buy"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"Imported 1 complaints rows from {path} (sheet Complaints).",
                       "  headings on row 3; the 2 rows above them were skipped"]
