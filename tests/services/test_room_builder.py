import sqlite3

import pytest

from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.room_check import check_room
from customer_room_desktop.services.room_manifest import BuildError
from customer_room_desktop.storage.journey_queries import list_artifacts, list_calls, list_moments, list_stages
from customer_room_desktop.storage.media_store import open_media
from customer_room_desktop.storage.room_file import RoomFile


def test_tiny_source_builds_into_a_self_contained_room(tiny_source, tmp_path):
    path = build_room(tiny_source, tmp_path / "t.croom")
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file to copy
    assert [p.name for p in tmp_path.glob("t.croom*")] == ["t.croom"]
    image = (tiny_source / "media" / "letter.png").read_bytes()
    (tiny_source / "media" / "letter.png").unlink()  # nothing needs the original once built
    with RoomFile.open(path) as room:
        assert [s.name for s in list_stages(room.db)] == ["I buy", "I claim"]
        assert list_moments(room.db)[0].silo_keys == ("claims",)
        artifact = list_artifacts(room.db)[0]
        assert open_media(room.db, artifact.media_sha256).read() == image
        assert check_room(room) == []


def test_an_existing_output_is_kept_unless_forced(tiny_source, tmp_path):
    target = tmp_path / "t.croom"
    target.write_bytes(b"someone's live room")
    with pytest.raises(BuildError, match="already exists"):
        build_room(tiny_source, target)
    assert target.read_bytes() == b"someone's live room"
    build_room(tiny_source, target, replace=True)
    with RoomFile.open(target) as room:
        assert room.writer["room"].get(1)["name"] == "Tiny Room"


@pytest.mark.parametrize("edit, words", [
    (lambda t: t.replace('stage = "claim"\nname = "I report it"', 'stage = "moon"\nname = "I report it"'),
     "moment 'claim-report': there is no stage with the key 'moon'"),
    (lambda t: t.replace('file = "media/letter.png"', 'file = "media/missing.png"'),
     "'media/missing.png' does not exist"),
    (lambda t: t.replace('direction = "lower"', 'direction = "up"'), "direction must be 'higher' or 'lower'"),
    (lambda t: t.replace('key = "buy"', 'key = "claim"'), "two stages entries share the key 'claim'"),
    (lambda t: t.replace('name = "Tiny Room"', 'name = ""'), "needs a name"),
    (lambda t: t + "\n[[stages]\n", "not valid TOML"),
    (lambda t: t.replace('file = "media/letter.png"', 'file = "media/letter.png"\npage = 0'),
     r"artifact 'letter': page must be a whole number, counted from 1 \(found 0\)"),
    (lambda t: t.replace('file = "media/letter.png"', 'file = "media/letter.png"\npage = 2'),
     r"artifact 'letter' \(media/letter.png\): it is a picture, which has only one page, so page 2 cannot show"),
])
def test_bad_sources_are_refused_with_the_entry_named_and_leave_no_file(tiny_source, tmp_path, edit, words):
    manifest = tiny_source / "room.toml"
    manifest.write_text(edit(manifest.read_text()))
    with pytest.raises(BuildError, match=words):
        build_room(tiny_source, tmp_path / "t.croom")
    assert list(tmp_path.glob("t.croom*")) == []


def test_a_bad_csv_row_in_a_source_fails_the_build_with_its_line(tiny_source, tmp_path):
    with (tiny_source / "data" / "complaints.csv").open("a") as handle:
        handle.write("not a date,E-mail,Slow,claim,,,,,\n")
    with pytest.raises(BuildError, match="complaints.csv, line 5"):
        build_room(tiny_source, tmp_path / "t.croom")
    assert list(tmp_path.glob("t.croom*")) == []  # nor the unfinished t.croom.building, nor its journal


def test_an_artifact_opens_at_the_page_its_entry_gives_and_check_finds_one_past_the_end(tiny_source, tmp_path):
    from PIL import Image

    scans = [Image.new("RGB", (210, 297), (255, 255, 255 - 40 * n)) for n in range(3)]
    scans[0].save(tiny_source / "media" / "statement.pdf", save_all=True, append_images=scans[1:])  # as Pillow does
    manifest = tiny_source / "room.toml"
    manifest.write_text(manifest.read_text() + '\n[[artifacts]]\nkey = "statement"\ntitle = "Statement"\n'
                        'kind = "statement"\nstage = "claim"\nfile = "media/statement.pdf"\npage = 3\n')
    path = build_room(tiny_source, tmp_path / "t.croom")
    with RoomFile.open(path) as room:
        assert room.db.execute("SELECT key, page FROM artifacts ORDER BY id").fetchall() == [("letter", 1),
                                                                                            ("statement", 3)]
        with room.transaction() as db:
            db.execute("UPDATE artifacts SET page = 4 WHERE key = 'statement'")
        assert "artifact 'statement' (statement.pdf): the PDF has 3 pages, so page 4 cannot show" in check_room(room)


