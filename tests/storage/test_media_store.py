import io
import os

import pytest

from customer_room_desktop.storage.media_store import CHUNK_SIZE, add_media, add_media_file, open_media, verify_media
from customer_room_desktop.storage.room_file import RoomFile


@pytest.fixture
def room(tmp_path):
    with RoomFile.create(tmp_path / "m.croom", "Media") as room:
        yield room


def test_media_round_trips_across_chunk_boundaries_with_seeks(room):
    data = os.urandom(3 * CHUNK_SIZE + 17)
    info = add_media(room.writer, io.BytesIO(data), "call.opus")
    assert info.size == len(data) and info.mime == "audio/ogg"
    assert room.db.execute("SELECT count(*) FROM media_chunks").fetchone()[0] == 4
    stream = open_media(room.db, info.sha256)
    stream.seek(CHUNK_SIZE - 5)
    assert stream.read(10) == data[CHUNK_SIZE - 5: CHUNK_SIZE + 5]
    stream.seek(-7, io.SEEK_END)
    assert stream.read() == data[-7:]
    stream.seek(0)
    assert stream.read() == data


def test_the_same_bytes_are_stored_once(room, tmp_path):
    source = tmp_path / "letter.png"
    source.write_bytes(b"\x89PNG" + os.urandom(5000))
    first = add_media_file(room.writer, source)
    second = add_media(room.writer, io.BytesIO(source.read_bytes()), "copy.png")
    assert second.sha256 == first.sha256 and second.already_stored
    assert room.db.execute("SELECT count(*) FROM media").fetchone()[0] == 1
    assert room.db.execute("SELECT count(*) FROM media_chunks").fetchone()[0] == 1


def test_original_file_is_not_needed_after_import(room, tmp_path):
    source = tmp_path / "gone.pdf"
    source.write_bytes(b"%PDF-1.4 " + os.urandom(100))
    expected = source.read_bytes()
    info = add_media_file(room.writer, source)
    source.unlink()
    assert open_media(room.db, info.sha256).read() == expected


def test_damaged_chunk_is_found_by_verification(room):
    info = add_media(room.writer, io.BytesIO(os.urandom(2 * CHUNK_SIZE)), "v.mp4")
    assert verify_media(room.db, info.sha256) is None
    with room.transaction() as db:
        db.execute("UPDATE media_chunks SET data = zeroblob(length(data)) WHERE seq = 1")
    assert "does not match its SHA-256" in verify_media(room.db, info.sha256)


def test_empty_medium_is_allowed(room):
    info = add_media(room.writer, io.BytesIO(b""), "empty.txt")
    assert open_media(room.db, info.sha256).read() == b""
    assert verify_media(room.db, info.sha256) is None
