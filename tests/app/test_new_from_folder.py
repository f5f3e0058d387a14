"""`customer-room new ROOM --from-folder DIR`, as a consultant runs it on a client's folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

os.environ.setdefault("CUSTOMER_ROOM_VLC_ARGS", "--aout=dummy --vout=dummy")

from customer_room_desktop.app.cli import main  # noqa: E402
from customer_room_desktop.storage.journey_queries import list_calls, list_stages  # noqa: E402
from customer_room_desktop.storage.room_file import RoomFile  # noqa: E402

from ..services.test_folder_source import client_folder  # noqa: E402

SCRIPT = Path(sys.executable).parent / "customer-room"


def test_a_folder_becomes_a_room_that_checks_clean_and_renders(tmp_path, capsys):
    folder = client_folder(tmp_path)
    room = tmp_path / "nordlicht.croom"
    assert main(["new", str(room), "--from-folder", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [
        "Stage 1 'Overview': 1 artifact, 0 calls",
        "Stage 2 'Look for cover': 1 artifact, 0 calls",
        "Stage 3 'Buy': 2 artifacts, 1 call",
        "Stage 4 'Réclamation': 3 artifacts, 0 calls",
        "Stage 5 'Renew': 1 artifact, 0 calls"]
    assert lines[5:7] == [
        "  skipped 01 - Look for cover/prices.xlsx: a spreadsheet; save it as a PDF to show it, or bring its rows "
        "in with customer-room import",
        "  skipped Briefing notes.docx: a text document; save it as a PDF to show it"]
    assert lines[7] == (f"Made the room 'Nordlicht Versicherung' at {room}: 5 stages, 8 artifacts, 1 call "
                        "(1 with a transcript); 2 files skipped, 0 placeholders.")
    assert lines[-1].startswith("1 call was added without consent recorded: it shows its transcript only until "
                                "consent is set")
    with RoomFile.open(room) as opened:
        assert [stage.key for stage in list_stages(opened.db)][:3] == ["overview", "look-for-cover", "buy"]
        assert len(list_calls(opened.db)[0].segments) == 2
    assert main(["check", str(room)]) == 0
    assert "no problems found" in capsys.readouterr().out
    picture = tmp_path / "x.png"
    assert main(["render", str(room), "--view", "stage:1", "-o", str(picture)]) == 0
    assert QImage(str(picture)).size().width() == 1920


def test_the_installed_command_names_the_room_and_takes_consent(tmp_path):
    folder = client_folder(tmp_path)
    result = subprocess.run([str(SCRIPT), "new", "client.croom", "--from-folder", str(folder), "--name", "Nordlicht",
                             "--consent"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Made the room 'Nordlicht' at client.croom: 5 stages" in result.stdout
    assert "without consent" not in result.stdout
    with RoomFile.open(tmp_path / "client.croom") as opened:
        assert opened.writer["room"].get(1)["name"] == "Nordlicht"
        assert all(call.consent for call in list_calls(opened.db))


@pytest.mark.parametrize("case, words", [
    ("room exists", "already exists; choose another name."),
    ("no folder", "does not exist; give the folder that holds the client's material."),
    ("nothing to show", "holds no pictures, PDFs or recordings to make a room from (1 file skipped)."),
])
def test_bad_input_is_refused_in_one_sentence_and_nothing_is_written(tmp_path, capsys, case, words):
    folder, room = tmp_path / "client", tmp_path / "client.croom"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    if case == "room exists":
        room.write_bytes(b"someone's room")
    if case == "no folder":
        folder = tmp_path / "missing"
    assert main(["new", str(room), "--from-folder", str(folder)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("customer-room: ") and error.endswith(words + "\n") and error.count("\n") == 1
    assert room.exists() == (case == "room exists")
    assert not list(tmp_path.glob("*.building*"))
    if case == "room exists":
        assert room.read_bytes() == b"someone's room"


def test_new_without_a_folder_still_makes_an_empty_room(tmp_path, capsys):
    room = tmp_path / "empty.croom"
    assert main(["new", str(room)]) == 0
    assert capsys.readouterr().out == f"Created an empty room 'New Customer Room' at {room}.\n"
    assert main(["new", str(tmp_path / "other.croom"), "--consent"]) == 2
    assert "--consent is for calls made with --from-folder" in capsys.readouterr().err
