"""The numbers the privacy mask hides and the ones it keeps, by pattern.

Hidden: phone numbers as people write them in the US, the UK, France, Germany and India (spaces, dots,
dashes, slashes, brackets, a +country code or a trunk 0), IBANs compact or in groups of four, and any
token holding six or more digits (account, policy and card numbers, ``KMM24999563V99860L0KM``).
Kept: dates (``2024-11-02``, ``02/11/2024``, ``02.11.2024``) and money (``$6,391.97``, ``£1,200``,
``1.200,50 €``), set aside before the hiding patterns run so none of them can reach into one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PHONE = "[phone]"
NUMBER = "[number]"

_DATE = (r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d(?::\d\d)?)?"
         r"|\d{4}/(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01])"
         r"|(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d\d)"
         r"|(?:0?[1-9]|1[0-2])([/.-])(?:0?[1-9]|[12]\d|3[01])\2(?:\d{4}|\d\d)")
# Repeats are bounded (a thousand billion at most), so no long run of digit groups takes quadratic time.
_AMOUNT = r"\d+(?:[,.\u00a0\u202f]\d{3}){0,5}(?:[.,]\d{1,2})?"
_CURRENCY = r"\s?[£$€¥₹]|\s(?:USD|GBP|EUR|INR|CHF)\b"
_MONEY = (rf"(?:[£$€¥₹]|\b(?:USD|GBP|EUR|INR|CHF|Rs\.?)\s?)\s?{_AMOUNT}(?:\s?(?:[mkb]n?|million|billion)\b)?"
          rf"|\d{{1,15}}(?:[,.\u00a0\u202f ]\d{{3}}){{0,5}}(?:[.,]\d{{1,2}})?(?:{_CURRENCY})")
# Dates and money, each as a whole: not inside a longer run of digits.
_KEEP = re.compile(rf"(?<![\w.,/-])(?:{_DATE})(?![\w]|[/.-]\d)|(?<![\w.,])(?:{_MONEY})(?![\d])")

# A candidate phone: an optional +country code, an optional bracketed area code, then groups of digits joined
# by one space, dot, dash or slash. Candidates are checked by _is_phone, longest first.
_PHONE = re.compile(r"(?<![\w+.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,8}(?:[ .\-/]\d{1,8}){0,7}(?![\w])")
_PHONE_SHAPES = re.compile(r"1?[ .-]?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]\d{4}"  # US: 555.123.4567, 1-555-123-4567
                           r"|[6-9]\d{4}[ -]?\d{5}")  # India: 98765 43210
_GROUP_END = re.compile(r"(?=[ .\-/]\d)")

# IBAN lengths by country (the SWIFT registry); a two-letter code not here needs a valid checksum.
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "BY": 28,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d\d(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)(?![\w])",
                   re.IGNORECASE)

# A token of letters and digits, joined by dashes or slashes (HBL-4481-2270, C0012345, KMM24999563V99860L0KM);
# and groups of digits joined by single spaces or dashes (4111 1111 1111 1111).
_YEAR = re.compile(r"(?:19|20)\d\d")
_TOKEN = re.compile(r"(?<![\w/-])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*(?![\w])")
_DIGIT_GROUPS = re.compile(r"(?<![\w/-])\d+(?:[ -]\d+)+(?![\w]|[/-]\w)")

# Kept text is set aside as a marker: private-use characters that no pattern matches, numbered.
_MARK_ZERO = 0xE010


def digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _iban_valid(compact: str) -> bool:
    moved = (compact[4:] + compact[:4]).upper()
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _iban_end(candidate: str) -> int:
    """How much of ``candidate`` is an IBAN (0 when none is): its country's length, else a valid checksum."""
    ends = [m.start() for m in re.finditer(" ", candidate)] + [len(candidate)]
    length = _IBAN_LENGTHS.get(candidate[:2].upper())
    for end in reversed(ends):
        compact = candidate[:end].replace(" ", "")
        if (len(compact) == length if length else 15 <= len(compact) <= 34 and _iban_valid(compact)):
            return end
    return 0


def _is_phone(text: str) -> bool:
    digits = digit_count(text)
    if text.startswith("+"):
        return 8 <= digits <= 15
    if not 9 <= digits <= 13:
        return False
    if text.startswith("0"):  # a trunk 0 starts an area code (020, 0171, 07700), not a decimal (0.5)
        return text[1:2].isdigit()
    return text.startswith("(") or _PHONE_SHAPES.fullmatch(text) is not None


def _scan(pattern: re.Pattern[str], text: str, length: Callable[[str], int], placeholder: str) -> str:
    """Replace the first ``length(match)`` characters of each match with ``placeholder``; a match of length 0
    is left whole."""
    out, position = [], 0
    while (match := pattern.search(text, position)) is not None:
        taken = length(match.group())
        if taken:
            out += [text[position:match.start()], placeholder]
            position = match.start() + taken
        else:  # none of it: nor is any part of it (a card's digit groups are not a phone after its first)
            out.append(text[position:match.end()])
            position = match.end()
    out.append(text[position:])
    return "".join(out)


def _phone_length(candidate: str) -> int:
    ends = [m.start() for m in _GROUP_END.finditer(candidate)] + [len(candidate)]
    return next((end for end in reversed(ends) if _is_phone(candidate[:end])), 0)


def _mask_groups(match: re.Match[str]) -> str:
    groups = re.split("[ -]", match.group())
    if digit_count(match.group()) < 6 or all(_YEAR.fullmatch(group) for group in groups):  # "in 2019 2020"
        return match.group()
    return NUMBER


class SetAside:
    """Text the masks must not touch, replaced by numbered markers that no pattern matches, then put back.

    Each user passes its own ``mark`` (a private-use character), so one set-aside can hold another's markers.
    """

    def __init__(self, mark: str) -> None:
        self.kept: list[str] = []
        self._mark = mark
        self._pattern = re.compile(f"{mark}([\ue010-\ue019]+){mark}")

    def keep(self, match: re.Match[str]) -> str:
        self.kept.append(match.group())
        index = "".join(chr(_MARK_ZERO + int(d)) for d in str(len(self.kept) - 1))
        return f"{self._mark}{index}{self._mark}"

    def restore(self, text: str) -> str:
        if not self.kept:
            return text
        return self._pattern.sub(lambda m: self.kept[int("".join(str(ord(ch) - _MARK_ZERO) for ch in m.group(1)))],
                                 text)


def mask_numbers(text: str) -> str:
    """``text`` with phone numbers, IBANs and long numbers masked, dates and money kept."""
    aside = SetAside("\ue000")
    masked = _KEEP.sub(aside.keep, text)
    masked = _scan(_IBAN, masked, _iban_end, NUMBER)
    masked = _scan(_PHONE, masked, _phone_length, PHONE)
    masked = _DIGIT_GROUPS.sub(_mask_groups, masked)
    masked = _TOKEN.sub(lambda m: NUMBER if digit_count(m.group()) >= 6 else m.group(), masked)
    return aside.restore(masked)
