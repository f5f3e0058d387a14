"""Planning sessions and picking up where the last one left off.

A plan is one transaction: the session, its attendees and its agenda are saved together or not
at all. Refusals are CaptureRefused with one sentence.
"""

from __future__ import annotations

import re
from datetime import date

from ..domain.meetings import Attendee, Cadence
from ..domain.session_plan import ReportDue, agenda_for, duplicate_attendee
from .captures import CaptureRefused
from .room_file import RoomFile
from .rows import inserted_id
from ..domain.records import record


@record
class SessionRow:
    id: int
    key: str
    title: str
    cadence: str
    scheduled_on: str
    started_at: str | None
    closed_at: str | None
    next_session_on: str | None
    dots_per_leader: int
    max_priorities: int

    @property
    def state(self) -> str:
        return "closed" if self.closed_at else "live" if self.started_at else "planned"


@record
class OpenCommitment:
    id: int
    text: str
    owner: str
    due_on: str
    priority_title: str
    from_session: str


_SESSION_COLUMNS = ("id, key, title, cadence, scheduled_on, started_at, closed_at, next_session_on, "
                    "dots_per_leader, max_priorities")


def session_row(room: RoomFile, session_id: int) -> SessionRow:
    row = room.db.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise CaptureRefused(f"There is no session {session_id} in this room.")
    return SessionRow(*row)


def list_sessions(room: RoomFile) -> list[SessionRow]:
    return [SessionRow(*row) for row in room.db.execute(
        f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY scheduled_on, id").fetchall()]


def live_session(room: RoomFile) -> SessionRow | None:
    """A session started and never closed: the room was left (or crashed) in the middle of it."""
    row = room.db.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE started_at IS NOT NULL "
                          "AND closed_at IS NULL ORDER BY started_at DESC LIMIT 1").fetchone()
    return SessionRow(*row) if row else None


def reports_due(room: RoomFile, by: date) -> list[ReportDue]:
    """Steps of the selected priorities' teams not yet reported and due on or before ``by``."""
    rows = room.db.execute(
        "SELECT p.key, t.name, s.position, s.title, s.due_on FROM accountability_steps s "
        "JOIN priorities p ON p.id = s.priority_id JOIN teams t ON t.priority_id = p.id "
        "WHERE p.status = 'selected' AND s.status != 'reported' AND s.due_on <= ?", (by.isoformat(),)).fetchall()
    return [ReportDue(key, team, position, title, date.fromisoformat(due)) for key, team, position, title, due in rows]


def _session_key(room: RoomFile, scheduled_on: date, cadence: str) -> str:
    base = f"{scheduled_on.isoformat()}-{cadence}"
    taken = {row[0] for row in room.db.execute("SELECT key FROM sessions WHERE key LIKE ?", (base + "%",))}
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def plan_session(room: RoomFile, title: str, cadence: str, scheduled_on: date, attendees: list[Attendee],
                 dots_per_leader: int = 3, max_priorities: int = 3, next_session_on: date | None = None) -> int:
    """Save a planned session with its attendees and an agenda made from the cadence; return its id."""
    title = " ".join(title.split())
    if not title:
        raise CaptureRefused("A session needs a title.")
    try:
        cadence = Cadence(cadence).value
    except ValueError:
        raise CaptureRefused(f"'{cadence}' is not a cadence; use monthly, quarterly, annual, workshop or "
                             "onboarding.") from None
    if any(not " ".join(a.name.split()) for a in attendees):
        raise CaptureRefused("Every attendee needs a name.")
    twice = duplicate_attendee(attendees)
    if twice:
        raise CaptureRefused(f"{twice} is listed twice as an attendee.")
    if dots_per_leader < 1 or max_priorities < 1:
        raise CaptureRefused("Each leader needs at least one dot, and the room at least one priority.")
    if next_session_on and next_session_on <= scheduled_on:
        raise CaptureRefused(f"The next session ({next_session_on.isoformat()}) must come after this one "
                             f"({scheduled_on.isoformat()}).")
    silos = dict(room.db.execute("SELECT key, id FROM silos").fetchall())
    unknown = [a.silo_key for a in attendees if a.silo_key and a.silo_key not in silos]
    if unknown:
        raise CaptureRefused(f"There is no silo '{unknown[0]}' in this room.")
    personas = [name for (name,) in room.db.execute("SELECT name FROM personas ORDER BY id")]
    agenda = agenda_for(Cadence(cadence), reports_due(room, scheduled_on), personas)
    with room.transaction() as db:
        session_id = inserted_id(db.execute(
            "INSERT INTO sessions (key, title, cadence, scheduled_on, next_session_on, dots_per_leader, "
            "max_priorities) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_session_key(room, scheduled_on, cadence), title, cadence, scheduled_on.isoformat(),
             next_session_on.isoformat() if next_session_on else None, dots_per_leader, max_priorities)))
        db.conn.executemany("INSERT INTO attendees (session_id, name, role, silo_id) VALUES (?, ?, ?, ?)",
                            [(session_id, " ".join(a.name.split()), a.role.strip(), silos.get(a.silo_key))
                             for a in attendees])
        db.conn.executemany(
            "INSERT INTO agenda_items (session_id, position, conversation, title, planned_minutes) "
            "VALUES (?, ?, ?, ?, ?)",
            [(session_id, n, int(item.conversation), item.title, item.planned_minutes)
             for n, item in enumerate(agenda, start=1)])
    return session_id


def attendees_of(room: RoomFile, session_id: int) -> list[Attendee]:
    return [Attendee(name, role, silo) for name, role, silo in room.db.execute(
        "SELECT a.name, a.role, s.key FROM attendees a LEFT JOIN silos s ON s.id = a.silo_id "
        "WHERE a.session_id = ? ORDER BY a.id", (session_id,)).fetchall()]


def carried_commitments(room: RoomFile, session_id: int) -> list[OpenCommitment]:
    """Commitments still open from earlier sessions (not withdrawn ones): the new session reviews them first."""
    scheduled = session_row(room, session_id).scheduled_on
    return [OpenCommitment(*row) for row in room.db.execute(
        "SELECT c.id, c.text, c.owner, c.due_on, coalesce(p.title, ''), s.title FROM commitments c "
        "JOIN sessions s ON s.id = c.session_id LEFT JOIN priorities p ON p.id = c.priority_id "
        "WHERE c.status = 'open' AND c.withdrawn_at IS NULL AND c.session_id != ? AND s.scheduled_on <= ? "
        "ORDER BY c.due_on, c.id",
        (session_id, scheduled)).fetchall()]


def parse_attendee_line(line: str) -> Attendee:
    """"Name, Role, silo" (role and silo optional), the way a facilitator types a list."""
    parts = [part.strip() for part in re.split(r"[,;\t]", line)]
    parts += [""] * (3 - len(parts))
    return Attendee(parts[0], parts[1], parts[2] or None)
