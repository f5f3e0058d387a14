"""The refused rows of an import run with --skip-bad-rows: each with its line and reason, then its cells.

The file is written beside its target and renamed when the import is done, so a refused import never
leaves a rejects file behind. It is UTF-8 with a byte-order mark, so Excel shows accents right, and
this importer reads it back (its two added columns are left out as not recognised).

The cells are the user's own, but the file is meant to be opened in a spreadsheet and fixed there, so
each goes through ``guard_cell`` like every CSV this app writes: a cell that a spreadsheet would run as a
formula gets a leading apostrophe. Reading a rejects file back takes that apostrophe off again
(``unguarded``), so a fixed file imports the cells as they were.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Protocol, TypeVar

from ..domain.csv_cells import guard_row, unguard_cell
from ..storage.errors import ImportRefused

# "reason" alone would be read back as a category or a lost reason when the fixed rows are imported again.
LEADING_HEADINGS = ("line", "refused because")

Extra = TypeVar("Extra")


def is_rejects_file(headings: list[str]) -> bool:
    """Whether a file's heading row is one a rejects file starts with."""
    return tuple(heading.strip().lower() for heading in headings[:2]) == LEADING_HEADINGS


def unguarded(rows: Iterable[tuple[int, list[str], Extra]]) -> Iterator[tuple[int, list[str], Extra]]:
    """The rows of a rejects file read back, each cell as it was before ``guard_cell``."""
    for line, cells, extra in rows:
        yield line, [unguard_cell(cell) for cell in cells], extra


class RefusedRows(Protocol):
    """Where a refused row goes: the rejects file, or a list (a dry run)."""

    def add(self, line: int, reason: str, cells: list[str]) -> None: ...


class RejectsFile:
    def __init__(self, target: Path, source: Path):
        self.target = target.expanduser()
        if not self.target.parent.is_dir():
            raise ImportRefused(f"--skip-bad-rows: the folder {self.target.parent} does not exist.", path=str(source))
        if self.target.exists() and self.target.resolve() == source.resolve():
            raise ImportRefused(f"--skip-bad-rows names {source} itself; give another file for the refused rows.",
                                path=str(source))
        self._partial = self.target.with_name(self.target.name + ".partial")
        self._handle: IO[str] | None = None
        self.count = 0

    def start(self, headings: list[str]) -> None:
        self._handle = self._partial.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._handle)
        self._writer.writerow(guard_row([*LEADING_HEADINGS, *headings]))

    def add(self, line: int, reason: str, cells: list[str]) -> None:
        self._writer.writerow(guard_row([line, reason, *cells]))
        self.count += 1

    def finish(self) -> None:
        """Put the file in place, under its own name."""
        if self._handle is None:
            return
        self._handle.close()
        self._handle = None
        os.replace(self._partial, self.target)

    def discard(self) -> None:
        """The import was refused: leave no rejects file."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._partial.unlink(missing_ok=True)
