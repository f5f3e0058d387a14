"""What the editor checks before it changes an artifact's page or its "try it yourself" task, with the rules
`build` applies: the page must be one the file has, and a task is timed against how long customers take."""

from __future__ import annotations

from ..domain.room_edits import EditRefused
from ..storage.media_store import open_media
from ..storage.room_file import RoomFile
from .artifact_probe import artifact_problem

ARTIFACT_RULES = ("page", "task_text", "task_customer_median_seconds")
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
    if value is None and task is not None:
        raise EditRefused("While the artifact has a task, say how long customers take, in seconds: its exercise is "
                          "timed against it.", column)
    if value is not None and int(value) <= 0:
        raise EditRefused("The customers' time must be a positive number of seconds.", column)
    return value
