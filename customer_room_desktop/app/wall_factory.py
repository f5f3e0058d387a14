"""Builds a wall view widget, filled with its view data, from a view name such as "stage:3"."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from ..services.image_prep import ImageUnavailable, PreparedImages
from ..services.wall_data import (
    ArtifactFocusData, ComplaintsFocusData, JourneySpanData, StagePanelData, WallDataSource,
)
from ..domain.early_warning import stage_alert
from ..services.board_data import (
    BoardDataError, asset_board, asset_periods_with_reasons, early_warning, listening_path, warnings_of,
)
from ..services.phones_wall_data import NoPhones, PhonesForWalls
from ..services.session_wall_data import board_data, latest_celebration, tally_data
from ..services.tour_data import TourData, tour_data
from ..services.walk_data import WalkDataError, latest_exercise, persona_data
from ..storage.captures import CaptureRefused
from ..storage.room_file import RoomFile
from ..ui.walls.artifact_focus import ArtifactFocus, page_box
from ..ui.walls.call_view import CallView
from ..ui.walls.complaints_focus import ComplaintsFocus
from ..ui.walls.journey_span import JourneySpan
from ..ui.walls.plain_screens import PlainScreen
from ..ui.walls.stage_panel import StagePanel, thumbnail_box, thumbnails_shown
from ..domain.wall_views import ViewData, ViewSpecError, split_view


class WallFactory:
    """Wall content for one open room: view data cached per stage, images prepared per wall size."""

    def __init__(self, room: RoomFile, images: PreparedImages | None = None):
        self.source = WallDataSource(room)
        self.images = images or PreparedImages()
        self.branding = self.source.branding()
        self._stages: dict[int, StagePanelData] = {}
        self._complaints: dict[int, ComplaintsFocusData] = {}
        self._journey: JourneySpanData | None = None
        self._page_counts: dict[str, int] = {}
        self._console_verbatims: dict[int, tuple[str, ...]] = {}
        self._stage_calls: dict[int, list[tuple[str, str]]] = {}
        self._tours: dict[int, TourData] = {}
        self._boards: dict[tuple[str, str], object] = {}
        self._warnings = None  # the moments' reliability, judged once per room
        self.phones: PhonesForWalls = NoPhones()  # the phones' bridge, once made

    @property
    def stage_count(self) -> int:
        return len(self.source.stages)

    def stage_key(self, text: str) -> str:
        """A stage by its position (1-based) or its key."""
        stages = self.source.stages
        if text.isdigit() and 1 <= int(text) <= len(stages):
            return stages[int(text) - 1].key
        for stage in stages:
            if stage.key == text:
                return stage.key
        raise ViewSpecError(f"This room has no stage '{text}' (use 1 to {len(stages)} or a stage key).")

    def stage_data(self, position: int) -> StagePanelData:
        if position not in self._stages:
            self._stages[position] = self.source.stage_panel(self.stage_key(str(position)))
        return self._stages[position]

    def console_verbatims(self, position: int) -> tuple[str, ...]:
        """Read once per stage: the console asks every second."""
        if position not in self._console_verbatims:
            self._console_verbatims[position] = self.source.console_verbatims(self.stage_key(str(position)))
        return self._console_verbatims[position]

    def stage_calls(self, position: int) -> list[tuple[str, str]]:
        if position not in self._stage_calls:
            self._stage_calls[position] = self.source.calls_of_stage(self.stage_key(str(position)))
        return self._stage_calls[position]

    def tour_data(self, position: int) -> TourData:
        if position not in self._tours:
            self.stage_key(str(position))  # refuses a stage the room does not have
            self._tours[position] = tour_data(self.source.room, self.source.stages, position)
        return self._tours[position]

    def board(self, view: str, argument: str = ""):
        """The data of a conversation-1 wall, read once per room and argument (aggregated in SQL)."""
        key = (view, argument)
        if key not in self._boards:
            room = self.source.room
            if view == "asset":
                self._boards[key] = asset_board(room, argument)
            elif view == "warnings":
                self._boards[key] = early_warning(room)
            else:
                first, _, last = argument.partition("..")
                self._boards[key] = listening_path(room, first, last)
        return self._boards[key]

    def asset_labels(self) -> list[str]:
        """Every customer-asset period the asset wall can show, newest first (years made from quarters too)."""
        return [p.label for p in sorted(asset_periods_with_reasons(self.source.room),
                                        key=lambda p: (p.period_start, p.period_kind), reverse=True)]

    def stage_alert(self, position: int) -> str:
        """The console's early-warning sentence for a stage with an unreliable moment ('' otherwise)."""
        if self._warnings is None:
            self._warnings = warnings_of(self.source.room)
        return stage_alert(self._warnings, self.source.stages[position - 1].key)

    def thumbnails(self, data: StagePanelData, wall_height: int) -> dict[str, QImage | ImageUnavailable]:
        """Every thumbnail of a stage, decoding now what is not cached (for render and start-up)."""
        box = thumbnail_box(wall_height)
        return {a.media_sha256: self.images.prepare(a.media_sha256, self.source.media_bytes, a.page - 1, box,
                                                    a.pdf_password)
                for a in thumbnails_shown(data.artifacts)}

    def ready_thumbnails(self, data: StagePanelData, wall_height: int) -> dict[str, QImage | ImageUnavailable]:
        """Only the thumbnails already prepared: never decodes, so it is safe on a switch."""
        box = thumbnail_box(wall_height)
        found = {a.media_sha256: self.images.get(a.media_sha256, a.page - 1, box)
                 for a in thumbnails_shown(data.artifacts)}
        return {sha: image for sha, image in found.items() if image is not None}

    def complaints_data(self, position: int) -> ComplaintsFocusData:
        if position not in self._complaints:
            self._complaints[position] = self.source.complaints_focus(self.stage_key(str(position)))
        return self._complaints[position]

    def journey_data(self) -> JourneySpanData:
        if self._journey is None:
            self._journey = self.source.journey_span()
        return self._journey

    def artifact_content(self, key: str, size: tuple[int, int], page_text: str = ""
                         ) -> tuple[ArtifactFocusData, QImage | ImageUnavailable, int, int]:
        """An artifact and one of its pages (``page_text``, 1-based; else the page the artifact opens at),
        prepared for a wall of ``size`` (from the cache when ready)."""
        try:
            data = self.source.artifact_focus(key)
        except StopIteration:
            raise ViewSpecError(f"This room has no artifact '{key}'.") from None
        box = QSize(*page_box(*size))
        sha = self.source.artifact_media(key)
        count = self._page_counts.get(sha)
        if count is None:
            from ..services.pdf_pages import PdfPages  # noqa: PLC0415 - QtPdf loads with the first PDF shown

            try:
                count = PdfPages(data.media, data.pdf_password).page_count if data.is_pdf else 1
            except ImageUnavailable:
                count = 1
            self._page_counts[sha] = count
        page = min(max(int(page_text or data.page), 1), count) - 1
        image = self.images.prepare(sha, lambda _: data.media, page, box, data.pdf_password)
        return data, image, page, count

    def build(self, view: str, size: tuple[int, int]) -> QWidget:
        """A wall widget showing ``view`` at ``size``, its images prepared before it is returned."""
        spec, argument = split_view(view, for_render=True)
        kind = spec.name
        if kind == "stage":
            panel = StagePanel(self.branding)
            data = self.stage_data(self._position(argument or "1"))
            panel.resize(*size)
            panel.show_stage(data, self.thumbnails(data, size[1]))
            return panel
        if kind == "journey":
            span = JourneySpan(self.branding)
            first, last = self._stage_range(argument)
            span.show_journey(self.journey_data(), first, last)
            return span
        if kind == "complaints":
            focus = ComplaintsFocus(self.branding)
            focus.resize(*size)
            focus.show_complaints(self.complaints_data(self._position(argument or "1")))
            return focus
        if kind == "call":
            return self._call(argument)
        if kind == "tour":
            from ..ui.walls.tour_wall import TourWall

            tour = TourWall(self.branding)
            tour.show_tour(self.tour_data(self._position(argument or "1")))
            return tour
        if kind == "phones":
            from ..ui.walls.phones_wall import PhonesWall

            phones = PhonesWall(self.branding)
            phones.show_phones(self.phones.wall_data())
            return phones
        if spec.data in (ViewData.SESSION, ViewData.COVER):
            return self._session_wall(kind, argument)
        if spec.data is ViewData.BOARD:
            return self._board_wall(kind, argument)
        if kind == "persona":
            return self._persona(argument or "1")
        if kind == "exercise":
            return self._exercise(argument, size)
        if kind == "artifact":
            key, _, page_text = argument.partition(":")
            focus = ArtifactFocus(self.branding)
            focus.show_artifact(*self.artifact_content(key, size, page_text))
            return focus
        return PlainScreen(self.branding, kind)

    def _call(self, argument: str) -> QWidget:
        """call:KEY or call:KEY@SECONDS: the call view at that moment of the recording."""
        key, _, at = argument.partition("@")
        try:
            data = self.source.call_view(key)
        except KeyError:
            raise ViewSpecError(f"This room has no call '{key}'.") from None
        try:
            position_ms = int(float(at or 0) * 1000)
        except ValueError:
            raise ViewSpecError(f"'{at}' is not a number of seconds into the call.") from None
        view = CallView(self.branding)
        view.show_call(data, position_ms)
        return view

    def _persona(self, key: str) -> QWidget:
        """persona or persona:KEY|N: the customer as a person, where they suffer most, and their calls."""
        from ..ui.walls.persona_wall import PersonaWall

        try:
            data = persona_data(self.source.room, key)
        except WalkDataError as problem:
            raise ViewSpecError(str(problem)) from None
        view = PersonaWall(self.branding)
        view.show_persona(data)
        return view

    def _exercise(self, key: str, size: tuple[int, int]) -> QWidget:
        """exercise:ARTIFACT: the latest run of its exercise (results once stopped), or the task as it starts."""
        from ..ui.walls.exercise_wall import ExerciseWall

        try:
            data = latest_exercise(self.source.room, key)
        except CaptureRefused as problem:
            raise ViewSpecError(str(problem)) from None
        view = ExerciseWall(self.branding)
        _, image, page, count = self.artifact_content(key, size, "1")  # an exercise starts on the first page
        view.show_exercise(data, image, page, count)
        return view

    def _board_wall(self, kind: str, argument: str) -> QWidget:
        """asset[:PERIOD], warnings, listening[:FIRST..LAST] (months as YYYY-MM)."""
        from ..ui.walls.asset_bridge import AssetBridgeWall
        from ..ui.walls.early_warning_wall import EarlyWarningWall
        from ..ui.walls.listening_path import ListeningPathWall

        try:
            data = self.board(kind, argument)
        except BoardDataError as problem:
            raise ViewSpecError(str(problem)) from None
        view, show = {"asset": (AssetBridgeWall, "show_asset"), "warnings": (EarlyWarningWall, "show_warnings"),
                      "listening": (ListeningPathWall, "show_listening")}[kind]
        widget = view(self.branding)
        getattr(widget, show)(data)
        return widget

    def _session_wall(self, kind: str, argument: str) -> QWidget:
        """tally[:SESSION] (default: the latest session with votes), teams, celebration (the latest one)."""
        from ..ui.walls.session_walls import CelebrationWall, TallyWall
        from ..ui.walls.team_board_wall import TeamBoardWall

        room = self.source.room
        if kind == "teams":
            view = TeamBoardWall(self.branding)
            view.show_board(board_data(room))
            return view
        if kind == "celebration":
            celebrated = latest_celebration(room)
            if celebrated is None:
                raise ViewSpecError("This room has recognised no team yet, so there is nothing to celebrate.")
            view = CelebrationWall(self.branding)
            view.show_celebration(celebrated)
            return view
        row = room.db.execute("SELECT id FROM sessions WHERE id = ? OR key = ?", (argument, argument)).fetchone() \
            if argument else room.db.execute("SELECT max(session_id) FROM votes").fetchone()
        if row is None or row[0] is None:
            raise ViewSpecError(f"This room has no session '{argument}'." if argument else
                                "No session in this room has votes yet.")
        view = TallyWall(self.branding)
        view.show_tally(tally_data(room, row[0]))
        return view

    def _position(self, text: str) -> int:
        key = self.stage_key(text)
        return next(s.position for s in self.source.stages if s.key == key)

    def _stage_range(self, text: str) -> tuple[int, int]:
        count = len(self.source.stages)
        if not text:
            return 1, count
        match = re.fullmatch(r"(\d+)-(\d+)", text)
        if not match or not 1 <= int(match[1]) <= int(match[2]) <= count:
            raise ViewSpecError(f"journey:{text} is not a range of stages such as journey:1-3 (1 to {count}).")
        return int(match[1]), int(match[2])
