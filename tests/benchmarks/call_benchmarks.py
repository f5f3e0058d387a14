"""The call benchmarks of issue 4: play start, caption lag, memory over many plays."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bench_calls(room: Path, plays: int, caption_calls: int = 6, caption_seconds: int = 15) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUSTOMER_ROOM_VLC_ARGS="--aout=dummy --vout=dummy")
    result = subprocess.run([sys.executable, "-m", "tests.benchmarks.call_probe", str(room), str(plays),
                             str(caption_calls), str(caption_seconds)], env=env,
                            cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    start, lag, drift = figures["start_ms"], figures["caption_lag_ms"], figures["shown_minus_libvlc_at_its_reports_ms"]
    growth = (figures["rss_after_all_mb"] - figures["rss_after_50_mb"]) / figures["rss_after_50_mb"] * 100
    return {
        "name": f"Calls through libVLC (dummy output), {plays} plays",
        "play command to playing, p50 / p95 (ms, target <= 150)": f"{start['p50']:.1f} / {start['p95']:.1f}",
        "caption lag behind the line's start, p50 / p95 / max (ms, target <= 100)":
            f"{lag['p50']} / {lag['p95']} / {lag['max']} over {lag['n']} lines",
        "position shown minus libVLC's clock when it reports, median / max (ms)":
            f"{drift['median']} / {drift['max_abs']}",
        "resident memory after 50 plays / after all (MB)":
            f"{figures['rss_after_50_mb']:.1f} / {figures['rss_after_all_mb']:.1f}",
        "growth after warm-up (%, target <= 5)": round(growth, 2),
    }


def bench_big_recording(work: Path, megabytes: int) -> dict:
    """A recording of ``megabytes`` streamed from the room file: never read into memory."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUSTOMER_ROOM_VLC_ARGS="--aout=dummy --vout=dummy")
    result = subprocess.run([sys.executable, "-m", "tests.benchmarks.big_call_probe", str(work), str(megabytes)],
                            env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        "name": f"Play a {figures['megabytes']:,.0f} MiB recording ({figures['seconds'] / 3600:.1f} h) "
                "from the room file",
        "resident memory before import / after import / while playing (MB)":
            f"{figures['rss_before_import_mb']:.0f} / {figures['rss_after_import_mb']:.0f} / "
            f"{figures['rss_while_playing_mb']:.0f}",
        "peak resident memory (MB)": round(figures["peak_rss_mb"]),
        "positions 1.5 s after seeking to 25/50/75/98 % (s)":
            ", ".join(f"{p:.0f}" for p in figures["positions_after_seeks_s"]),
    }
