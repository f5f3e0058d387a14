"""What the data-driven walls show in a session, and which walls lend themselves to which view.

Conversation 1 opens on the room's evidence (the customer asset, the early warnings, the listening
path); conversation 3 on the dot vote; conversation 4 on the team board. A wall already set to one
of these views keeps it; otherwise the first free walls lend themselves while it is wanted.
"""

from __future__ import annotations

from ..services.board_data import BoardDataError
from ..services.session_wall_data import board_data, tally_data
from .wall_factory import WallFactory
from .wall_presenter import BOARD_VIEWS, SESSION_VIEWS

CONVERSATION_VIEWS = {1: ("asset", "warnings", "listening"), 3: ("tally",), 4: ("teams",)}


def lent_views(present: list[str], assignment: dict[str, str], wanted: list[str]) -> dict[str, str]:
    """Wall identity -> view, for each wanted view no present wall is set to, in order, while walls last."""
    lent: dict[str, str] = {}
    free = list(present)
    for view in wanted:
        if not any(assignment.get(identity) == view for identity in present) and free:
            lent[free.pop(0)] = view
    return lent


def live_data(view: str, factory: WallFactory, session_id: int | None, revision: int,
              asset_label: str) -> tuple | None:
    """(revision, data) for a session or board wall; None for every other view (or nothing to show)."""
    room = factory.source.room
    if view in SESSION_VIEWS:
        if session_id is None:
            return None
        return (revision, tally_data(room, session_id) if view == "tally" else board_data(room))
    if view in BOARD_VIEWS:
        try:
            return (asset_label if view == "asset" else 0, factory.board(view, asset_label))
        except BoardDataError:
            return None  # the room has no such figures: the wall shows the logo
    return None
