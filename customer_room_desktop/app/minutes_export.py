"""`customer-room minutes` and the console's minutes button: one session's minutes into one file."""

from __future__ import annotations

from pathlib import Path

from ..services.minutes import Minutes, MinutesError, find_session, gather_minutes
from ..services.minutes_text import minutes_csv, to_markdown
from ..services.file_output import write_whole_file
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


def minutes_content(minutes: Minutes, fmt: str) -> bytes:
    """The whole file, made in memory before anything is written."""
    if fmt == "md":
        return to_markdown(minutes).encode("utf-8")
    if fmt == "csv":
        return minutes_csv(minutes).encode("utf-8")
    from .qt_offscreen import ensure_gui_application

    ensure_gui_application()
    if fmt == "html":
        from ..services.minutes_pdf import html_with_charts

        return html_with_charts(minutes).encode("utf-8")
    from ..services.minutes_pdf import pdf_bytes

    return pdf_bytes(minutes)


def write_minutes(minutes: Minutes, output: Path, fmt: str) -> Path:
    """Write the minutes whole or not at all (see write_whole_file); a full disk is said in one sentence."""
    output = output.expanduser()
    if not output.parent.is_dir():
        raise MinutesError(f"The folder {output.parent} does not exist.")
    content = minutes_content(minutes, fmt)
    if not content:
        raise MinutesError(f"The minutes could not be written to {output}.")
    write_whole_file(output, content, "the minutes were not written")
    return output


def export_minutes(room_path: Path, which: str, output: Path, fmt: str | None) -> tuple[Path, Minutes]:
    fmt = format_of(output, fmt)
    with RoomFile.open(room_path, read_only=True) as room:
        minutes = gather_minutes(room, find_session(room, which).id)
    return write_minutes(minutes, output, fmt), minutes
