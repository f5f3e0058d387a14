"""Complaint exports as real software writes them: the CFPB export's own header, CRLF line ends, narratives
over several lines with quotes and commas in them, and `unzip -c` banner lines above it all."""

from __future__ import annotations

import csv
import io
from pathlib import Path

CFPB_HEADINGS = ["Date received", "Product", "Sub-product", "Issue", "Sub-issue", "Consumer complaint narrative",
                 "Company public response", "Company", "State", "ZIP code", "Tags", "Consumer consent provided?",
                 "Submitted via", "Date sent to company", "Company response to consumer", "Timely response?",
                 "Consumer disputed?", "Complaint ID"]
UNZIP_BANNER = "Archive:  complaints.zip\n  inflating: complaints.csv  \n"
ISSUES = ("Struggling to pay your loan", "Managing an account", "Incorrect information on your report",
          "Problem with a purchase shown on your statement")


def narrative(number: int) -> str:
    """Every third narrative runs over several lines (CRLF or LF inside), as consumers type them."""
    if number % 3:
        return f"I was charged a fee of ${number}.00 that XXXX said was \"standard\", twice."
    return (f"On XX/XX/2023 I called about complaint {number}.\r\n\r\nThey said \"we will call you back\", "
            f"and nobody did.\nI want the ${number}.00 refunded, with interest.")


def cfpb_row(number: int, *, received: str | None = None, issue: str | None = None,
             public_response: str = "") -> list[str]:
    day = received if received is not None else (f"2023-08-{number % 28 + 1:02d}" if number % 2
                                                 else f"08/{number % 28 + 1:02d}/2023")
    return [day, "Checking or savings account", "Checking account",
            issue if issue is not None else ISSUES[number % len(ISSUES)], "", narrative(number), public_response,
            "Acme Bank, N.A.", "CA", f"9{number % 10000:04d}", "Older American" if number % 5 == 0 else "",
            "Consent provided", "Web", day, "Closed with explanation", "Yes", "N/A", str(3_300_000 + number)]


def cfpb_text(rows: list[list[str]], banner: str = UNZIP_BANNER) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CFPB_HEADINGS)
    writer.writerows(rows)
    return banner + buffer.getvalue()


def write_cfpb(path: Path, rows: list[list[str]], banner: str = UNZIP_BANNER) -> Path:
    path.write_bytes(cfpb_text(rows, banner).encode("utf-8"))
    return path


def start_lines(rows: list[list[str]], banner: str = UNZIP_BANNER) -> list[int]:
    """The physical line each row starts on, counted as an editor counts them."""
    line = banner.count("\n") + 2  # the banner, then the heading row
    starts = []
    for cells in rows:
        starts.append(line)
        line += 1 + sum(cell.count("\n") + cell.count("\r") - cell.count("\r\n") for cell in cells)
    return starts


def read_rejects(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))
