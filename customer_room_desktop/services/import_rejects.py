"""The refused rows of an import run with --skip-bad-rows: each with its line and reason, then its cells.

The file is written beside its target and renamed when the import is done, so a refused import never
leaves a rejects file behind. It is UTF-8 with a byte-order mark, so Excel shows accents right, and
this importer reads it back (its two added columns are left out as not recognised).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import IO

from ..storage.errors import ImportRefused

# "reason" alone would be read back as a category or a lost reason when the fixed rows are imported again.
LEADING_HEADINGS = ("line", "refused because")


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
        self._writer.writerow([*LEADING_HEADINGS, *headings])

    def add(self, line: int, reason: str, cells: list[str]) -> None:
        self._writer.writerow([line, reason, *cells])
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
