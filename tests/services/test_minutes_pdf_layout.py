"""Issue 19: the PDF minutes read like a document a board accepts, checked through each page's text and pixels."""

import dataclasses
import re
from datetime import date

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument

from customer_room_desktop.app.qt_offscreen import ensure_gui_application
from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.services.minutes import gather_minutes
from customer_room_desktop.services.minutes_pdf import write_pdf
from customer_room_desktop.storage.captures import capture_commitment, capture_decision, capture_note, start_session
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session

SENTENCE = "The room agreed to fund the next step of the claim-report fix with the budget the sponsor named. "
TALL = " ".join(f"Clause {n}: the supplier reports the claim-form figures to the sponsor every month, and the "
                "room may stop the second payment if the pilot misses its target by a quarter." for n in range(90))


@pytest.fixture(scope="module")
def app():
    return ensure_gui_application()


@pytest.fixture(scope="module")
def long_session(tmp_path_factory, sample_room):
    """Decisions of one to nine sentences, one taller than a page, then commitments and notes."""
    path = tmp_path_factory.mktemp("layout") / "room.croom"
    path.write_bytes(sample_room.read_bytes())
    with RoomFile.open(path) as room:
        session = plan_session(room, "Long room", "quarterly", date(2027, 1, 14),
                               [Attendee(f"Leader {n}", "Director") for n in range(1, 7)])
        start_session(room, session)
        for n in range(48):
            capture_decision(room, session, f"Decision {n:02d}: " + SENTENCE * (1 + n * 5 % 9))
            if n == 30:
                capture_decision(room, session, TALL)
        for n in range(6):
            capture_commitment(room, session, f"Commitment {n}: bring the root-cause analysis", "Leader 1",
                               date(2027, 3, 1 + n), today=date(2027, 1, 14))
            capture_note(room, session, f"Note {n}: the form asks for the policy number twice.")
        return path, gather_minutes(room, session)


def _pages(path) -> list[str]:
    document = QPdfDocument()
    document.load(str(path))
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    document.close()
    return pages


def _flat(text: str) -> str:
    """The text without its line breaks; PDFium reads a hyphen that ends a line as U+FFFE."""
    return re.sub(r"\s+", "", text.replace("\ufffe", "-"))


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def test_every_page_is_numbered_page_n_of_all(app, long_session, tmp_path):
    pages = _pages(write_pdf(long_session[1], tmp_path / "minutes.pdf"))
    assert len(pages) >= 6
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.parametrize("decisions", [8, 17, 23, 29, 36, 44])
def test_no_row_is_split_across_pages_and_no_heading_is_left_at_a_page_foot(app, long_session, tmp_path, decisions):
    """However many decisions push the sections down the pages, each row stays whole on one page and each
    heading stays on the page that shows what follows it."""
    minutes = long_session[1]
    minutes = dataclasses.replace(minutes, decisions=minutes.decisions[:decisions] + minutes.decisions[-6:])
    pages = _pages(write_pdf(minutes, tmp_path / "minutes.pdf"))
    flat = [_flat(page) for page in pages]
    ordinary = [text for _, text, _ in minutes.decisions if text != TALL]
    ordinary += [c.text for c in minutes.commitments] + [text for _, text, _ in minutes.notes]
    for text in ordinary:
        assert sum(_flat(text) in page for page in flat) == 1, text[:40]
    for heading, first in (("Decisions", minutes.decisions[0][1]), ("Commitments", minutes.commitments[0].text),
                           ("Notes", minutes.notes[0][1]), ("Next session", "not set")):
        (page,) = [n for n, page in enumerate(pages) if heading in _lines(page)]
        assert _flat(first)[:60] in flat[page], heading
    (opening,) = [n for n, page in enumerate(pages) if "Decisions" in _lines(page)]
    for page in pages[opening + 1:]:  # a table going on from a page before says so, with its column headings
        if re.search(r"Decision \d\d:", page):
            assert "Decisions, continued" in page and "Time Decision On the walls" in " ".join(page.split())


def test_a_row_taller_than_a_page_goes_on_readable_and_says_so(app, long_session, tmp_path):
    pages = _pages(write_pdf(long_session[1], tmp_path / "minutes.pdf"))
    holding = [n for n, page in enumerate(pages) if "Clause" in page]
    assert len(holding) >= 2  # taller than a page
    assert "continued on the next page" in pages[holding[0]]
    for page in holding[1:]:
        assert "continued from the previous page" in pages[page] and "Decisions, continued" in pages[page]
    rest = _flat(TALL)  # page by page, the row's text goes on where it stopped, and all of it is there
    for page in holding:
        shown = max(k for k in range(len(rest) + 1) if rest[:k] in _flat(pages[page])) if rest else 0
        assert shown > 0
        rest = rest[shown:]
    assert rest == ""


def _pixels(path, colour: QColor, area: tuple[int, int, int, int] = (0, 0, 595, 842)) -> int:
    """How many pixels of page 1 (at 72 dpi, every second one counted) are about ``colour``, in ``area``."""
    document = QPdfDocument()
    document.load(str(path))
    image = document.render(0, QSize(595, 842))
    document.close()
    left, top, right, bottom = area
    found = 0
    for y in range(top, bottom, 2):
        for x in range(left, right, 2):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 128 and max(abs(pixel.red() - colour.red()), abs(pixel.green() - colour.green()),
                                           abs(pixel.blue() - colour.blue())) < 40:
                found += 1
    return found


def test_the_room_logo_and_brand_colour_are_on_the_first_page(app, sample_room_copy, tmp_path):
    """The sample's logo is teal: with a purple brand colour, teal at the top left can only be the logo."""
    purple, teal, logo = QColor("#7b2d8e"), QColor("#12a4b4"), (40, 36, 240, 90)
    with RoomFile.open(sample_room_copy) as room:
        with room.transaction() as db:
            db.execute("UPDATE room SET brand_colour = '#7B2D8E'")
        session = room.db.execute("SELECT id FROM sessions WHERE key = '2026-10-monthly'").fetchone()[0]
        branded = write_pdf(gather_minutes(room, session), tmp_path / "branded.pdf")
        with room.transaction() as db:
            db.execute("UPDATE room SET logo_sha256 = NULL, brand_colour = 'not a colour'")
        plain = write_pdf(gather_minutes(room, session), tmp_path / "plain.pdf")
    assert _pixels(branded, purple) > 300 and _pixels(branded, teal, logo) > 50
    assert _pixels(plain, purple) == 0 and _pixels(plain, teal) > 300  # a colour that cannot be read: the default
    assert _pixels(plain, teal, logo) == 0  # and no logo where there is none
