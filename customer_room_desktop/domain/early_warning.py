"""Early warning: which moments of truth are unreliable before customers complain about them.

A moment is as reliable as its worst KPI. Moments are listed worst first: unreliable before at
risk, then by how many periods in a row they have been unreliable, then by stage order.
"""

from __future__ import annotations


from .evidence import Kpi, KpiReading
from .reliability import Reliability, ReliabilityStatus, reliability_of, worst
from .records import record


@record
class KpiWarning:
    kpi: Kpi
    status: ReliabilityStatus
    readings: tuple[KpiReading, ...]


@record
class MomentWarning:
    moment_key: str
    moment: str
    stage_key: str
    stage: str
    stage_position: int
    reliability: Reliability
    periods_unreliable: int  # the longest current run among its KPIs
    kpis: tuple[KpiWarning, ...]  # worst first

    @property
    def needs_attention(self) -> bool:
        return self.reliability in (Reliability.UNRELIABLE, Reliability.AT_RISK)


def _kpi_order(warning: KpiWarning) -> tuple:
    return (-warning.status.reliability.severity, -warning.status.periods_unreliable_in_a_row, warning.kpi.name)


def moment_warnings(moments: list[tuple[str, str, str, str, int]],
                    kpis: list[tuple[Kpi, list[KpiReading]]]) -> list[MomentWarning]:
    """Every moment with KPIs, judged and ordered worst first.

    ``moments`` are (moment key, moment name, stage key, stage name, stage position).
    """
    by_moment: dict[str, list[KpiWarning]] = {}
    for kpi, readings in kpis:
        by_moment.setdefault(kpi.moment_key, []).append(KpiWarning(kpi, reliability_of(kpi, readings), tuple(readings)))
    result = []
    for key, name, stage_key, stage, position in moments:
        judged = sorted(by_moment.get(key, []), key=_kpi_order)
        if not judged:
            continue
        level = worst([w.status.reliability for w in judged])
        run = max(w.status.periods_unreliable_in_a_row for w in judged)
        result.append(MomentWarning(key, name, stage_key, stage, position, level, run, tuple(judged)))
    return sorted(result, key=lambda m: (-m.reliability.severity, -m.periods_unreliable, m.stage_position, m.moment))


def _with_unit(value: float, unit: str) -> str:
    unit = unit.strip()
    return f"{value:g}{unit}" if unit in ("%", "") else f"{value:g} {unit}"


def stage_alert(warnings: list[MomentWarning], stage_key: str) -> str:
    """One sentence for the console when a stage has an unreliable moment, else ''."""
    unreliable = [w for w in warnings if w.stage_key == stage_key and w.reliability is Reliability.UNRELIABLE]
    if not unreliable:
        return ""
    first = unreliable[0]
    kpi = first.kpis[0]
    latest = kpi.status.latest
    reading = _with_unit(latest.value, kpi.kpi.unit) if latest and latest.value is not None else "no reading"
    run = f", unreliable {first.periods_unreliable} periods in a row" if first.periods_unreliable > 1 else ""
    more = f" (and {len(unreliable) - 1} more)" if len(unreliable) > 1 else ""
    return (f"Early warning: “{first.moment}” is unreliable: {kpi.kpi.name} {reading} against a target of "
            f"{_with_unit(kpi.kpi.target, kpi.kpi.unit)}{run}{more}.")
