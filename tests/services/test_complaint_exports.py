"""Complaint exports as they really come (issue 16, point 6): banner lines above the headings, files cut
short inside a quoted narrative, web pages, JSON and zips saved under a .csv name, and --skip-bad-rows."""

import csv
import json
import zipfile

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.services.csv_import import import_csv
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage.errors import ImportRefused
from customer_room_desktop.storage.room_file import RoomFile

from .complaint_exports import CFPB_HEADINGS, cfpb_row, cfpb_text, narrative, read_rejects, start_lines, write_cfpb


@pytest.fixture
def room(tiny_source, tmp_path):
    path = build_room(tiny_source, tmp_path / "tiny.croom")
    with RoomFile.open(path) as room:
        yield room


def count(room):
    return room.db.execute("SELECT count(*) FROM complaints").fetchone()[0]


def imported_ids(room):
    return {row[0] for row in room.db.execute("SELECT external_id FROM complaints WHERE external_id != ''")}


def assert_plain_sentence(message, path):
    """One sentence, naming the file, with no Python in it and hardly any of the file's own text."""
    assert str(path) in message
    assert message.endswith(".") and message.count(". ") == 0
    for python in ("Error", "<_io", "object at 0x", "Traceback", "b'", "\\x"):
        assert python not in message
    assert len(message) - len(str(path)) < 160


def test_the_cfpb_export_below_unzip_banner_lines_with_crlf_and_multiline_narratives(room, tmp_path):
    rows = [cfpb_row(number) for number in range(40)]
    path = write_cfpb(tmp_path / "complaints.csv", rows)
    assert path.read_bytes().startswith(b"Archive:  complaints.zip\n  inflating: complaints.csv  \nDate received,")
    assert b"\r\n\r\nThey said" in path.read_bytes()
    before = count(room)
    result = import_csv(room, "complaints", path, constants={"stage": "claim"})
    assert (result.rows, result.heading_line, result.refused) == (40, 3, 0)
    assert result.columns["received_on"] == "Date received" and result.columns["verbatim"] == (
        "Consumer complaint narrative")
    assert count(room) == before + 40
    stored = dict(room.db.execute("SELECT external_id, verbatim FROM complaints WHERE external_id != ''"))
    assert stored["3300003"] == narrative(3)  # its CRLFs, LF and doubled quotes as the consumer wrote them
    assert room.db.execute("SELECT received_on FROM complaints WHERE external_id = '3300002'").fetchone()[0] == (
        "2023-08-03")  # 08/03/2023, read the US way as the CFPB writes it


def test_a_bad_row_after_multiline_narratives_is_named_by_the_line_it_starts_on(room, tmp_path):
    rows = [cfpb_row(number) for number in range(30)]
    rows[25] = cfpb_row(25, received="N/A")
    path = write_cfpb(tmp_path / "complaints.csv", rows)
    line = start_lines(rows)[25]
    assert line > 28  # the narratives above it span more lines than they have rows
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", path, constants={"stage": "claim"})
    assert str(refused.value) == (f"{path}, line {line}: 'N/A' is not a date this import understands "
                                  f"(use YYYY-MM-DD or --date-format); nothing was imported.")


@pytest.mark.parametrize("cut_in", ["narrative", "public response"])
def test_an_export_cut_short_inside_a_quoted_text_says_so_and_where_the_quote_started(room, tmp_path, cut_in):
    rows = [cfpb_row(number) for number in range(40)]
    rows[30] = cfpb_row(30, public_response="Company believes\r\nthe complaint is resolved; see letter of XX/XX")
    text = cfpb_text(rows)
    starts = start_lines(rows)
    if cut_in == "narrative":  # cut within the third line of the narrative
        cut = text.index("nobody did.\nI want the $30.00") + len("nobody did.\nI want")
        quote_line = starts[30]
    else:  # the narrative before it spans three lines, so its quote opens three lines below the row's start
        cut = text.index("the complaint is resolved")
        quote_line = starts[30] + 3
    path = tmp_path / "complaints.csv"
    path.write_bytes(text[:cut].encode("utf-8"))
    before = count(room)
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", path, constants={"stage": "claim"})
    message = str(refused.value)
    assert f"{path} ends inside a quoted text that starts on line {quote_line}: the file looks cut short" in message
    assert "nothing was imported" in message and "--skip-bad-rows" in message
    assert count(room) == before

    rejects = tmp_path / "rejects.csv"
    result = import_csv(room, "complaints", path, constants={"stage": "claim"}, skip_bad_rows=rejects)
    assert (result.rows, result.refused) == (30, 1)
    assert imported_ids(room) >= {str(3_300_000 + n) for n in range(30)}
    assert "3300030" not in imported_ids(room)
    (line, reason, *cells), = read_rejects(rejects)[1:]
    assert line == str(starts[30])
    assert reason == f"the file ends inside a quoted text that starts on line {quote_line}: it looks cut short"
    assert cells[:-1] == rows[30][:len(cells) - 1]  # the cells read, the last one up to the cut
    assert len(cells) == (6 if cut_in == "narrative" else 7) and rows[30][len(cells) - 1].startswith(cells[-1])


