"""Reading a room source folder's manifest (room.toml and the files it includes)."""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.refusal import Refusal

SOURCE_FORMAT = 1
_LIST_SECTIONS = ("silos", "stages", "moments", "personas", "kpis", "artifacts", "calls", "sessions", "priorities")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATA_ENTRIES = {"complaints": "complaints", "kpi_readings": "kpis", "survey_results": "surveys",
                "customer_assets": "assets", "lost_reasons": "lost-reasons"}  # [data] entry -> import kind


class BuildError(Refusal):
    """A room source that cannot be built; the message names the file and the entry."""


@dataclass
class Manifest:
    folder: Path
    room: dict
    data: dict
    sections: dict[str, list[dict]]
    kiosk: dict = field(default_factory=dict)  # [kiosk]: programme (a TOML file) and pin_hash

    def path(self, relative: str, where: str) -> Path:
        """The file ``relative`` names, resolved; refused unless it is a regular file inside the folder."""
        return confined_file(self.folder, relative, where)


def confined_file(folder: Path, relative: object, where: str) -> Path:
    """Resolve ``relative`` (symlinks followed) to a regular file inside ``folder``, or refuse naming ``where``.

    A room is handed to clients: a file from outside its source folder (``../../etc/passwd``, an absolute
    path, a link to ``/etc/hostname``) would carry the builder's own files into it.
    """
    if not isinstance(relative, str) or not relative.strip():
        raise BuildError(f"{where}: give the file as a path inside the room source folder, in quotes.")
    if Path(relative).is_absolute():
        raise BuildError(f"{where}: '{relative}' is an absolute path; copy the file into the room source folder "
                         "and give its path relative to the folder.")
    root = folder.resolve()
    try:
        target = (root / relative).resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise BuildError(f"{where}: '{relative}' is a link that leads round in a loop, not a file.") from None
    if not target.is_relative_to(root):
        lexical = Path(os.path.normpath(root / relative))
        how = "links to a file" if lexical.is_relative_to(root) else "is"
        raise BuildError(f"{where}: '{relative}' {how} outside the room source folder; copy the file into the folder.")
    try:
        mode = target.stat().st_mode
    except OSError:
        raise BuildError(f"{where}: the file '{relative}' does not exist in {folder}.") from None
    if not stat.S_ISREG(mode):
        raise BuildError(f"{where}: '{relative}' is not a regular file (it is {_kind(mode)}).")
    if not os.access(target, os.R_OK):
        raise BuildError(f"{where}: '{relative}' cannot be read (permission denied); make it readable.")
    return target


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "neither a file nor a folder"


def named_files(manifest: Manifest) -> list[tuple[str, object]]:
    """(entry, path as written) of every file the manifest names and build reads, include files aside."""
    named: list[tuple[str, object]] = []
    if manifest.room.get("logo"):
        named.append(("room.toml [room] logo", manifest.room["logo"]))
    for entry in DATA_ENTRIES:
        if manifest.data.get(entry):
            named.append((f"room.toml [data] {entry}", manifest.data[entry]))
    for artifact in manifest.sections["artifacts"]:
        if artifact.get("file"):
            named.append((f"artifact '{artifact['key']}' file", artifact["file"]))
    for persona in manifest.sections["personas"]:
        if persona.get("photo"):
            named.append((f"persona '{persona['key']}' photo", persona["photo"]))
    for call in manifest.sections["calls"]:
        for name in ("file", "transcript"):
            if call.get(name):
                named.append((f"call '{call['key']}' {name}", call[name]))
    if manifest.kiosk.get("programme"):
        named.append(("room.toml [kiosk] programme", manifest.kiosk["programme"]))
    return named


def _load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise BuildError(f"{path} is not valid TOML ({error}).") from None


def load_manifest(folder: str | Path) -> Manifest:
    folder = Path(folder)
    main_file = folder / "room.toml"
    if not main_file.is_file():
        raise BuildError(f"{folder} is not a room source: it has no room.toml.")
    main = _load_toml(main_file)
    if main.get("format", SOURCE_FORMAT) > SOURCE_FORMAT:
        raise BuildError(f"{main_file} uses source format {main['format']}; "
                         f"this version builds format {SOURCE_FORMAT}.")
    if "room" not in main or not str(main["room"].get("name", "")).strip():
        raise BuildError(f"{main_file}: the [room] table needs a name.")
    sections: dict[str, list[dict]] = {name: list(main.get(name, [])) for name in _LIST_SECTIONS}
    for included in main.get("include", []):
        extra = _load_toml(confined_file(folder, included, "room.toml include"))
        for name in _LIST_SECTIONS:
            sections[name].extend(extra.get(name, []))
    for name, entries in sections.items():
        seen: set[str] = set()
        for position, entry in enumerate(entries, start=1):
            key = entry.get("key")
            if not isinstance(key, str) or not _KEY.match(key):
                raise BuildError(f"{folder}: {name} entry {position} needs a key of lower-case letters, digits "
                                 f"and hyphens (found {key!r}).")
            if key in seen:
                raise BuildError(f"{folder}: two {name} entries share the key '{key}'.")
            seen.add(key)
    manifest = Manifest(folder, main["room"], main.get("data", {}), sections, main.get("kiosk", {}))
    for where, relative in named_files(manifest):  # every file is confined before any is read
        confined_file(folder, relative, where)
    return manifest
