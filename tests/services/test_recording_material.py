"""Recordings as consultants bring them, made by other software (sox, and libVLC's own encoders), never
by the sample's generators: six-channel sound, a 5.1 video, and recordings that stop early."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

os.environ.setdefault("CUSTOMER_ROOM_VLC_ARGS", "--aout=dummy --vout=dummy")

from customer_room_desktop.services.call_player import CallPlayer  # noqa: E402
from customer_room_desktop.services.recording_probe import probe_recording_file, wav_length_ms  # noqa: E402
from customer_room_desktop.storage.media_store import add_media_file  # noqa: E402
from customer_room_desktop.storage.room_file import RoomFile  # noqa: E402

needs_sox = pytest.mark.skipif(shutil.which("sox") is None, reason="sox makes these recordings")
pytestmark = needs_sox
STOPS = re.compile(r"the recording stops at (\d+\.\d) s of 7\.8 s", re.IGNORECASE)
CUT_AT = 3.4 / 7.8  # of the bytes: about where the sound stops


def sox(*args: str | Path) -> None:
    subprocess.run(["sox", *map(str, args)], check=True, capture_output=True, timeout=60)


def cut(source: Path, target: Path, share: float = CUT_AT) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[:int(len(data) * share)])
    return target


def video_51(folder: Path, picture: Path, sound: Path) -> Path | None:
    """H.264 video with 5.1 AAC sound in MP4, made by libVLC's encoders (x264, libavcodec) from a
    still picture and a six-channel recording; None where this libVLC cannot encode it."""
    try:
        import vlc
    except (ImportError, OSError):
        return None
    target = folder / "interview-51.mp4"
    instance = vlc.Instance("--quiet", "--aout=dummy", "--vout=dummy", "--text-renderer=dummy")
    if instance is None:
        return None
    media = instance.media_new_path(str(picture))
    for option in (":image-duration=3", ":image-fps=10", f":input-slave={sound}", ":sout-all",
                   ":sout=#transcode{vcodec=h264,venc=x264{preset=ultrafast},fps=10,width=320,height=240,"
                   f"acodec=mp4a,channels=6,samplerate=48000,ab=256}}:std{{access=file,mux=mp4,dst={target}}}"):
        media.add_option(option)
    player = instance.media_player_new()
    player.set_media(media)
    done = threading.Event()
    events = player.event_manager()
    for kind in (vlc.EventType.MediaPlayerEndReached, vlc.EventType.MediaPlayerEncounteredError):
        events.event_attach(kind, lambda _e: done.set())
    player.play()
    done.wait(30)
    player.stop()
    player.release()
    media.release()
    instance.release()
    return target if target.exists() and target.stat().st_size > 10_000 else None


@pytest.fixture(scope="module")
def material(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("recordings")
    files = {"six.wav": folder / "six.wav"}
    sox("-n", "-r", "48000", "-c", "6", "-b", "16", files["six.wav"], "synth", "3", "sine", "440", "gain", "-6")
    for kind in ("flac", "ogg"):  # FLAC and Ogg Vorbis, six channels (Vorbis: 5.1)
        files[f"six.{kind}"] = folder / f"six.{kind}"
        sox(files["six.wav"], files[f"six.{kind}"])
    long = folder / "long.wav"  # 7.8 s of noise: its bytes are spread evenly over its length
    sox("-n", "-r", "44100", "-c", "2", "-b", "16", long, "synth", "7.8", "pinknoise", "gain", "-6")
    for kind in ("flac", "ogg"):
        sox(long, folder / f"long.{kind}")
        files[f"cut.{kind}"] = cut(folder / f"long.{kind}", folder / f"cut.{kind}")
    header = 44  # sox writes plain 16-bit stereo as a 44-byte header: it still claims 7.8 s
    files["cut.wav"] = folder / "cut.wav"
    files["cut.wav"].write_bytes(long.read_bytes()[:header + int(3.4 * 44100) * 4])
    picture = folder / "spectrogram.png"
    sox(files["six.flac"], "-n", "spectrogram", "-x", "320", "-y", "240", "-o", picture)
    video = video_51(folder, picture, files["six.flac"])
    if video is not None:
        files["video.mp4"] = video
    return files


def make_room(path: Path, calls: list[tuple[str, str, Path, int]]) -> Path:
    """A room holding just these calls: (key, title, recording, length the room gives it)."""
    with RoomFile.create(path, "Recordings") as room, room.transaction() as db:
        db["stages"].insert({"id": 1, "key": "claim", "position": 1, "name": "I make a claim"})
        for key, title, recording, duration_ms in calls:
            medium = add_media_file(db, recording)
            db["calls"].insert({"key": key, "title": title, "stage_id": 1, "media_sha256": medium.sha256,
                                "kind": "video" if recording.suffix == ".mp4" else "audio",
                                "duration_ms": duration_ms, "consent": 1})
    return path


def six_channel_calls(material) -> list[tuple[str, str, Path, int]]:
    names = [name for name in ("six.wav", "six.flac", "six.ogg", "video.mp4") if name in material]
    return [(name.replace(".", "-"), f"Six channels ({name})", material[name], 3000) for name in names]


# -- the decoded WAV ----------------------------------------------------------------------------
def test_a_six_channel_wav_is_measured_where_python_wave_gives_up(material, tmp_path):
    six = material["six.wav"]
    assert six.read_bytes()[20:22] == b"\xfe\xff"  # WAVE_FORMAT_EXTENSIBLE, as libVLC writes 6 channels
    with pytest.raises(wave.Error), wave.open(str(six), "rb"):
        pass
    assert wav_length_ms(six) == 3000
    data = six.read_bytes()
    at = data.index(b"data") + 4
    for unwritten in (0, 0xFFFFFFFF):  # what a streaming writer leaves: the file's size tells
        streamed = tmp_path / f"streamed-{unwritten}.wav"
        streamed.write_bytes(data[:at] + struct.pack("<I", unwritten) + data[at + 4:])
        assert wav_length_ms(streamed) == 3000
    assert wav_length_ms(material["cut.wav"]) == 3400  # the header claims 7.8 s; the sound there is measured
    assert wav_length_ms(material["six.flac"]) == 0


# -- probing a file, as `build` does -----------------------------------------------------------
@pytest.mark.vlc
@pytest.mark.parametrize("name", ["six.flac", "six.wav", "six.ogg", "video.mp4"])
def test_the_probe_gives_the_real_length_of_a_six_channel_recording(material, name):
    if name not in material:
        pytest.skip("this libVLC cannot encode H.264 with 5.1 AAC, so no such video could be made")
    probe = probe_recording_file(material[name])
    assert probe.problem is None
    assert abs(probe.decoded_ms - 3000) <= 100


@pytest.mark.vlc
@pytest.mark.parametrize("name, expected_ms", [("cut.flac", 0), ("cut.wav", 0), ("cut.ogg", 7800), ("cut.wav", 7800)])
def test_the_probe_says_where_a_recording_stops(material, name, expected_ms):
    """The FLAC's and the WAV's headers still say 7.8 s; a cut Ogg file does not, and the room's length tells."""
    probe = probe_recording_file(material[name], expected_ms)
    assert probe.problem is not None and STOPS.fullmatch(probe.problem), probe.problem
    stopped = float(STOPS.fullmatch(probe.problem).group(1))
    assert 2.8 <= stopped <= 3.9 and abs(probe.decoded_ms - stopped * 1000) <= 50
    assert name not in probe.problem and not probe.problem.endswith(".")