def test_skip_bad_rows_imports_the_good_rows_and_writes_each_refused_one_with_line_and_reason(room, tmp_path):
    rows = [cfpb_row(number) for number in range(50)]
    rows[4] = cfpb_row(4, received="32/13/2023")
    rows[18] = cfpb_row(18, issue="")
    rows[33] = cfpb_row(33) + ["an extra cell"]
    path = write_cfpb(tmp_path / "complaints.csv", rows)
    rejects = tmp_path / "rejects.csv"
    before = count(room)
    result = import_csv(room, "complaints", path, constants={"stage": "claim"}, skip_bad_rows=rejects)
    assert (result.rows, result.refused, result.rejects_path) == (47, 3, str(rejects))
    assert count(room) == before + 47
    assert imported_ids(room) == {str(3_300_000 + n) for n in range(50) if n not in (4, 18, 33)}
    written = read_rejects(rejects)
    assert written[0] == ["line", "refused because", *CFPB_HEADINGS]
    starts = start_lines(rows)
    assert [row[:2] for row in written[1:]] == [
        [str(starts[4]), "'32/13/2023' is not a date this import understands (use YYYY-MM-DD or --date-format)"],
        [str(starts[18]), "the category is empty"],
        [str(starts[33]), "the row has 19 cells where the heading has 18"],
    ]
    assert [row[2:] for row in written[1:]] == [rows[4], rows[18], rows[33]]  # the cells as they were
    assert not (tmp_path / "rejects.csv.partial").exists()
    written[2][2 + CFPB_HEADINGS.index("Issue")] = "Managing an account"  # fixed by hand, then imported again
    with rejects.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(written)
    again = import_csv(room, "complaints", rejects, constants={"stage": "claim"}, skip_bad_rows=tmp_path / "r2.csv")
    assert (again.rows, again.refused, again.ignored_columns[:2]) == (1, 2, ["line", "refused because"])
    assert "3300018" in imported_ids(room)


def test_without_skip_bad_rows_nothing_is_imported_and_no_rejects_file_is_left(room, tmp_path):
    rows = [cfpb_row(number) for number in range(10)] + [cfpb_row(10, issue="")]
    path = write_cfpb(tmp_path / "complaints.csv", rows)
    before = count(room)
    with pytest.raises(ImportRefused, match="the category is empty; nothing was imported"):
        import_csv(room, "complaints", path, constants={"stage": "claim"})
    assert count(room) == before
    only_bad = write_cfpb(tmp_path / "bad.csv", [cfpb_row(1, issue=""), cfpb_row(2, received="soon")])
    with pytest.raises(ImportRefused, match=r"every row was refused \(2, written to .*rejects.csv\)"):
        import_csv(room, "complaints", only_bad, constants={"stage": "claim"}, skip_bad_rows=tmp_path / "rejects.csv")
    assert len(read_rejects(tmp_path / "rejects.csv")) == 3 and count(room) == before
    missing_folder = tmp_path / "nowhere" / "rejects.csv"
    with pytest.raises(ImportRefused, match="the folder .*nowhere does not exist"):
        import_csv(room, "complaints", path, skip_bad_rows=missing_folder)


def test_the_heading_row_is_looked_for_among_the_first_20_lines_only(room, tmp_path):
    titled = tmp_path / "report.csv"
    titled.write_text("Complaints report\nPeriod: March 2026,,\n\nreceived_on,category,stage\n2026-03-02,Slow,claim\n",
                      encoding="utf-8")
    assert import_csv(room, "complaints", titled).heading_line == 4
    late = tmp_path / "late.csv"
    late.write_text("Complaints report\n" * 20 + "received_on,category,stage\n2026-03-02,Slow,claim\n",
                    encoding="utf-8")
    with pytest.raises(ImportRefused, match="no column for received_on, category"):
        import_csv(room, "complaints", late)


