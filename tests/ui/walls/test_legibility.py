"""Every view of the sample room, at 1080p and 4K, read as the room reads it (issue 19): no text below
the walk-up tier, what the room reads from its seats at the room tier, and nothing cut inside a word.

The tiers are AVIXA's DISCAS rule for a 65-inch wall (domain/legibility.py); each text is measured on
the x-height of the font it was drawn in, as recorded from a real paint of the view."""

from __future__ import annotations

import pytest

from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain.legibility import Tier
from customer_room_desktop.storage.room_file import RoomFile
from tests.ui.walls.room_tier_oracle import VIEW_KINDS, is_part_of
from tests.ui.walls.text_recorder import texts_drawn

SIZES = ((1920, 1080), (3840, 2160))


def problems_of(factory: WallFactory, kind: str) -> list[str]:
    specs, room_strings_of = VIEW_KINDS[kind]
    found = []
    for spec in specs(factory):
        room_strings = room_strings_of(factory, spec.partition(":")[2])
        for width, height in SIZES:
            walk_up, room = Tier.WALK_UP.x_height(height), Tier.ROOM.x_height(height)
            for text in texts_drawn(factory.build(spec, (width, height)), (width, height)):
                where = f"{spec} at {height}p: “{text.text.strip()}”"
                if text.x_height < walk_up - 1e-6:
                    found.append(f"{where} x-height {text.x_height:.1f} px, below the walk-up tier's {walk_up:.1f}")
                elif text.x_height < room - 1e-6 and is_part_of(text.text, room_strings):
                    found.append(f"{where} x-height {text.x_height:.1f} px, below the room tier's {room:.1f}")
                if text.cut_off:
                    found.append(f"{where} is cut off")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(VIEW_KINDS))
def test_every_text_on_the_view_meets_its_legibility_tier_and_none_is_cut(qapp, sample_room, kind):
    with RoomFile.open(sample_room, read_only=True) as room:
        found = problems_of(WallFactory(room), kind)
    assert not found, f"{len(found)} texts fail their tier or are cut:\n" + "\n".join(found[:40])
