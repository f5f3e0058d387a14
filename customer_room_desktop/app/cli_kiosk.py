"""`customer-room kiosk ROOM`: the kiosk's programme and exit PIN, kept in the room.

--edit-programme FILE.toml writes the room's programme to FILE when FILE does not exist (edit it), and
loads FILE into the room when it does (checked first: a bad file changes nothing). --set-pin asks for a
new PIN twice (or reads one line from standard input when it is not a terminal).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..domain.kiosk_defaults import default_programme
from ..domain.kiosk_pin import check_new_pin, hash_pin
from ..domain.kiosk_programme import KioskProgramme, ProgrammeError, programme_from_toml, programme_to_toml
from ..domain.refusal import Refusal
from ..storage.kiosk_store import save_pin_hash, save_programme, stored_programme
from ..storage.room_file import RoomFile
from ..storage.room_reading import room_failures

EDIT_HEADING = ("The kiosk's programme: a loop of steps, each giving the view of every wall (wall 1, wall 2...)\n"
                "and its seconds; an optional call plays muted with captions unless sound = true.\n"
                "Opening hours go in [schedule]. Load it back with: customer-room kiosk ROOM --edit-programme FILE")


class KioskUsageError(Refusal, ValueError):
    """A kiosk command that cannot be carried out as asked; the message is the sentence to show."""


def room_programme(room: RoomFile) -> KioskProgramme:
    """The room's own programme, else the default one for its journey."""
    own = stored_programme(room)
    if own is not None:
        return own
    stages = room.db.execute("SELECT count(*) FROM stages").fetchone()[0]
    recognised = room.db.execute("SELECT count(*) FROM recognitions").fetchone()[0] > 0
    return default_programme(stages, recognised)


def _edit_programme(room_path: Path, file: Path) -> str:
    if not file.exists():
        with RoomFile.open(room_path, read_only=True) as room:
            programme = room_programme(room)
        file.write_text(programme_to_toml(programme, EDIT_HEADING), encoding="utf-8")
        return (f"Wrote the programme ({len(programme.steps)} steps) to {file}; edit it, then run the same "
                "command again to load it into the room.")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ProgrammeError(f"{file} is not a text file in UTF-8.") from None
    programme = programme_from_toml(text)
    with RoomFile.open(room_path) as room:
        save_programme(room, programme)
    seconds = programme.loop_seconds
    return f"Loaded {len(programme.steps)} steps into the room: one loop takes {seconds // 60}:{seconds % 60:02d}."


def _ask_pin() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("New kiosk PIN: ")
    if getpass.getpass("The same PIN again: ") != first:
        raise KioskUsageError("The two PINs differ; nothing was changed.")
    return first


def cmd_kiosk(args: argparse.Namespace) -> int:
    room_path = Path(args.room)
    if not args.edit_programme and not args.set_pin:
        raise KioskUsageError("Running the kiosk is not in this version yet; it can edit the kiosk's programme "
                              "(--edit-programme FILE.toml) and set its exit PIN (--set-pin).")
    with room_failures(args.room):
        if args.edit_programme:
            print(_edit_programme(room_path, Path(args.edit_programme)))
        if args.set_pin:
            hashed = hash_pin(check_new_pin(_ask_pin()))
            with RoomFile.open(room_path) as room:
                save_pin_hash(room, hashed)
            print("The kiosk's exit PIN is set (the room keeps only a salted hash of it).")
    return 0


def add_kiosk_parser(commands) -> None:  # noqa: ANN001 - argparse's private subparsers type
    kiosk = commands.add_parser("kiosk", help="the kiosk's programme and exit PIN, kept in the room",
                                description=__doc__.split("\n\n", 1)[1])
    kiosk.add_argument("room")
    kiosk.add_argument("--edit-programme", metavar="FILE.toml",
                       help="write the programme to FILE if it does not exist, else load FILE into the room")
    kiosk.add_argument("--set-pin", action="store_true", help="set the PIN that leaves the kiosk")
    kiosk.set_defaults(run=cmd_kiosk)
