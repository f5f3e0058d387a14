"""A full disk, for real: an 8 MB tmpfs filled to the last page, then a build, a live room and the minutes on it.

Each must say so in one sentence, leave no partial file, and lose nothing saved before; once space is freed the
next write succeeds. Mounting needs root or CAP_SYS_ADMIN (CI runs the suite as root); elsewhere the harness
is skipped with the reason. tests/app/test_disk_full_sentences.py covers the same paths without a tmpfs.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from customer_room_desktop.app.cli import main
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.meetings import Attendee
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.room_engine import RoomEngine
from customer_room_desktop.storage.captures import list_captures
from customer_room_desktop.storage.errors import RoomFileError
from customer_room_desktop.storage.journal import events_of
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session

SIZE = "8m"


class FullDisk:
    """A small tmpfs: ``fill()`` takes every free page but ``leave`` bytes, ``free()`` gives them back."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.filler = folder / "filler"

    def fill(self, leave: int = 0) -> None:
        with self.filler.open("ab", buffering=0) as handle:
            for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):  # down to the last byte tmpfs will take
                try:
                    while True:
                        handle.write(b"\0" * chunk)
                except OSError as full:
                    assert full.errno == errno.ENOSPC, full
        if leave:
            os.truncate(self.filler, max(0, self.filler.stat().st_size - leave))
        with pytest.raises(OSError):  # really full: not one more page
            (self.folder / "probe").write_bytes(b"\0" * (leave + 8192))
        (self.folder / "probe").unlink(missing_ok=True)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def others(self) -> list[str]:
        """Every file on the disk but the filler."""
        return sorted(p.name for p in self.folder.iterdir() if p != self.filler)


@pytest.fixture
def disk(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", str(folder)],
                                 capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("no mount command here, so no tmpfs for the full-disk harness")
    if mounted.returncode != 0:
        pytest.skip(f"a tmpfs cannot be mounted here ({mounted.stderr.strip() or mounted.returncode}): the "
                    "full-disk harness needs root or CAP_SYS_ADMIN (CI runs it as root)")
    try:
        yield FullDisk(folder)
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def tiny_room(tiny_source, tmp_path) -> Path:
    path = tmp_path / "tiny.croom"
    build_room(tiny_source, path)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _full_sentence(folder: Path, what: str) -> str:
    return f"The disk holding {folder} is full: {what}; free some space and try again."


@pytest.mark.parametrize("leave", [0, 96 * 1024], ids=["full", "full-midway"])
def test_a_build_onto_a_full_disk_says_so_and_leaves_nothing_that_looks_like_a_room(disk, tiny_source, leave,
                                                                                       capsys):
    disk.fill(leave)
    target = disk.folder / "tiny.croom"
    assert main(["build", str(tiny_source), "-o", str(target)]) == 2
    said = capsys.readouterr().err
    assert "disk" in said and "full" in said and "Traceback" not in said, said
    assert disk.others() == [], f"left on the full disk: {disk.others()}"
    disk.free()
    assert main(["build", str(tiny_source), "-o", str(target)]) == 0  # with space, the same build succeeds
    assert disk.others() == ["tiny.croom"]


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "pdf"])
def test_minutes_onto_a_full_disk_are_one_sentence_and_no_file(disk, tiny_room, fmt, capsys):
    with RoomFile.open(tiny_room) as room:
        session_id = plan_session(room, "Q1 review", "quarterly", date(2026, 3, 2), [Attendee("Ann Lee")])
        engine = RoomEngine(room)
        engine.load_session(session_id)
        engine.apply(cmd.StartSession())
        engine.apply(cmd.Capture("commitment", "=HYPERLINK(1) fix the claim form", "Ann Lee", "2030-01-31"))
        engine.apply(cmd.CloseSession())
    before = _sha(tiny_room)
    disk.fill()
    output = disk.folder / f"minutes.{fmt}"
    assert main(["minutes", str(tiny_room), "-o", str(output)]) == 2
    assert capsys.readouterr().err == (
        f"customer-room: {_full_sentence(disk.folder, 'the minutes were not written')}\n")
    assert disk.others() == []  # neither the minutes nor the file written beside them
    assert _sha(tiny_room) == before
    disk.free()
    assert main(["minutes", str(tiny_room), "-o", str(output)]) == 0
    assert disk.others() == [output.name] and output.stat().st_size > 0


