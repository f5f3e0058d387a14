"""`customer-room`: the app launcher and a scriptable tool. Bad input: one sentence, exit 2."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from .. import __version__
from ..services import start_up_collection
from ..services.import_kinds import KINDS
from ..storage.room_file import RoomFile, inspect_room
from ..storage.room_summary import room_summary
from ..storage.errors import storage_failure
from ..storage.room_reading import UNREADABLE_VALUES, reading_room, room_failures
from ..storage.schema_verify import remember_rooms_in
from ..domain.refusal import Refusal
from ..domain.wall_views import views_help
from .cli_doctor import add_doctor_parser
from .cli_edit import add_edit_parser
from .cli_export import add_export_parser
from .cli_kiosk import add_kiosk_parser
from .cli_live_options import add_live_options, live_options
from .paths import demo_room_path, sample_room_source, user_data_dir
from .qt_import import import_qt
from .stop_signals import stopped_by_signals

EXIT_BAD_INPUT = 2


class UsageError(Refusal):
    """Bad input given on the command line; the message is the sentence to print."""


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    pairs = {}
    for value in values or []:
        left, sep, right = value.partition("=")
        if not sep or not left.strip():
            raise UsageError(f"{option} takes NAME=VALUE, not '{value}'.")
        pairs[left.strip()] = right.strip()
    return pairs


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_new(args: argparse.Namespace) -> int:
    path = Path(args.room)
    if path.exists():
        raise UsageError(f"{path} already exists; choose another name.")
    if args.from_folder:  # named after the folder unless --name says otherwise
        from ..services.room_builder import build_from_folder

        with stopped_by_signals():  # so a build told to stop removes its unfinished file
            print("\n".join(build_from_folder(args.from_folder, path, name=args.name, consent=args.consent)))
        return 0
    if args.consent:
        raise UsageError("--consent is for calls made with --from-folder; an empty room has no calls.")
    name = "New Customer Room" if args.name is None else args.name
    with RoomFile.create(path, name):
        pass
    print(f"Created an empty room '{name}' at {path}.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from ..services.room_builder import build_room  # each command loads what it needs: `open` starts faster

    placeholders: list[str] = []

    def progress(message: str) -> None:
        if message.startswith("placeholder: "):
            placeholders.append(message.removeprefix("placeholder: "))
        else:
            _say(message)

    with stopped_by_signals():  # so a build told to stop by SIGTERM removes its unfinished file
        output = build_room(args.source, args.output, replace=args.force, progress=progress,
                            allow_placeholders=args.allow_placeholders)
    print(f"Built {output} ({output.stat().st_size / 1e6:.1f} MB).")
    if placeholders:
        print(f"{len(placeholders)} file(s) will show as a placeholder:")
        for placeholder in placeholders:
            print(f"  - {placeholder}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.csv_import import import_csv

    interactive = sys.stderr.isatty()

    def progress(rows: int) -> None:
        if interactive:
            print(f"  {rows:,} rows read…", end="\r", file=sys.stderr, flush=True)
        elif rows % 100_000 == 0:
            print(f"  {rows:,} rows read…", file=sys.stderr, flush=True)

    with RoomFile.open(args.room) as room:
        if room.upgrade_notice:
            print(room.upgrade_notice)
        result = import_csv(room, args.kind, args.csv, overrides=_pairs(args.map, "--map"),
                            constants=_pairs(args.set, "--set"), date_format=args.date_format,
                            progress=progress, skip_bad_rows=args.skip_bad_rows, sheet=args.sheet)
    read_as = f"sheet {result.sheet}" if result.sheet is not None else result.encoding
    if result.rejects_path is None:
        print(f"Imported {result.rows:,} {result.kind} rows from {result.path} ({read_as}).")
    else:
        refused = "no row refused" if not result.refused else \
            f"{result.refused:,} row{'s' if result.refused != 1 else ''} refused"
        print(f"{result.rows:,} row{'s' if result.rows != 1 else ''} imported; {refused}, "
              f"written to {result.rejects_path}.")
        print(f"  {result.kind} from {result.path} ({read_as})")
    if result.heading_line > 1:
        above = result.heading_line - 1
        unit = "line" if result.sheet is None else "row"
        print(f"  headings on {unit} {result.heading_line}; the {above} {unit}{'s' if above != 1 else ''} "
              f"above {'them were' if above != 1 else 'it was'} skipped")
    for field, heading in result.columns.items():
        print(f"  {field:<16} <- {heading}")
    if result.ignored_columns:
        print(f"  not imported: {', '.join(result.ignored_columns)}")
    for warning in result.warnings:
        print(f"  warning: {warning}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ..services.room_check import check_room
    from ..storage.room_values import value_findings

    with reading_room(args.room) as room:
        try:
            findings = check_room(room, verify_media_hashes=not args.skip_media)
        except UNREADABLE_VALUES:  # the room reads; one of its values does not: a finding, not a refusal
            findings = ["some records hold values Customer Room cannot use, so not every check could run"]
        findings += [finding for finding in value_findings(room.db) if finding not in findings]
        if args.media:
            from ..services.media_check import check_media
            from ..services.vlc_backend import VlcUnavailable

            try:
                findings += check_media(room)
            except VlcUnavailable as problem:
                findings.append(f"recordings were not decoded: {problem}")
    if not findings:
        print(f"{args.room}: no problems found.")
        return 0
    print(f"{args.room}: {len(findings)} problem(s):")
    for finding in findings:
        print(f"  - {finding}")
    return 1


def cmd_info(args: argparse.Namespace) -> int:
    with reading_room(args.room, quick_check=True) as room:
        summary = room_summary(room.db, args.room)
        summary["schema_version"] = room.file_format  # an older room is read, not upgraded
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{summary['name']}  ({summary['path']}, room format {summary['schema_version']}, "
          f"{summary['file_size_bytes'] / 1e6:.1f} MB)")
    for name, count in summary["counts"].items():
        print(f"  {name.replace('_', ' '):<24}{count:>10,}")
    return 0


def ensure_demo_room(rebuild: bool = False) -> Path:
    """Build the sample room into the user's data folder on first use."""
    path = demo_room_path()
    if rebuild or not path.exists():
        from ..services.room_builder import build_room

        _say(f"Building the sample room into {path} (first run only)…")
        # the sample's recordings are made by its generators and decoded by the test suite: no need to
        # decode them again on a new user's first start
        build_room(sample_room_source(), path, replace=True, progress=lambda m: _say(f"  {m}"),
                   probe_recordings=False)
    return path


