"""`customer-room export`: a room written back as a room source folder builds into a room with the same
content, table by table (tests/room_content.py), and exporting that room again writes the same bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.domain.kiosk_defaults import default_programme
from customer_room_desktop.domain.kiosk_pin import hash_pin
from customer_room_desktop.services.export_files import webvtt
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.room_manifest import BuildError
from customer_room_desktop.services.room_export import ExportRefused, export_room
from customer_room_desktop.storage.call_bookmarks import add_bookmark
from customer_room_desktop.storage.kiosk_store import save_pin_hash, save_programme
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.domain.transcripts import parse_transcript
from tests.room_content import differences


def _files(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_the_sample_exported_and_built_again_holds_the_same_rows_and_exports_the_same_bytes(sample_room, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    with RoomFile.open(sample_room, read_only=True) as room:
        exported = export_room(room, first)
    assert exported.media > 40 and exported.rows > 3000
    rebuilt = build_room(first, tmp_path / "rebuilt.croom")
    assert differences(sample_room, rebuilt) == []
    with RoomFile.open(rebuilt, read_only=True) as room:
        export_room(room, second)
    assert _files(first) == _files(second)


@pytest.mark.slow
def test_bookmarks_the_kiosk_programme_and_its_pin_come_back_too(sample_room_copy, tmp_path):
    with RoomFile.open(sample_room_copy) as room:
        add_bookmark(room, "burst-pipe", "Fourth transfer", 41_000, 52_500)
        save_programme(room, default_programme(7, True), "The lobby loop")
        save_pin_hash(room, hash_pin("4821"))
        export_room(room, tmp_path / "source")
    assert (tmp_path / "source" / "kiosk.toml").read_text(encoding="utf-8").startswith("# The lobby loop")
    rebuilt = build_room(tmp_path / "source", tmp_path / "rebuilt.croom")
    assert differences(sample_room_copy, rebuilt) == []


def test_transcript_text_that_looks_like_markup_reads_back_as_written():
    segments = [(0, 1500, "Agent", "Press <1> & then 2 > 3"), (1500, 4200, "", "no speaker, two  spaces")]
    parsed = parse_transcript(webvtt(segments), "vtt", None)
    assert [(s.start_ms, s.end_ms, s.speaker, s.text) for s in parsed] == [
        (0, 1500, "Agent", "Press <1> & then 2 > 3"), (1500, 4200, "", "no speaker, two spaces")]


def test_an_export_never_writes_over_files_it_did_not_write(sample_room, tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with RoomFile.open(sample_room, read_only=True) as room, pytest.raises(ExportRefused) as refused:
        export_room(room, folder, replace=True)
    assert "did not write" in str(refused.value)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert main(["export", str(sample_room), str(tmp_path / "out")]) == 0
    assert main(["export", str(sample_room), str(tmp_path / "out")]) == 2
    said = capsys.readouterr()
    assert "customer-room build" in said.out and "pass --force" in said.err and "Traceback" not in said.err
    assert main(["export", str(sample_room), str(tmp_path / "out"), "--force"]) == 0
    assert not (tmp_path / "out.exporting").exists()


@pytest.mark.slow
def test_a_candidate_named_with_accents_gets_a_key_a_room_source_can_hold(sample_room_copy, tmp_path):
    from customer_room_desktop.storage.focus import add_candidate

    with RoomFile.open(sample_room_copy) as room:
        key = add_candidate(room, "change-address", "Zürich customers move once, not três times")
        export_room(room, tmp_path / "source")
    assert key == "zurich-customers-move-once-not-tres-time"
    assert differences(sample_room_copy, build_room(tmp_path / "source", tmp_path / "rebuilt.croom")) == []


@pytest.mark.slow
def test_what_the_editor_changed_is_exported_and_built_back(sample_room_copy, tmp_path):
    from customer_room_desktop.services.room_editing import add_row_edit, duplicate_stage_edit, set_field_edit
    from customer_room_desktop.storage.room_edit_store import do_edit

    with RoomFile.open(sample_room_copy) as room:
        do_edit(room, duplicate_stage_edit(room, "claim")[0])
        do_edit(room, set_field_edit(room, "stages", "claim-copy", "narration", "Line one.\nLine “two”\t\\ end"))
        do_edit(room, add_row_edit(room, "personas")[0])
        do_edit(room, set_field_edit(room, "kpis", "settlement-days", "target", "19.5"))
        do_edit(room, set_field_edit(room, "artifacts", "home-claim-form", "page", "3"))
        do_edit(room, set_field_edit(room, "artifacts", "quote-error", "task_customer_median_seconds", "300"))
        do_edit(room, set_field_edit(room, "artifacts", "quote-error", "task_text", "Get a quote for a flat."))
        do_edit(room, set_field_edit(room, "moments", "claim-report", "silos", ["legal", "claims"]))
        do_edit(room, set_field_edit(room, "calls", "first-debit", "persona", "derek"))
        do_edit(room, set_field_edit(room, "artifacts", "quote-error", "task_customer_give_up_percent", "37.5"))
        do_edit(room, set_field_edit(room, "artifacts", "quote-error", "task_common_wrong_answer", "The old price."))
        do_edit(room, set_field_edit(room, "artifacts", "home-claim-form", "moment", "claim-assessor"))
        do_edit(room, set_field_edit(room, "artifacts", "cover-leaflet", "moment", ""))
        do_edit(room, set_field_edit(room, "calls", "burst-pipe", "moment", ""))
        do_edit(room, set_field_edit(room, "calls", "first-debit", "recorded_on", "2024-02-29"))
        do_edit(room, set_field_edit(room, "calls", "house-move", "recorded_on", ""))
        do_edit(room, set_field_edit(room, "artifacts", "quote-error", "kind", "email"))
        do_edit(room, set_field_edit(room, "artifacts", "home-claim-form", "kind", "hang-tag"))
        export_room(room, tmp_path / "source")
    manifest = tmp_path / "source" / "room.toml"
    assert 'page = 3' in manifest.read_text(encoding="utf-8")
    assert 'kind = "hang-tag"' in manifest.read_text(encoding="utf-8")
    assert differences(sample_room_copy, build_room(tmp_path / "source", tmp_path / "rebuilt.croom")) == []
    # `build` takes the recorded dates the editor takes, and refuses the ones it refuses, in the same words
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"2024-02-29"', '"2023-02-29"'),
                        encoding="utf-8")
    with pytest.raises(BuildError) as refused:
        build_room(tmp_path / "source", tmp_path / "refused.croom")
    assert str(refused.value) == ("call 'first-debit': recorded_on '2023-02-29' is not a date: write the day the call "
                                  "was recorded as YYYY-MM-DD, such as 2026-03-14.")
