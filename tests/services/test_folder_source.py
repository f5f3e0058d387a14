"""A room from a consultant's folder of client material (`new ROOM --from-folder DIR`).

The folder is made as clients and their tools make one: a phone photo with an EXIF orientation, a PDF
from a word processor (no page background), a screenshot PNG, a WAV call with a UTF-16 subtitle file
saved by a Windows tool, the files macOS, Windows and Office leave behind, a nested folder of scans,
names with accents and spaces, and numbered folders that sort wrongly as plain text.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import struct
import subprocess
import wave
from pathlib import Path

import pytest
from PIL import Image

os.environ.setdefault("CUSTOMER_ROOM_VLC_ARGS", "--aout=dummy --vout=dummy")

from customer_room_desktop.services.folder_source import (  # noqa: E402
    TOP_LEVEL_STAGE, natural_key, readable_title, scan_folder, slug, stage_name,
)
from customer_room_desktop.services.room_builder import build_from_folder  # noqa: E402
from customer_room_desktop.services.room_check import check_room  # noqa: E402
from customer_room_desktop.services.room_manifest import BuildError  # noqa: E402
from customer_room_desktop.storage.journey_queries import list_artifacts, list_calls, list_stages  # noqa: E402
from customer_room_desktop.storage.room_file import RoomFile  # noqa: E402

from .artifact_files import phone_jpeg, word_processor_pdf  # noqa: E402

KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SUBTITLES = ("1\r\n00:00:00,500 --> 00:00:01,800\r\nAgent: Good morning, Nordlicht sales.\r\n\r\n"
             "2\r\n00:00:01,900 --> 00:00:03,500\r\nCustomer: I'd like cover for my flat.\r\n")


def call_recording(path: Path, seconds: float = 4.0) -> Path:
    """A mono 8 kHz 16-bit WAV, as a telephone system exports a call: a 440 Hz tone."""
    with wave.open(str(path), "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(8000)
        recording.writeframes(b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * 440 * n / 8000)))
                                       for n in range(int(8000 * seconds))))
    return path


def client_folder(root: Path) -> Path:
    """A client's folder as a consultant brings it; every file in it shows, so the room it makes is clean."""
    folder = root / "Nordlicht Versicherung"
    for name in ("01 - Look for cover", "2 Buy", "3_Réclamation/scans/page two", "10 Renew"):
        (folder / name).mkdir(parents=True)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(40))
    (folder / "desktop.ini").write_text("[.ShellClassInfo]\r\nIconResource=x\r\n", encoding="utf-16")
    (folder / "Welcome_letter.pdf").write_bytes(word_processor_pdf())
    (folder / "Briefing notes.docx").write_bytes(b"PK\x03\x04" + bytes(30))
    look = folder / "01 - Look for cover"
    Image.new("RGBA", (120, 80), (20, 90, 200, 255)).save(look / "Comparison-site_screenshot.png")
    (look / "prices.xlsx").write_bytes(b"PK\x03\x04" + bytes(30))
    buy = folder / "2 Buy"
    (buy / "Policy_schedule.pdf").write_bytes(word_processor_pdf(b"BT /F1 24 Tf 72 720 Td (Schedule) Tj ET"))
    (buy / "IMG_2041.JPG").write_bytes(phone_jpeg())
    (buy / "Thumbs.db").write_bytes(bytes(64))
    (buy / "~$licy_schedule.docx").write_bytes(b"owner" + bytes(20))
    call_recording(buy / "Sales call.wav")
    (buy / "Sales call.srt").write_bytes(b"\xff\xfe" + SUBTITLES.encode("utf-16-le"))
    claim = folder / "3_Réclamation"
    (claim / "Lettre d'accusé de réception.pdf").write_bytes(word_processor_pdf())
    (claim / "scans" / "claim_form-page-1.jpg").write_bytes(phone_jpeg())
    (claim / "scans" / "page two" / "claim_form-page-2.jpg").write_bytes(phone_jpeg())
    (claim / "scans" / ".hidden.png").write_bytes(b"not even a picture")
    Image.new("RGB", (90, 60), (240, 240, 240)).save(folder / "10 Renew" / "policy-schedule.png")
    return folder


def test_numbers_sort_as_numbers_and_are_dropped_from_stage_names():
    folders = ["10 Renew", "2 Buy", "01 - Look for cover", "3_Claim", "4.Leave", "Appendix"]
    assert sorted(folders, key=natural_key) == ["01 - Look for cover", "2 Buy", "3_Claim", "4.Leave", "10 Renew",
                                               "Appendix"]
    assert [stage_name(name) for name in ("01 - Look for cover", "1_Claim", "2. Buy", "10 Renew", "4.Leave")] == [
        "Look for cover", "Claim", "Buy", "Renew", "Leave"]
    assert stage_name("2024") == "2024"  # nothing left after the number: kept as written
    assert stage_name("3D printing") == "3D printing"  # no separator: not a leading number
    assert stage_name("  Buy_and_pay ") == "Buy_and_pay"  # otherwise as written


