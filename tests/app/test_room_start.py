"""Starting the room: every present wall's pixel memory is readied, and no event reaches the key and
wheel filters until the windows are on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from customer_room_desktop.app import wall_screens
from customer_room_desktop.app.room_keys import RoomKeys
from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile


def test_starting_the_room_readies_the_pixel_memory_of_every_present_wall(sample_room_copy, tmp_path, qtbot,
                                                                          monkeypatch):
    """The kernel is asked for the walls' pages as soon as they are on their screens, before the room
    draws what they show, so it finds them while the walls' first frames are made."""
    asked, rooms = [], []
    monkeypatch.setattr(wall_screens, "prepare_pixel_memory",
                        lambda windows: asked.append((list(windows), rooms[0].state.present_walls())))
    with RoomFile.open(sample_room_copy) as room:
        live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "memory", "test"))
        rooms.append(live)
        live.start()
        try:
            walls = [live.walls[identity] for identity in live.present]
            assert walls and asked == [(walls, [])]
            assert all(wall.isVisible() for wall in walls)  # shown first: their buffers exist
        finally:
            live.shut_down()


def test_no_event_reaches_the_room_keys_before_the_room_is_on_screen_and_keys_work_after(sample_room_copy, tmp_path,
                                                                                        qtbot, monkeypatch):
    """Starting the room sends hundreds of events; the room keys see none of them until the console
    and walls are on screen, and then take the keys."""
    filtered, rooms = [], []
    original = RoomKeys.eventFilter

    def counting(self, watched, event):  # noqa: ANN001, ANN202
        filtered.append((event.type(), bool(rooms) and rooms[0].on_screen()))
        return original(self, watched, event)

    monkeypatch.setattr(RoomKeys, "eventFilter", counting)
    with RoomFile.open(sample_room_copy) as room:
        live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "keys", "test"))
        rooms.append(live)
        try:
            filtered.clear()
            live.start()  # shows the console and walls, draws the first stage: hundreds of events
            assert filtered == [] and not live.filters.listening
            qtbot.waitUntil(lambda: live.filters.listening)
            assert live.on_screen()
            qtbot.keyClick(live.console, Qt.Key.Key_PageDown)
            assert filtered and all(on_screen for _, on_screen in filtered)
            assert live.state.position == 2
        finally:
            live.shut_down()


def test_the_room_opens_with_only_the_screens_tab_made_and_each_tab_filled_when_first_opened(live, qtbot):
    """The session's tabs, "In their shoes" and the phones are made when first opened: together they cost
    every start 40-60 ms. Opened, each shows what the room holds."""
    console = live.console
    lazy = ("session", "walk", "focus", "accountability", "phones")
    assert [name for name in lazy if console.panels.has(name)] == []
    console.room_tabs.setCurrentIndex(console.panels.index_of("walk"))
    qtbot.waitUntil(lambda: console.panels.has("walk"))
    walk = console.walk_panel
    qtbot.waitUntil(walk.isVisible)
    assert walk.personas.count() >= 3 and walk.personas.isVisible()  # the sample's, filled as the tab was made
    assert walk.start_button.isVisible()
    assert [name for name in lazy if console.panels.has(name)] == ["walk"]
