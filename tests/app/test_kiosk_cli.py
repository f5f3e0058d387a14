"""`customer-room kiosk ROOM --edit-programme FILE` and `--set-pin`, on a copy of the sample room."""

from __future__ import annotations

import io

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.domain.kiosk_pin import pin_matches
from customer_room_desktop.domain.kiosk_programme import programme_from_toml
from customer_room_desktop.storage.kiosk_store import pin_hash, stored_programme
from customer_room_desktop.storage.room_file import RoomFile


def test_a_room_without_a_programme_exports_the_default_loop(sample_room_copy, tmp_path, capsys):
    file = tmp_path / "programme.toml"
    assert main(["kiosk", str(sample_room_copy), "--edit-programme", str(file)]) == 0
    assert "edit it, then run the same command again" in capsys.readouterr().out
    programme = programme_from_toml(file.read_text(encoding="utf-8"))
    views = [step.walls for step in programme.steps]
    assert views[0] == ("journey", "journey", "journey")
    assert ("stage:1", "complaints:1", "journey") in views and ("stage:7", "complaints:7", "journey") in views
    assert ("asset", "warnings", "listening") in views and views[-1] == ("celebration",)  # the sample recognises
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        assert stored_programme(room) is None  # exporting changes nothing in the room


def test_an_edited_programme_loads_into_the_room_and_a_bad_one_changes_nothing(sample_room_copy, tmp_path, capsys):
    file = tmp_path / "programme.toml"
    file.write_text('[[step]]\nseconds = 20\nwalls = ["journey", "stage:2"]\n\n[schedule]\nsunday = "closed"\n',
                    encoding="utf-8")
    assert main(["kiosk", str(sample_room_copy), "--edit-programme", str(file)]) == 0
    assert "Loaded 1 steps into the room: one loop takes 0:20." in capsys.readouterr().out
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        loaded = stored_programme(room)
    assert loaded is not None and loaded.steps[0].walls == ("journey", "stage:2")
    assert loaded.schedule.hours == {6: ()}
    file.write_text('[[step]]\nseconds = 20\nwalls = ["stadium"]\n', encoding="utf-8")
    assert main(["kiosk", str(sample_room_copy), "--edit-programme", str(file)]) == 2
    error = capsys.readouterr().err
    assert "Step 1 of the programme" in error and "Traceback" not in error
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        assert stored_programme(room) == loaded
    exported = tmp_path / "again.toml"
    assert main(["kiosk", str(sample_room_copy), "--edit-programme", str(exported)]) == 0
    assert programme_from_toml(exported.read_text(encoding="utf-8")) == loaded


def test_the_pin_is_kept_as_a_salted_hash_and_a_bad_one_is_refused(sample_room_copy, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("4821\n"))
    assert main(["kiosk", str(sample_room_copy), "--set-pin"]) == 0
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        stored = pin_hash(room)
    assert pin_matches("4821", stored) and "4821" not in stored.split("$")
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["kiosk", str(sample_room_copy), "--set-pin"]) == 2
    assert "A kiosk PIN is 4 to 12 digits." in capsys.readouterr().err
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        assert pin_hash(room) == stored


@pytest.mark.parametrize("content", [b"\xff\xfe[\x00[\x00", b"[[step]]\nseconds = 'ten'\nwalls = ['journey']\n"])
def test_a_file_that_cannot_be_used_is_named_in_one_sentence(sample_room_copy, tmp_path, capsys, content):
    file = tmp_path / "bad.toml"
    file.write_bytes(content)
    assert main(["kiosk", str(sample_room_copy), "--edit-programme", str(file)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("customer-room: ") and error.count("\n") == 0 and "Error" not in error


def test_a_programme_naming_a_call_the_room_lacks_is_refused(sample_room_copy, tmp_path, capsys):
    file = tmp_path / "programme.toml"
    file.write_text('[[step]]\nseconds = 30\nwalls = ["call"]\ncall = "no-such-call"\n', encoding="utf-8")
    assert main(["kiosk", str(sample_room_copy), "--edit-programme", str(file)]) == 2
    assert "names the call 'no-such-call', which this room does not have." in capsys.readouterr().err
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        assert stored_programme(room) is None
