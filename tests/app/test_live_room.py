"""The live room on several virtual screens (Qt's offscreen platform with a screen layout file)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("live_room_probe.py")


def screens_file(tmp_path, walls: int) -> Path:
    screens = [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
                "logicalBaseDpi": 96, "dpr": 1}]
    for number in range(1, walls + 1):
        screens.append({"name": f"wall-{number}", "x": 1920 * number, "y": 0, "width": 1920, "height": 1080,
                        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
    path = tmp_path / "screens.json"
    path.write_text(json.dumps({"windowFrameMargins": False, "screens": screens}))
    return path


def run_probe(sample_room, tmp_path, walls):
    import shutil

    room = tmp_path / "probe.croom"
    shutil.copyfile(sample_room, room)
    sample_room = room
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens_file(tmp_path, walls)}",
               CUSTOMER_ROOM_VLC_ARGS="--aout=dummy --vout=dummy")
    result = subprocess.run([sys.executable, str(PROBE), str(sample_room), str(tmp_path / "walls.json")],
                            capture_output=True, text=True, env=env, cwd=Path(__file__).parents[2], timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# The probes start a real live room in a subprocess and walk it through its steps: about 8 s each,
# so every test that reads one is marked slow (a test that reads three_walls pays for the whole probe).
@pytest.fixture(scope="module")
def three_walls(sample_room, tmp_path_factory):
    return run_probe(sample_room, tmp_path_factory.mktemp("live3"), 3)


@pytest.mark.slow
def test_each_wall_lands_full_screen_on_its_own_screen(three_walls):
    walls = three_walls["start"]["walls"]
    assert len(walls) == 3
    for wall in walls:
        assert wall["visible"] and wall["full_screen"]
        assert wall["geometry"] == wall["screen"]
    assert sorted(w["screen"][0] for w in walls) == [1920, 3840, 5760]
    assert [w["view"] for w in walls] == ["StagePanel", "ComplaintsFocus", "JourneySpan"]


@pytest.mark.slow
def test_presenter_keys_move_through_the_journey(three_walls):
    assert three_walls["start"]["position"] == 1
    assert three_walls["three_next"]["position"] == 4
    assert three_walls["previous"]["position"] == 3
    assert three_walls["jump_6"]["position"] == 6
    assert three_walls["end"]["position"] == 7
    assert three_walls["home"]["position"] == 1
    stage_wall = three_walls["jump_6"]["walls"][0]
    assert stage_wall["view"] == "StagePanel" and stage_wall["stage"] == 6
    assert "Stage 6 of 7" in three_walls["jump_6"]["console_text"]


@pytest.mark.slow
def test_black_key_covers_every_wall_and_toggles_back(three_walls):
    assert {w["view"] for w in three_walls["black"]["walls"]} == {"PlainScreen"}
    assert three_walls["black"]["cover"] == "blackout"
    assert three_walls["unblack"]["cover"] is None
    assert three_walls["unblack"]["walls"][0]["view"] == "StagePanel"


@pytest.mark.slow
def test_identify_shows_a_number_on_every_screen(three_walls):
    assert three_walls["identify_labels"] == 4  # the console screen and three walls


@pytest.mark.slow
def test_a_chosen_view_survives_a_restart(three_walls):
    assert three_walls["first_wall_journey"]["walls"][0]["view"] == "JourneySpan"
    restarted = three_walls["restart"]["walls"]
    assert restarted[0]["view"] == "JourneySpan"
    assert restarted[0]["identity"] == three_walls["start"]["walls"][0]["identity"]


@pytest.mark.slow
def test_one_screen_only_gives_a_rehearsal_window(sample_room, tmp_path):
    steps = run_probe(sample_room, tmp_path, 0)
    walls = steps["start"]["walls"]
    assert len(walls) == 1 and walls[0]["identity"] == "rehearsal"
    assert walls[0]["visible"] and not walls[0]["full_screen"]
    assert walls[0]["view"] == "StagePanel"


@pytest.mark.slow
def test_the_first_picture_of_the_stage_wall_already_has_its_thumbnails(three_walls):
    assert three_walls["first_stage_artifacts"] > 0
    assert three_walls["first_frame_missing_thumbnails"] == [0]


@pytest.mark.slow
def test_neighbouring_stages_are_prepared_ahead_so_a_switch_shows_ready_thumbnails(three_walls):
    assert three_walls["neighbour_prepared"] is True
    assert three_walls["frame_ready_before_switch"] is True
    shown, total = three_walls["thumbnails_on_switch"]
    assert total > 0 and shown == total


@pytest.mark.slow
def test_console_shows_a_picture_of_every_wall_and_the_next_stage(three_walls):
    assert three_walls["console_wall_pictures"] == 3
    shown, caption = three_walls["console_preview"]
    assert shown and caption.startswith("2 · I buy a policy")


@pytest.mark.slow
def test_an_artifact_chosen_on_the_console_goes_on_a_wall_with_its_pages(three_walls):
    assert three_walls["artifact_on_wall"] == ["ArtifactFocus", "renewal-notice", 1]
    assert three_walls["artifact_after_stage_change"] == "StagePanel"


@pytest.mark.slow
def test_cycle_mode_moves_each_wall_on_after_its_own_dwell(three_walls):
    moved, stayed = three_walls["cycle_positions"]
    assert moved in (2, 3) and stayed == 1  # the 1 s dwell moved on (once or twice); the 60 s dwell did not
    assert three_walls["after_cycle_positions"] == [1, 1]  # back with the room


@pytest.mark.slow
def test_console_shows_unmasked_what_the_wall_quotes_masked(three_walls):
    console, wall = three_walls["console_verbatim"], three_walls["wall_verbatim"]
    assert "[phone]" in wall or "[name]" in wall or "[number]" in wall or "[e-mail]" in wall
    assert console.startswith("On the wall: “") and "masked on the wall" in console
    assert not any(tag in console for tag in ("[phone]", "[name]", "[number]", "[e-mail]"))


@pytest.mark.slow
def test_console_shows_the_agenda_and_shares_the_walk_over_the_stages(three_walls):
    title, *items = three_walls["agenda"]
    assert title == "AGENDA · December leadership room · 2026-12-10"
    assert len(items) == 4 and items[1].startswith("2. ")
    walk_minutes = int(items[1].rsplit("(", 1)[1].split()[0])
    assert three_walls["planned_stage_seconds"] == walk_minutes * 60 // 7


@pytest.mark.slow
def test_terminating_the_room_closes_the_file_cleanly(sample_room_copy, tmp_path):
    """A service stop or logout sends SIGTERM: the room closes as if quit, leaving no -wal behind."""
    import signal
    import time

    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens_file(tmp_path, 1)}",
               CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"))
    process = subprocess.Popen([str(Path(sys.executable).parent / "customer-room"), "open", str(sample_room_copy)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = Path(f"{sample_room_copy}-wal")
    for _ in range(100):  # the room is open once SQLite has made its write-ahead log
        if wal.exists():
            break
        time.sleep(0.05)
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    assert not wal.exists() and not Path(f"{sample_room_copy}-shm").exists()


@pytest.mark.slow
@pytest.mark.vlc
def test_a_call_plays_on_a_wall_with_captions_and_bookmarks(three_walls):
    assert three_walls["stage_calls"] == ["burst-pipe", "assessor-no-show", "priya-interview"]
    assert three_walls["call_wall"] == "CallView"
    state, position, on_wall = three_walls["call_playing"]
    assert state == "playing" and 300 <= position <= 3200 and abs(on_wall - position) < 100
    state, position, caption = three_walls["after_moment"]
    assert state == "paused" and 23_000 <= position <= 23_800  # paused at the bookmark's out point
    assert caption == 3  # the line spoken from 0:18.8 to 0:23.9, "I gave it to the first person…"
    assert three_walls["bookmarks"] == ["0:22–0:27  Isn't it on your screen?"]
    assert three_walls["after_close"] == "StagePanel"
    plays = three_walls["journal"]  # every stretch heard, for the minutes
    assert [p["call"] for p in plays] == ["burst-pipe", "burst-pipe"]
    assert plays[0]["from_ms"] == 0 and 300 <= plays[0]["to_ms"] <= 3200
    assert plays[1]["from_ms"] == 22_000 and 23_000 <= plays[1]["to_ms"] <= 23_800


@pytest.mark.slow
def test_conversation_1_opens_on_the_asset_bridge_early_warning_and_listening_path(three_walls):
    assert three_walls["conversation_1"] == ["AssetBridgeWall", "EarlyWarningWall", "ListeningPathWall"]


@pytest.mark.slow
def test_conversation_2_opens_with_one_persona_on_each_wall(three_walls):
    assert three_walls["conversation_2"] == ["PersonaWall", "PersonaWall", "PersonaWall"]