HTML_PAGE = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<title>Consumer Complaint Database | Consumer Financial Protection Bureau</title>\n"
             "<link rel=\"stylesheet\" href=\"/static/css/main.css\">\n</head>\n<body>\n"
             + "<div class=\"o-well\"><p>Download the complaint data as CSV or JSON.</p></div>\n" * 40
             + "<script src=\"/static/js/main.js\"></script>\n</body>\n</html>\n")


@pytest.mark.parametrize("content, sentence", [
    (HTML_PAGE.encode(), "is a web page (HTML), not a CSV export: download the file itself, not the page "
                         "that links to it."),
    (b"\xef\xbb\xbf\r\n  <html><body><table><tr><td>Date received</td></tr></table></body></html>",
     "is a web page (HTML)"),
    (json.dumps([{"date_received": "2023-08-02", "issue": "Managing an account", "complaint_id": 7301234}]
                * 50).encode(), "is JSON, not CSV: export the data as CSV or .xlsx."),
    (json.dumps({"took": 4, "hits": {"total": {"value": 2}, "hits": []}}, indent=2).encode(), "is JSON, not CSV"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "is an old Excel workbook (.xls)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF, not a CSV export."),
])
def test_a_file_that_is_not_a_csv_export_is_named_in_one_short_sentence(room, tmp_path, content, sentence):
    path = tmp_path / "complaints.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", path)
    message = str(refused.value)
    assert message.startswith(f"{path} {sentence}")
    assert_plain_sentence(message, path)
    assert "<" not in message and "date_received" not in message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_exports_are_text_not_binary(room, tmp_path, encoding):
    path = tmp_path / "complaints.csv"
    path.write_bytes(cfpb_text([cfpb_row(n) for n in range(5)]).encode(encoding))
    assert import_csv(room, "complaints", path, constants={"stage": "claim"}).rows == 5
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportRefused, match="is not a text file"):
        import_csv(room, "complaints", binary)


def test_a_zip_says_unzip_it_first(room, tmp_path):
    archive = tmp_path / "complaints.csv.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("complaints.csv", cfpb_text([cfpb_row(1)], banner=""))
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", archive)
    assert str(refused.value) == f"{archive} is a zip archive holding complaints.csv: unzip it first."


def test_no_message_shows_more_than_a_few_words_of_the_file(room, tmp_path):
    long_text = "I have been trying to get this resolved " * 600  # a 24,000-character narrative
    path = tmp_path / "shifted.csv"
    path.write_text(cfpb_text([cfpb_row(1, received=long_text)]), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", path, constants={"stage": "claim"})
    assert_plain_sentence(str(refused.value), path)
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"Unrecognised column number {n}" for n in range(40)) + "\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_csv(room, "complaints", wide)
    assert "and 3" in str(refused.value) and "more)" in str(refused.value)
    assert len(str(refused.value)) - len(str(wide)) < 220


def test_the_cli_imports_with_skip_bad_rows_and_prints_both_counts(tiny_source, tmp_path, capsys):
    built = build_room(tiny_source, tmp_path / "t.croom")
    rows = [cfpb_row(number) for number in range(2068)]
    rows[2000] = cfpb_row(2000, received="XX/XX/2023")
    path = write_cfpb(tmp_path / "complaints.csv", rows)
    rejects = tmp_path / "REJECTS.csv"
    assert main(["import", "complaints", str(built), str(path), "--set", "stage=claim",
                 "--skip-bad-rows", str(rejects)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"2,067 rows imported; 1 row refused, written to {rejects}."
    assert out[1] == f"  complaints from {path} (utf-8-sig)"
    assert out[2] == "  headings on line 3; the 2 lines above them were skipped"
    assert "  received_on      <- Date received" in out
    assert read_rejects(rejects)[1][:2] == [str(start_lines(rows)[2000]), "'XX/XX/2023' is not a date this import "
                                            "understands (use YYYY-MM-DD or --date-format)"]

    page = tmp_path / "page.csv"
    page.write_text(HTML_PAGE, encoding="utf-8")
    assert main(["import", "complaints", str(built), str(page)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"customer-room: {page} is a web page (HTML), not a CSV export: download the file itself, "
                   f"not the page that links to it."]
