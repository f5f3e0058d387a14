"""Minutes of a session holding a long decision: whole in every format, and the PDF written."""

import pytest
from PySide6.QtPdf import QPdfDocument

from customer_room_desktop.app.qt_offscreen import ensure_gui_application
from customer_room_desktop.domain.meetings import CAPTURE_LIMIT
from customer_room_desktop.services.minutes import gather_minutes
from customer_room_desktop.services.minutes_pdf import write_pdf
from customer_room_desktop.services.minutes_text import to_html, to_markdown
from customer_room_desktop.storage.room_file import RoomFile
from tests.benchmarks.long_text_benchmarks import session_holding, long_narrative


def _pdf_text(path) -> str:
    document = QPdfDocument()
    document.load(str(path))
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return " ".join(text.split())


@pytest.fixture(scope="module")
def app():
    return ensure_gui_application()


def test_a_20000_character_decision_is_whole_in_the_markdown_and_the_pdf(app, sample_room_copy, tmp_path):
    decision = long_narrative(CAPTURE_LIMIT, seed=20)
    session = session_holding(sample_room_copy, decision)
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        minutes = gather_minutes(room, session)
    assert [text for _, text, _ in minutes.decisions] == [decision]
    assert f"| {decision} |" in to_markdown(minutes)
    html = to_html(minutes)
    assert html.count("<p style='margin:0'>") >= 10  # short paragraphs: Qt lays each out in its own time
    pdf = write_pdf(minutes, tmp_path / "minutes.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    printed = _pdf_text(pdf)
    assert decision[:300] in printed and decision[-200:] in printed


def test_a_longer_text_from_an_older_room_follows_its_table_whole(app, sample_room_copy, tmp_path):
    """A room saved before captures had a limit may hold more: the cell quotes its opening, the whole
    text follows the table in paragraphs, and every format still holds all of it."""
    decision = long_narrative(60_000, seed=60)
    session = session_holding(sample_room_copy, decision, direct=True)
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        minutes = gather_minutes(room, session)
    assert decision in to_markdown(minutes)
    html = to_html(minutes)
    assert "all 60,000 characters follow the table, as “Decision of row 1”" in html
    assert "<p><b>Decision of row 1, in full:</b></p>" in html
    pdf = write_pdf(minutes, tmp_path / "minutes.pdf")
    printed = _pdf_text(pdf)
    assert decision[-300:] in printed and decision[30_000:30_300] in printed
