"""Transcripts as other software writes them: encodings, youtube-dl WebVTT, ASS tags, broken files.

The fixtures are byte strings written out by hand the way Subtitle Edit, Windows tools, youtube-dl and
Aegisub save them, not made with this project's generators.
"""

from __future__ import annotations

import pytest

from customer_room_desktop.domain.text_encoding import TextDecodeError, decode_text, detect_encoding
from customer_room_desktop.domain.transcripts import TranscriptError, parse_transcript

JARGON = ("codec", "0x", "<", "Error", "\\x")


def seen(segments):
    return [(s.start_ms, s.end_ms, s.speaker, s.text) for s in segments]


def plain_words(message: str) -> bool:
    return not any(word in message for word in JARGON)


# --- encodings ---------------------------------------------------------------------------------------

# What Subtitle Edit saves as "Unicode": a UTF-16 LE byte-order mark, CRLF line endings.
SRT_UTF16_LE = (b"\xff\xfe" + "1\r\n00:00:01,000 --> 00:00:03,500\r\nAgent: Good morning, Harbourline.\r\n\r\n"
                "2\r\n00:00:04,000 --> 00:00:06,250\r\nMaya: My kitchen is flooded \u2013 again.\r\n\r\n"
                .encode("utf-16-le"))
SRT_UTF16_BE = (b"\xfe\xff" + "1\r\n00:00:01,000 --> 00:00:02,000\r\n\u00c7a ne marche pas.\r\n".encode("utf-16-be"))
# Notepad's "ANSI" on a Western Windows: curly quotes are 0x93/0x94, e-acute is 0xe9.
SRT_WINDOWS_1252 = (b"1\r\n00:00:00,500 --> 00:00:02,000\r\nDerek: \x93Nobody came,\x94 he said. Caf\xe9 closed.\r\n"
                    b"\r\n2\r\n00:00:02,500 --> 00:00:03,000\r\nIt\x92s \x8010 a month\x85\r\n")
SRT_UTF8_BOM = b"\xef\xbb\xbf1\n00:00:00,000 --> 00:00:01,000\nPriya: D\xc3\xa9j\xc3\xa0 vu.\n"


def test_utf16_little_endian_srt_with_crlf():
    assert detect_encoding(SRT_UTF16_LE) == "utf-16"
    assert seen(parse_transcript(decode_text(SRT_UTF16_LE), ".srt")) == [
        (1000, 3500, "Agent", "Good morning, Harbourline."),
        (4000, 6250, "Maya", "My kitchen is flooded \u2013 again.")]


def test_utf16_big_endian_srt():
    assert seen(parse_transcript(decode_text(SRT_UTF16_BE), ".srt")) == [(1000, 2000, "", "\u00c7a ne marche pas.")]


def test_windows_1252_srt_keeps_curly_quotes_and_accents():
    assert detect_encoding(SRT_WINDOWS_1252) == "windows-1252"
    assert seen(parse_transcript(decode_text(SRT_WINDOWS_1252), ".srt")) == [
        (500, 2000, "Derek", "\u201cNobody came,\u201d he said. Caf\u00e9 closed."),
        (2500, 3000, "", "It\u2019s \u20ac10 a month\u2026")]


def test_utf8_with_and_without_bom():
    assert decode_text(SRT_UTF8_BOM).startswith("1\n")
    assert seen(parse_transcript(decode_text(SRT_UTF8_BOM), ".srt")) == [(0, 1000, "Priya", "D\u00e9j\u00e0 vu.")]
    assert decode_text("Caf\u00e9".encode()) == "Caf\u00e9"


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1():
    assert detect_encoding(b"caf\xe9 \x81") == "latin-1"
    assert decode_text(b"caf\xe9 \x81") == "caf\u00e9 \x81"


def test_utf16_without_a_byte_order_mark_is_recognised():
    text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nHello.\r\n"
    assert decode_text(text.encode("utf-16-le")) == text
    assert decode_text(text.encode("utf-16-be")) == text


def test_a_utf16_file_cut_short_names_its_line():
    with pytest.raises(TextDecodeError) as cut:
        decode_text(SRT_UTF16_LE[:-1])
    assert cut.value.line == 8 and "ends in the middle of a character" in str(cut.value)
    assert plain_words(str(cut.value))


# --- WebVTT as youtube-dl writes it ------------------------------------------------------------------

# youtube-dl --write-auto-sub: a line holding one space under each timing, word times, no blank line at times
YOUTUBE_VTT = "\n".join([
    "WEBVTT", "Kind: captions", "Language: en", "",
    "00:00:00.030 --> 00:00:02.070 align:start position:0%", " ",
    "so<00:00:00.179><c> what's</c><00:00:00.359><c> up</c>", "",
    "00:00:02.070 --> 00:00:02.080 align:start position:0%", "so what's up", " ", "",
    "00:00:02.080 --> 00:00:05.030 align:start position:0%", "so what's up",
    "my<00:00:02.480><c> claim</c><00:00:03.000><c> was</c><00:00:03.500><c> lost</c>",
    "00:00:05.030 --> 00:00:05.040 align:start position:0%", "my claim was lost", " ", "",
    "00:00:05.040 --> 00:00:07.000 align:start position:0%", "my claim was lost",
    "<c.colorE5E5E5>twice</c><00:00:05.600><c> &amp; nobody</c><00:00:06.100><c> called</c>", ""])


