"""The privacy mask for complaint verbatims shown on walls.

Masking is deterministic: the complaint's own customer name and the room's known names are
masked wherever they appear, and e-mail addresses, phone numbers and long digit runs
(account, policy and card numbers) by pattern. Automatic detectors miss names and flag
ordinary numbers; known fields do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME = "[name]"
EMAIL = "[e-mail]"
PHONE = "[phone]"
NUMBER = "[number]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# +44 7700 900123, 07700 900123, (01632) 960 001: a leading + or 0 or (0, then digits with
# spaces, dots, dashes or brackets, 9 or more digits in all.
_PHONE = re.compile(r"(?<![\w-])(?:\+\d{1,3}[\s.-]?\(?0?|\(?0)\d[\d\s().-]{6,}\d(?![\w-])")
# Any token holding six or more digits, letters and separators included: HBL-4481-2270, C0012345,
# card endings like 4111 1111 1111 1111.
_LONG_NUMBER = re.compile(r"(?<![\w])[A-Za-z]*[-/]?(?:\d[\s-]?){5,}\d[A-Za-z]*(?![\w])")


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _mask_phone(match: re.Match[str]) -> str:
    return PHONE if _digit_count(match.group()) >= 9 else match.group()


def mask_names(text: str, names: Iterable[str]) -> str:
    """Mask each full name, then each part of two letters or more, as whole capitalised words."""
    parts: set[str] = set()
    fulls: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        fulls.append(name)
        parts.update(part for part in re.split(r"[\s-]+", name) if len(part.strip(".'")) >= 2)
    for full in sorted(fulls, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(full)}(?!\w)", NAME, text, flags=re.IGNORECASE)
    for part in sorted(parts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", NAME, text)
    return re.sub(rf"{re.escape(NAME)}(?:\s+{re.escape(NAME)})+", NAME, text)


def mask_verbatim(text: str, customer_names: Iterable[str] = ()) -> str:
    """What a wall may show of a complaint's words."""
    masked = _EMAIL.sub(EMAIL, text)
    masked = _PHONE.sub(_mask_phone, masked)
    masked = _LONG_NUMBER.sub(lambda m: NUMBER if _digit_count(m.group()) >= 6 else m.group(), masked)
    return mask_names(masked, customer_names)
