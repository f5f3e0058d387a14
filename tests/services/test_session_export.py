"""sessions.toml written from a room file: it builds back the same sessions, and writes the same bytes again.

The sample room is given what a live session leaves behind (captures with random uids, a withdrawn note, an
edited commitment, reviews of earlier commitments, a reaction without a result, votes, a new priority with its
team, a team report with artifacts, a recognition, a planned session); its sessions.toml then replaces the
sample source's own, and the rebuilt room holds the same rows in every session table.
"""

from __future__ import annotations

import shutil
import textwrap
import tomllib
from datetime import date
from pathlib import Path

import pytest

from customer_room_desktop.app.paths import sample_room_source
from customer_room_desktop.domain.meetings import Attendee, CaptureContext
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.room_manifest import BuildError
from customer_room_desktop.services.session_export import sessions_toml
from customer_room_desktop.storage.accountability import recognise, report_step
from customer_room_desktop.storage.captures import (capture_commitment, capture_decision, capture_note,
                                                    add_attendee, cast_votes, close_session, edit_capture,
                                                    start_session, withdraw_capture)
from customer_room_desktop.storage.commitment_reviews import review_commitment
from customer_room_desktop.storage.exercises import record_reaction, record_result, start_exercise, stop_exercise
from customer_room_desktop.storage.focus import (add_candidate, assign_team, decide_stop_doing, propose_stop_doing,
                                                 select_priority)
from customer_room_desktop.storage.journal import record_event
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import carried_commitments, plan_session
from tests.room_content import room_content

SESSION_TABLES = ("sessions", "attendees", "agenda_items", "priorities", "teams", "team_members",
                  "accountability_steps", "step_artifacts", "votes", "decisions", "commitments",
                  "commitment_reviews", "notes", "stop_doing_items", "recognitions", "exercise_runs",
                  "exercise_results", "journal_events")
TODAY = date(2026, 12, 10)
# Quotes, a backslash, control characters, DEL, a line separator and characters outside the BMP.
AWKWARD = 'He said "one call"\\two\tthree\nfour\r\x00\x1b\x7f \u2028 caf\u00e9 \U0001F600 \ufeff end'


