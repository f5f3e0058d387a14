"""What each wall draws, read from the room's state: one plan per present wall.

The views whose data is not the stage's (the session's votes and board, the room's evidence,
a persona, the exercise) carry a revision with their data, so a wall draws again only when what
it shows has changed.
"""

from __future__ import annotations


from ..domain.room_state import RoomState
from ..domain.wall_views import ViewData, view_named
from ..services.board_data import BoardDataError
from ..services.screen_assignment import journey_slice
from ..services.session_wall_data import board_data, tally_data
from ..services.walk_data import WalkDataError, exercise_wall_data, persona_data
from ..storage.exercises import run_of
from ..ui.walls.wall_window import WallWindow
from .wall_factory import WallFactory
from ..domain.records import record


@record
class WallPlan:
    """What one present wall is set to show: its view, and for journey walls its share of stages."""

    identity: str
    wall: WallWindow
    view: str
    position: int  # the stage this wall is on: the room's, or its own in cycle mode
    stages: tuple[int, int] = (1, 1)  # journey walls: their share of the stages
    artifact: tuple[str, int] | None = None  # artifact walls: the artifact and page chosen, if any
    call: str | None = None  # call walls: the call open on the console, if any
    session: tuple | None = None  # data walls: (revision, data[, page]) of what they show


def wall_plans(state: RoomState, windows: dict[str, WallWindow], factory: WallFactory) -> list[WallPlan]:
    """A plan for every present wall, in screen order."""
    present = [w for w in state.present_walls() if w.identity in windows]
    journey_walls = [w.identity for w in present if state.shown(w) == "journey"]
    plans = []
    for wall in present:
        view = wall.view
        stages = (1, factory.stage_count)
        if view == "journey" and wall.identity in journey_walls:
            stages = journey_slice(journey_walls.index(wall.identity), len(journey_walls), factory.stage_count)
        kind = view_named(view).data
        plans.append(WallPlan(wall.identity, windows[wall.identity], view, wall.position or state.position, stages,
                              state.artifact if kind is ViewData.ARTIFACT else None,
                              state.call.key if kind is ViewData.CALL and state.call else None,
                              live_data(view, state, factory)))
    return plans


def live_data(view: str, state: RoomState, factory: WallFactory) -> tuple | None:
    """(revision, data) for a session, board or walk wall; None for every other view (or nothing to show)."""
    room = factory.source.room
    name, _, argument = view.partition(":")
    kind = view_named(name).data
    session_id = state.session.id
    try:
        if name == "tally":
            phones = factory.phones
            return (state.session.revision, tally_data(room, session_id, phones.totals_hidden(), phones.skipped())) \
                if session_id else None
        if name == "phones":  # the data is its own revision: the wall draws again when the code or the vote changes
            data = factory.phones.wall_data()
            return (data, data)
        if name == "teams":
            return (state.session.revision, board_data(room))
        if kind is ViewData.BOARD:
            label = argument or (state.asset_period if name == "asset" else "")
            return (label, factory.board(name, label))
        if name == "persona":
            key = argument or state.persona or (state.personas[0] if state.personas else "")
            return (key, persona_data(room, key)) if key else None
        if name == "exercise" and state.exercise:
            exercise = state.exercise
            return ((exercise.run_id, exercise.revision, exercise.page),
                    exercise_wall_data(room, run_of(room, exercise.run_id)), exercise.page)
    except (BoardDataError, WalkDataError):
        return None  # the room has no such figures: the wall shows the logo
    return None
