"""What each importable CSV kind holds: its fields, their usual headings, and how rows are stored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Callable
from dataclasses import dataclass


from ..domain.customer_asset import asset_problems
from ..storage.complaint_months import refresh_complaint_months
from ..storage.evidence_queries import list_asset_periods
from .csv_values import CellError, DateReader, read_count, read_month, read_number, read_period, shown

if TYPE_CHECKING:
    import sqlite_utils

Converter = Callable[[list[str]], tuple]


@dataclass
class Lookups:
    """Keys and names of what rows may refer to, lower-cased, to ids."""

    stages: dict[str, int]
    moments: dict[str, tuple[int, int]]  # -> (moment id, stage id)
    kpis: dict[str, int]
    periods: dict[str, int]  # period_start -> asset period id
    personas: dict[str, int] = None  # key or name -> persona id

    @classmethod
    def load(cls, db: sqlite_utils.Database) -> Lookups:
        stages: dict[str, int] = {}
        for sid, key, name in db.execute("SELECT id, key, name FROM stages"):
            stages[key.lower()] = stages[name.lower()] = sid
        moments: dict[str, tuple[int, int]] = {}
        for mid, key, name, stage_id in db.execute("SELECT id, key, name, stage_id FROM moments"):
            moments[key.lower()] = moments[name.lower()] = (mid, stage_id)
        kpis: dict[str, int] = {}
        for kid, key, name in db.execute("SELECT id, key, name FROM kpis"):
            kpis[key.lower()] = kpis[name.lower()] = kid
        periods = {start[:10]: pid for pid, start in db.execute("SELECT id, period_start FROM asset_periods")}
        personas: dict[str, int] = {}
        for pid, key, name in db.execute("SELECT id, key, name FROM personas"):
            personas[key.lower()] = personas[name.lower()] = pid
        return cls(stages, moments, kpis, periods, personas)

    def stage(self, text: str) -> int | None:
        if not text.strip():
            return None
        found = self.stages.get(text.strip().lower())
        if found is None:
            raise CellError(f"{shown(text)} is not a stage of this room")
        return found

    def persona(self, text: str) -> int | None:
        if not text.strip():
            return None
        found = (self.personas or {}).get(text.strip().lower())
        if found is None:
            raise CellError(f"{shown(text)} is not a persona of this room")
        return found

    def moment(self, text: str) -> tuple[int, int] | None:
        if not text.strip():
            return None
        found = self.moments.get(text.strip().lower())
        if found is None:
            raise CellError(f"{shown(text)} is not a moment of truth of this room")
        return found


class ImportKind:
    name: str
    fields: dict[str, tuple[str, ...]]  # field -> normalised headings that carry it
    required: tuple[str, ...]

    def make_converter(self, columns: dict[str, int], constants: dict[str, str], lookups: Lookups,
                       dates: DateReader) -> Converter:
        """A function from a row's cells to the tuple ``write`` stores."""
        getters = {}
        for name in self.fields:
            if name in columns:
                getters[name] = columns[name]
        constant = {name: value for name, value in constants.items()}

        def cell(cells: list[str], name: str) -> str:
            index = getters.get(name)
            return cells[index] if index is not None else constant.get(name, "")

        return self.converter(cell, lookups, dates)

    def converter(self, cell: Callable[[list[str], str], str], lookups: Lookups, dates: DateReader) -> Converter:
        raise NotImplementedError

    def write(self, db: sqlite_utils.Database, rows: list[tuple]) -> None:
        raise NotImplementedError

    def after_import(self, db: sqlite_utils.Database) -> list[str]:
        return []


