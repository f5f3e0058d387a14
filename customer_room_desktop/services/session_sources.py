"""Past sessions and priorities from a room source's sessions.toml into the room file.

Everything a session holds can be given in the source, so a room written out by `export` builds back the
same (see session_export). Captures, exercises, reviews and journal events take the ``uid`` the source gives;
without one each gets a uid derived from its session and its place in the list, the same on every rebuild.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import json

from ..domain.identifiers import stable_uid
from ..domain.exercises import Outcome
from ..domain.meetings import Cadence, CommitmentStatus, PriorityStatus, StepStatus, StopDoingStatus
from ..storage.commitment_reviews import ReviewOutcome
from ..storage.rows import insert_row
from .room_manifest import BuildError, Manifest
from .source_keys import SourceKeys

if TYPE_CHECKING:
    import sqlite_utils


def _choice(value: str, allowed: type, where: str, what: str) -> str:
    values = [member.value for member in allowed]
    if value not in values:
        raise BuildError(f"{where}: '{value}' is not a {what} ({', '.join(map(str, values))}).")
    return value


class _Uids:
    """The uids given so far, per table (a uid names one row), and each commitment's row id by its uid."""

    def __init__(self) -> None:
        self.seen: dict[str, set[str]] = {}
        self.commitments: dict[str, int] = {}

    def take(self, table: str, entry: dict, where: str, what: str, *parts: str) -> str:
        """The entry's own uid, or the one derived from ``parts``; refused if another entry has it."""
        uid = entry.get("uid")
        if uid is None:
            uid = stable_uid(*parts)
        elif not isinstance(uid, str) or not uid.strip():
            raise BuildError(f"{where}: the uid of {what} must be text in quotes.")
        seen = self.seen.setdefault(table, set())
        if uid in seen:
            raise BuildError(f"{where}: {what} has the uid '{uid}', which another entry already has.")
        seen.add(uid)
        return uid


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
        for place, item in enumerate(session.get("agenda", []), start=1):
            conversation = int(item["conversation"])
            if not 1 <= conversation <= 4:
                raise BuildError(f"{where}: agenda item {place} is in conversation {conversation}; "
                                 "the conversations are 1 to 4.")
            insert_row(db, "agenda_items", {"session_id": session_id, "position": int(item.get("position", place)),
                                         "conversation": conversation, "title": item["title"],
                                         "planned_minutes": int(item.get("minutes", 0))})
    for priority in manifest.sections["priorities"]:
        _insert_priority(db, priority, ids)
    uids = _Uids()
    for session in sessions:
        _insert_session_records(db, session, ids, uids)
    for session in sessions:  # after every session's commitments, since a review may name a later one
        _insert_reviews(db, session, ids, uids)


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
    positions: set[int] = set()
    for place, step in enumerate(priority.get("steps", []), start=1):
        position = int(step.get("position", place))
        if position in positions:
            raise BuildError(f"{where}: two steps have the position {position}.")
        positions.add(position)
        step_id = insert_row(db, "accountability_steps", {
            "priority_id": priority_id, "position": position, "title": step["title"], "due_on": str(step["due_on"]),
            "status": _choice(step.get("status", "planned"), StepStatus, where, "step status"),
            "report": step.get("report", ""),
            "reported_in_session_id": ids.get("sessions", step.get("reported_in"), where, required=False)})
        artifacts = list(step.get("artifacts", []))
        for artifact in dict.fromkeys(artifacts):
            if artifacts.count(artifact) > 1:
                raise BuildError(f"{where}: step {place} names the artifact '{artifact}' twice.")
            insert_row(db, "step_artifacts", {"step_id": step_id,
                                              "artifact_id": ids.get("artifacts", artifact, where)})


def _capture_text(entry: dict, where: str, what: str) -> object:
    """The text as written; refused, as the room file would refuse it, if it is empty or only spaces."""
    if not str(entry["text"]).strip(" "):  # SQLite's trim(), which the CHECK uses, removes spaces only
        raise BuildError(f"{where}: {what} has no text.")
    return entry["text"]


def _context(entry: dict, where: str, what: str) -> str:
    """What the walls showed: JSON text as written, or a TOML table turned into JSON."""
    context = entry.get("context", {})
    if not isinstance(context, str):
        return json.dumps(context)
    try:
        json.loads(context)
    except ValueError:
        raise BuildError(f"{where}: the context of {what} is not JSON text.") from None
    return context


