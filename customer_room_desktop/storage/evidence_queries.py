"""Read KPIs with their readings, and complaint counts aggregated in SQL."""

from __future__ import annotations

import json


from ..domain.customer_asset import AssetPeriod
from ..domain.evidence import Direction, Kpi, KpiReading
from .sql import Sql


def list_kpis(db: Sql) -> list[tuple[Kpi, str, list[KpiReading]]]:
    """Every KPI with its stage key and its readings by month, in order.

    Readings may be monthly ("2026-03") or daily ("2026-03-14"); the room reads KPIs by the month,
    so daily readings are averaged per month here, in SQL.
    """
    readings: dict[int, list[KpiReading]] = {}
    for kpi_id, period, value in db.execute(
            "SELECT kpi_id, substr(period, 1, 7), avg(value) FROM kpi_readings GROUP BY kpi_id, substr(period, 1, 7) "
            "ORDER BY kpi_id, 2"):
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


def latest_complaint_month(db: Sql) -> str | None:
    """The newest month with complaints: the room's "now" for trends, whatever today's date."""
    row = db.execute("SELECT max(month) FROM complaint_months").fetchone()  # the grouped complaints: no scan
    return row[0] if row else None


def complaint_months_by_stage(db: Sql, first: str, last: str) -> dict[str, dict[str, int]]:
    """Complaints per stage key and month (YYYY-MM), from the complaints grouped by month (complaint_months,
    kept in step by every import): a room of a million complaints is read in milliseconds."""
    result: dict[str, dict[str, int]] = {}
    for stage, month, count in db.execute(
        "SELECT s.key, m.month, sum(m.count) FROM complaint_months m JOIN stages s ON s.id = m.stage_id "
        "WHERE m.month >= ? AND m.month <= ? GROUP BY 1, 2",
        (first, last),
    ):
        result.setdefault(stage, {})[month] = count
    return result


def complaint_months_by_category(db: Sql, stage_key: str, first: str,
                                 last: str) -> dict[str, dict[str, int]]:
    """Complaints of one stage per category and month, from the complaints grouped by month."""
    result: dict[str, dict[str, int]] = {}
    for category, month, count in db.execute(
        "SELECT m.category, m.month, sum(m.count) FROM complaint_months m "
        "JOIN stages s ON s.id = m.stage_id WHERE s.key = ? AND m.month >= ? AND m.month <= ? "
        "GROUP BY 1, 2",
        (stage_key, first, last),
    ):
        result.setdefault(category, {})[month] = count
    return result


def recent_verbatims(db: Sql, stage_key: str, limit: int = 12) -> list[tuple[str, str, str, str]]:
    """(verbatim, customer name, category, source) of a stage's newest complaints that have words."""
    return db.execute(
        "SELECT c.verbatim, c.customer_name, c.category, c.source FROM complaints c "
        "JOIN stages s ON s.id = c.stage_id WHERE s.key = ? AND c.verbatim != '' "
        "ORDER BY c.received_on DESC, c.id DESC LIMIT ?",
        (stage_key, limit),
    ).fetchall()


def latest_survey_scores(db: Sql, stage_key: str) -> list[tuple[str, float, str, int]]:
    """(survey, score, period, respondents): the newest stage-level result of each survey."""
    return db.execute(
        "SELECT r.survey, r.score, r.period, r.respondents FROM survey_results r JOIN stages s ON s.id = r.stage_id "
        "WHERE s.key = ? AND r.moment_id IS NULL AND r.period = (SELECT max(period) FROM survey_results r2 "
        "WHERE r2.stage_id = r.stage_id AND r2.survey = r.survey AND r2.moment_id IS NULL) ORDER BY r.survey",
        (stage_key,),
    ).fetchall()


def list_asset_periods(db: Sql) -> list[AssetPeriod]:
    """Customer-asset periods in date order, with the figures as they were imported."""
    return [
        AssetPeriod(*row)
        for row in db.execute(
            "SELECT label, period_kind, period_start, customers_start, gained_count, gained_value, lost_count, "
            "lost_value, increased_count, declined_count, customers_end FROM asset_periods ORDER BY period_start")
    ]


def complaints_by_stage_source_month(db: Sql, first: str, last: str
                                     ) -> list[tuple[str | None, str, str, int]]:
    """(stage key or None, source, month, count) for the months first..last, counted in SQL."""
    return db.execute(
        "SELECT s.key, c.source, c.month, sum(c.count) FROM complaint_months c "
        "LEFT JOIN stages s ON s.id = c.stage_id WHERE c.month BETWEEN ? AND ? "
        "GROUP BY c.stage_id, c.source, c.month", (first, last)).fetchall()


def top_categories(db: Sql, first: str, last: str, limit: int = 5) -> list[tuple[str, int]]:
    """The categories complained about most in the months first..last."""
    return db.execute(
        "SELECT category, sum(count) FROM complaint_months WHERE month BETWEEN ? AND ? "
        "GROUP BY category ORDER BY 2 DESC, 1 LIMIT ?", (first, last, limit)).fetchall()


def first_complaint_month(db: Sql) -> str | None:
    row = db.execute("SELECT substr(min(received_on), 1, 7) FROM complaints").fetchone()
    return row[0] if row else None


def lost_reasons_of(db: Sql) -> dict[str, list[tuple[str, int, str | None]]]:
    """Per asset period label: (reason, count, stage key) as imported."""
    result: dict[str, list[tuple[str, int, str | None]]] = {}
    for label, reason, count, stage in db.execute(
            "SELECT p.label, r.reason, r.count, s.key FROM asset_lost_reasons r JOIN asset_periods p "
            "ON p.id = r.period_id LEFT JOIN stages s ON s.id = r.stage_id ORDER BY p.period_start, r.count DESC"):
        result.setdefault(label, []).append((reason, count, stage))
    return result
