"""Before a room is built: will every file it names show on the walls and play in the room?

`build` decodes every artifact, persona photo and logo (opens it, counts its pages, draws the first
one small), reads every transcript and decodes every recording through libVLC to learn its real
length. Whatever will not show becomes a Placeholder that names the entry, the file and the reason;
`build` refuses them unless told to build anyway (`--allow-placeholders`).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from collections.abc import Callable

from ..domain.journey import TranscriptSegment
from ..domain.transcripts import TranscriptError
from .artifact_probe import artifact_problem
from .recording_probe import RecordingProbe, probe_recording_file
from .room_manifest import Manifest
from .transcript_files import read_transcript_file
from .vlc_backend import VlcUnavailable
from ..domain.records import record


@record
class Placeholder:
    """A file the room will show as a placeholder (or play without captions)."""

    entry: str  # "artifact 'claim-letter'"
    file: str  # the file's name as the source gives it
    reason: str  # lower-case, no full stop

    def __str__(self) -> str:
        return f"{self.entry} ({self.file}): {self.reason}"


@dataclass
class MaterialSurvey:
    placeholders: list[Placeholder] = field(default_factory=list)
    transcripts: dict[str, list[TranscriptSegment]] = field(default_factory=dict)  # call key -> its lines
    durations_ms: dict[str, int] = field(default_factory=dict)  # call key -> decoded length
    recordings_unchecked: str = ""  # why recordings were not decoded, if they were not


def refusal_sentence(placeholders: list[Placeholder]) -> str:
    """What `build` says when files will not show and placeholders were not allowed."""
    remedy = "fix the file or its entry, or build with --allow-placeholders to build the room anyway"
    if len(placeholders) == 1:
        return f"{placeholders[0]}; {remedy}."
    listed = "\n".join(f"  - {item}" for item in placeholders)
    return f"{len(placeholders)} files will not show in the room:\n{listed}\nFor each, {remedy}."


def survey_material(manifest: Manifest, *, probe_recordings: bool = True,
                    progress: Callable[[str], None] | None = None) -> MaterialSurvey:
    say = progress or (lambda message: None)
    survey = MaterialSurvey()
    for entry, relative, password, page in _pictures(manifest):
        reason = artifact_problem(manifest.path(relative, entry).read_bytes(), password, page)
        if reason:
            survey.placeholders.append(Placeholder(entry, relative, reason))
    calls = manifest.sections["calls"]
    recorded = [call for call in calls if call.get("file")]
    if probe_recordings and recorded:
        _survey_recordings(manifest, recorded, survey, say)
    for call in calls:
        if call.get("transcript"):
            where = f"call '{call['key']}'"
            path = manifest.path(call["transcript"], where)
            # a plain-text transcript's last line runs to the end of the recording, so it needs the length
            duration = int(call.get("duration_ms", 0)) or survey.durations_ms.get(call["key"], 0)
            try:
                survey.transcripts[call["key"]] = read_transcript_file(path, duration)
            except TranscriptError as problem:
                survey.placeholders.append(Placeholder(f"{where} transcript", call["transcript"], str(problem)))
    return survey


def _survey_recordings(manifest: Manifest, recorded: list[dict], survey: MaterialSurvey,
                       say: Callable[[str], None]) -> None:
    try:
        probes = _probe_all(manifest, recorded)
    except VlcUnavailable as problem:
        survey.recordings_unchecked = f"recordings were not decoded: {problem}"
        say(survey.recordings_unchecked)
        return
    for call, probe in zip(recorded, probes, strict=True):
        if probe.problem:
            survey.placeholders.append(Placeholder(f"call '{call['key']}'", call["file"], probe.problem))
        else:
            survey.durations_ms[call["key"]] = probe.decoded_ms
    say(f"{len(recorded)} recordings decoded")


def _pictures(manifest: Manifest) -> list[tuple[str, str, str | None, int]]:
    """(entry, file, password, page it opens at) of everything drawn on a wall: artifacts, persona photos,
    the logo."""
    found: list[tuple[str, str, str | None, int]] = []
    for artifact in manifest.sections["artifacts"]:
        if artifact.get("file"):
            page = artifact.get("page", 1)
            found.append((f"artifact '{artifact['key']}'", artifact["file"], artifact.get("password"),
                          page if isinstance(page, int) and not isinstance(page, bool) and page >= 1 else 1))
    for persona in manifest.sections["personas"]:
        if persona.get("photo"):
            found.append((f"persona '{persona['key']}' photo", persona["photo"], None, 1))
    if manifest.room.get("logo"):
        found.append(("the room's logo", manifest.room["logo"], None, 1))
    return found


def _probe_all(manifest: Manifest, calls: list[dict]) -> list[RecordingProbe]:
    """Decode the recordings two at a time: libVLC decodes on its own threads, so this halves the wait."""
    paths = [manifest.path(call["file"], f"call '{call['key']}'") for call in calls]
    expected = [int(call.get("duration_ms", 0)) for call in calls]
    workers = max(1, min(len(calls), (os.cpu_count() or 2), 4))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(probe_recording_file, paths, expected))
