"""Playing a call in the live room: the console's transport, the player, and the walls showing it."""

from __future__ import annotations

from collections.abc import Callable

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..domain import room_commands as cmd
from ..domain.captions import caption_index
from ..domain.room_changes import Effect
from ..domain.room_state import CallState
from ..services.wall_data import CallViewData
from ..storage.call_bookmarks import BookmarkRefused, add_bookmark, list_bookmarks
from ..storage.errors import DiskFullError, ReadOnlyRoomError
from ..services.room_engine import RoomEngine
from ..storage.journal import record_event
from ..ui.console.call_panel import CallPanel
from ..ui.walls.call_view import CallView
from .wall_factory import WallFactory

if TYPE_CHECKING:
    from ..services.call_player import CallPlayer

VLC_NEEDED = "VLC is needed to play calls: the transcript is shown instead."


class CallController(QObject):
    """The player and the console's transport. Which call is open is the room's state: this object
    follows it (``follow``) and reports what the player does back as commands."""

    def __init__(self, factory: WallFactory, panel: CallPanel, engine: RoomEngine,
                 send: Callable[[cmd.Command], object]):
        super().__init__()
        self.factory = factory
        self.panel = panel
        self.engine = engine
        self.send = send
        self._player: CallPlayer | None = None  # libVLC starts when first needed, not in the cold start
        self.call: CallViewData | None = None  # the open call's words and recording, read once
        self.notice = ""
        self.views: list[CallView] = []
        self._stop_at: int | None = None
        self._played_from: int | None = None
        panel.call_requested.connect(self.open_call)
        panel.close_requested.connect(self.close_call)
        panel.play_pause_requested.connect(self.play_pause)
        panel.skip_requested.connect(lambda ms: self.player.skip(ms))
        panel.seek_requested.connect(self._seek_and_play)
        panel.volume_requested.connect(lambda volume: self.player.set_volume(volume))
        panel.device_requested.connect(lambda device: self.player.set_audio_device(device))
        panel.bookmark_requested.connect(self.save_bookmark)
        panel.bookmark_play_requested.connect(self.play_moment)

    @property
    def player(self) -> CallPlayer:
        """The one player of the room, made (and libVLC started) the first time it is needed."""
        if self._player is None:
            from ..services.call_player import CallPlayer

            player = CallPlayer(self.factory.source.room.path)
            player.position_changed.connect(self._moved)
            player.state_changed.connect(self._state)
            player.frame_ready.connect(self._frame)
            player.error_raised.connect(self._problem)
            self.panel.show_devices(player.audio_devices())
            player.set_volume(self.panel.volume.value())
            self._player = player
        return self._player

    def release(self) -> None:
        if self._player is not None:
            self._player.release()

    def show_stage_calls(self, position: int) -> None:
        self.panel.show_calls(self.factory.stage_calls(position))

    @property
    def session_id(self) -> int | None:
        """Plays are written to the live session's journal (none while no session is live)."""
        session = self.engine.state.session
        return session.id if session.live else None

    def open_call(self, key: str) -> None:
        self.send(cmd.OpenCall(key))

    def close_call(self) -> None:
        self.send(cmd.CloseCall())

    def play_pause(self) -> None:
        self.send(cmd.PlayPause())

    def follow(self, state: CallState | None) -> None:
        """The room opened or closed a call: load it, or stop."""
        if state is None:
            if self.call is not None:
                self._journal_play()
                self.player.unload()
                self.call = None
            return
        if self.call is None or self.call.key != state.key:
            if self.call is not None:
                self._journal_play()
            self._load(state.key)

    def transport(self, effect: Effect) -> None:
        if not self._may_play():
            return
        self._stop_at = None
        if effect is Effect.PLAY_PAUSE:
            self.player.toggle()
        elif effect is Effect.PLAY:
            self.player.play()
        elif effect is Effect.PAUSE:
            self.player.pause()

    def _load(self, key: str) -> None:
        self.call = self.factory.source.call_view(key)
        self._stop_at = None
        self.notice = "" if self.player.available else VLC_NEEDED
        if not self.call.consent:
            self.notice = "The customer did not consent to this recording being played: transcript only."
        else:
            self.player.load(self.call.media_sha256, self.call.title, self.call.duration_ms)
        lines = [(s.start_ms, f"{s.speaker}: {s.text}" if s.speaker else s.text) for s in self.call.segments]
        self.panel.show_call(self.call.title, self.call.duration_ms, lines, self._bookmarks(), self.notice)

    def attach(self, views: list[CallView]) -> None:
        """The walls now showing the call (after the room laid its walls out)."""
        self.views = views
        for view in views:
            if self.call is not None:
                view.show_call(self.call, self.player.position_ms, self.notice)

    # -- transport --------------------------------------------------------------------------------
    def _may_play(self) -> bool:
        return self.call is not None and self.player.available and self.call.consent

    def _seek_and_play(self, position_ms: int) -> None:
        if self.call is None:
            return
        if self._may_play():
            self._stop_at = None
            self._journal_play()
            self.player.seek(position_ms)
            self._played_from = position_ms
        else:  # no sound: the transcript still follows the facilitator
            self._moved(position_ms)

    def play_moment(self, in_ms: int, out_ms: int) -> None:
        """A bookmark: play from its in point and pause at its out point."""
        if self._may_play():
            self._journal_play()
            self.player.seek(in_ms)
            self._played_from = in_ms
            self._stop_at = out_ms

    def save_bookmark(self, label: str, in_ms: int, out_ms: int) -> None:
        if self.call is None:
            return
        try:
            self.engine.writes.run(add_bookmark, self.call.key, label, in_ms, out_ms)
        except (BookmarkRefused, ReadOnlyRoomError, DiskFullError) as refusal:
            self.panel.show_notice(str(refusal))
            return
        self.panel.show_bookmarks(self._bookmarks())

    def _bookmarks(self) -> list[tuple[str, int, int]]:
        if self.call is None:
            return []
        return [(b.label, b.in_ms, b.out_ms) for b in list_bookmarks(self.factory.source.room, self.call.key)]

    # -- from the player ------------------------------------------------------------------------
    def _moved(self, position_ms: int) -> None:
        if self.call is None:
            return
        if self._stop_at is not None and position_ms >= self._stop_at:
            self._stop_at = None
            self.player.pause()
        for view in self.views:
            view.set_position(position_ms)
        self.panel.show_position(position_ms, self.call.duration_ms, caption_index(self.call.segments, position_ms))
        self.send(cmd.CallProgress(self.player.state == "playing", position_ms))

    def _state(self, state: str) -> None:
        if self.call is not None:
            self.send(cmd.CallProgress(state == "playing", self.player.position_ms))
        if state == "playing" and self._played_from is None:
            self._played_from = self.player.position_ms
        elif state in ("paused", "ended", "stopped", "error"):
            self._journal_play()

    def _journal_play(self) -> None:
        """Record the stretch just heard (which call, from where to where) for the minutes."""
        started, self._played_from = self._played_from, None
        if started is None or self.call is None or self.session_id is None:
            return
        heard_to = self.player.position_ms
        if heard_to <= started:
            return
        # (a room opened for viewing has no live session, so it never comes here)
        self.engine.writes.record(record_event, self.session_id, "call_played",
                                  {"call": self.call.key, "from_ms": started, "to_ms": heard_to})

    def _frame(self, image) -> None:
        for view in self.views:
            view.set_frame(image)

    def _problem(self, message: str) -> None:
        self.notice = message
        self.panel.show_notice(message)
        for view in self.views:
            view.set_notice(message)
