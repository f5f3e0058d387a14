"""Combining customer-asset periods, choosing the periods to compare, and ordering the early warnings."""

from hypothesis import given, strategies as st

from customer_room_desktop.domain.customer_asset import (
    AssetPeriod, LostReason, combine_periods, comparison_periods, years_from_quarters,
)
from customer_room_desktop.domain.early_warning import moment_warnings, stage_alert
from customer_room_desktop.domain.evidence import Direction, Kpi, KpiReading
from customer_room_desktop.domain.reliability import Reliability


def quarter(year, q, start, gained, lost, end=None, reasons=()):
    return AssetPeriod(f"Q{q} {year}", "quarter", f"{year}-{3 * q - 2:02d}-01", start, gained, gained * 10.0, lost,
                       lost * 20.0, 0, 0, start + gained - lost if end is None else end, tuple(reasons))


flows = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), min_size=1, max_size=8)


@given(st.integers(0, 1_000_000), flows)
def test_a_chain_of_periods_that_add_up_combines_into_one_that_adds_up(start, moves):
    parts, customers = [], start
    for n, (gained, lost) in enumerate(moves):
        lost = min(lost, customers + gained)
        parts.append(quarter(2020 + n // 4, n % 4 + 1, customers, gained, lost))
        customers += gained - lost
    combined = combine_periods(parts, "All")
    assert combined.problems() == []
    assert combined.customers_start == start and combined.customers_end == customers
    assert combined.gained_count == sum(p.gained_count for p in parts)
    assert combined.lost_value == sum(p.lost_value for p in parts)


@given(st.integers(1, 500))
def test_a_mismatch_in_any_part_stays_visible_in_the_whole(extra):
    parts = [quarter(2025, 1, 1000, 100, 50), quarter(2025, 2, 1050, 10, 20, end=1040 + extra)]
    assert f"+{extra:,} unexplained" in combine_periods(parts, "H1 2025").problems()[0]


def test_years_are_made_only_from_four_quarters_and_reasons_are_summed():
    reasons = (LostReason("Price", 10, "renew"),)
    quarters = [quarter(2025, q, 1000, 10, 10, reasons=reasons) for q in (1, 2, 3, 4)] + \
               [quarter(2026, q, 1000, 10, 10) for q in (1, 2)]
    years = years_from_quarters(quarters)
    assert [y.label for y in years] == ["2025"]
    assert years[0].period_kind == "year" and years[0].lost_reasons == (LostReason("Price", 40, "renew"),)


def test_the_previous_period_and_the_same_period_a_year_before():
    periods = [quarter(2025, q, 1000, 10, 10) for q in (1, 2, 3, 4)] + [quarter(2026, q, 1000, 10, 10) for q in (1, 2)]
    previous, year_before = comparison_periods(periods, periods[-1])
    assert (previous.label, year_before.label) == ("Q1 2026", "Q2 2025")
    assert comparison_periods(periods, periods[0]) == (None, None)


def kpi(key, moment, direction=Direction.HIGHER_IS_BETTER, target=90, at_risk=85, failing=80, unit="%"):
    return Kpi(key, moment, key.replace("-", " "), unit, direction, target, at_risk, failing)


def readings(*values):
    return [KpiReading(f"2026-{n + 1:02d}", v) for n, v in enumerate(values)]


MOMENTS = [("pay", "I pay", "buy", "I buy", 2), ("claim", "I claim", "claim", "I make a claim", 5),
           ("visit", "The visit", "claim", "I make a claim", 5), ("quiet", "No KPIs", "buy", "I buy", 2)]


def test_moments_are_ordered_worst_first_and_a_moment_is_as_bad_as_its_worst_kpi():
    warnings = moment_warnings(MOMENTS, [
        (kpi("pay-ok", "pay"), readings(95, 96)),
        (kpi("claim-bad", "claim"), readings(70, 60)),  # unreliable two months running
        (kpi("visit-ok", "visit"), readings(95)),
        (kpi("visit-bad", "visit"), readings(50)),  # unreliable once
        (kpi("visit-risk", "visit"), readings(82)),
    ])
    assert [w.moment_key for w in warnings] == ["claim", "visit", "pay"]  # "quiet" has no KPIs: not judged
    assert [w.reliability for w in warnings] == [Reliability.UNRELIABLE, Reliability.UNRELIABLE, Reliability.RELIABLE]
    assert warnings[0].periods_unreliable == 2
    assert [k.kpi.key for k in warnings[1].kpis] == ["visit-bad", "visit-risk", "visit-ok"]
    assert not warnings[2].needs_attention


def test_a_gap_is_not_a_failure():
    (warning,) = moment_warnings(MOMENTS[:1], [(kpi("pay-gap", "pay"), readings(95, None))])
    assert warning.reliability is Reliability.RELIABLE


def test_the_console_is_alerted_only_for_a_stage_with_an_unreliable_moment():
    warnings = moment_warnings(MOMENTS, [(kpi("claim-bad", "claim", unit=" min"), readings(70, 60)),
                                         (kpi("pay-risk", "pay"), readings(82))])
    alert = stage_alert(warnings, "claim")
    assert alert.startswith("Early warning: “I claim” is unreliable") and "60 min" in alert and "2 periods" in alert
    assert stage_alert(warnings, "buy") == ""  # at risk is shown on the wall, not alerted
