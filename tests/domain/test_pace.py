import pytest

from customer_room_desktop.domain.pace import Pace, clock_text, pace_of


@pytest.mark.parametrize("elapsed, planned, pace", [
    (0, 360, Pace.ON_TIME), (287, 360, Pace.ON_TIME), (288, 360, Pace.CLOSE), (360, 360, Pace.CLOSE),
    (361, 360, Pace.OVER), (5, 0, Pace.OVER), (0, 0, Pace.ON_TIME),
])
def test_pace_against_the_planned_time(elapsed, planned, pace):
    assert pace_of(elapsed, planned) is pace


@pytest.mark.parametrize("seconds, text", [(0, "0:00"), (65.9, "1:05"), (3725, "1:02:05"), (-3, "0:00")])
def test_clock_text(seconds, text):
    assert clock_text(seconds) == text
