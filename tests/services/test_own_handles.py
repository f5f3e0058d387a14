"""The room setting `own_handles`: the company's handles stay on walls while people's are masked."""

import sqlite3

import pytest

from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.wall_data import WallDataSource
from customer_room_desktop.storage.journey_queries import load_room, own_handles
from customer_room_desktop.storage.room_file import RoomFile

COMPLAINT = ("@harbourlinehelp never answered @ann_lee77 (ann lee, +44 7700 900123, GB82 WEST 1234 5698 7654 32) "
             "about the £1,200 excess charged on 2024-11-02: t.co/AbC123")


def _with_handles(tiny_source, line):
    toml = tiny_source / "room.toml"
    toml.write_text(toml.read_text().replace('name = "Tiny Room"\n', f'name = "Tiny Room"\n{line}\n', 1))
    return tiny_source


def test_the_setting_is_built_into_the_room_and_kept_on_the_walls(tiny_source, tmp_path):
    path = build_room(_with_handles(tiny_source, 'own_handles = ["@HarbourlineHelp", "HarbourlineCares"]'),
                      tmp_path / "tiny.croom")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE complaints SET verbatim = ? WHERE customer_ref = 'C1'", (COMPLAINT,))
    conn.commit()
    conn.close()
    with RoomFile.open(path, read_only=True) as room:
        assert load_room(room.db).own_handles == ("@HarbourlineHelp", "HarbourlineCares")
        quotes = WallDataSource(room).complaints_focus("claim").verbatims
    assert ("@harbourlinehelp never answered [handle] ([name], [phone], [number]) about the £1,200 excess "
            "charged on 2024-11-02: [link]") in quotes


def test_a_room_without_the_setting_masks_every_handle(tiny_source, tmp_path):
    path = build_room(tiny_source, tmp_path / "tiny.croom")
    with RoomFile.open(path, read_only=True) as room:
        assert load_room(room.db).own_handles == ()


@pytest.mark.parametrize("stored, expected", [
    ('["@A", " B ", 3, ""]', ("@A", "B")), ('"@A, @B"', ("@A", "@B")), ("@A @B", ("@A", "@B")), ("{}", ()),
    (None, ()), ("[]", ()),
])
def test_a_hand_edited_setting_is_read_as_well_as_it_can_be(stored, expected):
    assert own_handles(stored) == expected