def test_youtube_dl_vtt_rolling_captions():
    assert seen(parse_transcript(YOUTUBE_VTT, ".vtt")) == [
        (30, 2080, "", "so what's up"),
        (2080, 5040, "", "my claim was lost"),  # its cue had no blank line before the next one
        (5040, 7000, "", "twice & nobody called")]


def test_a_vtt_cue_begins_at_its_timing_line_even_without_a_blank_line():
    text = ("WEBVTT - made by hand\n\nNOTE a comment\nthat runs on\n\nSTYLE\n::cue { color: yellow }\n\n"
            "REGION\nid:left width:40%\n\n"
            "intro\n00:01.000 --> 00:02.000 line:0 position:20% size:60% align:start\n<v Agent>Hello.</v>\n"
            "00:02.000 --> 00:03.500\n<v.loud Maya>My <i>kitchen</i>!\n\n"
            "3\n00:00:04.000 --> 00:00:05.000 region:left\n- Anyone?\n- Nobody.\n")
    assert seen(parse_transcript(text, ".vtt")) == [
        (1000, 2000, "Agent", "Hello."), (2000, 3500, "Maya", "My kitchen!"), (4000, 5000, "", "- Anyone? - Nobody.")]


def test_ordinary_vtt_keeps_repeated_lines():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello?\n\n00:02.500 --> 00:03.000\nHello?\n"
    assert [s.text for s in parse_transcript(text, ".vtt")] == ["Hello?", "Hello?"]


# --- SSA/ASS tags ------------------------------------------------------------------------------------

def test_srt_converted_from_ass_loses_its_override_tags():
    text = ("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Agent: Claims,{\\i1} Harbourline{\\i0}.\n\n"
            "2\n00:00:02,000 --> 00:00:03,000\nFirst line\\Nsecond\\nthird\\hand {\\pos(10,20)\\c&H00FFFF&}end\n"
            "3\n00:00:03,000 --> 00:00:04,000\n<font color=\"#ffff00\">{laughs}</font> Fine.\n")
    assert seen(parse_transcript(text, ".srt")) == [
        (1000, 2000, "Agent", "Claims, Harbourline."),
        (2000, 3000, "", "First line second third and end"),  # the counter '3' above was not taken as text
        (3000, 4000, "", "{laughs} Fine.")]


def test_ass_dialogue_lines():
    text = ("[Script Info]\nTitle: call 7\nScriptType: v4.00+\n\n[V4+ Styles]\n"
            "Format: Name, Fontname, Fontsize\nStyle: Default,Arial,20\n\n[Events]\n"
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
            "Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,not shown\n"
            "Dialogue: 0,0:00:01.50,0:00:03.25,Default,Agent,0,0,0,,{\\an8}Hello, Harbourline\\Nclaims.\n"
            "Dialogue: 0,0:00:04.00,0:00:05.00,Default,,0,0,0,,{a note}Maya: It's \\hflooded.\n")
    assert seen(parse_transcript(text, ".ass")) == [
        (1500, 3250, "Agent", "Hello, Harbourline claims."), (4000, 5000, "Maya", "It's flooded.")]
    with pytest.raises(TranscriptError) as bad:
        parse_transcript(text.replace("0:00:04.00", "0:00:4x.00"), ".ssa")
    assert bad.value.line == 13 and "time" in str(bad.value)


# --- broken files ------------------------------------------------------------------------------------

BROKEN_SRT = ("1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:02,000 --> 00:00:03,000\nStill fine.\n\n"
              "3\n00:01:02,5OO --> 00:01:04,000\nBroken.\n")


@pytest.mark.parametrize(("text", "suffix", "line", "words"), [
    (BROKEN_SRT, ".srt", 10, "'00:01:02,5OO --> 00:01:04,000' is not a cue time"),
    ("WEBVTT\n\n00:01.000 --> 00:61.000\nx\n", ".vtt", 3, "is not a cue time (write it as 00:01:02.500"),
    ("1\n00:00:05,000 --> 00:00:01,000\nx\n", ".srt", 2, "ends before it starts"),
    ("[00:00:01] Ann: hi\n\nhello without time\n", ".txt", 3, "does not start with a time like [00:01:02.500]"),
    ("[00:00:05] Ann: hi\n[00:00:01] Bob: no\n", ".txt", 2, "is earlier than the line before it (line 1)"),
])
def test_a_broken_transcript_names_the_line_and_the_reason(text, suffix, line, words):
    with pytest.raises(TranscriptError) as refused:
        parse_transcript(text, suffix)
    assert refused.value.line == line
    assert str(refused.value).startswith(f"line {line}: ") and words in str(refused.value)
    assert plain_words(str(refused.value).replace("[00:01:02.500]", ""))


def test_plain_text_last_line_ends_with_the_recording_or_four_seconds_later():
    text = "[00:00:00.000] Agent: Hello.\n[00:00:04.250] Derek: Bye.\n"
    assert parse_transcript(text, ".txt", duration_ms=9000)[-1].end_ms == 9000
    assert parse_transcript(text, ".txt")[-1].end_ms == 8250
    assert parse_transcript(text, ".txt", duration_ms=3000)[-1].end_ms == 8250  # recording shorter: `check` says so
