"""`customer-room export ROOM DIR`: the room as a room source folder (room.toml, CSVs, media, transcripts)
that `customer-room build` turns back into a room with the same content. The output is deterministic, so
a small change to a room is a small change to the folder, fit for version control."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..storage.room_file import RoomFile
from ..storage.room_reading import room_failures


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.room_export import export_room  # noqa: PLC0415 - `open` and the other commands never need it

    with room_failures(args.room), RoomFile.open(args.room, read_only=True) as room:
        written = export_room(room, Path(args.folder), replace=args.force)
    print(f"Exported {args.room} to {args.folder}: {written.files} files ({written.media} media, "
          f"{written.rows:,} rows of data); build it again with: customer-room build {args.folder} -o ROOM.croom")
    return 0


def add_export_parser(commands) -> None:  # noqa: ANN001 - argparse's private subparsers type
    export = commands.add_parser("export", help="write a room as a room source folder, for version control",
                                 description=__doc__.split("\n\n", 1)[0].replace("\n", " "))
    export.add_argument("room")
    export.add_argument("folder", help="the folder to write (created; must be empty unless --force)")
    export.add_argument("--force", action="store_true",
                        help="write into a folder that is not empty, replacing what a previous export wrote")
    export.set_defaults(run=cmd_export)
