"""The Screens tab: a view chosen for a wall shows at once; a borrowed wall says so and is given back."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain.wall_views import CHOOSABLE
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile


def shown_widget(live):
    wall = next(iter(live.walls.values()))
    if wall.currentWidget() is wall.frame_view:
        return wall.shown_signature[0]
    return type(wall.currentWidget()).__name__


def test_a_chosen_view_takes_effect_at_once_and_a_borrowed_wall_is_given_back(sample_room, tmp_path, qtbot):
    room = RoomFile.open(sample_room, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "console", "test"))
    try:
        live.start()
        qtbot.waitUntil(lambda: bool(live.console.wall_frames))
        frame = next(iter(live.console.wall_frames.values()))
        choice = frame.findChild(QComboBox)
        assert [choice.itemText(i) for i in range(choice.count())] == list(CHOOSABLE)  # from the view table
        choice.setCurrentText("journey")
        assert shown_widget(live) == "JourneySpan"
        live.console.call_panel.call_requested.emit("burst-pipe")
        assert shown_widget(live) == "CallView"
        frame = next(iter(live.console.wall_frames.values()))
        said = " ".join(label.text() for label in frame.findChildren(QLabel))
        assert "Shows call, borrowed by call burst-pipe" in said
        give_back = next(b for b in frame.findChildren(QPushButton) if b.text() == "Give the wall back")
        assert give_back.isVisibleTo(frame)
        qtbot.mouseClick(give_back, Qt.MouseButton.LeftButton)
        assert shown_widget(live) == "JourneySpan" and live.state.call.key == "burst-pipe"  # the call stays open
    finally:
        live.shut_down()
        room.close()


def test_the_buttons_never_move_when_an_alert_a_banner_or_a_message_appears(qtbot):
    from customer_room_desktop.ui.console.console_window import ConsoleWindow

    console = ConsoleWindow("Room", ["One", "Two"])
    qtbot.addWidget(console)
    console.show()
    qtbot.waitExposed(console)
    next_button = next(b for b in console.findChildren(QPushButton) if b.text() == "Next ▶")
    capture = console.capture_bar
    where = lambda: (next_button.mapTo(console, next_button.rect().topLeft()),  # noqa: E731
                     capture.mapTo(console, capture.rect().topLeft()))
    before = where()
    console.show_alert("“I call the helpline” is unreliable: 11 periods in a row, and a long second line of words.")
    console.show_message("There is no stage 42: the journey has stages 1 to 7.", warning=True)
    console.show_verbatim("A long verbatim " * 20, True)
    QApplication.processEvents()  # let the layout run
    assert where() == before
    console.offer_resume("“December room” was still running when the room last closed.")
    QApplication.processEvents()
    assert where() == before and not console.alert.isVisibleTo(console)


def test_minutes_written_are_confirmed_with_their_place_and_an_open_button(sample_room, tmp_path, qtbot):
    room = RoomFile.open(sample_room, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "minutes", "test"))
    try:
        live.start()
        written = live.session.save_minutes(str(tmp_path / "minutes.md"))
        assert written is not None and written.read_text(encoding="utf-8").startswith("#")
        assert str(written) in live.console.message.text()
        assert live.console.open_file.isVisibleTo(live.console)
        live.console.show_message("Moved on.")
        assert not live.console.open_file.isVisibleTo(live.console)
    finally:
        live.shut_down()
        room.close()


def test_a_cover_or_a_conversation_keeps_the_stages_clock_and_a_new_stage_restarts_it(sample_room, tmp_path):
    from customer_room_desktop.domain import room_commands as cmd

    room = RoomFile.open(sample_room, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "clock", "test"))
    try:
        live.start()
        started = live.clock.segment_started
        live.send(cmd.Blackout())
        live.send(cmd.Blackout())
        assert live.clock.segment_started == started
        live.send(cmd.Next())
        assert live.clock.segment_started > started
    finally:
        live.shut_down()
        room.close()
