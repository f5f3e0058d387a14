""""Edit room…" on the live room's console: the live room closes, the editor opens on the room, and when it
is closed the room comes back as edited; never while a session is live."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session


def test_edit_room_closes_the_live_room_opens_the_editor_and_brings_the_room_back(sample_room_copy, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "tests.app.edit_from_console_probe", str(sample_room_copy)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.split("\n")[-5:] == ["live room", "editor", "live room again: 1  I shop around",
                                             "exit 0", ""], result.stderr[-2000:]


def test_a_live_session_keeps_the_room_from_the_editor(sample_room_copy, tmp_path, qtbot):
    with RoomFile.open(sample_room_copy) as room:
        session = plan_session(room, "Q1 review", "quarterly", date(2026, 12, 3), [Attendee("Ann Lee")])
        live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "edit", "test"))
        live.start()
        try:
            live.engine.load_session(session)
            live.send(cmd.StartSession())
            assert live.state.session.live
            live.console.edit_button.click()
            assert "Close the session first" in live.console.message.text()
        finally:
            live.shut_down()
