import pytest

from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.storage.room_file import RoomFile


@pytest.fixture(scope="module")
def factory(sample_room):
    """The sample room's wall content, read-only, for one test module."""
    room = RoomFile.open(sample_room, read_only=True)
    yield WallFactory(room)
    room.close()
