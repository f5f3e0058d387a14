"""The bundle's libVLC: exactly the plugins in packaging/bundle/vlc-plugins.txt, in a folder of their own,
as the bundle carries them. The room's recordings must play and decode with that list and nothing more."""

from __future__ import annotations

import math
import os
import shutil
import struct
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from tests.bundle_recipe import make_vlc_folder, plugin_list

SCRIPT = Path(sys.executable).parent / "customer-room"
PROBE = ("import sys\nfrom customer_room_desktop.services.recording_probe import probe_recording_file\n"
         "for path in sys.argv[1:]:\n    probe = probe_recording_file(path)\n"
         "    print(path, probe.decoded_ms, probe.problem)\n")

pytestmark = pytest.mark.vlc


@pytest.fixture(scope="module")
def bundled_vlc(tmp_path_factory) -> Path:
    return make_vlc_folder(tmp_path_factory.mktemp("bundle") / "vlc")


def test_the_list_is_small_and_names_each_plugin_once(bundled_vlc):
    plugins = plugin_list()
    assert len(plugins) == len(set(plugins)) and len(plugins) < 70
    on_disk = sorted(str(path.relative_to(bundled_vlc / "plugins")) for path in (bundled_vlc / "plugins").rglob("*.so"))
    assert on_disk == sorted(plugins)


@pytest.mark.slow
def test_the_doctor_passes_with_the_bundled_plugins_only(bundled_vlc, tmp_path):
    result = subprocess.run([str(SCRIPT), "doctor", "--vlc-dir", str(bundled_vlc)], capture_output=True, text=True,
                            env=dict(os.environ, CUSTOMER_ROOM_DATA_DIR=str(tmp_path)), timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"from {bundled_vlc}, {len(plugin_list())} plugins in {bundled_vlc / 'plugins'}" in result.stdout


@pytest.mark.slow
def test_every_call_of_the_sample_room_decodes_with_the_bundled_plugins(bundled_vlc, sample_room):
    result = subprocess.run([str(SCRIPT), "check", str(sample_room), "--media", "--skip-media"], capture_output=True,
                            text=True, env=dict(os.environ, CUSTOMER_ROOM_VLC_DIR=str(bundled_vlc)), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("no problems found.")


def _tone_wav(path: Path, seconds: float = 2.0, rate: int = 22_050) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 330 * n / rate)))
                                 for n in range(int(seconds * rate))))
    return path


def test_wav_and_flac_recordings_decode_with_the_bundled_plugins(bundled_vlc, tmp_path):
    recordings = [_tone_wav(tmp_path / "call.wav")]
    if shutil.which("sox"):
        subprocess.run(["sox", str(recordings[0]), str(tmp_path / "call.flac")], check=True)
        recordings.append(tmp_path / "call.flac")
    result = subprocess.run([sys.executable, "-c", PROBE, *map(str, recordings)], capture_output=True, text=True,
                            env=dict(os.environ, CUSTOMER_ROOM_VLC_DIR=str(bundled_vlc)), timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    for line in result.stdout.splitlines():
        path, decoded_ms, problem = line.split(" ", 2)
        assert problem == "None" and abs(int(decoded_ms) - 2000) <= 60, line
