"""The room editor's undo and redo, kept in the room file: any sequence of edits undone gives back the room as
it was, redone gives the edited room again, and both still hold after the room is closed and opened."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from customer_room_desktop.domain.room_edits import EditRefused, MoveStages, RoomEdit, SetField, SetTranscript
from customer_room_desktop.services.room_editing import (
    STAGE_FIELDS, add_row_edit, duplicate_stage_edit, move_stage_edit, remove_row_edit, set_field_edit, stage_order,
)
from customer_room_desktop.storage.room_edit_store import (
    do_edit, edit_history, redo_edit, transcript_lines, undo_edit,
)
from customer_room_desktop.storage.room_file import RoomFile
from tests.room_content import room_content

_rooms = itertools.count()


def _room(folder: Path) -> Path:
    path = folder / f"edits-{next(_rooms)}.croom"
    with RoomFile.create(path, "Edits") as room, room.transaction() as db:
        for position, (key, name) in enumerate([("find", "I look for cover"), ("buy", "I buy a policy"),
                                                ("claim", "I make a claim")], start=1):
            db.execute("INSERT INTO stages (key, position, name, goal) VALUES (?, ?, ?, ?)",
                       (key, position, name, f"Goal of {name}"))
        db.execute("INSERT INTO moments (key, stage_id, name) VALUES ('claim-report', 3, 'I report what happened')")
        db.execute("INSERT INTO moments (key, stage_id, name) VALUES ('claim-paid', 3, 'I am paid')")
        db.execute("INSERT INTO moments (key, stage_id, name) VALUES ('find-quote', 1, 'I get a quote')")
        db.execute("INSERT INTO kpis (key, moment_id, name, unit, direction, target, at_risk, failing) "
                   "VALUES ('report-minutes', 1, 'Minutes to report a claim', 'min', 'lower', 15, 22, 30)")
        db.execute("INSERT INTO silos (key, name) VALUES ('claims', 'Claims'), ('service', 'Customer Service'), "
                   "('digital', 'Digital & IT')")
        db.execute("INSERT INTO moment_silos (moment_id, silo_id) VALUES (1, 3), (1, 1)")
        db.execute("INSERT INTO personas (key, name) VALUES ('maya', 'Maya'), ('derek', 'Derek')")
        db.execute(f"INSERT INTO media (sha256, size, mime, chunk_size, added_at) VALUES ('{_SHA}', 0, 'audio/ogg', "
                   "1, '2026-01-01')")
        db.execute(f"INSERT INTO calls (key, title, stage_id, persona_id, media_sha256, kind) VALUES ('burst', "
                   f"'Burst pipe', 3, 1, '{_SHA}', 'audio')")
        db.execute("INSERT INTO transcript_segments (call_id, start_ms, end_ms, speaker, text) VALUES "
                   "(1, 0, 900, 'Agent', 'Good morning.'), (1, 900, 2000, 'Customer', 'My kitchen is flooded.')")
        db.execute(f"INSERT INTO artifacts (key, title, kind, stage_id, media_sha256) VALUES ('form', 'Claim form', "
                   f"'form', 3, '{_SHA}')")
    return path


_SHA = "5e" * 32


def _journey(path: Path) -> dict:
    content = room_content(path)
    return {table: rows for table, rows in content.items() if table != "edit_history"}


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(lambda t: t.strip())
actions = st.lists(st.one_of(
    st.tuples(st.just("set"), st.integers(0, 9), st.sampled_from(STAGE_FIELDS), texts),
    st.tuples(st.just("move"), st.integers(0, 9), st.integers(1, 10)),
    st.tuples(st.just("duplicate"), st.integers(0, 9)),
    st.tuples(st.just("row"), st.sampled_from([("kpis", "report-minutes", "target"),
                                               ("kpis", "report-minutes", "unit"),
                                               ("moments", "claim-report", "is_priority"),
                                               ("moments", "claim-report", "name")]),
              st.one_of(st.floats(-1e6, 1e6, allow_nan=False).map(str), st.booleans(), texts)),
    st.tuples(st.just("add"), st.sampled_from(["moments", "personas", "kpis", "silos"])),
    st.tuples(st.just("remove"), st.sampled_from(["moments", "personas", "kpis", "silos"]), st.integers(0, 5)),
    st.tuples(st.just("moment silos"), st.lists(st.sampled_from(["claims", "service", "digital"]), unique=True)),
    st.tuples(st.just("row"), st.just(("calls", "burst", "persona")), st.sampled_from(["", "maya", "derek"])),
    st.tuples(st.just("row"), st.sampled_from([("artifacts", "form", "task_text"),
                                               ("artifacts", "form", "task_customer_median_seconds"),
                                               ("artifacts", "form", "task_done_when")]),
              st.one_of(st.integers(-5, 3000).map(str), st.just(""), texts)),
    st.tuples(st.just("row"), st.sampled_from([("artifacts", "form", "moment"), ("calls", "burst", "moment")]),
              st.sampled_from(["", "claim-report", "claim-paid", "find-quote", "gone"])),
    st.tuples(st.just("row"), st.just(("artifacts", "form", "kind")),  # the kinds `build` takes, and others
              st.sampled_from(["letter", "packing-slip", "hang-tag", "other", "form", "memo", "", "Letter"])),
    st.tuples(st.just("row"), st.just(("calls", "burst", "recorded_on")),
              st.one_of(st.dates().map(str), st.sampled_from(["", "2026-02-30", "14/03/2026"]))),
    st.tuples(st.just("row"), st.sampled_from([("artifacts", "form", "task_customer_give_up_percent"),
                                               ("artifacts", "form", "task_common_wrong_answer")]),
              st.one_of(st.floats(-50, 150, allow_nan=False).map(str), st.just(""), texts)),
    st.tuples(st.just("transcript"), st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["Agent", ""]), texts),
                                              max_size=4)),
), min_size=1, max_size=12)


def _edit(room: RoomFile, action: tuple) -> RoomEdit | None:
    if action[0] == "moment silos":
        try:
            return set_field_edit(room, "moments", "claim-report", "silos", action[1])
        except EditRefused:
            return None  # the moment was removed, or a silo
    if action[0] == "transcript":
        lines = [[start, start + 500, speaker, text] for start, speaker, text in sorted(action[1])]
        before = transcript_lines(room.db, 1)
        return RoomEdit("Set the transcript", (SetTranscript("burst", before, lines),)) if lines != before else None
    if action[0] == "row":
        (table, key, column), value = action[1], action[2]
        try:
            return set_field_edit(room, table, key, column, value)
        except EditRefused:
            return None  # a value build would refuse ("abc" as a target): refused, nothing to undo
    if action[0] in ("add", "remove"):
        try:
            if action[0] == "add":
                return add_row_edit(room, action[1], "")[0]
            keys = [key for (key,) in room.db.execute(f"SELECT key FROM {action[1]} ORDER BY id")]
            return remove_row_edit(room, action[1], keys[action[2] % len(keys)]) if keys else None
        except EditRefused:
            return None  # still used by another row: refused, nothing to undo
    keys = stage_order(room)
    key = keys[action[1] % len(keys)]
    if action[0] == "set":
        return set_field_edit(room, "stages", key, action[2], action[3])
    if action[0] == "move":
        return move_stage_edit(room, key, action[2])
    return duplicate_stage_edit(room, key)[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=actions)
def test_undo_all_gives_the_room_back_and_redo_all_the_edits_again_even_after_reopening(tmp_path, steps):
    path = _room(tmp_path)
    start = _journey(path)
    done = 0
    with RoomFile.open(path) as room:
        for action in steps:
            edit = _edit(room, action)
            if edit is not None:
                do_edit(room, edit)
                done += 1
    edited = _journey(path)
    with RoomFile.open(path) as room:  # closed and opened again: the history is in the file
        assert len(edit_history(room)) == done
        for _ in range(done):
            assert undo_edit(room) is not None
        assert undo_edit(room) is None
    assert _journey(path) == start
    with RoomFile.open(path) as room:
        for _ in range(done):
            assert redo_edit(room) is not None
        assert redo_edit(room) is None
    assert _journey(path) == edited


def test_a_new_edit_after_an_undo_forgets_what_could_be_redone(tmp_path):
    with RoomFile.open(_room(tmp_path)) as room:
        do_edit(room, set_field_edit(room, "stages", "buy", "name", "I choose a policy"))
        undo_edit(room)
        do_edit(room, set_field_edit(room, "stages", "buy", "goal", "Covered today"))
        assert [(e.label, e.undone) for e in edit_history(room)] == [("Change the goal of 'I buy a policy'", False)]
        assert redo_edit(room) is None


def test_a_value_build_would_refuse_is_refused_in_one_sentence_naming_its_field(tmp_path):
    with RoomFile.open(_room(tmp_path)) as room:
        with pytest.raises(EditRefused) as refused:
            set_field_edit(room, "stages", "buy", "name", "   ")
        assert refused.value.field == "name" and str(refused.value).startswith("A stage needs a name")
        with pytest.raises(EditRefused) as refused:
            set_field_edit(room, "stages", "buy", "narration", "x" * 4001)
        assert "at most 4,000" in str(refused.value)


def test_an_artifacts_kind_is_one_build_takes_and_each_change_is_one_step(tmp_path):
    path = _room(tmp_path)
    with RoomFile.open(path) as room:
        with pytest.raises(EditRefused) as refused:
            set_field_edit(room, "artifacts", "form", "kind", "memo")
        assert refused.value.field == "kind" and str(refused.value) == (
            "'memo' is not an artifact kind; choose one of brochure, contract, email, form, hang-tag, invoice, letter, "
            "notice, other, packing-slip, screenshot or statement.")
        assert set_field_edit(room, "artifacts", "form", "kind", "form") is None  # it is one already
        edit = set_field_edit(room, "artifacts", "form", "kind", "packing-slip")
        assert edit is not None and edit.label == "Change the kind of 'Claim form'"
        do_edit(room, edit)
        assert room.db.execute("SELECT kind FROM artifacts WHERE key = 'form'").fetchone() == ("packing-slip",)
    with RoomFile.open(path) as room:  # closed and opened again
        assert undo_edit(room) is not None
        assert room.db.execute("SELECT kind FROM artifacts WHERE key = 'form'").fetchone() == ("form",)


def test_a_history_tampered_with_is_refused_before_it_becomes_sql(tmp_path):
    path = _room(tmp_path)
    evil = RoomEdit("Rename", (SetField("stages; DROP TABLE stages; --", "buy", "name", "x", "y"),))
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO edit_history (label, changes, undone, at) VALUES ('Rename', ?, 0, '2026')",
                 (evil.to_json(),))
    conn.commit()
    conn.close()
    with RoomFile.open(path) as room:
        with pytest.raises(EditRefused) as refused:
            undo_edit(room)
        assert "does not change" in str(refused.value)
        assert len(stage_order(room)) == 3


def test_undoing_after_the_room_changed_elsewhere_refuses_and_changes_nothing(tmp_path):
    with RoomFile.open(_room(tmp_path)) as room:
        do_edit(room, move_stage_edit(room, "claim", 1))
        with room.transaction() as db:  # another program reorders the stages
            db.execute("UPDATE stages SET position = -position")
            for position, key in enumerate(("buy", "find", "claim"), start=1):
                db.execute("UPDATE stages SET position = ? WHERE key = ?", (position, key))
        with pytest.raises(EditRefused) as refused:
            undo_edit(room)
        assert "outside the editor" in str(refused.value)
        assert stage_order(room) == ("buy", "find", "claim")
        assert not edit_history(room)[0].undone
    assert isinstance(MoveStages(("a",), ("a",)).inverse(), MoveStages)
