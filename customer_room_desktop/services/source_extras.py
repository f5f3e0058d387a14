"""What a room source holds beyond the journey and the sessions: each call's bookmarked moments, and the
kiosk's programme and exit-PIN hash ([kiosk] in room.toml). Both come back from `customer-room export`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.kiosk_programme import ProgrammeError, programme_from_toml
from ..storage.room_file import now_iso
from ..storage.rows import insert_row
from .room_manifest import BuildError, Manifest
from .source_keys import SourceKeys

if TYPE_CHECKING:
    import sqlite_utils


def insert_bookmarks_and_kiosk(db: sqlite_utils.Database, manifest: Manifest, ids: SourceKeys) -> None:
    for call in manifest.sections["calls"]:
        where = f"call '{call['key']}'"
        for bookmark in call.get("bookmarks", []):
            in_ms, out_ms = int(bookmark["in_ms"]), int(bookmark["out_ms"])
            if not 0 <= in_ms < out_ms:
                raise BuildError(f"{where}: a bookmark must end after it starts (in_ms {in_ms}, out_ms {out_ms}).")
            insert_row(db, "call_bookmarks", {"call_id": ids.get("calls", call["key"], where),
                                              "label": str(bookmark.get("label", "")), "in_ms": in_ms,
                                              "out_ms": out_ms, "created_at": str(bookmark.get("created_at", ""))})
    kiosk = manifest.kiosk
    if not kiosk:
        return
    programme = ""
    if kiosk.get("programme"):
        path = manifest.path(kiosk["programme"], "room.toml [kiosk] programme")
        programme = path.read_text(encoding="utf-8")
        try:
            programme_from_toml(programme)
        except ProgrammeError as problem:
            raise BuildError(f"{path}: {problem}") from None
    insert_row(db, "kiosk", {"id": 1, "programme": programme, "pin_hash": str(kiosk.get("pin_hash", "")),
                             "updated_at": now_iso()})
