"""How complaints move: monthly counts per stage, their trend, and descent against a baseline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from enum import Enum

from .periods import month_of, months_from_to
from .records import record


class Trend(str, Enum):
    RISING = "rising"
    FALLING = "falling"
    STEADY = "steady"
    NO_DATA = "no data"


def monthly_counts(received: Iterable[date], first: str, last: str) -> dict[str, int]:
    """Complaints per month from ``first`` to ``last`` (YYYY-MM); months without any count 0."""
    counts = Counter(month_of(day) for day in received)
    return {month: counts.get(month, 0) for month in months_from_to(first, last)}


def counts_by_stage_and_month(
    complaints: Iterable[tuple[str | None, date]], first: str, last: str
) -> dict[str | None, dict[str, int]]:
    """Monthly counts for each stage key (None collects complaints not yet placed on a stage)."""
    per_stage: dict[str | None, list[date]] = {}
    for stage_key, received_on in complaints:
        per_stage.setdefault(stage_key, []).append(received_on)
    return {stage: monthly_counts(days, first, last) for stage, days in per_stage.items()}


def trend_of(counts: list[int], window: int = 3, tolerance: float = 0.10) -> Trend:
    """Compare the last ``window`` periods with the ``window`` before them.

    A change within ``tolerance`` (a share of the earlier total) is steady. With fewer
    than two windows of data there is no trend to tell.
    """
    if window < 1:
        raise ValueError("the trend window must be at least one period")
    if len(counts) < 2 * window:
        return Trend.NO_DATA
    recent = sum(counts[-window:])
    earlier = sum(counts[-2 * window : -window])
    if earlier == 0:
        return Trend.RISING if recent > 0 else Trend.STEADY
    change = (recent - earlier) / earlier
    if change > tolerance:
        return Trend.RISING
    if change < -tolerance:
        return Trend.FALLING
    return Trend.STEADY


@record
class Descent:
    baseline_per_month: float
    recent_per_month: float
    drop_share: float  # 0.4 means 40 % fewer complaints than the baseline
    descending: bool


def descent_against_baseline(
    counts: dict[str, int],
    baseline_months: list[str],
    recent_months: int = 3,
    min_drop: float = 0.20,
) -> Descent:
    """Have complaints begun to descend against the months before the team started work?

    Descending means: the average of the last ``recent_months`` months (after the
    baseline) is at least ``min_drop`` below the baseline average, and the latest of
    those months is itself below the baseline. The baseline months must have data.
    """
    if not baseline_months:
        raise ValueError("a baseline needs at least one month")
    missing = [month for month in baseline_months if month not in counts]
    if missing:
        raise ValueError(f"the baseline month {missing[0]} has no count")
    baseline = sum(counts[m] for m in baseline_months) / len(baseline_months)
    after = sorted(month for month in counts if month > max(baseline_months))
    recent = after[-recent_months:]
    if len(recent) < recent_months or baseline == 0:
        recent_avg = sum(counts[m] for m in recent) / len(recent) if recent else 0.0
        return Descent(baseline, recent_avg, 0.0, False)
    recent_avg = sum(counts[m] for m in recent) / len(recent)
    drop = (baseline - recent_avg) / baseline
    descending = drop >= min_drop and counts[recent[-1]] < baseline
    return Descent(baseline, recent_avg, drop, descending)
