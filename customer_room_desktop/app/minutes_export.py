"""`customer-room minutes` and the console's minutes button: one session's minutes into one file."""

from __future__ import annotations

import os
from pathlib import Path

from ..services.minutes import Minutes, MinutesError, find_session, gather_minutes
from ..services.minutes_text import commitments_csv, to_markdown
from ..storage.room_file import RoomFile

FORMATS = ("pdf", "md", "html", "csv")


def format_of(output: Path, asked: str | None) -> str:
    """The format asked for, else the one the file name ends with."""
    chosen = (asked or output.suffix.lstrip(".")).lower()
    if chosen == "markdown":
        chosen = "md"
    if chosen not in FORMATS:
        raise MinutesError(f"Minutes can be written as pdf, md, html or csv, not '{chosen or output.name}'.")
    return chosen


def write_minutes(minutes: Minutes, output: Path, fmt: str) -> Path:
    """Write beside the target first and rename: a failure never leaves half a file behind."""
    output = output.expanduser()
    if not output.parent.is_dir():
        raise MinutesError(f"The folder {output.parent} does not exist.")
    partial = output.with_name(f".{output.name}.partial")
    try:
        if fmt == "pdf":
            from ..services.minutes_pdf import write_pdf
            from .qt_offscreen import ensure_gui_application

            ensure_gui_application()
            write_pdf(minutes, partial)
        elif fmt == "html":
            from ..services.minutes_pdf import html_with_charts
            from .qt_offscreen import ensure_gui_application

            ensure_gui_application()
            partial.write_text(html_with_charts(minutes), encoding="utf-8")
        elif fmt == "md":
            partial.write_text(to_markdown(minutes), encoding="utf-8")
        else:
            partial.write_text(commitments_csv(minutes), encoding="utf-8", newline="")
        if not partial.exists() or partial.stat().st_size == 0:
            raise MinutesError(f"The minutes could not be written to {output}.")
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return output


def export_minutes(room_path: Path, which: str, output: Path, fmt: str | None) -> tuple[Path, Minutes]:
    fmt = format_of(output, fmt)
    with RoomFile.open(room_path, read_only=True) as room:
        minutes = gather_minutes(room, find_session(room, which).id)
    return write_minutes(minutes, output, fmt), minutes
