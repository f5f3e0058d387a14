"""Issue 19: the minutes carry every review, stop-doing decision and reaction the session recorded, in every format."""

import csv
import io
from datetime import date

import pytest
from PySide6.QtPdf import QPdfDocument

from customer_room_desktop.app.minutes_export import minutes_content
from customer_room_desktop.app.qt_offscreen import ensure_gui_application
from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.services.minutes import gather_minutes
from customer_room_desktop.services.minutes_text import minutes_csv, to_html, to_markdown
from customer_room_desktop.storage import focus
from customer_room_desktop.storage.captures import close_session, start_session
from customer_room_desktop.storage.commitment_reviews import review_commitment
from customer_room_desktop.storage.exercises import record_reaction, record_result, start_exercise, stop_exercise
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import carried_commitments, plan_session

LEADERS = [Attendee("Ruth Adeyemi", "Chief Operating Officer"), Attendee("Alistair Munro", "Chief Financial Officer"),
           Attendee("Hamish Rennie", "Claims Director")]
DONE = "Name the On the day team and share the assessor supplier contracts"  # made in the October room
MOVED = "Switch the phone menu to a single claims option"
DROPPED = "Build the one-page online claim form"


@pytest.fixture(scope="module")
def minutes(tmp_path_factory, sample_room):
    """A quarterly session run as a facilitator runs it: the review first, then the exercise and the focus."""
    path = tmp_path_factory.mktemp("reviews") / "room.croom"
    path.write_bytes(sample_room.read_bytes())
    with RoomFile.open(path) as room:
        session = plan_session(room, "Q1 2027 quarterly room", "quarterly", date(2027, 1, 14), LEADERS)
        carried = {c.text: c.id for c in carried_commitments(room, session)}
        review_commitment(room, session, carried[DONE], "done")
        review_commitment(room, session, carried[MOVED], "moved", "2027-02-11", today=date(2027, 1, 14))
        review_commitment(room, session, carried[DROPPED], "dropped")
        start_session(room, session)
        run = start_exercise(room, session, "home-claim-form")
        record_reaction(room, run.id, "Alistair Munro", "I could not find where to say the pipe had burst")
        record_result(room, run.id, "Ruth Adeyemi", "finished", 590, reaction="Page five lost me")
        stop_exercise(room, run.id)
        for title, decided in (("Monthly silo NPS league table", True), ("Posting paper renewal notices", False),
                               ("Quarterly brand-tracker survey", None)):
            item = focus.propose_stop_doing(room, session, title, "Nobody acts on it", "2 analyst days a month")
            if decided is not None:
                focus.decide_stop_doing(room, session, item, decided)
        close_session(room, session)
        return gather_minutes(room, session)


@pytest.fixture(scope="module")
def pdf_text(minutes, tmp_path_factory):
    ensure_gui_application()
    path = tmp_path_factory.mktemp("pdf") / "minutes.pdf"
    path.write_bytes(minutes_content(minutes, "pdf"))
    document = QPdfDocument()
    document.load(str(path))
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return " ".join(text.split())  # as read: a cell's text wraps at any line


def test_the_markdown_shows_each_review_with_where_the_commitment_came_from(minutes):
    markdown = to_markdown(minutes)
    review = markdown.split("## Commitments from earlier sessions: the review")[1].split("\n## ")[0]
    assert "3 earlier commitments were reviewed: 1 done, 1 moved, 1 dropped." in review
    assert f"| {DONE} | Hamish Rennie | October leadership room (2026-10-08) | 2026-10-22 | done |" in review
    assert f"| {MOVED} | Gemma Wardle | October leadership room (2026-10-08) | 2026-11-16 | moved to 2027-02-11 |" \
        in review
    assert f"| {DROPPED} |" in review and "| dropped |" in review


def test_a_stopped_item_says_stopped_a_kept_one_kept_and_an_undecided_one_so(minutes):
    markdown = to_markdown(minutes)
    assert "| Monthly silo NPS league table | Nobody acts on it | 2 analyst days a month | stopped |" in markdown
    assert "| Posting paper renewal notices | Nobody acts on it | 2 analyst days a month | kept |" in markdown
    assert "| Quarterly brand-tracker survey | Nobody acts on it | 2 analyst days a month | proposed, not decided |" \
        in markdown
    assert "Stopped: 1; kept: 1; not decided: 1." in markdown
    assert "| decided |" not in markdown


def test_a_reaction_without_a_result_is_in_the_minutes_and_counts_as_no_result(minutes):
    markdown = to_markdown(minutes)
    assert "| Alistair Munro | no result recorded | – |  | I could not find where to say the pipe had burst |" \
        in markdown
    assert "Leaders: 1 of 3 finished, median 9:50;" in markdown  # the reaction is not counted as a result


def test_the_html_carries_the_same_reviews_statuses_and_reactions(minutes):
    html = to_html(minutes)
    for expected in ("<td>moved to 2027-02-11</td>", f"<td>{DONE}</td>", "<td>stopped</td>", "<td>kept</td>",
                     "<td>no result recorded</td>", "I could not find where to say the pipe had burst",
                     "<h2>Commitments from earlier sessions: the review</h2>"):
        assert expected in html, expected


def test_the_csv_has_a_row_for_each_review_stop_doing_decision_and_reaction(minutes):
    rows = list(csv.DictReader(io.StringIO(minutes_csv(minutes))))
    reviews = {r["item"]: r for r in rows if r["kind"] == "commitment review"}
    assert {item: r["status"] for item, r in reviews.items()} == {DONE: "done", MOVED: "moved", DROPPED: "dropped"}
    assert reviews[MOVED]["due_on"] == "2027-02-11" and "was due 2026-11-16" in reviews[MOVED]["detail"]
    assert {r["item"]: r["status"] for r in rows if r["kind"] == "stop doing"} == {
        "Monthly silo NPS league table": "stopped", "Posting paper renewal notices": "kept",
        "Quarterly brand-tracker survey": "proposed, not decided"}
    exercise = {r["who"]: r for r in rows if r["kind"] == "exercise"}
    assert exercise["Alistair Munro"]["status"] == "no result recorded"
    assert exercise["Alistair Munro"]["detail"] == "reaction: I could not find where to say the pipe had burst"
    assert exercise["Ruth Adeyemi"]["detail"] == "time 9:50; reaction: Page five lost me"


def test_the_pdf_carries_them_too(pdf_text):
    for expected in ("Commitments from earlier sessions: the review", DONE, "moved to 2027-02-11", DROPPED,
                     "Monthly silo NPS league table", "stopped", "kept", "proposed, not decided",
                     "no result recorded", "I could not find where to say the pipe had burst"):
        assert expected in pdf_text, expected
