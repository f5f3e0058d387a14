"""The options of `customer-room open` that let something besides the console drive the live room: a
script on a local socket (--control) and phones on the room's network (--phones). Each is checked before
any window opens, so a bad folder or address is one sentence and exit status 2."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.refusal import Refusal


def add_live_options(open_parser: argparse.ArgumentParser) -> None:
    open_parser.add_argument(
        "--control", metavar="PATH",
        help="let a script drive the room: listen on a local socket at PATH, one JSON command a line")
    open_parser.add_argument(
        "--phones", metavar="ADDRESS[:PORT]",
        help="serve the phones' remote and dot vote on this one address of this computer (no port, or 0: "
             "any free one); its links and PIN are printed")


def live_options(args: argparse.Namespace) -> dict:
    """``run_live_room``'s keyword arguments for these options, refused in one sentence when unusable."""
    control = Path(args.control).expanduser() if args.control else None
    if control is not None and not control.parent.is_dir():
        raise Refusal(f"The folder {control.parent} for the control socket does not exist.")
    if args.phones is not None:
        from ..services.phone_server import parse_listen  # aiohttp loads only when phones are asked for

        parse_listen(args.phones)
    return {"control_path": control, "phones": args.phones}
