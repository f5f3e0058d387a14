"""Plain view data for the wall screens, read from the room file once and handed to widgets.

Wall widgets never query the room: everything they draw arrives in these frozen dataclasses.
"""

from __future__ import annotations


from ..domain.complaint_trend import trend_of
from ..domain.periods import add_months, months_from_to
from ..domain.long_text import wall_quote
from ..domain.reliability import Reliability, reliability_of, worst
from ..storage.evidence_queries import (
    complaint_months_by_category, complaint_months_by_stage, latest_complaint_month, latest_survey_scores, list_kpis,
    recent_verbatims,
)
from ..storage.journey_queries import list_artifacts, list_calls, list_moments, list_personas, list_stages, load_room
from ..storage.media_store import open_media
from ..storage.room_file import RoomFile
from ..domain.records import record

TREND_WINDOW = 3  # months compared with the three before them


@record
class Branding:
    room_name: str
    brand_colour: str
    logo: bytes = b""


@record
class KpiTile:
    moment: str
    name: str
    unit: str
    value: float | None
    target: float
    reliability: str
    sparkline: tuple[float | None, ...]  # the last 12 months, None for a gap
    unreliable_months: int = 0


@record
class CategoryCount:
    category: str
    count: int  # in the last TREND_WINDOW months
    trend: str  # a Trend value


@record
class ArtifactThumb:
    key: str
    title: str
    kind: str
    media_sha256: str
    has_task: bool = False
    pdf_password: str | None = None  # for a PDF that needs one to open
    page: int = 1  # the page its thumbnail shows and its wall opens at (a PDF's; a picture has one)


@record
class SurveyFigure:
    survey: str
    score: float
    period: str


@record
class StagePanelData:
    key: str
    position: int
    stage_count: int
    name: str
    goal: str
    reliability: str
    kpis: tuple[KpiTile, ...]
    categories: tuple[CategoryCount, ...]
    verbatims: tuple[str, ...]
    artifacts: tuple[ArtifactThumb, ...]
    surveys: tuple[SurveyFigure, ...]
    period_label: str


@record
class JourneyStage:
    key: str
    position: int
    name: str
    goal: str
    reliability: str
    unreliable_moments: int
    complaints: int  # in the last TREND_WINDOW months
    trend: str


@record
class JourneySpanData:
    stages: tuple[JourneyStage, ...]
    period_label: str


@record
class ArtifactFocusData:
    key: str
    title: str
    kind: str
    caption: str
    stage_name: str
    media: bytes
    is_pdf: bool
    task: str = ""
    pdf_password: str | None = None
    page: int = 1  # the page the wall opens at unless one is chosen


@record
class ComplaintsFocusData:
    stage_name: str
    position: int
    months: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]  # category, count per month; biggest first
    verbatims: tuple[str, ...]


@record
class CallViewData:
    key: str
    title: str
    kind: str  # audio or video
    stage_name: str
    moment_name: str
    persona_name: str
    duration_ms: int
    media_sha256: str
    consent: bool
    segments: tuple  # TranscriptSegment, in start order
    summary: str = ""


def room_branding(room: RoomFile) -> Branding:
    """The room's name, brand colour and logo (its bytes; empty when the room has none)."""
    found = load_room(room.db)
    logo = open_media(room.db, found.logo_sha256).read() if found.logo_sha256 else b""
    return Branding(found.name, found.brand_colour, logo)


def _period_label(last: str | None) -> str:
    """The months the complaint trends cover; "" for a room with no complaints yet (no months to name)."""
    if last is None:
        return ""
    first = add_months(last, -(TREND_WINDOW - 1))
    return f"{first} to {last}"