def cmd_demo(args: argparse.Namespace) -> int:
    path = demo_room_path()
    if args.rebuild and path.exists():  # never rebuild the room under a window that has it open live
        from .room_lock import LiveRoomLock

        with LiveRoomLock.acquire(path):
            ensure_demo_room(rebuild=True)
    else:
        path = ensure_demo_room(args.rebuild)
    return _open_window(path, view_only=args.view_only)


def cmd_open(args: argparse.Namespace) -> int:
    inspect_room(Path(args.room))  # refuse bad files before any window appears (an older format is upgraded)
    return _open_window(Path(args.room), view_only=args.view_only, **live_options(args))


def _open_window(path: Path, **options) -> int:  # noqa: ANN003 - run_live_room's keyword arguments
    """The live room; a room open live elsewhere raises RoomOpenLive (one sentence, exit 2)."""
    import_qt()  # Qt is imported only for commands that show windows
    from .live_room import EXIT_TO_EDITOR
    from .run_room import run_live_room

    while (status := run_live_room(path, **options)) == EXIT_TO_EDITOR:
        from .editor_session import run_editor  # only when asked for: not on the room's start-up path

        run_editor(path)  # "Edit room…" on the console: the editor, then the room again as edited
    return status


def cmd_render(args: argparse.Namespace) -> int:
    from .wall_render import parse_size, render_view

    with room_failures(args.room):
        output = render_view(Path(args.room), args.view, parse_size(args.size), Path(args.output))
    print(f"Rendered {args.view} at {args.size} to {output}.")
    return 0


def cmd_minutes(args: argparse.Namespace) -> int:
    from .minutes_export import export_minutes

    with room_failures(args.room):
        output, minutes = export_minutes(Path(args.room), args.session, Path(args.output), args.format)
    draft = " (a draft: the session is still open)" if minutes.draft else ""
    print(f"Minutes of “{minutes.session.title}” written to {output}{draft}.")
    return 0


