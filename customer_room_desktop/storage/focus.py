"""Conversation 3, focus and commit: candidates with their evidence, the selection, teams, stop-doing.

Each function is one user action in one transaction; refusals are CaptureRefused with one sentence.
"""

from __future__ import annotations

import unicodedata

from datetime import date

from ..domain.complaint_trend import Trend, trend_of
from ..domain.meetings import default_cycle
from ..domain.periods import add_months, months_from_to
from ..domain.reliability import Reliability, reliability_of, worst
from ..domain.session_plan import selection_warning
from .captures import CaptureRefused, _open_session
from .evidence_queries import latest_complaint_month, list_kpis
from .journal import record_event
from .room_file import RoomFile
from .rows import inserted_id
from .session_plans import session_row
from ..domain.records import record

EVIDENCE_MONTHS = 12  # value at risk and the complaint trend look back a year


@record
class Candidate:
    """An experience the room could choose to fix, with the evidence it is chosen on."""

    key: str
    title: str
    stage: str
    moment: str
    status: str
    complaints_last_3_months: int
    trend: Trend
    reliability: Reliability
    value_at_risk: float
    dots: int


def _moment_evidence(room: RoomFile, last: str) -> dict[str, tuple[list[int], float]]:
    """Per moment key: monthly complaint counts over the evidence window, and their total value."""
    months = months_from_to(add_months(last, 1 - EVIDENCE_MONTHS), last)
    counts: dict[str, dict[str, int]] = {}
    values: dict[str, float] = {}
    for moment, month, count, value in room.db.execute(
            "SELECT m.key, substr(c.received_on, 1, 7), count(*), coalesce(sum(c.value), 0) FROM complaints c "
            "JOIN moments m ON m.id = c.moment_id WHERE c.received_on >= ? AND c.received_on < ? GROUP BY 1, 2",
            (f"{months[0]}-01", f"{last}-99")):
        counts.setdefault(moment, {})[month] = count
        values[moment] = values.get(moment, 0.0) + value
    return {moment: ([by_month.get(m, 0) for m in months], values[moment]) for moment, by_month in counts.items()}


def candidates(room: RoomFile, session_id: int) -> list[Candidate]:
    """Candidate and selected priorities with their evidence and this session's dots, most dots first."""
    last = latest_complaint_month(room.db)
    evidence = _moment_evidence(room, last) if last else {}
    by_moment: dict[str, list[Reliability]] = {}
    for kpi, _stage, readings in list_kpis(room.db):
        by_moment.setdefault(kpi.moment_key, []).append(reliability_of(kpi, readings).reliability)
    dots = dict(room.db.execute("SELECT priority_id, sum(dots) FROM votes WHERE session_id = ? GROUP BY 1",
                                (session_id,)).fetchall())
    result = []
    for pid, key, title, stage, moment_key, moment, status in room.db.execute(
            "SELECT p.id, p.key, p.title, s.name, m.key, coalesce(m.name, ''), p.status FROM priorities p "
            "JOIN stages s ON s.id = p.stage_id LEFT JOIN moments m ON m.id = p.moment_id "
            "WHERE p.status IN ('candidate', 'selected') ORDER BY s.position, p.id"):
        monthly, value = evidence.get(moment_key, ([], 0.0))
        result.append(Candidate(key, title, stage, moment, status, sum(monthly[-3:]),
                                trend_of(monthly) if len(monthly) >= 6 else Trend.STEADY,
                                worst(by_moment.get(moment_key, [])), value, dots.get(pid, 0)))
    return sorted(result, key=lambda c: -c.dots)


