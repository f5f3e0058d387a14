"""Finding the heading row of an import and deciding which column feeds each field.

Exports seldom start with their headings: unzip leaves "Archive: complaints.zip" and "inflating:
complaints.csv" above them, report tools a title and a blank line. The heading row is the first of
the first 20 lines whose cells name the kind's fields (its usual headings, or those given with --map).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..storage.errors import ImportRefused
from .import_kinds import ImportKind
from .import_sources import Row

HEADING_SEARCH_LINES = 20


def normalise_heading(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def listed(headings: list[str], limit: int = 80) -> str:
    """Headings for a message, cut after about ``limit`` characters."""
    shown: list[str] = []
    used = 0
    for heading in headings:
        text = " ".join(heading.split())[:40]
        if shown and used + len(text) > limit:
            return f"{', '.join(shown)} and {len(headings) - len(shown)} more"
        shown.append(text)
        used += len(text) + 2
    return ", ".join(shown)


def check_overrides(kind: ImportKind, overrides: dict[str, str], path: str) -> None:
    for field_name in overrides.values():
        if field_name not in kind.fields:
            raise ImportRefused(f"{path}: --map names '{field_name}', which is not a {kind.name} field "
                                f"(fields: {', '.join(kind.fields)}).", path=path)


def match_columns(kind: ImportKind, headings: list[str], overrides: dict[str, str],
                  constants: dict[str, str]) -> tuple[dict[str, int], list[str], str | None]:
    """(field -> column chosen, required fields without a column, the --map column the row lacks)."""
    by_heading = {normalise_heading(h): index for index, h in enumerate(headings)}
    chosen: dict[str, int] = {}
    for heading, field_name in overrides.items():
        index = by_heading.get(normalise_heading(heading))
        if index is None:
            return chosen, [], heading
        chosen[field_name] = index
    for field_name, aliases in kind.fields.items():
        if field_name in chosen or field_name in constants:
            continue
        for alias in (field_name.replace("_", " "),) + aliases:
            index = by_heading.get(alias)
            if index is not None and index not in chosen.values():
                chosen[field_name] = index
                break
    return chosen, [f for f in kind.required if f not in chosen and f not in constants], None


def map_columns(kind: ImportKind, headings: list[str], overrides: dict[str, str], constants: dict[str, str],
                path: str, line: int = 1, unit: str = "line") -> dict[str, int]:
    """Decide which column feeds each field; refuse when a required field has none."""
    check_overrides(kind, overrides, path)
    chosen, missing, absent = match_columns(kind, headings, overrides, constants)
    if absent is not None:
        raise ImportRefused(f"{path}: --map names the column '{absent}', which the file does not have "
                            f"(headings found on {unit} {line}: {listed(headings)}).", path=path, line=line)
    if missing:
        raise ImportRefused(
            f"{path}: no column for {', '.join(missing)} (headings found on {unit} {line}: {listed(headings)}); "
            f"name one with --map COLUMN={missing[0]}.", path=path, line=line)
    return chosen


def find_heading(rows: Iterator[Row], kind: ImportKind, overrides: dict[str, str], constants: dict[str, str],
                 path: str, unit: str = "line", at_line: int | None = None) -> tuple[int, list[str], Iterator[Row]]:
    """(the heading row's line, its cells, the rows after it). Lines above the heading row are skipped.

    The first row that gives every required field a column wins; failing that, the row naming the most
    fields, so the refusal that follows shows the headings the user meant. ``at_line``: the user chose it.
    """
    if at_line is not None:
        for row in rows:
            if row[0] >= at_line:
                return row[0], row[1], rows
        raise ImportRefused(f"{path} has no {unit} {at_line} to read the headings from.", path=path, line=at_line)
    seen: list[Row] = []
    for row in rows:
        seen.append(row)
        if row[0] > HEADING_SEARCH_LINES:
            break
    candidates = [row for row in seen if row[0] <= HEADING_SEARCH_LINES and row[2] is None and any(row[1])
                  and not _excel_separator_line(row[1])]
    if not candidates:
        if any(any(cells) for _, cells, _ in seen):
            raise ImportRefused(f"{path}: the first {HEADING_SEARCH_LINES} {unit}s are blank; the heading row must be "
                                f"among them.", path=path, line=1)
        raise ImportRefused(f"{path} is empty: it has no heading row.", path=path, line=1)
    # when no row names a field (headings in another language), the first of the widest rows: not a banner
    widest = max(sum(1 for cell in row[1] if cell.strip()) for row in candidates)
    best = next(row for row in candidates if sum(1 for cell in row[1] if cell.strip()) == widest)
    best_count = 0
    for candidate in candidates:
        chosen, missing, absent = match_columns(kind, candidate[1], overrides, constants)
        if chosen and not missing and absent is None:
            best = candidate
            break
        if len(chosen) > best_count:
            best, best_count = candidate, len(chosen)
    after = seen[seen.index(best) + 1:]
    return best[0], best[1], itertools.chain(after, rows)


def _excel_separator_line(cells: list[str]) -> bool:
    """Excel's "sep=;" line, which tells Excel the delimiter and is no heading."""
    return cells[0].strip().lower().startswith("sep=") and not any(cell.strip() for cell in cells[1:])
