"""read_transcript_file on files as other software saves them, and the CSV importer sharing its encoding rule."""

from __future__ import annotations

import pytest

from customer_room_desktop.domain.transcripts import TranscriptError
from customer_room_desktop.services.csv_import import import_csv
from customer_room_desktop.services.csv_values import detect_encoding
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.services.transcript_files import read_transcript_file
from customer_room_desktop.storage.room_file import RoomFile
from tests.domain.test_transcript_material import (
    BROKEN_SRT, SRT_UTF8_BOM, SRT_UTF16_BE, SRT_UTF16_LE, SRT_WINDOWS_1252, YOUTUBE_VTT, plain_words, seen)


@pytest.mark.parametrize(("name", "data", "first"), [
    ("subtitle-edit.srt", SRT_UTF16_LE, (1000, 3500, "Agent", "Good morning, Harbourline.")),
    ("big-endian.srt", SRT_UTF16_BE, (1000, 2000, "", "\u00c7a ne marche pas.")),
    ("notepad-ansi.srt", SRT_WINDOWS_1252, (500, 2000, "Derek", "\u201cNobody came,\u201d he said. Caf\u00e9 closed.")),
    ("bom.SRT", SRT_UTF8_BOM, (0, 1000, "Priya", "D\u00e9j\u00e0 vu.")),
    ("youtube-dl.en.vtt", YOUTUBE_VTT.encode(), (30, 2080, "", "so what's up")),
])
def test_transcripts_in_every_encoding_read_as_a_user_sees_them(tmp_path, name, data, first):
    path = tmp_path / name
    path.write_bytes(data)
    assert seen(read_transcript_file(path, 60_000))[0] == first


def test_a_plain_text_transcript_without_a_known_length(tmp_path):
    path = tmp_path / "call.txt"
    path.write_bytes("[00:00:01.000] Agent: Hello.\r\n[00:00:03.000] Maya: Bonjour \u2013 hi.\r\n".encode("utf-16"))
    assert seen(read_transcript_file(path, 0)) == [(1000, 3000, "Agent", "Hello."), (3000, 7000, "Maya",
                                                                                     "Bonjour \u2013 hi.")]
    assert read_transcript_file(path, 12_000)[-1].end_ms == 12_000


@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.srt", BROKEN_SRT.encode("utf-16"), "line 10: '00:01:02,5OO --> 00:01:04,000' is not a cue time"),
    ("cut.srt", SRT_UTF16_LE[:-1], "line 8: the file is UTF-16 text, but it ends in the middle of a character"),
    ("empty.vtt", b"WEBVTT\n\n", "the transcript has no timed lines"),
    ("recording.srt", b"\x1aE\xdf\xa3\x00\x00\x00\x00\x00\x00\x00\x23\x42\x86\x81\x01", "the file is not text"),
    ("notes.docx", b"PK\x03\x04", "'.docx' is not a transcript format"),
    ("transcript", b"", "the file name has no extension"),
])
def test_an_unreadable_transcript_is_refused_in_plain_words(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(TranscriptError) as refused:
        read_transcript_file(path, 0)
    assert str(refused.value).startswith(message) and plain_words(str(refused.value))


def test_a_missing_transcript_is_refused_in_plain_words(tmp_path):
    with pytest.raises(TranscriptError, match="^the file cannot be read: there is no such file$"):
        read_transcript_file(tmp_path / "gone.vtt", 0)


def test_the_csv_importer_detects_encodings_by_the_same_rule(tmp_path):
    cases = {"utf-16": b"\xff\xfe" + "a,b\r\n".encode("utf-16-le"), "windows-1252": b"a,\x93b\x94\n",
             "utf-8-sig": "a,\u00e9\n".encode(), "latin-1": b"a,\x81\n"}
    for expected, data in cases.items():
        path = tmp_path / f"{expected}.csv"
        path.write_bytes(data)
        assert detect_encoding(path) == expected
    late = tmp_path / "late.csv"  # valid UTF-8 for the first block, a Windows-1252 quote after it
    late.write_bytes(b"a,b\n" + b"x,y\n" * 100 + b"\x93z\x94,w\n")
    assert detect_encoding(late, sample_bytes=64) == "windows-1252"


def test_a_utf16_complaint_export_imports(tiny_source, tmp_path):
    csv_path = tmp_path / "excel-unicode.csv"
    csv_path.write_bytes(b"\xff\xfe" + "received_on,category,stage,verbatim\r\n"
                         "2026-01-02,Prix,buy,\u201cTrop cher\u201d \u2013 d\u00e9\u00e7u\r\n".encode("utf-16-le"))
    with RoomFile.open(build_room(tiny_source, tmp_path / "tiny.croom")) as room:
        result = import_csv(room, "complaints", csv_path)
        assert (result.rows, result.encoding) == (1, "utf-16")
        assert room.db.execute("SELECT verbatim FROM complaints WHERE category = 'Prix'").fetchone() == (
            "\u201cTrop cher\u201d \u2013 d\u00e9\u00e7u",)
