"""What the kiosk's self-guided tour shows for a stage: its name and goal, the narration a visitor reads,
and the calls they may touch to hear."""

from __future__ import annotations


from ..domain.journey import Stage
from ..storage.room_file import RoomFile
from ..domain.records import record

MAX_TOUR_CALLS = 3  # touch targets a visitor can hit without reading a list


@record
class TourCall:
    key: str
    title: str
    seconds: int
    playable: bool  # the customer consented to the recording being played


@record
class TourData:
    position: int
    stage_count: int
    name: str
    goal: str
    narration: str  # the stage's own narration, else its description, else its goal
    calls: tuple[TourCall, ...]
    more_calls: int  # calls of the stage the tour leaves off


def tour_data(room: RoomFile, stages: list[Stage], position: int) -> TourData:
    """The tour page of the stage at ``position`` (1-based)."""
    stage = stages[position - 1]
    rows = room.db.execute(
        "SELECT c.key, c.title, c.duration_ms, c.consent FROM calls c JOIN stages s ON s.id = c.stage_id "
        "WHERE s.key = ? ORDER BY c.consent DESC, c.id", (stage.key,)).fetchall()
    calls = tuple(TourCall(key, title, round(duration / 1000), bool(consent))
                  for key, title, duration, consent in rows[:MAX_TOUR_CALLS])
    narration = stage.narration.strip() or stage.description.strip()
    return TourData(position, len(stages), stage.name, stage.goal, narration, calls,
                    max(0, len(rows) - MAX_TOUR_CALLS))
