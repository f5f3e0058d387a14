from customer_room_desktop.app.room_clock import RoomClock


class FakeTime:
    def __init__(self, now: float):
        self.now = now

    def __call__(self):
        return self.now


def test_session_clock_reads_the_saved_start_and_the_stage_clock_its_own():
    monotonic, wall = FakeTime(1000.0), FakeTime(1_800_000_000.0)
    clock = RoomClock(360, now=monotonic, wall_now=wall)
    assert clock.readings()[0] == "not started"
    clock.session_started_at = "2027-01-15T09:00:00+00:00"
    wall.now = 1_800_000_000.0
    start = 1_800_000_000.0 - (clock.session_seconds() or 0)
    wall.now = start + 125
    monotonic.now += 125
    assert clock.readings() == ("2:05", "2:05 / 6:00", "on time")
    wall.now += 200
    monotonic.now += 200
    assert clock.readings()[1:] == ("5:25 / 6:00", "nearly over")
    clock.new_segment()
    wall.now += 400
    monotonic.now += 400
    assert clock.readings() == ("12:05", "6:40 / 6:00", "over")


def test_a_damaged_start_time_reads_as_not_started():
    clock = RoomClock(360)
    clock.session_started_at = "yesterday-ish"
    assert clock.readings()[0] == "not started"
