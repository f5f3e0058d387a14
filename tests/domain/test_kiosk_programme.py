from datetime import date, datetime, time

import pytest
from hypothesis import given, strategies as st

from customer_room_desktop.domain.kiosk_pin import PinGate, PinRefused, check_new_pin, hash_pin, pin_matches
from customer_room_desktop.domain.kiosk_programme import (
    KioskStep, ProgrammeError, programme_from_toml, programme_to_toml,
)
from customer_room_desktop.domain.kiosk_schedule import KioskSchedule, schedule_from

PROGRAMME = """
# the sample's loop
[[step]]
seconds = 40
walls = ["journey", "stage:1", "complaints:1"]

[[step]]
seconds = 60
walls = ["call", "stage:5"]
call = "burst-pipe"

[schedule]
monday = "08:00-18:00"
saturday = "10:00-13:00, 14:00-16:00"
sunday = "closed"
closed = ["2026-12-25"]
"""


def test_a_programme_reads_its_steps_and_schedule_and_writes_back_the_same():
    programme = programme_from_toml(PROGRAMME)
    assert programme.steps[0] == KioskStep(40, ("journey", "stage:1", "complaints:1"))
    assert programme.steps[1].call == "burst-pipe" and programme.steps[1].sound is False
    assert programme.loop_seconds == 100 and programme.step_after(1) == 0
    assert programme.steps[1].view_for(3) == "logo"  # walls beyond the list show the logo
    assert programme_from_toml(programme_to_toml(programme, "exported")) == programme


@pytest.mark.parametrize(("text", "sentence"), [
    ("", "has no steps"),
    ("[[step]]\nseconds = 1\nwalls = ['journey']", "whole number from 3 to 3600"),
    ("[[step]]\nseconds = 10\nwalls = []", "needs walls"),
    ("[[step]]\nseconds = 10\nwalls = ['stadium']", "Step 1 of the programme:"),
    ("[[step]]\nseconds = 10\nwalls = ['journey']\ncolour = 'red'", "does not know: colour"),
    ("[[steps]]\nseconds = 10", "does not know: steps"),
    ("[[step]\nseconds = 10", "not valid TOML"),
    ("[[step]]\nseconds = 10\nwalls = ['journey']\n[schedule]\nmonday = '9-5'", "not written like 08:00-18:00"),
    ("[[step]]\nseconds = 10\nwalls = ['journey']\n[schedule]\nmonday = '18:00-08:00'", "close before they open"),
    ("[[step]]\nseconds = 10\nwalls = ['journey']\n[schedule]\nclosed = ['Christmas']", "is not a date"),
])
def test_a_programme_that_cannot_be_used_is_refused_in_one_sentence(text, sentence):
    with pytest.raises(ProgrammeError) as refused:
        programme_from_toml(text)
    message = str(refused.value)
    assert sentence in message and message.endswith(".") and "\n" not in message


def test_the_schedule_opens_and_closes_on_its_hours():
    schedule = programme_from_toml(PROGRAMME).schedule
    monday = date(2026, 11, 30)
    assert not schedule.is_open(datetime.combine(monday, time(7, 59)))
    assert schedule.is_open(datetime.combine(monday, time(8, 0)))
    assert not schedule.is_open(datetime.combine(monday, time(18, 0)))
    assert schedule.is_open(datetime(2026, 12, 1, 3, 0))  # Tuesday is not named: open all day
    assert not schedule.is_open(datetime(2026, 12, 25, 12, 0))  # a closed date
    assert not schedule.is_open(datetime(2026, 12, 6, 12, 0))  # Sunday is closed
    assert schedule.is_open(datetime(2026, 12, 5, 14, 30)) and not schedule.is_open(datetime(2026, 12, 5, 13, 30))


def test_the_next_change_is_the_next_opening_or_closing():
    schedule = programme_from_toml(PROGRAMME).schedule
    assert schedule.next_change(datetime(2026, 11, 30, 7, 0)) == datetime(2026, 11, 30, 8, 0)
    assert schedule.next_change(datetime(2026, 11, 30, 9, 0)) == datetime(2026, 11, 30, 18, 0)
    assert schedule.next_change(datetime(2026, 11, 30, 19, 0)) == datetime(2026, 12, 1, 0, 0)  # Tuesday: all day
    assert schedule.next_change(datetime(2026, 12, 5, 13, 0)) == datetime(2026, 12, 5, 14, 0)
    assert schedule.next_change(datetime(2026, 12, 5, 17, 0)) == datetime(2026, 12, 7, 8, 0)  # Sunday closed
    assert KioskSchedule().next_change(datetime(2026, 1, 1)) is None


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)))
def test_just_before_the_next_change_nothing_has_changed_yet(moment):
    schedule = schedule_from({"monday": "08:00-18:00", "friday": "closed", "saturday": "09:30-12:00, 13:00-24:00"})
    change = schedule.next_change(moment)
    assert change is not None and change > moment
    assert schedule.is_open(change) != schedule.is_open(moment)
    assert schedule.is_open(moment + (change - moment) / 2) == schedule.is_open(moment)


def test_a_pin_is_kept_salted_and_checked():
    stored = hash_pin("4821")
    assert "4821" not in stored.split("$") and stored.startswith("scrypt$")  # the PIN is never kept
    assert pin_matches("4821", stored) and not pin_matches("4822", stored)
    assert hash_pin("4821") != stored  # a new salt each time
    assert not pin_matches("4821", "garbage")
    with pytest.raises(PinRefused):
        check_new_pin("12a4")


def test_five_wrong_pins_lock_entry_for_a_minute():
    gate = PinGate(hash_pin("4821"))
    assert [gate.attempt("0000", now=t) for t in range(5)] == [False] * 5
    assert gate.attempt("4821", now=10) is None and gate.seconds_locked(10) == 54
    assert gate.attempt("4821", now=64.5) is True
