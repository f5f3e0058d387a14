"""What the conversation-1 walls show: the customer-asset bridge, the early-warning list and the
listening path. Plain data read from the room file (aggregated in SQL), no Qt."""

from __future__ import annotations


from ..domain.customer_asset import AssetPeriod, LostReason, comparison_periods, top_lost_reasons, years_from_quarters
from ..domain.early_warning import MomentWarning, moment_warnings
from ..domain.periods import add_months, months_from_to
from ..domain.refusal import Refusal
from ..storage.evidence_queries import (
    complaints_by_stage_source_month, first_complaint_month, latest_complaint_month, list_asset_periods, list_kpis,
    lost_reasons_of, top_categories,
)
from ..storage.room_file import RoomFile
from ..domain.records import record

WARNING_MONTHS = 12  # the KPI trend shown beside each moment
LISTENING_MONTHS = 12  # the listening path's default window


class BoardDataError(Refusal, ValueError):
    """A view asked for something the room does not have; the message says what, in one sentence."""


# -- the customer asset ----------------------------------------------------------------------------
@record
class AssetBoardData:
    period: AssetPeriod
    previous: AssetPeriod | None
    year_before: AssetPeriod | None
    problems: tuple[str, ...]  # shown as a data warning, never hidden
    top_reasons: tuple[LostReason, ...]  # why customers left, most first (at most five)
    reasons_by_stage: tuple[tuple[str, int], ...]  # the same, gathered by journey stage
    currency: str = "GBP"  # the room's currency code, for the values beside the counts


def asset_periods_with_reasons(room: RoomFile) -> list[AssetPeriod]:
    """Every imported period with its lost reasons, and each calendar year made from four quarters."""
    reasons = lost_reasons_of(room.db)
    periods = [AssetPeriod(*(getattr(p, f) for f in AssetPeriod.__dataclass_fields__ if f != "lost_reasons"),
                           lost_reasons=tuple(LostReason(r, c, s) for r, c, s in reasons.get(p.label, [])))
               for p in list_asset_periods(room.db)]
    imported_years = {p.period_start[:4] for p in periods if p.period_kind == "year"}
    return periods + [y for y in years_from_quarters(periods) if y.period_start[:4] not in imported_years]


def asset_board(room: RoomFile, label: str = "") -> AssetBoardData:
    """The period called ``label`` (a quarter such as "Q3 2026", a month, or a year such as "2025"); the
    latest quarter (or latest period) when no label is given."""
    periods = asset_periods_with_reasons(room)
    if not periods:
        raise BoardDataError("This room has no customer-asset figures yet; import them with "
                             "`customer-room import assets`.")
    if label:
        chosen = next((p for p in periods if p.label.lower() == label.lower()), None)
        if chosen is None:
            known = ", ".join(p.label for p in periods)
            raise BoardDataError(f"This room has no customer-asset period '{label}'; it has {known}.")
    else:
        quarters = [p for p in periods if p.period_kind == "quarter"]
        chosen = max(quarters or periods, key=lambda p: p.period_start)
    previous, year_before = comparison_periods(periods, chosen)
    stage_names = dict(room.db.execute("SELECT key, name FROM stages").fetchall())
    by_stage: dict[str, int] = {}
    for reason in chosen.lost_reasons:
        name = stage_names.get(reason.stage_key, "No stage named")
        by_stage[name] = by_stage.get(name, 0) + reason.count
    return AssetBoardData(chosen, previous, year_before, tuple(chosen.problems()), tuple(top_lost_reasons(chosen)),
                          tuple(sorted(by_stage.items(), key=lambda item: -item[1])[:5]),
                          room.db.execute("SELECT currency FROM room").fetchone()[0])


# -- early warning ---------------------------------------------------------------------------------
@record
class KpiLine:
    name: str
    unit: str
    direction: str  # higher or lower
    target: float
    at_risk: float
    failing: float
    reliability: str
    latest: float | None
    periods_unreliable: int
    series: tuple[float | None, ...]  # one value a month, None for a gap
    predicts: tuple[tuple[str, tuple[int, ...]], ...]  # complaint categories it predicts, with monthly counts


@record
class WarningRow:
    moment: str
    stage: str
    stage_position: int
    reliability: str
    periods_unreliable: int
    kpis: tuple[KpiLine, ...]


@record
class EarlyWarningData:
    months: tuple[str, ...]
    rows: tuple[WarningRow, ...]  # moments needing attention, worst first
    reliable: int  # moments judged reliable
    judged: int  # moments with KPIs


def warnings_of(room: RoomFile) -> list[MomentWarning]:
    moments = room.db.execute("SELECT m.key, m.name, s.key, s.name, s.position FROM moments m "
                              "JOIN stages s ON s.id = m.stage_id ORDER BY s.position, m.id").fetchall()
    return moment_warnings(moments, [(kpi, readings) for kpi, _stage, readings in list_kpis(room.db)])


