"""A live room that has shut down hears no more screen events (a later monitor change used to re-create
a wall and raise on a deleted widget)."""

from PySide6.QtGui import QGuiApplication

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile


def test_screen_events_after_shut_down_reach_nobody(sample_room, tmp_path, qtbot):
    room = RoomFile.open(sample_room, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "shutdown", "test"))
    live.start()
    qtbot.waitUntil(lambda: bool(live.present))
    screens = live.screens
    live.shut_down()
    app = QGuiApplication.instance()
    screen = QGuiApplication.primaryScreen()
    app.screenAdded.emit(screen)  # what a monitor plugged in after the room closed sends
    app.screenRemoved.emit(screen)
    # a listener would have started its settle timer at once (signals to the same thread are direct)
    assert not screens._settle.isActive() and screens.walls == {}
    room.close()
