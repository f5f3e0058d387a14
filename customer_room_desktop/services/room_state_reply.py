"""The room's state as plain JSON-ready data: the control socket's ``state`` reply."""

from __future__ import annotations

from ..domain.room_state import RoomState


def state_reply(state: RoomState) -> dict:
    """What explains the walls now, in the shape the README documents."""
    following = state.next_position()
    session = state.session
    walls = []
    for number, wall in enumerate(state.walls, start=1):
        borrowed = None
        if state.cover == "celebration":
            borrowed = {"by": "celebration", "reason": "a recognised team, on every wall"}
        elif wall.borrowed and not state.cover:
            borrowed = {"by": wall.borrowed.by.value, "reason": wall.borrowed.reason}
        walls.append({"number": number, "identity": wall.identity, "name": wall.name, "present": wall.present,
                      "view": state.shown(wall) if wall.present else None, "assigned": wall.assigned,
                      "borrowed_by": borrowed, "stage": wall.position or state.position})
    call = state.call
    exercise = state.exercise
    return {
        "stage": _stage(state, state.position),
        "next": _stage(state, following) if following is not None else None,
        "session": {"id": session.id, "key": session.key, "title": session.title, "status": session.status,
                    "conversation": session.conversation, "started_at": session.started_at or None},
        "walls": walls,
        "blackout": state.cover == "blackout",
        "cover": state.cover,
        "call": {"key": call.key, "playing": call.playing, "position_ms": call.position_ms} if call else None,
        "exercise": {"artifact": exercise.artifact, "title": exercise.title, "running": exercise.running,
                     "page": exercise.page + 1} if exercise else None,
        "artifact": {"key": state.artifact[0], "page": state.artifact[1] + 1} if state.artifact else None,
        "persona": state.persona,
        "asset_period": state.asset_period or None,
        "cycling": state.cycling,
    }


def _stage(state: RoomState, number: int) -> dict:
    ref = state.stages[number - 1]
    return {"number": number, "key": ref.key, "name": ref.name}
