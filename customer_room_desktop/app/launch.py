"""The program's entry point, `customer-room`: the cycle collector is paused before anything is imported
(services/start_up_collection.py says why), and resumed once the room is on screen (run_room) or a
command that opens no room live begins (cli.main)."""

from __future__ import annotations

from ..services import start_up_collection


def main(argv: list[str] | None = None) -> int:
    start_up_collection.pause()
    from .cli import main as run_command  # noqa: PLC0415 - imported with the collector paused

    return run_command(argv)
