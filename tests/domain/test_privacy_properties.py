"""The privacy mask against generated data: phone numbers, IBANs and card numbers as people in the US, the UK,
France, Germany and India write them, in sentences, never survive; dates, money and the company's own
handles always do."""

import string

from hypothesis import given
from hypothesis import strategies as st

from customer_room_desktop.domain.privacy import mask_verbatim


def digits(n: int, first: str = string.digits) -> st.SearchStrategy[str]:
    return st.builds(lambda head, tail: head + tail, st.sampled_from(first),
                     st.text(string.digits, min_size=n - 1, max_size=n - 1))


SEP = st.sampled_from([" ", ".", "-"])


@st.composite
def us_phone(draw):
    a, b, c = draw(digits(3, "23456789")), draw(digits(3, "23456789")), draw(digits(4))
    sep = draw(SEP)
    return draw(st.sampled_from([f"({a}) {b}-{c}", f"{a}{sep}{b}{sep}{c}", f"+1 {a} {b} {c}", f"+1 ({a}) {b}-{c}",
                                 f"+1{sep}{a}{sep}{b}{sep}{c}", f"1-{a}-{b}-{c}"]))


@st.composite
def uk_phone(draw):
    mobile, london = draw(digits(3)) + " " + draw(digits(6)), draw(digits(4)) + " " + draw(digits(4))
    area, local = "1" + draw(digits(3)), draw(digits(6))
    return draw(st.sampled_from([f"07{mobile}", f"+44 7{mobile}", f"+44 (0)7{mobile}", f"020 {london}",
                                 f"+44 20 {london}", f"+44 (0)20 {london}", f"(0{area}) {local}",
                                 f"0{area} {local[:3]} {local[3:]}", f"0{area}-{local}"]))


@st.composite
def fr_phone(draw):
    first = draw(digits(1, "123456789"))
    pairs = [draw(digits(2)) for _ in range(4)]
    sep = draw(SEP)
    return draw(st.sampled_from([f"0{first}{sep}{sep.join(pairs)}", f"+33 {first} {' '.join(pairs)}",
                                 f"+33 (0){first} {' '.join(pairs)}", f"+33{first}{''.join(pairs)}"]))


@st.composite
def de_phone(draw):
    area = draw(st.integers(2, 4).flatmap(lambda n: digits(n, "23456789")))
    local = draw(st.integers(6, 8).flatmap(digits))
    mobile = "1" + draw(digits(2, "567")) + " " + draw(digits(7))
    sep = draw(st.sampled_from([" ", "/", "-"]))
    return draw(st.sampled_from([f"0{area}{sep}{local}", f"+49 {area} {local}", f"+49 (0){area} {local}",
                                 f"0{mobile}", f"+49 {mobile}"]))


@st.composite
def in_phone(draw):
    a, b = draw(digits(5, "6789")), draw(digits(5))
    city, x, y = draw(digits(2, "123456789")), draw(digits(4)), draw(digits(4))
    return draw(st.sampled_from([f"{a} {b}", f"{a}-{b}", f"+91 {a} {b}", f"+91-{a}-{b}", f"0{a} {b}",
                                 f"0{city} {x} {y}", f"+91 {city} {x} {y}"]))


PHONES = st.one_of(us_phone(), uk_phone(), fr_phone(), de_phone(), in_phone())
SENTENCES = st.sampled_from(["Call me on {} tomorrow.", "My number is {}, ring after six.", "(mobile: {})",
                             "Ring {}!", "{} is my mobile", "Phone {} or write.", "Tried {}. Nobody answered"])


@given(PHONES, SENTENCES)
def test_phone_numbers_are_masked_whole(phone, sentence):
    assert mask_verbatim(sentence.format(phone)) == sentence.format("[phone]")


# Country: (length, BBAN layout: "n" a digit, "a" an upper-case letter, "c" either).
IBAN_LAYOUTS = {"GB": "aaaa" + "n" * 14, "DE": "n" * 18, "FR": "n" * 10 + "c" * 11 + "nn", "ES": "n" * 20,
                "NL": "aaaa" + "n" * 10, "IT": "a" + "n" * 10 + "c" * 12, "BE": "n" * 12, "CH": "n" * 5 + "c" * 12,
                "PL": "n" * 24, "IE": "aaaa" + "n" * 14}
