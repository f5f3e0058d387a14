"""Calendar months as "YYYY-MM" strings: the period every trend in the room is counted in."""

from __future__ import annotations

from datetime import date


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str) -> tuple[int, int]:
    """Split "YYYY-MM" (or a full ISO date) into year and month; ValueError when it is neither."""
    parts = text.strip().split("-")
    if len(parts) < 2 or len(parts[0]) != 4 or not parts[0].isdigit() or not parts[1].isdigit():
        raise ValueError(f"'{text}' is not a month written as YYYY-MM")
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    return year, month


def add_months(month: str, count: int) -> str:
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_from_to(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last``, both included; empty when last is before first."""
    result = []
    current = first[:7]
    while current <= last[:7]:
        result.append(current)
        current = add_months(current, 1)
    return result
