"""Issue 17, point 2: a room holds only the tables, indexes, triggers and views its format defines.

A planted trigger, view or index is named by `check` (exit 1) and refused before the first write, so an
ordinary import cannot be turned against the room; rooms from elsewhere are quick-checked first.
"""

import gc
import hashlib
import shutil
import sqlite3

import pytest
import sqlite_utils

from customer_room_desktop.app.cli import main
from customer_room_desktop.services.room_check import check_room
from customer_room_desktop.storage import migrations, schema_verify
from customer_room_desktop.storage.errors import CorruptRoomError, UnexpectedSchemaError
from customer_room_desktop.storage.room_file import APPLICATION_ID, RoomFile
from customer_room_desktop.storage.schema_verify import remember_rooms_in, schema_problems

EVIL = "CREATE TRIGGER evil AFTER INSERT ON complaints BEGIN DELETE FROM decisions; DELETE FROM commitments; END"


@pytest.fixture(autouse=True)
def private_user_data(tmp_path, monkeypatch):
    """The CLI remembers rooms under the user's data folder: a private one here, forgotten afterwards."""
    monkeypatch.setenv("CUSTOMER_ROOM_DATA_DIR", str(tmp_path / "user-data"))
    remember_rooms_in(None)
    yield
    remember_rooms_in(None)


