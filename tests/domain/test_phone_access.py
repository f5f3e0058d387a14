"""The phones' protections without a server: the session's link, the PIN and its wait, one controller."""

from __future__ import annotations

import pytest

from customer_room_desktop.domain.ballot_box import BallotBox, BallotRefused, VotePhase, check_uid
from customer_room_desktop.domain.phone_access import (
    PIN_TRIES, PIN_WAIT_SECONDS, TAKEOVER_WAIT_SECONDS, AccessRefused, PhoneAccess,
)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def wrong(pin: str) -> str:
    return f"{(int(pin) + 1) % 1_000_000:06d}"


def test_the_leaders_link_is_128_bits_for_one_session_and_ends_with_it():
    access = PhoneAccess()
    assert access.session_is(7, closed=False)
    token = access.leaders_token
    assert len(token) == 22  # token_urlsafe(16): 16 random bytes
    access.check_token(token)
    assert not access.session_is(7, closed=False) and access.leaders_token == token  # the same session: same link
    with pytest.raises(AccessRefused, match="not the one for this session"):
        access.check_token(token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert access.session_is(7, closed=True)
    with pytest.raises(AccessRefused, match="no session open"):
        access.check_token(token)
    assert access.session_is(8, closed=False) and access.leaders_token not in ("", token)


def test_five_wrong_pins_then_a_minute_for_everyone_then_the_right_pin_pairs():
    clock = Clock()
    access = PhoneAccess(now=clock)
    pin = access.pin
    assert len(pin) == 6 and pin.isdigit()
    for attempt in range(1, PIN_TRIES):
        with pytest.raises(AccessRefused, match=f"{PIN_TRIES - attempt} tr"):
            access.try_pin(wrong(pin), "a")
    with pytest.raises(AccessRefused, match=f"wait {PIN_WAIT_SECONDS} seconds"):
        access.try_pin(wrong(pin), "a")
    with pytest.raises(AccessRefused, match="Too many wrong PINs: wait 60 seconds"):
        access.try_pin(pin, "b")  # even the right PIN, from another phone, waits
    clock.t += PIN_WAIT_SECONDS - 0.5
    with pytest.raises(AccessRefused, match="wait 1 seconds"):
        access.try_pin(pin, "b")
    clock.t += 0.5
    paired = access.try_pin(pin, "b")
    assert not paired.waiting and access.is_controller(paired.key) and len(paired.key) == 22
    assert access.pin != pin  # a PIN pairs once
    with pytest.raises(AccessRefused):
        access.try_pin(pin, "c")


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", None, 123456])
def test_a_malformed_pin_is_a_wrong_pin(typed):
    access = PhoneAccess()
    with pytest.raises(AccessRefused, match="wrong"):
        access.try_pin(typed, "a")


def test_a_second_phone_waits_for_the_laptop_which_hands_over_or_declines():
    clock = Clock()
    access = PhoneAccess(now=clock)
    first = access.try_pin(access.pin, "a").key
    asking = access.try_pin(access.pin, "b")
    assert asking.waiting and access.is_controller(first)
    with pytest.raises(AccessRefused, match="already waiting"):
        access.try_pin(access.pin, "c")
    assert access.answer_takeover(False) == ("b", "")
    assert access.is_controller(first)
    access.try_pin(access.pin, "b")
    client, key = access.answer_takeover(True)
    assert client == "b" and access.is_controller(key) and not access.is_controller(first)
    with pytest.raises(AccessRefused, match="No phone is waiting"):
        access.answer_takeover(True)


def test_an_unanswered_takeover_lapses():
    clock = Clock()
    access = PhoneAccess(now=clock)
    first = access.try_pin(access.pin, "a").key
    access.try_pin(access.pin, "b")
    clock.t += TAKEOVER_WAIT_SECONDS + 1
    assert access.try_pin(access.pin, "c").waiting  # the lapsed request no longer blocks another
    clock.t += TAKEOVER_WAIT_SECONDS + 1
    assert access.answer_takeover(True) == ("c", "")  # a late yes hands nothing over
    assert access.is_controller(first)


def test_a_name_is_held_by_one_phone_and_a_ballot_fits_the_rules():
    box = BallotBox()
    phone_a, phone_b = "a" * 32, "b" * 32
    attendees = ["Ruth Adeyemi", "Hamish Rennie"]
    assert box.claim(" Ruth  Adeyemi ", phone_a, attendees) == "Ruth Adeyemi"
    assert box.claim("Ruth Adeyemi", phone_a, attendees) == "Ruth Adeyemi"
    with pytest.raises(BallotRefused, match="already chosen on another phone"):
        box.claim("Ruth Adeyemi", phone_b, attendees)
    with pytest.raises(BallotRefused, match="already votes as Ruth Adeyemi"):
        box.claim("Hamish Rennie", phone_a, attendees)
    with pytest.raises(BallotRefused, match="not on this session's list"):
        box.claim("Nobody", phone_b, attendees)
    with pytest.raises(BallotRefused, match="no usable id"):
        check_uid("short")
    assert box.check_ballot({"x": 2, "y": 0}, ["x", "y"], 3) == {"x": 2}
    for dots, sentence in (({"x": 4}, "each leader has 3"), ({"z": 1}, "no longer on the ballot"),
                           ({"x": -1}, "whole number"), ({"x": True}, "whole number"), ([1], "lists dots")):
        with pytest.raises(BallotRefused, match=sentence):
            box.check_ballot(dots, ["x", "y"], 3)


def test_the_vote_opens_closes_and_reveals_and_counts_skips_as_answers():
    box = BallotBox()
    with pytest.raises(BallotRefused, match="not open yet"):
        box.need_open()
    with pytest.raises(BallotRefused, match="Open the vote first"):
        box.reveal()
    box.open()
    box.need_open()
    box.voted("Hamish Rennie", skipped=True)
    progress = box.progress(["Ruth Adeyemi", "Hamish Rennie", "Sunita Bhatt"], {"Ruth Adeyemi"})
    assert progress.line == "2 of 3 have voted (1 skipped)" and progress.waiting == ("Sunita Bhatt",)
    box.close()
    with pytest.raises(BallotRefused, match="closed, so your dots were not changed"):
        box.need_open()
    assert not box.totals_shown
    box.reveal()
    assert box.totals_shown and box.phase is VotePhase.REVEALED
    assert box.progress(["Ruth Adeyemi"], {"Ruth Adeyemi"}).line == "All 1 have voted"
