"""The live room's model without any widget: each defect found off the happy path is a test here."""

from dataclasses import replace

import pytest

from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.domain.refusal import Refusal
from customer_room_desktop.domain.room_changes import Changed
from customer_room_desktop.domain.room_model import RoomModel
from customer_room_desktop.domain.room_state import Borrower, ExerciseState, RoomState, SessionState, StageRef

STAGES = tuple(StageRef(f"s{n}", f"Stage {n}") for n in range(1, 8))
WALLS = tuple(cmd.ScreenWall(f"name:WALL{n}::", f"WALL{n}", 1920, 1080) for n in (1, 2, 3))


def room(walls=WALLS, remembered=None) -> RoomModel:
    model = RoomModel(RoomState(STAGES, personas=("maya", "derek", "priya"),
                                session=SessionState(7, "q1", "Q1", "live")))
    model.apply(cmd.ScreensChanged(walls, remembered or {}))
    return model


def shown(model: RoomModel) -> list[str]:
    return [model.state.shown(w) for w in model.state.walls]


def test_new_walls_get_stage_complaints_journey_and_each_default_is_remembered():
    model = RoomModel(RoomState(STAGES))
    changes = model.apply(cmd.ScreensChanged(WALLS, {}))
    assert shown(model) == ["stage", "complaints", "journey"]
    assert dict(changes.remember) == {WALLS[0].identity: "stage", WALLS[1].identity: "complaints",
                                      WALLS[2].identity: "journey"}


def test_conversation_3_gets_its_tally_even_when_conversation_2_borrowed_every_wall():
    model = room()
    model.conversation_started(2)
    model.apply(cmd.ShowArtifact("renewal"))
    model.exercise_changed(ExerciseState(1, "claim-form", "Claim form", True))
    model.apply(cmd.ShowPersona("maya"))
    assert all(w.borrowed for w in model.state.walls)
    model.conversation_started(3)
    assert "tally" in shown(model)
    tally_wall = next(w for w in model.state.walls if model.state.shown(w) == "tally")
    assert tally_wall.borrowed.by is Borrower.CONVERSATION and "dot vote" in tally_wall.borrowed.reason


def test_a_new_conversation_ends_the_previous_ones_borrowings():
    model = room()
    model.conversation_started(1)
    assert shown(model) == ["asset", "warnings", "listening"]
    model.conversation_started(3)
    assert shown(model) == ["tally", "complaints", "journey"]


def test_choosing_a_view_for_a_borrowed_wall_takes_effect_at_once_and_ends_the_borrowing():
    model = room()
    model.conversation_started(2)
    model.exercise_changed(ExerciseState(1, "claim-form", "Claim form", True))
    borrowed = next(i for i, w in enumerate(model.state.walls, 1) if w.borrowed and w.borrowed.view == "exercise")
    changes = model.apply(cmd.Assign(borrowed, "tally"))
    wall = model.state.walls[borrowed - 1]
    assert model.state.shown(wall) == "tally" and wall.borrowed is None and wall.assigned == "tally"
    assert Changed.WALLS in changes.what and changes.remember == ((wall.identity, "tally"),)


def test_give_the_wall_back_returns_it_to_its_own_view():
    model = room()
    model.apply(cmd.OpenCall("burst-pipe"))
    assert shown(model)[0] == "call"
    model.apply(cmd.Release(1))
    assert shown(model)[0] == "stage"
    assert "already shows its own view" in model.apply(cmd.Release(1)).message


def test_unplugging_a_wall_changes_no_other_wall_and_replugging_gives_it_back():
    model = room()
    model.apply(cmd.ScreensChanged((WALLS[0], WALLS[2]), {}))
    assert [(w.name, w.present, w.assigned) for w in model.state.walls] == [
        ("WALL1", True, "stage"), ("WALL2", False, "complaints"), ("WALL3", True, "journey")]
    model.apply(cmd.ScreensChanged(WALLS, {}))
    assert shown(model) == ["stage", "complaints", "journey"]


