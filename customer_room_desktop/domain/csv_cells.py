"""Cells for a CSV file someone will open in a spreadsheet: no cell may be read as a formula.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (``=HYPERLINK(…)``,
``+cmd|' /C calc'!A0``, ``-2+3``, ``@SUM(…)``), and some read a leading tab or carriage return past it.
Following OWASP's CSV-injection guidance, such a cell gets a leading apostrophe, which every spreadsheet
shows as text; a number (``-12.5``, ``+44``) is left as it is. Every CSV this app writes passes its cells
through ``guard_cell``; ``unguard_cell`` undoes it for a file this app wrote and reads back (a rejects file).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number, signed or not, with grouping or decimal marks and an exponent: no spreadsheet computes it.
_NUMBER = re.compile(r"[+-]?(?:\d[\d.,]*|[.,]\d+)(?:[eE][+-]?\d+)?")


def _formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and _NUMBER.fullmatch(text) is None


def guard_cell(value: object) -> str:
    """``value`` as CSV text a spreadsheet shows and never runs."""
    text = "" if value is None else str(value)
    return "'" + text if _formula_like(text) else text


def unguard_cell(text: str) -> str:
    """The cell ``guard_cell`` was given: the apostrophe before a formula character taken off.

    A cell typed as ``'=x`` therefore reads back as ``=x``, which is what a spreadsheet means by it.
    """
    return text[1:] if text.startswith("'") and _formula_like(text[1:]) else text


def guard_row(values: Iterable[object]) -> list[str]:
    return [guard_cell(value) for value in values]
