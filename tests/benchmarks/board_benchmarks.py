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
    from customer_room_desktop.services.board_data import early_warning
    from customer_room_desktop.services.wall_data import WallDataSource
    from customer_room_desktop.storage.room_file import RoomFile
    from customer_room_desktop.ui.walls.early_warning_wall import EarlyWarningWall
    from customer_room_desktop.ui.walls.stage_panel import StagePanel

    _app()
    readings = _daily_kpis(room_path, years, kpis)
    warning_ms, stage_ms = [], []
    with RoomFile.open(room_path, read_only=True) as room:
        branding = WallDataSource(room).branding()
        wall, panel = EarlyWarningWall(branding), StagePanel(branding)
        for _ in range(runs):
            started = time.perf_counter()
            wall.show_warnings(early_warning(room))
            warning_ms.append((time.perf_counter() - started) * 1000 + _paint_ms(wall))
            # The stage panel's KPI tiles: every KPI read afresh and judged. Artifact thumbnails are left
            # out: the live room decodes them ahead of time on worker threads, whatever the KPIs.
            started = time.perf_counter()
            source = WallDataSource(room)
            panel.show_stage(source.stage_panel(source.stages[4].key), {})
            stage_ms.append((time.perf_counter() - started) * 1000 + _paint_ms(panel))
    warning, stage = statistics.median(warning_ms[1:]), statistics.median(stage_ms[1:])
    return {
        "name": f"KPI walls: {kpis} KPIs x {years} years of daily readings ({readings:,} readings), 1920x1080",
        "early-warning wall, read + paint, median (ms, target < 100)": round(warning, 1),
        "stage panel with its KPI tiles, read + paint, median (ms, target < 100)": round(stage, 1),
        "ratio to target (the slower)": round(max(warning, stage) / 100, 2),
    }


def _many_complaints(room_path: Path, count: int) -> float:
    """Add ``count`` complaints over 24 months and regroup them; return the seconds the regrouping took."""
    from customer_room_desktop.storage.complaint_months import refresh_complaint_months
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
        started = time.perf_counter()
        refresh_complaint_months(db)  # what every import does, in its own transaction
        return time.perf_counter() - started


def bench_listening_path(work: Path, room_path: Path, complaints: int = 1_000_000, runs: int = 5) -> dict:
    from customer_room_desktop.services.board_data import listening_path
    from customer_room_desktop.services.wall_data import WallDataSource
    from customer_room_desktop.storage.room_file import RoomFile
    from customer_room_desktop.ui.walls.listening_path import ListeningPathWall

    _app()
    regroup_seconds = _many_complaints(room_path, complaints)
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
        started = time.perf_counter()  # the reference: grouping the complaints themselves on every draw
        room.db.execute("SELECT stage_id, source, substr(received_on, 1, 7), count(*) FROM complaints "
                        "GROUP BY 1, 2, 3").fetchall()
        room.db.execute("SELECT category, count(*) FROM complaints GROUP BY 1 ORDER BY 2 DESC LIMIT 5").fetchall()
        direct_ms = (time.perf_counter() - started) * 1000
    median = statistics.median(timings)
    return {
        "name": f"Listening path over {total:,} complaints, 24 months, 1920x1080",
        "read (SQL) + paint, median (ms, target < 300)": round(median, 1),
        "slowest (ms)": round(max(timings), 1),
        "complaints counted on the wall": totals[0],
        "ratio to target": round(median / 300, 2),
        "regrouping all complaints by month, once per import (s)": round(regroup_seconds, 2),
        "reference: grouping the complaints on every draw instead, SQL only (ms)": round(direct_ms, 1),
    }
