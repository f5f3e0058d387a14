"""Real libVLC playing the sample room's real recordings, headless (dummy audio output)."""

import io
import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QEventLoop, QTimer

os.environ.setdefault("CUSTOMER_ROOM_VLC_ARGS", "--aout=dummy --vout=dummy")

from customer_room_desktop.domain.captions import caption_index  # noqa: E402
from customer_room_desktop.services.call_player import CallPlayer  # noqa: E402
from customer_room_desktop.storage.journey_queries import list_calls  # noqa: E402
from customer_room_desktop.storage.media_store import add_media  # noqa: E402
from customer_room_desktop.storage.room_file import RoomFile  # noqa: E402


def wait_for(player, state, seconds=20.0):
    """Whether the player reached ``state`` within ``seconds`` (it may have moved on since: libVLC can follow
    "error" with "stopped" before the wait ends)."""
    if player.state == state:
        return True
    loop = QEventLoop()
    seen = []

    def changed(new: str) -> None:
        if new == state:
            seen.append(new)
            loop.quit()

    player.state_changed.connect(changed)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    player.state_changed.disconnect(changed)
    return bool(seen) or player.state == state


@pytest.fixture(scope="module")
def calls(sample_room):
    with RoomFile.open(sample_room, read_only=True) as room:
        return {call.key: call for call in list_calls(room.db)}


@pytest.fixture
def player(qtbot, sample_room):
    player = CallPlayer(sample_room)
    if not player.available:
        pytest.skip(player.unavailable_reason)
    yield player
    player.release()


@pytest.mark.vlc
@pytest.mark.slow
def test_a_call_streams_from_the_room_file_and_plays_to_the_end(player, calls):
    call = calls["first-debit"]
    positions, states = [], []
    player.position_changed.connect(positions.append)
    player.state_changed.connect(states.append)
    player.load(call.media_sha256, call.title, call.duration_ms)
    player.play()
    assert wait_for(player, "playing", 5)
    player.seek(call.duration_ms - 2500)
    assert wait_for(player, "ended", 15)
    assert states[-1] == "ended" and "error" not in states
    after_seek = positions[positions.index(call.duration_ms - 2500):]
    assert after_seek == sorted(after_seek)  # in order, never backwards
    assert after_seek[-1] >= call.duration_ms - 500
    assert abs(player.duration_ms - call.duration_ms) < 100


@pytest.mark.vlc
@pytest.mark.slow
def test_captions_change_at_segment_boundaries_within_250_ms(player, calls):
    call = calls["burst-pipe"]
    boundary = call.segments[3].start_ms
    seen = []
    player.position_changed.connect(lambda ms: seen.append((ms, caption_index(call.segments, ms))))
    player.load(call.media_sha256, call.title, call.duration_ms)
    player.play()
    assert wait_for(player, "playing", 5)
    player.seek(boundary - 1500)
    loop = QEventLoop()
    QTimer.singleShot(2500, loop.quit)
    loop.exec()
    switch = next(ms for ms, index in seen if index == 3)
    assert boundary <= switch <= boundary + 250
    before = [index for ms, index in seen if boundary - 1500 <= ms < boundary]
    assert before and all(index == 2 for index in before)  # the line before, until the boundary


@pytest.mark.vlc
def test_seek_and_skip_move_playback(player, calls):
    call = calls["loyalty-price"]
    player.load(call.media_sha256, call.title, call.duration_ms)
    player.play()
    assert wait_for(player, "playing", 5)
    player.seek(30_000)
    loop = QEventLoop()
    QTimer.singleShot(1200, loop.quit)
    loop.exec()
    assert 30_000 <= player.position_ms <= 32_500
    player.skip(-10_000)
    assert 20_000 <= player.position_ms <= 22_500
    player.pause()
    assert wait_for(player, "paused", 5)


