"""The customer asset in whole numbers: lives of customers gained and lost, never only rates."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LostReason:
    reason: str
    count: int
    stage_key: str | None = None


@dataclass(frozen=True)
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
