"""What explains the walls at any moment: the live room's state, read-only values.

The model (room_model.py) holds one ``RoomState`` and replaces it on every command; the console,
the walls and the control socket's ``state`` reply all read it, and nothing keeps a copy.
"""

from __future__ import annotations

from enum import Enum

from .records import record

REHEARSAL = "rehearsal"  # the wall window shown when the laptop is the only screen


class Borrower(Enum):
    """What may take a wall away from its own assignment for a while."""

    CONVERSATION = "conversation"
    ARTIFACT = "artifact"
    CALL = "call"
    PERSONA = "persona"
    EXERCISE = "exercise"


@record
class Borrowing:
    view: str  # what the wall shows while borrowed: "tally", "persona:maya"
    by: Borrower
    reason: str  # in plain words, for the console: "conversation 3: the dot vote"
    order: int  # when it was made: with no free wall, the oldest borrowing is taken back first


@record
class WallState:
    identity: str  # the monitor's stable identity, never its place in the monitor list
    name: str
    present: bool
    assigned: str  # the view the facilitator chose (or the default it was given), remembered
    borrowed: Borrowing | None = None
    size: tuple[int, int] = (0, 0)
    position: int | None = None  # cycle mode: the stage this wall has moved on to by itself

    @property
    def view(self) -> str:
        """What the wall shows when nothing covers every wall: its borrowing, else its own assignment."""
        return self.borrowed.view if self.borrowed else self.assigned


@record
class StageRef:
    key: str
    name: str


@record
class SessionState:
    id: int | None = None
    key: str = ""
    title: str = ""
    status: str = "none"  # none, planned, live, interrupted (left open by a crash) or closed
    conversation: int = 0
    started_at: str = ""
    revision: int = 0  # bumped when votes, teams or reports change: the session walls draw again
    conversation_started_at: str = ""  # ISO time the current conversation began

    @property
    def live(self) -> bool:
        return self.status == "live"


@record
class CallState:
    key: str
    title: str = ""
    playing: bool = False
    position_ms: int = 0


@record
class ExerciseState:
    run_id: int
    artifact: str
    title: str
    running: bool
    page: int = 0
    revision: int = 0


@record
class Celebration:
    team: str
    priority: str
    citation: str


@record
class RoomState:
    stages: tuple[StageRef, ...]
    position: int = 1
    cover: str | None = None  # blackout, white or celebration over every wall
    celebration: Celebration | None = None
    walls: tuple[WallState, ...] = ()  # screen order; an unplugged wall keeps its place
    session: SessionState = SessionState()
    artifact: tuple[str, int] | None = None  # (key, page) chosen on the console
    persona: str | None = None  # chosen on the console
    personas: tuple[str, ...] = ()  # every persona of the room, met in conversation 2
    call: CallState | None = None
    exercise: ExerciseState | None = None
    asset_period: str = ""  # "" = the latest quarter
    cycling: bool = False
    planned_stage_seconds: int = 360
    borrowings_made: int = 0

    @property
    def stage(self) -> StageRef:
        return self.stages[self.position - 1]

    @property
    def stage_count(self) -> int:
        return len(self.stages)

    def next_position(self) -> int | None:
        """The stage the Next command would show: None at the end of the journey (Next does not wrap).
        Under a cover, Next shows the stage after this one (or this one, uncovered, at the last)."""
        if self.position < self.stage_count:
            return self.position + 1
        return self.position if self.cover else None

    def shown(self, wall: WallState) -> str:
        """The view a wall shows now."""
        if self.cover:
            return self.cover
        return wall.view

    def present_walls(self) -> list[WallState]:
        return [wall for wall in self.walls if wall.present]

    def wall(self, identity: str) -> WallState | None:
        return next((wall for wall in self.walls if wall.identity == identity), None)