@pytest.mark.vlc
def test_an_undecodable_recording_is_reported_in_one_sentence(qtbot, tmp_path, sample_room):
    room_path = tmp_path / "broken.croom"
    import shutil

    shutil.copyfile(sample_room, room_path)
    with RoomFile.open(room_path) as room:
        junk = add_media(room.writer, io.BytesIO(b"OggS" + os.urandom(20_000)), "truncated.opus")
    player = CallPlayer(room_path)
    if not player.available:
        pytest.skip(player.unavailable_reason)
    errors = []
    player.error_raised.connect(errors.append)
    player.load(junk.sha256, "Burst pipe", 60_000)
    player.play()
    assert wait_for(player, "error", 10) or wait_for(player, "ended", 5)
    if player.state == "error":
        assert errors and "cannot be played" in errors[0] and "transcript" in errors[0]
    player.release()


@pytest.mark.parametrize("environment, words", [
    ({"PYTHON_VLC_LIB_PATH": "/nowhere/libvlc.so.5"}, "VLC"),
    ({"PYTHON_VLC_MODULE_PATH": "/nowhere/plugins", "VLC_PLUGIN_PATH": "/nowhere/plugins"}, "VLC"),
])
def test_without_a_working_libvlc_the_room_still_runs_and_says_why(tmp_path, sample_room, environment, words):
    code = ("import os\nos.environ['QT_QPA_PLATFORM']='offscreen'\n"
            "from PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
            "from customer_room_desktop.services.call_player import CallPlayer\n"
            f"player = CallPlayer({str(sample_room)!r})\n"
            "messages = []\nplayer.error_raised.connect(messages.append)\n"
            "player.load('0' * 64, 'A call')\nplayer.play()\n"
            "print(player.available, '|', player.unavailable_reason or 'ok', '|', messages)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, **environment))
    assert result.returncode == 0, result.stderr[-2000:]
    available, reason, _ = result.stdout.strip().split(" | ")
    if available == "True":
        pytest.skip("this libVLC still loads with that setting")
    assert words in reason and reason.endswith(".")


@pytest.mark.slow
@pytest.mark.vlc
def test_check_media_decodes_every_recording_and_names_the_bad_ones(sample_room_copy, capsys):
    import sqlite3

    from customer_room_desktop.app.cli import main

    assert main(["check", str(sample_room_copy), "--media"]) == 0
    conn = sqlite3.connect(sample_room_copy)
    cut = conn.execute("SELECT m.id FROM media m JOIN calls c ON c.media_sha256 = m.sha256 "
                       "WHERE c.key = 'burst-pipe'").fetchone()[0]
    conn.execute("UPDATE media_chunks SET data = substr(data, 1, 60000) WHERE media_id = ? AND seq = 0", (cut,))
    noise = conn.execute("SELECT m.id FROM media m JOIN calls c ON c.media_sha256 = m.sha256 "
                         "WHERE c.key = 'house-move'").fetchone()[0]
    conn.execute("UPDATE media_chunks SET data = randomblob(length(data)) WHERE media_id = ?", (noise,))
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["check", str(sample_room_copy), "--media", "--skip-media"]) == 1
    out = capsys.readouterr().out
    assert "call 'house-move'" in out and "cannot be decoded" in out
    assert re.search(r"call 'burst-pipe' \(Burst pipe[^\n]*\): the recording stops at \d+\.\d s of 91\.1 s\n", out)


@pytest.mark.vlc
@pytest.mark.slow
def test_the_audio_output_device_can_be_chosen(tmp_path, sample_room):
    """With ALSA, libVLC lists real output devices; the ALSA "null" device plays without a sound card."""
    code = ("import json, os\nos.environ['QT_QPA_PLATFORM']='offscreen'\n"
            "from PySide6.QtCore import QEventLoop, QTimer\nfrom PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from customer_room_desktop.services.call_player import CallPlayer\n"
            "from customer_room_desktop.storage.journey_queries import list_calls\n"
            "from customer_room_desktop.storage.room_file import RoomFile\n"
            f"room = RoomFile.open({str(sample_room)!r}, read_only=True)\n"
            "call = list_calls(room.db)[0]\n"
            f"player = CallPlayer({str(sample_room)!r})\n"
            "devices = player.audio_devices()\n"
            "player.load(call.media_sha256, call.title, call.duration_ms)\n"
            "player.set_audio_device('null')\nplayer.play()\n"
            # until half a second has played on the device chosen (set once sound flows), 5 s at most
            "import time\ndeadline = time.monotonic() + 5\n"
            "def done():\n    return (player.state == 'playing' and player.position_ms > 500\n"
            "            and player._player.audio_output_device_get() == 'null')\n"
            "while time.monotonic() < deadline and not done():\n"
            "    loop = QEventLoop()\n    QTimer.singleShot(50, loop.quit)\n    loop.exec()\n"
            "print(json.dumps({'devices': devices, 'state': player.state, 'position': player.position_ms,\n"
            "                  'device': player._player.audio_output_device_get()}))\n"
            "player.release()\n")
    env = dict(os.environ, CUSTOMER_ROOM_VLC_ARGS="--aout=alsa --vout=dummy")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    import json

    seen = json.loads(result.stdout.strip().splitlines()[-1])
    if not seen["devices"]:
        pytest.skip("libVLC's ALSA output is not available here")
    assert "null" in [device for device, _ in seen["devices"]]
    assert seen["device"] == "null"
    assert seen["state"] == "playing" and seen["position"] > 500


