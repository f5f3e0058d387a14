"""Starting the room readies every present wall's pixel memory, in the order the walls are painted."""

from __future__ import annotations

from customer_room_desktop.app import live_room
from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile


def test_starting_the_room_readies_the_pixel_memory_of_every_present_wall(sample_room_copy, tmp_path, qtbot,
                                                                          monkeypatch):
    asked = []
    monkeypatch.setattr(live_room, "prepare_pixel_memory", lambda windows: asked.append(list(windows)))
    with RoomFile.open(sample_room_copy) as room:
        live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "memory", "test"))
        live.start()
        try:
            walls = [live.walls[identity] for identity in live.present]
            assert walls and asked == [walls]
            assert all(wall.isVisible() for wall in walls)  # shown first: their buffers exist
        finally:
            live.shut_down()
