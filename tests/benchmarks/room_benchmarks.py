"""The room-file benchmarks of issue 2: CSV import speed, opening a large room, media memory."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from customer_room_desktop.app.paths import sample_room_source
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage.media_store import add_media_file
from customer_room_desktop.storage.room_file import RoomFile

from .datasets import write_big_file, write_complaints_csv, write_images

BIN = Path(sys.executable).parent
STAGES = ["find", "buy", "start", "change", "claim", "help", "renew"]


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def sample_copy(work: Path, name: str) -> Path:
    built = work / "sample.croom"
    if not built.exists():
        build_room(sample_room_source(), built)
    target = work / name
    shutil.copyfile(built, target)
    return target


def _complaints_csv(work: Path, rows: int) -> Path:
    path = work / f"complaints-{rows}.csv"
    return path if path.exists() else write_complaints_csv(path, rows, STAGES)


def bench_import_complaints(work: Path, rows: int) -> dict:
    """`customer-room import complaints` against a raw `sqlite-utils insert --csv` of the same file."""
    csv_path = _complaints_csv(work, rows)
    raw_db = work / "raw.db"
    raw = _timed([str(BIN / "sqlite-utils"), "insert", str(raw_db), "complaints", str(csv_path), "--csv"])
    room = sample_copy(work, "import.croom")
    ours = _timed([str(BIN / "customer-room"), "import", "complaints", str(room), str(csv_path)])
    return {
        "name": f"Import {rows:,} complaints from CSV",
        "csv_mb": round(csv_path.stat().st_size / 1e6, 1),
        "raw sqlite-utils insert --csv (s)": round(raw, 2),
        "customer-room import (s)": round(ours, 2),
        "ratio (target <= 1.5)": round(ours / raw, 2),
        "rows per second": int(rows / ours),
    }


_OPEN_PROBE = """
import json, sys, time
t0 = time.perf_counter()
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.journey_queries import list_stages
t1 = time.perf_counter()
room = RoomFile.open(sys.argv[1])
stages = list_stages(room.db)
t2 = time.perf_counter()
room.close()
print(json.dumps({"import_s": t1 - t0, "open_and_list_s": t2 - t1, "stages": len(stages)}))
"""


def bench_open_large_room(work: Path, complaints: int, artifacts: int, cold: bool = True) -> dict:
    """Open a room with many complaints and artifacts and list its stages, in a fresh process each time."""
    room_path = sample_copy(work, "large.croom")
    subprocess.run([str(BIN / "customer-room"), "import", "complaints", str(room_path),
                    str(_complaints_csv(work, complaints))], check=True, capture_output=True)
    images = write_images(work / "images", artifacts)
    with RoomFile.open(room_path) as room, room.transaction() as db:
        stage_id = db.execute("SELECT id FROM stages ORDER BY position LIMIT 1").fetchone()[0]
        for number, image in enumerate(images):
            sha = add_media_file(db, image).sha256
            db.execute("INSERT INTO artifacts (key, title, kind, stage_id, media_sha256) VALUES (?, ?, 'letter', ?, ?)",
                       (f"bench-{number}", f"Letter {number}", stage_id, sha))
    with RoomFile.open(room_path, read_only=True) as room:
        totals = room.db.execute(
            "SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM artifacts)").fetchone()
    runs = []
    for _ in range(10):
        result = subprocess.run([sys.executable, "-c", _OPEN_PROBE, str(room_path)], check=True,
                                capture_output=True, text=True)
        runs.append(json.loads(result.stdout))
    open_ms = [run["open_and_list_s"] * 1000 for run in runs]
    cold_ms = _cold_open_ms(room_path) if cold else None
    return {
        "name": f"Open a room with {totals[0]:,} complaints and {totals[1]:,} artifacts, list its stages",
        "room_mb": round(room_path.stat().st_size / 1e6, 1),
        "open + list stages, median of 10 (ms)": round(statistics.median(open_ms), 1),
        "worst of 10 (ms)": round(max(open_ms), 1),
        "target (ms)": 300,
        "ratio to target": round(statistics.median(open_ms) / 300, 2),
        "cold page cache, first open (ms)":
            cold_ms if cold_ms is not None else "not measured (needs root; skipped with --quick)",
        "stages listed": runs[0]["stages"],
    }


def _cold_open_ms(room_path: Path) -> float | None:
    """Open once after asking the kernel to drop its page cache, like the first open after a reboot."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return None
    result = subprocess.run([sys.executable, "-c", _OPEN_PROBE, str(room_path)], check=True,
                            capture_output=True, text=True)
    return round(json.loads(result.stdout)["open_and_list_s"] * 1000, 1)


_MEDIA_PROBE = """
import hashlib, json, resource, sys
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.media_store import add_media_file, open_media
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
room = RoomFile.create(sys.argv[2], "Media benchmark")
info = add_media_file(room.writer, sys.argv[1])
after_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
digest = hashlib.sha256()
stream = open_media(room.db, info.sha256)
while block := stream.read(1 << 20):
    digest.update(block)
after_read = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
room.close()
print(json.dumps({"base_kb": base, "import_kb": after_import, "read_kb": after_read,
                  "same_bytes": digest.hexdigest() == info.sha256, "size": info.size}))
"""


def bench_media_import_memory(work: Path, megabytes: int) -> dict:
    """Peak resident memory while importing, then streaming back, one large media file."""
    source = write_big_file(work / "interview.mp4", megabytes)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _MEDIA_PROBE, str(source), str(work / "media.croom")],
                            check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    figures = json.loads(result.stdout)
    source.unlink()
    return {
        "name": f"Import and stream back a {megabytes:,} MiB media file",
        "peak RSS after import (MB)": round(figures["import_kb"] / 1024, 1),
        "peak RSS after streaming it back (MB)": round(figures["read_kb"] / 1024, 1),
        "RSS before import (MB)": round(figures["base_kb"] / 1024, 1),
        "target peak (MB)": 200,
        "ratio to target": round(figures["read_kb"] / 1024 / 200, 2),
        "bytes read back match SHA-256": figures["same_bytes"],
        "import + read time (s)": round(elapsed, 1),
    }
