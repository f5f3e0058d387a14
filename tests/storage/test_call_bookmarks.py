import pytest

from customer_room_desktop.storage.call_bookmarks import BookmarkRefused, add_bookmark, delete_bookmark, list_bookmarks
from customer_room_desktop.storage.room_file import RoomFile


def test_bookmarks_are_saved_in_order_and_survive_reopening(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        add_bookmark(room, "burst-pipe", "Transferred a third time", 40_000, 52_000)
        first = add_bookmark(room, "burst-pipe", "  'Isn't it on your screen?'  ", 22_000, 27_500)
    with RoomFile.open(sample_room_copy) as room:
        marks = list_bookmarks(room, "burst-pipe")
        assert [(m.label, m.in_ms, m.out_ms) for m in marks] == [
            ("'Isn't it on your screen?'", 22_000, 27_500), ("Transferred a third time", 40_000, 52_000)]
        delete_bookmark(room, first.id)
        assert len(list_bookmarks(room, "burst-pipe")) == 1


@pytest.mark.parametrize("label, in_ms, out_ms, words", [
    ("", 1000, 2000, "needs a label"),
    ("x", 5000, 5000, "out point must come after"),
    ("x", 999_000, 999_500, "after the end of the recording"),
])
def test_bad_bookmarks_are_refused_and_nothing_is_saved(sample_room_copy, label, in_ms, out_ms, words):
    with RoomFile.open(sample_room_copy) as room:
        with pytest.raises(BookmarkRefused, match=words):
            add_bookmark(room, "burst-pipe", label, in_ms, out_ms)
        assert list_bookmarks(room, "burst-pipe") == []


def test_an_out_point_past_the_end_is_held_to_the_end(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        mark = add_bookmark(room, "first-debit", "The last words", 70_000, 999_000)
        assert mark.out_ms == room.db.execute("SELECT duration_ms FROM calls WHERE key = 'first-debit'").fetchone()[0]
