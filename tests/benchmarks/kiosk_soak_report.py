"""The kiosk soak's figures and its curve as a PNG, from the lines kiosk_soak_probe.py prints (a finished run,
or one still going: each sample is printed as it is taken).

    python -m tests.benchmarks.kiosk_soak_report RUN.jsonl CURVE.png [LOOP_SECONDS]

LOOP_SECONDS is how long one round of the programme takes when it really loops (the sample room's
default programme: 405 s for 11 steps); with it, growth per transition becomes growth per hour.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

DEFAULT_LOOP = (405, 11)  # seconds and steps of the sample room's default programme


def samples_of(lines: list[str]) -> tuple[list[list[float]], dict]:
    """(done, seconds, rss MB, QObjects, open files, threads) per sample, and the final summary if any."""
    samples, summary = [], {}
    for line in lines:
        line = line.strip()
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        if "progress" in record:
            samples.append(record["progress"])
        elif "samples" in record:
            summary = record
    return samples, summary


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope: growth per unit of x, robust to the saw-tooth of a heap that is reused."""
    n = len(points)
    if n < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0


def figures(samples: list[list[float]], summary: dict, target: int, loop: tuple[int, int] = DEFAULT_LOOP) -> dict:
    first, last = samples[0], samples[-1]
    done, seconds = last[0], last[1]
    per_transition = slope([(s[0], s[2]) for s in samples])
    per_hour_real = per_transition * 3600 * loop[1] / loop[0]
    return {
        "name": f"Kiosk soak: {done:,} of {target:,} transitions, no dwell, 3 walls at 4K, calls included",
        "transitions per second": round(done / seconds, 2) if seconds else 0,
        "resident memory after warm-up -> last (MB)": f"{first[2]:.0f} -> {last[2]:.0f}",
        "growth over the transitions (%, target <= 2)": round(100 * (last[2] - first[2]) / first[2], 2),
        "growth per 1,000 transitions, fitted (MB)": round(per_transition * 1000, 3),
        "same, per hour of real looping (MB, target < 1)": round(per_hour_real, 4),
        "highest resident memory sampled (MB)": round(max(s[2] for s in samples)),
        "live QObjects after warm-up -> last (flat)": f"{first[3]} -> {last[3]} (range {min(s[3] for s in samples)}"
                                                      f"-{max(s[3] for s in samples)})",
        "open files after warm-up -> last (flat)": f"{first[4]} -> {last[4]} (range {min(s[4] for s in samples)}"
                                                   f"-{max(s[4] for s in samples)})",
        "threads after warm-up -> last (flat)": f"{first[5]} -> {last[5]} (range {min(s[5] for s in samples)}"
                                                f"-{max(s[5] for s in samples)})",
        "calls played": summary.get("calls_played", "(run not finished)"),
    }


def draw_curve(samples: list[list[float]], path: Path, title: str) -> None:
    """Resident memory against transitions, with live QObjects, open files and threads beneath."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen, QPolygonF

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(1600, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont("DejaVu Sans", 16))
    painter.drawText(QRectF(40, 10, 1520, 40), Qt.AlignmentFlag.AlignLeft, title)
    done = max(s[0] for s in samples) or 1
    panels = [("resident memory (MB)", 2, QColor("#12A4B4"), QRectF(120, 80, 1420, 480)),
              ("live QObjects", 3, QColor("#B4126A"), QRectF(120, 620, 1420, 70)),
              ("open files", 4, QColor("#5A6B7A"), QRectF(120, 730, 1420, 70)),
              ("threads", 5, QColor("#C08A00"), QRectF(120, 840, 1420, 70))]
    for label, column, colour, box in panels:
        values = [s[column] for s in samples]
        low, high = min(values), max(values)
        if column == 2:
            low, high = 0, round(high * 1.1)  # memory from zero, so growth is seen at its true size
        elif low == high:
            low, high = low - 1, high + 1  # a flat line drawn across the middle
        span = (high - low) or 1
        painter.setPen(QPen(QColor("#C8CED4"), 1))
        painter.drawRect(box)
        painter.setPen(QColor("black"))
        painter.setFont(QFont("DejaVu Sans", 12))
        painter.drawText(QRectF(box.left(), box.top() - 24, 700, 22), Qt.AlignmentFlag.AlignLeft,
                         f"{label}: {values[0]:.0f} -> {values[-1]:.0f} (min {min(values):.0f}, max {max(values):.0f})")
        painter.drawText(QRectF(0, box.top() - 8, 112, 20), Qt.AlignmentFlag.AlignRight, f"{high:.0f}")
        painter.drawText(QRectF(0, box.bottom() - 12, 112, 20), Qt.AlignmentFlag.AlignRight, f"{low:.0f}")
        line = QPolygonF([QPointF(box.left() + box.width() * s[0] / done,
                                  box.bottom() - box.height() * (s[column] - low) / span) for s in samples])
        painter.setPen(QPen(colour, 3))
        painter.drawPolyline(line)
    painter.setPen(QColor("black"))
    painter.drawText(QRectF(120, 935, 1420, 30), Qt.AlignmentFlag.AlignCenter,
                     f"transitions after warm-up (0 to {done:,})")
    painter.end()
    image.save(str(path))


def main(run: str, png: str, loop_seconds: str = "") -> None:
    samples, summary = samples_of(Path(run).read_text().splitlines())
    loop = (int(loop_seconds), DEFAULT_LOOP[1]) if loop_seconds else DEFAULT_LOOP
    result = figures(samples, summary, 200_000, loop)
    draw_curve(samples, Path(png), result["name"])
    for key, value in result.items():
        print(f"  {key:<52}{value}")
    print(f"  {'curve':<52}{png}")


if __name__ == "__main__":
    main(*sys.argv[1:])
