"""The customer asset in whole numbers: lives of customers gained and lost, never only rates."""

from __future__ import annotations

from dataclasses import field

from .records import record


@record
class LostReason:
    reason: str
    count: int
    stage_key: str | None = None


@record
class AssetPeriod:
    """One period of the customer asset. ``customers_end`` is as reported, not derived."""

    label: str
    period_kind: str  # month, quarter or year
    period_start: str  # YYYY-MM-DD
    customers_start: int
    gained_count: int
    gained_value: float
    lost_count: int
    lost_value: float
    increased_count: int
    declined_count: int
    customers_end: int
    lost_reasons: tuple[LostReason, ...] = field(default_factory=tuple)

    @property
    def expected_end(self) -> int:
        return self.customers_start + self.gained_count - self.lost_count

    @property
    def net_change(self) -> int:
        return self.gained_count - self.lost_count

    def problems(self) -> list[str]:
        """Every way this period does not add up; reported as found, never corrected."""
        found: list[str] = []
        counts = {
            "customers at start": self.customers_start,
            "customers gained": self.gained_count,
            "customers lost": self.lost_count,
            "customers who increased engagement": self.increased_count,
            "customers who declined engagement": self.declined_count,
            "customers at end": self.customers_end,
        }
        for name, number in counts.items():
            if isinstance(number, bool) or not isinstance(number, int):
                found.append(f"{self.label}: {name} is {number!r}, not a whole number of customers")
            elif number < 0:
                found.append(f"{self.label}: {name} is negative ({number})")
        if found:
            return found
        if self.customers_end != self.expected_end:
            found.append(
                f"{self.label}: customers at end is {self.customers_end:,} but start + gained - lost "
                f"is {self.expected_end:,} ({self.customers_end - self.expected_end:+,} unexplained)"
            )
        if self.lost_reasons:
            explained = sum(reason.count for reason in self.lost_reasons)
            if explained > self.lost_count:
                found.append(
                    f"{self.label}: reasons account for {explained:,} lost customers, "
                    f"more than the {self.lost_count:,} lost"
                )
        for name, value in (("gained value", self.gained_value), ("lost value", self.lost_value)):
            if value < 0:
                found.append(f"{self.label}: {name} is negative ({value:,})")
        return found


def chain_problems(periods: list[AssetPeriod]) -> list[str]:
    """Consecutive periods of one kind must hand over: a period starts where the last ended."""
    found: list[str] = []
    ordered = sorted(periods, key=lambda p: (p.period_kind, p.period_start))
    for before, after in zip(ordered, ordered[1:]):
        if before.period_kind == after.period_kind and after.customers_start != before.customers_end:
            found.append(
                f"{after.label}: starts with {after.customers_start:,} customers but "
                f"{before.label} ended with {before.customers_end:,}"
            )
    return found


def asset_problems(periods: list[AssetPeriod]) -> list[str]:
    """Everything that does not add up, within each period and from one period to the next."""
    return [problem for period in periods for problem in period.problems()] + chain_problems(periods)


def top_lost_reasons(period: AssetPeriod, limit: int = 5) -> list[LostReason]:
    return sorted(period.lost_reasons, key=lambda r: (-r.count, r.reason))[:limit]


def combine_periods(periods: list[AssetPeriod], label: str, kind: str = "year") -> AssetPeriod:
    """Several consecutive periods as one: the first start, the sums of the flows, the last end.

    Lost reasons are summed by reason. The result keeps every mismatch of its parts visible:
    its end is the last part's reported end, not a derived figure.
    """
    if not periods:
        raise ValueError("there are no periods to combine")
    ordered = sorted(periods, key=lambda p: p.period_start)
    reasons: dict[tuple[str, str | None], int] = {}
    for period in ordered:
        for reason in period.lost_reasons:
            key = (reason.reason, reason.stage_key)
            reasons[key] = reasons.get(key, 0) + reason.count
    return AssetPeriod(
        label, kind, ordered[0].period_start, ordered[0].customers_start,
        sum(p.gained_count for p in ordered), sum(p.gained_value for p in ordered),
        sum(p.lost_count for p in ordered), sum(p.lost_value for p in ordered),
        sum(p.increased_count for p in ordered), sum(p.declined_count for p in ordered),
        ordered[-1].customers_end,
        tuple(LostReason(reason, count, stage) for (reason, stage), count in reasons.items()))


def _months_between(first: str, second: str) -> int:
    return (int(second[:4]) - int(first[:4])) * 12 + int(second[5:7]) - int(first[5:7])


def comparison_periods(periods: list[AssetPeriod],
                       chosen: AssetPeriod) -> tuple[AssetPeriod | None, AssetPeriod | None]:
    """The period of the same kind just before ``chosen``, and the one a year before it (or None)."""
    same_kind = sorted((p for p in periods if p.period_kind == chosen.period_kind), key=lambda p: p.period_start)
    earlier = [p for p in same_kind if p.period_start < chosen.period_start]
    year_before = next((p for p in same_kind if _months_between(p.period_start, chosen.period_start) == 12), None)
    return (earlier[-1] if earlier else None), year_before


def years_from_quarters(periods: list[AssetPeriod]) -> list[AssetPeriod]:
    """Calendar years that have all four quarters in the room, each combined into one period."""
    by_year: dict[str, list[AssetPeriod]] = {}
    for period in periods:
        if period.period_kind == "quarter":
            by_year.setdefault(period.period_start[:4], []).append(period)
    return [combine_periods(quarters, year, "year") for year, quarters in sorted(by_year.items())
            if sorted(q.period_start[5:7] for q in quarters) == ["01", "04", "07", "10"]]
