"""`customer-room kiosk ROOM`: the room loops its programme unattended, full screen on every screen, under a
supervisor that brings it back (app/kiosk_supervisor.py); and the kiosk's programme and exit PIN, kept in the
room.

--edit-programme FILE.toml writes the room's programme to FILE when FILE does not exist (edit it), and
loads FILE into the room when it does (checked first: a bad file changes nothing). --set-pin asks for a
new PIN twice (or reads one line from standard input when it is not a terminal).
"""

from __future__ import annotations

import argparse


def cmd_kiosk(args: argparse.Namespace) -> int:
    from .kiosk_command import run_kiosk_command  # noqa: PLC0415 - the kiosk's modules, for this command only

    return run_kiosk_command(args)


def add_kiosk_parser(commands) -> None:  # noqa: ANN001 - argparse's private subparsers type
    kiosk = commands.add_parser("kiosk", help="the kiosk's programme and exit PIN, kept in the room",
                                description=__doc__.split("\n\n", 1)[1])
    kiosk.add_argument("room")
    kiosk.add_argument("--edit-programme", metavar="FILE.toml",
                       help="write the programme to FILE if it does not exist, else load FILE into the room")
    kiosk.add_argument("--set-pin", action="store_true", help="set the PIN that leaves the kiosk")
    kiosk.set_defaults(run=cmd_kiosk)
