"""`build` and `check` find the files that will not show before the meeting, not during it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.room_check import check_room
from customer_room_desktop.services.room_manifest import BuildError
from customer_room_desktop.storage.journey_queries import list_calls
from customer_room_desktop.storage.room_file import RoomFile

from .artifact_files import USER_PASSWORD, OWNER_PASSWORD, qpdf_encrypted, word_processor_pdf

TECHNICAL = ("<", "0x", "Error", "_io", "None_", "Traceback", "codec")


def _add_artifact(source, key: str, file: str, extra: str = "") -> None:
    with (source / "room.toml").open("a", encoding="utf-8") as handle:
        handle.write(f'\n[[artifacts]]\nkey = "{key}"\ntitle = "{key}"\nkind = "letter"\nstage = "claim"\n'
                     f'file = "{file}"\n{extra}')


def _add_call(source, key: str, file: str, transcript: str = "", duration_ms: int = 0) -> None:
    lines = [f'\n[[calls]]\nkey = "{key}"\ntitle = "{key}"\nstage = "claim"\nfile = "{file}"\nconsent = true']
    if transcript:
        lines.append(f'transcript = "{transcript}"')
    if duration_ms:
        lines.append(f"duration_ms = {duration_ms}")
    with (source / "room.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def test_a_page_saved_as_a_picture_refuses_the_build_naming_entry_file_and_reason(tiny_source, tmp_path):
    (tiny_source / "media" / "menu.png").write_text("<!DOCTYPE html><html><body>Sign in</body></html>")
    _add_artifact(tiny_source, "menu", "media/menu.png")
    with pytest.raises(BuildError) as refused:
        build_room(tiny_source, tmp_path / "t.croom", probe_recordings=False)
    message = str(refused.value)
    assert message.startswith("artifact 'menu' (media/menu.png): ")
    assert "--allow-placeholders" in message
    assert not any(word in message for word in TECHNICAL)
    assert list(tmp_path.glob("t.croom*")) == []


@pytest.mark.skipif(subprocess.run(["which", "qpdf"], capture_output=True).returncode, reason="needs qpdf")
def test_every_bad_file_is_listed_at_once_and_placeholders_build_anyway(tiny_source, tmp_path):
    locked = qpdf_encrypted(tmp_path, USER_PASSWORD, OWNER_PASSWORD)
    (tiny_source / "media" / "locked.pdf").write_bytes(locked)
    (tiny_source / "media" / "statement.pdf").write_bytes(word_processor_pdf()[:300])  # cut short
    (tiny_source / "media" / "fine.pdf").write_bytes(locked)
    _add_artifact(tiny_source, "locked", "media/locked.pdf")
    _add_artifact(tiny_source, "statement", "media/statement.pdf")
    _add_artifact(tiny_source, "fine", "media/fine.pdf", f'password = "{USER_PASSWORD}"\n')
    with pytest.raises(BuildError) as refused:
        build_room(tiny_source, tmp_path / "t.croom", probe_recordings=False)
    message = str(refused.value)
    assert message.startswith("2 files will not show in the room:")
    assert "artifact 'locked' (media/locked.pdf): the PDF needs a password" in message
    assert "artifact 'statement' (media/statement.pdf):" in message
    assert "'fine'" not in message  # its password is in its entry

    said: list[str] = []
    built = build_room(tiny_source, tmp_path / "t.croom", probe_recordings=False, allow_placeholders=True,
                       progress=said.append)
    assert [line.split(":")[1].strip() for line in said if line.startswith("placeholder:")] == [
        "artifact 'locked' (media/locked.pdf)", "artifact 'statement' (media/statement.pdf)"]
    with RoomFile.open(built, read_only=True) as room:
        findings = check_room(room)
    assert any(f.startswith("artifact 'locked'") and "password" in f for f in findings)
    assert any(f.startswith("artifact 'statement'") for f in findings)
    assert not any("'fine'" in f for f in findings)
    assert not any(word in f for f in findings for word in TECHNICAL)


def test_a_bad_transcript_is_named_by_line_and_the_call_plays_without_captions(tiny_source, tmp_path):
    from PIL import Image  # any file stands in for the recording: recordings are not decoded in this test

    Image.new("RGB", (4, 4)).save(tiny_source / "media" / "call.png")
    (tiny_source / "call.srt").write_bytes("1\r\n00:00:01,000 --> 00:00:02,5OO\r\nHello\r\n".encode("utf-16"))
    _add_call(tiny_source, "late", "media/call.png", "call.srt", duration_ms=5000)
    with pytest.raises(BuildError, match=r"call 'late' transcript \(call.srt\): line 2: "):
        build_room(tiny_source, tmp_path / "t.croom", probe_recordings=False)
    built = build_room(tiny_source, tmp_path / "t.croom", probe_recordings=False, allow_placeholders=True)
    with RoomFile.open(built, read_only=True) as room:
        assert [call.key for call in list_calls(room.db)] == ["late"]
        assert room.db.execute("SELECT count(*) FROM transcript_segments").fetchone()[0] == 0


def test_the_build_command_lists_placeholders_and_says_how_to_fix(tiny_source, tmp_path):
    (tiny_source / "media" / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    _add_artifact(tiny_source, "scan", "media/scan.png")
    command = [sys.executable, "-m", "customer_room_desktop.app.cli", "build", str(tiny_source),
               "-o", str(tmp_path / "t.croom")]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2
    assert "artifact 'scan' (media/scan.png): " in refused.stderr
    assert "Traceback" not in refused.stderr
    built = subprocess.run(command + ["--allow-placeholders"], capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    assert "1 file(s) will show as a placeholder:" in built.stdout
    assert "  - artifact 'scan' (media/scan.png): " in built.stdout


def test_a_heic_persona_photo_and_a_sixteen_bit_logo_show_rather_than_initials():
    from PySide6.QtCore import QSize

    from customer_room_desktop.services.image_prep import decode_photo

    from .artifact_files import grey16_tiff, heic_photo

    photo = decode_photo(heic_photo(), QSize(1200, 1200))
    logo = decode_photo(grey16_tiff(), QSize(1600, 800))
    assert not photo.isNull() and not logo.isNull()
    assert decode_photo(b"<html>not a photo</html>", QSize(100, 100)).isNull()  # the wall draws initials
