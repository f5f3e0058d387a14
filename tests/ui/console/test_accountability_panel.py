"""The accountability panel driven like a facilitator would, with its signals fed into the real storage."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.storage import accountability
from customer_room_desktop.storage.captures import start_session
from customer_room_desktop.storage.journey_queries import list_artifacts
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session
from customer_room_desktop.ui.console.accountability_panel import ROLE, AccountabilityPanel

MEETING_DAY = date(2027, 1, 14)
GREEN, RED = QColor("#3DDC84"), QColor("#FF5C5C")


@pytest.fixture
def room(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        yield room


@pytest.fixture
def session(room):
    session_id = plan_session(room, "Q1 2027 quarterly room", "quarterly", MEETING_DAY,
                              [Attendee("Ruth Adeyemi", "Chief Operating Officer", "operations")])
    start_session(room, session_id)
    return session_id


@pytest.fixture
def panel(qtbot, room, session):
    widget = AccountabilityPanel()
    qtbot.addWidget(widget)
    widget.set_artifacts([(a.key, a.title) for a in list_artifacts(room.db)])
    refresh(widget, room, session)
    widget.resize(900, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def refresh(panel, room, session_id):
    panel.show_board(accountability.team_board(room, on=MEETING_DAY))
    panel.show_proposals(accountability.recognition_proposals(room, session_id))


def team_item(panel, key: str):
    tops = [panel.tree.topLevelItem(n) for n in range(panel.tree.topLevelItemCount())]
    found = [item for item in tops if item.data(0, ROLE) == (key, None)]
    assert len(found) == 1, f"{key} is on the board {len(found)} times"
    return found[0]


def step_item(panel, key: str, position: int):
    return team_item(panel, key).child(position - 1)


def click(qtbot, view, item) -> None:
    view.scrollToItem(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center())


def artifact(panel, key: str):
    return next(panel.artifacts.item(n) for n in range(panel.artifacts.count()) if panel.artifacts.item(n).data(ROLE)
                == key)


def test_the_board_lists_each_team_and_its_steps_in_colour(panel):
    assert panel.tree.topLevelItemCount() == 3
    first = team_item(panel, "simple-claim-report")
    assert first.text(0) == ("First call team  ·  Reporting a claim takes one call\n"
                             "Sponsor Ruth Adeyemi   ·   Lead Dan Whitfield")
    assert first.isExpanded() and first.childCount() == 4
    reported, late = first.child(0), first.child(3)
    assert [reported.text(n) for n in range(4)] == ["M1 Current state of the experience", "11 Jun 2026",
                                                    "✔ reported", "–"]
    assert reported.foreground(2).color() == GREEN
    assert [late.text(n) for n in range(3)] == ["M4 Actions begin", "10 Dec 2026", "● late"]
    assert late.foreground(2).color() == RED
    planned = step_item(panel, "assessor-on-the-day", 3)
    assert planned.text(2) == "planned" and planned.foreground(2).color() not in (GREEN, RED)


def test_a_step_report_with_its_artifacts_is_emitted_and_then_shown_reported(qtbot, panel, room, session):
    assert not panel.save_button.isEnabled() and not panel.report.isEnabled()
    click(qtbot, panel.tree, step_item(panel, "simple-claim-report", 4))
    assert panel.current_choice() == ("simple-claim-report", 4)
    assert "M4 Actions begin" in panel.caption.text() and panel.report.toPlainText() == ""
    qtbot.keyClicks(panel.report, "Phone menu switched on 2 November.")
    artifact(panel, "home-claim-form").setCheckState(Qt.CheckState.Checked)
    assert panel.save_button.isEnabled()
    with qtbot.waitSignal(panel.report_entered) as entered:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert entered.args == ["simple-claim-report", 4, "Phone menu switched on 2 November.", ["home-claim-form"]]

    accountability.report_step(room, session, *entered.args)
    refresh(panel, room, session)
    step = step_item(panel, "simple-claim-report", 4)
    assert (step.text(2), step.text(3)) == ("✔ reported", "1 artifact")
    assert step.foreground(2).color() == GREEN
    assert panel.current_choice() == ("simple-claim-report", 4)
    assert panel.report.toPlainText() == "Phone menu switched on 2 November."

    click(qtbot, panel.tree, step_item(panel, "simple-claim-report", 1))
    assert panel.report.toPlainText().startswith("Reporting a claim took 31.2 minutes")
    assert panel.checked_artifacts() == []
    click(qtbot, panel.tree, step_item(panel, "simple-claim-report", 4))
    assert panel.report.toPlainText() == "Phone menu switched on 2 November."
    assert panel.checked_artifacts() == ["home-claim-form"]  # the board names it by title; the tick finds it


def test_choosing_the_proposed_recognition_emits_its_citation(qtbot, panel, room, session):
    proposal = accountability.recognition_proposals(room, session)[0]
    assert panel.proposals.count() == 1 and not panel.recognise_button.isEnabled()
    click(qtbot, panel.proposals, panel.proposals.item(0))
    assert panel.citation.text() == proposal.citation
    assert "First call team" in panel.target.text()
    with qtbot.waitSignal(panel.recognition_requested) as recognised:
        qtbot.mouseClick(panel.recognise_button, Qt.MouseButton.LeftButton)
    assert recognised.args == ["simple-claim-report", proposal.citation]
    assert "fell 61%" in recognised.args[1]

    accountability.recognise(room, session, *recognised.args)
    refresh(panel, room, session)
    assert panel.proposals.count() == 1
    assert panel.proposals.item(0).text() == "No team to propose this time."
    assert panel.proposals.item(0).flags() == Qt.ItemFlag.NoItemFlags


def test_any_team_on_the_board_can_be_recognised_by_hand(qtbot, panel, room, session):
    click(qtbot, panel.tree, team_item(panel, "assessor-on-the-day"))
    assert "On the day team" in panel.target.text()
    assert panel.citation.text() == "" and not panel.recognise_button.isEnabled()
    assert not panel.save_button.isEnabled()  # a team row is not a step
    qtbot.keyClicks(panel.citation, "Assessors now arrive within the agreed slot.")
    with qtbot.waitSignal(panel.recognition_requested) as recognised:
        qtbot.mouseClick(panel.recognise_button, Qt.MouseButton.LeftButton)
    assert recognised.args == ["assessor-on-the-day", "Assessors now arrive within the agreed slot."]
    recognition = accountability.recognise(room, session, *recognised.args)
    assert room.db.execute("SELECT r.session_id, p.key, r.citation FROM recognitions r "
                           "JOIN priorities p ON p.id = r.priority_id WHERE r.id = ?", (recognition,)).fetchone() == (
        session, "assessor-on-the-day", "Assessors now arrive within the agreed slot.")

    # choosing the team that has a proposal brings its proposed citation up for editing
    click(qtbot, panel.tree, step_item(panel, "simple-claim-report", 2))
    assert panel.citation.text().startswith("First call team: complaints about")


def test_selection_and_folding_survive_a_refresh(qtbot, panel, room, session):
    click(qtbot, panel.tree, team_item(panel, "fair-renewal-price"))
    step_item(panel, "assessor-on-the-day", 1).parent().setExpanded(False)
    refresh(panel, room, session)
    assert panel.current_choice() == ("fair-renewal-price", None)
    assert not team_item(panel, "assessor-on-the-day").isExpanded()
    assert team_item(panel, "simple-claim-report").isExpanded()


def test_artifacts_can_be_found_by_a_word_and_ticked_ones_stay_in_view(qtbot, panel):
    click(qtbot, panel.tree, step_item(panel, "assessor-on-the-day", 1))
    artifact(panel, "home-claim-form").setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(panel.artifact_filter, "renewal")
    shown = [panel.artifacts.item(n) for n in range(panel.artifacts.count()) if not panel.artifacts.item(n).isHidden()]
    assert artifact(panel, "home-claim-form") in shown
    assert len(shown) > 1 and all("renewal" in item.text().lower() for item in shown
                                  if item.data(ROLE) != "home-claim-form")
    assert panel.artifact_heading.text() == "ARTIFACTS BROUGHT: 1"


def test_messages_show_and_hide(panel):
    panel.show_message("The First call team has already been recognised in this session.", warning=True)
    assert panel.message.isVisible() and panel.message.objectName() == "warning"
    panel.show_message("Report saved.")
    assert panel.message.objectName() == "info"
    panel.show_message("")
    assert not panel.message.isVisible()