@pytest.mark.vlc
def test_the_probe_names_what_does_not_decode_and_runs_on_several_threads(material, tmp_path):
    junk = tmp_path / "call.ogg"
    junk.write_bytes(b"OggS" + os.urandom(30_000))
    assert probe_recording_file(junk).problem == "the recording cannot be decoded"
    assert probe_recording_file(tmp_path / "missing.ogg").problem == "the recording cannot be decoded"
    names = ["six.flac", "six.ogg", "cut.flac", "six.wav"]
    with ThreadPoolExecutor(max_workers=4) as pool:  # as `build` probes its recordings
        probes = list(pool.map(probe_recording_file, [material[name] for name in names]))
    assert [probe.problem is None for probe in probes] == [True, True, False, True]


@pytest.mark.vlc
@pytest.mark.slow
def test_a_90_second_call_decodes_in_well_under_two_seconds(tmp_path):
    call = tmp_path / "call.ogg"
    sox("-n", "-r", "44100", "-c", "2", call, "synth", "90", "pinknoise", "gain", "-6")
    probe_recording_file(call)  # libVLC's plugin cache, once
    started = time.perf_counter()
    probe = probe_recording_file(call)
    assert time.perf_counter() - started < 2.0
    assert probe.problem is None and abs(probe.decoded_ms - 90_000) <= 100


