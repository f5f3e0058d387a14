"""Past sessions and priorities from a room source's sessions.toml into the room file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import json
import uuid


from ..domain.exercises import Outcome
from ..domain.meetings import Cadence, CommitmentStatus, PriorityStatus, StepStatus, StopDoingStatus
from ..storage.rows import insert_row
from .room_manifest import BuildError, Manifest
from .source_keys import SourceKeys

if TYPE_CHECKING:
    import sqlite_utils


def stable_uid(*parts: str) -> str:
    """The same capture id on every rebuild, so a rebuilt room never duplicates a capture."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "customer-room:" + "/".join(parts)))


def _choice(value: str, allowed: type, where: str, what: str) -> str:
    values = [member.value for member in allowed]
    if value not in values:
        raise BuildError(f"{where}: '{value}' is not a {what} ({', '.join(map(str, values))}).")
    return value


def insert_sessions_and_priorities(db: sqlite_utils.Database, manifest: Manifest, ids: SourceKeys) -> None:
    sessions = manifest.sections["sessions"]
    for session in sessions:
        where = f"session '{session['key']}'"
        session_id = insert_row(db, "sessions", {
            "key": session["key"], "title": session.get("title", session["key"]),
            "cadence": _choice(session.get("cadence", "monthly"), Cadence, where, "cadence"),
            "scheduled_on": str(session["scheduled_on"]), "started_at": _text(session.get("started_at")),
            "closed_at": _text(session.get("closed_at")), "next_session_on": _text(session.get("next_session_on")),
            "dots_per_leader": int(session.get("dots_per_leader", 3)),
            "max_priorities": int(session.get("max_priorities", 3))})
        ids.add("sessions", session["key"], session_id)
        names = set()
        for attendee in session.get("attendees", []):
            if attendee["name"] in names:
                raise BuildError(f"{where}: {attendee['name']} is listed twice as an attendee.")
            names.add(attendee["name"])
            insert_row(db, "attendees", {"session_id": session_id, "name": attendee["name"],
                                      "role": attendee.get("role", ""),
                                      "silo_id": ids.get("silos", attendee.get("silo"), where, required=False)})
        for position, item in enumerate(session.get("agenda", []), start=1):
            insert_row(db, "agenda_items", {"session_id": session_id, "position": position,
                                         "conversation": int(item["conversation"]), "title": item["title"],
                                         "planned_minutes": int(item.get("minutes", 0))})
    for priority in manifest.sections["priorities"]:
        _insert_priority(db, priority, ids)
    for session in sessions:
        _insert_session_records(db, session, ids)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _insert_priority(db: sqlite_utils.Database, priority: dict, ids: SourceKeys) -> None:
    where = f"priority '{priority['key']}'"
    priority_id = insert_row(db, "priorities", {
        "key": priority["key"], "title": priority["title"], "description": priority.get("description", ""),
        "stage_id": ids.get("stages", priority.get("stage"), where),
        "moment_id": ids.get("moments", priority.get("moment"), where, required=False),
        "status": _choice(priority.get("status", "candidate"), PriorityStatus, where, "priority status"),
        "selected_in_session_id": ids.get("sessions", priority.get("selected_in"), where, required=False),
        "sponsor": priority.get("sponsor", "")})
    ids.add("priorities", priority["key"], priority_id)
    team = priority.get("team")
    if team:
        team_id = insert_row(db, "teams", {"priority_id": priority_id, "name": team["name"],
                                           "lead": team.get("lead", "")})
        for member in team.get("members", []):
            insert_row(db, "team_members", {"team_id": team_id, "name": member["name"],
                                         "silo_id": ids.get("silos", member.get("silo"), where, required=False)})
    for position, step in enumerate(priority.get("steps", []), start=1):
        insert_row(db, "accountability_steps", {
            "priority_id": priority_id, "position": position, "title": step["title"], "due_on": str(step["due_on"]),
            "status": _choice(step.get("status", "planned"), StepStatus, where, "step status"),
            "report": step.get("report", ""),
            "reported_in_session_id": ids.get("sessions", step.get("reported_in"), where, required=False)})


