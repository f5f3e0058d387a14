"""How a figure reads on a wall, the console and the minutes: one way everywhere."""

from __future__ import annotations


def format_number(value: float) -> str:
    """Thousands separators; whole numbers from 100 up, else one decimal (two below one) when it says
    something: 271, 47.3, 0.04, 12,500."""
    if abs(value) >= 100:
        return f"{round(value):,}"
    return f"{value:,.{2 if abs(value) < 1 else 1}f}".rstrip("0").rstrip(".")


def value_parts(value: float | None, unit: str) -> tuple[str, str]:
    """('16.4', 'min'): the number drawn big and the unit beside it; ('–', 'no reading') without a value."""
    if value is None:
        return "–", "no reading"
    return format_number(value), unit


def format_value(value: float | None, unit: str) -> str:
    """'15.3%' sticks the percent sign on; '271 s' and '47.3 days' keep a space."""
    if value is None:
        return "no reading"
    number = format_number(value)
    return f"{number}{unit}" if unit in ("%", "") else f"{number} {unit}"
