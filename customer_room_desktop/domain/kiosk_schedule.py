"""When a kiosk room is open: opening hours per weekday, and dates it is closed.

Kept in the programme file beside the steps:

    [schedule]
    monday = "08:00-18:00"
    saturday = "10:00-13:00, 14:00-16:00"
    sunday = "closed"
    closed = ["2026-12-25", "2026-12-26"]

A weekday not named is open all day. Outside the hours the walls go dark; at the opening time they
come back by themselves.
"""

from __future__ import annotations

import re
from dataclasses import field
from datetime import date, datetime, time, timedelta

from .refusal import Refusal
from .records import record

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ALL_DAY = ((time(0, 0), time(23, 59, 59, 999999)),)
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")

Hours = tuple[tuple[time, time], ...]


class ProgrammeError(Refusal, ValueError):
    """A kiosk programme file that cannot be used; the message is the sentence to show."""


@record
class KioskSchedule:
    hours: dict[int, Hours] = field(default_factory=dict)  # weekday (0 = Monday) -> open spans; absent: all day
    closed: frozenset[date] = frozenset()

    def spans_on(self, day: date) -> Hours:
        if day in self.closed:
            return ()
        return self.hours.get(day.weekday(), ALL_DAY)

    def is_open(self, moment: datetime) -> bool:
        clock = moment.time()
        return any(start <= clock and (clock < end or end == ALL_DAY[0][1])
                   for start, end in self.spans_on(moment.date()))

    def next_change(self, moment: datetime) -> datetime | None:
        """The next moment the room opens or closes, within the coming 400 days; None if it never does."""
        now_open = self.is_open(moment)
        for offset in range(400):
            day = moment.date() + timedelta(days=offset)
            edges = {datetime.combine(day, time(0, 0), moment.tzinfo)}
            for start, end in self.spans_on(day):
                edges.add(datetime.combine(day, start, moment.tzinfo))
                if end != ALL_DAY[0][1]:
                    edges.add(datetime.combine(day, end, moment.tzinfo))
            for edge in sorted(edges):
                if edge > moment and self.is_open(edge) != now_open:
                    return edge
        return None


def _hours(day: str, text: object) -> Hours:
    if not isinstance(text, str):
        raise ProgrammeError(f'The schedule gives {day} as text such as "08:00-18:00" or "closed".')
    if text.strip().lower() == "closed":
        return ()
    spans = []
    for part in text.split(","):
        match = _SPAN.match(part)
        if not match:
            raise ProgrammeError(f'The schedule\'s {day} hours "{part.strip()}" are not written like 08:00-18:00.')
        h1, m1, h2, m2 = (int(group) for group in match.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            raise ProgrammeError(f'The schedule\'s {day} hours "{part.strip()}" are not times of day.')
        start = time(h1 % 24, m1)
        end = ALL_DAY[0][1] if h2 == 24 else time(h2, m2)
        if end <= start:
            raise ProgrammeError(f'The schedule\'s {day} hours "{part.strip()}" close before they open.')
        spans.append((start, end))
    return tuple(sorted(spans))


def schedule_from(raw: object) -> KioskSchedule:
    """The [schedule] table of a programme file; no table means open every day, all day."""
    if raw is None:
        return KioskSchedule()
    if not isinstance(raw, dict):
        raise ProgrammeError("The schedule is a table: a line [schedule], then monday = \"08:00-18:00\" and so on.")
    unknown = sorted(set(raw) - set(WEEKDAYS) - {"closed"})
    if unknown:
        raise ProgrammeError(f"The schedule has a setting the kiosk does not know: {unknown[0]}.")
    closed = raw.get("closed", [])
    if not isinstance(closed, list):
        raise ProgrammeError('The schedule\'s closed dates are a list such as ["2026-12-25"].')
    dates = set()
    for value in closed:
        try:
            dates.add(value if isinstance(value, date) else date.fromisoformat(str(value)))
        except ValueError:
            raise ProgrammeError(f'The schedule\'s closed date "{value}" is not a date such as 2026-12-25.') from None
    hours = {WEEKDAYS.index(day): _hours(day, raw[day]) for day in WEEKDAYS if day in raw}
    return KioskSchedule(hours, frozenset(dates))


def schedule_to_toml(schedule: KioskSchedule) -> str:
    if not schedule.hours and not schedule.closed:
        return ""
    lines = ["[schedule]"]
    for number, day in enumerate(WEEKDAYS):
        if number in schedule.hours:
            spans = schedule.hours[number]
            text = ", ".join(f"{s:%H:%M}-{'24:00' if e == ALL_DAY[0][1] else f'{e:%H:%M}'}" for s, e in spans)
            lines.append(f'{day} = "{text or "closed"}"')
    if schedule.closed:
        lines.append("closed = [" + ", ".join(f'"{d.isoformat()}"' for d in sorted(schedule.closed)) + "]")
    return "\n".join(lines) + "\n"
