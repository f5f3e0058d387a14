"""What of the listening path fits a wall read from its seats: the latest months whose heat-map cells
still carry their numbers at the walk-up tier, the busiest stages whose names fit at the room tier,
and the words that tell the room what was left off."""

from __future__ import annotations

from dataclasses import replace

from ...services.board_data import ListeningPathData

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(month: str) -> str:
    """'2025-11' reads as 'Nov 2025'."""
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def months_span(months: tuple[str, ...]) -> str:
    """'Nov 2025 to Oct 2026', or the one month."""
    return f"{month_label(months[0])} to {month_label(months[-1])}" if len(months) > 1 else month_label(months[0])


def latest_months(data: ListeningPathData, count: int) -> ListeningPathData:
    """The last ``count`` months of ``data``, its totals counted again over them."""
    if count >= len(data.months):
        return data
    by_stage = tuple(row[-count:] for row in data.by_stage)
    by_source = tuple(row[-count:] for row in data.by_source)
    return replace(data, months=data.months[-count:], by_stage=by_stage, by_source=by_source,
                   stage_totals=tuple(map(sum, by_stage)), source_totals=tuple(map(sum, by_source)),
                   total=sum(map(sum, by_stage)))


def busiest_stages(data: ListeningPathData, count: int) -> ListeningPathData:
    """The ``count`` stages with the most complaints, still in journey order."""
    if count >= len(data.stages):
        return data
    kept = sorted(sorted(range(len(data.stages)), key=lambda n: -data.stage_totals[n])[:count])
    return replace(data, stages=tuple(data.stages[n] for n in kept), by_stage=tuple(data.by_stage[n] for n in kept),
                   stage_totals=tuple(data.stage_totals[n] for n in kept))


def left_off(whole: ListeningPathData, shown: ListeningPathData) -> list[str]:
    """What the wall tells the room it left off: 'Nov 2024 to Dec 2024 left off', '1 quieter stage (…) left off'."""
    notes = []
    if len(shown.months) < len(whole.months):
        notes.append(f"{months_span(whole.months[:len(whole.months) - len(shown.months)])} left off")
    dropped = [stage for stage in whole.stages if stage not in shown.stages]
    if dropped:
        word = "stage" if len(dropped) == 1 else "stages"
        notes.append(f"{len(dropped)} quieter {word} ({', '.join(dropped)}) left off")
    return notes