def test_check_finds_damaged_media_and_broken_arithmetic(tiny_source, tmp_path):
    path = build_room(tiny_source, tmp_path / "t.croom")
    with RoomFile.open(path) as room:
        with room.transaction() as db:
            db.execute("UPDATE media_chunks SET data = zeroblob(length(data))")
            db.execute("INSERT INTO asset_periods (period_kind, period_start, label, customers_start, gained_count, "
                       "lost_count, customers_end) VALUES ('quarter', '2026-01-01', 'Q1', 100, 10, 5, 90)")
        findings = check_room(room)
    assert any("does not match its SHA-256" in f for f in findings)
    assert any("Q1: customers at end is 90" in f for f in findings)


def test_sample_room_has_what_the_issue_asks_for(sample_room):
    with RoomFile.open(sample_room, read_only=True) as room:
        db = room.db
        stages = list_stages(db)
        assert 6 <= len(stages) <= 8
        moments = list_moments(db)
        assert 12 <= len(moments) <= 20
        assert db.execute("SELECT count(*) FROM personas").fetchone()[0] == 3
        artifacts = list_artifacts(db)
        assert len(artifacts) >= 30
        assert {a.stage_key for a in artifacts} == {s.key for s in stages}
        assert db.execute("SELECT count(*) FROM media m JOIN artifacts a ON a.media_sha256 = m.sha256 "
                          "WHERE m.mime = 'application/pdf'").fetchone()[0] >= 6
        calls = list_calls(db)
        assert len(calls) >= 6 and all(call.segments for call in calls)
        largest = db.execute("SELECT max(m.size) FROM media m JOIN calls c ON c.media_sha256 = m.sha256").fetchone()
        assert largest[0] < 1e6
        assert db.execute("SELECT count(*) FROM complaints").fetchone()[0] >= 2000
        assert db.execute("SELECT count(DISTINCT source) FROM complaints").fetchone()[0] >= 5
        assert db.execute("SELECT count(DISTINCT substr(received_on, 1, 7)) FROM complaints").fetchone()[0] >= 24
        per_kpi = db.execute("SELECT min(n) FROM (SELECT count(*) n FROM kpi_readings GROUP BY kpi_id)").fetchone()[0]
        assert per_kpi >= 23  # 24 months, one KPI has a deliberate gap
        assert db.execute("SELECT count(*) FROM asset_periods WHERE period_kind = 'quarter'").fetchone()[0] == 8
        assert db.execute("SELECT count(*) FROM sessions WHERE closed_at IS NOT NULL").fetchone()[0] >= 3
        assert db.execute("SELECT count(*) FROM stop_doing_items").fetchone()[0] >= 1
        assert db.execute("SELECT count(*) FROM votes").fetchone()[0] >= 1
        part_way = db.execute(
            "SELECT count(*) FROM (SELECT priority_id FROM accountability_steps GROUP BY priority_id "
            "HAVING sum(status = 'reported') > 0 AND sum(status != 'reported') > 0)").fetchone()[0]
        assert part_way >= 2
        assert check_room(room) == []


def test_sample_priority_complaints_descend_after_its_team_started(sample_room):
    from customer_room_desktop.domain.complaint_trend import descent_against_baseline
    from customer_room_desktop.domain.periods import months_from_to

    with RoomFile.open(sample_room, read_only=True) as room:
        rows = room.db.execute(
            "SELECT substr(c.received_on, 1, 7), count(*) FROM complaints c JOIN priorities p "
            "ON p.moment_id = c.moment_id WHERE p.key = 'simple-claim-report' GROUP BY 1").fetchall()
    counts = {month: 0 for month in months_from_to("2024-11", "2026-10")}
    counts.update(dict(rows))
    descent = descent_against_baseline(counts, months_from_to("2025-11", "2026-04"))
    assert descent.descending, descent
