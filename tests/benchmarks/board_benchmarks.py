"""The conversation-1 benchmarks of issue 6: the KPI walls over 10 years of daily readings for 20 KPIs,
and the listening path over a million complaints. Each figure is the data read (in SQL) plus one paint."""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SOURCES = ("Call centre", "E-mail", "Web feedback", "Survey verbatim", "Social media", "Broker", "Ombudsman")


def _app():
    from customer_room_desktop.app.qt_offscreen import ensure_widget_application

    return ensure_widget_application()


def _paint_ms(widget, size=(1920, 1080)) -> float:
    from PySide6.QtGui import QImage

    widget.resize(*size)
    frame = QImage(*size, QImage.Format.Format_RGB16)
    started = time.perf_counter()
    widget.render(frame)
    return (time.perf_counter() - started) * 1000


def _daily_kpis(room_path: Path, years: int, kpis: int) -> int:
    """Give the room ``kpis`` KPIs with a reading every day for ``years`` years; return the reading count."""
    from customer_room_desktop.storage.room_file import RoomFile

    rng = random.Random(6)
    with RoomFile.open(room_path) as room, room.transaction() as db:
        moments = [row[0] for row in db.execute("SELECT id FROM moments ORDER BY id")]
        have = db.execute("SELECT count(*) FROM kpis").fetchone()[0]
        for n in range(have, kpis):
            db.execute("INSERT INTO kpis (key, moment_id, name, unit, direction, target, at_risk, failing) "
                       "VALUES (?, ?, ?, '%', 'higher', 90, 85, 80)", (f"bench-{n}", moments[n % len(moments)],
                                                                       f"Benchmark measure {n}"))
        db.execute("DELETE FROM kpi_readings")
        ids = [row[0] for row in db.execute("SELECT id, target FROM kpis")]
        first = date(2026, 10, 31) - timedelta(days=365 * years)
        days = [(first + timedelta(days=d)).isoformat() for d in range(365 * years + 1)]
        rows = [(kpi, day, 75 + 20 * rng.random()) for kpi in ids for day in days]
        db.conn.executemany("INSERT INTO kpi_readings (kpi_id, period, value) VALUES (?, ?, ?)", rows)
    return len(rows)


def bench_kpi_views(work: Path, room_path: Path, years: int = 10, kpis: int = 20, runs: int = 7) -> dict:
    from customer_room_desktop.app.wall_factory import WallFactory
    from customer_room_desktop.services.board_data import early_warning
    from customer_room_desktop.storage.room_file import RoomFile
    from customer_room_desktop.ui.walls.early_warning_wall import EarlyWarningWall

    _app()
    readings = _daily_kpis(room_path, years, kpis)
    warning_ms, stage_ms = [], []
    with RoomFile.open(room_path, read_only=True) as room:
        factory = WallFactory(room)
        wall = EarlyWarningWall(factory.branding)
        for _ in range(runs):
            started = time.perf_counter()
            wall.show_warnings(early_warning(room))
            warning_ms.append((time.perf_counter() - started) * 1000 + _paint_ms(wall))
            started = time.perf_counter()
            panel = WallFactory(room).build("stage:5", (1920, 1080))  # reads every KPI afresh
            stage_ms.append((time.perf_counter() - started) * 1000 + _paint_ms(panel))
    warning, stage = statistics.median(warning_ms[1:]), statistics.median(stage_ms[1:])
    return {
        "name": f"KPI walls: {kpis} KPIs x {years} years of daily readings ({readings:,} readings), 1920x1080",
        "early-warning wall, read + paint, median (ms, target < 100)": round(warning, 1),
        "stage panel with its KPI tiles, read + paint, median (ms, target < 100)": round(stage, 1),
        "ratio to target (the slower)": round(max(warning, stage) / 100, 2),
    }


def _many_complaints(room_path: Path, count: int) -> None:
    from customer_room_desktop.storage.room_file import RoomFile

    rng = random.Random(7)
    with RoomFile.open(room_path) as room, room.transaction() as db:
        stages = [row[0] for row in db.execute("SELECT id FROM stages")]
        categories = [f"Category {n}" for n in range(40)]
        first = date(2024, 11, 1)
        rows = ((f"{first + timedelta(days=rng.randrange(730))}", rng.choice(SOURCES), rng.choice(categories),
                 rng.choice(stages)) for _ in range(count))
        db.conn.executemany("INSERT INTO complaints (received_on, source, category, stage_id) VALUES (?, ?, ?, ?)",
                            rows)


def bench_listening_path(work: Path, room_path: Path, complaints: int = 1_000_000, runs: int = 5) -> dict:
    from customer_room_desktop.services.board_data import listening_path
    from customer_room_desktop.services.wall_data import WallDataSource
    from customer_room_desktop.storage.room_file import RoomFile
    from customer_room_desktop.ui.walls.listening_path import ListeningPathWall

    _app()
    _many_complaints(room_path, complaints)
    timings, totals = [], []
    with RoomFile.open(room_path, read_only=True) as room:
        wall = ListeningPathWall(WallDataSource(room).branding())
        for _ in range(runs):
            started = time.perf_counter()
            data = listening_path(room, "2024-11", "2026-10")
            wall.show_listening(data)
            timings.append((time.perf_counter() - started) * 1000 + _paint_ms(wall))
            totals.append(data.total)
        total = room.db.execute("SELECT count(*) FROM complaints").fetchone()[0]
    median = statistics.median(timings)
    return {
        "name": f"Listening path over {total:,} complaints, 24 months, 1920x1080",
        "read (SQL) + paint, median (ms, target < 300)": round(median, 1),
        "slowest (ms)": round(max(timings), 1),
        "complaints counted on the wall": totals[0],
        "ratio to target": round(median / 300, 2),
    }
