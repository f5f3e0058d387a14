"""Minutes gathered from the sample room, written in every format, and bad requests refused."""

import csv
import io

import pytest

from customer_room_desktop.app.cli import main
from customer_room_desktop.services.minutes import MinutesError, find_session, gather_minutes
from customer_room_desktop.services.minutes_text import minutes_csv, to_html, to_markdown
from customer_room_desktop.storage.captures import start_session
from customer_room_desktop.storage.room_file import RoomFile


@pytest.fixture
def room(sample_room):
    with RoomFile.open(sample_room, read_only=True) as room:
        yield room


def test_the_first_session_minutes_hold_the_vote_the_walk_and_the_commitments(room):
    minutes = gather_minutes(room, find_session(room, "2026-05-monthly").id)
    assert minutes.voters == 9 and sum(p.dots for p in minutes.priorities) == 27
    assert (minutes.priorities[0].title, minutes.priorities[0].dots, minutes.priorities[0].selected_here) == \
        ("Reporting a claim takes one call", 9, True)
    walk = {visit.stage: visit.seconds for visit in minutes.walk}
    assert walk["I make a claim"] == 45 * 60  # from its stage_shown until the next stage
    assert walk["I renew or leave"] == 20 * 60  # until the vote began, not until the close
    assert minutes.asset.label == "Q1 2026" and minutes.lost_reasons[0] == ("Price at renewal", 6450)
    assert not minutes.draft
    markdown = to_markdown(minutes)
    assert "| Reporting a claim takes one call | 9 | yes |" in markdown
    assert "Call played: Burst pipe" in markdown and "## Next session" in markdown
    rows = list(csv.DictReader(io.StringIO(minutes_csv(minutes))))
    assert [r["who"] for r in rows if r["kind"] == "commitment"] == ["Ruth Adeyemi", "Hamish Rennie", "Sunita Bhatt"]
    html = to_html(minutes)
    assert html.count("<h2>") == 13 and "&#x27;" not in html.split("<body>")[0]


def test_latest_is_the_newest_session_held_and_an_open_one_is_a_draft(sample_room_copy):
    with RoomFile.open(sample_room_copy) as room:
        assert find_session(room, "latest").key == "2026-10-monthly"
        planned = find_session(room, "2026-12-monthly")
        start_session(room, planned.id)
        latest = find_session(room, "latest")
        assert latest.key == "2026-12-monthly" and gather_minutes(room, latest.id).draft
        assert "DRAFT" in to_markdown(gather_minutes(room, latest.id))
        with pytest.raises(MinutesError, match="no session '99'"):
            find_session(room, "99")


@pytest.mark.parametrize("fmt", ["pdf", "md", "html", "csv"])
def test_the_command_writes_every_format(sample_room, tmp_path, fmt, capsys):
    output = tmp_path / f"minutes.{fmt}"
    assert main(["minutes", str(sample_room), "--session", "2026-10-monthly", "-o", str(output)]) == 0
    data = output.read_bytes()
    assert {"pdf": data[:5] == b"%PDF-", "md": b"# Harbourline Insurance" in data,
            "html": b"data:image/png;base64," in data, "csv": data.count(b",commitment,") == 4}[fmt]
    assert "October leadership room" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == [output.name]  # no partial file left beside it


@pytest.mark.parametrize("args, message", [
    (["--session", "99"], "There is no session '99'"),
    (["--format", "pdf", "-o", "{tmp}/nowhere/m.pdf"], "does not exist"),
    (["-o", "{tmp}/m.docx"], "not 'docx'"),
])
def test_bad_requests_are_refused_in_one_sentence_and_write_nothing(sample_room, tmp_path, args, message, capsys):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "m.md")]
    assert main(["minutes", str(sample_room), *args]) == 2
    error = capsys.readouterr().err.strip()
    assert message in error and len(error.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
