"""`customer-room doctor`, run as a user runs it: real libVLC, real QtPdf, Qt offscreen.

Failures are made real rather than mocked: a data folder beneath a file, a libVLC folder with no
plugins or without the Ogg demuxer, a Qt platform that does not exist, pillow-heif made unimportable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from customer_room_desktop.app.paths import bundled_folder
from customer_room_desktop.services.doctor_checks import (
    FAIL, NOTE, OK, Finding, data_folder_finding, guarded, library_fix, pdf_finding,
)
from tests.benchmarks.live_benchmarks import screens_config

from tests.bundle_recipe import LIBDIR, LIBRARIES, make_vlc_folder

SCRIPT = Path(sys.executable).parent / "customer-room"
HEIC_UNIMPORTABLE = ("import sys; sys.modules['pillow_heif'] = None\n"
                     "from customer_room_desktop.app.cli import main\nsys.exit(main(['doctor']))")


def doctor(tmp_path: Path, *args: str, command: list[str] | None = None, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, CUSTOMER_ROOM_DATA_DIR=str(tmp_path / "data"), **env)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(command or [str(SCRIPT), "doctor", *args], capture_output=True, text=True,
                          env=environment, timeout=120)


def lines(result: subprocess.CompletedProcess, mark: str) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith(f"{mark} ")]


def vlc_copy(folder: Path, *, plugins: bool = True, without: str = "") -> Path:
    """A libVLC folder as the bundle lays it out: the bundle's plugin list, or none, or all but one."""
    if plugins:
        make_vlc_folder(folder, cache=False)
    else:
        (folder / "plugins").mkdir(parents=True)
        for name in LIBRARIES:
            shutil.copy2(LIBDIR / name, folder / name)
    if without:
        (folder / "plugins" / without).unlink()
    return folder


@pytest.mark.vlc
@pytest.mark.slow
def test_the_doctor_passes_here_and_names_every_check_and_screen(tmp_path):
    result = doctor(tmp_path, QT_QPA_PLATFORM=screens_config(tmp_path, 2, 1920, 1080))
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith("ok    Python 3.")
    assert "Qt 6." in out and "platform plugin offscreen" in out
    assert "ok    screen laptop 1920x1080 at 0,0, the console; remembered as name:laptop::" in out
    assert "ok    screen wall-1 1920x1080 at 1920,0, a wall; remembered as name:wall-1::" in out
    assert "ok    screen wall-2 1920x1080 at 3840,0, a wall" in out
    assert "ok    DejaVu Sans, the walls' font" in out
    assert "ok    libVLC 3." in out and " plugins in " in out
    assert "ok    played the test clip tone.opus (Ogg Opus, as the calls are) to a null output" in out
    assert "ok    QtPdf drew the test page page.pdf" in out
    assert "ok    HEIC photos decode (pillow-heif" in out
    assert f"ok    the data folder {tmp_path / 'data'} is writable" in out
    assert not lines(result, FAIL)
    assert out.rstrip().endswith("This machine can run a room.")
    assert (tmp_path / "data").is_dir() and not list((tmp_path / "data").iterdir())  # its probe file is gone


