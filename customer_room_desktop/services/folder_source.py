"""A room made from a plain folder of a client's material (`customer-room new ROOM --from-folder DIR`).

Each subfolder of DIR is a stage, in natural order ("2 Buy" before "10 Renew"), named as written less a
leading number ("01 - ", "1_", "2."). Files at DIR's top level make a first stage, "Overview". Files in
deeper folders join the stage of the subfolder they are in. Each picture or PDF is an artifact, each
recording a call, with the transcript of the same name beside it when there is one. Hidden files and
the files operating systems leave behind are passed over silently; anything else that is not material
is listed as skipped, with the reason.

Only the file system and names are dealt with here: the result is a Manifest, which `build` checks and
writes like any room source (see room_builder.build_from_folder).
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..domain.room_edits import unused_key
from ..domain.transcripts import SUFFIXES as TRANSCRIPT_FORMATS
from .room_manifest import BuildError, Manifest
from ..domain.records import record

TOP_LEVEL_STAGE = "Overview"  # the stage that holds the files lying directly in DIR
PICTURES = {".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".webp", ".tif", ".tiff", ".bmp", ".heic", ".heif",
            ".avif"}
DOCUMENTS = {".pdf"}
AUDIO = {".wav", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wma", ".amr", ".aif", ".aiff", ".caf"}
VIDEO = {".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".3gp", ".mpg", ".mpeg", ".ts"}
TRANSCRIPTS = tuple(f".{suffix}" for suffix in ("srt", "vtt", "ass", "ssa", "txt") if suffix in TRANSCRIPT_FORMATS)
# what operating systems, sync tools and office programs leave in folders: never the client's material
_JUNK_FILES = {".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r", ".localized"}
_JUNK_FOLDERS = {"__macosx", "$recycle.bin", "system volume information", ".trashes", ".spotlight-v100",
                 ".fseventsd"}
_UNSHOWN = {  # files a client folder often holds, and what to do with them
    (".doc", ".docx", ".odt", ".rtf", ".pages"): "a text document; save it as a PDF to show it",
    (".xls", ".xlsx", ".ods", ".csv", ".numbers"): "a spreadsheet; save it as a PDF to show it, or bring its "
                                                   "rows in with customer-room import",
    (".ppt", ".pptx", ".odp", ".key"): "a presentation; save it as a PDF to show it",
    (".eml", ".msg"): "an e-mail file; save or print it as a PDF to show it",
    (".htm", ".html", ".mht", ".mhtml"): "a web page; save or print it as a PDF to show it",
    (".zip", ".7z", ".rar", ".tar", ".gz"): "an archive; unpack it into the folder first",
    (".svg", ".eps", ".ai", ".psd"): "a drawing this room cannot show; export it as PNG or PDF",
}
_LEADING_NUMBER = re.compile(r"^[0-9]+(?:\s*[-_.)]+\s*|\s+)(?=\S)")
_LANGUAGE_TAG = re.compile(r"\.[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?$")  # "call.en.vtt", "call.en-GB.srt"
_FOLDED = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
                         "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "ı": "i"})
_KIND_WORDS = {"invoice": "invoice", "invoices": "invoice", "bill": "invoice", "receipt": "invoice",
               "letter": "letter", "letters": "letter", "form": "form", "forms": "form",
               "screenshot": "screenshot", "screenshots": "screenshot", "screen": "screenshot",
               "email": "email", "contract": "contract", "brochure": "brochure",
               "leaflet": "brochure", "statement": "statement", "notice": "notice"}


@record
class SkippedFile:
    path: str  # relative to the folder, "/" between folders
    reason: str  # lower case, no full stop


@dataclass
class FolderStage:
    key: str
    name: str
    artifacts: list[dict] = field(default_factory=list)
    calls: list[dict] = field(default_factory=list)


class _Unshown(Protocol):  # material_survey.Placeholder, without importing what decodes files
    @property
    def file(self) -> str: ...

    @property
    def reason(self) -> str: ...


@dataclass
class FolderSource:
    folder: Path
    name: str
    stages: list[FolderStage]
    skipped: list[SkippedFile]

    def manifest(self) -> Manifest:
        sections: dict[str, list[dict]] = {name: [] for name in (
            "silos", "stages", "moments", "personas", "kpis", "artifacts", "calls", "sessions", "priorities")}
        for stage in self.stages:
            sections["stages"].append({"key": stage.key, "name": stage.name})
            sections["artifacts"] += stage.artifacts
            sections["calls"] += stage.calls
        return Manifest(self.folder, {"name": self.name}, {}, sections)

    def report(self, output: Path, placeholders: list[_Unshown], recordings_unchecked: str = "") -> list[str]:
        """The lines `new --from-folder` prints: each stage, each skipped file and placeholder, a summary."""
        lines = [f"Stage {number} '{stage.name}': {_count(len(stage.artifacts), 'artifact')}, "
                 f"{_count(len(stage.calls), 'call')}" for number, stage in enumerate(self.stages, start=1)]
        lines += [f"  skipped {item.path}: {item.reason}" for item in self.skipped]
        lines += [f"  placeholder {item.file}: {item.reason}" for item in placeholders]
        calls = [call for stage in self.stages for call in stage.calls]
        unread = {item.file for item in placeholders}
        captioned = sum(1 for call in calls if call.get("transcript") and call["transcript"] not in unread)
        artifacts = sum(len(stage.artifacts) for stage in self.stages)
        lines.append(f"Made the room '{self.name}' at {output}: {_count(len(self.stages), 'stage')}, "
                     f"{_count(artifacts, 'artifact')}, {_count(len(calls), 'call')} ({captioned} with a transcript); "
                     f"{_count(len(self.skipped), 'file')} skipped, {_count(len(placeholders), 'placeholder')}.")
        if recordings_unchecked:
            lines.append(recordings_unchecked[:1].upper() + recordings_unchecked[1:].rstrip(".") + ".")
        silent = sum(1 for call in calls if not call["consent"])
        if silent:
            were, they = ("call was", "it shows its") if silent == 1 else ("calls were", "they show their")
            lines.append(f"{silent} {were} added without consent recorded: {they} transcript only until consent "
                         "is set (make the room again with --consent once every caller has agreed).")
        return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def natural_key(text: str) -> tuple:
    """Sorts "2 Buy" before "10 Renew", ignoring case and accents, as file managers do."""
    parts = re.split(r"([0-9]+)", fold_accents(text).casefold())
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts if part), text


def stage_name(folder_name: str) -> str:
    """A folder's name as a stage's: as written, less a leading number and its separator."""
    name = folder_name.strip()
    return _LEADING_NUMBER.sub("", name, count=1).strip() or name or folder_name


def readable_title(file_name: str) -> str:
    """"claim_form-2024-03-14.pdf" -> "Claim form 2024-03-14": no extension, underscores and hyphens as
    spaces (a hyphen between digits, as in a date, stays), the first letter a capital."""
    stem = Path(file_name).stem
    text = " ".join(re.sub(r"_|(?<![0-9])-|-(?![0-9])", " ", stem).split())
    if not text:
        return file_name
    return text[0].upper() + text[1:]


def slug(text: str, fallback: str) -> str:
    """A key from a name: lower-case ASCII letters, digits and hyphens, starting with a letter or digit."""
    words = re.sub(r"[^a-z0-9]+", "-", fold_accents(text).lower()).strip("-")
    return words[:60].rstrip("-") or fallback


class _Keys:
    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, text: str, fallback: str) -> str:
        key = unused_key(slug(text, fallback), self.taken)
        self.taken.add(key)
        return key


def scan_folder(folder: str | Path, *, name: str | None = None, consent: bool = False) -> FolderSource:
    """The stages, artifacts and calls ``folder`` holds, and the files passed over; refused in one
    sentence when the folder is missing, is a room source already, or holds nothing to show."""
    folder = Path(folder)
    if not folder.exists():
        raise BuildError(f"{folder} does not exist; give the folder that holds the client's material.")
    if not folder.is_dir():
        raise BuildError(f"{folder} is a file, not a folder; give the folder that holds the client's material.")
    if (folder / "room.toml").is_file():
        raise BuildError(f"{folder} is a room source (it has a room.toml): build it with "
                         f"customer-room build {folder} -o ROOM instead.")
    skipped: list[SkippedFile] = []
    try:
        root = folder.resolve()
        top_files, subfolders = _listing(folder, "", root, skipped)
        groups = [(TOP_LEVEL_STAGE, top_files, False)] + [
            (stage_name(sub.name), _files_under(sub, sub.name, root, skipped), True)
            for sub in sorted(subfolders, key=lambda path: natural_key(path.name))]
    except OSError as error:
        raise BuildError(f"{folder} cannot be read ({error.strerror or 'the disk refused it'}).") from None
    keys = {"stages": _Keys(), "artifacts": _Keys(), "calls": _Keys()}
    stages = []
    for title, files, kept_empty in groups:
        stage = FolderStage(keys["stages"].make(title, "stage"), title)
        _fill_stage(stage, files, keys, consent, skipped)
        if kept_empty or stage.artifacts or stage.calls:
            stages.append(stage)
        else:  # DIR's top level holds nothing to show: no "Overview" stage, and its key is free again
            keys["stages"].taken.discard(stage.key)
    if not any(stage.artifacts or stage.calls for stage in stages):
        passed = f" ({_count(len(skipped), 'file')} skipped)" if skipped else ""
        raise BuildError(f"{folder} holds no pictures, PDFs or recordings to make a room from{passed}.")
    skipped.sort(key=lambda item: natural_key(item.path))
    room_name = (name if name is not None else folder.resolve().name).strip() or "Customer Room"
    return FolderSource(folder, room_name, stages, skipped)


def _listing(folder: Path, relative: str, root: Path, skipped: list[SkippedFile]) -> tuple[list[str], list[Path]]:
    """(files, real subfolders) directly in ``folder``; links, junk and the unreadable are sorted out here.
    ``root`` is the scanned folder, resolved: a link may lead anywhere inside it."""
    files, folders = [], []
    with os.scandir(folder) as entries:
        listed = sorted(entries, key=lambda entry: entry.name)
    for entry in listed:
        path = f"{relative}/{entry.name}" if relative else entry.name
        lowered = entry.name.lower()
        if entry.name.startswith((".", "~$")) or lowered in _JUNK_FILES or lowered in _JUNK_FOLDERS:
            continue
        if entry.is_dir(follow_symlinks=False):
            folders.append(Path(entry.path))
            continue
        reason = _unusable(Path(entry.path), root, entry.is_symlink())
        if reason:
            skipped.append(SkippedFile(path, reason))
        else:
            files.append(path)
    return files, folders


def _unusable(path: Path, root: Path, linked: bool) -> str | None:
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except (OSError, RuntimeError):
        return "it is a link to a file that is not there" if linked else "it cannot be read"
    if stat.S_ISDIR(mode):
        return "it is a link to a folder, which is not followed"
    if linked and not target.is_relative_to(root):
        return "it is a link to a file outside the folder; copy the file in instead"
    if not stat.S_ISREG(mode):
        return "it is not a regular file"
    if not os.access(target, os.R_OK):
        return "it cannot be read (permission denied)"
    return None


def _files_under(folder: Path, relative: str, root: Path, skipped: list[SkippedFile]) -> list[str]:
    """Every file in ``folder`` and the folders below it, relative to the scanned folder, in natural order."""
    try:
        files, folders = _listing(folder, relative, root, skipped)
    except OSError as error:
        skipped.append(SkippedFile(relative, f"the folder cannot be read ({error.strerror or 'the disk refused it'})"))
        return []
    for sub in folders:
        files += _files_under(sub, f"{relative}/{sub.name}", root, skipped)
    return sorted(files, key=lambda path: [natural_key(part) for part in path.split("/")])


def _fill_stage(stage: FolderStage, files: list[str], keys: dict[str, _Keys], consent: bool,
                skipped: list[SkippedFile]) -> None:
    transcripts = [path for path in files if path.lower().endswith(TRANSCRIPTS)]
    for path in files:
        suffix = Path(path).suffix.lower()
        title = readable_title(Path(path).name)
        if suffix in PICTURES or suffix in DOCUMENTS:
            stage.artifacts.append({"key": keys["artifacts"].make(title, "artifact"), "title": title,
                                    "kind": artifact_kind(title), "stage": stage.key, "file": path})
        elif suffix in AUDIO or suffix in VIDEO:
            call = {"key": keys["calls"].make(title, "call"), "title": title, "stage": stage.key,
                    "kind": "video" if suffix in VIDEO else "audio", "file": path, "consent": consent}
            stage.calls.append(call)
        elif path not in transcripts:
            skipped.append(SkippedFile(path, _unshown_reason(suffix)))
    used = _pair_transcripts(stage.calls, transcripts)
    for path in transcripts:
        if path not in used:
            what = "a text file" if path.lower().endswith(".txt") else "a transcript"
            skipped.append(SkippedFile(path, f"{what} with no recording of the same name in its stage"))


def _pair_transcripts(calls: list[dict], transcripts: list[str]) -> set[str]:
    """Give each call the transcript of its name (by preference .srt, .vtt, .ass, .ssa, .txt): the one beside
    it, else one elsewhere in the stage's folder ("calls/renewal.mp3" and "transcripts/renewal.srt")."""
    used: set[str] = set()
    for call in calls:
        recording = Path(call["file"])
        named = [path for path in transcripts if recording.stem.casefold() in (
            Path(path).stem.casefold(), _LANGUAGE_TAG.sub("", Path(path).stem).casefold())]
        matches = [path for path in named if Path(path).parent == recording.parent] or named
        if matches:
            chosen = min(matches, key=lambda path: (TRANSCRIPTS.index(Path(path).suffix.lower()), path))
            call["transcript"] = chosen
            used.add(chosen)
    return used


def transcript_for(recording: Path) -> Path | None:
    """The transcript the folder import would give the recording at ``recording``: the one of the same name
    in its folder ("call.srt", "call.en.vtt"; .srt first, then .vtt, .ass, .ssa, .txt), or None."""
    try:
        names = sorted(entry.name for entry in os.scandir(recording.parent)
                       if entry.name.lower().endswith(TRANSCRIPTS) and entry.is_file())
    except OSError:
        return None
    call = {"file": recording.name}
    _pair_transcripts([call], names)
    return recording.parent / call["transcript"] if "transcript" in call else None


def artifact_kind(title: str) -> str:
    """The kind a word of the title names ("Renewal letter" is a letter), else "other"."""
    return next((_KIND_WORDS[word] for word in slug(title, "").split("-") if word in _KIND_WORDS), "other")


def _unshown_reason(suffix: str) -> str:
    if not suffix:
        return "it has no extension, so what it holds is not known (name it .pdf, .png, .jpg, .mp3 or the like)"
    for suffixes, reason in _UNSHOWN.items():
        if suffix in suffixes:
            return reason
    return f"'{suffix}' files are not pictures, PDFs or recordings this room can show"
