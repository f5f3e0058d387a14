"""What the room shows as evidence: complaints, KPIs with readings, survey results."""

from __future__ import annotations

from datetime import date
from enum import Enum

from .records import record


@record
class Complaint:
    received_on: date
    source: str
    category: str
    stage_key: str | None
    verbatim: str = ""
    moment_key: str | None = None
    customer_ref: str = ""
    customer_name: str = ""
    value: float | None = None
    external_id: str = ""


class Direction(str, Enum):
    """Which way is good for a KPI."""

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


@record
class Kpi:
    """A measure of a moment of truth, with the thresholds that call it reliable or not."""

    key: str
    moment_key: str
    name: str
    unit: str
    direction: Direction
    target: float
    at_risk: float
    failing: float
    owner_silo_key: str | None = None
    predicts_categories: tuple[str, ...] = ()

    def threshold_problem(self) -> str | None:
        """Thresholds must be ordered in the KPI's good direction; say how they are not."""
        if self.direction is Direction.HIGHER_IS_BETTER and self.failing > self.at_risk:
            return (f"KPI '{self.key}': the failing threshold {self.failing:g} is above the "
                    f"at-risk threshold {self.at_risk:g}, but higher is better")
        if self.direction is Direction.LOWER_IS_BETTER and self.failing < self.at_risk:
            return (f"KPI '{self.key}': the failing threshold {self.failing:g} is below the "
                    f"at-risk threshold {self.at_risk:g}, but lower is better")
        return None


@record
class KpiReading:
    """One period's value; ``value`` None is a gap (no reading), never a zero."""

    period: str  # YYYY-MM
    value: float | None


class SurveyKind(str, Enum):
    NPS = "NPS"
    CSAT = "CSAT"
    CES = "CES"


@record
class SurveyResult:
    survey: SurveyKind
    stage_key: str
    period: str  # YYYY-MM
    score: float
    respondents: int
    moment_key: str | None = None
