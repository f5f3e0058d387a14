from datetime import date

import pytest

from customer_room_desktop.domain.meetings import Vote, default_cycle, tally
from customer_room_desktop.domain.transcripts import TranscriptError, parse_transcript


def test_default_cycle_is_four_monthly_steps():
    steps = default_cycle(date(2026, 11, 30))
    assert [s.title for s in steps] == ["Current state of the experience", "Root causes and current metrics",
                                        "Recommendations, actions and budget", "Actions begin"]
    assert [s.due_on for s in steps] == [date(2026, 11, 28), date(2026, 12, 28), date(2027, 1, 28), date(2027, 2, 28)]


def test_a_shorter_cycle_still_ends_with_actions_beginning():
    assert [s.title for s in default_cycle(date(2026, 1, 10), 2)] == ["Current state of the experience",
                                                                       "Actions begin"]
    assert default_cycle(date(2026, 1, 10), 6)[-1].title == "Actions review 2"
    with pytest.raises(ValueError):
        default_cycle(date(2026, 1, 10), 0)


def test_tally_adds_dots_most_first():
    votes = [Vote("claims", "Ann", 2), Vote("renewal", "Ann", 1), Vote("renewal", "Bob", 3), Vote("claims", "Bob", 0)]
    assert tally(votes) == [("renewal", 4), ("claims", 2)]
    with pytest.raises(ValueError, match="negative"):
        tally([Vote("x", "Eve", -1)])


def test_srt_with_speaker_prefixes():
    text = ("1\n00:00:00,500 --> 00:00:02,250\nAgent: Good morning, Harbourline.\n\n"
            "2\n00:00:02,700 --> 00:00:05,000\nMaya: My kitchen\nis flooded.\n")
    segments = parse_transcript(text, ".srt")
    assert [(s.start_ms, s.end_ms, s.speaker, s.text) for s in segments] == [
        (500, 2250, "Agent", "Good morning, Harbourline."), (2700, 5000, "Maya", "My kitchen is flooded.")]


def test_webvtt_voices():
    text = ("WEBVTT\n\n00:01.000 --> 00:03.500\n<v Agent>Hello there.</v>\n\n"
            "00:03.900 --> 00:05.000\n<v.loud Priya>Nobody came!\n")
    segments = parse_transcript(text, ".vtt")
    assert [(s.start_ms, s.speaker, s.text) for s in segments] == [(1000, "Agent", "Hello there."),
                                                                    (3900, "Priya", "Nobody came!")]


def test_plain_text_segments_end_where_the_next_begins():
    text = "[00:00:00.000] Agent: Hello.\n[00:00:04.250] Derek: Nineteen years!\n"
    segments = parse_transcript(text, ".txt", duration_ms=9000)
    assert [(s.start_ms, s.end_ms, s.speaker) for s in segments] == [(0, 4250, "Agent"), (4250, 9000, "Derek")]


def test_bad_transcripts_say_what_is_wrong():
    with pytest.raises(TranscriptError, match="line 1"):
        parse_transcript("hello without time\n", ".txt")
    with pytest.raises(TranscriptError, match="no timed lines"):
        parse_transcript("WEBVTT\n\n", ".vtt")
    with pytest.raises(TranscriptError, match="ends before it starts"):
        parse_transcript("00:00:05,000 --> 00:00:01,000\nx\n", ".srt")
    with pytest.raises(TranscriptError, match="not a transcript format"):
        parse_transcript("x", ".doc")