def _uid(room: RoomFile, table: str, row_id: int) -> str:
    return room.db.execute(f"SELECT uid FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]


def _hold_a_live_session(path: Path) -> None:
    """What the console writes in the December session of the sample room, through the storage layer."""
    with RoomFile.open(path) as room:
        december = room.db.execute("SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0]
        start_session(room, december)
        add_attendee(room, december, "Dana Okafor", "Head of Complaints", "service")
        capture_decision(room, december, "Fund one claims number from January.",
                         CaptureContext(stage_key="claim", call_key="burst-pipe", call_position_ms=62_000,
                                        views=("early warning",)))
        withdrawn = capture_note(room, december, "A note typed in the wrong session.")
        withdraw_capture(room, _uid(room, "notes", withdrawn))
        capture_note(room, december, "Assessors missed one visit in six in November.")
        commitment = capture_commitment(room, december, "Publish the phone menu change", "Gemma Wardle",
                                        date(2027, 1, 14), "simple-claim-report", today=TODAY)
        edit_capture(room, _uid(room, "commitments", commitment), "Publish the new phone menu", today=TODAY)
        earlier = carried_commitments(room, december)
        review_commitment(room, december, earlier[0].id, "moved", moved_to="2027-02-11", today=TODAY)
        review_commitment(room, december, earlier[1].id, "done")
        run = start_exercise(room, december, "home-claim-form")
        record_result(room, run.id, "Ruth Adeyemi", "gave up", seconds=400, reaction="Still too long.")
        record_reaction(room, run.id, "Hamish Rennie", "Better than May, but page three confuses.")
        stop_exercise(room, run.id)
        cast_votes(room, december, "Ruth Adeyemi", {"documents-within-hour": 2, "move-house-one-contact": 1})
        key = add_candidate(room, "change-address", "Moving house takes one form")
        select_priority(room, december, key)
        assign_team(room, december, key, "Alistair Munro", "One form team", "",
                    [("Priya Nair", "billing"), ("Sam Cole", "digital")])
        report_step(room, december, "assessor-on-the-day", 1, "Assessors miss one visit in six.",
                    ["home-claim-form", "quote-error"])
        item = propose_stop_doing(room, december, "The weekly claims report nobody reads", silo_key="claims")
        decide_stop_doing(room, december, item, True)
        recognise(room, december, "fair-renewal-price", "The Fair renewal team: a renewal notice people read.")
        record_event(room, december, "odd_detail", AWKWARD)
        close_session(room, december)
        plan_session(room, "January workshop", "workshop", date(2027, 1, 20),
                     [Attendee("Ruth Adeyemi", "Chief Operating Officer", "operations")],
                     dots_per_leader=5, max_priorities=2)


def _renumber(path: Path) -> None:
    """Positions that are not an entry's place in its list (the console never leaves them; a hand edit may)."""
    with RoomFile.open(path) as room, room.transaction() as db:
        db.execute("UPDATE agenda_items SET position = 10 * position WHERE session_id = "
                   "(SELECT id FROM sessions WHERE key = '2026-05-monthly')")
        db.execute("UPDATE accountability_steps SET position = position + 10 WHERE priority_id = "
                   "(SELECT id FROM priorities WHERE key = 'assessor-on-the-day')")


def _build_with_sessions(text: str, folder: Path, output: Path) -> Path:
    shutil.copytree(sample_room_source(), folder)
    (folder / "sessions.toml").write_text(text, encoding="utf-8")
    return build_room(folder, output, probe_recordings=False)


def _sessions_text(path: Path) -> str:
    with RoomFile.open(path) as room:
        return sessions_toml(room.db)


def _session_content(path: Path) -> dict[str, list[tuple]]:
    content = room_content(path)
    return {table: content[table] for table in SESSION_TABLES}


def test_a_live_room_builds_back_with_the_same_sessions(sample_room_copy, tmp_path):
    _hold_a_live_session(sample_room_copy)
    _renumber(sample_room_copy)
    text = _sessions_text(sample_room_copy)
    assert "position = 10," in text and "position = 11," in text
    rebuilt = _build_with_sessions(text, tmp_path / "source", tmp_path / "rebuilt.croom")
    live, built = _session_content(sample_room_copy), _session_content(rebuilt)
    for table in SESSION_TABLES:
        assert built[table] == live[table], table
    assert _sessions_text(rebuilt) == text  # the second export is byte for byte the first
    lone = room_content(rebuilt)["exercise_results"]
    assert any(dict(row)["outcome"] is None for row in lone)  # the reaction without a result came back


def test_the_sample_room_writes_its_sessions_without_numbering(sample_room):
    text = _sessions_text(sample_room)
    parsed = tomllib.loads(text)
    assert [s["key"] for s in parsed["sessions"]][:2] == ["2026-05-monthly", "2026-06-monthly"]
    assert "uid" not in text and "position" not in text and "context" not in text
    october = next(s for s in parsed["sessions"] if s["key"] == "2026-10-monthly")
    assert october["commitments"][0] == {
        "at": "2026-10-08T10:25:00", "text": "Build the one-page online claim form", "owner": "Tom Achterberg",
        "due_on": "2026-12-10", "priority": "simple-claim-report", "status": "open"}
    december = next(s for s in parsed["sessions"] if s["key"] == "2026-12-monthly")
    assert "started_at" not in december and "closed_at" not in december  # NULL is left out


def test_awkward_text_survives_as_a_toml_string(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        record_event(room, 1, "odd_detail", AWKWARD)
        text = sessions_toml(room.db)
    details = [event["detail"] for session in tomllib.loads(text)["sessions"] for event in session["journal"]]
    assert AWKWARD in details


SESSION = """
[[sessions]]
key = "s1"
scheduled_on = "2026-05-14"
attendees = [{ name = "Ann Lee" }]
"""


@pytest.mark.parametrize(("records", "sentence"), [
    ('decisions = [{ uid = "d", at = "t", text = "One" }, { uid = "d", at = "t", text = "Two" }]',
     "session 's1': decision 2 has the uid 'd', which another entry already has."),
    ('commitment_reviews = [{ commitment = "nobody-made-it", outcome = "done", due_before = "2026-06-01", '
     'at = "t" }]',
     "session 's1': commitment review 1 names the commitment 'nobody-made-it', which no session made."),
    ('notes = [{ at = "t", text = "A note", context = "{not json" }]',
     "session 's1': the context of note 1 is not JSON text."),
    ('notes = [{ at = "t", text = "   " }]', "session 's1': note 1 has no text."),
    ('agenda = [{ conversation = 5, title = "Extra" }]',
     "session 's1': agenda item 1 is in conversation 5; the conversations are 1 to 4."),
])
def test_a_session_entry_that_cannot_be_built_is_refused_in_one_sentence(tiny_source, tmp_path, records, sentence):
    manifest = tiny_source / "room.toml"
    manifest.write_text(manifest.read_text() + textwrap.dedent(SESSION) + records + "\n", encoding="utf-8")
    with pytest.raises(BuildError) as refused:
        build_room(tiny_source, tmp_path / "t.croom", probe_recordings=False)
    assert str(refused.value) == sentence
    assert not (tmp_path / "t.croom").exists()
