"""Large, deterministic inputs for the benchmarks: complaint CSVs, artifact images, a big media file."""

from __future__ import annotations

import csv
import io
import os
import random
from pathlib import Path

SOURCES = ("Call centre", "E-mail", "Web feedback", "Social media", "Broker", "Survey verbatim", "Ombudsman")
CATEGORIES = ("Slow settlement", "Claim form too complicated", "Renewal price rise", "Long wait on the phone",
              "Documents not received", "Wrong amount taken", "Changes not made", "Hard to cancel")
WORDS = ("claim", "waited", "weeks", "nobody", "called", "back", "price", "renewal", "letter", "form", "again",
         "transferred", "policy", "excess", "assessor", "kitchen", "car", "paid", "twice", "promised")


def write_complaints_csv(path: Path, rows: int, stages: list[str], seed: int = 7) -> Path:
    """A CSV in the room's own complaint columns, spread over 24 months and every stage."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["received_on", "source", "category", "stage", "moment", "verbatim", "customer_ref",
                         "customer_name", "value"])
        for number in range(rows):
            month = rng.randrange(24)
            year, mon = 2024 + (10 + month) // 12, (10 + month) % 12 + 1
            writer.writerow([
                f"{year:04d}-{mon:02d}-{rng.randrange(1, 29):02d}", rng.choice(SOURCES), rng.choice(CATEGORIES),
                rng.choice(stages), "", " ".join(rng.choice(WORDS) for _ in range(rng.randrange(6, 18))),
                f"C{number:07d}", f"Customer {number % 5000}", rng.randrange(180, 2400),
            ])
    return path


def write_images(folder: Path, count: int) -> list[Path]:
    """``count`` small, distinct PNG artifacts."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        image = Image.new("RGB", (120, 160), (240, 240, 235))
        ImageDraw.Draw(image).text((10, 10), f"Letter {number}", fill=(20, 20, 20))
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        path = folder / f"artifact-{number:04d}.png"
        path.write_bytes(buffer.getvalue())
        paths.append(path)
    return paths


def write_big_file(path: Path, megabytes: int) -> Path:
    """A file of ``megabytes`` MiB whose 16 MiB blocks each differ (no block is all zeros)."""
    block = bytearray(os.urandom(16 << 20))
    with path.open("wb") as handle:
        written = 0
        counter = 0
        while written < megabytes << 20:
            block[:8] = counter.to_bytes(8, "little")
            piece = block[: min(len(block), (megabytes << 20) - written)]
            handle.write(piece)
            written += len(piece)
            counter += 1
    return path