def _category_months(room: RoomFile, categories: set[str], first: str, last: str) -> dict[str, dict[str, int]]:
    if not categories:
        return {}
    marks = ", ".join("?" for _ in categories)
    result: dict[str, dict[str, int]] = {}
    for category, month, count in room.db.execute(
            f"SELECT category, substr(received_on, 1, 7), count(*) FROM complaints WHERE category IN ({marks}) "
            "AND received_on >= ? AND received_on < ? GROUP BY 1, 2", (*categories, f"{first}-01", f"{last}-99")):
        result.setdefault(category, {})[month] = count
    return result


def early_warning(room: RoomFile, include_reliable: bool = False) -> EarlyWarningData:
    warnings = warnings_of(room)
    last = max((r.period for w in warnings for k in w.kpis for r in k.readings), default=None) \
        or latest_complaint_month(room.db) or "2000-01"
    months = months_from_to(add_months(last, 1 - WARNING_MONTHS), last)
    shown = [w for w in warnings if include_reliable or w.needs_attention]
    wanted = {c for w in shown for k in w.kpis for c in k.kpi.predicts_categories}
    category_months = _category_months(room, wanted, months[0], months[-1])
    rows = []
    for w in shown:
        lines = []
        for k in w.kpis:
            values = {r.period: r.value for r in k.readings}
            lines.append(KpiLine(
                k.kpi.name, k.kpi.unit, k.kpi.direction.value, k.kpi.target, k.kpi.at_risk, k.kpi.failing,
                k.status.reliability.value, k.status.latest.value if k.status.latest else None,
                k.status.periods_unreliable_in_a_row, tuple(values.get(m) for m in months),
                tuple((c, tuple(category_months.get(c, {}).get(m, 0) for m in months))
                      for c in k.kpi.predicts_categories)))
        rows.append(WarningRow(w.moment, w.stage, w.stage_position, w.reliability.value, w.periods_unreliable,
                               tuple(lines)))
    return EarlyWarningData(tuple(months), tuple(rows), sum(1 for w in warnings if not w.needs_attention),
                            len(warnings))


# -- the listening path ------------------------------------------------------------------------------
@record
class ListeningPathData:
    months: tuple[str, ...]
    stages: tuple[str, ...]  # journey order; "No stage" last when some complaints have none
    sources: tuple[str, ...]  # most complaints first
    by_stage: tuple[tuple[int, ...], ...]  # [stage][month]
    by_source: tuple[tuple[int, ...], ...]  # [source][month]
    stage_totals: tuple[int, ...]
    source_totals: tuple[int, ...]
    top_categories: tuple[tuple[str, int], ...]
    total: int


def listening_path(room: RoomFile, first: str = "", last: str = "") -> ListeningPathData:
    """Complaints by stage and by listening source, month by month, for first..last (YYYY-MM).

    Without a range: the last twelve months of the room's complaints.
    """
    newest = latest_complaint_month(room.db)
    if newest is None:
        raise BoardDataError("This room has no complaints yet; import them with `customer-room import complaints`.")
    last = last or newest
    first = first or max(add_months(last, 1 - LISTENING_MONTHS), first_complaint_month(room.db) or last)
    if first > last:
        raise BoardDataError(f"The listening path runs from {first} to {last}: the first month must come first.")
    months = months_from_to(first, last)
    index = {month: n for n, month in enumerate(months)}
    stage_rows = room.db.execute("SELECT key, name FROM stages ORDER BY position").fetchall()
    stage_index = {key: n for n, (key, _) in enumerate(stage_rows)}
    names = [name for _, name in stage_rows]
    rows = complaints_by_stage_source_month(room.db, first, last)
    if any(stage is None for stage, _, _, _ in rows):
        names.append("No stage")
    source_totals: dict[str, int] = {}
    for _, source, _, count in rows:
        source_totals[source] = source_totals.get(source, 0) + count
    sources = sorted(source_totals, key=lambda s: (-source_totals[s], s))
    source_index = {s: n for n, s in enumerate(sources)}
    by_stage = [[0] * len(months) for _ in names]
    by_source = [[0] * len(months) for _ in sources]
    for stage, source, month, count in rows:
        by_stage[stage_index.get(stage, len(names) - 1)][index[month]] += count
        by_source[source_index[source]][index[month]] += count
    return ListeningPathData(
        tuple(months), tuple(names), tuple(sources), tuple(map(tuple, by_stage)), tuple(map(tuple, by_source)),
        tuple(sum(row) for row in by_stage), tuple(source_totals[s] for s in sources),
        tuple(top_categories(room.db, first, last)), sum(source_totals.values()))
