"""The walls of a room just made from a folder: stages with no customer's words, goal or complaints yet.
They say so plainly, and invent nothing (no empty quotation marks, no month range of a year 2000)."""

from __future__ import annotations

from PIL import Image

from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.room_builder import build_from_folder
from customer_room_desktop.storage.room_file import RoomFile
from tests.ui.walls.text_recorder import texts_drawn


def test_stage_and_journey_walls_of_a_new_room_say_nothing_they_do_not_know(qtbot, tmp_path):
    for stage in ("1 Quote", "2 Claim"):
        (tmp_path / "material" / stage).mkdir(parents=True)
        Image.new("RGB", (800, 600), "white").save(tmp_path / "material" / stage / "letter.png")
    build_from_folder(tmp_path / "material", tmp_path / "new.croom", probe_recordings=False)
    with RoomFile.open(tmp_path / "new.croom", read_only=True) as room:
        factory = WallFactory(room)
        for view in ("stage:1", "journey"):
            wall = factory.build(view, (1920, 1080))
            qtbot.addWidget(wall)
            drawn = " | ".join(text.text for text in texts_drawn(wall, (1920, 1080)))
            assert "“”" not in drawn  # no customer's words or goal yet: no empty quotation marks
            assert "2000" not in drawn and "1999" not in drawn  # no complaints: no months to name
        assert "No complaints imported yet" in drawn  # the journey says why its trends are empty
