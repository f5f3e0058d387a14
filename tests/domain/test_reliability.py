import pytest
from hypothesis import given, strategies as st

from customer_room_desktop.domain.evidence import Direction, Kpi, KpiReading
from customer_room_desktop.domain.reliability import Reliability, reliability_of, reliability_of_value, worst

HIGHER = Kpi("quotes", "m", "Quotes completed", "%", Direction.HIGHER_IS_BETTER, target=65, at_risk=58, failing=50)
LOWER = Kpi("minutes", "m", "Minutes to report", "min", Direction.LOWER_IS_BETTER, target=15, at_risk=22, failing=30)


@pytest.mark.parametrize("value, expected", [
    (70, Reliability.RELIABLE), (58, Reliability.RELIABLE), (57.9, Reliability.AT_RISK),
    (50, Reliability.AT_RISK), (49.99, Reliability.UNRELIABLE), (None, Reliability.UNKNOWN),
])
def test_higher_is_better_thresholds_name_the_last_acceptable_value(value, expected):
    assert reliability_of_value(HIGHER, value) is expected


@pytest.mark.parametrize("value, expected", [
    (10, Reliability.RELIABLE), (22, Reliability.RELIABLE), (22.1, Reliability.AT_RISK),
    (30, Reliability.AT_RISK), (31, Reliability.UNRELIABLE),
])
def test_lower_is_better_reverses_the_comparisons(value, expected):
    assert reliability_of_value(LOWER, value) is expected


def test_thresholds_in_the_wrong_order_are_refused_with_a_sentence():
    backwards = Kpi("x", "m", "X", "%", Direction.HIGHER_IS_BETTER, target=65, at_risk=50, failing=58)
    assert "failing threshold 58 is above" in backwards.threshold_problem()
    with pytest.raises(ValueError):
        reliability_of_value(backwards, 55)


def test_latest_reading_decides_and_unreliable_run_is_counted():
    readings = [KpiReading("2026-01", 20), KpiReading("2026-02", 33), KpiReading("2026-03", 35),
                KpiReading("2026-04", 31)]
    status = reliability_of(LOWER, readings)
    assert status.reliability is Reliability.UNRELIABLE
    assert status.periods_unreliable_in_a_row == 3
    assert status.latest.period == "2026-04"
    assert not status.meets_target


def test_a_gap_is_skipped_for_the_latest_and_ends_the_run():
    readings = [KpiReading("2026-01", 40), KpiReading("2026-02", None), KpiReading("2026-03", 35),
                KpiReading("2026-04", None)]
    status = reliability_of(LOWER, readings)
    assert status.latest.period == "2026-03"
    assert status.periods_unreliable_in_a_row == 1


def test_no_readings_is_unknown_not_reliable():
    assert reliability_of(HIGHER, []).reliability is Reliability.UNKNOWN
    assert reliability_of(HIGHER, [KpiReading("2026-01", None)]).reliability is Reliability.UNKNOWN


def test_a_stage_is_as_reliable_as_its_worst_moment():
    assert worst([Reliability.RELIABLE, Reliability.UNRELIABLE, Reliability.AT_RISK]) is Reliability.UNRELIABLE
    assert worst([Reliability.UNKNOWN, Reliability.RELIABLE]) is Reliability.RELIABLE
    assert worst([Reliability.UNKNOWN]) is Reliability.UNKNOWN


@given(st.floats(-1e6, 1e6), st.floats(0, 1e3), st.floats(0, 1e3))
def test_moving_a_value_the_good_way_never_makes_it_worse(value, gap, step):
    kpi = Kpi("k", "m", "K", "", Direction.HIGHER_IS_BETTER, target=100, at_risk=50, failing=50 - gap)
    assert reliability_of_value(kpi, value + step).severity <= reliability_of_value(kpi, value).severity
    mirrored = Kpi("k", "m", "K", "", Direction.LOWER_IS_BETTER, target=-100, at_risk=-50, failing=-50 + gap)
    assert reliability_of_value(mirrored, -value) is reliability_of_value(kpi, value)
