"""How big text on a wall must be to be read: AVIXA's DISCAS rule (ANSI/INFOCOMM V202.01) for basic
decision making, where the viewer reads and understands but need not take in every detail.

    element height = farthest viewer distance / (image height x 200)

The element is the lower-case height (the x-height) of the text. The room is designed for a 65-inch
16:9 wall: leaders read the *room* tier from their seats 5 m away, and the *walk-up* tier from 2 m
when they stand up and go to the wall. Nothing on a wall is smaller than the walk-up tier.
"""

from __future__ import annotations

import math
from enum import Enum

WALL_DIAGONAL_INCHES = 65.0
WALL_ASPECT = (16, 9)
ROOM_DISTANCE_M = 5.0
WALK_UP_DISTANCE_M = 2.0
DISCAS_BASIC_DECISION_FACTOR = 200


def image_height_m(diagonal_inches: float = WALL_DIAGONAL_INCHES, aspect: tuple[int, int] = WALL_ASPECT) -> float:
    """The picture height of a screen of that diagonal and aspect ratio, in metres."""
    width, height = aspect
    return diagonal_inches * 0.0254 * height / math.hypot(width, height)


def element_height_share(farthest_viewer_m: float, image_height: float) -> float:
    """DISCAS basic decision making: the x-height as a share of the image height."""
    return farthest_viewer_m / (image_height * DISCAS_BASIC_DECISION_FACTOR)


class Tier(Enum):
    """Who must read a text, and from where."""

    ROOM = ROOM_DISTANCE_M  # from the seats: stage names, values, counts, verbatims, captions, clocks, headlines
    WALK_UP = WALK_UP_DISTANCE_M  # a leader at the wall: labels, axis ticks, chart and heat-map numbers

    @property
    def share(self) -> float:
        """The smallest x-height for this tier, as a share of the wall's height, rounded up to the next
        0.05 % (3.1 % for the room, 1.25 % for the walk-up tier)."""
        return math.ceil(element_height_share(self.value, image_height_m()) * 2000 - 1e-9) / 2000

    def x_height(self, wall_height_px: int) -> float:
        """The smallest x-height, in pixels, on a wall ``wall_height_px`` high."""
        return self.share * wall_height_px
