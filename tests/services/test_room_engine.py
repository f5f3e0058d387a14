"""The room engine on a real room file: commands with a storage write, and what the walls show."""

import json
from datetime import date, timedelta

import pytest

from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.refusal import Refusal
from customer_room_desktop.domain.room_changes import Changed, Effect
from customer_room_desktop.services.room_engine import RoomEngine
from customer_room_desktop.storage.journal import events_of
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.storage.session_plans import plan_session

WALLS = tuple(cmd.ScreenWall(f"name:WALL{n}::", f"WALL{n}", 1920, 1080) for n in (1, 2, 3))


@pytest.fixture
def engine(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        engine = RoomEngine(room)
        engine.apply(cmd.ScreensChanged(WALLS, {}))
        yield engine


def saved_context(engine, uid):
    row = engine.room.db.execute("SELECT context FROM decisions WHERE uid = ?", (uid,)).fetchone()
    return json.loads(row[0])


def test_a_decision_in_conversation_1_is_stamped_with_the_evidence_on_the_walls_not_a_stage(engine):
    engine.apply(cmd.StartSession())
    engine.apply(cmd.Conversation(1))
    uid = engine.apply(cmd.Capture("decision", "Claims experience is the first thing to fix")).result
    context = saved_context(engine, uid)
    assert context["stage_key"] is None
    assert context["views"] == ["customer asset Q3 2026", "early warning", "listening path"]


def test_a_capture_during_the_walk_names_the_stage_the_artifact_page_and_the_call_second(engine):
    engine.apply(cmd.StartSession())
    engine.apply(cmd.Go(4))
    engine.apply(cmd.ShowArtifact("renewal-notice", 1))
    engine.apply(cmd.OpenCall("burst-pipe"))
    engine.apply(cmd.CallProgress(True, 61_000))
    uid = engine.apply(cmd.Capture("decision", "Rewrite the renewal notice")).result
    context = saved_context(engine, uid)
    assert (context["artifact_key"], context["artifact_page"]) == ("renewal-notice", 1)
    assert (context["call_key"], context["call_position_ms"]) == ("burst-pipe", 61_000)
    assert context["stage_key"] == engine.state.stage.key  # the third wall still shows the journey


def test_a_second_start_restarts_nothing_and_the_stage_stays(engine):
    first = engine.apply(cmd.StartSession())
    started = engine.state.session.started_at
    engine.apply(cmd.Go(5))
    again = engine.apply(cmd.StartSession())
    assert engine.state.session.started_at == started and engine.state.position == 5
    assert "already running" in again.message and Changed.SESSION in first.what


def test_f5_lays_the_walls_out_again_and_changes_nothing_else(engine):
    engine.apply(cmd.StartSession())
    engine.apply(cmd.Go(3))
    before = engine.state
    changes = engine.apply(cmd.LayOut())
    assert engine.state == before and changes.effects == (Effect.LAY_OUT,) and not changes.what


def test_a_new_plans_agenda_changes_the_stage_clock_at_once(engine):
    before = engine.state.planned_stage_seconds
    session_id = plan_session(engine.room, "Short workshop", "workshop", date.today() + timedelta(days=7), [])
    changes = engine.load_session(session_id)
    assert engine.state.planned_stage_seconds != before and Changed.CLOCK in changes.what


def test_the_walk_and_the_period_shown_are_journaled_by_the_commands_not_by_drawing(engine):
    engine.apply(cmd.StartSession())
    engine.apply(cmd.Go(2))
    engine.apply(cmd.Conversation(1))
    engine.apply(cmd.SetAssetPeriod("2025"))
    kinds = [(kind, detail) for _, kind, detail in events_of(engine.room, engine.state.session.id)]
    assert ("stage_shown", engine.state.stages[1].key) in kinds
    assert [detail for kind, detail in kinds if kind == "asset_shown"] == ["Q3 2026", "2025"]


def test_resuming_after_a_crash_goes_back_to_the_stage_and_conversation(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        engine = RoomEngine(room)
        engine.apply(cmd.ScreensChanged(WALLS, {}))
        engine.apply(cmd.StartSession())
        engine.apply(cmd.Conversation(3))
        engine.apply(cmd.Go(6))
    with RoomFile.open(sample_room_copy) as room:  # no close was saved: the room was left live
        engine = RoomEngine(room)
        engine.apply(cmd.ScreensChanged(WALLS, {}))
        assert engine.state.session.status == "interrupted"
        with pytest.raises(Refusal, match="Resume or close"):
            engine.apply(cmd.Capture("note", "too early"))
        engine.apply(cmd.ResumeSession())
        assert engine.state.session.live and engine.state.session.conversation == 3
        assert engine.state.position == 6 and engine.state.next_position() == 7
        assert "tally" in [engine.state.shown(w) for w in engine.state.walls]


def test_withdrawing_the_last_capture_leaves_it_in_the_file(engine):
    engine.apply(cmd.StartSession())
    uid = engine.apply(cmd.Capture("note", "Said in error")).result
    changes = engine.apply(cmd.Withdraw())
    assert changes.result == uid and "Said in error" in changes.message
    assert engine.room.db.execute("SELECT withdrawn_at IS NOT NULL FROM notes WHERE uid = ?", (uid,)).fetchone()[0]
    with pytest.raises(Refusal, match="no capture left"):
        engine.apply(cmd.Withdraw())


def test_a_commitment_with_a_bad_due_date_is_refused_in_one_sentence(engine):
    engine.apply(cmd.StartSession())
    with pytest.raises(Refusal, match="YYYY-MM-DD, not “next friday”"):
        engine.apply(cmd.Capture("commitment", "Fix it", "Dana Ruiz", "next friday"))


def test_ctrl_z_withdraws_the_newest_of_captures_made_within_one_second(engine):
    engine.apply(cmd.StartSession())
    engine.apply(cmd.Capture("note", "First"))
    engine.apply(cmd.Capture("decision", "Second"))
    newest = engine.apply(cmd.Capture("commitment", "Third", "Dana Ruiz", "2099-01-31")).result
    assert engine.apply(cmd.Withdraw()).result == newest


@pytest.mark.parametrize("command, sentence", [
    (cmd.OpenCall("nosuch"), "This room has no call “nosuch”; its calls are "),
    (cmd.ShowArtifact("nosuch"), "This room has no artifact “nosuch”."),
    (cmd.Assign(1, "stage:3"), "A wall set to stage follows the room; write just 'stage'"),
    (cmd.Assign(1, "persona:nobody"), "This room has no persona"),
    (cmd.Assign(1, "asset:Q9 2026"), "This room has no customer-asset period 'Q9 2026'"),
    (cmd.Assign(1, "listening:2025-13..2025-01"), "A listening range is two months written YYYY-MM..YYYY-MM"),
    (cmd.SetAssetPeriod("Q9 2026"), "This room has no customer-asset period 'Q9 2026'"),
    (cmd.CloseSession(), "No session is running, so there is none to close"),
    (cmd.StartSession(title="Workshop"), "A session planned here needs a cadence: one of monthly"),
])
def test_a_refused_command_names_what_is_wrong_and_changes_nothing(engine, command, sentence):
    before = engine.state
    sessions = engine.room.db.execute("SELECT id, started_at, closed_at FROM sessions").fetchall()
    with pytest.raises(Refusal) as refused:
        engine.apply(command)
    assert str(refused.value).startswith(sentence)
    assert engine.state == before
    assert engine.room.db.execute("SELECT id, started_at, closed_at FROM sessions").fetchall() == sessions


def test_a_room_open_for_viewing_only_says_so_instead_of_asking_to_resume(sample_room):
    with RoomFile.open(sample_room, read_only=True) as room:
        engine = RoomEngine(room)
        for command in (cmd.StartSession(), cmd.Capture("note", "x"), cmd.CloseSession(), cmd.ResumeSession()):
            with pytest.raises(Refusal, match="open for viewing only"):
                engine.apply(command)
        engine.apply(cmd.Next())  # the walls may still be walked
        assert engine.state.position == 2


def test_play_and_pause_are_in_the_reply_before_the_player_reports(engine):
    engine.apply(cmd.OpenCall("burst-pipe"))
    assert engine.apply(cmd.Play()).effects and engine.state.call.playing
    engine.apply(cmd.Pause())
    assert not engine.state.call.playing
