"""A whole quarterly session, scripted through the console with qtbot on virtual screens.

Run by test_quarterly_session.py in its own pytest process, because the virtual screens
(QT_QPA_PLATFORM=offscreen:configfile=...) must be set before Qt starts.
"""

import csv
import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile

OUT = Path(os.environ.get("QUARTERLY_OUT", "/tmp/quarterly"))


@pytest.fixture
def live(sample_room, tmp_path, qtbot):
    path = tmp_path / "quarterly.croom"
    shutil.copyfile(sample_room, path)
    room = RoomFile.open(path)
    live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "quarterly", "test"))
    live.start()
    qtbot.waitUntil(lambda: len(live.present) == 2 and live.filters.listening)
    yield live
    live.shut_down()
    room.close()


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.clear()
    QTest.keyClicks(widget, text)


def capture(qtbot, live, keys, text, owner=""):
    console, bar = live.console, live.console.capture_bar
    QTest.keyClick(console, keys[-1], Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.text.hasFocus, timeout=2000)
    QTest.keyClicks(bar.text, text)
    if owner:
        type_into(qtbot, bar.owner, owner)
    before = bar.captured.count()
    QTest.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Return)
    assert bar.captured.count() == before + 1, bar.status.text()
    assert bar.text.text() == ""


def pdf_text(path):
    """The PDF's text, read back with QtPdf."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(path))
    assert document.pageCount() >= 2
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def wall_views(live):
    return sorted(type(w.currentWidget()).__name__ for w in live.walls.values() if w.isVisible())


def test_a_quarterly_session_end_to_end(live, qtbot):
    console, controller = live.console, live.session
    panel = console.session_panel
    assert len(QGuiApplication.screens()) == 3 and len(live.walls) == 2

    OUT.mkdir(parents=True, exist_ok=True)
    # -- plan: a refused plan leaves the dialog open, a good one becomes the room's session
    dialog = panel.open_plan_dialog()
    qtbot.waitUntil(dialog.isVisible)
    dialog.cadence.setCurrentText("quarterly")
    dialog.scheduled.setDate(QDate(2027, 1, 14))
    qtbot.mouseClick(dialog.findChild(type(panel.buttons["plan"]), "plansave"), Qt.MouseButton.LeftButton)
    assert "needs a title" in dialog.problem.text() and dialog.isVisible()
    type_into(qtbot, dialog.title, "Q1 2027 quarterly room")
    assert "Ruth Adeyemi" in dialog.attendees.toPlainText()  # last session's attendees offered again
    qtbot.mouseClick(dialog.findChild(type(panel.buttons["plan"]), "plansave"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert controller.session.title == "Q1 2027 quarterly room" and controller.session.state == "planned"
    agenda = [console.agenda.item(i).text() for i in range(console.agenda.count())]
    assert agenda[0].startswith("1. Did we earn the right") and any("First call team reports step 4" in a
                                                                    for a in agenda)
    assert panel.carried.count() >= 4  # open commitments from earlier sessions, for review
    review_buttons = {b.text(): b for b in panel.findChildren(type(panel.buttons["plan"]))}
    panel.carried.setCurrentRow(0)
    reviewed = panel.carried.currentItem().text()
    qtbot.mouseClick(review_buttons["Done"], Qt.MouseButton.LeftButton)
    assert all(panel.carried.item(i).text() != reviewed for i in range(panel.carried.count()))
    panel.carried.setCurrentRow(0)
    moved = panel.carried.currentItem().text()
    panel.moved_to.setDate(QDate(2027, 2, 11))
    qtbot.mouseClick(review_buttons["Moved to"], Qt.MouseButton.LeftButton)
    carried_now = [panel.carried.item(i).text() for i in range(panel.carried.count())]
    assert any("due 2027-02-11" in text and text.split(": ", 1)[1] == moved.split(": ", 1)[1] for text in carried_now)

    # -- start, conversation 1 and the walk (conversation 2)
    qtbot.mouseClick(panel.buttons["start"], Qt.MouseButton.LeftButton)
    assert controller.is_live and console.capture_bar.isEnabled()
    panel.conversation_buttons[0].click()  # conversation 1 opens on the asset bridge and the early warnings
    assert wall_views(live) == ["AssetBridgeWall", "EarlyWarningWall"]
    console.asset_period.setCurrentIndex(console.asset_period.findText("Q3 2026"))
    asset_wall = next(w.asset_bridge for w in live.walls.values()
                      if type(w.currentWidget()).__name__ == "AssetBridgeWall")
    assert asset_wall.data.period.label == "Q3 2026"
    console.grab().save(str(OUT / "console-conversation-1.png"))
    capture(qtbot, live, "N", "Q3: 10,169 customers lost, 1,481 named a poor claim experience.")
    panel.conversation_buttons[1].click()
    assert "AssetBridgeWall" not in wall_views(live)  # the walk: the walls follow the stages again
    live.go_to(6)
    assert console.alert.isVisibleTo(console) and "“I call the helpline” is unreliable" in console.alert.text()
    live.go_to(1)
    assert not console.alert.isVisibleTo(console)
    for _ in range(3):
        QTest.keyClick(console, Qt.Key.Key_Right)
    assert live.position == 4
    QTest.keyClick(console, Qt.Key.Key_Right)
    console.call_panel.call_requested.emit("burst-pipe")  # a real recording through libVLC (silent output)
    live.calls.play_pause()
    qtbot.waitUntil(lambda: live.calls.player.position_ms > 1500, timeout=10_000)
    capture(qtbot, live, "N", "Four transfers before the customer had a claim number.")
    live.calls.close_call()
    QTest.keyClick(console, Qt.Key.Key_Left)
    live.show_artifact(live.factory.stage_data(4).artifacts[0].key)
    capture(qtbot, live, "D", "Fund the one-page claim form from January.")
    capture(qtbot, live, "K", "Bring the claim-form usability results to the April room", owner="Tom Achterberg")

    # -- conversation 3: dots, the live tally wall, selection beyond the critical few, a team, stop-doing
    console.room_tabs.setCurrentIndex(console.panels.index_of("session"))
    console.grab().save(str(OUT / "console-session.png"))
    panel.conversation_buttons[2].click()
    assert console.room_tabs.currentIndex() == console.panels.index_of("focus")
    assert "TallyWall" in wall_views(live)
    focus = console.focus_panel
    for leader, dots in (("Ruth Adeyemi", {"move-house-one-contact": 2, "documents-within-hour": 1}),
                         ("Hamish Rennie", {"move-house-one-contact": 3}),
                         ("Sunita Bhatt", {"documents-within-hour": 2, "move-house-one-contact": 1})):
        focus.votes_entered.emit(leader, dots)
    tally = next(w.tally for w in live.walls.values() if type(w.currentWidget()).__name__ == "TallyWall")
    assert [(r.title, r.dots) for r in tally.data.rows][:2] == [("Moving house is sorted in one contact", 6),
                                                                ("My documents arrive within the hour", 3)]
    focus.select_requested.emit("move-house-one-contact")
    assert "more than the 3" in focus.message.text()
    focus.team_requested.emit("move-house-one-contact", "Alistair Munro", "One move team", "Claire Donnelly",
                              [("Claire Donnelly", "service"), ("Megan Firth", "digital")], 3)
    focus.stop_doing_proposed.emit("Monthly silo NPS league table", "It rewards silos, not journeys",
                                   "2 analyst days a month")
    item = live.factory.source.room.db.execute("SELECT max(id) FROM stop_doing_items").fetchone()[0]
    focus.stop_doing_decided.emit(item, True)
    console.grab().save(str(OUT / "console-focus.png"))
    capture(qtbot, live, "D", "Select 'Moving house is sorted in one contact' with 6 dots; Alistair Munro sponsors.")

    # -- conversation 4: a team report, a proposed recognition, the celebration on every wall
    panel.conversation_buttons[3].click()
    assert "TeamBoardWall" in wall_views(live)
    board = console.accountability_panel
    board.report_entered.emit("simple-claim-report", 4, "Phone menu switched to one claims option on 2 November.",
                              ["home-claim-form"])
    proposals = live.session.room.db  # the proposal list on the console comes from the room
    assert board.proposals.count() == 1
    board.recognition_requested.emit("simple-claim-report",
                                     "First call team: complaints about reporting a claim fell 61%.")
    assert set(wall_views(live)) == {"CelebrationWall"}
    console.grab().save(str(OUT / "console-accountability.png"))
    capture(qtbot, live, "N", "The room applauded the First call team.")
    QTest.keyClick(console, Qt.Key.Key_Right)
    assert "CelebrationWall" not in wall_views(live)
    del proposals

    # -- minutes as a draft while live, then close, then refused captures
    OUT.mkdir(parents=True, exist_ok=True)
    assert controller.save_minutes(str(OUT / "draft.md")).read_text().count("DRAFT") == 1
    qtbot.mouseClick(panel.buttons["close"], Qt.MouseButton.LeftButton)  # asks first: a session closes once
    assert controller.session.state == "live" and "again to close" in console.message.text()
    qtbot.mouseClick(panel.buttons["close"], Qt.MouseButton.LeftButton)
    assert controller.session.state == "closed" and not console.capture_bar.isEnabled()
    controller.capture("decision", "Too late", "", date(2027, 2, 1), "")
    assert "Start (or resume)" in console.capture_bar.status.text()
    for fmt in ("pdf", "md", "html", "csv"):
        assert controller.save_minutes(str(OUT / f"minutes.{fmt}")).stat().st_size > 150
    text = " ".join(pdf_text(OUT / "minutes.pdf").split())  # as read, whatever line a cell wraps at
    for expected in ("Fund the one-page claim form from January", "Moving house is sorted in one contact",
                     "Tom Achterberg", "Monthly silo NPS league table", "First call team", "Final",
                     "Commitments from earlier sessions: the review", "moved to 2027-02-11", "stopped", "Page 1 of "):
        assert expected in text, expected
    done_text = reviewed.split(": ", 1)[1].rsplit("  (", 1)[0]
    assert " ".join(done_text.split()[:4]) in text  # the commitment marked done is in the minutes, reviewed
    assert "Moving house is sorted in one contact 6 yes" in text  # its vote count, selected here
    assert "Period presented: Q3 2026." in text  # the asset period the walls showed in conversation 1
    markdown = (OUT / "minutes.md").read_text()
    assert "| I get started | 0:00:0" in markdown  # the walk: stage 3 was on the walls for a few seconds
    assert "Call played: Burst pipe" in markdown
    assert "Four transfers before the customer had a claim number. | I make a claim; Burst pipe" in markdown
    assert f"| {done_text} |" in markdown and "| done |" in markdown.split("## Did we earn")[0]
    assert "| Monthly silo NPS league table | It rewards silos, not journeys | 2 analyst days a month | stopped |" \
        in markdown
    rows = list(csv.DictReader(io.StringIO((OUT / "minutes.csv").read_text())))
    assert [(r["who"], r["status"]) for r in rows if r["kind"] == "commitment"] == [("Tom Achterberg", "open")]
    assert sorted(r["status"] for r in rows if r["kind"] == "commitment review") == ["done", "moved"]
    assert [r["status"] for r in rows if r["kind"] == "stop doing"] == ["stopped"]


def test_a_session_left_open_offers_to_resume_where_it_stood(live, qtbot, tmp_path):
    controller, panel = live.session, live.console.session_panel
    controller.start()  # the sample's planned December session
    live.go_to(5)
    capture(qtbot, live, "D", "Keep the assessor supplier on notice.")
    path = live.factory.source.room.path
    # a second room window on the same file stands in for a restart after a crash (no close was saved)
    again = RoomFile.open(path)
    other = LiveRoom(WallFactory(again), AssignmentStore(tmp_path / "w2.json", "again", "test"))
    try:
        other.start()
        banner = other.console.banner
        assert banner.isVisibleTo(other.console) and "was still running" in other.console.banner_text.text()
        assert not other.console.capture_bar.isEnabled()
        assert "left open" in other.console.session_state.text()
        other.console.resume_requested.emit()
        assert other.position == 5 and other.session.is_live and other.console.capture_bar.isEnabled()
        assert not banner.isVisibleTo(other.console)
        assert "LIVE since" in other.console.session_state.text()  # every part of the console agrees
        assert other.clock.readings()[0] != "not started"
        bar = other.console.capture_bar
        assert [bar.captured.item(i).text() for i in range(bar.captured.count())] == [
            next(bar.captured.item(i).text() for i in range(bar.captured.count()))]
        assert "Keep the assessor supplier on notice." in bar.captured.item(0).text()
    finally:
        other.shut_down()
        again.close()
    assert panel is live.console.session_panel


def test_leaders_walk_in_the_customers_shoes_with_a_timed_exercise(live, qtbot):
    console, controller, walk = live.console, live.session, live.walk
    panel = console.walk_panel
    controller.start()  # the sample's planned December session, nine leaders
    controller.set_conversation(2)  # the walk opens with the personas, one on each wall
    assert console.room_tabs.currentIndex() == console.panels.index_of("walk")
    assert wall_views(live) == ["PersonaWall", "PersonaWall"]
    names = sorted(w.persona.data.name for w in live.walls.values())
    assert names == ["Derek Lindqvist", "Maya Okafor"]
    live.go_to(5)
    assert "PersonaWall" not in wall_views(live)  # the walk moves on to the stages

    panel.choose_task("home-claim-form")
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    exercise = next(w.exercise for w in live.walls.values() if type(w.currentWidget()).__name__ == "ExerciseWall")
    assert exercise.data.running and exercise.data.task.startswith("Fill in this form")
    panel.choose_task("renewal-notice")
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.replace.isVisibleTo(panel) and "still running" in panel.replace_text.text()
    panel.replace.hide()  # keep the claim form running

    console.activateWindow()  # the facilitator clicks on the console: its keys are theirs
    qtbot.waitUntil(console.isActiveWindow)
    panel.leaders.setFocus()
    panel.leaders.setCurrentRow(0)
    QTest.keyClick(panel.leaders, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # finished
    QTest.keyClick(panel.leaders, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # the next one gave up
    panel.text.setFocus()
    QTest.keyClicks(panel.text, "Filled in Section D, the theft section")
    QTest.keyClick(panel.text, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # their (wrong) answer
    panel.leaders.setCurrentRow(0)
    QTest.keyClicks(panel.text, "Page five lost me completely")
    QTest.keyClick(panel.text, Qt.Key.Key_Return)  # a reaction
    panel.leaders.setCurrentRow(5)  # a leader with no result yet reacts all the same
    reacting = panel.leaders.currentItem().data(Qt.ItemDataRole.UserRole)
    panel.text.setFocus()
    QTest.keyClicks(panel.text, "Where do I say the pipe burst?")
    QTest.keyClick(panel.text, Qt.Key.Key_Return)
    assert "reaction is saved" in panel.message.text()
    assert "no result yet · Where do I say the pipe burst?" in panel.leaders.item(5).text()
    walk.result("Somebody Else", "finished", "")
    assert "not an attendee" in panel.message.text()
    rows = [panel.leaders.item(i).text() for i in range(3)]
    assert "finished" in rows[0] and "Page five lost me completely" in rows[0]
    assert "gave up" in rows[1] and "Section D" in rows[2]

    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    exercise = next(w.exercise for w in live.walls.values() if type(w.currentWidget()).__name__ == "ExerciseWall")
    assert not exercise.data.running and exercise.data.leaders.startswith("leaders: 1 of 9 finished")
    assert exercise.data.history[0][0] == "May leadership room: the first walk"  # how leaders did last time
    exercise.grab().save(str(OUT / "exercise-results.png"))

    handout = walk.save_handout("home-claim-form", 2, "a4", str(OUT / "handout.pdf"))
    text = pdf_text(handout)
    assert "Fill in this form for a burst pipe" in text and "Name" in text
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(handout))
    assert document.pageCount() == 2 * 9  # a cover and the form's eight pages, twice

    minutes = controller.save_minutes(str(OUT / "walk-minutes.md")).read_text()
    assert "## What leaders experienced" in minutes
    assert "Leaders: 1 of 9 finished" in minutes and "customers: median 23:00, 31 % give up" in minutes
    assert "|  | Hamish Rennie | gave up |" in minutes  # the exercise is named on its first row only
    assert "Page five lost me completely" in minutes
    assert f"| {reacting} | no result recorded | – |  | Where do I say the pipe burst? |" in minutes
    assert ("Earlier: May leadership room: the first walk (2026-05-14): leaders: 5 of 9 finished, median 16:55"
            in minutes)
