"""The editor's calls: a call added from a recording file with its transcript, consent and persona; a call's
persona chosen; its recorded date checked as `build` checks it; its transcript replaced from a file.

Each file goes through the checks `build` and the folder import make: the recording is decoded through libVLC
to learn its real length, the transcript read in any encoding other software writes. A problem with either is
said in one sentence and does not stop the call being added (the room shows the transcript and a notice for a
recording it cannot play, as it does for a folder's); only a file that is not a recording at all is refused.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.journey import recorded_on_problem
from ..domain.room_edits import EditRefused, InsertRow, RoomEdit, SetField, SetTranscript, unused_key
from ..domain.transcripts import TranscriptError
from ..storage.media_store import file_sha256
from ..storage.room_edit_store import transcript_lines
from ..storage.room_file import RoomFile
from .folder_source import AUDIO, VIDEO, readable_title, slug
from .moment_silo_edits import MOMENT_CHOICES, NONE_OFFERED, moments_by_stage
from .recording_probe import probe_recording_file
from .transcript_files import read_transcript_file
from .vlc_backend import VlcUnavailable
from ..domain.records import record

RECORDINGS = AUDIO | VIDEO
NO_PERSONA = "No persona"


@record
class CallFiles:
    """What the editor's "Add a call" form holds."""

    recording: Path
    transcript: Path | None = None  # None: the call has no transcript yet
    consent: bool = False  # the caller agreed to the recording being played in the room
    persona: str = ""  # the persona's key; "" for none


@record
class CallProblem:
    """Something that did not go as the files were given, though the call was added."""

    call: str  # the call's key
    field: str  # "recording" or "transcript"
    sentence: str


@record
class AddedCalls:
    edit: RoomEdit
    keys: tuple[str, ...]  # the new calls'
    media: tuple[Path, ...]  # the recordings, stored in the room with the edit
    problems: tuple[CallProblem, ...]


def add_calls_edit(room: RoomFile, calls: list[CallFiles], stage_key: str = "") -> AddedCalls:
    """The calls as one step of undo, in the stage ``stage_key`` (else the first). Refused (EditRefused naming
    the field) only for a file that is not a recording or a persona the room does not have."""
    stage = room.db.execute("SELECT id, name FROM stages WHERE key = ? OR ? = '' ORDER BY position LIMIT 1",
                            (stage_key, stage_key)).fetchone()
    if stage is None:
        raise EditRefused("Add a stage first: a call belongs to one.", "recording")
    taken = {key for (key,) in room.db.execute("SELECT key FROM calls")}
    changes: list[InsertRow | SetTranscript] = []
    problems: list[CallProblem] = []
    titles, keys = [], []
    for files in calls:
        recording = files.recording
        if not recording.is_file():
            raise EditRefused(f"{recording.name or recording} is not a file; choose a recording.", "recording")
        if recording.suffix.lower() not in RECORDINGS:
            raise EditRefused(f"{recording.name} is not a recording: choose a sound or video file, such as .mp3, "
                              ".wav, .m4a, .ogg or .mp4.", "recording")
        persona_id = _persona_id(room, files.persona)
        title = readable_title(recording.name)
        key = unused_key(slug(title, "call"), taken)
        taken.add(key)
        duration_ms, problem = _decoded(recording)
        if problem:
            problems.append(CallProblem(key, "recording", problem))
        lines: list[list] = []
        if files.transcript is not None:
            try:
                lines = [[s.start_ms, s.end_ms, s.speaker, s.text]
                         for s in read_transcript_file(files.transcript, duration_ms)]
            except TranscriptError as error:
                problems.append(CallProblem(key, "transcript", f"The call was added without a transcript, as "
                                                               f"{files.transcript.name} cannot be used: "
                                                               f"{str(error).rstrip('.')}."))
        changes.append(InsertRow("calls", {
            "key": key, "title": title, "stage_id": stage[0], "moment_id": None, "persona_id": persona_id,
            "media_sha256": file_sha256(recording), "kind": "video" if recording.suffix.lower() in VIDEO else "audio",
            "duration_ms": duration_ms, "consent": int(files.consent), "recorded_on": None, "summary": ""}))
        if lines:
            changes.append(SetTranscript(key, [], lines))
        titles.append(title)
        keys.append(key)
    if not titles:
        raise EditRefused("There was no recording to add.", "recording")
    what = f"the call '{titles[0]}'" if len(titles) == 1 else f"{len(titles)} calls"
    return AddedCalls(RoomEdit(f"Add {what} to '{stage[1]}'", tuple(changes)), tuple(keys),
                      tuple(files.recording for files in calls), tuple(problems))