@pytest.mark.vlc
def test_a_data_folder_that_cannot_be_written_fails_with_the_fix(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = doctor(tmp_path, "--data-dir", str(blocker / "data"))
    assert result.returncode == 1
    [failure] = lines(result, FAIL)
    assert failure == (f"FAIL  the data folder {blocker / 'data'} cannot be written (not a directory). Fix: Set "
                       f"CUSTOMER_ROOM_DATA_DIR to a folder you can write to, or give yourself write access to "
                       f"{blocker / 'data'}")
    assert "see the FAIL lines" in result.stdout.splitlines()[-1]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder all the same")
def test_a_read_only_data_folder_fails(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        finding = data_folder_finding(folder)
    finally:
        folder.chmod(0o755)
    assert finding.mark == FAIL and "cannot be written (permission denied)" in finding.fact


@pytest.mark.vlc
def test_libvlc_without_its_plugins_fails_with_the_fix(tmp_path):
    folder = vlc_copy(tmp_path / "vlc", plugins=False)
    result = doctor(tmp_path, "--vlc-dir", str(folder))
    assert result.returncode == 1
    [failure] = lines(result, FAIL)
    assert failure.startswith("FAIL  libVLC 3.") and f"from {folder} cannot start: 0 plugins in" in failure
    assert failure.endswith(f"Fix: Reinstall Customer Room: its own copy of VLC in {folder} is incomplete")


@pytest.mark.vlc
def test_a_clip_that_opens_but_does_not_decode_is_a_failure(tmp_path):
    """Without the Ogg demuxer libVLC reaches the end of the clip having played nothing, and says no error."""
    folder = vlc_copy(tmp_path / "vlc", without="demux/libogg_plugin.so")
    result = doctor(tmp_path, "--vlc-dir", str(folder))
    assert result.returncode == 1
    [failure] = lines(result, FAIL)
    assert failure.startswith("FAIL  the test clip tone.opus (Ogg Opus, as the calls are) could not be decoded "
                              "(0.0 s of sound)")


@pytest.mark.vlc
def test_a_libvlc_folder_without_libvlc_fails_and_the_rest_is_still_checked(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = doctor(tmp_path, "--vlc-dir", str(empty))
    assert result.returncode == 1
    [failure] = lines(result, FAIL)
    assert failure.startswith(f"FAIL  libVLC could not be loaded from {empty}, so calls will show their transcripts")
    assert "ok    QtPdf drew the test page" in result.stdout and "ok    the data folder" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.vlc
def test_without_pillow_heif_a_note_says_how_to_fix_and_the_room_still_passes(tmp_path):
    result = doctor(tmp_path, command=[sys.executable, "-c", HEIC_UNIMPORTABLE])
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines(result, NOTE)[-1] == ("note  HEIC photos (as iPhones take them) will not show: pillow-heif is not "
                                       "installed. Fix: Install pillow-heif into Customer Room's Python: "
                                       "pip install pillow-heif")


@pytest.mark.vlc
def test_a_qt_platform_that_cannot_start_is_a_failure_not_a_crash(tmp_path):
    result = doctor(tmp_path, QT_QPA_PLATFORM="no-such-platform")
    assert result.returncode == 1
    [failure] = lines(result, FAIL)
    assert failure.startswith("FAIL  Qt's platform plugin for no-such-platform cannot start")
    assert "sudo apt install libxcb-cursor0" in failure and "QT_QPA_PLATFORM=offscreen" in failure
    assert "note  the screens and the fonts were not checked" in result.stdout
    assert "ok    libVLC" in result.stdout


def test_a_damaged_pdf_fails_and_the_bundled_one_draws(tmp_path):
    good = bundled_folder("resources") / "doctor" / "page.pdf"
    assert pdf_finding(good).mark == OK
    cut = tmp_path / "page.pdf"
    cut.write_bytes(good.read_bytes()[:120])
    finding = pdf_finding(cut)
    assert finding.mark == FAIL and finding.fact.startswith("QtPdf could not draw the test page page.pdf: ")
    assert "pip install PySide6-Addons" in finding.fix


def test_a_finding_is_one_line_with_its_fix():
    assert Finding(OK, "all good").line() == "ok    all good"
    assert Finding(FAIL, "it broke", "Mend it").line() == "FAIL  it broke. Fix: Mend it"


def test_the_doctor_files_are_bundled_and_small():
    folder = bundled_folder("resources") / "doctor"
    sizes = {path.name: path.stat().st_size for path in folder.iterdir() if path.suffix != ".md"}
    assert set(sizes) == {"tone.opus", "page.pdf", "photo.heic"}
    assert sum(sizes.values()) < 10_000


def test_a_missing_system_library_is_named_with_its_package():
    message = "libGL.so.1: cannot open shared object file: No such file or directory"
    assert library_fix(message) == "Install the system library libGL.so.1 (Debian and Ubuntu: sudo apt install libgl1)"
    assert library_fix("libfoo.so.3: cannot open shared object file") == (
        "Install the system library libfoo.so.3, or reinstall Customer Room")
    assert library_fix("all is well") is None


def test_a_check_that_cannot_run_is_a_failure_and_the_doctor_goes_on():
    def broken() -> list[Finding]:
        raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")

    [finding] = guarded("QtPdf", broken)
    assert finding.mark == FAIL
    assert finding.fact == ("QtPdf could not be checked: libEGL.so.1: cannot open shared object file: "
                            "No such file or directory")
    assert finding.fix == "Install the system library libEGL.so.1 (Debian and Ubuntu: sudo apt install libegl1)"
    assert guarded("fine", lambda: [Finding(OK, "fine")]) == [Finding(OK, "fine")]