def test_a_live_room_on_a_full_disk_shows_a_banner_keeps_the_text_and_loses_nothing(disk, tiny_room, qtbot,
                                                                                      tmp_path):
    from customer_room_desktop.app.paths import style_sheet
    from customer_room_desktop.app.session_controller import SessionController
    from customer_room_desktop.ui.console.console_window import ConsoleWindow

    path = disk.folder / "room.croom"
    shutil.copyfile(tiny_room, path)
    room = RoomFile.open(path)
    session_id = plan_session(room, "Q1 review", "quarterly", date(2026, 3, 2), [Attendee("Ann Lee")])
    engine = RoomEngine(room)
    engine.load_session(session_id)
    console = ConsoleWindow("Tiny Room", list(engine.stage_names.values()), style_sheet("console"))
    qtbot.addWidget(console)
    controller = SessionController(engine, console, engine.apply, lambda changes: None)
    controller.add_candidate("claim-report", "Faster claim reports")
    engine.apply(cmd.StartSession())
    controller.refresh()
    bar = console.capture_bar

    def capture(kind: str, text: str) -> None:
        bar.begin(kind)
        bar.text.setText(text)
        if kind == "commitment":
            bar.owner.setText("Ann Lee")
        qtbot.keyClick(bar.text, Qt.Key.Key_Return)

    capture("decision", "Fund the claims pilot")
    capture("commitment", "Shorten the claim form")
    assert bar.captured.count() == 2 and not console.alert.isVisibleTo(console)
    commitment_id = room.db.execute("SELECT id FROM commitments").fetchone()[0]

    disk.fill()
    capture("decision", "Phone every claimant back within a day")
    banner = _full_sentence(disk.folder, "the decision was not saved, and everything saved before is kept")
    banner = banner.replace("try again", "press Enter again")
    assert console.alert.isVisibleTo(console) and console.alert.text() == f"⚠ {banner}"
    assert bar.text.text() == "Phone every claimant back within a day"  # the typed text stays
    assert bar.status.property("refused") == "true" and "disk is full" in bar.status.text()
    assert bar.captured.count() == 2
    console.show()
    qtbot.waitExposed(console)
    picture = Path(os.environ.get("CUSTOMER_ROOM_SHOTS", tmp_path)) / "console-disk-full.png"
    assert console.grab().save(str(picture))  # what the facilitator sees; CUSTOMER_ROOM_SHOTS keeps it

    # the other writes of the live room: the walk journal, a vote, a commitment reviewed
    moved = engine.apply(cmd.Next())
    assert engine.state.position == 2 and moved.what, "the walls move on although the journal cannot be written"
    assert "not being recorded for the minutes" in console.alert.text()
    controller.vote("Ann Lee", {"faster-claim-reports": 2})
    assert console.focus_panel.message.text() == _full_sentence(disk.folder, "the last change was not saved")
    assert console.alert.text() == f"⚠ {console.focus_panel.message.text()}"
    controller.review_commitment(commitment_id, "done")
    assert "The disk holding" in console.alert.text()
    written = controller.save_minutes(str(disk.folder / "minutes.md"))
    assert written is None and "the minutes were not written" in console.message.text()

    disk.free()
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)  # the same text, once there is space
    assert bar.captured.count() == 3 and bar.text.text() == "" and bar.status.text().startswith("✓ Saved")
    assert not console.alert.isVisibleTo(console)  # a write succeeded: the banner goes
    engine.apply(cmd.Previous())
    room.close()

    with RoomFile.open(path, read_only=True) as again:
        texts = [row.text for row in list_captures(again, session_id)]
        assert texts == ["Fund the claims pilot", "Shorten the claim form", "Phone every claimant back within a day"]
        assert again.db.execute("SELECT count(*) FROM votes").fetchone()[0] == 0
        assert again.db.execute("SELECT status FROM commitments WHERE id = ?", (commitment_id,)).fetchone()[0] == \
            "open"
        kinds = [kind for _, kind, _ in events_of(again, session_id)]
        assert kinds.count("stage_shown") == 2  # the start, and the walk back once there was space


def test_closing_a_live_room_on_a_full_disk_loses_nothing_and_says_so(disk, tiny_room):
    path = disk.folder / "room.croom"
    shutil.copyfile(tiny_room, path)
    room = RoomFile.open(path)
    session_id = plan_session(room, "Q1 review", "quarterly", date(2026, 3, 2), [])
    engine = RoomEngine(room)
    engine.load_session(session_id)
    engine.apply(cmd.StartSession())
    for number in range(30):  # enough that the -wal holds pages the room file must grow to take
        engine.apply(cmd.Capture("note", f"Note {number}: " + "what the claimant said " * 120))
    disk.fill()
    try:
        with pytest.raises(RoomFileError, match="disk"):
            room.close()
    finally:
        disk.free()
        room.conn.close()
        with RoomFile.open(path, read_only=True) as again:
            assert len(list_captures(again, session_id)) == 30


def test_an_export_onto_a_full_disk_is_one_sentence_and_leaves_no_folder(disk, tiny_room, capsys):
    disk.fill(16 * 1024)
    target = disk.folder / "source"
    assert main(["export", str(tiny_room), str(target)]) == 2
    said = capsys.readouterr().err
    assert "full" in said and "Traceback" not in said and said.count("\n") == 1, said
    assert disk.others() == [], f"left on the full disk: {disk.others()}"
    disk.free()
    assert main(["export", str(tiny_room), str(target)]) == 0
    assert (target / "room.toml").is_file()
