"""What `customer-room doctor` checks that needs no screen: Python, libVLC and a test clip, QtPdf, HEIC
photos, the walls' font and the data folder. Each check gives findings: a mark, a fact, and for
anything wrong the fix in one plain sentence. The test files (a 1 s Ogg Opus tone, a one-page PDF, a
HEIC photo) are bundled in resources/doctor/; the caller passes their paths.

The checks use the room's own code paths (vlc_backend, image_prep, pillow_pictures), so what the
doctor finds is what a room would meet. The font check needs a QGuiApplication; the others do not.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .picture_problems import ImageUnavailable
from .vlc_backend import COMMON_ARGS, HEADLESS_ARGS, VlcUnavailable, load_vlc, own_vlc_folder
from ..domain.records import record

OK, FAIL, NOTE = "ok", "FAIL", "note"
WALL_FONT = "DejaVu Sans"  # the walls', the minutes' and the handouts' font (ui/walls/wall_style.py)
PLUGIN_SUFFIXES = (".so", ".dll", ".dylib")
CLIP_RATE = 48_000  # samples a second the clip is decoded to
CLIP_LEAST_S = 0.5  # the clip holds 0.93 s of sound; less than this is not the clip played
LOW_SPACE_BYTES = 500_000_000  # a room file with its media can take this much


@record
class Finding:
    mark: str  # OK, FAIL (the room cannot do something it needs) or NOTE (it runs, with less)
    fact: str
    fix: str = ""  # one plain sentence, for FAIL and NOTE

    def line(self) -> str:
        text = f"{self.mark:<5} {self.fact}"
        return f"{text}. Fix: {self.fix}" if self.fix else text


# The Debian and Ubuntu packages of the system libraries a bundle leaves to the system (the graphics
# stack: packaging/bundle/README.md), and of a few others Qt needs on a source install.
SYSTEM_LIBRARIES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0", "libGLX.so.0": "libglx0",
    "libxcb.so.1": "libxcb1", "libdrm.so.2": "libdrm2", "libxcb-dri3.so.0": "libxcb-dri3-0",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libfontconfig.so.1": "libfontconfig1", "libxkbcommon.so.0": "libxkbcommon0", "libdbus-1.so.3": "libdbus-1-3",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
_MISSING_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so[.\d]*): cannot open shared object file")


def library_fix(text: str) -> str | None:
    """The fix when ``text`` (an error, or a child's output) says a shared library is missing; else None."""
    found = _MISSING_LIBRARY.findall(text)
    if not found:
        return None
    name = found[-1]
    if name in SYSTEM_LIBRARIES:
        return f"Install the system library {name} (Debian and Ubuntu: sudo apt install {SYSTEM_LIBRARIES[name]})"
    return f"Install the system library {name}, or reinstall Customer Room"


def guarded(what: str, check: Callable[[], list[Finding]]) -> list[Finding]:
    """``check``'s findings; if it cannot run at all (a library that will not load, say), one FAIL saying so."""
    try:
        return check()
    except Exception as error:  # noqa: BLE001 - any failure of a check is reported, and the others still run
        reason = str(error).strip() or "it stopped without saying why"
        return [Finding(FAIL, f"{what} could not be checked: {reason}",
                        library_fix(reason) or "Reinstall Customer Room, then run the doctor again")]


def python_finding() -> Finding:
    where = "this bundle" if getattr(sys, "frozen", False) else sys.executable
    return Finding(OK, f"Python {sys.version.split()[0]} ({where})")


# -- libVLC -----------------------------------------------------------------------------------

def _vlc_fix() -> str:
    folder = own_vlc_folder()
    if folder is not None:
        return f"Reinstall Customer Room: its own copy of VLC in {folder} is incomplete"
    return "Install VLC (Debian and Ubuntu: sudo apt install libvlc5 vlc-plugin-base)"


def _loaded_library(name: str) -> Path | None:
    """Where the library whose file name starts with ``name`` was loaded from (Linux), else None."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                path = line.rstrip("\n").split(maxsplit=5)[-1]
                if Path(path).name.startswith(name):
                    return Path(path)
    except OSError:
        pass
    return None


def vlc_plugin_folders() -> list[Path]:
    """The folders libVLC takes plugins from: its own (beside libvlccore) and VLC_PLUGIN_PATH's."""
    folders = []
    core = _loaded_library("libvlccore")
    if core is not None:
        folders.append(core.parent / "vlc" / "plugins")
    folders += [Path(p) for p in os.environ.get("VLC_PLUGIN_PATH", "").split(os.pathsep) if p]
    unique: dict[Path, Path] = {}
    for folder in folders:
        if folder.is_dir():
            unique.setdefault(folder.resolve(), folder)
    return list(unique.values())


def count_plugins(folders: list[Path]) -> int:
    return sum(1 for folder in folders for path in folder.rglob("*")
               if path.name.endswith(PLUGIN_SUFFIXES) and path.is_file())


def vlc_findings(clip: Path, timeout_s: float = 15.0) -> list[Finding]:
    """libVLC's version and plugins, then ``clip`` played to a null output: decoded, not just opened."""
    folder = own_vlc_folder()
    try:
        vlc = load_vlc()
    except VlcUnavailable:
        where = f" from {folder}" if folder is not None else ""
        return [Finding(FAIL, f"libVLC could not be loaded{where}, so calls will show their transcripts only",
                        _vlc_fix())]
    version = vlc.libvlc_get_version().decode(errors="replace")
    core = _loaded_library("libvlccore")
    where = str(core.parent) if core is not None else (str(folder) if folder is not None else "the system")
    folders = vlc_plugin_folders()
    plugins = count_plugins(folders)
    shown = ", ".join(str(f) for f in folders) or "no plugin folder"
    instance = vlc.Instance(*COMMON_ARGS, *HEADLESS_ARGS)
    if instance is None:
        return [Finding(FAIL, f"libVLC {version} from {where} cannot start: {plugins} plugins in {shown}",
                        _vlc_fix())]
    try:
        return [Finding(OK, f"libVLC {version} from {where}, {plugins} plugins in {shown}"),
                _play_clip(vlc, instance, clip, timeout_s)]
    finally:
        instance.release()


def _play_clip(vlc, instance, clip: Path, timeout_s: float) -> Finding:  # noqa: ANN001 - python-vlc's types
    """Play ``clip`` into a null output of our own (libVLC's audio callbacks), counting the sound it is given:
    without a demuxer or a decoder libVLC still reaches the end, having played nothing."""
    what = f"the test clip {clip.name} (Ogg Opus, as the calls are)"
    if not clip.is_file():
        return Finding(FAIL, f"{what} is missing from {clip.parent}", "Reinstall Customer Room")
    media = instance.media_new_path(str(clip))
    player = instance.media_player_new()
    player.set_media(media)
    frames = [0]

    def count(_opaque, _samples, how_many, _pts) -> None:  # noqa: ANN001 - ctypes arguments
        frames[0] += how_many

    null_output = vlc.CallbackDecorators.AudioPlayCb(count)  # kept alive until the player is released
    player.audio_set_callbacks(null_output, None, None, None, None, None)
    player.audio_set_format("S16N", CLIP_RATE, 1)
    ended, failed = threading.Event(), threading.Event()
    events = player.event_manager()
    events.event_attach(vlc.EventType.MediaPlayerEndReached, lambda _event: ended.set())
    events.event_attach(vlc.EventType.MediaPlayerEncounteredError, lambda _event: (failed.set(), ended.set()))
    started = time.monotonic()
    try:
        player.play()
        finished = ended.wait(timeout_s)
        took = time.monotonic() - started
        player.stop()
    finally:
        player.release()
        media.release()
    heard_s = frames[0] / CLIP_RATE
    if not finished:
        return Finding(FAIL, f"{what} did not finish playing within {timeout_s:.0f} s", _vlc_fix())
    if failed.is_set() or heard_s < CLIP_LEAST_S:
        return Finding(FAIL, f"{what} could not be decoded ({heard_s:.1f} s of sound): a plugin libVLC needs "
                             "for calls is missing", _vlc_fix())
    return Finding(OK, f"played {what} to a null output: {heard_s:.1f} s of sound in {took:.1f} s")


# -- pictures and PDFs ------------------------------------------------------------------------

def _qt_pdf_fix() -> str:
    if getattr(sys, "frozen", False):
        return "Reinstall Customer Room: its QtPdf library is missing or damaged"
    return "Install Qt's PDF module: pip install PySide6-Addons"


def pdf_finding(pdf: Path) -> Finding:
    """QtPdf draws the test page, a black square on white, as the room draws PDF artifacts."""
    try:
        from PySide6.QtCore import QSize  # noqa: PLC0415

        from .pdf_pages import PdfPages  # noqa: PLC0415 - QtPdf loads here
    except ImportError as error:
        return Finding(FAIL, f"QtPdf cannot be loaded ({error}), so PDF artifacts will not show",
                       library_fix(str(error)) or _qt_pdf_fix())
    try:
        image = PdfPages(pdf.read_bytes()).render(0, QSize(100, 100))
    except (OSError, ImageUnavailable) as problem:
        return Finding(FAIL, f"QtPdf could not draw the test page {pdf.name}: {problem}", _qt_pdf_fix())
    centre, corner = image.pixelColor(50, 50), image.pixelColor(5, 5)
    if centre.lightness() > 60 or corner.lightness() < 200:
        return Finding(FAIL, f"QtPdf drew the test page {pdf.name} wrong (no black square on white)", _qt_pdf_fix())
    return Finding(OK, f"QtPdf drew the test page {pdf.name} ({image.width()}x{image.height()} pixels)")


def heic_finding(photo: Path) -> Finding:
    """A HEIC photo (as iPhones take them) decoded as a room decodes pictures; optional: a note if not."""
    frozen = getattr(sys, "frozen", False)
    if importlib.util.find_spec("pillow_heif") is None:
        return Finding(NOTE, "HEIC photos (as iPhones take them) will not show: pillow-heif is not installed",
                       "Reinstall Customer Room: its pillow-heif is missing" if frozen else
                       "Install pillow-heif into Customer Room's Python: pip install pillow-heif")
    reinstall = ("Reinstall Customer Room: its pillow-heif is damaged" if frozen else
                 "Reinstall pillow-heif: pip install --force-reinstall pillow-heif")
    try:
        from PySide6.QtCore import QSize  # noqa: PLC0415

        from .image_prep import decode_picture  # noqa: PLC0415

        image = decode_picture(photo.read_bytes(), QSize(32, 24))
    except (OSError, ImportError, ImageUnavailable) as problem:
        return Finding(NOTE, f"HEIC photos will not show: the test photo {photo.name} did not decode ({problem})",
                       library_fix(str(problem)) or reinstall)
    colour = image.pixelColor(16, 12)
    if abs(colour.red() - 230) > 24 or abs(colour.green() - 120) > 24 or abs(colour.blue() - 20) > 24:
        return Finding(NOTE, f"HEIC photos may show wrong: the test photo {photo.name} decoded in the wrong colours",
                       reinstall)
    import pillow_heif  # noqa: PLC0415

    return Finding(OK, f"HEIC photos decode (pillow-heif {pillow_heif.__version__}, "
                       f"libheif {pillow_heif.libheif_version()})")


def font_finding(fix: str) -> Finding:
    """The walls' font is there; needs a QGuiApplication. ``fix`` says how to bring fonts on this install."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo  # noqa: PLC0415

    families = QFontDatabase.families()
    if not families:
        return Finding(FAIL, "no fonts were found, so no text can be drawn", fix)
    if WALL_FONT not in families:
        used = QFontInfo(QFont(WALL_FONT)).family()
        return Finding(NOTE, f"{WALL_FONT}, the walls' font, is missing: walls draw in {used} instead", fix)
    styles = QFontDatabase.styles(WALL_FONT)
    if not any("Bold" in style for style in styles):
        return Finding(NOTE, f"{WALL_FONT} has no bold style ({', '.join(styles)}): headings draw thinner", fix)
    return Finding(OK, f"{WALL_FONT}, the walls' font, in {len(styles)} styles, bold among them; "
                       f"{len(families)} font families in all")


# -- the data folder --------------------------------------------------------------------------

def data_folder_finding(folder: Path) -> Finding:
    """The per-user data folder exists (made if need be) and a file can be written in it."""
    fix = f"Set CUSTOMER_ROOM_DATA_DIR to a folder you can write to, or give yourself write access to {folder}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-") as probe:
            probe.write(b"customer-room doctor")
            probe.flush()
            os.fsync(probe.fileno())
        free = shutil.disk_usage(folder).free
    except OSError as error:
        reason = (error.strerror or "it cannot be written").lower()
        return Finding(FAIL, f"the data folder {folder} cannot be written ({reason})", fix)
    if free < LOW_SPACE_BYTES:
        return Finding(NOTE, f"the data folder {folder} is writable, but only {free / 1e6:.0f} MB are free",
                       "Free some space on that disk before building or copying rooms there")
    return Finding(OK, f"the data folder {folder} is writable ({free / 1e9:.1f} GB free)")
