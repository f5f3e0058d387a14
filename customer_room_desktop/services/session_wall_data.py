"""What the session walls show: the live dot-vote tally, the teams' accountability board and a
celebration when the room recognises a team. Plain data read from the room file, no Qt."""

from __future__ import annotations

from datetime import date

from ..domain.ballot_box import VoteProgress
from ..storage.accountability import team_board
from ..storage.focus import tally_of
from ..storage.room_file import RoomFile
from ..storage.session_plans import attendees_of, session_row
from ..domain.records import record


@record
class TallyRow:
    title: str
    dots: int
    selected: bool  # already chosen as one of the critical few


@record
class TallyData:
    session_title: str
    dots_per_leader: int
    rows: tuple[TallyRow, ...]  # most dots first
    progress: VoteProgress  # who has voted or skipped, and who not yet: the phones and console say the same
    totals_hidden: bool = False  # a phone vote not yet revealed: who voted shows, where the dots went does not


@record
class BoardStep:
    position: int
    title: str
    due_on: str
    status: str  # planned, reported or late
    report: str  # the report's first sentence or so, for the wall


@record
class BoardTeam:
    priority: str
    team: str
    lead: str
    sponsor: str
    silos: tuple[str, ...]
    steps: tuple[BoardStep, ...]


@record
class BoardData:
    title: str
    teams: tuple[BoardTeam, ...]


@record
class CelebrationData:
    team: str
    priority: str
    citation: str


def latest_celebration(room: RoomFile) -> CelebrationData | None:
    """The newest recognition: the team (else its priority), the priority and the citation."""
    row = room.db.execute("SELECT coalesce(t.name, p.title), p.title, r.citation FROM recognitions r "
                          "JOIN priorities p ON p.id = r.priority_id LEFT JOIN teams t ON t.priority_id = p.id "
                          "ORDER BY r.id DESC LIMIT 1").fetchone()
    return CelebrationData(*row) if row else None


def _first_sentence(text: str, limit: int = 140) -> str:
    sentence = text.split(". ")[0].strip()
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def tally_data(room: RoomFile, session_id: int, totals_hidden: bool = False,
               skipped: frozenset[str] = frozenset()) -> TallyData:
    """The session's dots per candidate; ``totals_hidden`` while a phone vote is open or closed but not
    revealed, so the first dots seen do not steer the rest; ``skipped``: who chose not to vote."""
    session = session_row(room, session_id)
    selected = {row[0] for row in room.db.execute("SELECT key FROM priorities WHERE status = 'selected'")}
    voters = {row[0] for row in room.db.execute("SELECT DISTINCT voter FROM votes WHERE session_id = ?",
                                                (session_id,))}
    attendees = [attendee.name for attendee in attendees_of(room, session_id)]
    return TallyData(session.title, session.dots_per_leader,
                     tuple(TallyRow(title, dots, key in selected) for key, title, dots in tally_of(room, session_id)),
                     VoteProgress(tuple(attendees), frozenset(voters), skipped - voters), totals_hidden)


def board_data(room: RoomFile, on: date | None = None) -> BoardData:
    teams = tuple(
        BoardTeam(row.priority_title, row.team, row.lead, row.sponsor, row.silos,
                  tuple(BoardStep(s.position, s.title, s.due_on, s.status, _first_sentence(s.report))
                        for s in row.steps))
        for row in team_board(room, on))
    return BoardData("Teams and their cycle", teams)