def _persona_id(room: RoomFile, persona: str) -> int | None:
    if not persona:
        return None
    row = room.db.execute("SELECT id FROM personas WHERE key = ?", (persona,)).fetchone()
    if row is None:
        raise EditRefused(f"This room no longer has the persona '{persona}'; choose one of its personas.", "persona")
    return int(row[0])


def _decoded(recording: Path) -> tuple[int, str]:
    """The recording's decoded length in ms, and what is wrong with it as one sentence ("" when it plays)."""
    try:
        probe = probe_recording_file(recording)
    except VlcUnavailable as missing:
        return 0, (f"The call was added, but {recording.name} was not decoded, so its length is not known: "
                   f"{str(missing).rstrip('.')}.")
    if probe.problem:
        return 0, f"The call was added, but {recording.name} will not play fully: {probe.problem}."
    return probe.decoded_ms, ""


def set_transcript_edit(room: RoomFile, call_key: str, path: Path) -> RoomEdit | None:
    """A call's transcript replaced by the one in ``path``; None when it holds the same lines."""
    row = room.db.execute("SELECT id, title, duration_ms FROM calls WHERE key = ?", (call_key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no call '{call_key}'.", "transcript")
    try:
        segments = read_transcript_file(path, row[2])
    except TranscriptError as error:
        raise EditRefused(f"{path.name} cannot be used as a transcript: {str(error).rstrip('.')}.",
                          "transcript") from None
    if not segments:
        raise EditRefused(f"{path.name} holds no transcript lines.", "transcript")
    before = transcript_lines(room.db, row[0])
    after = [[s.start_ms, s.end_ms, s.speaker, s.text] for s in segments]
    if after == before:
        return None
    return RoomEdit(f"Set the transcript of '{row[1]}' from {path.name}", (SetTranscript(call_key, before, after),))


def set_persona_edit(room: RoomFile, call_key: str, persona: str) -> RoomEdit | None:
    """The persona a call is from, by key ("" for none); None when it is that already."""
    row = room.db.execute("SELECT title, persona_id FROM calls WHERE key = ?", (call_key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no call '{call_key}'.", "persona")
    persona_id = _persona_id(room, persona)
    if persona_id == row[1]:
        return None
    return RoomEdit(f"Change the persona of '{row[0]}'", (SetField("calls", call_key, "persona_id", row[1],
                                                                   persona_id),))


def persona_choices(room: RoomFile) -> list[tuple[str, str]]:
    """(key, name) of the personas a call may be from, "" first for none."""
    return [("", NO_PERSONA), *room.db.execute("SELECT key, name FROM personas ORDER BY id")]


def recorded_on_value(value: object, today: date | None = None) -> str | None:
    """A call's recorded date as the room keeps it (None for none), or EditRefused as `build` refuses it."""
    text = str(value or "").strip()
    if not text:
        return None
    problem = recorded_on_problem(text, today or date.today())
    if problem:
        raise EditRefused(f"{problem[0].upper()}{problem[1:]}.", "recorded_on")
    return text


def call_rows(room: RoomFile) -> list[tuple[str, dict[str, object]]]:
    """The calls for the editor's grid: their words, moment, date, consent and persona, and what their files
    hold; each with the moments its stage offers."""
    rows = []
    offered = moments_by_stage(room)
    for key, title, moment, recorded_on, summary, consent, persona, kind, duration_ms, lines, stage_id in \
            room.db.execute(
            "SELECT c.key, c.title, coalesce(m.key, ''), coalesce(c.recorded_on, ''), c.summary, c.consent, "
            "coalesce(p.key, ''), c.kind, c.duration_ms, "
            "(SELECT count(*) FROM transcript_segments t WHERE t.call_id = c.id), c.stage_id "
            "FROM calls c LEFT JOIN personas p ON p.id = c.persona_id LEFT JOIN moments m ON m.id = c.moment_id "
            "ORDER BY c.id"):
        seconds = round(duration_ms / 1000)
        length = f"{seconds // 60}:{seconds % 60:02d}" if duration_ms else "length not known"
        rows.append((key, {"title": title, "moment": moment, "recorded_on": recorded_on, "summary": summary,
                           "consent": consent, "persona": persona,
                           "transcript": f"{lines} line{'s' if lines != 1 else ''}" if lines else "none",
                           "recording": f"{kind}, {length}", MOMENT_CHOICES: offered.get(stage_id, NONE_OFFERED)}))
    return rows