def add_candidate(room: RoomFile, moment_key: str, title: str, description: str = "") -> str:
    """A new candidate experience drawn from a moment of truth; returns its key."""
    title = " ".join(title.split())
    if not title:
        raise CaptureRefused("A candidate experience needs a title.")
    row = room.db.execute("SELECT id, stage_id FROM moments WHERE key = ?", (moment_key,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no moment of truth '{moment_key}' in this room.")
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", title.lower()) if not unicodedata.combining(ch))
    base = "-".join("".join(ch if ch.isascii() and ch.isalnum() else " " for ch in folded).split())[:40] \
        or moment_key  # a room source's keys are ASCII: "Zürich" -> "zurich"
    key, n = base, 2
    while room.db.execute("SELECT 1 FROM priorities WHERE key = ?", (key,)).fetchone():
        key, n = f"{base}-{n}", n + 1
    with room.transaction() as db:
        db.execute("INSERT INTO priorities (key, title, description, stage_id, moment_id, status) "
                   "VALUES (?, ?, ?, ?, ?, 'candidate')", (key, title, description.strip(), row[1], row[0]))
    return key


def select_priority(room: RoomFile, session_id: int, key: str) -> str:
    """Select one of the critical few; returns a warning sentence when the room now has too many."""
    _open_session(room, session_id)
    row = room.db.execute("SELECT id, status, title FROM priorities WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no priority '{key}' in this room.")
    if row[1] == "selected":
        raise CaptureRefused(f"“{row[2]}” is already selected.")
    with room.transaction() as db:
        db.execute("UPDATE priorities SET status = 'selected', selected_in_session_id = ? WHERE id = ?",
                   (session_id, row[0]))
    record_event(room, session_id, "priority_selected", key)
    selected = room.db.execute("SELECT count(*) FROM priorities WHERE status = 'selected'").fetchone()[0]
    return selection_warning(selected, session_row(room, session_id).max_priorities)


def assign_team(room: RoomFile, session_id: int, key: str, sponsor: str, team_name: str, lead: str,
                members: list[tuple[str, str | None]], cycle_months: int = 4, first_due: date | None = None) -> str:
    """Give a selected priority its sponsor, its cross-silo team and its accountability cycle.

    Returns a warning sentence when the team comes from one silo only (an experience crosses silos).
    """
    _open_session(room, session_id)
    row = room.db.execute("SELECT id, status, title FROM priorities WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no priority '{key}' in this room.")
    if row[1] != "selected":
        raise CaptureRefused(f"“{row[2]}” is not selected: select it before naming its team.")
    sponsor, team_name, lead = (" ".join(s.split()) for s in (sponsor, team_name, lead))
    if not sponsor or not team_name:
        raise CaptureRefused("A selected priority needs a sponsor and a team name.")
    names = [" ".join(name.split()) for name, _ in members]
    if not names or any(not name for name in names):
        raise CaptureRefused("A team needs members, each with a name.")
    if len({n.casefold() for n in names}) != len(names):
        raise CaptureRefused("A team member is listed twice.")
    silos = dict(room.db.execute("SELECT key, id FROM silos").fetchall())
    unknown = [silo for _, silo in members if silo and silo not in silos]
    if unknown:
        raise CaptureRefused(f"There is no silo '{unknown[0]}' in this room.")
    if room.db.execute("SELECT 1 FROM teams WHERE priority_id = ?", (row[0],)).fetchone():
        raise CaptureRefused(f"“{row[2]}” already has a team.")
    session = session_row(room, session_id)
    start = first_due or (date.fromisoformat(session.next_session_on) if session.next_session_on
                          else date.fromisoformat(session.scheduled_on))
    steps = default_cycle(start, cycle_months)
    with room.transaction() as db:
        db.execute("UPDATE priorities SET sponsor = ? WHERE id = ?", (sponsor, row[0]))
        team_id = db.execute("INSERT INTO teams (priority_id, name, lead) VALUES (?, ?, ?)",
                             (row[0], team_name, lead or names[0])).lastrowid
        db.conn.executemany("INSERT INTO team_members (team_id, name, silo_id) VALUES (?, ?, ?)",
                            [(team_id, name, silos.get(silo)) for name, (_, silo) in zip(names, members)])
        db.conn.executemany(
            "INSERT INTO accountability_steps (priority_id, position, title, due_on, status) "
            "VALUES (?, ?, ?, ?, 'planned')",
            [(row[0], step.position, step.title, step.due_on.isoformat()) for step in steps])
    if len({silo for _, silo in members if silo}) < 2:
        return f"The {team_name} comes from one silo; a customer experience usually crosses several."
    return ""


def propose_stop_doing(room: RoomFile, session_id: int, title: str, rationale: str = "",
                       capacity_freed: str = "", silo_key: str | None = None) -> int:
    _open_session(room, session_id)
    title = " ".join(title.split())
    if not title:
        raise CaptureRefused("Something to stop doing needs a title.")
    silo_id = None
    if silo_key:
        found = room.db.execute("SELECT id FROM silos WHERE key = ?", (silo_key,)).fetchone()
        if found is None:
            raise CaptureRefused(f"There is no silo '{silo_key}' in this room.")
        silo_id = found[0]
    with room.transaction() as db:
        return inserted_id(db.execute(
            "INSERT INTO stop_doing_items (session_id, title, rationale, capacity_freed, silo_id, status) "
            "VALUES (?, ?, ?, ?, ?, 'proposed')",
            (session_id, title, rationale.strip(), capacity_freed.strip(), silo_id)))


def decide_stop_doing(room: RoomFile, session_id: int, item_id: int, stop: bool) -> None:
    """The room decides: stop it (decided) or carry on (rejected)."""
    _open_session(room, session_id)
    with room.transaction() as db:
        if db.execute("UPDATE stop_doing_items SET status = ? WHERE id = ? AND session_id = ?",
                      ("decided" if stop else "rejected", item_id, session_id)).rowcount == 0:
            raise CaptureRefused(f"There is no stop-doing item {item_id} in this session.")


def stop_doing_of(room: RoomFile, session_id: int) -> list[tuple[int, str, str, str, str]]:
    """(id, title, rationale, capacity freed, status) in the order proposed."""
    return room.db.execute("SELECT id, title, rationale, capacity_freed, status FROM stop_doing_items "
                           "WHERE session_id = ? ORDER BY id", (session_id,)).fetchall()


def votes_by_leader(room: RoomFile, session_id: int) -> dict[str, dict[str, int]]:
    """Each leader's dots in this session: {leader: {priority key: dots}}."""
    votes: dict[str, dict[str, int]] = {}
    for voter, key, dots in room.db.execute("SELECT v.voter, p.key, v.dots FROM votes v JOIN priorities p "
                                            "ON p.id = v.priority_id WHERE v.session_id = ?", (session_id,)):
        votes.setdefault(voter, {})[key] = dots
    return votes


def tally_of(room: RoomFile, session_id: int) -> list[tuple[str, str, int]]:
    """(priority key, title, dots) for this session, most dots first."""
    return room.db.execute(
        "SELECT p.key, p.title, sum(v.dots) FROM votes v JOIN priorities p ON p.id = v.priority_id "
        "WHERE v.session_id = ? GROUP BY p.id ORDER BY 3 DESC, p.key", (session_id,)).fetchall()
