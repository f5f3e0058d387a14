"""The focus-and-commit panel driven like a facilitator would, with its signals fed into the real storage."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.storage import focus
from customer_room_desktop.storage.captures import CaptureRefused, cast_votes, start_session
from customer_room_desktop.storage.journey_queries import list_moments, list_silos
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session
from customer_room_desktop.ui.console.focus_panel import COLUMNS, DOTS_COLUMN, FocusPanel, money_text

LEADERS = [Attendee("Ruth Adeyemi", "Chief Operating Officer", "operations"),
           Attendee("Hamish Rennie", "Claims Director", "claims"),
           Attendee("Sunita Bhatt", "Chief Underwriting Officer", "underwriting")]
NAMES = [leader.name for leader in LEADERS]
TOTAL = COLUMNS.index("Total\ndots")
STATUS = COLUMNS.index("Status")


@pytest.fixture
def room(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        yield room


@pytest.fixture
def session(room):
    session_id = plan_session(room, "Q1 2027 quarterly room", "quarterly", date(2027, 1, 14), LEADERS,
                              dots_per_leader=3, next_session_on=date(2027, 4, 8))
    start_session(room, session_id)
    return session_id


votes_by_leader = focus.votes_by_leader  # what the caller hands the panel: each leader's dots


@pytest.fixture
def panel(qtbot, room, session):
    widget = FocusPanel()
    qtbot.addWidget(widget)
    widget.set_moments([(m.key, m.name) for m in list_moments(room.db)])
    widget.set_silos([(s.key, s.name) for s in list_silos(room.db)])
    refresh(widget, room, session)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def refresh(panel, room, session_id):
    panel.show_candidates(focus.candidates(room, session_id), NAMES, 3, votes_by_leader(room, session_id))
    panel.show_stop_doing(focus.stop_doing_of(room, session_id))


def row_of(panel, key: str) -> int:
    rows = [row for row in range(panel.table.rowCount()) if panel.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            == key]
    assert len(rows) == 1, f"{key} is shown {len(rows)} times"
    return rows[0]


def dots_box(panel, key: str):
    return panel.table.cellWidget(row_of(panel, key), DOTS_COLUMN)


def click_row(qtbot, panel, key: str) -> None:
    item = panel.table.item(row_of(panel, key), 0)
    panel.table.scrollToItem(item)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualItemRect(item).center())
    assert panel.current_key() == key


def test_the_table_shows_each_candidate_with_its_evidence(panel, room, session):
    row = row_of(panel, "fair-renewal-price")
    cells = [panel.table.item(row, column).text() for column in range(DOTS_COLUMN)]
    assert cells[0] == "Loyal customers understand their renewal price"
    assert cells[1] == "I renew or leave\nI question my renewal price"
    assert cells[2:] == ["27", "▲ rising", "✕ unreliable", "£116.9k", "0", "★ selected"]  # a shape and a word
    assert panel.table.item(row_of(panel, "simple-claim-report"), 5).text() == "£111.5k"
    assert panel.table.item(row_of(panel, "move-house-one-contact"), STATUS).text() == "candidate"
    assert (money_text(840), money_text(33_860), money_text(1_250_000)) == ("£840", "£33.9k", "£1.2m")


def test_a_leaders_dots_are_emitted_saved_and_counted(qtbot, panel, room, session):
    panel.leader.setCurrentText("Ruth Adeyemi")
    click_row(qtbot, panel, "documents-within-hour")
    dots_box(panel, "move-house-one-contact").setValue(2)
    qtbot.keyClick(dots_box(panel, "documents-within-hour"), Qt.Key.Key_Up)  # one more dot
    assert panel.budget.text() == "Ruth Adeyemi: 3 of 3 dots  ·  not saved yet"
    with qtbot.waitSignal(panel.votes_entered) as saved:
        qtbot.mouseClick(panel.save_dots, Qt.MouseButton.LeftButton)
    assert saved.args == ["Ruth Adeyemi", {"move-house-one-contact": 2, "documents-within-hour": 1}]

    cast_votes(room, session, *saved.args)
    refresh(panel, room, session)
    assert panel.table.item(row_of(panel, "move-house-one-contact"), TOTAL).text() == "2"
    assert panel.table.item(row_of(panel, "documents-within-hour"), TOTAL).text() == "1"
    assert row_of(panel, "move-house-one-contact") == 0  # most dots first
    assert panel.leader.currentText() == "Ruth Adeyemi" and panel.current_key() == "documents-within-hour"
    assert dots_box(panel, "move-house-one-contact").value() == 2
    assert panel.budget.text() == "Ruth Adeyemi: 3 of 3 dots"


def test_ctrl_return_saves_the_dots(qtbot, panel):
    panel.leader.setCurrentText("Sunita Bhatt")
    box = dots_box(panel, "fair-renewal-price")
    box.setValue(3)
    panel.activateWindow()
    box.setFocus()
    with qtbot.waitSignal(panel.votes_entered) as saved:
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == ["Sunita Bhatt", {"fair-renewal-price": 3}]


def test_more_dots_than_a_leader_has_is_a_warning_and_cannot_be_saved(qtbot, panel):
    panel.leader.setCurrentText("Hamish Rennie")
    dots_box(panel, "assessor-on-the-day").setValue(3)
    dots_box(panel, "simple-claim-report").setValue(1)
    assert panel.budget.text() == "Hamish Rennie: 4 of 3 dots, 1 too many"
    assert panel.budget.property("state") == "over"
    assert not panel.save_dots.isEnabled()
    with qtbot.assertNotEmitted(panel.votes_entered):
        qtbot.mouseClick(panel.save_dots, Qt.MouseButton.LeftButton)
    dots_box(panel, "simple-claim-report").setValue(0)
    assert panel.budget.property("state") == "full" and panel.save_dots.isEnabled()


def test_switching_leader_shows_that_leaders_own_dots(panel, room, session):
    cast_votes(room, session, "Hamish Rennie", {"assessor-on-the-day": 3})
    refresh(panel, room, session)
    panel.leader.setCurrentText("Hamish Rennie")
    assert dots_box(panel, "assessor-on-the-day").value() == 3
    assert panel.budget.text() == "Hamish Rennie: 3 of 3 dots"
    panel.leader.setCurrentText("Ruth Adeyemi")
    assert dots_box(panel, "assessor-on-the-day").value() == 0
    assert panel.budget.text() == "Ruth Adeyemi: 0 of 3 dots"


def test_select_a_priority_then_name_its_cross_silo_team(qtbot, panel, room, session):
    click_row(qtbot, panel, "simple-claim-report")
    assert not panel.select_button.isEnabled()  # already one of the critical few
    click_row(qtbot, panel, "documents-within-hour")
    assert not panel.team_button.isEnabled()
    with qtbot.waitSignal(panel.select_requested) as selected:
        qtbot.mouseClick(panel.select_button, Qt.MouseButton.LeftButton)
    assert selected.args == ["documents-within-hour"]

    warning = focus.select_priority(room, session, *selected.args)
    refresh(panel, room, session)
    panel.show_message(warning, warning=True)
    assert panel.message.isVisible() and panel.message.objectName() == "warning"
    assert "4 priorities are selected" in panel.message.text()
    assert panel.current_key() == "documents-within-hour"
    assert panel.table.item(row_of(panel, "documents-within-hour"), STATUS).text() == "★ selected"
    assert panel.team_button.isEnabled() and "My documents arrive" in panel.team_group.title()

    qtbot.keyClicks(panel.sponsor.lineEdit(), "Tom Achterberg")
    qtbot.keyClicks(panel.team_name, "Inbox team")
    qtbot.keyClicks(panel.lead, "Megan Firth")
    qtbot.keyClicks(panel.members, "Megan Firth, digital")
    qtbot.keyClick(panel.members, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.members, "Claire Donnelly, Customer Service")  # a silo's name works as well as its key
    panel.cycle.setValue(3)
    with qtbot.waitSignal(panel.team_requested) as team:
        qtbot.mouseClick(panel.team_button, Qt.MouseButton.LeftButton)
    assert team.args == ["documents-within-hour", "Tom Achterberg", "Inbox team", "Megan Firth",
                         [("Megan Firth", "digital"), ("Claire Donnelly", "service")], 3]

    key, sponsor, name, lead, members, months = team.args
    assert focus.assign_team(room, session, key, sponsor, name, lead, members, cycle_months=months) == ""
    panel.clear_inputs("team")
    assert (panel.team_name.text(), panel.members.toPlainText(), panel.cycle.value()) == ("", "", 4)


def test_a_refusal_from_storage_is_shown_as_a_warning(qtbot, panel, room, session):
    click_row(qtbot, panel, "move-house-one-contact")
    with pytest.raises(CaptureRefused) as refused:
        focus.assign_team(room, session, panel.current_key(), "Ruth Adeyemi", "Movers", "", [("Ann", None)])
    panel.show_message(str(refused.value), warning=True)
    assert "is not selected" in panel.message.text() and panel.message.isVisible()
    panel.show_message("")
    assert not panel.message.isVisible()


def test_add_a_candidate_from_a_moment_of_truth(qtbot, panel, room, session):
    panel.moment.setCurrentIndex(panel.moment.findData("buy-checkout"))
    assert not panel.add_button.isEnabled()
    qtbot.keyClicks(panel.candidate_title, "My direct debit starts when I expect")
    with qtbot.waitSignal(panel.candidate_added) as added:
        qtbot.keyClick(panel.candidate_title, Qt.Key.Key_Return)
    assert added.args == ["buy-checkout", "My direct debit starts when I expect"]

    key = focus.add_candidate(room, *added.args)
    refresh(panel, room, session)
    row = row_of(panel, key)
    assert panel.table.item(row, 0).text() == "My direct debit starts when I expect"
    assert panel.table.item(row, 1).text() == "I buy a policy\nI pay and get my documents"
    panel.clear_inputs("candidate")
    assert panel.candidate_title.text() == "" and not panel.add_button.isEnabled()


def test_stop_doing_is_proposed_then_decided(qtbot, panel, room, session):
    assert panel.stop_list.count() == 0 and not panel.stop_button.isEnabled()
    qtbot.keyClicks(panel.stop_title, "Monthly silo NPS league table")
    qtbot.keyClicks(panel.stop_rationale, "Rewards silos, not journeys")
    qtbot.keyClicks(panel.stop_capacity, "2 analyst days a month")
    with qtbot.waitSignal(panel.stop_doing_proposed) as proposed:
        qtbot.mouseClick(panel.propose_button, Qt.MouseButton.LeftButton)
    assert proposed.args == ["Monthly silo NPS league table", "Rewards silos, not journeys", "2 analyst days a month"]

    item_id = focus.propose_stop_doing(room, session, *proposed.args)
    panel.clear_inputs("stop")
    refresh(panel, room, session)
    assert panel.stop_title.text() == "" and not panel.propose_button.isEnabled()
    assert panel.stop_list.item(0).text().startswith("PROPOSED  ·  Monthly silo NPS league table")
    assert "Frees: 2 analyst days a month" in panel.stop_list.item(0).text()
    item = panel.stop_list.item(0)
    qtbot.mouseClick(panel.stop_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.stop_list.visualItemRect(item).center())
    with qtbot.waitSignal(panel.stop_doing_decided) as decided:
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert decided.args == [item_id, True]

    focus.decide_stop_doing(room, session, *decided.args)
    refresh(panel, room, session)
    assert panel.stop_list.item(0).text().startswith("STOP  ·  ") and panel.current_stop_id() == item_id
    with qtbot.waitSignal(panel.stop_doing_decided) as kept:
        qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert kept.args == [item_id, False]


@pytest.mark.parametrize("width", [520, 1200], ids=["a small laptop's console", "a wide console"])
def test_the_candidates_words_stay_readable_and_a_narrow_table_scrolls_sideways(panel, qtbot, width):
    """On a laptop's console the figures left the experience and its moment 85 pixels each, and their
    words broke letter by letter; they keep 170 now, and the table scrolls sideways to the figures."""
    panel.resize(width, 900)
    qtbot.waitUntil(lambda: panel.width() == width)
    header = panel.table.horizontalHeader()
    text_columns = [header.sectionSize(0), header.sectionSize(1)]
    assert min(text_columns) >= 170, text_columns
    scrolls = panel.table.horizontalScrollBar().maximum() > 0
    assert scrolls == (width == 520), "only a narrow table scrolls sideways"
    if width == 1200:  # wide: the two columns share all the width the figures leave
        figures = sum(header.sectionSize(column) for column in range(2, len(COLUMNS)))
        assert sum(text_columns) + figures >= panel.table.viewport().width() - 1
