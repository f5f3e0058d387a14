from hypothesis import given, strategies as st

from customer_room_desktop.domain.customer_asset import AssetPeriod, LostReason, chain_problems, top_lost_reasons


def period(label="Q1 2026", start=1000, gained=100, lost=80, end=None, **extra):
    end = start + gained - lost if end is None else end
    values = dict(label=label, period_kind="quarter", period_start="2026-01-01", customers_start=start,
                  gained_count=gained, gained_value=9000.0, lost_count=lost, lost_value=7000.0,
                  increased_count=10, declined_count=5, customers_end=end)
    values.update(extra)
    return AssetPeriod(**values)


def test_consistent_period_has_no_problems():
    assert period().problems() == []
    assert period().expected_end == 1020
    assert period().net_change == 20


def test_an_end_that_does_not_add_up_is_reported_with_the_difference_not_fixed():
    bad = period(end=1030)
    assert bad.customers_end == 1030
    assert bad.problems() == ["Q1 2026: customers at end is 1,030 but start + gained - lost is 1,020 (+10 unexplained)"]


def test_counts_must_be_whole_and_not_negative():
    assert "not a whole number" in period(gained=10.5, end=0).problems()[0]
    assert "negative" in period(lost=-3, end=0).problems()[0]


def test_more_reasons_than_losses_is_reported():
    bad = period(lost_reasons=(LostReason("Price", 60), LostReason("Claims", 30)))
    assert any("more than the 80 lost" in p for p in bad.problems())


def test_periods_must_hand_over_from_one_to_the_next():
    first = period("Q1 2026", start=1000)
    second = period("Q2 2026", start=1025, period_start="2026-04-01")
    assert chain_problems([second, first]) == ["Q2 2026: starts with 1,025 customers but Q1 2026 ended with 1,020"]


def test_top_reasons_most_first():
    p = period(lost_reasons=(LostReason("a", 5), LostReason("b", 40), LostReason("c", 20)))
    assert [r.reason for r in top_lost_reasons(p, 2)] == ["b", "c"]


@given(st.integers(0, 10**7), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(-50, 50))
def test_end_is_consistent_exactly_when_it_equals_start_plus_gained_minus_lost(start, gained, lost, error):
    end = start + gained - lost + error
    problems = period(start=start, gained=gained, lost=lost, end=end).problems()
    if end < 0:
        assert problems and "negative" in problems[0]
    elif error == 0:
        assert problems == []
    else:
        assert len(problems) == 1 and f"{error:+,} unexplained" in problems[0]