def plant(path, *statements):
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def counts(path):
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("decisions", "commitments", "complaints")]
    finally:
        conn.close()


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_planted_trigger_is_named_by_check_and_refused_before_an_import_harms(sample_room_copy, tmp_path,
                                                                                  capsys):
    plant(sample_room_copy, EVIL)
    before = counts(sample_room_copy)
    assert before[0] > 0 and before[1] > 0
    sentence = "this room contains a trigger 'evil' that Customer Room did not make"

    assert main(["check", str(sample_room_copy)]) == 1
    assert sentence in capsys.readouterr().out

    csv_path = tmp_path / "complaints.csv"
    csv_path.write_text("received_on,source,category,stage\n2026-11-01,E-mail,Slow,claim\n", encoding="utf-8")
    assert main(["import", "complaints", str(sample_room_copy), str(csv_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and sentence in err[0] and str(sample_room_copy) in err[0]
    assert counts(sample_room_copy) == before  # nothing imported, nothing deleted


@pytest.mark.parametrize("statement, sentence", [
    ("CREATE VIEW leaders AS SELECT * FROM attendees",
     "this room contains a view 'leaders' that Customer Room did not make"),
    ("CREATE INDEX complaints_by_text ON complaints(category)",
     "this room contains an index 'complaints_by_text' that Customer Room did not make"),
    ("DROP INDEX complaints_stage_received",
     "this room is missing the index 'complaints_stage_received' on table 'complaints' that Customer Room made"),
    ("ALTER TABLE notes ADD COLUMN secret TEXT",
     "this room's table 'notes' is not as Customer Room made it (column 'secret' was added)"),
])
def test_planted_or_missing_objects_are_found_by_check_and_refused_for_writing(sample_room_copy, statement,
                                                                               sentence):
    plant(sample_room_copy, statement)
    before = sha(sample_room_copy)
    with RoomFile.open(sample_room_copy, read_only=True) as room:
        assert sentence in check_room(room, verify_media_hashes=False)
    with pytest.raises(UnexpectedSchemaError) as refusal:
        RoomFile.open(sample_room_copy)
    assert sentence in str(refusal.value) and str(sample_room_copy) in str(refusal.value)
    assert sha(sample_room_copy) == before
    assert sorted(p.name for p in sample_room_copy.parent.iterdir() if p.name.startswith("copy")) == \
        ["copy.croom"]


def test_a_dropped_table_is_a_finding_not_a_traceback(sample_room_copy, capsys):
    plant(sample_room_copy, "DROP TABLE call_bookmarks")
    assert main(["check", "--skip-media", str(sample_room_copy)]) == 1
    assert "this room is missing the table 'call_bookmarks' that Customer Room made" in capsys.readouterr().out


def test_the_sample_room_has_exactly_its_formats_schema(sample_room):
    conn = sqlite3.connect(sample_room)
    try:
        assert schema_problems(conn) == []
    finally:
        conn.close()


def _room_of_format(path, version):
    """A room as the release that wrote format ``version`` made it: the migrations up to it."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db = sqlite_utils.Database(conn)
    for step in migrations.MIGRATIONS[:version]:
        step(db)
    conn.execute("INSERT INTO room (id, name, created_at) VALUES (1, 'Old room', '2026-01-01')")
    conn.execute(f"PRAGMA user_version={version}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("version", range(1, migrations.LATEST_VERSION + 1))
def test_every_supported_format_passes_and_upgrades_to_the_newest_schema(tmp_path, version):
    path = _room_of_format(tmp_path / "old.croom", version)
    conn = sqlite3.connect(path)
    assert schema_problems(conn) == []  # no false positive on any format
    conn.close()
    with RoomFile.open(path) as room:  # upgraded by ALTER TABLE: the same schema as a fresh room
        assert room.schema_version == migrations.LATEST_VERSION
        assert schema_problems(room.conn) == []


def test_an_older_room_with_a_planted_trigger_is_refused_before_its_upgrade(tmp_path):
    path = _room_of_format(tmp_path / "old.croom", 3)
    plant(path, "CREATE TRIGGER evil AFTER INSERT ON complaints BEGIN DELETE FROM decisions; END")
    with pytest.raises(UnexpectedSchemaError, match="trigger 'evil'"):
        RoomFile.open(path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("old")) == ["old.croom"]  # no backup
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 3


def _damage_an_index_page(path):
    """Zero the root page of an index: the schema still reads, but quick_check fails."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'complaints_stage_received'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(page_size))


def test_a_room_from_elsewhere_is_quick_checked_before_its_first_write(sample_room_copy):
    _damage_an_index_page(sample_room_copy)
    before = sha(sample_room_copy)
    with pytest.raises(CorruptRoomError, match=r"is damaged .*\(SQLite reports: Page \d+: ") as refusal:
        RoomFile.open(sample_room_copy)
    assert "\n" not in str(refusal.value)
    assert sha(sample_room_copy) == before


def test_a_room_this_app_closed_is_known_until_it_changes_elsewhere(sample_room_copy, tmp_path):
    known = tmp_path / "user-data" / "known-rooms.json"
    remember_rooms_in(known)
    assert not schema_verify._is_known(sample_room_copy, known)
    room = RoomFile.open(sample_room_copy)
    room.close()
    del room
    gc.collect()
    assert schema_verify._is_known(sample_room_copy, known)

    elsewhere = tmp_path / "from-a-usb-stick.croom"
    shutil.copyfile(sample_room_copy, elsewhere)
    assert not schema_verify._is_known(elsewhere, known)  # another file, another inode

    plant(sample_room_copy, "UPDATE room SET name = 'Changed by another program'")
    assert not schema_verify._is_known(sample_room_copy, known)


def test_a_room_this_app_closed_reopens_without_its_checks_and_is_checked_again_once_changed(
        sample_room_copy, tmp_path, monkeypatch):
    """Reopening one's own room replays no migrations (17-26 ms at every open); a room changed since by
    another program is compared again, and a planted trigger is refused as from anywhere else."""
    remember_rooms_in(tmp_path / "user-data" / "known-rooms.json")
    monkeypatch.setattr(schema_verify, "_expected", {})
    replayed = []
    expected = schema_verify.expected_schema
    monkeypatch.setattr(schema_verify, "expected_schema", lambda version: replayed.append(version) or expected(version))
    RoomFile.open(sample_room_copy).close()
    assert replayed == [len(migrations.MIGRATIONS)]  # from elsewhere the first time: compared
    gc.collect()

    with RoomFile.open(sample_room_copy) as room:  # closed by this app, unchanged: opened at once
        assert not room.read_only
    assert replayed == [len(migrations.MIGRATIONS)]
    gc.collect()

    plant(sample_room_copy, EVIL)  # another program, while the room was closed
    before = sha(sample_room_copy)
    with pytest.raises(UnexpectedSchemaError, match="contains a trigger 'evil' that Customer Room did not make"):
        RoomFile.open(sample_room_copy)
    assert len(replayed) == 2 and sha(sample_room_copy) == before