def test_after_a_restart_remembered_views_hold_whatever_monitor_is_missing():
    remembered = {WALLS[0].identity: "stage", WALLS[1].identity: "complaints", WALLS[2].identity: "journey"}
    model = RoomModel(RoomState(STAGES))
    model.apply(cmd.ScreensChanged((WALLS[0], WALLS[2]), remembered))
    assert shown(model) == ["stage", "journey"]


def test_a_borrowing_on_a_wall_unplugged_moves_to_a_free_wall():
    model = room()
    model.apply(cmd.Assign(1, "logo"))
    model.conversation_started(3)
    assert shown(model)[0] == "tally"
    model.apply(cmd.ScreensChanged(WALLS[1:], {}))
    assert "tally" in [model.state.shown(w) for w in model.state.present_walls()]


def test_next_does_not_wrap_and_says_so_at_the_end_of_the_journey():
    model = room()
    model.apply(cmd.Go(7))
    assert model.state.next_position() is None
    changes = model.apply(cmd.Next())
    assert model.state.position == 7 and "end of the journey" in changes.message


def test_next_after_a_celebration_goes_on_to_the_following_stage():
    model = room()
    model.apply(cmd.Go(3))
    model.apply(cmd.Celebrate("First call team", "Claims", "Fell by 61 %"))
    assert model.state.next_position() == 4
    model.apply(cmd.Next())
    assert model.state.position == 4 and model.state.cover is None


def test_a_stage_change_frees_artifact_and_persona_walls_but_keeps_the_conversation():
    model = room()
    model.conversation_started(3)
    model.apply(cmd.ShowArtifact("renewal"))
    assert "artifact" in shown(model)
    model.apply(cmd.Next())
    assert "artifact" not in shown(model) and "tally" in shown(model)


@pytest.mark.parametrize("command, sentence", [
    (cmd.Go(12), "There is no stage 12: the journey has stages 1 to 7."),
    (cmd.Go("nowhere"), "This room has no stage 'nowhere'"),
    (cmd.Assign(5, "stage"), "There is no wall 5: the room has walls 1 to 3."),
    (cmd.Assign(1, "celebration"), "A wall cannot be set to show celebration"),
    (cmd.Assign(1, "weather"), "'weather' is not a wall view"),
    (cmd.ShowPersona("nobody"), "This room has no persona 'nobody'."),
])
def test_refusals_are_one_plain_sentence_and_change_nothing(command, sentence):
    model = room()
    before = model.state
    with pytest.raises(Refusal) as refused:
        model.apply(command)
    assert str(refused.value).startswith(sentence)
    assert model.state == before


def test_requests_from_the_control_socket_become_commands():
    assert cmd.command_from_request({"id": 1, "cmd": "go", "stage": 3}) == cmd.Go(3)
    assert cmd.command_from_request({"cmd": "go", "stage": "claim"}) == cmd.Go("claim")
    assert cmd.command_from_request({"cmd": "assign", "wall": 2, "view": "tally"}) == cmd.Assign(2, "tally")
    assert cmd.command_from_request({"cmd": "show_artifact", "key": "a", "page": 2}) == cmd.ShowArtifact("a", 1)
    assert cmd.command_from_request({"cmd": "state"}) is None
    with pytest.raises(Refusal, match="'dance' is not a command"):
        cmd.command_from_request({"cmd": "dance"})
    with pytest.raises(Refusal, match="needs 'number' as a whole number"):
        cmd.command_from_request({"cmd": "conversation", "number": "two"})
    with pytest.raises(Refusal, match="JSON object"):
        cmd.command_from_request([1, 2])


def test_cycle_mode_moves_one_wall_on_by_itself_and_not_past_nothing():
    model = room()
    model.apply(cmd.SetCycling(True))
    model.apply(cmd.CycleWall(WALLS[0].identity))
    assert model.state.walls[0].position == 2 and model.state.walls[1].position is None
    model.apply(cmd.SetCycling(False))
    assert model.state.walls[0].position is None


def test_a_stopped_exercise_keeps_its_wall_until_the_stage_changes():
    model = room()
    model.exercise_changed(ExerciseState(1, "claim-form", "Claim form", True))
    model.exercise_changed(replace(model.state.exercise, running=False))
    assert "exercise" in shown(model)
    model.apply(cmd.Next())
    assert "exercise" not in shown(model) and model.state.exercise is None
