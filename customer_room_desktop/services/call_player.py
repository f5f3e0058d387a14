"""A recorded call, played by libVLC, reported to Qt as plain signals on the GUI thread.

libVLC raises its events on its own threads. They are only forwarded here, through queued
signals; everything that calls libVLC back happens on the GUI thread (libVLC is not re-entrant).
"""

from __future__ import annotations

from pathlib import Path

import ctypes
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from .recording_probe import stop_sentence, stops_early
from .room_media_stream import RoomMediaStream
from .vlc_backend import VlcUnavailable, load_vlc, shared_instance

VIDEO_WIDTH, VIDEO_HEIGHT = 960, 540  # video interviews are decoded at this size (16:9)
TICK_MS = 40  # position updates between libVLC's own (which come about once a second for audio)


class _Bridge(QObject):
    """Emitted from libVLC's threads; connected with queued connections to the player. Times are
    64-bit, as libVLC's are: a nonsense time must arrive (and be set right), not overflow a C int."""

    frame = Signal(QImage)
    time = Signal("qint64")
    length = Signal("qint64")
    state = Signal(str)


class CallPlayer(QObject):
    state_changed = Signal(str)  # "playing", "paused", "stopped", "ended", "error"
    position_changed = Signal("qint64")  # milliseconds, never negative
    duration_changed = Signal("qint64")
    error_raised = Signal(str)  # one sentence for the user
    frame_ready = Signal(QImage)  # a video interview's picture, as libVLC shows it

    def __init__(self, room_path: Path):
        super().__init__()
        self.available = True
        self.unavailable_reason = ""
        self.state = "stopped"
        self.position_ms = 0
        self.duration_ms = 0
        self._expected_ms = 0  # the length the room gives the call
        self._vlc_length_ms = 0  # the length libVLC reads from the file
        self._heard_since_seek = False  # libVLC reported a time since the last jump
        self._furthest_ms = 0  # the furthest time libVLC reported in this recording
        self._bridge = _Bridge()
        self._bridge.time.connect(self._on_time, Qt.ConnectionType.QueuedConnection)
        self._bridge.length.connect(self._on_length, Qt.ConnectionType.QueuedConnection)
        self._bridge.state.connect(self._on_state, Qt.ConnectionType.QueuedConnection)
        self._bridge.frame.connect(self.frame_ready, Qt.ConnectionType.QueuedConnection)
        self._anchor = (0, time.monotonic())  # last position libVLC reported, and when
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        try:
            self._vlc = load_vlc()
            self._instance = shared_instance()
        except VlcUnavailable as problem:
            self.available = False
            self.unavailable_reason = str(problem)
            return
        self._stream = RoomMediaStream(self._vlc, room_path)
        self._player = self._instance.media_player_new()  # one player, reused for every call
        events = self._player.event_manager()
        kinds = self._vlc.EventType
        events.event_attach(kinds.MediaPlayerTimeChanged, lambda e: self._bridge.time.emit(e.u.new_time))
        events.event_attach(kinds.MediaPlayerLengthChanged, lambda e: self._bridge.length.emit(e.u.new_length))
        for kind, name in ((kinds.MediaPlayerPlaying, "playing"), (kinds.MediaPlayerPaused, "paused"),
                           (kinds.MediaPlayerStopped, "stopped"), (kinds.MediaPlayerEndReached, "ended"),
                           (kinds.MediaPlayerEncounteredError, "error")):
            events.event_attach(kind, lambda _e, name=name: self._bridge.state.emit(name))
        self._receive_video()
        self._title = ""
        self._heard = False
        self._media = None
        self._device: str | None = None
        self._device_applied = False

    def _receive_video(self) -> None:
        """Video is decoded into our own buffer (libVLC's video callbacks) and shown by the call view,
        on any platform and offscreen alike; audio-only calls simply never produce a frame."""
        buffer = ctypes.create_string_buffer(VIDEO_WIDTH * VIDEO_HEIGHT * 4)
        address = ctypes.addressof(buffer)
        decorators = self._vlc.CallbackDecorators

        def lock(_opaque, planes):
            planes[0] = address
            return None

        def display(_opaque, _picture):
            image = QImage(buffer.raw, VIDEO_WIDTH, VIDEO_HEIGHT, VIDEO_WIDTH * 4, QImage.Format.Format_RGB32)
            self._bridge.frame.emit(image.copy())

        self._video = (buffer, decorators.VideoLockCb(lock), decorators.VideoUnlockCb(lambda *_: None),
                       decorators.VideoDisplayCb(display))  # kept alive as long as the player
        self._player.video_set_callbacks(self._video[1], self._video[2], self._video[3], None)
        self._player.video_set_format("RV32", VIDEO_WIDTH, VIDEO_HEIGHT, VIDEO_WIDTH * 4)

    # -- commands (GUI thread) ----------------------------------------------------------------
    def load(self, sha256: str, title: str = "", duration_ms: int = 0) -> None:
        self._title = title
        self._heard = False  # no sound decoded yet from this recording
        self.position_ms, self.duration_ms = 0, duration_ms
        self._expected_ms, self._vlc_length_ms, self._furthest_ms = duration_ms, 0, 0
        self._heard_since_seek = False
        if not self.available:
            self.error_raised.emit(self.unavailable_reason)
            return
        self._player.stop()
        media = self._stream.media(self._instance, sha256)
        self._player.set_media(media)
        if self._media is not None:
            self._media.release()  # the player keeps its own reference to the media it plays
        self._media = media

    def play(self) -> None:
        if self.available and self._player.play() == -1:
            self._on_state("error")

    def pause(self) -> None:
        if self.available:
            self._player.set_pause(1)

    def toggle(self) -> None:
        self.pause() if self.state == "playing" else self.play()

    def stop(self) -> None:
        if self.available:
            self._player.stop()

    def unload(self) -> None:
        """Stop and let go of the recording as soon as the call is closed (the player stays, for the next)."""
        if self.available:
            self._player.stop()
            self._player.set_media(None)
            if self._media is not None:
                self._media.release()
                self._media = None

    def seek(self, position_ms: int) -> None:
        """Jump to a moment; before playing, the jump waits until playback starts."""
        if not self.available:
            return
        position_ms = max(0, min(position_ms, max(0, (self.duration_ms or position_ms) - 50)))
        if self.state in ("stopped", "ended"):
            self.play()
        self._player.set_time(int(position_ms))
        self._heard_since_seek = False
        self.position_ms = position_ms
        self._anchor = (position_ms, time.monotonic())
        self.position_changed.emit(position_ms)

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position_ms + delta_ms)

    def set_volume(self, percent: int) -> None:
        if self.available:
            self._player.audio_set_volume(max(0, min(int(percent), 100)))

    def volume(self) -> int:
        return self._player.audio_get_volume() if self.available else 0

    def audio_devices(self) -> list[tuple[str, str]]:
        """(device id, description) of the current audio output: the room's speakers or the laptop."""
        if not self.available:
            return []
        devices = []
        head = self._player.audio_output_device_enum()
        node = head
        while node:
            item = node.contents
            devices.append((item.device.decode(errors="replace") if item.device else "",
                            item.description.decode(errors="replace") if item.description else ""))
            node = item.next
        if head:
            self._vlc.libvlc_audio_output_device_list_release(head)
        return devices

    def set_audio_device(self, device_id: str) -> None:
        """Choose where the sound goes; kept, and applied again whenever playback (re)creates its output."""
        self._device = device_id or None
        self._device_applied = False
        if self.available and self._device and self.state == "playing" and self._heard:
            self._player.audio_output_device_set(None, self._device)
            self._device_applied = True

    def release(self) -> None:
        if self.available:
            self._player.stop()
            self._player.release()
            if self._media is not None:
                self._media.release()
                self._media = None
            self.available = False

    # -- events (queued onto the GUI thread) ----------------------------------------------------
    def _on_time(self, position_ms: int) -> None:
        """libVLC's own report re-anchors the estimate; a report just behind the estimate (the
        estimate ran a few ms ahead) is not shown, so captions never step back. A negative time
        (libVLC reports one for some video files) is taken as the start."""
        position_ms = max(0, position_ms)
        self._anchor = (position_ms, time.monotonic())
        self._heard = self._heard_since_seek = True
        self._furthest_ms = max(self._furthest_ms, position_ms)
        if self._device and not self._device_applied and self.available:
            # the audio output exists once sound flows: only now can its device be chosen
            self._player.audio_output_device_set(None, self._device)
            self._device_applied = True
        if position_ms >= self.position_ms or position_ms < self.position_ms - 1000:
            self.position_ms = position_ms
            self.position_changed.emit(position_ms)

    def _tick(self) -> None:
        """While playing, carry the position forward from libVLC's last report by the time since."""
        anchor_ms, anchor_at = self._anchor
        estimate = anchor_ms + int((time.monotonic() - anchor_at) * 1000)
        if self.duration_ms:
            estimate = min(estimate, self.duration_ms)
        if estimate > self.position_ms:
            self.position_ms = estimate
            self.position_changed.emit(estimate)

    def _on_length(self, length_ms: int) -> None:
        if length_ms > 0:
            self._vlc_length_ms = length_ms
            self.duration_ms = length_ms
            self.duration_changed.emit(length_ms)

    def _on_state(self, state: str) -> None:
        if state == "ended" and not self._heard:
            state = "error"  # libVLC "ends" a file it could not decode at all, without a sound
        self.state = state
        if state == "playing":
            self._anchor = (self.position_ms, time.monotonic())
            self._ticker.start()
            self._device_applied = False
        else:
            self._ticker.stop()
        if state == "error":
            self.error_raised.emit(f"The recording of “{self._title or 'this call'}” cannot be played "
                                   "(damaged or in a format VLC does not know); the transcript is still shown.")
        if state == "ended":
            self._ended()
        self.state_changed.emit(state)

    def _ended(self) -> None:
        """The end of the file: the end of the call, or (well before its known length) where the
        recording stops short; the progress then stays where the sound stopped."""
        known = self._expected_ms or self._vlc_length_ms
        reached = self._reached_ms()
        if stops_early(reached, known):
            self.position_ms = reached
            self.position_changed.emit(reached)
            sentence = stop_sentence(reached, known)
            self.error_raised.emit(f"{sentence[0].upper()}{sentence[1:]}; the transcript is still shown.")
        elif self.duration_ms:
            self.position_ms = self.duration_ms  # the progress bar reaches the end
            self.position_changed.emit(self.duration_ms)

    def _reached_ms(self) -> int:
        """Where the sound stopped: where playback had got to, or, when the file ended right after a
        jump past its end, the length libVLC gave it (or the furthest point heard before)."""
        if self._heard_since_seek:
            return self.position_ms
        if 0 < self._vlc_length_ms < self.position_ms:
            return self._vlc_length_ms
        return min(self._furthest_ms, self.position_ms)