ALPHABETS = {"n": string.digits, "a": string.ascii_uppercase, "c": string.digits + string.ascii_uppercase}


def with_check_digits(country: str, bban: str) -> str:
    number = int("".join(str(int(ch, 36)) for ch in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


@st.composite
def ibans(draw):
    country = draw(st.sampled_from(sorted(IBAN_LAYOUTS)))
    bban = "".join(draw(st.sampled_from(ALPHABETS[kind])) for kind in IBAN_LAYOUTS[country])
    iban = with_check_digits(country, bban)
    spaced = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return draw(st.sampled_from([iban, spaced]))


IBAN_SENTENCES = st.sampled_from(["Refund it to {} please.", "My IBAN is {}.", "IBAN: {}, the bank said",
                                  "Pay {} then tell me", "({})"])


@given(ibans(), IBAN_SENTENCES)
def test_ibans_are_masked_whole(iban, sentence):
    assert mask_verbatim(sentence.format(iban)) == sentence.format("[number]")


def luhn_complete(partial: str) -> str:
    total = 0
    for position, ch in enumerate(reversed(partial)):
        digit = int(ch) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return partial + str(-total % 10)


@st.composite
def cards(draw):
    sep = draw(st.sampled_from([" ", "-", ""]))
    if draw(st.booleans()):
        prefix = draw(st.sampled_from(["4", "51", "55", "6011"]))
        number = luhn_complete(prefix + draw(digits(15 - len(prefix))))
        return sep.join(number[i:i + 4] for i in range(0, 16, 4))
    number = luhn_complete(draw(st.sampled_from(["34", "37"])) + draw(digits(12)))
    return sep.join((number[:4], number[4:10], number[10:]))


@given(cards(), st.sampled_from(["Card {} was charged twice.", "They billed {}, again", "card no. {}"]))
def test_card_numbers_are_masked_whole(card, sentence):
    assert mask_verbatim(sentence.format(card)) == sentence.format("[number]")


@st.composite
def money(draw):
    amount = draw(st.decimals(min_value=0, max_value=9_999_999, places=2))
    whole = int(amount)
    english, european = f"{amount:,.2f}", f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return draw(st.sampled_from([f"${english}", f"£{whole:,}", f"€{english}", f"{european} €", f"{european} EUR",
                                 f"USD {english}", f"£{amount}"]))


@given(st.dates(), money(), st.integers(0, 99_999), PHONES)
def test_dates_money_and_short_numbers_survive_beside_a_masked_phone(day, amount, short, phone):
    text = f"On {day.isoformat()} I paid {amount} for {short} items; call {phone} about it."
    assert mask_verbatim(text) == f"On {day.isoformat()} I paid {amount} for {short} items; call [phone] about it."


HANDLES = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{2,14}", fullmatch=True)


@given(HANDLES, HANDLES, st.sampled_from([str.lower, str.upper, str]), st.booleans(), st.dates())
def test_the_companys_own_handles_survive_and_other_handles_do_not(company, person, case, with_at, day):
    if company.lower() == person.lower():
        person += "x"
    text = f"@{company} never answered @{person} on {day}, so I asked @{company} again"
    setting = ("@" if with_at else "") + case(company)
    assert mask_verbatim(text, own_handles=[setting]) == (
        f"@{company} never answered [handle] on {day}, so I asked @{company} again")


NAMES = st.sampled_from(["Ann Lee", "Maya Okafor", "Siobhán O'Neill", "Jean-Luc Martin", "Priya Ramaswamy"])


@given(NAMES, st.sampled_from([str.lower, str.upper, str.title, str]))
def test_the_customers_name_is_masked_in_any_case(name, case):
    first, last = name.replace("-", " ").split()[0], name.split()[-1]
    text = f"{case(name)} wrote; {case(first)} rang and {case(last)} waited."
    masked = mask_verbatim(text, [name])
    assert masked == "[name] wrote; [name] rang and [name] waited."