@pytest.mark.vlc
def test_a_video_interview_is_decoded_into_pictures_the_wall_can_draw(player, calls, qtbot):
    from PySide6.QtGui import QImage

    from customer_room_desktop.services.wall_data import CallViewData
    from customer_room_desktop.ui.walls.call_view import CallView

    call = calls["priya-interview"]
    assert call.kind.value == "video"
    frames = []
    player.frame_ready.connect(frames.append)
    player.load(call.media_sha256, call.title, call.duration_ms)
    player.play()
    assert wait_for(player, "playing", 5)
    qtbot.waitUntil(lambda: len(frames) >= 10, timeout=5000)  # about 24 pictures a second: 10 within 0.5 s or so
    picture = frames[-1]
    assert (picture.width(), picture.height()) == (960, 540)
    colours = {picture.pixel(x, y) for x in range(0, 960, 40) for y in range(0, 540, 30)}
    assert len(colours) > 8  # a real picture, not a blank buffer
    view = CallView(__import__("customer_room_desktop.services.wall_data", fromlist=["Branding"]).Branding(
        "Harbourline", "#12A4B4"))
    view.show_call(CallViewData(call.key, call.title, "video", "I make a claim", "The assessor visits", "Priya Raman",
                                call.duration_ms, call.media_sha256, True, call.segments), 2000)
    view.set_frame(picture)
    view.resize(1920, 1080)
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    view.render(image)
    assert image.pixelColor(960, 400) != image.pixelColor(10, 1070)  # the picture is drawn in the view


LOADED_AFTER_STOPS = """
import os, random, sys, time
os.environ.setdefault("CUSTOMER_ROOM_VLC_ARGS", "--aout=dummy --vout=dummy")
from customer_room_desktop.services.call_player import CallPlayer
from customer_room_desktop.storage.journey_queries import list_calls
from customer_room_desktop.storage.room_file import RoomFile
with RoomFile.open(sys.argv[1], read_only=True) as room:
    media = [call.media_sha256 for call in list_calls(room.db) if call.media_sha256]
player = CallPlayer(sys.argv[1])
random.seed(20)
for _ in range(150):  # a kiosk with no dwell: each call stopped while libVLC may still be opening it
    player.load(random.choice(media))
    player.play()
    time.sleep(random.choice([0, 0.001, 0.005, 0.02]))
player.release()
maps = open("/proc/self/maps").read()
print("libavformat_plugin.so" in maps, sum(1 for line in maps.splitlines() if "/vlc/plugins/" in line))
"""


@pytest.mark.vlc
@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="reads which libraries are loaded from /proc")
def test_calls_stopped_while_opening_do_not_make_libvlc_load_every_demultiplexer(sample_room):
    """Left to guess, libVLC tries every demultiplexer after the first fails, FFmpeg's with its libraries
    among them (about 20 MB, kept for the life of the process); told the container, it tries that one."""
    result = subprocess.run([sys.executable, "-c", LOADED_AFTER_STOPS, str(sample_room)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    ffmpeg_loaded, _plugin_mappings = result.stdout.split()
    assert ffmpeg_loaded == "False"
