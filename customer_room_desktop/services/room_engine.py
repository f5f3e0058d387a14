"""The live room's one command path: a command is checked, written to the room file in one
transaction where it has a write, handed to the model, and what changed is returned.

Keys, console buttons and the control socket all call ``RoomEngine.apply``; the console and the
walls redraw from the ``Changes`` it returns (and from ``state``), never from copies of their own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..domain.identifiers import new_uid
from ..domain import room_commands as cmd
from ..domain.meetings import Cadence, CaptureContext
from ..domain.refusal import Refusal
from ..domain.room_commands import CommandRefused
from ..domain.room_changes import Changed, Changes
from ..domain.room_model import RoomModel
from ..domain.room_state import ExerciseState, RoomState, SessionState, StageRef
from ..domain.wall_views import ViewData, split_view, view_named
from ..storage import captures
from ..storage.exercises import running_exercise, start_exercise, stop_exercise
from ..storage.journal import events_of, record_event
from ..storage.room_file import RoomFile, now_iso
from ..storage.session_plans import SessionRow, list_sessions, live_session, plan_session, session_row
from ..storage.session_queries import agenda_of
from .board_data import BoardDataError, asset_board, listening_path
from .room_writes import NOT_SAVED, RoomWrites
from .walk_data import WalkDataError, persona_data

PLANNED_STAGE_SECONDS = 6 * 60  # when the room has no agenda to share out
BOARD_WORDS = {"warnings": "early warning", "listening": "listening path", "tally": "dot vote",
               "teams": "team board", "logo": "", "blackout": "", "white": ""}


def planned_stage_seconds(agenda: list[tuple[int, str, int]], stage_count: int) -> int:
    """The journey walk (conversation 2) shared equally over the stages; 6 minutes without an agenda."""
    walk = sum(minutes for conversation, _, minutes in agenda if conversation == 2)
    return walk * 60 // max(1, stage_count) if walk else PLANNED_STAGE_SECONDS


def session_state(row: SessionRow | None, interrupted: bool = False, conversation: int = 0) -> SessionState:
    if row is None:
        return SessionState()
    status = "interrupted" if interrupted else row.state
    return SessionState(row.id, row.key, row.title, status, conversation, row.started_at or "")


class RoomEngine:
    """Owns the model of one open room and applies every command to it."""

    def __init__(self, room: RoomFile):
        self.room = room
        stages = tuple(StageRef(k, n) for k, n in room.db.execute("SELECT key, name FROM stages ORDER BY position"))
        personas = tuple(k for (k,) in room.db.execute("SELECT key FROM personas ORDER BY id"))
        self.stage_names = {ref.key: ref.name for ref in stages}
        self.call_titles = dict(room.db.execute("SELECT key, title FROM calls").fetchall())
        self.artifact_keys = {key for (key,) in room.db.execute("SELECT key FROM artifacts")}
        self.model = RoomModel(RoomState(stages, personas=personas))
        self.writes = RoomWrites(room)  # a full disk: one sentence, told to the console's banner
        self._latest_quarter: str | None = None
        self._choose_session()

    @property
    def state(self) -> RoomState:
        return self.model.state

    def _choose_session(self) -> None:
        """A session left open is offered for resuming; otherwise the next planned one, else the latest."""
        stale = live_session(self.room)
        sessions = list_sessions(self.room)
        planned = [s for s in sessions if s.state == "planned"]
        row = stale or (planned[0] if planned else (sessions[-1] if sessions else None))
        self.model.session_changed(session_state(row, interrupted=stale is not None))
        self._plan_clocks()

    def _plan_clocks(self) -> Changes:
        session_id = self.state.session.id
        agenda = agenda_of(self.room.db, session_id) if session_id else []
        return self.model.planned_stage_seconds_changed(planned_stage_seconds(agenda, self.state.stage_count))

    # -- the one entry point ------------------------------------------------------------------------
    def apply(self, command: cmd.Command) -> Changes:
        """Carry out ``command``; a refusal raises a Refusal whose text is the sentence to show."""
        handler = getattr(self, f"_{type(command).__name__}", None)
        then = "press Enter again" if isinstance(command, cmd.Capture) else "try again"
        with self.writes.guarded(_not_saved(command), then):
            return handler(command) if handler is not None else self._on_walls(command)

    def _on_walls(self, command: cmd.Command) -> Changes:
        """A command with no write of its own: the model, then what the walls now show is journaled."""
        before = self.state
        changes = self.model.apply(command)
        self._journal_walls(before, changes)
        return changes

    def _journal_walls(self, before: RoomState, changes: Changes) -> None:
        """The walk and the period shown are journaled for the minutes, while the session is live."""
        if not self.state.session.live:
            return
        if Changed.STAGE in changes.what and self.state.position != before.position:
            self._journal("stage_shown", self.state.stage.key)
        if self._asset_on_walls() and (self.state.asset_period != before.asset_period
                                       or not _asset_on(before)):
            self._journal("asset_shown", self.asset_label())

    def _asset_on_walls(self) -> bool:
        return _asset_on(self.state)

    def asset_label(self) -> str:
        """The asset period the walls show, by name ("Q3 2026"), the latest quarter resolved."""
        if self.state.asset_period:
            return self.state.asset_period
        if self._latest_quarter is None:
            try:
                self._latest_quarter = asset_board(self.room).period.label
            except BoardDataError:
                self._latest_quarter = ""
        return self._latest_quarter

    def _journal(self, kind: str, detail: str | dict) -> None:
        session_id = self.state.session.id
        if session_id is not None:  # on a full disk the room goes on and the banner says so
            self.writes.record(record_event, session_id, kind, detail)

    def conversation_minutes(self, number: int) -> int:
        """The agenda's minutes for a conversation of the room's session (0 without an agenda)."""
        session_id = self.state.session.id
        agenda = agenda_of(self.room.db, session_id) if session_id else []
        return sum(minutes for conversation, _, minutes in agenda if conversation == number)

    def _need_writable(self) -> None:
        if self.room.read_only:
            raise CommandRefused(f"This room is open for viewing only ({self.room.read_only_reason}), "
                                 "so nothing can be saved here.")

    def _need_live(self, doing: str) -> int:
        self._need_writable()
        session = self.state.session
        if session.status == "interrupted":
            raise CommandRefused(f"Resume or close the interrupted session “{session.title}” before {doing}.")
        if not session.live or session.id is None:
            raise CommandRefused(f"Start (or resume) a session before {doing}.")
        return session.id

    # -- the session -----------------------------------------------------------------------------------
    def load_session(self, session_id: int) -> Changes:
        """A session planned (or chosen) on the console becomes the room's session; its clocks follow."""
        row = session_row(self.room, session_id)
        return self.model.session_changed(session_state(row)) | self._plan_clocks()

    def _StartSession(self, command: cmd.StartSession) -> Changes:
        self._need_writable()
        session = self.state.session
        if session.live:
            return Changes(message=f"“{session.title}” is already running (since {session.started_at[11:16]}); "
                                   "nothing was restarted.")
        if session.status == "interrupted":
            raise CommandRefused(f"“{session.title}” was left open: resume it or close it first.")
        changes = Changes()
        if command.title:
            cadences = [c.value for c in Cadence]
            if command.cadence not in cadences:
                given = f", not “{command.cadence}”" if command.cadence else ""
                raise CommandRefused(f"A session planned here needs a cadence: one of {', '.join(cadences)}{given}.")
            changes = self.load_session(plan_session(self.room, command.title, command.cadence, date.today(), []))
        elif command.session:
            row = next((s for s in list_sessions(self.room) if command.session in (s.key, str(s.id))), None)
            if row is None:
                raise CommandRefused(f"This room has no session '{command.session}'.")
            changes = self.load_session(row.id)
        if self.state.session.id is None:
            raise CommandRefused("No session is planned in this room yet: plan one first.")
        captures.start_session(self.room, self.state.session.id)
        self._journal("session_started", "")
        changes |= self.model.session_changed(session_state(session_row(self.room, self.state.session.id)))
        self._journal("stage_shown", self.state.stage.key)
        return changes

    def _CloseSession(self, command: cmd.CloseSession) -> Changes:
        self._need_writable()
        session = self.state.session
        session_id = session.id
        if session_id is None or session.status not in ("live", "interrupted"):
            raise CommandRefused("No session is running, so there is none to close; a planned session is "
                                 "started first.")
        captures.close_session(self.room, session_id)
        self._journal("session_closed", "")
        return self.model.session_changed(session_state(session_row(self.room, session_id)))

    def _ResumeSession(self, command: cmd.ResumeSession) -> Changes:
        """Carry on where the journal says the walls stood: the stage and the conversation."""
        self._need_writable()
        session = self.state.session
        if session.status != "interrupted" or session.id is None:
            raise CommandRefused("There is no interrupted session to resume.")
        events = events_of(self.room, session.id)
        stages = [detail for _, kind, detail in events if kind == "stage_shown"]
        conversations = [detail for _, kind, detail in events if kind == "conversation_started"]
        record_event(self.room, session.id, "session_resumed", "")
        changes = self.model.session_changed(session_state(session_row(self.room, session.id)))
        if conversations:
            at = next(at for at, kind, _ in reversed(events) if kind == "conversation_started")
            changes |= self.model.conversation_started(int(conversations[-1]), at)
        if stages and stages[-1] in self.stage_names:
            changes |= self.model.apply(cmd.Go(stages[-1]))
        run = running_exercise(self.room, session.id)
        if run is not None:
            changes |= self.model.exercise_changed(ExerciseState(run.id, run.task.artifact_key, run.task.title, True))
        return changes

    def _Conversation(self, command: cmd.Conversation) -> Changes:
        if not 1 <= command.number <= 4:
            raise CommandRefused(f"There are four conversations (1 to 4), not {command.number}.")
        self._need_live("starting a conversation")
        before = self.state
        self._journal("conversation_started", str(command.number))
        changes = self.model.conversation_started(command.number, now_iso())
        self._journal_walls(before, changes)
        return changes

    # -- what names something in the room -------------------------------------------------------------
    def _OpenCall(self, command: cmd.OpenCall) -> Changes:
        if command.key not in self.call_titles:
            raise CommandRefused(f"This room has no call “{command.key}”; its calls are "
                                 f"{', '.join(sorted(self.call_titles))}.")
        return self.model.apply(command)

    def _ShowArtifact(self, command: cmd.ShowArtifact) -> Changes:
        if command.key not in self.artifact_keys:
            raise CommandRefused(f"This room has no artifact “{command.key}”.")
        return self.model.apply(command)

    def _Assign(self, command: cmd.Assign) -> Changes:
        """A live wall may keep one persona, asset period or listening range: it must be in the room."""
        view, argument = split_view(command.view)
        if argument and view.live_argument:
            self._check_board(view.name, argument)
        return self._on_walls(command)

    def _SetAssetPeriod(self, command: cmd.SetAssetPeriod) -> Changes:
        if command.label:
            self._check_board("asset", command.label)
        return self._on_walls(command)

    def _check_board(self, name: str, argument: str) -> None:
        try:
            if name == "persona":
                persona_data(self.room, argument)
            elif name == "asset":
                asset_board(self.room, argument)
            else:
                first, _, last = argument.partition("..")
                listening_path(self.room, _month(first), _month(last))
        except (BoardDataError, WalkDataError) as problem:
            raise CommandRefused(str(problem)) from None

    # -- captures ------------------------------------------------------------------------------------------
    def capture_context(self) -> CaptureContext:
        """What the walls show at this instant: each capture is tied to it."""
        s = self.state
        stage_key, artifact, page, views = None, None, None, []
        walls = s.present_walls()
        for wall in walls:
            shown = s.shown(wall)
            name, _, argument = shown.partition(":")
            if view_named(name).data in (ViewData.STAGE, ViewData.JOURNEY):
                stage_key = s.stage.key
            elif name == "artifact" and s.artifact:
                artifact, page = s.artifact
            elif name == "asset":
                views.append(f"customer asset {argument or self.asset_label()}".strip())
            elif name == "persona":
                views.append(f"persona {argument or s.persona or ''}".strip())
            elif name == "exercise" and s.exercise:
                views.append(f"exercise {s.exercise.title}")
            elif name == "celebration" and s.celebration:
                views.append(f"celebration of the {s.celebration.team}")
            elif BOARD_WORDS.get(name):
                views.append(BOARD_WORDS[name])
        if not walls:
            stage_key = s.stage.key
        call = s.call
        return CaptureContext(stage_key, artifact, call.key if call else None, call.position_ms if call else None,
                              page, tuple(dict.fromkeys(views)))

    def _Capture(self, command: cmd.Capture) -> Changes:
        session_id = self._need_live("capturing")
        context = self.capture_context()
        uid = command.uid or new_uid()  # made here, so a retry of the same capture never duplicates it
        if command.kind == "decision":
            captures.capture_decision(self.room, session_id, command.text, context, uid=uid)
        elif command.kind == "note":
            captures.capture_note(self.room, session_id, command.text, context, uid=uid)
        elif command.kind == "commitment":
            captures.capture_commitment(self.room, session_id, command.text, command.owner, _due(command.due),
                                        command.priority or None, context, uid=uid)
        else:
            raise CommandRefused(f"A capture is a decision, a commitment or a note, not '{command.kind}'.")
        return Changes(frozenset({Changed.CAPTURES}), result=uid)

    def _Withdraw(self, command: cmd.Withdraw) -> Changes:
        session_id = self._need_live("withdrawing a capture")
        uid = command.uid
        if not uid:
            last = captures.last_capture(self.room, session_id)
            if last is None:
                raise CommandRefused("There is no capture left to withdraw in this session.")
            uid = last.uid
        row = captures.withdraw_capture(self.room, uid)
        return Changes(frozenset({Changed.CAPTURES}), message=f"Withdrawn: “{row.text}”.", result=uid)

    # -- the exercise -------------------------------------------------------------------------------------
    def _StartExercise(self, command: cmd.StartExercise) -> Changes:
        session_id = self._need_live("running an exercise")
        run = start_exercise(self.room, session_id, command.artifact)
        return self.model.exercise_changed(ExerciseState(run.id, run.task.artifact_key, run.task.title, True))

    def _StopExercise(self, command: cmd.StopExercise) -> Changes:
        exercise = self.state.exercise
        if exercise is None or not exercise.running:
            raise CommandRefused("No exercise is running.")
        stop_exercise(self.room, exercise.run_id)
        return self.model.exercise_changed(replace(exercise, running=False, revision=exercise.revision + 1))


def _not_saved(command: cmd.Command) -> str:
    if isinstance(command, cmd.Capture):
        return f"the {command.kind} was not saved, and everything saved before is kept"
    return NOT_SAVED


def _due(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        given = f", not “{text}”" if text.strip() else ""
        raise CommandRefused(f"A commitment needs a due date written as YYYY-MM-DD{given}.") from None


def _month(text: str) -> str:
    """A month as YYYY-MM, or "" for the listening path's default end."""
    text = text.strip()
    if text and not (len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit()
                     and 1 <= int(text[5:]) <= 12):
        raise CommandRefused(f"A listening range is two months written YYYY-MM..YYYY-MM, not “{text}”.")
    return text


def _asset_on(state: RoomState) -> bool:
    return not state.cover and any(state.shown(w).split(":")[0] == "asset" for w in state.present_walls())


def refusal_text(error: Exception) -> str:
    """The sentence to show for a refusal (every refusal a user sees is a Refusal or a ValueError)."""
    return str(error) if isinstance(error, (Refusal, ValueError)) else "The room could not do that."
