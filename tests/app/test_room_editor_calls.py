"""Calls in the room editor, on a copy of the sample room: a call added from a recording made by sox, with the
UTF-16 transcript of its name beside it, consent and a persona; recordings that will not play fully or not at
all are added and said in one sentence under their field, a file that is not a recording is refused there; a
call's persona and transcript changed in the grid. Each is one step of undo, still there after reopening."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QComboBox

from tests.app.test_room_editor import _tab, editing
from tests.services.test_folder_source import SUBTITLES

pytestmark = pytest.mark.skipif(shutil.which("sox") is None, reason="sox makes the recordings")


def sox_recording(path: Path, seconds: float = 3.0) -> Path:
    """A mono recording as sox writes it (Ogg Vorbis, WAV...: the suffix decides)."""
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(path), "synth", str(seconds), "sine", "300"],
                   check=True, capture_output=True, timeout=60)
    return path


def utf16_subtitles(path: Path) -> Path:
    """As Windows subtitle tools save them: UTF-16 with a byte-order mark, CRLF line ends."""
    path.write_bytes(b"\xff\xfe" + SUBTITLES.encode("utf-16-le"))
    return path


def _call(room, key: str) -> tuple | None:
    return room.db.execute("SELECT c.title, c.consent, p.key, c.kind, c.duration_ms, s.key, "
                           "(SELECT count(*) FROM transcript_segments t WHERE t.call_id = c.id) FROM calls c "
                           "JOIN stages s ON s.id = c.stage_id LEFT JOIN personas p ON p.id = c.persona_id "
                           "WHERE c.key = ?", (key,)).fetchone()


def _cell(grid, key: str, column: str) -> str:
    return grid.grid.item(grid.row_of(key), list(grid.columns).index(column)).text()


def test_a_call_is_added_from_a_recording_with_its_transcript_consent_and_persona(sample_room_copy, qtbot, tmp_path):
    recording = sox_recording(tmp_path / "Sales call.ogg")
    utf16_subtitles(tmp_path / "Sales call.srt")
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.window.stage_list.setCurrentRow(4)  # "I make a claim"
        form = editor.window.call_form
        assert form.title() == "Add a call to the stage 'I make a claim'"
        form.set_recording(str(recording))
        assert form.transcript.text() == str(tmp_path / "Sales call.srt")  # the one of its name, found beside it
        form.consent.setChecked(True)
        form.persona.setCurrentIndex(form.persona.findData("priya"))
        form.add.click()
        title, consent, persona, kind, duration, stage, lines = _call(room, "sales-call")
        assert (title, consent, persona, kind, stage, lines) == ("Sales call", 1, "priya", "audio", "claim", 2)
        assert 2500 < duration < 3500  # decoded, as build decodes every recording
        assert all(label.isHidden() for label in form.errors.values()) and form.recording.text() == ""
        calls = _tab(editor, "calls")
        assert _cell(calls, "sales-call", "persona") == "Priya Raman"
        assert _cell(calls, "sales-call", "transcript") == "2 lines" and _cell(calls, "sales-call", "recording") == \
            "audio, 0:03"
        assert editor.stack.undoText() == "Add the call 'Sales call' to 'I make a claim'"
        editor.stack.undo()
        assert _call(room, "sales-call") is None and calls.grid.rowCount() == 9
        assert room.db.execute("SELECT count(*) FROM transcript_segments WHERE call_id NOT IN "
                               "(SELECT id FROM calls)").fetchone()[0] == 0
        editor.stack.redo()
        assert _call(room, "sales-call")[6] == 2
    with editing(sample_room_copy, qtbot) as (room, editor):  # closed and opened again
        editor.stack.undo()
        assert _call(room, "sales-call") is None
        editor.stack.redo()
        assert _call(room, "sales-call")[:3] == ("Sales call", 1, "priya")


def test_recordings_that_will_not_play_are_added_and_said_under_their_field(sample_room_copy, qtbot, tmp_path):
    whole = sox_recording(tmp_path / "whole.wav", 7.8)
    cut = tmp_path / "Cut off.wav"
    cut.write_bytes(whole.read_bytes()[:int(whole.stat().st_size * 0.4)])  # a transfer that stopped early
    page = tmp_path / "Download.m4a"  # what a browser saves when the link led to a sign-in page
    page.write_text("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Access denied</body></html>",
                    encoding="utf-8")
    scan = tmp_path / "scan.srt"
    scan.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8)  # a scan saved under the wrong name
    with editing(sample_room_copy, qtbot) as (room, editor):
        form = editor.window.call_form
        editor.window.show()
        _tab(editor, "calls")
        form.set_recording(str(cut))
        form.transcript.setText(str(scan))
        form.add.click()
        assert form.errors["recording"].isVisible() and form.errors["recording"].text() == (
            "The call was added, but Cut off.wav will not play fully: the recording stops at 3.1 s of 7.8 s.")
        assert form.errors["transcript"].text() == (
            "The call was added without a transcript, as scan.srt cannot be used: the file is not text (it holds "
            "binary data): save the transcript as text.")
        assert _call(room, "cut-off")[4:] == (0, "find", 0)  # the first stage: none was chosen
        form.set_recording(str(page))
        form.add.click()
        assert form.errors["recording"].text() == (
            "The call was added, but Download.m4a will not play fully: the recording cannot be decoded.")
        assert not form.errors["transcript"].isVisible()
        assert editor.stack.count() == 2
        notes = tmp_path / "Call notes.docx"
        notes.write_bytes(b"PK\x03\x04" + b"\x00" * 60)
        form.set_recording(str(notes))
        form.add.click()
        assert form.errors["recording"].text() == ("Call notes.docx is not a recording: choose a sound or video "
                                                   "file, such as .mp3, .wav, .m4a, .ogg or .mp4.")
        assert editor.stack.count() == 2 and _call(room, "call-notes") is None  # refused: nothing added
        editor.stack.undo()
        editor.stack.undo()
        assert _call(room, "cut-off") is None and _call(room, "download") is None


def test_recordings_dropped_on_the_editor_become_calls_of_the_stage_in_one_step(sample_room_copy, qtbot, tmp_path):
    sox_recording(tmp_path / "Renewal call.wav")
    utf16_subtitles(tmp_path / "Renewal call.srt")
    sox_recording(tmp_path / "Voicemail.ogg", 2.0)
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.window.stage_list.setCurrentRow(6)  # "I renew or leave"
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(tmp_path / name))
                      for name in ("Renewal call.wav", "Renewal call.srt", "Voicemail.ogg")])
        editor.window.dropEvent(QDropEvent(QPointF(40, 40), Qt.DropAction.CopyAction, data,
                                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        assert _call(room, "renewal-call")[5:] == ("renew", 2) and _call(room, "voicemail")[5:] == ("renew", 0)
        assert _call(room, "renewal-call")[1:3] == (0, None)  # no consent or persona until they are set
        assert editor.window.tabs.currentWidget() is editor.window.grids["calls"]
        assert editor.stack.count() == 1 and editor.stack.undoText() == "Add 2 calls to 'I renew or leave'"
        assert room.db.execute("SELECT count(*) FROM artifacts WHERE title LIKE 'Renewal call%'").fetchone()[0] == 0
        editor.stack.undo()
        assert _call(room, "renewal-call") is None and _call(room, "voicemail") is None


def _choose(grid, key: str, column: str, choice: str) -> None:
    """Open the cell's list as a user would and pick ``choice`` (a key) from it."""
    index = grid.grid.model().index(grid.row_of(key), list(grid.columns).index(column))
    grid.grid.setCurrentIndex(index)
    grid.grid.edit(index)
    combo = grid.grid.indexWidget(index)
    assert isinstance(combo, QComboBox)
    position = combo.findData(choice)
    assert position >= 0, f"{choice} is not offered"
    combo.setCurrentIndex(position)
    combo.activated.emit(position)


