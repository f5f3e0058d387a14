"""Every action on the live room as a command: keys, console buttons, the control socket, later
the kiosk's schedule and phones all send these, and nothing else changes the room.

``command_from_request`` reads one control-socket request (a JSON object already decoded) into a
command, refusing in one sentence what it cannot read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field

from .refusal import Refusal
from .records import record


class CommandRefused(Refusal, ValueError):
    """A command the room cannot carry out now; the message is the sentence to show."""


# -- the journey on the walls ---------------------------------------------------------------------
@record
class Next:
    pass


@record
class Previous:
    pass


@record
class Go:
    stage: int | str  # 1-based number, or a stage key


@record
class Blackout:
    pass


@record
class White:
    pass


@record
class Identify:
    pass


@record
class LayOut:
    """F5: lay the walls out again. Never restarts the session or moves the stage."""


@record
class Quit:
    pass


# -- the session ------------------------------------------------------------------------------------
@record
class StartSession:
    session: str = ""  # a key or id; "" = the session the room is on
    title: str = ""  # with cadence: plan one now and start it
    cadence: str = ""


@record
class Conversation:
    number: int


@record
class CloseSession:
    pass


@record
class ResumeSession:
    """Carry on a session left open by a crash, where its journal says the walls stood."""


@record
class Capture:
    kind: str  # decision, commitment or note
    text: str
    owner: str = ""
    due: str = ""  # YYYY-MM-DD, commitments only
    priority: str = ""
    uid: str = ""  # the client's id for this capture: sent twice, it is saved once


@record
class Withdraw:
    uid: str = ""  # "" = the newest capture of the session (Ctrl+Z)


@record
class SessionDataChanged:
    """Votes, a selection, a team or a report were saved: the session walls draw again."""


@record
class Celebrate:
    team: str
    priority: str
    citation: str


# -- walls --------------------------------------------------------------------------------------------
@record
class Assign:
    wall: int | str  # 1-based number in screen order, or the wall's identity
    view: str


@record
class Release:
    """Give the wall back: it shows its own assignment again."""

    wall: int | str


@record
class ScreenWall:
    """A wall screen present now, as the app sees it."""

    identity: str
    name: str
    width: int
    height: int


@record
class ScreensChanged:
    walls: tuple[ScreenWall, ...]  # present walls, left to right
    remembered: dict[str, str] = field(default_factory=dict)  # identity -> view chosen earlier on this machine


@record
class SetCycling:
    on: bool


@record
class CycleWall:
    """Cycle mode: one wall's dwell ran out, it moves on by itself."""

    identity: str


# -- what borrows a wall -------------------------------------------------------------------------------
@record
class ShowArtifact:
    key: str
    page: int = 0  # 0-based


@record
class TurnPage:
    step: int


@record
class ShowPersona:
    key: str


@record
class OpenCall:
    key: str


@record
class CloseCall:
    pass


@record
class Play:
    pass


@record
class Pause:
    pass


@record
class PlayPause:
    pass


@record
class CallProgress:
    """What the player reports: playing or not, and where."""

    playing: bool
    position_ms: int


@record
class StartExercise:
    artifact: str


@record
class StopExercise:
    pass


@record
class ExerciseDataChanged:
    """A leader's result or reaction was saved: the exercise wall draws again."""


@record
class SetAssetPeriod:
    label: str  # "" = the latest quarter


Command = (Next | Previous | Go | Blackout | White | Identify | LayOut | Quit | StartSession | Conversation
           | CloseSession | ResumeSession | Capture | Withdraw | SessionDataChanged | Celebrate | Assign | Release
           | ScreensChanged | SetCycling | CycleWall | ShowArtifact | TurnPage | ShowPersona | OpenCall | CloseCall
           | Play | Pause | PlayPause | CallProgress | StartExercise | StopExercise | ExerciseDataChanged
           | SetAssetPeriod)


# -- the control socket's requests ----------------------------------------------------------------------
_WHAT = {"stage": "a stage number or key", "view": "a view name", "wall": "a wall number", "key": "a key",
         "text": "the words to save", "kind": "decision, commitment or note", "artifact": "an artifact key",
         "number": "a whole number", "page": "a page number"}


def _missing(request: dict, name: str) -> CommandRefused:
    return CommandRefused(f"The '{request.get('cmd')}' command needs '{name}': {_WHAT.get(name, 'a value')}.")


def _text(request: dict, name: str, required: bool = True) -> str:
    value = request.get(name, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or (required and not value.strip()):
        raise _missing(request, name)
    return value.strip()


def _number(request: dict, name: str) -> int:
    value = request.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().lstrip("-").isdigit():
        raise CommandRefused(f"The '{request.get('cmd')}' command needs '{name}' as a whole number.")
    return int(value)


def _wall(request: dict) -> int | str:
    value = request.get("wall")
    if isinstance(value, str) and not value.isdigit():
        return _text(request, "wall")
    return _number(request, "wall")


def _stage(request: dict) -> int | str:
    value = request.get("stage")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = _text(request, "stage")
    return int(text) if text.isdigit() else text


_SIMPLE: dict[str, Callable[[], Command]] = {
    "next": Next, "previous": Previous, "blackout": Blackout, "white": White, "identify": Identify,
    "layout": LayOut, "quit": Quit, "close_session": CloseSession, "resume": ResumeSession,
    "close_call": CloseCall, "play": Play, "pause": Pause, "stop_exercise": StopExercise}

_READERS: dict[str, Callable[[dict], Command]] = {
    "go": lambda r: Go(_stage(r)),
    "start_session": lambda r: StartSession(_text(r, "session", False), _text(r, "title", False),
                                            _text(r, "cadence", False)),
    "conversation": lambda r: Conversation(_number(r, "number")),
    "assign": lambda r: Assign(_wall(r), _text(r, "view")),
    "release": lambda r: Release(_wall(r)),
    "show_artifact": lambda r: ShowArtifact(_text(r, "key"), _number(r, "page") - 1 if "page" in r else 0),
    "show_persona": lambda r: ShowPersona(_text(r, "key")),
    "open_call": lambda r: OpenCall(_text(r, "key")),
    "start_exercise": lambda r: StartExercise(_text(r, "artifact")),
    "capture": lambda r: Capture(_text(r, "kind"), _text(r, "text"), _text(r, "owner", False),
                                 _text(r, "due", False), _text(r, "priority", False), _text(r, "uid", False)),
    "withdraw": lambda r: Withdraw(_text(r, "uid", False)),
    "asset_period": lambda r: SetAssetPeriod(_text(r, "period", False)),
}

REQUEST_NAMES: tuple[str, ...] = ("state", *_SIMPLE, *_READERS)


def command_from_request(request: object) -> Command | None:
    """The command a control-socket request asks for; None for "state" (which changes nothing)."""
    if not isinstance(request, dict) or not isinstance(request.get("cmd"), str):
        raise CommandRefused('Each request is a JSON object with a "cmd", such as {"id": 1, "cmd": "next"}.')
    name = request["cmd"]
    if name == "state":
        return None
    if name in _SIMPLE:
        return _SIMPLE[name]()
    if name in _READERS:
        return _READERS[name](request)
    raise CommandRefused(f"'{name}' is not a command; the commands are {', '.join(REQUEST_NAMES)}.")
