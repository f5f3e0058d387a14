from customer_room_desktop.app.room_clock import RoomClock


class FakeTime:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_session_and_stage_clocks_with_pace():
    time = FakeTime()
    clock = RoomClock(360, now=time)
    assert clock.readings()[0] == "not started"
    clock.start_session()
    time.now += 125
    assert clock.readings() == ("2:05", "2:05 / 6:00", "on time")
    time.now += 200
    assert clock.readings()[1:] == ("5:25 / 6:00", "nearly over")
    clock.new_segment()
    time.now += 400
    assert clock.readings() == ("12:05", "6:40 / 6:00", "over")
