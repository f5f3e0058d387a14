"""`customer-room doctor`: can this machine run a room? One line a check, as `flutter doctor` does.

Python; Qt and its platform plugin; the screens and the identities their walls are remembered by;
libVLC and a bundled 1 s clip played to a null output; QtPdf drawing a page; HEIC photos; the walls'
font; the data folder. Each line has a mark (ok, FAIL or note), the fact, and for a FAIL or a note
the fix in one sentence. The exit status is 1 when something the room needs fails.

Qt's platform plugin is first tried in a child process: a plugin that cannot load aborts the process
that loads it, and the doctor must live to say so.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import bundled_folder, user_data_dir

if TYPE_CHECKING:  # the checks are loaded when the doctor runs, not on every command's start
    from ..services.doctor_checks import Finding

OFFSCREEN = ("offscreen", "minimal")
QT_LIBRARIES_FIX = ("Install the X libraries Qt needs (Debian and Ubuntu: sudo apt install libxcb-cursor0 "
                    "libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-image0 "
                    "libxcb-shape0 libegl1), or set QT_QPA_PLATFORM=offscreen to check the rest without a screen")


def _self_command(*args: str) -> list[str]:
    """This program run again: the bundle's executable, or this Python with the cli module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "customer_room_desktop.app.cli", *args]


def _platform_only() -> int:
    """The child's part: start Qt's platform plugin and say which it is."""
    from .qt_offscreen import ensure_gui_application

    print(ensure_gui_application().platformName())
    return 0


def _platform_finding() -> Finding:
    import subprocess

    from ..services.doctor_checks import FAIL, OK, Finding, library_fix

    try:
        child = subprocess.run(_self_command("doctor", "--platform-only"), capture_output=True, text=True,
                               timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return Finding(FAIL, "Qt could not be started to try its platform plugin", QT_LIBRARIES_FIX)
    if child.returncode == 0 and child.stdout.strip():
        return Finding(OK, "Qt's platform plugin starts")
    said = [line.strip() for line in child.stderr.splitlines()
            if "plugin" in line or "needed" in line or "cannot open shared object" in line]
    wanted = os.environ.get("QT_QPA_PLATFORM", "the default")
    reason = f" ({said[-1].removeprefix('qt.qpa.plugin: ').removeprefix('ImportError: ').rstrip('.')})" \
        if said else ""
    return Finding(FAIL, f"Qt's platform plugin for {wanted} cannot start{reason}",
                   library_fix(child.stderr) or QT_LIBRARIES_FIX)


def _qt_findings() -> list[Finding]:
    """Qt's version, the platform in use, and each screen with the identity its wall is remembered by."""
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    from ..services.doctor_checks import FAIL, NOTE, OK, Finding
    from .identify_screens import screen_info
    from .qt_offscreen import ensure_gui_application

    app = ensure_gui_application()
    platform = app.platformName()
    qt = f"Qt {qVersion()} (PySide6 {PySide6.__version__}), platform plugin {platform}"
    findings = [Finding(OK, qt) if platform not in OFFSCREEN else
                Finding(NOTE, f"{qt}: no display, so nothing is shown",
                        "Run the doctor on the desktop session the room will use, to check its screens")]
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    for screen in screens:
        info = screen_info(screen, primary)
        role = "the console" if info.primary else "a wall"
        findings.append(Finding(OK, f"screen {info.name or '(no name)'} {info.width}x{info.height} at "
                                    f"{info.x},{info.y}, {role}; remembered as {info.identity}"))
    if not screens:
        findings.append(Finding(FAIL, "no screen was found", "Connect a screen, or check the display settings"))
    elif len(screens) == 1:
        findings.append(Finding(NOTE, "one screen: the console only", "Connect a second screen for a wall"))
    return findings


def _font_fix() -> str:
    if getattr(sys, "frozen", False):
        return "Reinstall Customer Room: its fonts folder is missing or damaged"
    return "Install the DejaVu fonts (Debian and Ubuntu: sudo apt install fonts-dejavu-core)"


def run_doctor(data_folder: Path, resources: Path) -> Iterator[Finding]:
    """Each finding as soon as its check is done; a check that cannot run is itself a FAIL, and the rest go on."""
    from ..services.doctor_checks import (
        NOTE, OK, Finding, data_folder_finding, font_finding, guarded, heic_finding, pdf_finding, python_finding,
        vlc_findings,
    )

    yield python_finding()
    platform = _platform_finding()
    if platform.mark == OK:
        yield from guarded("Qt and the screens", _qt_findings)
        yield from guarded("the fonts", lambda: [font_finding(_font_fix())])
    else:
        yield platform
        yield Finding(NOTE, "the screens and the fonts were not checked: Qt cannot start",
                      "Run the doctor again once Qt starts")
    yield from guarded("libVLC", lambda: vlc_findings(resources / "tone.opus"))
    yield from guarded("QtPdf", lambda: [pdf_finding(resources / "page.pdf")])
    yield from guarded("HEIC photos", lambda: [heic_finding(resources / "photo.heic")])
    yield from guarded("the data folder", lambda: [data_folder_finding(data_folder)])


def cmd_doctor(args: argparse.Namespace) -> int:
    if args.vlc_dir:
        from ..services.vlc_backend import VLC_DIR_VARIABLE

        os.environ[VLC_DIR_VARIABLE] = str(Path(args.vlc_dir).expanduser().resolve())
    if args.platform_only:
        return _platform_only()
    from ..services.doctor_checks import FAIL

    data_folder = Path(args.data_dir).expanduser() if args.data_dir else user_data_dir()
    failed = 0
    for finding in run_doctor(data_folder, bundled_folder("resources") / "doctor"):
        print(finding.line(), flush=True)
        failed += finding.mark == FAIL
    if failed:
        print(f"{failed} problem{'s' if failed != 1 else ''} stop{'' if failed != 1 else 's'} a room "
              "from running fully on this machine: see the FAIL lines.")
        return 1
    print("This machine can run a room.")
    return 0


def add_doctor_parser(commands) -> None:  # noqa: ANN001 - argparse's private subparsers type
    doctor = commands.add_parser("doctor", help="check that this machine can run a room, and say how to fix it",
                                 description=__doc__.split("\n\n", 2)[1].replace("\n", " "))
    doctor.add_argument("--data-dir", metavar="DIR",
                        help="check DIR as the data folder (default: the one the room uses)")
    doctor.add_argument("--vlc-dir", metavar="DIR",
                        help="use the libVLC in DIR (libvlc, libvlccore and plugins/) instead of the usual one")
    doctor.add_argument("--platform-only", action="store_true", help=argparse.SUPPRESS)
    doctor.set_defaults(run=cmd_doctor)