def _insert_session_records(db: sqlite_utils.Database, session: dict, ids: SourceKeys) -> None:
    key = session["key"]
    where = f"session '{key}'"
    session_id = ids.get("sessions", key, where)
    for vote in session.get("votes", []):
        dots = int(vote["dots"])
        if dots < 0:
            raise BuildError(f"{where}: {vote['voter']} has a negative number of dots.")
        insert_row(db, "votes", {"session_id": session_id,
                                 "priority_id": ids.get("priorities", vote["priority"], where),
                                 "voter": vote["voter"], "dots": dots})
    for index, decision in enumerate(session.get("decisions", [])):
        insert_row(db, "decisions", {"uid": stable_uid(key, "decision", str(index)), "session_id": session_id,
                                  "at": str(decision["at"]), "text": decision["text"],
                                  "context": json.dumps(decision.get("context", {}))})
    for index, commitment in enumerate(session.get("commitments", [])):
        insert_row(db, "commitments", {
            "uid": stable_uid(key, "commitment", str(index)), "session_id": session_id,
            "priority_id": ids.get("priorities", commitment.get("priority"), where, required=False),
            "at": str(commitment["at"]), "text": commitment["text"], "owner": commitment["owner"],
            "due_on": str(commitment["due_on"]),
            "status": _choice(commitment.get("status", "open"), CommitmentStatus, where, "commitment status"),
            "context": json.dumps(commitment.get("context", {}))})
    for index, note in enumerate(session.get("notes", [])):
        insert_row(db, "notes", {"uid": stable_uid(key, "note", str(index)), "session_id": session_id,
                              "at": str(note["at"]), "text": note["text"],
                              "context": json.dumps(note.get("context", {}))})
    for item in session.get("stop_doing", []):
        insert_row(db, "stop_doing_items", {
            "session_id": session_id, "title": item["title"], "rationale": item.get("rationale", ""),
            "capacity_freed": item.get("capacity_freed", ""),
            "silo_id": ids.get("silos", item.get("silo"), where, required=False),
            "status": _choice(item.get("status", "proposed"), StopDoingStatus, where, "stop-doing status")})
    for recognition in session.get("recognitions", []):
        insert_row(db, "recognitions", {"session_id": session_id,
                                     "priority_id": ids.get("priorities", recognition["priority"], where),
                                     "citation": recognition["citation"],
                                     "at": str(recognition.get("at", session.get("closed_at", "")))})
    attendees = {a["name"] for a in session.get("attendees", [])}
    for index, exercise in enumerate(session.get("exercises", [])):
        artifact = ids.get("artifacts", exercise["artifact"], where)
        if db.execute("SELECT task_text FROM artifacts WHERE id = ?", (artifact,)).fetchone()[0] is None:
            raise BuildError(f"{where}: the artifact '{exercise['artifact']}' has no task, so it had no exercise.")
        run_id = insert_row(db, "exercise_runs", {
            "uid": stable_uid(key, "exercise", str(index)), "session_id": session_id, "artifact_id": artifact,
            "started_at": str(exercise["started_at"]), "stopped_at": _text(exercise.get("stopped_at"))})
        for result in exercise.get("results", []):
            if result["attendee"] not in attendees:
                raise BuildError(f"{where}: {result['attendee']} has an exercise result but is not an attendee.")
            if "outcome" not in result and not str(result.get("reaction", "")).strip():
                raise BuildError(f"{where}: {result['attendee']}'s exercise entry needs an outcome or a reaction.")
            insert_row(db, "exercise_results", {
                "uid": stable_uid(key, "exercise", str(index), result["attendee"]), "run_id": run_id,
                "attendee": result["attendee"],
                "outcome": _choice(result["outcome"], Outcome, where, "outcome") if "outcome" in result else None,
                "seconds": result.get("seconds"), "answer": result.get("answer", ""),
                "reaction": result.get("reaction", ""),
                "at": str(exercise.get("stopped_at") or exercise["started_at"])})
    for index, event in enumerate(session.get("journal", [])):
        insert_row(db, "journal_events", {"uid": stable_uid(key, "journal", str(index)), "session_id": session_id,
                                       "at": str(event["at"]), "kind": event["kind"],
                                       "detail": str(event.get("detail", ""))})