def _insert_session_records(db: sqlite_utils.Database, session: dict, ids: SourceKeys, uids: _Uids) -> None:
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
        what = f"decision {index + 1}"
        insert_row(db, "decisions", {
            "uid": uids.take("decisions", decision, where, what, key, "decision", str(index)),
            "session_id": session_id, "at": str(decision["at"]), "text": _capture_text(decision, where, what),
            "context": _context(decision, where, what), "withdrawn_at": _text(decision.get("withdrawn_at"))})
    for index, commitment in enumerate(session.get("commitments", [])):
        what = f"commitment {index + 1}"
        uid = uids.take("commitments", commitment, where, what, key, "commitment", str(index))
        uids.commitments[uid] = insert_row(db, "commitments", {
            "uid": uid, "session_id": session_id,
            "priority_id": ids.get("priorities", commitment.get("priority"), where, required=False),
            "at": str(commitment["at"]), "text": _capture_text(commitment, where, what), "owner": commitment["owner"],
            "due_on": str(commitment["due_on"]),
            "status": _choice(commitment.get("status", "open"), CommitmentStatus, where, "commitment status"),
            "context": _context(commitment, where, what), "withdrawn_at": _text(commitment.get("withdrawn_at"))})
    for index, note in enumerate(session.get("notes", [])):
        what = f"note {index + 1}"
        insert_row(db, "notes", {
            "uid": uids.take("notes", note, where, what, key, "note", str(index)), "session_id": session_id,
            "at": str(note["at"]), "text": _capture_text(note, where, what), "context": _context(note, where, what),
            "withdrawn_at": _text(note.get("withdrawn_at"))})
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
    for index, exercise in enumerate(session.get("exercises", [])):
        _insert_exercise(db, session, session_id, index, exercise, ids, uids)
    for index, event in enumerate(session.get("journal", [])):
        insert_row(db, "journal_events", {
            "uid": uids.take("journal_events", event, where, f"journal event {index + 1}", key, "journal", str(index)),
            "session_id": session_id, "at": str(event["at"]), "kind": event["kind"],
            "detail": str(event.get("detail", ""))})


def _insert_exercise(db: sqlite_utils.Database, session: dict, session_id: int | None, index: int, exercise: dict,
                     ids: SourceKeys, uids: _Uids) -> None:
    key = session["key"]
    where = f"session '{key}'"
    artifact = ids.get("artifacts", exercise["artifact"], where)
    if db.execute("SELECT task_text FROM artifacts WHERE id = ?", (artifact,)).fetchone()[0] is None:
        raise BuildError(f"{where}: the artifact '{exercise['artifact']}' has no task, so it had no exercise.")
    run_id = insert_row(db, "exercise_runs", {
        "uid": uids.take("exercise_runs", exercise, where, f"exercise {index + 1}", key, "exercise", str(index)),
        "session_id": session_id, "artifact_id": artifact,
        "started_at": str(exercise["started_at"]), "stopped_at": _text(exercise.get("stopped_at"))})
    attendees = {a["name"] for a in session.get("attendees", [])}
    done: set[str] = set()
    for result in exercise.get("results", []):
        attendee = result["attendee"]
        if attendee not in attendees:
            raise BuildError(f"{where}: {attendee} has an exercise result but is not an attendee.")
        if attendee in done:
            raise BuildError(f"{where}: {attendee} has two results in exercise {index + 1}.")
        done.add(attendee)
        if "outcome" not in result and not str(result.get("reaction", "")).strip():
            raise BuildError(f"{where}: {attendee}'s exercise entry needs an outcome or a reaction.")
        insert_row(db, "exercise_results", {
            "uid": uids.take("exercise_results", result, where, f"{attendee}'s result in exercise {index + 1}",
                             key, "exercise", str(index), attendee),
            "run_id": run_id, "attendee": attendee,
            "outcome": _choice(result["outcome"], Outcome, where, "outcome") if "outcome" in result else None,
            "seconds": result.get("seconds"), "answer": result.get("answer", ""),
            "reaction": result.get("reaction", ""),
            "at": str(result.get("at", exercise.get("stopped_at") or exercise["started_at"]))})


def _insert_reviews(db: sqlite_utils.Database, session: dict, ids: SourceKeys, uids: _Uids) -> None:
    """The session's reviews of earlier commitments, each naming the commitment by its uid."""
    key = session["key"]
    where = f"session '{key}'"
    session_id = ids.get("sessions", key, where)
    reviewed: set[int] = set()
    for index, review in enumerate(session.get("commitment_reviews", [])):
        what = f"commitment review {index + 1}"
        commitment_id = uids.commitments.get(review["commitment"])
        if commitment_id is None:
            raise BuildError(f"{where}: {what} names the commitment '{review['commitment']}', "
                             "which no session made.")
        if commitment_id in reviewed:
            raise BuildError(f"{where}: the commitment '{review['commitment']}' is reviewed twice.")
        reviewed.add(commitment_id)
        due_before = str(review["due_before"])
        insert_row(db, "commitment_reviews", {
            "uid": uids.take("commitment_reviews", review, where, what, key, "commitment-review", str(index)),
            "commitment_id": commitment_id, "session_id": session_id,
            "outcome": _choice(review["outcome"], ReviewOutcome, where, "review of a commitment"),
            "due_before": due_before, "due_after": str(review.get("due_after", due_before)),
            "at": str(review["at"])})
