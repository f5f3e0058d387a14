"""What the editor checks before it changes an artifact's page or its "try it yourself" task, with the rules
`build` applies: the page must be one the file has, a task is timed against how long customers take, and its
give-up share is between 0 and 100 per cent. The artifacts as the editor's grid shows them."""

from __future__ import annotations

from ..domain.room_edits import ARTIFACT_KINDS, EditRefused
from ..storage.media_store import open_media
from ..storage.room_file import RoomFile
from .artifact_probe import artifact_problem
from .moment_silo_edits import MOMENT_CHOICES, NONE_OFFERED, moments_by_stage

# An artifact's kind, chosen in its cell among those `build` takes ("packing-slip" shown "Packing slip"), "other" last
KIND_CHOICES = [(kind, kind.replace("-", " ").capitalize()) for kind in ARTIFACT_KINDS if kind != "other"] + \
    [("other", "Other")]
ARTIFACT_RULES = ("page", "task_text", "task_customer_median_seconds", "task_customer_give_up_percent",
                  "task_common_wrong_answer")
TASK_DETAILS = ("task_customer_give_up_percent", "task_common_wrong_answer")  # kept only with a task
_NEEDS_TIME = ("Say first how long customers take (the “Customers take (s)” column): an exercise is timed "
               "against it.")


def artifact_value(room: RoomFile, key: str, column: str, value: object) -> object:
    """``value`` as the room keeps it in ``column`` of the artifact ``key`` (an empty task is no task), or
    EditRefused, naming the field, when `build` would refuse it."""
    if column not in ARTIFACT_RULES:
        return value
    row = room.db.execute(
        "SELECT a.media_sha256, a.pdf_password, a.title, a.task_text, a.task_customer_median_seconds, "
        "(SELECT count(*) FROM exercise_runs r WHERE r.artifact_id = a.id) FROM artifacts a WHERE a.key = ?",
        (key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no artifact '{key}'.", column)
    sha, password, title, task, median, runs = row
    if column == "page":
        with open_media(room.db, sha) as stream:
            problem = artifact_problem(stream.read(), password, int(value))
        if problem:
            raise EditRefused(f"{problem[0].upper()}{problem[1:]}.", column)
        return value
    if column == "task_text":
        text = value if isinstance(value, str) and value.strip() else None
        if text is None and task is not None and runs:
            runs_text = "1 exercise run" if runs == 1 else f"{runs} exercise runs"
            raise EditRefused(f"'{title}' has {runs_text} in the room's sessions, so it keeps its task; change its "
                              "words instead.", column)
        if text is not None and median is None:
            raise EditRefused(_NEEDS_TIME, column)
        return text
    if column in TASK_DETAILS:
        if task is None and value not in (None, ""):
            raise EditRefused(f"Give '{title}' a task first (the “Task” column): this belongs to it.", column)
        if column == "task_common_wrong_answer":
            return value
        if isinstance(value, float) and not 0 <= value <= 100:
            raise EditRefused(f"The give-up share must be between 0 and 100 per cent, not {value:g}.", column)
        return value
    if value is None and task is not None:
        raise EditRefused("While the artifact has a task, say how long customers take, in seconds: its exercise is "
                          "timed against it.", column)
    if value is not None and int(value) <= 0:
        raise EditRefused("The customers' time must be a positive number of seconds.", column)
    return value


def artifact_rows(room: RoomFile, columns: list[str]) -> list[tuple[str, dict[str, object]]]:
    """The artifacts for the editor's grid, each with the moments its stage offers."""
    stored = ["coalesce(m.key, '')" if column == "moment" else f"a.{column}" for column in columns]
    offered = moments_by_stage(room)
    return [(row[0], {**dict(zip(columns, row[2:])), MOMENT_CHOICES: offered.get(row[1], NONE_OFFERED)}) for row in
            room.db.execute(f"SELECT a.key, a.stage_id, {', '.join(stored)} FROM artifacts a "
                            "LEFT JOIN moments m ON m.id = a.moment_id ORDER BY a.id")]