def test_titles_and_keys_are_made_readable_from_file_names():
    assert readable_title("claim_form-page-1.jpg") == "Claim form page 1"
    assert readable_title("renewal-2024-03-14.pdf") == "Renewal 2024-03-14"  # a date keeps its hyphens
    assert readable_title("IMG_2041.JPG") == "IMG 2041"
    assert slug("Lettre d'accusé de réception", "artifact") == "lettre-d-accuse-de-reception"
    assert slug("Straße & Søn", "stage") == "strasse-son"
    assert slug("✓✓", "call") == "call"


def test_a_client_folder_becomes_stages_artifacts_and_calls(tmp_path):
    source = scan_folder(client_folder(tmp_path))
    assert source.name == "Nordlicht Versicherung"
    assert [(stage.key, stage.name) for stage in source.stages] == [
        ("overview", TOP_LEVEL_STAGE), ("look-for-cover", "Look for cover"), ("buy", "Buy"),
        ("reclamation", "Réclamation"), ("renew", "Renew")]
    titles = {stage.name: [artifact["title"] for artifact in stage.artifacts] for stage in source.stages}
    assert titles == {
        TOP_LEVEL_STAGE: ["Welcome letter"], "Look for cover": ["Comparison site screenshot"],
        "Buy": ["IMG 2041", "Policy schedule"],
        "Réclamation": ["Lettre d'accusé de réception", "Claim form page 1", "Claim form page 2"],  # flattened
        "Renew": ["Policy schedule"]}
    buy = source.stages[2]
    assert buy.calls == [{"key": "sales-call", "title": "Sales call", "stage": "buy", "kind": "audio",
                          "file": "2 Buy/Sales call.wav", "consent": False, "transcript": "2 Buy/Sales call.srt"}]
    artifacts = [artifact for stage in source.stages for artifact in stage.artifacts]
    keys = [artifact["key"] for artifact in artifacts]
    assert all(KEY.match(key) for key in keys) and len(set(keys)) == len(keys)
    assert "policy-schedule-2" in keys  # the same title in two stages
    kinds = {artifact["title"]: artifact["kind"] for artifact in artifacts}
    assert (kinds["Welcome letter"], kinds["Comparison site screenshot"], kinds["IMG 2041"]) == (
        "letter", "screenshot", "other")
    # junk and hidden files pass silently; the rest are listed with what to do
    assert [(item.path, item.reason.split(";")[0]) for item in source.skipped] == [
        ("01 - Look for cover/prices.xlsx", "a spreadsheet"), ("Briefing notes.docx", "a text document")]


def test_transcripts_pair_by_name_and_strays_are_listed(tmp_path):
    folder = tmp_path / "client"
    (folder / "Claims" / "calls").mkdir(parents=True)
    (folder / "Claims" / "transcripts").mkdir()
    call_recording(folder / "Claims" / "calls" / "Burst pipe.wav", 1)
    call_recording(folder / "Claims" / "calls" / "Second call.wav", 1)
    (folder / "Claims" / "transcripts" / "Burst pipe.txt").write_text("[00:00.0] Agent: Hello\n")
    (folder / "Claims" / "calls" / "second call.en.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:00.900\nHi\n")
    (folder / "Claims" / "calls" / "second call.txt").write_text("[00:00.0] Agent: Hello\n")
    (folder / "Claims" / "meeting notes.txt").write_text("Remember to ask about the excess.\n")
    stage = scan_folder(folder).stages[0]
    assert [call.get("transcript") for call in stage.calls] == [
        "Claims/transcripts/Burst pipe.txt", "Claims/calls/second call.en.vtt"]  # .vtt is preferred to .txt
    assert [item.path for item in scan_folder(folder).skipped] == ["Claims/calls/second call.txt",
                                                                   "Claims/meeting notes.txt"]


