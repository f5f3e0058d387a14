"""The live room as one Qt-free model: a command goes in, the new state and what changed come out.

Only what the walls and the console need to know lives here (the stage, covers, each wall's
assignment and what borrowed it, the session, the open call, the exercise). Storage writes are
made by the service that owns the room file, before it hands the command's effect to this model.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from . import room_commands as cmd
from .room_changes import Changed, Changes, Effect, _Pending
from .room_commands import CommandRefused
from .room_state import (
    REHEARSAL, Borrower, Borrowing, CallState, Celebration, ExerciseState, RoomState, SessionState, WallState,
)
from .wall_views import CHOOSABLE, CONVERSATION_VIEWS, DEFAULT_ORDER, split_view

CONVERSATION_REASONS = {1: "the customer asset, early warning and listening path", 3: "the dot vote",
                        4: "the team board"}


def _shows(wall: WallState, view: str) -> bool:
    """Whether the wall shows ``view`` under any cover: a wall set to "persona" shows the persona chosen."""
    return wall.view == view or (wall.view == "persona" and view.startswith("persona:"))


class RoomModel:
    """Holds the one RoomState; every change goes through ``apply`` (or, for commands that write to the
    room file, through the service's calls below once the write is committed)."""

    def __init__(self, state: RoomState):
        self.state = state
        self._floor = 0  # borrowings made by the command under way are never taken back by it

    def _begin(self) -> None:
        self._floor = self.state.borrowings_made

    # -- the entry point ------------------------------------------------------------------------
    def apply(self, command: cmd.Command) -> Changes:
        handler = getattr(self, f"_on_{type(command).__name__}", None)
        if handler is None:
            raise CommandRefused("The room cannot carry out that command here.")
        pending = _Pending()
        self._begin()
        message = handler(command, pending)
        return pending.done(message or "")

    # -- the journey ----------------------------------------------------------------------------
    def stage_number(self, stage: int | str) -> int:
        count = self.state.stage_count
        if isinstance(stage, int):
            if not 1 <= stage <= count:
                raise CommandRefused(f"There is no stage {stage}: the journey has stages 1 to {count}.")
            return stage
        for number, ref in enumerate(self.state.stages, start=1):
            if ref.key == stage:
                return number
        raise CommandRefused(f"This room has no stage '{stage}' (use 1 to {count} or a stage key).")

    def _on_Go(self, command: cmd.Go, pending: _Pending) -> None:
        self._go(self.stage_number(command.stage), pending)

    def _on_Next(self, command: cmd.Next, pending: _Pending) -> str:
        target = self.state.next_position()
        if target is None:
            return "This is the last stage: the end of the journey."
        self._go(target, pending)
        return ""

    def _on_Previous(self, command: cmd.Previous, pending: _Pending) -> None:
        self._go(max(1, self.state.position - 1), pending)

    def _go(self, position: int, pending: _Pending) -> None:
        s = self.state
        if position == s.position and not s.cover:
            return
        walls = s.walls
        if position != s.position:  # the walls move on: what belonged to the old stage makes way
            walls = self._end_borrowings(walls, {Borrower.ARTIFACT, Borrower.PERSONA}, pending)
            if s.exercise and not s.exercise.running:
                walls = self._end_borrowings(walls, {Borrower.EXERCISE}, pending)
        self.state = replace(s, position=position, cover=None, celebration=None, walls=walls,
                             artifact=None if position != s.position else s.artifact,
                             persona=None if position != s.position else s.persona,
                             exercise=s.exercise if position == s.position or (s.exercise and s.exercise.running)
                             else None)
        pending.what.add(Changed.STAGE)
        if s.exercise is not self.state.exercise:
            pending.what.add(Changed.EXERCISE)

    def _toggle_cover(self, kind: str, pending: _Pending) -> None:
        self.state = replace(self.state, cover=None if self.state.cover == kind else kind, celebration=None)
        pending.what.add(Changed.STAGE)

    def _on_Blackout(self, command: cmd.Blackout, pending: _Pending) -> None:
        self._toggle_cover("blackout", pending)

    def _on_White(self, command: cmd.White, pending: _Pending) -> None:
        self._toggle_cover("white", pending)

    def _on_Celebrate(self, command: cmd.Celebrate, pending: _Pending) -> None:
        self.state = replace(self.state, cover="celebration",
                             celebration=Celebration(command.team, command.priority, command.citation))
        pending.what.add(Changed.STAGE)

    def _on_Identify(self, command: cmd.Identify, pending: _Pending) -> None:
        pending.effects.append(Effect.IDENTIFY)

    def _on_LayOut(self, command: cmd.LayOut, pending: _Pending) -> None:
        pending.effects.append(Effect.LAY_OUT)

    def _on_Quit(self, command: cmd.Quit, pending: _Pending) -> None:
        pending.effects.append(Effect.QUIT)

    # -- walls ------------------------------------------------------------------------------------
    def wall_identity(self, wall: int | str) -> str:
        walls = self.state.walls
        if isinstance(wall, int):
            if not 1 <= wall <= len(walls):
                have = f"walls 1 to {len(walls)}" if walls else "no walls"
                raise CommandRefused(f"There is no wall {wall}: the room has {have}.")
            return walls[wall - 1].identity
        if self.state.wall(wall) is None:
            raise CommandRefused(f"There is no wall '{wall}' in this room.")
        return wall

    def _replace_wall(self, identity: str, **changes: Any) -> None:
        self.state = replace(self.state, walls=tuple(replace(w, **changes) if w.identity == identity else w
                                                     for w in self.state.walls))

    def _on_Assign(self, command: cmd.Assign, pending: _Pending) -> None:
        identity = self.wall_identity(command.wall)
        view, argument = split_view(command.view)
        if view.name not in CHOOSABLE:
            raise CommandRefused(f"A wall cannot be set to show {view.name}; choose one of {', '.join(CHOOSABLE)}.")
        if argument and not view.live_argument:
            raise CommandRefused(f"A wall set to {view.name} follows the room; write just '{view.name}' "
                                 f"({view.spec} is for render).")
        self._replace_wall(identity, assigned=command.view.strip(), borrowed=None)
        if identity != REHEARSAL:
            pending.remember.append((identity, command.view.strip()))
        pending.what.add(Changed.WALLS)

    def _on_Release(self, command: cmd.Release, pending: _Pending) -> str:
        identity = self.wall_identity(command.wall)
        wall = self.state.wall(identity)
        if wall is None or wall.borrowed is None:
            return "That wall already shows its own view."
        self._replace_wall(identity, borrowed=None)
        pending.what.add(Changed.WALLS)
        return ""

    def _on_ScreensChanged(self, command: cmd.ScreensChanged, pending: _Pending) -> None:
        """Walls keep their identity: a wall's view never depends on its place in the monitor list."""
        known = {wall.identity: wall for wall in self.state.walls}
        present = {screen.identity for screen in command.walls}
        taken = {wall.assigned for wall in known.values()} | set(command.remembered.values())
        defaults = [view for view in DEFAULT_ORDER if view not in taken]
        walls: list[WallState] = []
        lost: list[Borrowing] = []
        for screen in command.walls:
            wall = known.get(screen.identity)
            if wall is None:
                view = command.remembered.get(screen.identity, "")
                if not self._choosable(view):
                    view = defaults.pop(0) if defaults else "logo"
                    if screen.identity != REHEARSAL:
                        pending.remember.append((screen.identity, view))  # so it never changes with position
                wall = WallState(screen.identity, screen.name, True, view)
            walls.append(replace(wall, name=screen.name, present=True, size=(screen.width, screen.height)))
        for index, wall in enumerate(self.state.walls):  # an unplugged wall keeps its place and its view
            if wall.identity not in present and wall.identity != REHEARSAL:
                if wall.borrowed:
                    lost.append(wall.borrowed)
                walls.insert(min(index, len(walls)), replace(wall, present=False, borrowed=None))
        self.state = replace(self.state, walls=tuple(walls))
        for borrowing in sorted(lost, key=lambda b: b.order):  # what lost its wall finds a free one
            self._borrow(borrowing.view, borrowing.by, borrowing.reason, pending, take_back=False)
        pending.what.add(Changed.WALLS)

    @staticmethod
    def _choosable(view: str) -> bool:
        try:
            return split_view(view)[0].name in CHOOSABLE
        except ValueError:
            return False

    def _on_SetCycling(self, command: cmd.SetCycling, pending: _Pending) -> None:
        self.state = replace(self.state, cycling=command.on,
                             walls=tuple(replace(w, position=None) for w in self.state.walls))
        pending.what.add(Changed.WALLS)

    def _on_CycleWall(self, command: cmd.CycleWall, pending: _Pending) -> None:
        wall = self.state.wall(command.identity)
        if not self.state.cycling or wall is None:
            return
        current = wall.position or self.state.position
        self._replace_wall(command.identity, position=current % self.state.stage_count + 1)
        pending.what.add(Changed.WALLS)

    # -- borrowing ---------------------------------------------------------------------------------
    def _borrow(self, view: str, by: Borrower, reason: str, pending: _Pending, take_back: bool = True) -> None:
        """Put ``view`` on a wall unless one shows it: the first wall not borrowed, else (``take_back``)
        the wall with the oldest borrowing."""
        present = self.state.present_walls()
        if not present or any(_shows(w, view) for w in present):
            return
        free = [w for w in present if w.borrowed is None]
        older = [w for w in present if w.borrowed and w.borrowed.order <= self._floor]
        if free:
            wall = free[0]
        elif take_back and older:
            wall = min(older, key=lambda w: w.borrowed.order if w.borrowed else 0)
        else:
            return
        order = self.state.borrowings_made + 1
        self.state = replace(self.state, borrowings_made=order)
        self._replace_wall(wall.identity, borrowed=Borrowing(view, by, reason, order))
        pending.what.add(Changed.WALLS)

    def _end_borrowings(self, walls: tuple[WallState, ...], borrowers: set[Borrower],
                        pending: _Pending) -> tuple[WallState, ...]:
        ended = tuple(replace(w, borrowed=None) if w.borrowed and w.borrowed.by in borrowers else w for w in walls)
        if ended != walls:
            pending.what.add(Changed.WALLS)
        return ended

    def _give_back(self, borrowers: set[Borrower], pending: _Pending) -> None:
        self.state = replace(self.state, walls=self._end_borrowings(self.state.walls, borrowers, pending))

    def _on_ShowArtifact(self, command: cmd.ShowArtifact, pending: _Pending) -> None:
        self.state = replace(self.state, artifact=(command.key, max(0, command.page)))
        self._borrow("artifact", Borrower.ARTIFACT, f"artifact {command.key}", pending)
        pending.what.add(Changed.WALLS)

    def _on_TurnPage(self, command: cmd.TurnPage, pending: _Pending) -> str:
        s = self.state
        if s.exercise is not None:
            self.state = replace(s, exercise=replace(s.exercise, page=max(0, s.exercise.page + command.step)))
            pending.what.add(Changed.EXERCISE)
        elif s.artifact is not None:
            self.state = replace(s, artifact=(s.artifact[0], max(0, s.artifact[1] + command.step)))
            pending.what.add(Changed.WALLS)
        else:
            return "Choose an artifact first: there is no page to turn."
        return ""

    def _on_ShowPersona(self, command: cmd.ShowPersona, pending: _Pending) -> None:
        if command.key not in self.state.personas:
            raise CommandRefused(f"This room has no persona '{command.key}'.")
        self.state = replace(self.state, persona=command.key)
        self._borrow(f"persona:{command.key}", Borrower.PERSONA, f"persona {command.key}", pending)

    def _on_OpenCall(self, command: cmd.OpenCall, pending: _Pending) -> None:
        self.state = replace(self.state, call=CallState(command.key))
        self._borrow("call", Borrower.CALL, f"call {command.key}", pending)
        pending.what.add(Changed.CALL)

    def _on_CloseCall(self, command: cmd.CloseCall, pending: _Pending) -> None:
        if self.state.call is None:
            return
        self.state = replace(self.state, call=None)
        self._give_back({Borrower.CALL}, pending)
        pending.what.add(Changed.CALL)

    def _transport(self, effect: Effect, pending: _Pending) -> str:
        if self.state.call is None:
            return "Open a call first: there is nothing to play."
        pending.effects.append(effect)
        return ""

    def _playing(self, playing: bool) -> None:
        """What the player was asked to do; its own report (CallProgress) follows a moment later."""
        if self.state.call is not None:
            self.state = replace(self.state, call=replace(self.state.call, playing=playing))

    def _on_Play(self, command: cmd.Play, pending: _Pending) -> str:
        message = self._transport(Effect.PLAY, pending)
        self._playing(True)
        return message

    def _on_Pause(self, command: cmd.Pause, pending: _Pending) -> str:
        message = self._transport(Effect.PAUSE, pending)
        self._playing(False)
        return message

    def _on_PlayPause(self, command: cmd.PlayPause, pending: _Pending) -> str:
        message = self._transport(Effect.PLAY_PAUSE, pending)
        self._playing(not (self.state.call and self.state.call.playing))
        return message

    def _on_CallProgress(self, command: cmd.CallProgress, pending: _Pending) -> None:
        if self.state.call is not None:
            self.state = replace(self.state, call=replace(self.state.call, playing=command.playing,
                                                          position_ms=max(0, command.position_ms)))
            pending.what.add(Changed.CALL_POSITION)

    def _on_SetAssetPeriod(self, command: cmd.SetAssetPeriod, pending: _Pending) -> None:
        if command.label != self.state.asset_period:
            self.state = replace(self.state, asset_period=command.label)
            pending.what.add(Changed.WALLS)

    def _on_SessionDataChanged(self, command: cmd.SessionDataChanged, pending: _Pending) -> None:
        session = self.state.session
        self.state = replace(self.state, session=replace(session, revision=session.revision + 1))
        pending.what.add(Changed.SESSION_DATA)

    def _on_ExerciseDataChanged(self, command: cmd.ExerciseDataChanged, pending: _Pending) -> None:
        if self.state.exercise is not None:
            self.state = replace(self.state, exercise=replace(self.state.exercise,
                                                              revision=self.state.exercise.revision + 1))
            pending.what.add(Changed.EXERCISE)

    # -- told by the service once the room file has the change --------------------------------------
    def session_changed(self, session: SessionState) -> Changes:
        """A session was planned, started, resumed or closed (its row is saved)."""
        self._begin()
        pending = _Pending({Changed.SESSION, Changed.CAPTURES})
        old = self.state.session
        self.state = replace(self.state, session=replace(session, conversation=session.conversation
                                                         if session.status == "live" else 0,
                                                         revision=old.revision + 1))
        if not self.state.session.live and old.conversation:
            self._give_back({Borrower.CONVERSATION}, pending)
        return pending.done()

    def conversation_started(self, number: int, started_at: str = "") -> Changes:
        """A new conversation ends the previous one's borrowings, then brings its own views forward."""
        self._begin()
        pending = _Pending({Changed.SESSION})
        self.state = replace(self.state, session=replace(self.state.session, conversation=number,
                                                         conversation_started_at=started_at),
                             cover=None, celebration=None, persona=None, artifact=None)
        ended = {Borrower.CONVERSATION, Borrower.PERSONA, Borrower.ARTIFACT}
        if self.state.exercise is None or not self.state.exercise.running:
            ended.add(Borrower.EXERCISE)
            self.state = replace(self.state, exercise=None)
        self._give_back(ended, pending)
        if number == 2:
            for key in self.state.personas:
                self._borrow(f"persona:{key}", Borrower.PERSONA, "conversation 2: meet the customers", pending)
        for view in CONVERSATION_VIEWS.get(number, ()):
            self._borrow(view, Borrower.CONVERSATION, f"conversation {number}: {CONVERSATION_REASONS[number]}",
                         pending)
        pending.what.add(Changed.STAGE)
        return pending.done()

    def exercise_changed(self, exercise: ExerciseState | None) -> Changes:
        self._begin()
        pending = _Pending({Changed.EXERCISE})
        old = self.state.exercise
        self.state = replace(self.state, exercise=exercise)
        if exercise is not None and (old is None or old.run_id != exercise.run_id):
            self._borrow("exercise", Borrower.EXERCISE, f"exercise {exercise.title}", pending)
        if exercise is None:
            self._give_back({Borrower.EXERCISE}, pending)
        return pending.done()

    def planned_stage_seconds_changed(self, seconds: int) -> Changes:
        if seconds == self.state.planned_stage_seconds:
            return Changes()
        self.state = replace(self.state, planned_stage_seconds=seconds)
        return Changes(frozenset({Changed.CLOCK}))
