"""The one table of wall views: every list of views in the program is read from here.

A view is named as ``render --view``, the control socket and ``walls.json`` name it
(``stage``, ``tally``...), optionally followed by ``:ARGUMENT`` (``stage:3``, ``persona:maya``).
Adding a view is one entry here and one widget under ``ui/walls``.
"""

from __future__ import annotations

from enum import Enum

from .refusal import Refusal
from .records import record


class ViewData(Enum):
    """Where a view's data comes from, which says when it must be drawn again."""

    STAGE = "stage"  # the stage the wall is on: drawn ahead for the neighbouring stages
    JOURNEY = "journey"  # the whole journey, read once per room
    ARTIFACT = "artifact"  # the artifact and page chosen on the console (else the stage's first)
    CALL = "call"  # the call open on the console, its captions following the player
    BOARD = "board"  # the room's evidence (customer asset, early warning, listening path)
    SESSION = "session"  # the live session's votes or team board: drawn again when they change
    WALK = "walk"  # conversation 2: a persona, or the exercise running
    COVER = "cover"  # covers every wall (a celebration)
    PLAIN = "plain"  # nothing to read: the logo, black or white


@record
class WallView:
    """One kind of wall view."""

    name: str
    summary: str  # what it shows, in the words of the CLI help
    data: ViewData
    widget: str  # "module.Class" under customer_room_desktop.ui.walls: imported when first drawn
    argument: str = ""  # what may follow "name:" in render --view (shown in help), "" for none
    argument_required: bool = False  # render needs it (a live wall shows what the console chose)
    choosable: bool = True  # the facilitator may set a wall to it on the console
    live_argument: bool = False  # a live wall set to "name:ARGUMENT" keeps showing that one thing

    @property
    def follows_stage(self) -> bool:
        return self.data in (ViewData.STAGE, ViewData.ARTIFACT)

    @property
    def spec(self) -> str:
        """How render --view writes it: stage:N, journey[:A-B], teams."""
        if not self.argument:
            return self.name
        return f"{self.name}:{self.argument}" if self.argument_required else f"{self.name}[:{self.argument}]"


VIEWS: tuple[WallView, ...] = (
    WallView("stage", "the stage's moments, KPIs, thumbnails and a verbatim", ViewData.STAGE,
             "stage_panel.StagePanel", "N"),
    WallView("complaints", "the stage's complaints by category, with verbatims", ViewData.STAGE,
             "complaints_focus.ComplaintsFocus", "N"),
    WallView("tour", "the self-guided tour: a stage's narration and the calls a visitor may touch", ViewData.STAGE,
             "tour_wall.TourWall", "N"),
    WallView("journey", "every stage side by side, shared out over the journey walls", ViewData.JOURNEY,
             "journey_span.JourneySpan", "A-B"),
    WallView("artifact", "one artifact, page by page", ViewData.ARTIFACT, "artifact_focus.ArtifactFocus",
             "KEY[:PAGE]", True),
    WallView("call", "a recorded call with its captions", ViewData.CALL, "call_view.CallView", "KEY[@SECONDS]", True),
    WallView("asset", "the customer-asset bridge for a period", ViewData.BOARD, "asset_bridge.AssetBridgeWall",
             "PERIOD", live_argument=True),
    WallView("warnings", "the early warning: moments at risk, worst first", ViewData.BOARD,
             "early_warning_wall.EarlyWarningWall"),
    WallView("listening", "the listening path: complaints by stage and month", ViewData.BOARD,
             "listening_path.ListeningPathWall", "FIRST..LAST", live_argument=True),
    WallView("persona", "a persona, where they suffer most, and their calls", ViewData.WALK,
             "persona_wall.PersonaWall", "KEY", live_argument=True),
    WallView("exercise", "an exercise: the task and its clock, then the results", ViewData.WALK,
             "exercise_wall.ExerciseWall", "ARTIFACT", True),
    WallView("tally", "the dot vote of conversation 3", ViewData.SESSION, "session_walls.TallyWall", "SESSION"),
    WallView("phones", "the leaders' QR code to vote from their phones, its link and who has voted",
             ViewData.SESSION, "phones_wall.PhonesWall"),
    WallView("teams", "the team board of conversation 4", ViewData.SESSION, "team_board_wall.TeamBoardWall"),
    WallView("celebration", "a recognised team, on every wall", ViewData.COVER, "session_walls.CelebrationWall",
             choosable=False),
    WallView("logo", "the room's logo", ViewData.PLAIN, "plain_screens.PlainScreen"),
    WallView("blackout", "black", ViewData.PLAIN, "plain_screens.PlainScreen"),
    WallView("white", "white", ViewData.PLAIN, "plain_screens.PlainScreen"),
)

_BY_NAME = {view.name: view for view in VIEWS}
CHOOSABLE: tuple[str, ...] = tuple(view.name for view in VIEWS if view.choosable)
DEFAULT_ORDER: tuple[str, ...] = ("stage", "complaints", "journey")  # new walls, left to right; then the logo

# What each conversation puts on the walls when it starts (borrowing walls not already showing it).
CONVERSATION_VIEWS: dict[int, tuple[str, ...]] = {1: ("asset", "warnings", "listening"), 3: ("tally",),
                                                  4: ("teams",)}


class ViewSpecError(Refusal, ValueError):
    """A view name that names no view; the message is the sentence to show."""


def view_named(name: str) -> WallView:
    """The view for "stage" or "stage:3" (the argument is not checked here)."""
    view = _BY_NAME.get(name.strip().split(":", 1)[0].split("@", 1)[0])
    if view is None:
        raise ViewSpecError(f"'{name}' is not a wall view; use {views_help()}.")
    return view


def split_view(text: str, for_render: bool = False) -> tuple[WallView, str]:
    """("stage", "3") for "stage:3"; refuses an unknown view, an unwanted argument, and (``for_render``:
    a picture of one thing) a missing one. A live wall set to "artifact" shows the one chosen."""
    name, _, argument = text.strip().partition(":")
    view = view_named(name)
    if argument and not view.argument:
        raise ViewSpecError(f"The {view.name} view takes nothing after it; write just '{view.name}'.")
    if for_render and view.argument_required and not argument:
        raise ViewSpecError(f"The {view.name} view needs {view.argument}: write {view.spec}.")
    return view, argument


def views_help() -> str:
    """Every view as render --view writes it, for help texts and refusals."""
    specs = [view.spec for view in VIEWS]
    return ", ".join(specs[:-1]) + " or " + specs[-1]