def test_without_libvlc_the_probe_says_so(material):
    code = ("from customer_room_desktop.services.recording_probe import probe_recording_file\n"
            "from customer_room_desktop.services.vlc_backend import VlcUnavailable\n"
            f"try:\n    probe_recording_file({str(material['six.flac'])!r})\n"
            "except VlcUnavailable as problem:\n    print('unavailable |', problem)\n"
            "else:\n    print('available')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, PYTHON_VLC_LIB_PATH="/nowhere/libvlc.so.5"))
    assert result.returncode == 0, result.stderr[-2000:]
    if result.stdout.startswith("available"):
        pytest.skip("this libVLC still loads with that setting")
    assert "VLC" in result.stdout


# -- check --media, on the room file ------------------------------------------------------------
@pytest.mark.vlc
def test_check_media_passes_six_channel_recordings_and_names_those_that_stop_early(material, tmp_path, capsys):
    from customer_room_desktop.app.cli import main

    good = make_room(tmp_path / "six.croom", six_channel_calls(material))
    assert main(["check", str(good), "--media"]) == 0
    assert "no problems found" in capsys.readouterr().out
    cut_calls = [("cut-flac", "Cut FLAC", material["cut.flac"], 7800),
                 ("cut-ogg", "Cut Ogg", material["cut.ogg"], 7800),
                 ("cut-wav", "Cut WAV", material["cut.wav"], 7800)]
    bad = make_room(tmp_path / "cut.croom", cut_calls)
    assert main(["check", str(bad), "--media"]) == 1
    findings = [line.strip()[2:] for line in capsys.readouterr().out.splitlines() if line.strip().startswith("- ")]
    assert len(findings) == 3
    for (key, title, _, _), finding in zip(cut_calls, findings, strict=True):
        match = re.fullmatch(rf"call '{key}' \({title}\): the recording stops at (\d+\.\d) s of 7\.8 s", finding)
        assert match, finding
        assert 2.8 <= float(match.group(1)) <= 3.9


# -- playing, as the room does ------------------------------------------------------------------
@pytest.fixture
def player_for(qtbot):
    made = []

    def make(room: Path) -> CallPlayer:
        player = CallPlayer(room)
        if not player.available:
            pytest.skip(player.unavailable_reason)
        made.append(player)
        return player

    yield make
    for player in made:
        player.release()


@pytest.mark.vlc
@pytest.mark.slow
@pytest.mark.parametrize("name", ["cut.flac", "cut.ogg"])
def test_a_recording_that_stops_early_says_so_and_the_progress_stays_there(material, tmp_path, qtbot, player_for,
                                                                            name):
    """Cut FLAC: libVLC believes the header's 7.8 s. Cut Ogg: libVLC measures about 3.1 s; the room says 7.8 s."""
    room = make_room(tmp_path / "cut.croom", [("cut", "Cut short", material[name], 7800)])
    with RoomFile.open(room, read_only=True) as opened:
        sha256 = opened.db.execute("SELECT media_sha256 FROM calls").fetchone()[0]
    player = player_for(room)
    positions, states = [], []
    player.position_changed.connect(positions.append)
    player.state_changed.connect(states.append)
    player.load(sha256, "Cut short", 7800)
    with qtbot.waitSignal(player.error_raised, timeout=15_000) as said:
        player.play()
    message = said.args[0]
    match = STOPS.search(message)
    assert match and message.startswith("The recording stops at") and message.endswith("."), message
    stopped_ms = int(float(match.group(1)) * 1000)
    assert 2300 <= stopped_ms <= 3900
    qtbot.waitUntil(lambda: player.state == "stopped", timeout=5000)  # libVLC stops after the end
    assert abs(player.position_ms - stopped_ms) <= 50 and positions[-1] == player.position_ms
    assert max(positions) < 4000  # never jumped to the end
    assert "ended" in states and "error" not in states


@pytest.mark.vlc
@pytest.mark.slow
def test_six_channel_recordings_play_to_their_end(material, tmp_path, qtbot, player_for):
    calls = six_channel_calls(material)
    room = make_room(tmp_path / "six.croom", calls)
    with RoomFile.open(room, read_only=True) as opened:
        media = dict(opened.db.execute("SELECT key, media_sha256 FROM calls").fetchall())
    player = player_for(room)
    errors, frames = [], []
    player.error_raised.connect(errors.append)
    player.frame_ready.connect(frames.append)
    for key in ("six-ogg", "video-mp4"):
        if key not in media:
            continue  # no 5.1 video could be made here
        player.load(media[key], key, 3000)
        with qtbot.waitSignal(player.state_changed, timeout=10_000, check_params_cb=lambda s: s in ("ended", "error")):
            player.play()
        assert player.state == "ended" and player.position_ms == player.duration_ms >= 2900  # to its very end
    assert errors == []
    assert frames or "video-mp4" not in media  # the 5.1 video shows its picture


@pytest.mark.vlc
def test_64_bit_and_negative_times_reach_the_console_and_walls(material, tmp_path, qtbot):
    """libVLC reports times from its own threads; one past 2**31 ms and one of -140,464,461 ms go
    the whole way: player, console slider and clock, the wall's call view and the room's state."""
    from customer_room_desktop.app.live_room import LiveRoom
    from customer_room_desktop.app.wall_factory import WallFactory
    from customer_room_desktop.services.screen_assignment import AssignmentStore

    path = make_room(tmp_path / "six.croom", [("six", "Six channels", material["six.flac"], 3000)])
    room = RoomFile.open(path, read_only=True)
    live = LiveRoom(WallFactory(room), AssignmentStore(tmp_path / "walls.json", "console", "test"))
    try:
        live.start()
        live.console.call_panel.call_requested.emit("six")
        player = live.calls.player
        if not player.available:
            pytest.skip(player.unavailable_reason)
        panel = live.console.call_panel
        for reported, shown in ((2**31 + 5, 2**31 + 5), (2**33, 2**33), (-140_464_461, 0)):
            with qtbot.waitSignal(player.position_changed, timeout=2000) as moved:
                threading.Thread(target=player._bridge.time.emit, args=(reported,)).start()
            assert moved.args == [shown] and player.position_ms == shown
            assert live.state.call is not None and live.state.call.position_ms == shown
            assert live.calls.views and all(view.position_ms == shown for view in live.calls.views)
            assert panel.position.value() == min(shown, panel.position.maximum())
        with qtbot.waitSignal(player.duration_changed, timeout=2000) as lengthened:
            threading.Thread(target=player._bridge.length.emit, args=(2**40,)).start()
        assert lengthened.args == [2**40]
    finally:
        live.shut_down()
        room.close()