class WallDataSource:
    """Reads what the walls show from an open room; each method returns finished view data."""

    def __init__(self, room: RoomFile):
        self.room = room
        db = room.db
        self._room = load_room(db)
        self.stages = list_stages(db)
        self._kpis = list_kpis(db)
        self.newest_month = latest_complaint_month(db)  # None: no complaints imported yet
        self.last_month = self.newest_month or "2000-01"
        self._window_first = add_months(self.last_month, -(2 * TREND_WINDOW - 1))
        self._stage_months = complaint_months_by_stage(db, add_months(self.last_month, -23), self.last_month)

    @property
    def mask(self) -> bool:
        return self._room.mask_verbatims

    def branding(self) -> Branding:
        return room_branding(self.room)

    def _stage_reliability(self, stage_key: str) -> tuple[Reliability, int]:
        levels = [reliability_of(kpi, readings).reliability for kpi, key, readings in self._kpis if key == stage_key]
        return worst(levels), levels.count(Reliability.UNRELIABLE)

    def _recent_counts(self, months: dict[str, int]) -> tuple[int, str]:
        window = [months.get(month, 0) for month in months_from_to(self._window_first, self.last_month)]
        return sum(window[-TREND_WINDOW:]), trend_of(window, TREND_WINDOW).value

    def journey_span(self) -> JourneySpanData:
        stages = []
        for stage in self.stages:
            level, unreliable = self._stage_reliability(stage.key)
            count, trend = self._recent_counts(self._stage_months.get(stage.key, {}))
            stages.append(JourneyStage(stage.key, stage.position, stage.name, stage.goal, level.value, unreliable,
                                       count, trend))
        return JourneySpanData(tuple(stages), _period_label(self.newest_month))

    def stage_panel(self, stage_key: str) -> StagePanelData:
        stage = next(s for s in self.stages if s.key == stage_key)
        db = self.room.db
        moments = {m.key: m.name for m in list_moments(db, stage_key)}
        spark_months = months_from_to(add_months(self.last_month, -11), self.last_month)
        tiles = []
        for kpi, key, readings in self._kpis:
            if key != stage_key:
                continue
            status = reliability_of(kpi, readings)
            by_month = {r.period: r.value for r in readings}
            tiles.append(KpiTile(moments.get(kpi.moment_key, ""), kpi.name, kpi.unit,
                                 status.latest.value if status.latest else None, kpi.target, status.reliability.value,
                                 tuple(by_month.get(m) for m in spark_months), status.periods_unreliable_in_a_row))
        categories = []
        for category, months in complaint_months_by_category(db, stage_key, self._window_first,
                                                             self.last_month).items():
            count, trend = self._recent_counts(months)
            if count:
                categories.append(CategoryCount(category, count, trend))
        categories.sort(key=lambda c: (-c.count, c.category))
        verbatims = self._wall_quotes(stage_key, 12)
        artifacts = tuple(ArtifactThumb(a.key, a.title, a.kind.value, a.media_sha256, a.task is not None,
                                        a.pdf_password, a.page) for a in list_artifacts(db, stage_key))
        surveys = tuple(SurveyFigure(survey, score, period) for survey, score, period, _ in
                        latest_survey_scores(db, stage_key))
        level, _ = self._stage_reliability(stage_key)
        return StagePanelData(stage.key, stage.position, len(self.stages), stage.name, stage.goal, level.value,
                              tuple(tiles), tuple(categories[:5]), verbatims, artifacts, surveys,
                              _period_label(self.newest_month))

    def _wall_quotes(self, stage_key: str, limit: int) -> tuple[str, ...]:
        """A stage's newest verbatims as a wall may show them: masked unless the room says otherwise, and
        cut to their opening sentences (``wall_quote``), so a 25,000-character narrative lays out as fast
        as a short one."""
        return tuple(wall_quote(text, [name], self.mask, own_handles=self._room.own_handles)
                     for text, name, _, _ in recent_verbatims(self.room.db, stage_key, limit))

    def console_verbatims(self, stage_key: str) -> tuple[str, ...]:
        """The stage panel's verbatims whole, as customers wrote them: for the facilitator's console only."""
        return tuple(text for text, _, _, _ in recent_verbatims(self.room.db, stage_key))

    def complaints_focus(self, stage_key: str) -> ComplaintsFocusData:
        stage = next(s for s in self.stages if s.key == stage_key)
        months = tuple(months_from_to(add_months(self.last_month, -23), self.last_month))
        per_category = complaint_months_by_category(self.room.db, stage_key, months[0], months[-1])
        series = sorted(((category, tuple(counts.get(m, 0) for m in months)) for category, counts
                         in per_category.items()), key=lambda item: -sum(item[1]))
        verbatims = self._wall_quotes(stage_key, 6)
        return ComplaintsFocusData(stage.name, stage.position, months, tuple(series[:6]), verbatims)

    def artifact_focus(self, artifact_key: str) -> ArtifactFocusData:
        artifact = next(a for a in list_artifacts(self.room.db) if a.key == artifact_key)
        stream = open_media(self.room.db, artifact.media_sha256)
        data = stream.read()
        stage = next(s for s in self.stages if s.key == artifact.stage_key)
        return ArtifactFocusData(artifact.key, artifact.title, artifact.kind.value, artifact.caption, stage.name, data,
                                 data[:5] == b"%PDF-", artifact.task.text if artifact.task else "",
                                 artifact.pdf_password, artifact.page)

    def artifact_media(self, artifact_key: str) -> str:
        row = self.room.db.execute("SELECT media_sha256 FROM artifacts WHERE key = ?", (artifact_key,)).fetchone()
        if row is None:
            raise StopIteration(artifact_key)
        return row[0]

    def call_view(self, call_key: str) -> CallViewData:
        db = self.room.db
        call = next(iter(list_calls(db, call_key=call_key)), None)
        if call is None:
            raise KeyError(call_key)
        stage = next(s for s in self.stages if s.key == call.stage_key)
        moment = next((m.name for m in list_moments(db, call.stage_key) if m.key == call.moment_key), "")
        persona = next((p.name for p in list_personas(db) if p.key == call.persona_key), "")
        return CallViewData(call.key, call.title, call.kind.value, stage.name, moment, persona, call.duration_ms,
                            call.media_sha256, call.consent, call.segments, call.summary)

    def calls_of_stage(self, stage_key: str) -> list[tuple[str, str]]:
        """(key, title) of a stage's calls, without reading their transcripts."""
        return self.room.db.execute(
            "SELECT c.key, c.title FROM calls c JOIN stages s ON s.id = c.stage_id WHERE s.key = ? ORDER BY c.id",
            (stage_key,)).fetchall()

    def media_bytes(self, sha256: str) -> bytes:
        return open_media(self.room.db, sha256).read()
