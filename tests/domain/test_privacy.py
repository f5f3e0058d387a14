import pytest

from customer_room_desktop.domain.privacy import mask_verbatim


@pytest.mark.parametrize("text, names, expected", [
    ("Email me at jo.smith+claims@example.co.uk please", (), "Email me at [e-mail] please"),
    ("Call 07700 900123 or +44 7700 900456.", (), "Call [phone] or [phone]."),
    ("My landline is (01632) 960001", (), "My landline is [phone]"),
    ("Policy HBL-4481-2270 was cancelled", (), "Policy [number] was cancelled"),
    ("Card ending 4111 1111 1111 1111 charged twice", (), "Card ending [number] charged twice"),
    ("Customer ref C0012345 again", (), "Customer ref [number] again"),
    ("Maya Okafor here, Maya again, okafor in lower case", ("Maya Okafor",),
     "[name] here, [name] again, okafor in lower case"),
    ("MAYA OKAFOR wrote", ("Maya Okafor",), "[name] wrote"),
])
def test_personal_data_is_masked(text, names, expected):
    assert mask_verbatim(text, names) == expected


@pytest.mark.parametrize("text", [
    "I waited 45 minutes on 3 March and paid £1,250 for 2 cars in 2026.",
    "Reference 12345 is short enough to keep.",
    "The excess went from £250 to £700 on page 4.",
])
def test_ordinary_numbers_dates_and_money_are_kept(text):
    assert mask_verbatim(text) == text


def test_a_name_inside_another_word_is_kept():
    assert mask_verbatim("Annabel said Ann was rude", ("Ann Lee",)) == "Annabel said [name] was rude"
