"""`customer-room edit ROOM`: the room editor (app/editor_session.py, app/room_editor.py), on a new room file
when ROOM does not exist."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..storage.room_reading import room_failures
from .qt_import import import_qt


def cmd_edit(args: argparse.Namespace) -> int:
    import_qt()  # Qt only for the commands that show windows
    from .editor_session import run_editor

    with room_failures(args.room):
        return run_editor(Path(args.room))


def add_edit_parser(commands) -> None:  # noqa: ANN001 - argparse's private subparsers type
    edit = commands.add_parser(
        "edit", help="edit a room in a window: its stages, in order, with their words (a new room if ROOM is new)",
        description="Edit a room without writing TOML: drag stages into order, duplicate one, change their words "
                    "and see the stage's wall as you go. Every change is saved at once; undo and redo (Ctrl+Z, "
                    "Ctrl+Shift+Z) keep working after the room is closed and opened again.")
    edit.add_argument("room")
    edit.set_defaults(run=cmd_edit)
