"""The silos a moment of truth concerns, chosen in the editor among the room's silos (one step of undo each
time the choice changes); and the moment of truth an artifact or a call belongs to, chosen among its stage's."""

from __future__ import annotations

from ..domain.room_edits import EditRefused, RoomEdit, SetField, SetMomentSilos
from ..storage.room_edit_store import moment_silo_keys
from ..storage.room_file import RoomFile


def silo_choices(room: RoomFile) -> list[tuple[str, str]]:
    """(key, name) of every silo of the room, in the order they were made."""
    return list(room.db.execute("SELECT key, name FROM silos ORDER BY id"))


def silos_by_moment(room: RoomFile) -> dict[str, tuple[str, ...]]:
    """moment key -> the keys of its silos, for every moment that has any."""
    found: dict[str, list[str]] = {}
    for moment, silo in room.db.execute("SELECT m.key, s.key FROM moment_silos ms "
                                        "JOIN moments m ON m.id = ms.moment_id JOIN silos s ON s.id = ms.silo_id "
                                        "ORDER BY ms.rowid"):
        found.setdefault(moment, []).append(silo)
    return {moment: tuple(silos) for moment, silos in found.items()}


def set_moment_silos_edit(room: RoomFile, moment_key: str, chosen: list[str]) -> RoomEdit | None:
    """The moment concerns the silos ``chosen`` (keys): those it had keep their order, new ones follow in the
    room's order of silos. None when it does already; refused, naming the field, for a silo the room does not
    have."""
    row = room.db.execute("SELECT id, name FROM moments WHERE key = ?", (moment_key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no moment of truth '{moment_key}'.", "silos")
    silos = silo_choices(room)
    if not silos:
        raise EditRefused("This room has no silos yet: add them on the Silos tab, then choose them here.", "silos")
    names = dict(silos)
    for key in chosen:
        if key not in names:
            raise EditRefused(f"This room no longer has the silo '{key}'; choose among {_listed(names.values())}.",
                              "silos")
    before = moment_silo_keys(room.db, row[0])
    after = tuple(key for key in before if key in chosen) + tuple(key for key, _ in silos
                                                                  if key in chosen and key not in before)
    if after == before:
        return None
    return RoomEdit(f"Change the silos of '{row[1]}'", (SetMomentSilos(moment_key, before, after),))


def _listed(names) -> str:  # noqa: ANN001 - any iterable of names
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


NO_MOMENT = "No moment of truth"
MOMENT_CHOICES = "choices:moment"  # in a grid row's values: the moments its stage offers
NONE_OFFERED = [("", NO_MOMENT)]  # what a stage without moments of truth offers


def moment_choices(room: RoomFile) -> list[tuple[str, str]]:
    """(key, name) of every moment of truth, "" first for none: the names the grids show."""
    return [("", NO_MOMENT), *room.db.execute("SELECT key, name FROM moments ORDER BY id")]


def moments_by_stage(room: RoomFile) -> dict[int, list[tuple[str, str]]]:
    """stage id -> (key, name) of the moments an artifact or a call of that stage may belong to, "" first."""
    found: dict[int, list[tuple[str, str]]] = {}
    for stage_id, key, name in room.db.execute("SELECT stage_id, key, name FROM moments ORDER BY id"):
        found.setdefault(stage_id, [("", NO_MOMENT)]).append((key, name))
    return found


def set_moment_edit(room: RoomFile, table: str, key: str, moment: str) -> RoomEdit | None:
    """The moment of truth (by key, "" for none) an artifact or a call belongs to, among its stage's; None when
    it belongs to it already."""
    if table not in ("artifacts", "calls"):
        raise EditRefused(f"The editor does not choose a moment of truth for {table}.", "moment")
    row = room.db.execute(f"SELECT t.title, t.moment_id, t.stage_id, s.name FROM {table} t "
                          "JOIN stages s ON s.id = t.stage_id WHERE t.key = ?", (key,)).fetchone()
    if row is None:
        raise EditRefused(f"This room has no {table[:-1]} '{key}'.", "moment")
    title, before, stage_id, stage = row
    after = None
    if moment:
        found = room.db.execute("SELECT id, stage_id, name FROM moments WHERE key = ?", (moment,)).fetchone()
        if found is None:
            raise EditRefused(f"This room no longer has the moment of truth '{moment}'; choose one of the stage's "
                              "moments.", "moment")
        if found[1] != stage_id:
            raise EditRefused(f"'{found[2]}' is a moment of another stage; choose one of the moments of '{stage}'.",
                              "moment")
        after = found[0]
    if after == before:
        return None
    return RoomEdit(f"Change the moment of truth of '{title}'", (SetField(table, key, "moment_id", before, after),))
