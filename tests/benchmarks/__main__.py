"""Run the benchmarks: `python -m tests.benchmarks [--quick] [--json]` from the project root.

Prints each figure with its target and, where the issue names one, the ratio against a
reference measured in the same run. Nothing here passes or fails on time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from .call_benchmarks import bench_big_recording, bench_calls
from .live_benchmarks import bench_cold_start, bench_stage_switch, bench_switch_soak
from .room_benchmarks import sample_copy, bench_import_complaints, bench_media_import_memory, bench_open_large_room
from .board_benchmarks import bench_kpi_views, bench_listening_path
from .session_benchmarks import bench_capture, bench_minutes_pdf
from .import_benchmarks import bench_skip_bad_rows
from .kiosk_benchmarks import bench_kiosk_recovery, bench_kiosk_soak
from .editor_benchmarks import bench_editor_on_a_large_room, bench_new_user_session
from .long_text_benchmarks import bench_long_decision_minutes, bench_long_verbatim_render
from .phone_benchmarks import bench_phones


ALL = ["import", "open", "media", "switch", "soak", "start", "calls", "bigcall", "capture", "minutes", "kpis",
       "listening", "skiprows", "longtext", "longminutes", "recovery", "kiosksoak",
       "newuser", "editor", "phones"]


def _curve_path(args: argparse.Namespace, work: Path) -> Path:
    """Where the kiosk soak draws its curve: as asked, else here, or (a quick check) in the scratch folder."""
    if args.curve:
        return Path(args.curve).resolve()
    return work / "kiosk-soak.png" if args.quick else Path("kiosk-soak.png").resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the benchmarks still run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--only", choices=ALL, action="append")
    parser.add_argument("--workdir", help="where to put the large files (default: a temporary folder)")
    parser.add_argument("--transitions", type=int, default=200_000,
                        help="kiosk soak: steps of the programme, no dwell (default 200,000: about 9 hours here)")
    parser.add_argument("--curve", help="kiosk soak: where to write its curve as a PNG (default: kiosk-soak.png "
                                        "here; with --quick, the temporary folder)")
    args = parser.parse_args(argv)
    sizes = dict(complaints=20_000, artifacts=50, media_mb=64, switches=20, soak=40, starts=2, plays=60) \
        if args.quick else dict(complaints=1_000_000, artifacts=1_000, media_mb=2048, switches=200, soak=10_000,
                                starts=7, plays=500)
    sizes["captures"] = 30 if args.quick else 300
    sizes["phones"] = 5 if args.quick else 30
    chosen = args.only or [name for name in ALL if args.quick or name != "kiosksoak"]  # hours: only when asked
    results = []
    with tempfile.TemporaryDirectory(dir=args.workdir) as scratch:
        work = Path(scratch)
        if "import" in chosen:
            results.append(bench_import_complaints(work, sizes["complaints"]))
        if "open" in chosen:
            results.append(bench_open_large_room(work, sizes["complaints"], sizes["artifacts"], cold=not args.quick))
        if "media" in chosen:
            results.append(bench_media_import_memory(work, sizes["media_mb"]))
        if "bigcall" in chosen:
            results.append(bench_big_recording(work, sizes["media_mb"]))
        if {"switch", "soak", "start", "calls"} & set(chosen):
            room = sample_copy(work, "live.croom")
            if "calls" in chosen:
                results.append(bench_calls(room, sizes["plays"], *((2, 6) if args.quick else (6, 15))))
            if "switch" in chosen:
                results.append(bench_stage_switch(work, room, sizes["switches"]))
            if "soak" in chosen:
                results.append(bench_switch_soak(work, room, sizes["soak"], warm_up=20 if args.quick else 300))
            if "start" in chosen:
                results.append(bench_cold_start(work, room, sizes["starts"]))
        if "capture" in chosen:
            results.append(bench_capture(work, sample_copy(work, "capture.croom"), sizes["captures"]))
        if "minutes" in chosen:
            results.append(bench_minutes_pdf(work, sample_copy(work, "minutes.croom"), runs=2 if args.quick else 5))
        if "kpis" in chosen:
            results.append(bench_kpi_views(work, sample_copy(work, "kpis.croom"), years=1 if args.quick else 10))
        if "listening" in chosen:
            results.append(bench_listening_path(work, sample_copy(work, "listening.croom"), sizes["complaints"]))
        if "skiprows" in chosen:
            results.append(bench_skip_bad_rows(work, sizes["complaints"]))
        if "longtext" in chosen:
            results.append(bench_long_verbatim_render(work, runs=2 if args.quick else 7))
        if "longminutes" in chosen:
            results.append(bench_long_decision_minutes(work, runs=1 if args.quick else 3))
        if "recovery" in chosen:
            results.append(bench_kiosk_recovery(work, sample_copy(work, "kiosk.croom"), kills=2 if args.quick else 20))
        if "newuser" in chosen:
            results.append(bench_new_user_session(work, runs=1 if args.quick else 5))
        if "editor" in chosen:
            results.append(bench_editor_on_a_large_room(work, sizes["complaints"], sizes["artifacts"]))
        if "phones" in chosen:
            results.append(bench_phones(work, sample_copy(work, "phones.croom"), sizes["phones"]))
        if "kiosksoak" in chosen:
            results.append(bench_kiosk_soak(work, sample_copy(work, "kiosk-soak.croom"),
                                            60 if args.quick else args.transitions, 11 if args.quick else 330,
                                            _curve_path(args, work)))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for result in results:
            print(f"\n{result['name']}")
            for key, value in result.items():
                if key != "name":
                    print(f"  {key:<48}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
