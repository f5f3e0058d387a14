"""The kiosk's programme: a loop of steps, each saying what every wall shows and for how long.

It is kept in the room and edited as a TOML file (``customer-room kiosk ROOM --edit-programme FILE``):

    [[step]]
    seconds = 40
    walls = ["journey", "stage:1", "complaints:1"]   # wall 1, wall 2, wall 3...; further walls show the logo
    call = "burst-pipe"                                # optional: a recorded call on the first "call" wall
    sound = false                                      # a call plays muted with captions unless this is true

The opening hours go in a [schedule] table in the same file (domain/kiosk_schedule.py), and the visitors'
self-guided tour in a [tour] table:

    [tour]
    idle_seconds = 90      # after this long without a key or a touch, the walls go back to the loop
    sound = true           # a call a visitor touches plays with sound (captions either way)

A programme that cannot be read is refused in one sentence that names the step and what is wrong.
"""

from __future__ import annotations

import tomllib

from .toml_text import toml_value
from .kiosk_schedule import KioskSchedule, ProgrammeError, schedule_from, schedule_to_toml
from .wall_views import ViewSpecError, split_view
from .records import record

MIN_STEP_SECONDS = 3
MAX_STEP_SECONDS = 3600
MAX_STEPS = 500
TOUR_IDLE_SECONDS = (10, 3600)

__all__ = ["KioskProgramme", "KioskStep", "KioskTour", "ProgrammeError", "programme_from_toml", "programme_to_toml"]


@record
class KioskStep:
    seconds: int
    walls: tuple[str, ...]  # one view per wall, in wall order
    call: str = ""  # a call key, or ""
    sound: bool = False

    def view_for(self, wall_number: int) -> str:
        """The view of wall ``wall_number`` (1-based); walls beyond the list show the logo."""
        return self.walls[wall_number - 1] if wall_number <= len(self.walls) else "logo"


@record
class KioskTour:
    """The self-guided tour a visitor starts with a key, a clicker or a touch."""

    idle_seconds: int = 90
    sound: bool = True


@record
class KioskProgramme:
    steps: tuple[KioskStep, ...]
    schedule: KioskSchedule = KioskSchedule()
    tour: KioskTour = KioskTour()

    @property
    def loop_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    def step_after(self, index: int) -> int:
        return (index + 1) % len(self.steps)


def _step(number: int, raw: object) -> KioskStep:
    where = f"Step {number} of the programme"
    if not isinstance(raw, dict):
        raise ProgrammeError(f"{where} is not a table of settings.")
    unknown = sorted(set(raw) - {"seconds", "walls", "call", "sound"})
    if unknown:
        raise ProgrammeError(f"{where} has a setting the kiosk does not know: {unknown[0]}.")
    seconds = raw.get("seconds")
    if not isinstance(seconds, int) or isinstance(seconds, bool) \
            or not MIN_STEP_SECONDS <= seconds <= MAX_STEP_SECONDS:
        raise ProgrammeError(f"{where} needs seconds, a whole number from {MIN_STEP_SECONDS} to {MAX_STEP_SECONDS}.")
    walls = raw.get("walls")
    if not isinstance(walls, list) or not walls or not all(isinstance(view, str) for view in walls):
        raise ProgrammeError(f'{where} needs walls, a list of views such as ["journey", "stage:1"].')
    for view in walls:
        try:
            split_view(view)
        except ViewSpecError as problem:
            raise ProgrammeError(f"{where}: {problem}") from None
    call, sound = raw.get("call", ""), raw.get("sound", False)
    if not isinstance(call, str):
        raise ProgrammeError(f"{where} names its call as text, the call's key.")
    if not isinstance(sound, bool):
        raise ProgrammeError(f"{where} says sound = true or sound = false.")
    return KioskStep(seconds, tuple(view.strip() for view in walls), call.strip(), sound)


def _tour(raw: object) -> KioskTour:
    if raw is None:
        return KioskTour()
    if not isinstance(raw, dict):
        raise ProgrammeError("The programme's [tour] is not a table of settings.")
    unknown = sorted(set(raw) - {"idle_seconds", "sound"})
    if unknown:
        raise ProgrammeError(f"The programme's [tour] has a setting the kiosk does not know: {unknown[0]}.")
    idle, sound = raw.get("idle_seconds", KioskTour.idle_seconds), raw.get("sound", KioskTour.sound)
    low, high = TOUR_IDLE_SECONDS
    if not isinstance(idle, int) or isinstance(idle, bool) or not low <= idle <= high:
        raise ProgrammeError(f"The programme's [tour] needs idle_seconds, a whole number from {low} to {high}.")
    if not isinstance(sound, bool):
        raise ProgrammeError("The programme's [tour] says sound = true or sound = false.")
    return KioskTour(idle, sound)


def programme_from_toml(text: str) -> KioskProgramme:
    """Read a programme file's text; refuses in one sentence what cannot be used."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise ProgrammeError(f"The programme is not valid TOML ({problem}).") from None
    unknown = sorted(set(document) - {"step", "schedule", "tour"})
    if unknown:
        raise ProgrammeError(f"The programme has a part the kiosk does not know: {unknown[0]} "
                             "(it holds [[step]] tables, one [schedule] and one [tour]).")
    steps = document.get("step")
    if not isinstance(steps, list) or not steps:
        raise ProgrammeError("The programme has no steps: each starts with a line [[step]].")
    if len(steps) > MAX_STEPS:
        raise ProgrammeError(f"The programme has {len(steps)} steps; a kiosk loop holds at most {MAX_STEPS}.")
    return KioskProgramme(tuple(_step(number, raw) for number, raw in enumerate(steps, start=1)),
                          schedule_from(document.get("schedule")), _tour(document.get("tour")))


def programme_to_toml(programme: KioskProgramme, heading: str = "") -> str:
    """The programme as a TOML file that reads back the same."""
    lines = [f"# {line}" for line in heading.splitlines()]
    for step in programme.steps:
        lines += ["", "[[step]]", f"seconds = {step.seconds}",
                  f"walls = {toml_value(list(step.walls))}"]
        if step.call:
            lines.append(f"call = {toml_value(step.call)}")
            lines.append(f"sound = {'true' if step.sound else 'false'}")
    lines += ["", "[tour]", f"idle_seconds = {programme.tour.idle_seconds}",
              f"sound = {'true' if programme.tour.sound else 'false'}"]
    schedule = schedule_to_toml(programme.schedule)
    return "\n".join(lines).lstrip("\n") + "\n" + (f"\n{schedule}" if schedule else "")
