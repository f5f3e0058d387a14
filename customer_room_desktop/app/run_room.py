"""Open a room file and run the live room until the facilitator quits (or the service stops it)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from ..services import start_up_collection
from ..services.screen_assignment import AssignmentStore
from ..storage.room_file import RoomFile
from .live_room import LiveRoom
from .on_screen import once_on_screen
from .paths import user_data_dir
from .qt_app import qt_application
from .phone_switch import PhoneSwitch
from .room_lock import LiveRoomLock
from .wall_factory import WallFactory


def _quit_on_terminate(app: QApplication) -> None:
    """SIGTERM (a service stopping, a logout) and Ctrl+C close the room cleanly, file included.
    Python handles signals only when it runs, so a light timer gives it the chance."""
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signal_number, lambda *_: app.quit())
    heartbeat = QTimer(app, interval=250)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start()


def _once_on_screen(live: LiveRoom, then: Callable[[], None], *, poll_ms: int, give_up_s: float | None = None) -> None:
    """Call ``then`` once the console and every wall are mapped and exposed (see ``once_on_screen``)."""
    once_on_screen(live.on_screen, lambda: live.closing, then, poll_ms=poll_ms, give_up_s=give_up_s)


def _quit_painted(app: QApplication) -> None:
    """Once what the exposures asked for is drawn, print "painted" (the cold-start benchmark times the
    line) and quit. Only paints still queued are delivered first: every posted event would also run the
    idle work queued meanwhile (the walls' next frames, 30 ms and more), which the clock must not count."""
    for kind in (QEvent.Type.LayoutRequest, QEvent.Type.UpdateLater, QEvent.Type.UpdateRequest):
        QCoreApplication.sendPostedEvents(None, kind)
    print("painted", flush=True)
    app.quit()


def _collect_from_now_on() -> None:
    start_up_collection.resume(automatic=False)


def _take_live_lock(path: Path, cleanup: ExitStack) -> LiveRoomLock:
    """One live room per room file: raises RoomOpenLive (its message is the sentence to show)
    before any window exists when another process has it open live. Released last on shut-down."""
    lock = cleanup.enter_context(LiveRoomLock.acquire(path))
    if lock.problem:
        print(f"customer-room: {lock.problem}; another window could open this room live too.", file=sys.stderr)
    return lock


def _attach_phones(live: LiveRoom, listen: str | None, cleanup: ExitStack) -> PhoneSwitch:
    """The console's Phones tab, stopped before the room shuts down. With ``listen`` (ADDRESS[:PORT], from
    ``--phones``) the server starts at once, the tab shows it on, and its links and PIN are printed for
    whoever started the room from a terminal; without it nothing listens until the switch is turned on."""
    switch = PhoneSwitch(live)
    cleanup.callback(switch.turn_off)  # runs before live.shut_down: no phone is left talking to a closed room
    if listen is not None:
        from ..services.phone_server import parse_listen

        switch.turn_on(*parse_listen(listen))
        bridge = switch.made_bridge()
        print(f"Phones: facilitator {bridge.facilitator_url} (PIN {bridge.pin}); leaders "
              f"{bridge.leaders_url or 'once a session is planned'}", flush=True)
    return switch


def run_live_room(path: Path, *, view_only: bool = False, control_path: Path | None = None,
                  phones: str | None = None) -> int:
    """Run the console and walls on the room at ``path`` until quit; return the exit status.

    view_only: open the room read-only and do not take its live lock, so it works while another
    process has the room open live (and when nobody does).
    control_path: listen there for commands, one JSON object per line (control_socket.py).
    phones: serve the phones' page and WebSocket on this ADDRESS[:PORT] (phone_bridge.py); None: nothing listens.
    """
    path = Path(path)
    with ExitStack() as cleanup:  # unwinds in reverse: the room shuts down, its file closes, the lock goes
        lock = None if view_only else _take_live_lock(path, cleanup)
        room = cleanup.enter_context(RoomFile.open(path, read_only=view_only))
        if room.upgrade_notice:
            print(room.upgrade_notice, file=sys.stderr)
        if room.read_only and lock is not None:
            lock.release()  # a read-only file: this window is not the live room, another may be
        app = qt_application("Customer Room")
        notice = ""
        if room.read_only:
            notice = f"Open for viewing only, because {room.read_only_reason}: decisions and notes cannot be saved."
            print(f"customer-room: {notice}", file=sys.stderr)
        factory = WallFactory(room)
        store = AssignmentStore(user_data_dir() / "walls.json", f"{factory.branding.room_name}|{path.name}")
        live = LiveRoom(factory, store, notice)
        live.start()
        cleanup.callback(_collect_from_now_on)  # last of all, should the room close before it showed
        cleanup.callback(live.shut_down)
        if control_path is not None:
            from .control_socket import ControlSocket

            control = ControlSocket(str(control_path), live.execute, lambda: live.state)
            cleanup.callback(control.close)
        _attach_phones(live, phones, cleanup)
        _quit_on_terminate(app)
        if os.environ.get("CUSTOMER_ROOM_QUIT_WHEN_SHOWN"):
            QTimer.singleShot(0, lambda: _once_on_screen(live, lambda: _quit_painted(app), poll_ms=1))
        else:  # paused at launch; the main-thread collector (qt_app) runs the collections from then on
            _once_on_screen(live, lambda: QTimer.singleShot(0, _collect_from_now_on), poll_ms=10, give_up_s=5)
        return app.exec()
