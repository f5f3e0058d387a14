"""Reliability of a moment of truth: the revenue-erosion early warning, before customers complain."""

from __future__ import annotations

from enum import Enum

from .evidence import Direction, Kpi, KpiReading
from .records import record


class Reliability(str, Enum):
    RELIABLE = "reliable"
    AT_RISK = "at risk"
    UNRELIABLE = "unreliable"
    UNKNOWN = "unknown"  # no reading yet

    @property
    def severity(self) -> int:
        """Higher is worse; used to sort the moments at risk worst first."""
        return {"reliable": 0, "unknown": 1, "at risk": 2, "unreliable": 3}[self.value]

    @property
    def mark(self) -> str:
        """A shape for the state, so that it never rests on colour alone."""
        return {"reliable": "✓", "at risk": "!", "unreliable": "✕", "unknown": "?"}[self.value]

    @property
    def label(self) -> str:
        """The shape and the word: "✓ reliable", "! at risk", "✕ unreliable", "? unknown"."""
        return f"{self.mark} {self.value}"


def reliability_mark(level: str) -> str:
    """The shape of a state given as text; "" for text that names no state."""
    try:
        return Reliability(level).mark
    except ValueError:
        return ""


def reliability_label(level: str) -> str:
    """The shape and word of a state given as text; text that names no state is returned as it is."""
    try:
        return Reliability(level).label
    except ValueError:
        return level


def reliability_of_value(kpi: Kpi, value: float | None) -> Reliability:
    """Classify one reading against the KPI's thresholds, in the KPI's good direction.

    A value exactly on the at-risk threshold is still reliable, one exactly on the
    failing threshold is at risk: thresholds name the last acceptable value.
    """
    if value is None:
        return Reliability.UNKNOWN
    problem = kpi.threshold_problem()
    if problem:
        raise ValueError(problem)
    if kpi.direction is Direction.HIGHER_IS_BETTER:
        if value >= kpi.at_risk:
            return Reliability.RELIABLE
        return Reliability.AT_RISK if value >= kpi.failing else Reliability.UNRELIABLE
    if value <= kpi.at_risk:
        return Reliability.RELIABLE
    return Reliability.AT_RISK if value <= kpi.failing else Reliability.UNRELIABLE


@record
class ReliabilityStatus:
    reliability: Reliability
    latest: KpiReading | None
    periods_unreliable_in_a_row: int
    meets_target: bool


def reliability_of(kpi: Kpi, readings: list[KpiReading]) -> ReliabilityStatus:
    """Judge a KPI by its latest reading, and count how long it has been unreliable.

    Gaps (readings whose value is None) are skipped when finding the latest reading;
    the run of unreliable periods counts readings back from the latest one and stops
    at the first reading that is not unreliable or at a gap, so an unmeasured month
    never counts as a failure.
    """
    ordered = sorted(readings, key=lambda r: r.period)
    measured = [r for r in ordered if r.value is not None]
    if not measured:
        return ReliabilityStatus(Reliability.UNKNOWN, None, 0, False)
    latest = measured[-1]
    run = 0
    for reading in reversed(ordered[: ordered.index(latest) + 1]):
        if reliability_of_value(kpi, reading.value) is not Reliability.UNRELIABLE:
            break
        run += 1
    assert latest.value is not None
    if kpi.direction is Direction.HIGHER_IS_BETTER:
        meets = latest.value >= kpi.target
    else:
        meets = latest.value <= kpi.target
    return ReliabilityStatus(reliability_of_value(kpi, latest.value), latest, run, meets)


def worst(levels: list[Reliability]) -> Reliability:
    """The overall reliability of a stage is that of its worst moment of truth."""
    known = [level for level in levels if level is not Reliability.UNKNOWN]
    if not known:
        return Reliability.UNKNOWN
    return max(known, key=lambda level: level.severity)
