"""CSV files as other software writes them: Excel in a European locale (semicolons, decimal commas, a
'sep=;' line, Windows-1252), a tab-separated export with a banner above its heading, bars. The delimiter is
found from the file itself; a plain comma file reads as before."""

from __future__ import annotations

import pytest

from customer_room_desktop.domain.csv_dialect import detect_delimiter
from customer_room_desktop.services.csv_import import import_csv
from customer_room_desktop.services.import_sources import decimal_point
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage.room_file import RoomFile


@pytest.fixture
def room(tiny_source, tmp_path):
    with RoomFile.open(build_room(tiny_source, tmp_path / "tiny.croom")) as room:
        yield room


def test_the_delimiter_is_the_one_that_splits_the_rows_alike():
    assert detect_delimiter('a,b,c\n1,"x; y; z",3\n') == ","
    assert detect_delimiter("sep=;\nDate;Category;Text\n2026-01-02;Slow;\"one, two, three\"\n") == ";"
    assert detect_delimiter("Exported by Zendesk\n\nid\tcreated\tsubject\n1\t2026-01-02\tLate\n") == "\t"
    assert detect_delimiter("only one column\nvalue\n") == ","
    assert detect_delimiter("a|b\n1|2\n3|4\n") == "|"


def test_decimal_commas_become_decimal_points_and_nothing_else_changes():
    assert [decimal_point(cell) for cell in ("909,50", "1.234,50", "-3,5", "12,5%", "€ 4", "14.03.2026",
                                             "Slow, then lost", "1,234")] == [
        "909.50", "1234.50", "-3.5", "12.5%", "€ 4", "14.03.2026", "Slow, then lost", "1.234"]


def test_a_european_excel_export_imports_with_its_decimal_commas(room, tmp_path):
    path = tmp_path / "klachten.csv"
    text = ("sep=;\r\nreceived_on;category;stage;verbatim;value\r\n"
            "14/03/2026;Schade traag;claim;\"Ik wacht al weken; niemand belt.\";1.234,50\r\n"
            "15/03/2026;Premie;claim;Te duur, zegt mijn buurman.;909,5\r\n")
    path.write_bytes(text.encode("windows-1252"))
    before = room.db.execute("SELECT count(*) FROM complaints").fetchone()[0]
    result = import_csv(room, "complaints", path, date_format="%d/%m/%Y")
    assert result.rows == 2 and "semicolons" in result.encoding
    rows = room.db.execute("SELECT received_on, verbatim, value FROM complaints ORDER BY id DESC LIMIT 2").fetchall()
    assert rows == [("2026-03-15", "Te duur, zegt mijn buurman.", 909.5),
                    ("2026-03-14", "Ik wacht al weken; niemand belt.", 1234.5)]
    assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == before + 2


def test_a_tab_separated_export_with_a_banner_imports(room, tmp_path):
    path = tmp_path / "export.tsv.csv"
    path.write_text("Complaints report, generated 2026-03-20\n\nDate received\tIssue\tJourney stage\n"
                    "2026-03-18\tLost documents\tclaim\n2026-03-19\tLost documents\tclaim\n", encoding="utf-8")
    result = import_csv(room, "complaints", path)
    assert result.rows == 2 and result.heading_line == 3 and "tabs" in result.encoding
