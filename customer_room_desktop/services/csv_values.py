"""Turning spreadsheet cells into dates, numbers and whole numbers, with one-sentence errors."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ..domain.text_encoding import detect_encoding_blocks

# Tried in order when no --date-format is given. Slashed dates are read the US way
# (month first), as the CFPB export and most US systems write them; pass
# --date-format %d/%m/%Y for day-first files.
DATE_FORMATS = (
    "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y/%m/%d", "%d.%m.%Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%Y%m%d",
)
_NUMBER_JUNK = re.compile(r"[£$€¥\s,_']")


class CellError(ValueError):
    """A cell that cannot be read; the message says what was expected."""


def shown(text: str, limit: int = 40) -> str:
    """A cell quoted in a message: stripped, on one line, and cut short so no message shows a page of it."""
    one_line = " ".join(text.split())
    if len(one_line) > limit:
        one_line = one_line[:limit - 1].rstrip() + "…"
    return f"'{one_line}'"


def detect_encoding(path: Path, sample_bytes: int = 1 << 20) -> str:
    """The codec for the whole file, by the rule transcripts share (domain.text_encoding): a byte-order mark,
    else 'utf-8-sig' when it decodes as UTF-8, else 'windows-1252' (or 'latin-1', which decodes anything)."""
    with path.open("rb") as handle:
        return detect_encoding_blocks(iter(lambda: handle.read(sample_bytes), b""))


class DateReader:
    """Parses dates, remembering each distinct text so a million rows cost a few hundred parses.

    Texts that are not dates are remembered too: an export with a thousand rows of 'N/A' is read
    with one failed parse, not a thousand (--skip-bad-rows must stay close to the plain import)."""

    def __init__(self, date_format: str | None = None):
        self._formats = (date_format,) if date_format else DATE_FORMATS
        self._seen: dict[str, date] = {}
        self._refused: dict[str, str] = {}

    def __call__(self, text: str) -> date:
        found = self._seen.get(text)
        if found is not None:
            return found
        refused = self._refused.get(text)
        if refused is not None:
            raise CellError(refused)
        cleaned = text.strip()
        if not cleaned:
            raise CellError("the date is empty")
        parsed = None
        if len(cleaned) >= 10 and cleaned[4] == "-" and cleaned[7] == "-":
            try:
                parsed = date.fromisoformat(cleaned[:10])
            except ValueError:
                parsed = None
        if parsed is None:
            for pattern in self._formats:
                try:
                    parsed = datetime.strptime(cleaned, pattern).date()
                    break
                except ValueError:
                    continue
        if parsed is None:
            reason = f"{shown(cleaned)} is not a date this import understands (use YYYY-MM-DD or --date-format)"
            if len(self._refused) < 100_000:
                self._refused[text] = reason
            raise CellError(reason)
        self._seen[text] = parsed
        return parsed


def read_number(text: str, what: str = "value") -> float | None:
    """'£1,234.50' -> 1234.5; '' -> None; anything else raises CellError."""
    cleaned = _NUMBER_JUNK.sub("", text)
    if not cleaned:
        return None
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    try:
        number = float(cleaned)
    except ValueError:
        raise CellError(f"the {what} {shown(text)} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError(f"the {what} {shown(text)} is not a number")
    return number


def read_count(text: str, what: str) -> int:
    """A whole, non-negative number of customers, complaints or dots."""
    number = read_number(text, what)
    if number is None:
        raise CellError(f"the {what} is empty")
    if number != int(number):
        raise CellError(f"the {what} {shown(text)} is not a whole number")
    if number < 0:
        raise CellError(f"the {what} {shown(text)} is negative")
    return int(number)


def read_period(text: str, dates: DateReader) -> str:
    """A KPI reading's period: '2026-03' stays a month; a date ('2026-03-14', '14/03/2026') stays a day,
    so daily readings are kept one by one (the room reads them by the month)."""
    cleaned = text.strip()
    if not cleaned:
        raise CellError("the period is empty")
    if re.fullmatch(r"\d{4}-\d{2}", cleaned):
        return read_month(cleaned, dates)
    return dates(cleaned).isoformat()


def read_month(text: str, dates: DateReader) -> str:
    """'2026-03', '2026-03-01' or any date format DateReader knows -> '2026-03'."""
    cleaned = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}", cleaned):
        if not 1 <= int(cleaned[5:]) <= 12:
            raise CellError(f"{shown(cleaned)} has no such month")
        return cleaned
    day = dates(cleaned)
    return f"{day.year:04d}-{day.month:02d}"
