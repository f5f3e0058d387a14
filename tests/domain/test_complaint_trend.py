from datetime import date

import pytest

from customer_room_desktop.domain.complaint_trend import (
    Trend, counts_by_stage_and_month, descent_against_baseline, monthly_counts, trend_of,
)
from customer_room_desktop.domain.periods import add_months, months_from_to


def test_monthly_counts_include_empty_months_as_zero_complaints():
    counts = monthly_counts([date(2026, 1, 3), date(2026, 1, 30), date(2026, 3, 1)], "2026-01", "2026-04")
    assert counts == {"2026-01": 2, "2026-02": 0, "2026-03": 1, "2026-04": 0}


def test_counts_by_stage_keep_unplaced_complaints_apart():
    counts = counts_by_stage_and_month(
        [("claim", date(2026, 1, 2)), (None, date(2026, 1, 9)), ("claim", date(2026, 2, 2))], "2026-01", "2026-02")
    assert counts["claim"] == {"2026-01": 1, "2026-02": 1}
    assert counts[None] == {"2026-01": 1, "2026-02": 0}


@pytest.mark.parametrize("counts, expected", [
    ([10, 10, 10, 20, 20, 20], Trend.RISING),
    ([20, 20, 20, 10, 10, 10], Trend.FALLING),
    ([10, 10, 10, 10, 11, 10], Trend.STEADY),
    ([0, 0, 0, 0, 0, 1], Trend.RISING),
    ([0, 0, 0, 0, 0, 0], Trend.STEADY),
    ([5, 5, 5, 5, 5], Trend.NO_DATA),
])
def test_trend_compares_the_last_window_with_the_one_before(counts, expected):
    assert trend_of(counts) is expected


def test_descent_against_the_months_before_the_team_started():
    months = months_from_to("2025-11", "2026-10")
    counts = dict(zip(months, [40, 42, 38, 41, 39, 40, 36, 30, 22, 18, 17, 16]))
    descent = descent_against_baseline(counts, months[:6])
    assert descent.descending
    assert descent.baseline_per_month == pytest.approx(40)
    assert descent.recent_per_month == pytest.approx(17)
    assert descent.drop_share == pytest.approx(0.575)


def test_a_late_spike_is_not_descent_even_if_the_average_dropped():
    months = months_from_to("2026-01", "2026-06")
    counts = dict(zip(months, [40, 40, 40, 10, 10, 45]))
    assert not descent_against_baseline(counts, months[:3], min_drop=0.2).descending


def test_too_few_months_after_the_baseline_is_not_descent():
    months = months_from_to("2026-01", "2026-04")
    counts = dict(zip(months, [40, 40, 40, 5]))
    assert not descent_against_baseline(counts, months[:3]).descending


def test_baseline_months_without_data_are_refused():
    with pytest.raises(ValueError, match="2025-12"):
        descent_against_baseline({"2026-01": 3}, ["2025-12", "2026-01"])


def test_month_arithmetic_crosses_years():
    assert add_months("2025-11", 3) == "2026-02"
    assert add_months("2026-01", -1) == "2025-12"
    assert months_from_to("2026-03", "2026-02") == []
