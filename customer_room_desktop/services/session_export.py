"""The sessions part of a room source, written back from a room file: the text of sessions.toml.

Building the text this module writes (see session_sources) gives the same sessions, priorities, teams,
captures, reviews, exercises and journal as the room it was written from, and writing it again from that
rebuilt room gives the same bytes. So every list is in the order of the rows' ids, every value is
written the same way each time, and a row points at another by the other row's key (or, for a
commitment, its uid), never by its id.

Numbering the builder works out for itself is left out: a uid equal to the one the builder derives from
the entry's place in its list (except a reviewed commitment's, so the review's reference can be found in
the file), an agenda item's or a step's position equal to its place in the list, an empty context. A NULL
is left out too; TOML has no null, and the builder reads an absent field as NULL. Every other value is
written, default or not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.toml_text import toml_table
from ..domain.identifiers import stable_uid

if TYPE_CHECKING:
    import sqlite_utils

HEADER = ("# Sessions held in the room, the priorities they chose, the teams reporting back, and what each\n"
          "# session captured. Written by customer-room export; `customer-room build` reads it back.\n")


def sessions_toml(db: sqlite_utils.Database) -> str:
    """The text of a sessions.toml holding every session row of the room ``db`` (see the module's docstring)."""
    keys = _Keys(db)
    blocks = [_table("sessions", _session(db, keys, row)) for row in _rows(db, "SELECT * FROM sessions ORDER BY id")]
    blocks += [_table("priorities", _priority(db, keys, row))
               for row in _rows(db, "SELECT * FROM priorities ORDER BY id")]
    return HEADER + "".join("\n" + block for block in blocks)


class _Keys:
    """What a row id stands for in a source: the key of a stage, moment, silo, priority, session or artifact,
    and the uid of a commitment."""

    def __init__(self, db: sqlite_utils.Database):
        self.tables = {table: dict(db.execute(f"SELECT id, key FROM {table}").fetchall())
                       for table in ("stages", "moments", "silos", "priorities", "sessions", "artifacts")}
        self.tables["commitments"] = dict(db.execute("SELECT id, uid FROM commitments").fetchall())
        self.reviewed = {row[0] for row in db.execute("SELECT commitment_id FROM commitment_reviews").fetchall()}

    def of(self, table: str, row_id: int | None) -> str | None:
        return None if row_id is None else self.tables[table][row_id]


def _rows(db: sqlite_utils.Database, sql: str, parameters: tuple = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, parameters)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]


def _derived(uid: str, *parts: str) -> str | None:
    """The uid as the source writes it: left out (None) when the builder derives the same one."""
    return None if uid == stable_uid(*parts) else uid


def _session(db: sqlite_utils.Database, keys: _Keys, row: dict) -> dict[str, Any]:
    key, session_id = row["key"], (row["id"],)
    entry = {name: row[name] for name in ("key", "title", "cadence", "scheduled_on", "started_at", "closed_at",
                                          "next_session_on", "dots_per_leader", "max_priorities")}
    entry["attendees"] = [{"name": a["name"], "role": a["role"], "silo": keys.of("silos", a["silo_id"])}
                          for a in _rows(db, "SELECT * FROM attendees WHERE session_id = ? ORDER BY id", session_id)]
    entry["agenda"] = [
        {"position": None if item["position"] == place else item["position"], "conversation": item["conversation"],
         "title": item["title"], "minutes": item["planned_minutes"]}
        for place, item in enumerate(_rows(db, "SELECT * FROM agenda_items WHERE session_id = ? ORDER BY id",
                                           session_id), start=1)]
    entry["votes"] = [{"priority": keys.of("priorities", v["priority_id"]), "voter": v["voter"], "dots": v["dots"]}
                      for v in _rows(db, "SELECT * FROM votes WHERE session_id = ? ORDER BY id", session_id)]
    entry["decisions"] = [
        {"uid": _derived(d["uid"], key, "decision", str(index)), "at": d["at"], "text": d["text"],
         **_capture_tail(d)}
        for index, d in enumerate(_rows(db, "SELECT * FROM decisions WHERE session_id = ? ORDER BY id", session_id))]
    entry["commitments"] = [
        {"uid": c["uid"] if c["id"] in keys.reviewed else _derived(c["uid"], key, "commitment", str(index)),
         "at": c["at"], "text": c["text"], "owner": c["owner"], "due_on": c["due_on"],
         "priority": keys.of("priorities", c["priority_id"]), "status": c["status"], **_capture_tail(c)}
        for index, c in enumerate(_rows(db, "SELECT * FROM commitments WHERE session_id = ? ORDER BY id",
                                        session_id))]
    entry["commitment_reviews"] = [
        {"uid": _derived(r["uid"], key, "commitment-review", str(index)),
         "commitment": keys.of("commitments", r["commitment_id"]), "outcome": r["outcome"],
         "due_before": r["due_before"], "due_after": r["due_after"], "at": r["at"]}
        for index, r in enumerate(_rows(db, "SELECT * FROM commitment_reviews WHERE session_id = ? ORDER BY id",
                                        session_id))]
    entry["notes"] = [
        {"uid": _derived(n["uid"], key, "note", str(index)), "at": n["at"], "text": n["text"], **_capture_tail(n)}
        for index, n in enumerate(_rows(db, "SELECT * FROM notes WHERE session_id = ? ORDER BY id", session_id))]
    entry["stop_doing"] = [
        {"title": s["title"], "rationale": s["rationale"], "capacity_freed": s["capacity_freed"],
         "silo": keys.of("silos", s["silo_id"]), "status": s["status"]}
        for s in _rows(db, "SELECT * FROM stop_doing_items WHERE session_id = ? ORDER BY id", session_id)]
    entry["recognitions"] = [
        {"priority": keys.of("priorities", r["priority_id"]), "citation": r["citation"], "at": r["at"]}
        for r in _rows(db, "SELECT * FROM recognitions WHERE session_id = ? ORDER BY id", session_id)]
    entry["exercises"] = [_exercise(db, keys, key, index, run) for index, run in enumerate(
        _rows(db, "SELECT * FROM exercise_runs WHERE session_id = ? ORDER BY id", session_id))]
    entry["journal"] = [
        {"uid": _derived(e["uid"], key, "journal", str(index)), "at": e["at"], "kind": e["kind"],
         "detail": e["detail"]}
        for index, e in enumerate(_rows(db, "SELECT * FROM journal_events WHERE session_id = ? ORDER BY id",
                                        session_id))]
    return entry


