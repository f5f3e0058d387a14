"""Fixtures the wall-view tests share: the sample room opened for reading."""

import pytest

from customer_room_desktop.storage.room_file import RoomFile


@pytest.fixture(scope="module")
def room(sample_room):
    opened = RoomFile.open(sample_room, read_only=True)
    yield opened
    opened.close()
