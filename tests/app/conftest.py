"""Fixtures shared by the app tests: a live room on the sample room, and the phones around it."""

from __future__ import annotations

import pytest

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.phone_bridge import phone_bridge_for
from customer_room_desktop.app.phone_switch import attach_phones
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile

from .phone_thread import PhoneThread


@pytest.fixture
def live(sample_room_copy, tmp_path, qtbot):
    """The sample room open live on the test's screens (a module may define its own ``live``)."""
    room = RoomFile.open(sample_room_copy)
    made = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "app-tests", "test"))
    made.start()
    qtbot.waitUntil(lambda: made.filters.listening)  # the room keys listen once the windows are painted
    yield made
    made.shut_down()
    room.close()


@pytest.fixture
def phones():
    """Where the test's phones run: their own thread and loop."""
    thread = PhoneThread()
    yield thread
    thread.close()


@pytest.fixture
def bridge(live):
    """The phones' bridge on ``live``, not yet listening."""
    made = phone_bridge_for(live)
    yield made
    made.stop()


@pytest.fixture
def switch(live):
    """The console's Phones tab and its switch on ``live``, turned off at the end; its addresses listed, as
    opening the tab lists them (test_phones_tab checks that it does)."""
    made = attach_phones(live)
    made.show_addresses()
    yield made
    made.turn_off()