def _capture_tail(row: dict) -> dict[str, Any]:
    """A decision's, commitment's or note's context (as its JSON text, left out when empty) and withdrawal."""
    return {"context": None if row["context"] == "{}" else row["context"], "withdrawn_at": row["withdrawn_at"]}


def _exercise(db: sqlite_utils.Database, keys: _Keys, session_key: str, index: int, run: dict) -> dict[str, Any]:
    results = [
        {"uid": _derived(r["uid"], session_key, "exercise", str(index), r["attendee"]), "attendee": r["attendee"],
         "outcome": r["outcome"], "seconds": r["seconds"], "answer": r["answer"], "reaction": r["reaction"],
         "at": r["at"]}
        for r in _rows(db, "SELECT * FROM exercise_results WHERE run_id = ? ORDER BY id", (run["id"],))]
    return {"uid": _derived(run["uid"], session_key, "exercise", str(index)),
            "artifact": keys.of("artifacts", run["artifact_id"]), "started_at": run["started_at"],
            "stopped_at": run["stopped_at"], "results": results}


def _priority(db: sqlite_utils.Database, keys: _Keys, row: dict) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "key": row["key"], "title": row["title"], "description": row["description"],
        "stage": keys.of("stages", row["stage_id"]), "moment": keys.of("moments", row["moment_id"]),
        "status": row["status"], "selected_in": keys.of("sessions", row["selected_in_session_id"]),
        "sponsor": row["sponsor"]}
    for team in _rows(db, "SELECT * FROM teams WHERE priority_id = ?", (row["id"],)):
        members = [{"name": m["name"], "silo": keys.of("silos", m["silo_id"])} for m in
                   _rows(db, "SELECT name, silo_id FROM team_members WHERE team_id = ? ORDER BY rowid", (team["id"],))]
        entry["team"] = {"name": team["name"], "lead": team["lead"], "members": members}
    steps = []
    for place, step in enumerate(_rows(db, "SELECT * FROM accountability_steps WHERE priority_id = ? ORDER BY id",
                                       (row["id"],)), start=1):
        artifacts = [keys.of("artifacts", artifact_id) for (artifact_id,) in db.execute(
            "SELECT artifact_id FROM step_artifacts WHERE step_id = ? ORDER BY rowid", (step["id"],)).fetchall()]
        steps.append({"position": None if step["position"] == place else step["position"], "title": step["title"],
                      "due_on": step["due_on"], "status": step["status"], "report": step["report"],
                      "reported_in": keys.of("sessions", step["reported_in_session_id"]),
                      "artifacts": artifacts or None})
    entry["steps"] = steps
    return entry


def _table(name: str, entry: dict[str, Any]) -> str:
    """One ``[[name]]`` table: a line per field, a list of tables as a list of inline tables, one a line."""
    return "\n".join(toml_table(f"[[{name}]]", entry)) + "\n"
