"""Read KPIs with their readings, and complaint counts aggregated in SQL."""

from __future__ import annotations

import json

import sqlite_utils

from ..domain.evidence import Direction, Kpi, KpiReading


def list_kpis(db: sqlite_utils.Database) -> list[tuple[Kpi, str, list[KpiReading]]]:
    """Every KPI with its stage key and its readings in period order."""
    readings: dict[int, list[KpiReading]] = {}
    for kpi_id, period, value in db.execute("SELECT kpi_id, period, value FROM kpi_readings ORDER BY kpi_id, period"):
        readings.setdefault(kpi_id, []).append(KpiReading(period, value))
    result = []
    for row in db.execute(
        "SELECT k.id, k.key, m.key, k.name, k.unit, k.direction, k.target, k.at_risk, k.failing, si.key, k.predicts, "
        "s.key FROM kpis k JOIN moments m ON m.id = k.moment_id JOIN stages s ON s.id = m.stage_id "
        "LEFT JOIN silos si ON si.id = k.owner_silo_id ORDER BY s.position, m.id, k.id"
    ):
        kpi = Kpi(row[1], row[2], row[3], row[4], Direction(row[5]), row[6], row[7], row[8], row[9],
                  tuple(json.loads(row[10])))
        result.append((kpi, row[11], readings.get(row[0], [])))
    return result
