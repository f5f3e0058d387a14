"""What the room must read from its seats on each view of the sample room, taken from the data the
view shows (never from how the view draws it): stage names, headlines, values and counts, the quoted
verbatims, call captions, persona names and exercise clocks. Each view kind lists its sample specs."""

from __future__ import annotations

import re
from collections.abc import Callable

from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain.figures import format_value, value_parts
from customer_room_desktop.services.session_wall_data import board_data
from customer_room_desktop.services.walk_data import persona_data

CALL_SECONDS = 30


class Exact(str):
    """A room-tier text matched only whole (a one-line headline): its words may appear smaller elsewhere."""


def normalised(text: str) -> str:
    """Compared without quotes, ellipses or runs of spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[“”\"'‘’…]", "", text)).strip().casefold()


def is_part_of(run: str, room_strings: list[str]) -> bool:
    """A drawn run belongs to a room-tier text when it is that text or a line of it."""
    shown = normalised(run)
    if not shown:
        return False
    for whole in room_strings:
        target = normalised(whole)
        if shown == target or (not isinstance(whole, Exact) and len(shown) >= 4 and shown in target):
            return True
    return False


def _stage(factory: WallFactory, argument: str) -> list[str]:
    data = factory.stage_data(int(argument))
    return [data.name, *data.verbatims, *(value_parts(k.value, k.unit)[0] for k in data.kpis),
            *(str(c.count) for c in data.categories)]


def _complaints(factory: WallFactory, argument: str) -> list[str]:
    data = factory.complaints_data(int(argument))
    return [data.stage_name, *data.verbatims, *(str(counts[-1]) for _, counts in data.series if counts)]


def _tour(factory: WallFactory, argument: str) -> list[str]:
    data = factory.tour_data(int(argument))
    return [data.name, data.narration]


def _journey(factory: WallFactory, argument: str) -> list[str]:
    data = factory.journey_data()
    return [factory.branding.room_name, *(s.name for s in data.stages), *(f"{s.complaints:,}" for s in data.stages)]


def _call_keys(factory: WallFactory) -> list[str]:
    return [row[0] for row in factory.source.room.db.execute("SELECT key FROM calls ORDER BY key")]


def _call(factory: WallFactory, argument: str) -> list[str]:
    data = factory.source.call_view(argument.partition("@")[0])
    return [data.title, *(segment.text for segment in data.segments)]


def _persona(factory: WallFactory, argument: str) -> list[str]:
    data = persona_data(factory.source.room, argument)
    return [data.name, data.quote]


def _warnings(factory: WallFactory, argument: str) -> list[str]:
    data = factory.board("warnings")
    return [Exact("Moments of truth at risk"), *(row.moment for row in data.rows),
            *(format_value(kpi.latest, kpi.unit) for row in data.rows for kpi in row.kpis)]


def _asset(factory: WallFactory, argument: str) -> list[str]:
    period = factory.board("asset").period
    return [Exact(f"The customer asset · {period.label}"), f"{period.customers_start:,}", f"{period.customers_end:,}",
            f"+{period.gained_count:,}", f"−{period.lost_count:,}", f"{period.net_change:+,}".replace("-", "−")]


def _listening(factory: WallFactory, argument: str) -> list[str]:
    data = factory.board("listening")
    return [*data.stages, *(f"{total:,}" for total in data.stage_totals)]


def _teams(factory: WallFactory, argument: str) -> list[str]:
    return [Exact(board_data(factory.source.room).title)]


def _tally(factory: WallFactory, argument: str) -> list[str]:
    return [Exact("Where leaders put their dots")]


def _phones(factory: WallFactory, argument: str) -> list[str]:
    """Render has no server: the phones are off, and the wall says so to the whole room."""
    return [factory.phones.wall_data().notice]


def _nothing(factory: WallFactory, argument: str) -> list[str]:
    return []


VIEW_KINDS: dict[str, tuple[Callable[[WallFactory], list[str]], Callable[[WallFactory, str], list[str]]]] = {
    "stage": (lambda f: [f"stage:{n}" for n in range(1, f.stage_count + 1)], _stage),
    "complaints": (lambda f: [f"complaints:{n}" for n in range(1, f.stage_count + 1)], _complaints),
    "journey": (lambda f: ["journey"], _journey),
    "tour": (lambda f: [f"tour:{n}" for n in range(1, f.stage_count + 1)], _tour),
    "call": (lambda f: [f"call:{key}@{CALL_SECONDS}" for key in _call_keys(f)], _call),
    "asset": (lambda f: ["asset"], _asset),
    "warnings": (lambda f: ["warnings"], _warnings),
    "listening": (lambda f: ["listening"], _listening),
    "persona": (lambda f: [f"persona:{n}" for n in (1, 2, 3)], _persona),
    "exercise": (lambda f: ["exercise:home-claim-form"], _nothing),
    "tally": (lambda f: ["tally"], _tally),
    "teams": (lambda f: ["teams"], _teams),
    "phones": (lambda f: ["phones"], _phones),
    "celebration": (lambda f: ["celebration"], _nothing),
    "logo": (lambda f: ["logo"], _nothing),
    "artifact": (lambda f: ["artifact:quote-step-property"], _nothing),
}