def cmd_handout(args: argparse.Namespace) -> int:
    from ..services.handout_pdf import HandoutError, write_handout  # Qt only for the commands that draw
    from .qt_offscreen import ensure_gui_application

    ensure_gui_application()
    output = Path(args.output).expanduser()
    if not output.parent.is_dir():
        raise UsageError(f"The folder {output.parent} does not exist.")
    with RoomFile.open(args.room, read_only=True) as room:
        try:
            result = write_handout(room, args.artifact, output, args.copies, args.paper)
        except HandoutError as refused:
            raise UsageError(str(refused)) from None
    copies = "1 copy" if result.copies == 1 else f"{result.copies} copies"
    print(f"{copies} of the handout for “{args.artifact}” written to {output} ({result.pages} pages)."
          + (f" The artifact itself could not be printed: {result.problem}" if result.problem else ""))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="customer-room", description="Run a Customer Room: the customer's "
                                     "journey on the walls, decisions captured, minutes out.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="open the sample room (built on first use)")
    demo.add_argument("--rebuild", action="store_true", help="build the sample room again from its sources")
    demo.add_argument("--view-only", action="store_true",
                      help="open it read-only, even while another window has it open live")
    demo.set_defaults(run=cmd_demo)

    open_ = commands.add_parser(
        "open", help="open a room file",
        description="Open the live room: the console on the primary screen, a full-screen wall on every other "
                    "screen. A room open live elsewhere is refused (exit status 2) unless --view-only is given.")
    open_.add_argument("room")
    open_.add_argument("--view-only", action="store_true",
                       help="open it read-only, even while another window has it open live")
    add_live_options(open_)
    open_.set_defaults(run=cmd_open)

    new = commands.add_parser("new", help="create an empty room file, or a room from a folder of material")
    new.add_argument("room")
    new.add_argument("--name", help="the room's name (default: New Customer Room, or the folder's name)")
    new.add_argument("--from-folder", metavar="DIR", help="a stage for each subfolder of DIR, an artifact for each "
                     "picture or PDF in it, a call for each recording (see README)")
    new.add_argument("--consent", action="store_true", help="with --from-folder: every caller agreed to the "
                     "recording being played (without it, calls show their transcript only)")
    new.set_defaults(run=cmd_new)

    build = commands.add_parser("build", help="build a room file from a room source folder")
    build.add_argument("source", help="a folder with room.toml, e.g. rooms/harbourline")
    build.add_argument("-o", "--output", required=True, help="the room file to write (.croom)")
    build.add_argument("--force", action="store_true", help="replace the output if it exists")
    build.add_argument("--allow-placeholders", action="store_true",
                       help="build even if some files will not show (each is listed, and shows as a placeholder)")
    build.set_defaults(run=cmd_build)

    imp = commands.add_parser(
        "import", help="import a CSV or Excel workbook of complaints, KPI readings, customer-asset periods, "
                       "surveys or lost reasons",
        description="Import a CSV file or an Excel workbook (.xlsx). The heading row is found among the first "
                    "20 lines (banners and titles above it are skipped). Every row is imported or none is, "
                    "unless --skip-bad-rows names a file for the rows that cannot be read.")
    imp.add_argument("kind", choices=list(KINDS))
    imp.add_argument("room")
    imp.add_argument("csv", metavar="FILE", help="a CSV file or an Excel workbook (.xlsx)")
    imp.add_argument("--map", action="append", metavar="COLUMN=FIELD", help="read FIELD from COLUMN")
    imp.add_argument("--set", action="append", metavar="FIELD=VALUE", help="give every row this value")
    imp.add_argument("--date-format", help="strptime format such as %%d/%%m/%%Y (default: ISO, then US)")
    imp.add_argument("--skip-bad-rows", metavar="REJECTS.csv",
                     help="import the good rows and write each refused row, with its line and reason, to this file")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet of a workbook to read (default: the first)")
    imp.set_defaults(run=cmd_import)

    check = commands.add_parser("check", help="check integrity, foreign keys, media hashes and references")
    check.add_argument("room")
    check.add_argument("--skip-media", action="store_true", help="do not re-hash embedded media")
    check.add_argument("--media", action="store_true",
                       help="also decode every recording through VLC, to find the ones that will not play")
    check.set_defaults(run=cmd_check)

    info = commands.add_parser("info", help="counts of everything in a room")
    info.add_argument("room")
    info.add_argument("--json", action="store_true")
    info.set_defaults(run=cmd_info)
    render = commands.add_parser(
        "render", help="draw a wall view to a PNG, offscreen",
        description="Draw one wall view offscreen with the live walls' own widgets, and write it as a PNG.")
    render.add_argument("room")
    render.add_argument("--view", required=True, help=views_help())
    render.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT in pixels (default 1920x1080)")
    render.add_argument("-o", "--output", required=True, help="the PNG to write")
    render.set_defaults(run=cmd_render)

    minutes = commands.add_parser("minutes", help="write a session's minutes as PDF, Markdown, HTML or CSV")
    minutes.add_argument("room")
    minutes.add_argument("--session", default="latest", help="a session id or key, or latest (the default)")
    minutes.add_argument("--format", choices=["pdf", "md", "html", "csv"],
                         help="default: from the output file's extension")
    minutes.add_argument("-o", "--output", required=True, help="the file to write")
    minutes.set_defaults(run=cmd_minutes)

    handout = commands.add_parser("handout", help="print an exercise's artifact with its task, for leaders to fill in")
    handout.add_argument("room")
    handout.add_argument("--artifact", required=True, help="the key of an artifact that carries a task")
    handout.add_argument("--copies", type=int, default=1, help="how many copies (default 1)")
    handout.add_argument("--paper", default="a4", help="a4 (the default) or letter")
    handout.add_argument("-o", "--output", required=True, help="the PDF to write")
    handout.set_defaults(run=cmd_handout)
    add_kiosk_parser(commands)
    add_export_parser(commands)
    add_edit_parser(commands)
    add_doctor_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    remember_rooms_in(user_data_dir() / "known-rooms.json")  # rooms from elsewhere are quick-checked
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) not in (cmd_open, cmd_demo):
        start_up_collection.resume(automatic=True)  # a live room resumes it once it is on screen
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return args.run(args)
    except (Refusal, FileExistsError) as error:  # every refusal a user sees is a Refusal
        _say(f"customer-room: {error}")
        return EXIT_BAD_INPUT
    except sqlite3.Error as error:  # locked, full, read-only or damaged: each has its own sentence
        _say(f"customer-room: {storage_failure(error, getattr(args, 'room', None))}")
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into head or less, which stopped reading
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        _say("customer-room: stopped.")
        return 130


if __name__ == "__main__":
    sys.exit(main())
