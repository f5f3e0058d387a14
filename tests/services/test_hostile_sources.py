"""Room sources from anywhere: every file a manifest names stays inside the source folder (issue 17, point 1).

A room is handed to clients, so a source that names ``../../etc/passwd``, an absolute path or a link
to a file elsewhere must be refused, naming the entry, before anything is written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.room_manifest import BuildError
from customer_room_desktop.storage.journey_queries import list_artifacts
from customer_room_desktop.storage.media_store import open_media
from customer_room_desktop.storage.room_file import RoomFile

CALL_WITH_TRANSCRIPT = """
[[calls]]
key = "first-call"
title = "A first call"
stage = "claim"
duration_ms = 4000
transcript = "transcripts/first-call.srt"
"""
SRT = "1\n00:00:00,000 --> 00:00:02,000\nAGENT: Hello.\n"


def _edit(source: Path, old: str, new: str) -> None:
    manifest = source / "room.toml"
    text = manifest.read_text()
    assert old in text
    manifest.write_text(text.replace(old, new, 1))


def _logo_up_and_out(source: Path, outside: Path) -> None:
    _edit(source, 'name = "Tiny Room"', 'name = "Tiny Room"\nlogo = "../../../../etc/passwd"')


def _absolute_artifact(source: Path, outside: Path) -> None:
    _edit(source, 'file = "media/letter.png"', 'file = "/etc/shadow"')


def _artifact_link_to_hostname(source: Path, outside: Path) -> None:
    (source / "media" / "host.png").symlink_to("/etc/hostname")
    _edit(source, 'file = "media/letter.png"', 'file = "media/host.png"')


def _transcript_link(source: Path, outside: Path) -> None:
    (outside / "secret.srt").write_text(SRT)
    (source / "transcripts").mkdir()
    (source / "transcripts" / "first-call.srt").symlink_to(outside / "secret.srt")
    (source / "room.toml").write_text((source / "room.toml").read_text() + CALL_WITH_TRANSCRIPT)


def _data_outside(source: Path, outside: Path) -> None:
    (outside / "complaints.csv").write_text((source / "data" / "complaints.csv").read_text())
    _edit(source, 'complaints = "data/complaints.csv"', 'complaints = "../outside/complaints.csv"')


def _data_through_linked_folder(source: Path, outside: Path) -> None:
    (outside / "complaints.csv").write_text((source / "data" / "complaints.csv").read_text())
    (source / "elsewhere").symlink_to(outside, target_is_directory=True)
    _edit(source, 'complaints = "data/complaints.csv"', 'complaints = "elsewhere/complaints.csv"')


def _include_outside(source: Path, outside: Path) -> None:
    (outside / "extra.toml").write_text('[[silos]]\nkey = "sales"\nname = "Sales"\n')
    _edit(source, "format = 1", 'format = 1\ninclude = ["../outside/extra.toml"]')


def _persona_photo_absolute(source: Path, outside: Path) -> None:
    photo = source / "media" / "letter.png"  # inside the folder, but named by an absolute path
    (source / "room.toml").write_text((source / "room.toml").read_text()
                                      + f'\n[[personas]]\nkey = "pat"\nname = "Pat"\nphoto = "{photo}"\n')


def _artifact_is_a_folder(source: Path, outside: Path) -> None:
    _edit(source, 'file = "media/letter.png"', 'file = "media"')


def _artifact_is_a_fifo(source: Path, outside: Path) -> None:
    os.mkfifo(source / "media" / "pipe.png")
    _edit(source, 'file = "media/letter.png"', 'file = "media/pipe.png"')


def _artifact_is_a_device_link(source: Path, outside: Path) -> None:
    (source / "media" / "zero.png").symlink_to("/dev/zero")
    _edit(source, 'file = "media/letter.png"', 'file = "media/zero.png"')


def _link_loop(source: Path, outside: Path) -> None:
    (source / "media" / "a.png").symlink_to(source / "media" / "b.png")
    (source / "media" / "b.png").symlink_to(source / "media" / "a.png")
    _edit(source, 'file = "media/letter.png"', 'file = "media/a.png"')


HOSTILE = [
    (_logo_up_and_out, "room.toml [room] logo: '../../../../etc/passwd' is outside the room source folder; "
                       "copy the file into the folder."),
    (_absolute_artifact, "artifact 'letter' file: '/etc/shadow' is an absolute path; copy the file into the room "
                         "source folder and give its path relative to the folder."),
    (_artifact_link_to_hostname, "artifact 'letter' file: 'media/host.png' links to a file outside the room source "
                                 "folder; copy the file into the folder."),
    (_transcript_link, "call 'first-call' transcript: 'transcripts/first-call.srt' links to a file outside the room "
                       "source folder; copy the file into the folder."),
    (_data_outside, "room.toml [data] complaints: '../outside/complaints.csv' is outside the room source folder; "
                    "copy the file into the folder."),
    (_data_through_linked_folder, "room.toml [data] complaints: 'elsewhere/complaints.csv' links to a file outside "
                                  "the room source folder; copy the file into the folder."),
    (_include_outside, "room.toml include: '../outside/extra.toml' is outside the room source folder; "
                       "copy the file into the folder."),
    (_persona_photo_absolute, "persona 'pat' photo: '/"),
    (_artifact_is_a_folder, "artifact 'letter' file: 'media' is not a regular file (it is a folder)."),
    (_artifact_is_a_fifo, "artifact 'letter' file: 'media/pipe.png' is not a regular file (it is a named pipe)."),
    (_artifact_is_a_device_link, "artifact 'letter' file: 'media/zero.png' links to a file outside the room source "
                                 "folder; copy the file into the folder."),
    (_link_loop, "artifact 'letter' file: 'media/a.png' is a link that leads round in a loop, not a file."),
]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and named pipes need a POSIX system")
@pytest.mark.parametrize("make_hostile, sentence", HOSTILE, ids=[make.__name__.strip("_") for make, _ in HOSTILE])
def test_a_file_from_outside_the_source_folder_is_refused_naming_its_entry(tiny_source, tmp_path, make_hostile,
                                                                           sentence):
    outside = tmp_path / "outside"
    outside.mkdir()
    make_hostile(tiny_source, outside)
    out = tmp_path / "out"
    with pytest.raises(BuildError) as refused:
        build_room(tiny_source, out / "t.croom", probe_recordings=False)
    assert str(refused.value).startswith(sentence)
    assert "\n" not in str(refused.value)
    assert not out.exists()  # nothing written, not even the folder


def test_the_command_line_says_the_refusal_in_one_line_and_exits_2(tiny_source, tmp_path, capsys):
    _logo_up_and_out(tiny_source, tmp_path)
    assert main(["build", str(tiny_source), "-o", str(tmp_path / "t.croom")]) == 2
    err = capsys.readouterr().err
    assert err == ("customer-room: room.toml [room] logo: '../../../../etc/passwd' is outside the room source "
                   "folder; copy the file into the folder.\n")
    assert list(tmp_path.glob("t.croom*")) == []


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a POSIX system")
def test_links_that_stay_inside_the_folder_are_followed(tiny_source, tmp_path):
    (tiny_source / "shared").mkdir()
    (tiny_source / "media" / "letter.png").rename(tiny_source / "shared" / "letter.png")
    (tiny_source / "media" / "letter.png").symlink_to(Path("..") / "shared" / "letter.png")
    (tiny_source / "data-link").symlink_to("data", target_is_directory=True)
    _edit(tiny_source, 'complaints = "data/complaints.csv"', 'complaints = "data-link/complaints.csv"')
    path = build_room(tiny_source, tmp_path / "t.croom")
    with RoomFile.open(path, read_only=True) as room:
        artifact = list_artifacts(room.db)[0]
        assert open_media(room.db, artifact.media_sha256).read() == (tiny_source / "shared" / "letter.png").read_bytes()
        assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == 3


def test_an_unreadable_file_is_refused_naming_its_entry(tiny_source, tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads every file, so a file cannot be made unreadable")
    (tiny_source / "media" / "letter.png").chmod(0)
    with pytest.raises(BuildError, match=r"^artifact 'letter' file: 'media/letter.png' cannot be read"):
        build_room(tiny_source, tmp_path / "t.croom")
    assert list(tmp_path.glob("t.croom*")) == []