class Complaints(ImportKind):
    name = "complaints"
    fields = {
        "received_on": ("date received", "received", "date", "complaint date", "created", "created at", "opened"),
        "source": ("listening source", "channel", "submitted via", "via", "origin"),
        "category": ("issue", "complaint category", "reason", "type", "topic"),
        "stage": ("journey stage",),
        "moment": ("moment of truth", "touchpoint"),
        "verbatim": ("consumer complaint narrative", "narrative", "comment", "comments", "text", "description",
                     "complaint"),
        "customer_ref": ("customer reference", "customer id", "customer number", "account", "account number"),
        "customer_name": ("name", "customer"),
        "value": ("value at risk", "amount", "premium", "revenue"),
        "external_id": ("complaint id", "case id", "ticket", "ticket id", "id", "reference"),
        "persona": ("customer persona", "segment persona"),
    }
    required = ("received_on", "category")

    def converter(self, cell, lookups, dates):
        def convert(cells: list[str]) -> tuple:
            stage_id = lookups.stage(cell(cells, "stage"))
            moment = lookups.moment(cell(cells, "moment"))
            if moment is not None:
                if stage_id is not None and stage_id != moment[1]:
                    raise CellError(f"the moment {shown(cell(cells, 'moment'))} is not part of that stage")
                stage_id = moment[1]
            category = cell(cells, "category").strip()
            if not category:
                raise CellError("the category is empty")
            return (
                dates(cell(cells, "received_on")).isoformat(),
                cell(cells, "source").strip() or "Unknown",
                category,
                stage_id,
                moment[0] if moment else None,
                cell(cells, "verbatim").strip(),
                cell(cells, "customer_ref").strip(),
                cell(cells, "customer_name").strip(),
                read_number(cell(cells, "value")),
                cell(cells, "external_id").strip(),
                lookups.persona(cell(cells, "persona")),
            )
        return convert

    def write(self, db, rows):
        db.conn.executemany(
            "INSERT INTO complaints (received_on, source, category, stage_id, moment_id, verbatim, customer_ref, "
            "customer_name, value, external_id, persona_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def after_import(self, db):
        refresh_complaint_months(db)  # the listening path reads complaints grouped, in the same transaction
        return []


class KpiReadings(ImportKind):
    name = "kpis"
    fields = {"kpi": ("kpi key", "kpi name", "measure", "metric", "indicator"),
              "period": ("month", "date", "reading date"),
              "value": ("reading", "actual", "result")}
    required = ("kpi", "period", "value")

    def converter(self, cell, lookups, dates):
        def convert(cells: list[str]) -> tuple:
            name = cell(cells, "kpi").strip()
            kpi_id = lookups.kpis.get(name.lower())
            if kpi_id is None:
                raise CellError(f"{shown(name)} is not a KPI of this room")
            value = read_number(cell(cells, "value"), "reading")
            if value is None:
                raise CellError("the reading is empty (leave a missing month out instead of writing a blank)")
            return (kpi_id, read_period(cell(cells, "period"), dates), value)
        return convert

    def write(self, db, rows):
        db.conn.executemany("INSERT OR REPLACE INTO kpi_readings (kpi_id, period, value) VALUES (?, ?, ?)", rows)


class SurveyResults(ImportKind):
    name = "surveys"
    fields = {"survey": ("survey type", "measure"), "stage": ("journey stage",), "moment": ("moment of truth",),
              "period": ("month", "date"), "score": ("result", "value"),
              "respondents": ("responses", "n", "sample")}
    required = ("survey", "stage", "period", "score")

    def converter(self, cell, lookups, dates):
        def convert(cells: list[str]) -> tuple:
            survey = cell(cells, "survey").strip().upper()
            if survey not in ("NPS", "CSAT", "CES"):
                raise CellError(f"{shown(survey)} is not a survey this room knows (NPS, CSAT or CES)")
            stage_id = lookups.stage(cell(cells, "stage"))
            if stage_id is None:
                raise CellError("the stage is empty")
            moment = lookups.moment(cell(cells, "moment"))
            score = read_number(cell(cells, "score"), "score")
            if score is None:
                raise CellError("the score is empty")
            respondents = read_count(cell(cells, "respondents") or "0", "respondents")
            return (survey, stage_id, moment[0] if moment else None, read_month(cell(cells, "period"), dates),
                    score, respondents)
        return convert

    def write(self, db, rows):
        db.conn.executemany("INSERT INTO survey_results (survey, stage_id, moment_id, period, score, respondents) "
                            "VALUES (?, ?, ?, ?, ?, ?)", rows)


ASSET_COUNTS = ("customers_start", "gained_count", "lost_count", "increased_count", "declined_count", "customers_end")


class CustomerAssets(ImportKind):
    name = "assets"
    fields = {"period_kind": ("kind", "period type"), "period_start": ("period", "start", "from"),
              "label": ("name", "period label"), "customers_start": ("start customers", "opening customers"),
              "gained_count": ("gained", "new customers"), "gained_value": ("gained revenue",),
              "lost_count": ("lost", "customers lost"), "lost_value": ("lost revenue",),
              "increased_count": ("increased", "increased engagement"),
              "declined_count": ("declined", "declined engagement"),
              "customers_end": ("end customers", "closing customers")}
    required = ("period_start", "customers_start", "gained_count", "lost_count", "customers_end")

    def converter(self, cell, lookups, dates):
        def convert(cells: list[str]) -> tuple:
            kind = (cell(cells, "period_kind").strip().lower() or "quarter")
            if kind not in ("month", "quarter", "year"):
                raise CellError(f"{shown(kind)} is not a period kind (month, quarter or year)")
            start = dates(cell(cells, "period_start")).isoformat()
            counts = [read_count(cell(cells, name) or ("0" if name in ("increased_count", "declined_count") else ""),
                                 name.replace("_", " ")) for name in ASSET_COUNTS]
            values = []
            for name in ("gained_value", "lost_value"):
                value = read_number(cell(cells, name), name.replace("_", " ")) or 0.0
                if value < 0:
                    raise CellError(f"the {name.replace('_', ' ')} is negative")
                values.append(value)
            label = cell(cells, "label").strip() or f"{kind} from {start}"
            return (kind, start, label, counts[0], counts[1], values[0], counts[2], values[1], counts[3], counts[4],
                    counts[5])
        return convert

    def write(self, db, rows):
        db.conn.executemany(
            "INSERT INTO asset_periods (period_kind, period_start, label, customers_start, gained_count, gained_value,"
            " lost_count, lost_value, increased_count, declined_count, customers_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (period_kind, period_start) DO UPDATE SET label = excluded.label,"
            " customers_start = excluded.customers_start, gained_count = excluded.gained_count,"
            " gained_value = excluded.gained_value, lost_count = excluded.lost_count,"
            " lost_value = excluded.lost_value, increased_count = excluded.increased_count,"
            " declined_count = excluded.declined_count, customers_end = excluded.customers_end", rows)

    def after_import(self, db):
        """Figures that do not add up are imported as given and reported, never corrected."""
        return asset_problems(list_asset_periods(db))


class LostReasons(ImportKind):
    name = "lost-reasons"
    fields = {"period_start": ("period", "start"), "reason": ("why", "reason lost"), "stage": ("journey stage",),
              "count": ("customers", "lost")}
    required = ("period_start", "reason", "count")

    def converter(self, cell, lookups, dates):
        def convert(cells: list[str]) -> tuple:
            start = dates(cell(cells, "period_start")).isoformat()
            period_id = lookups.periods.get(start)
            if period_id is None:
                raise CellError(f"there is no customer-asset period starting {start}; import the assets first")
            reason = cell(cells, "reason").strip()
            if not reason:
                raise CellError("the reason is empty")
            return (period_id, reason, lookups.stage(cell(cells, "stage")), read_count(cell(cells, "count"), "count"))
        return convert

    def write(self, db, rows):
        db.conn.executemany("INSERT INTO asset_lost_reasons (period_id, reason, stage_id, count) VALUES (?, ?, ?, ?)",
                            rows)


KINDS: dict[str, ImportKind] = {kind.name: kind for kind in (
    Complaints(), KpiReadings(), CustomerAssets(), SurveyResults(), LostReasons())}
