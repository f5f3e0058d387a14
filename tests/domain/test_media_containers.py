"""The demultiplexer named for a recording from its first bytes, on files made by real encoders."""

import shutil
import subprocess
from pathlib import Path

import pytest

from customer_room_desktop.domain.media_containers import HEAD_BYTES, demux_for

SAMPLE_CALLS = Path(__file__).resolve().parents[2] / "rooms" / "harbourline" / "media" / "calls"


def head(path: Path) -> bytes:
    return path.read_bytes()[:HEAD_BYTES]


def test_the_sample_rooms_opus_calls_and_ogg_video_are_ogg():
    assert demux_for(head(SAMPLE_CALLS / "burst-pipe.opus")) == "ogg"
    assert demux_for(head(SAMPLE_CALLS / "priya-interview.ogv")) == "ogg"


@pytest.mark.skipif(not shutil.which("sox"), reason="needs sox to make the recordings")
@pytest.mark.parametrize(("suffix", "demux"), [("wav", "wav"), ("flac", "flac"), ("aiff", None)])
def test_recordings_sox_writes_are_named_by_their_container(tmp_path, suffix, demux):
    recording = tmp_path / f"tone.{suffix}"
    subprocess.run(["sox", "-n", "-r", "8000", "-c", "1", str(recording), "synth", "0.2", "sine", "440"],
                   check=True, timeout=60)
    assert demux_for(head(recording)) == demux  # AIFF is not named: libVLC finds its demultiplexer itself


@pytest.mark.parametrize(("start", "demux"), [
    (b"ID3\x04\x00\x00\x00\x00\x00\x00\x00\x00", "es"),  # MP3 with a tag, as phone recorders write
    (b"\xff\xfb\x90\x64\x00\x00\x00\x00\x00\x00\x00\x00", "es"),  # MP3 frames with no tag
    (b"\x00\x00\x00\x20ftypM4A \x00\x00", "mp4"),  # an iPhone voice memo
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81", "mkv"),  # WebM from a browser recorder
    (b"<!DOCTYPE html><html>", None),  # a web page saved under a recording's name
    (b"", None),  # a medium the room could not read
])
def test_signatures_of_other_recorders_and_of_files_that_are_not_recordings(start, demux):
    assert demux_for(start[:HEAD_BYTES]) == demux
