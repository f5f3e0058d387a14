"""The kiosk's programme and exit PIN, kept in the room (a kiosk room carries its own loop anywhere).

The programme is kept as the TOML text it is edited as, checked before it is saved; the PIN only as a
salted scrypt hash. A room with no programme of its own loops the default one (domain.kiosk_defaults).
"""

from __future__ import annotations

from ..domain.kiosk_programme import KioskProgramme, programme_from_toml, programme_to_toml
from .room_file import RoomFile, now_iso


def _row(room: RoomFile) -> tuple[str, str] | None:
    row = room.db.execute("SELECT programme, pin_hash FROM kiosk WHERE id = 1").fetchone()
    return (row[0], row[1]) if row else None


def stored_programme(room: RoomFile) -> KioskProgramme | None:
    """The room's own programme, or None when it has none (or what it holds can no longer be read)."""
    row = _row(room)
    if row is None or not row[0].strip():
        return None
    return programme_from_toml(row[0])


def save_programme(room: RoomFile, programme: KioskProgramme, heading: str = "") -> None:
    text = programme_to_toml(programme, heading)
    with room.transaction() as db:
        db.execute("INSERT INTO kiosk (id, programme, updated_at) VALUES (1, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET programme = excluded.programme, updated_at = excluded.updated_at",
                   (text, now_iso()))


def pin_hash(room: RoomFile) -> str:
    """The stored hash of the exit PIN; "" when none is set."""
    row = _row(room)
    return row[1] if row else ""


def save_pin_hash(room: RoomFile, hashed: str) -> None:
    with room.transaction() as db:
        db.execute("INSERT INTO kiosk (id, pin_hash, updated_at) VALUES (1, ?, ?) "
                   "ON CONFLICT(id) DO UPDATE SET pin_hash = excluded.pin_hash, updated_at = excluded.updated_at",
                   (hashed, now_iso()))
