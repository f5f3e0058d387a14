"""The editor's "New room from a folder…", as a consultant uses it: a folder of real files becomes a new room
built as `new --from-folder` builds it, its problems are listed in sentences, and the editor moves to it.
Only the file dialogs are answered by the test; the building, the room file and the window are real."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

os.environ.setdefault("CUSTOMER_ROOM_VLC_ARGS", "--aout=dummy --vout=dummy")

from customer_room_desktop.app.editor_session import EditorSession  # noqa: E402
from customer_room_desktop.app.room_lock import LiveRoomLock  # noqa: E402
from customer_room_desktop.storage.journey_queries import list_calls, list_stages  # noqa: E402

SRT = "1\n00:00:00,000 --> 00:00:01,500\nI'd like to claim for the pipe.\n\n" \
      "2\n00:00:01,500 --> 00:00:03,000\nOf course, let me find your policy.\n"


def material(tmp_path: Path) -> Path:
    """Three numbered stages (10 after 2, as people count), a phone photo, a PDF, a call and a broken picture."""
    folder = tmp_path / "Harbour client"
    for name in ("1 Quote", "2 Buy", "10 Claim"):
        (folder / name).mkdir(parents=True)
    photo = Image.new("RGB", (400, 300), (200, 80, 40))
    exif = photo.getexif()
    exif[0x0112] = 6  # taken with the phone on its side: shown turned upright
    photo.save(folder / "1 Quote" / "IMG_2041.jpg", exif=exif)
    Image.new("RGB", (595, 842), "white").save(folder / "2 Buy" / "Policy schedule.pdf")
    (folder / "2 Buy" / "Welcome letter.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    if shutil.which("sox"):
        subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(folder / "10 Claim" / "Burst pipe.wav"),
                        "synth", "3", "sine", "440"], check=True, capture_output=True, timeout=60)
        (folder / "10 Claim" / "Burst pipe.srt").write_text(SRT, encoding="utf-8")
    return folder


@pytest.fixture
def session(tmp_path, qtbot):
    opened = EditorSession()
    assert opened.open(tmp_path / "old.croom") == ""
    qtbot.addWidget(opened.editor.window)
    yield opened
    opened.close()


def answer(window, folder: Path, target: Path, consent: bool, shown: list) -> None:
    """The file dialogs, answered as the user would; the report is kept for the test to read."""
    window.ask_material_folder = lambda: str(folder)
    window.ask_new_room_path = lambda start: str(target)
    window.ask_consent = lambda: consent
    window.show_report = lambda title, lines: shown.append(lines)


def press_new_from_folder(window, qtbot) -> None:
    button = next(b for b in window.findChildren(QPushButton) if b.text() == "New room from a folder…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.skipif(shutil.which("sox") is None, reason="sox makes the call's recording")
def test_a_folder_becomes_a_new_room_and_the_editor_moves_to_it(tmp_path, qtbot, session):
    folder, target = material(tmp_path), tmp_path / "harbour"  # the suffix is added
    old = session.editor
    shown: list[list[str]] = []
    answer(old.window, folder, target, True, shown)
    press_new_from_folder(old.window, qtbot)

    made = tmp_path / "harbour.croom"
    assert made.exists() and not old.window.isVisible()
    assert session.editor is not old and Path(session.editor.room.path) == made
    assert session.editor.window.isVisible()
    assert session.editor.window.windowTitle() == "Edit room: Harbour client"  # named after the folder
    items = session.editor.window.stage_list
    assert [items.item(row).text() for row in range(items.count())] == ["1 · Quote", "2 · Buy", "3 · Claim"]
    [lines] = shown
    assert lines[:3] == ["Stage 1 'Quote': 1 artifact, 0 calls", "Stage 2 'Buy': 2 artifacts, 0 calls",
                         "Stage 3 'Claim': 0 artifacts, 1 call"]
    problems = [line for line in lines if line.startswith("  ")]
    assert len(problems) == 1 and problems[0].startswith("  placeholder 2 Buy/Welcome letter.jpg: ")
    assert problems[0].count(". ") == 0  # one sentence
    room = session.editor.room
    assert [stage.name for stage in list_stages(room.db)] == ["Quote", "Buy", "Claim"]
    titles = {row["title"] for row in room.writer["artifacts"].rows}
    assert {"Policy schedule", "Welcome letter"} <= titles and len(titles) == 3
    [call] = list_calls(room.db)
    assert call.consent and len(call.segments) == 2
    assert session.editor.stack.count() == 0  # the new room's own history, empty
    with LiveRoomLock.acquire(tmp_path / "old.croom"):  # the old room was let go: another editor may open it
        pass


def test_an_existing_file_is_refused_in_one_sentence_and_nothing_changes(tmp_path, qtbot, session):
    folder = material(tmp_path)
    taken = tmp_path / "taken.croom"
    taken.write_bytes(b"someone's room")
    old = session.editor
    asked: list[bool] = []
    answer(old.window, folder, taken, False, [])
    old.window.ask_consent = lambda: asked.append(True) or False
    press_new_from_folder(old.window, qtbot)

    assert taken.read_bytes() == b"someone's room" and not asked
    assert session.editor is old and old.window.isVisible()
    sentence = old.window.status.text()
    assert sentence == f"{taken} already exists; choose another name: a new room never replaces a file."


def test_a_folder_with_nothing_to_show_is_one_sentence_and_the_editor_stays(tmp_path, qtbot, session):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"PK\x03\x04")
    old = session.editor
    answer(old.window, empty, tmp_path / "new.croom", False, [])
    press_new_from_folder(old.window, qtbot)

    assert not (tmp_path / "new.croom").exists() and session.editor is old
    assert old.window.status.text().endswith("holds no pictures, PDFs or recordings to make a room from "
                                             "(1 file skipped).")
    assert not list(tmp_path.glob("new.croom*"))


def test_a_destination_that_cannot_be_written_is_one_sentence(tmp_path, qtbot, session):
    folder = material(tmp_path)
    old = session.editor
    (tmp_path / "notes").write_text("a file where a folder would be")
    answer(old.window, folder, tmp_path / "notes" / "new.croom", False, [])
    press_new_from_folder(old.window, qtbot)

    assert session.editor is old and old.window.isVisible() and (tmp_path / "notes").is_file()
    sentence = old.window.status.text()
    assert sentence and "\n" not in sentence and "Traceback" not in sentence and "notes" in sentence