def test_a_calls_persona_and_transcript_are_changed_from_the_grid(sample_room_copy, qtbot, tmp_path):
    subtitles = utf16_subtitles(tmp_path / "burst pipe (corrected).srt")
    scan = tmp_path / "scan.vtt"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with editing(sample_room_copy, qtbot) as (room, editor):
        calls = _tab(editor, "calls")
        lines_before = _call(room, "first-debit")[6]
        _choose(calls, "first-debit", "persona", "derek")
        assert _call(room, "first-debit")[2] == "derek" and _cell(calls, "first-debit", "persona") == "Derek Lindqvist"
        assert editor.stack.undoText() == "Change the persona of 'First direct debit: 'You took the whole year in " \
                                          "one go''"
        _choose(calls, "burst-pipe", "persona", "")
        assert _call(room, "burst-pipe")[2] is None and _cell(calls, "burst-pipe", "persona") == "No persona"
        editor.set_transcript("first-debit", str(scan))
        assert calls.error.text() == ("first-debit, transcript: scan.vtt cannot be used as a transcript: the file is "
                                      "not text (it holds binary data): save the transcript as text.")
        assert _call(room, "first-debit")[6] == lines_before and editor.stack.count() == 2
        editor.set_transcript("first-debit", str(subtitles))
        assert _call(room, "first-debit")[6] == 2 and _cell(calls, "first-debit", "transcript") == "2 lines"
        conn = sqlite3.connect(sample_room_copy)  # another program removes a persona the list still offers
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("INSERT INTO personas (key, name) VALUES ('ghost', 'Gone since')")
        conn.commit()
        calls.choices["persona"].append(("ghost", "Gone since"))
        conn.execute("DELETE FROM personas WHERE key = 'ghost'")
        conn.commit()
        conn.close()
        _choose(calls, "house-move", "persona", "ghost")
        assert calls.error.text() == ("house-move, persona: This room no longer has the persona 'ghost'; choose one "
                                      "of its personas.")
        assert _cell(calls, "house-move", "persona") == "Priya Raman"  # the cell shows what the room holds
        for _ in range(3):
            editor.stack.undo()
        assert _call(room, "first-debit")[2] is None and _call(room, "first-debit")[6] == lines_before
        assert _call(room, "burst-pipe")[2] == "maya"
    with editing(sample_room_copy, qtbot) as (room, editor):
        for _ in range(3):
            editor.stack.redo()
        assert _call(room, "first-debit")[2] == "derek" and _call(room, "first-debit")[6] == 2
        assert _call(room, "burst-pipe")[2] is None


def test_a_call_is_removed_with_its_transcript_and_undo_brings_both_back(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        before = _call(room, "house-move")
        calls = _tab(editor, "calls")
        calls.remove_requested.emit("calls", "house-move")
        assert _call(room, "house-move") is None and calls.grid.rowCount() == 8
        editor.stack.undo()
        assert _call(room, "house-move") == before
