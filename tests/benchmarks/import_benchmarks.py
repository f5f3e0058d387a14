"""The import benchmark of issue 16: a CFPB-like export with 1 % bad rows imported with --skip-bad-rows,
against the plain import of the same export with every row good."""

from __future__ import annotations

import csv
import random
import time
from pathlib import Path

from customer_room_desktop.services.csv_import import import_csv
from customer_room_desktop.storage.room_file import RoomFile

from .datasets import CATEGORIES, WORDS
from .room_benchmarks import sample_copy

CFPB_HEADINGS = ["Date received", "Product", "Sub-product", "Issue", "Sub-issue", "Consumer complaint narrative",
                 "Company public response", "Company", "State", "ZIP code", "Tags", "Consumer consent provided?",
                 "Submitted via", "Date sent to company", "Company response to consumer", "Timely response?",
                 "Consumer disputed?", "Complaint ID"]
PRODUCTS = ("Credit reporting", "Debt collection", "Mortgage", "Checking or savings account", "Credit card",
            "Vehicle loan or lease", "Student loan")
VIA = ("Web", "Phone", "Referral", "Postal mail", "Fax", "Email")
STATES = ("CA", "TX", "FL", "NY", "GA", "IL", "PA", "OH", "NC", "MI")
BAD_DATES = ("N/A", "XX/XX/2023", "2023-02-30", "13/45/2023", "pending", "0000-00-00")


def write_cfpb_export(path: Path, rows: int, bad_share: float = 0.0, seed: int = 16) -> int:
    """A CFPB-like export below unzip's banner lines, CRLF line ends, a third of the narratives over
    several lines. With ``bad_share``, that share of rows has a date no reader takes; returns how many."""
    rng = random.Random(seed)
    bad_rng = random.Random(seed + 1)  # its own stream, so the good rows are the same in both files
    bad = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Archive:  complaints.zip\n  inflating: complaints.csv  \n")
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(CFPB_HEADINGS)
        for number in range(rows):
            month = rng.randrange(24)
            received = f"{2022 + month // 12:04d}-{month % 12 + 1:02d}-{rng.randrange(1, 29):02d}"
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 40)))
            kind = rng.randrange(3)
            narrative = "" if kind == 0 else (words if kind == 1 else words.replace(" again ", ".\r\n\r\nAgain "))
            if bad_share and bad_rng.random() < bad_share:
                received = bad_rng.choice(BAD_DATES)
                bad += 1
            writer.writerow([
                received, rng.choice(PRODUCTS), "", rng.choice(CATEGORIES), "", narrative, "",
                "Acme Bank, N.A.", rng.choice(STATES), f"{rng.randrange(10000, 99999)}", "",
                "Consent provided" if narrative else "N/A", rng.choice(VIA), received, "Closed with explanation",
                "Yes", "N/A", str(3_000_000 + number),
            ])
    return bad


def _timed_import(room_path: Path, csv_path: Path, rejects: Path | None) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, rows imported, rows refused). CPU time is what other processes on a shared
    machine disturb least; the wall time includes waiting for the disk."""
    with RoomFile.open(room_path) as room:
        started, cpu = time.perf_counter(), time.process_time()
        result = import_csv(room, "complaints", csv_path, constants={"stage": "claim"}, skip_bad_rows=rejects)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return elapsed, cpu, result.rows, result.refused


def bench_skip_bad_rows(work: Path, rows: int) -> dict:
    """`import complaints --skip-bad-rows` of an export with 1 % bad dates, against the plain import of the
    same export with every date good, each into a fresh copy of the sample room, in this process."""
    clean = work / f"cfpb-clean-{rows}.csv"
    dirty = work / f"cfpb-dirty-{rows}.csv"
    write_cfpb_export(clean, rows)
    bad = write_cfpb_export(dirty, rows, bad_share=0.01)
    plain_s, plain_cpu, plain_rows, _ = _timed_import(sample_copy(work, "plain-import.croom"), clean, None)
    rejects = work / "rejects.csv"
    skip_s, skip_cpu, skip_rows, refused = _timed_import(sample_copy(work, "skip-import.croom"), dirty, rejects)
    assert refused == bad and skip_rows == rows - bad, (refused, bad, skip_rows)
    return {
        "name": f"Import {rows:,} CFPB-like complaints, 1 % bad rows, with --skip-bad-rows",
        "csv_mb": round(dirty.stat().st_size / 1e6, 1),
        "plain import, every row good (s)": round(plain_s, 2),
        "--skip-bad-rows import, 1 % bad (s)": round(skip_s, 2),
        "ratio (skip-bad-rows / plain)": round(skip_s / plain_s, 3),
        "CPU s, plain / skip-bad-rows": f"{plain_cpu:.2f} / {skip_cpu:.2f}",
        "CPU ratio (skip-bad-rows / plain)": round(skip_cpu / plain_cpu, 3),
        "rows imported (plain)": plain_rows,
        "rows imported / refused (skip-bad-rows)": f"{skip_rows:,} / {refused:,}",
        "rejects file (MB)": round(rejects.stat().st_size / 1e6, 2),
    }
