"""Which character separates the cells of a CSV file: a comma, or what other software uses (Excel in much of
Europe writes semicolons, many exports use tabs or bars). Found from the file's first lines, quotes obeyed,
banner lines above the heading allowed for."""

from __future__ import annotations

import csv
import io
from collections import Counter

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}
SAMPLE_LINES = 40


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits most of the sample's rows into the same number (two or more) of cells;
    a comma when none does (a one-column file)."""
    best, best_score = ",", (0, 0)
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may end in the middle of a row
    text = "".join(lines[:SAMPLE_LINES])
    for delimiter in DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter) if len(row) > 1]
        except csv.Error:
            continue
        if not widths:
            continue
        width, rows = Counter(widths).most_common(1)[0]
        score = (rows, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best
