"""Reading a room source folder's manifest (room.toml and the files it includes)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..domain.refusal import Refusal

SOURCE_FORMAT = 1
_LIST_SECTIONS = ("silos", "stages", "moments", "personas", "kpis", "artifacts", "calls", "sessions", "priorities")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class BuildError(Refusal):
    """A room source that cannot be built; the message names the file and the entry."""


@dataclass
class Manifest:
    folder: Path
    room: dict
    data: dict
    sections: dict[str, list[dict]]

    def path(self, relative: str, where: str) -> Path:
        target = (self.folder / relative).resolve()
        if not target.is_file():
            raise BuildError(f"{where}: the file '{relative}' does not exist in {self.folder}.")
        return target


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
        extra_path = folder / included
        if not extra_path.is_file():
            raise BuildError(f"{main_file}: the included file '{included}' does not exist.")
        extra = _load_toml(extra_path)
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
    return Manifest(folder, main["room"], main.get("data", {}), sections)
