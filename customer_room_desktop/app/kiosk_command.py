"""The work of `customer-room kiosk` (cli_kiosk.py says what it does), and the room's programme as the
kiosk player reads it. Kept apart from the command's parser so that other commands, `open` above all,
load none of the kiosk's modules (its programme, TOML reader, PIN hashing and store).
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
from ..services.session_wall_data import latest_celebration
from ..storage.kiosk_store import save_pin_hash, save_programme, stored_programme
from ..storage.room_file import RoomFile
from ..storage.room_reading import room_failures
from .paths import user_state_dir

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
    return default_programme(stages, latest_celebration(room) is not None)


def check_calls(room: RoomFile, programme: KioskProgramme) -> None:
    """Every call a step names is in the room; refused in one sentence otherwise."""
    for number, step in enumerate(programme.steps, start=1):
        if step.call and room.db.execute("SELECT 1 FROM calls WHERE key = ?", (step.call,)).fetchone() is None:
            raise ProgrammeError(f"Step {number} of the programme names the call '{step.call}', which this room "
                                 "does not have.")


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
        check_calls(room, programme)
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


def run_kiosk_command(args: argparse.Namespace) -> int:
    room_path = Path(args.room)
    if not args.edit_programme and not args.set_pin:
        return _run_kiosk(room_path)
    with room_failures(args.room):
        if args.edit_programme:
            print(_edit_programme(room_path, Path(args.edit_programme)))
        if args.set_pin:
            hashed = hash_pin(check_new_pin(_ask_pin()))
            with RoomFile.open(room_path) as room:
                save_pin_hash(room, hashed)
            print("The kiosk's exit PIN is set (the room keeps only a salted hash of it).")
    return 0


def _run_kiosk(room_path: Path) -> int:
    """Check the room and its programme now (a bad one is named before any window), then supervise."""
    with room_failures(str(room_path)), RoomFile.open(room_path, read_only=True) as room:
        check_calls(room, room_programme(room))
    from .kiosk_supervisor import Supervisor  # noqa: PLC0415 - `open` and the other commands never need it

    state_dir = user_state_dir() / "kiosk" / room_path.stem
    player = [sys.executable, "-m", "customer_room_desktop.app.kiosk_player", str(room_path.resolve()),
              str(state_dir)]
    supervisor = Supervisor(player, [*player, "--safe-screen"], state_dir)
    print(f"customer-room: the kiosk runs {room_path.name}; its log is {state_dir / 'kiosk.log'}.", flush=True)
    return supervisor.run()