def test_files_that_will_not_show_become_placeholders_and_the_room_is_still_made(tmp_path):
    folder = client_folder(tmp_path)
    whole = phone_jpeg()
    (folder / "2 Buy" / "damaged_photo.jpg").write_bytes(whole[: len(whole) // 2])
    (folder / "2 Buy" / "Complaint call.wav").write_bytes(b"RIFF" + bytes(10))  # a recording cut off at once
    (folder / "2 Buy" / "Complaint call.srt").write_text("1\n00:00:01,5OO --> 00:00:02,000\nAgent: Hello\n")
    output = tmp_path / "nordlicht.croom"
    lines = build_from_folder(folder, output)
    placeholders = [line for line in lines if line.startswith("  placeholder ")]
    assert "  placeholder 2 Buy/damaged_photo.jpg: the file is cut short" in placeholders
    assert any(line.startswith("  placeholder 2 Buy/Complaint call.srt: line 2:") for line in placeholders)
    assert "Stage 3 'Buy': 3 artifacts, 2 calls" in lines
    with RoomFile.open(output) as room:
        calls = {call.key: call for call in list_calls(room.db)}
        assert calls["complaint-call"].segments == ()  # it plays without captions
        assert [segment.speaker for segment in calls["sales-call"].segments] == ["Agent", "Customer"]
        # check names the damaged picture, as the walls show it: a placeholder
        assert check_room(room) == ["artifact 'damaged-photo' (damaged_photo.jpg): the file is cut short"]


def test_the_room_built_from_the_folder_opens_clean_with_captions(tmp_path):
    output = tmp_path / "nordlicht.croom"
    lines = build_from_folder(client_folder(tmp_path), output, name="Nordlicht: onboarding", consent=True)
    assert lines[-1].startswith("Made the room 'Nordlicht: onboarding' at ")
    assert "1 call (1 with a transcript); 2 files skipped, 0 placeholders." in lines[-1]
    assert not any("without consent" in line for line in lines)
    with RoomFile.open(output) as room:
        assert [stage.name for stage in list_stages(room.db)] == [
            TOP_LEVEL_STAGE, "Look for cover", "Buy", "Réclamation", "Renew"]
        assert len(list_artifacts(room.db, "reclamation")) == 3
        (call,) = list_calls(room.db)
        assert call.consent and call.stage_key == "buy"
        assert [(s.start_ms, s.speaker, s.text) for s in call.segments] == [
            (500, "Agent", "Good morning, Nordlicht sales."), (1900, "Customer", "I'd like cover for my flat.")]
        assert call.duration_ms == 0 or 3000 < call.duration_ms <= 4000  # 0 only where VLC is missing
        assert check_room(room) == []


@pytest.mark.skipif(shutil.which("sox") is None, reason="sox makes the Ogg Vorbis recording")
def test_an_ogg_call_made_by_sox_is_decoded_for_its_length(tmp_path):
    folder = tmp_path / "calls only"
    folder.mkdir()
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(folder / "voicemail.ogg"), "synth", "2.5", "sine",
                    "300"], check=True, capture_output=True, timeout=60)
    lines = build_from_folder(folder, tmp_path / "calls.croom")
    assert lines[0] == f"Stage 1 '{TOP_LEVEL_STAGE}': 0 artifacts, 1 call"
    assert lines[-1] == ("1 call was added without consent recorded: it shows its transcript only until consent "
                         "is set (make the room again with --consent once every caller has agreed).")
    with RoomFile.open(tmp_path / "calls.croom") as room:
        (call,) = list_calls(room.db)
        assert not call.consent
        assert call.duration_ms == 0 or 2000 < call.duration_ms <= 2600


def test_links_out_of_the_folder_are_listed_not_followed(tmp_path):
    folder = client_folder(tmp_path)
    (folder / "2 Buy" / "passwd.png").symlink_to("/etc/passwd")
    (folder / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    (folder / "gone.pdf").symlink_to(tmp_path / "missing.pdf")
    (folder / "10 Renew" / "welcome again.pdf").symlink_to(folder / "Welcome_letter.pdf")  # inside: followed
    source = scan_folder(folder)
    assert [artifact["title"] for artifact in source.stages[-1].artifacts] == ["Policy schedule", "Welcome again"]
    skipped = {item.path: item.reason for item in source.skipped}
    assert skipped["2 Buy/passwd.png"] == "it is a link to a file outside the folder; copy the file in instead"
    assert skipped["elsewhere"] == "it is a link to a folder, which is not followed"
    assert skipped["gone.pdf"] == "it is a link to a file that is not there"


@pytest.mark.parametrize("make, words", [
    (lambda root: root / "nowhere", "does not exist"),
    (lambda root: _file(root / "letter.pdf"), "is a file, not a folder"),
    (lambda root: _junk_only(root / "junk"), r"holds no pictures, PDFs or recordings to make a room from \(1 file"),
    (lambda root: _file(root / "source" / "room.toml"), "is a room source"),
])
def test_a_folder_with_nothing_to_show_is_refused_in_one_sentence(tmp_path, make, words):
    folder = make(tmp_path)
    if folder.name == "room.toml":
        folder = folder.parent
    with pytest.raises(BuildError, match=words) as refused:
        scan_folder(folder)
    assert str(refused.value).count(". ") == 0 and "\n" not in str(refused.value)


def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n")
    return path


def _junk_only(folder: Path) -> Path:
    (folder / "Empty stage").mkdir(parents=True)
    (folder / ".DS_Store").write_bytes(bytes(8))
    (folder / "Thumbs.db").write_bytes(bytes(8))
    (folder / "minutes.docx").write_bytes(bytes(8))
    return folder


def test_without_files_at_the_top_there_is_no_overview_stage(tmp_path):
    folder = tmp_path / "client"
    for name in ("Overview", "2 Buy", "2 Buy again"):
        (folder / name).mkdir(parents=True)
    Image.new("RGB", (40, 30), (200, 30, 30)).save(folder / "Overview" / "map.png")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # skipped: it does not make a top-level stage
    (folder / "2 Buy again" / "Buy.png").symlink_to(folder / "Overview" / "map.png")
    source = scan_folder(folder)
    assert [(stage.key, stage.name) for stage in source.stages] == [
        ("buy", "Buy"), ("buy-again", "Buy again"), ("overview", "Overview")]  # an empty folder is a stage
    assert [artifact["key"] for stage in source.stages for artifact in stage.artifacts] == ["buy", "map"]
