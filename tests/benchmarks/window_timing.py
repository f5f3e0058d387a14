"""Time how long a desktop program takes to put its window on screen, on a virtual laptop + three 4K walls.

The clock stops on the X server's MapNotify for the window with the wanted title, awaited by blocking in select():
no polling, so the program being timed keeps both cores of a 2-core machine.
"""

import contextlib
import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Self

_SUBSTRUCTURE_NOTIFY, _PROPERTY_CHANGE = 1 << 19, 1 << 22
_UNMAP_NOTIFY, _MAP_NOTIFY, _PROPERTY_NOTIFY = 18, 19, 28
_RETAIN_PERMANENT, _ANY_PROPERTY_TYPE, _WM_NAME = 1, 0, 39
_ignore_x_errors = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda _display, _error: 0)


class WindowTimingError(RuntimeError):
    """The virtual display could not start, or the window never showed up."""


class _MonitorInfo(ctypes.Structure):
    _fields_ = [(name, ctypes.c_ulong if name == "name" else ctypes.c_int) for name in (
        "name", "primary", "automatic", "noutput", "x", "y", "width", "height", "mwidth", "mheight")]
    _fields_ += [("outputs", ctypes.POINTER(ctypes.c_ulong))]


@cache
def _xlib() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    """libX11 and libXrandr with their argument types declared, so 64-bit pointers are not cut to C ints."""
    x11_name, xrandr_name = ctypes.util.find_library("X11"), ctypes.util.find_library("Xrandr")
    if not x11_name or not xrandr_name:
        raise WindowTimingError("libX11 and libXrandr are needed (Debian: libx11-6 libxrandr2)")
    x11, xrandr = ctypes.CDLL(x11_name), ctypes.CDLL(xrandr_name)
    ptr, xid, c_int, monitor = ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.POINTER(_MonitorInfo)
    signatures: dict[tuple[ctypes.CDLL, str], tuple[Any, list[Any]]] = {
        (x11, "XOpenDisplay"): (ptr, [ctypes.c_char_p]), (x11, "XCloseDisplay"): (c_int, [ptr]),
        (x11, "XDefaultRootWindow"): (xid, [ptr]), (x11, "XConnectionNumber"): (c_int, [ptr]),
        (x11, "XSelectInput"): (c_int, [ptr, xid, ctypes.c_long]), (x11, "XSync"): (c_int, [ptr, c_int]),
        (x11, "XPending"): (c_int, [ptr]), (x11, "XNextEvent"): (c_int, [ptr, ptr]), (x11, "XFree"): (c_int, [ptr]),
        (x11, "XInternAtom"): (xid, [ptr, ctypes.c_char_p, c_int]), (x11, "XSetErrorHandler"): (ptr, [ptr]),
        (x11, "XGetWindowProperty"): (c_int, [ptr, xid, xid, ctypes.c_long, ctypes.c_long, c_int, xid] + [ptr] * 5),
        (xrandr, "XRRGetMonitors"): (monitor, [ptr, xid, c_int, ctypes.POINTER(c_int)]),
        (xrandr, "XRRAllocateMonitor"): (monitor, [ptr, c_int]), (x11, "XSetCloseDownMode"): (c_int, [ptr, c_int]),
        (xrandr, "XRRSetMonitor"): (None, [ptr, xid, monitor]), (xrandr, "XRRFreeMonitors"): (None, [ptr]),
    }
    for (library, name), (restype, argtypes) in signatures.items():
        getattr(library, name).restype, getattr(library, name).argtypes = restype, argtypes
    return x11, xrandr


def _connect(display: str) -> tuple[ctypes.CDLL, ctypes.CDLL, int]:
    x11, xrandr = _xlib()
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        raise WindowTimingError(f"cannot open X display {display}")
    return x11, xrandr, int(connection)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group, SIGKILL after 5 s; the group holds what it started (QtWebEngine helpers)."""
    for sig, patience in ((signal.SIGTERM, 5), (signal.SIGKILL, None)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(patience)


class VirtualDisplay:
    """Xvfb showing a 1920x1080 laptop left of three 3840x2160 walls, seen by Qt 6 (xcb) as 4 QScreens.

    Xvfb's +xinerama stacks its screens at 0,0, so this is one 13440x2160 screen cut into RandR 1.5 monitors (Qt 5,
    thus OpenLP, sees one screen). They die with the client that made them unless it retains them, under -noreset.
    """

    LAYOUT = (("laptop", 1920, 1080), ("wall-1", 3840, 2160), ("wall-2", 3840, 2160), ("wall-3", 3840, 2160))
    display = ""
    _server: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> bool:
        return bool(shutil.which("Xvfb") and ctypes.util.find_library("X11") and ctypes.util.find_library("Xrandr"))

    def env(self, base_env: Mapping[str, str]) -> dict[str, str]:
        return {**base_env, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}

    def __enter__(self) -> Self:
        if not self.available():
            raise WindowTimingError("Xvfb, libX11 or libXrandr is missing (Debian: xvfb libxrandr2)")
        size = f"{sum(w for _, w, _ in self.LAYOUT)}x{max(h for _, _, h in self.LAYOUT)}x24"
        read_end, write_end = os.pipe()
        self._server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", size, "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(write_end)
        try:
            with os.fdopen(read_end, "rb") as numbers:
                number = numbers.readline().strip().decode() if select.select([numbers], [], [], 20)[0] else ""
            if not number:
                raise WindowTimingError(f"Xvfb opened no display in 20 s (exit code {self._server.poll()})")
            self.display = f":{number}"
            self._define_monitors()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._server is not None:
            _stop(self._server)
            self._server = None

    def _define_monitors(self) -> None:
        x11, xrandr, connection = _connect(self.display)
        root, count = x11.XDefaultRootWindow(connection), ctypes.c_int()
        automatic = xrandr.XRRGetMonitors(connection, root, 0, ctypes.byref(count))
        output = automatic[0].outputs[0] if count.value and automatic[0].noutput else 0
        xrandr.XRRFreeMonitors(automatic)
        for index, (name, width, height) in enumerate(self.LAYOUT):
            monitor = xrandr.XRRAllocateMonitor(connection, 1 if index == 0 and output else 0)
            info = monitor.contents
            info.name, info.primary = x11.XInternAtom(connection, name.encode(), 0), int(index == 0)
            info.x, info.y, info.width, info.height = sum(w for _, w, _ in self.LAYOUT[:index]), 0, width, height
            info.mwidth, info.mheight = width * 254 // 960, height * 254 // 960
            if info.noutput:
                info.outputs[0] = output
            xrandr.XRRSetMonitor(connection, root, monitor)
            x11.XFree(monitor)
        x11.XSetCloseDownMode(connection, _RETAIN_PERMANENT)
        x11.XCloseDisplay(connection)


class _TitleWatcher:
    """Titles of the windows mapped on the root, whether the title was set before or after the map."""

    def __init__(self, display: str) -> None:
        self.x11, _, self.connection = _connect(display)
        self.previous_handler = self.x11.XSetErrorHandler(ctypes.cast(_ignore_x_errors, ctypes.c_void_p))
        self.net_wm_name = self.x11.XInternAtom(self.connection, b"_NET_WM_NAME", 0)
        self.x11.XSelectInput(self.connection, self.x11.XDefaultRootWindow(self.connection), _SUBSTRUCTURE_NOTIFY)
        self.x11.XSync(self.connection, 0)
        self.mapped: set[int] = set()
        self.event = (ctypes.c_long * 24)()

    def close(self) -> None:
        self.x11.XCloseDisplay(self.connection)
        self.x11.XSetErrorHandler(self.previous_handler)

    def next_title(self) -> str:
        """Take one queued event: the title of the mapped window it concerns, or ""."""
        self.x11.XNextEvent(self.connection, self.event)
        kind = ctypes.c_int.from_buffer(self.event).value
        window = ctypes.c_ulong.from_buffer(self.event, 40 if kind in (_MAP_NOTIFY, _UNMAP_NOTIFY) else 32).value
        if kind == _UNMAP_NOTIFY:
            self.mapped.discard(window)
        elif kind == _MAP_NOTIFY:
            self.mapped.add(window)
            self.x11.XSelectInput(self.connection, window, _PROPERTY_CHANGE)
        if window not in self.mapped or kind not in (_MAP_NOTIFY, _PROPERTY_NOTIFY):
            return ""
        wm_name = self._text(window, _WM_NAME)  # b"" if untitled (OpenLP's splash), though _NET_WM_NAME is "OpenLP"
        title = b"" if wm_name == b"" else self._text(window, self.net_wm_name) or wm_name or b""
        return title.decode(errors="replace")

    def _text(self, window: int, atom: int) -> bytes | None:
        data, count = ctypes.c_void_p(), ctypes.c_ulong()
        kind, bits, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong()
        if self.x11.XGetWindowProperty(self.connection, window, atom, 0, 4096, 0, _ANY_PROPERTY_TYPE,
                                       *map(ctypes.byref, (kind, bits, count, after, data))) or not kind.value:
            return None
        text = ctypes.string_at(data.value, count.value) if data.value else b""
        self.x11.XFree(data)
        return text


def seconds_until_mapped(command: list[str], env: dict[str, str], title_contains: str, display: str,
                         timeout: float = 60) -> float:
    """Seconds from launching command until a top-level window titled *title_contains* is viewable.

    Listens before the launch so no map is missed; stops the process and its process group either way.
    """
    with tempfile.TemporaryFile() as stderr, contextlib.closing(_TitleWatcher(display)) as watcher:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=stderr, start_new_session=True)
        x_events, exited = watcher.x11.XConnectionNumber(watcher.connection), os.pidfd_open(process.pid)
        try:
            while True:
                while watcher.x11.XPending(watcher.connection):
                    if title_contains in watcher.next_title():
                        return time.perf_counter() - started
                left = started + timeout - time.perf_counter()
                ready = select.select([x_events, exited], [], [], left)[0] if left > 0 else []
                if not ready or (exited in ready and not watcher.x11.XPending(watcher.connection)):
                    what = f"exited with code {process.wait()}" if ready else f"ran {timeout:g} s"
                    stderr.seek(0)
                    raise WindowTimingError(f"{command[0]} {what} without mapping a window titled {title_contains!r}; "
                                            f"its stderr ends:\n{stderr.read()[-3000:].decode('utf-8', 'replace')}")
        finally:
            os.close(exited)
            _stop(process)


def openlp_available() -> bool:
    return shutil.which("openlp") is not None


def openlp_settings_home(folder: Path) -> dict[str, str]:
    """Env overrides for a throwaway home where OpenLP opens straight to its main window, as after a first run.

    The keys skip openlp/core/app.py's modal steps: first-run wizard and language prompt (core/has run wizard),
    "upgraded: back up?" prompts (core/application version, settings/version), web remote download (api/update check).
    Plugins as the wizard leaves them, but no Impress: its LibreOffice starts detached and outlives the run. TMPDIR
    moves OpenLP's single-instance socket; as root, QtWebEngine (the live display) won't start with its sandbox on.
    """
    openlp = shutil.which("openlp")
    if openlp is None:
        raise WindowTimingError("openlp is not installed (Debian: openlp)")
    interpreter = Path(openlp).read_text().splitlines()[0].removeprefix("#!").strip()
    version = subprocess.run(
        [interpreter, "-c", "from openlp.core.version import get_version; print(get_version()['version'])"],
        capture_output=True, text=True, check=True).stdout.strip()
    homes = {name: folder / name.lower() for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                                      "TMPDIR")}
    for path in [*homes.values(), homes["XDG_CONFIG_HOME"] / "OpenLP"]:
        path.mkdir(parents=True, exist_ok=True)
    plugins = "".join(f"[{plugin}]\nstatus=1\n\n" for plugin in (
        "songs", "bibles", "images", "media", "custom", "songusage", "alerts"))
    (homes["XDG_CONFIG_HOME"] / "OpenLP" / "OpenLP.conf").write_text(
        f"[settings]\nversion=2\n\n[core]\nhas%20run%20wizard=true\napplication%20version={version}\nlanguage=en\n\n"
        f"[api]\nupdate%20check=false\nip%20address=127.0.0.1\n\n[presentations]\nstatus=1\nImpress=0\n\n{plugins}")
    sandbox = {"QTWEBENGINE_DISABLE_SANDBOX": "1"} if os.geteuid() == 0 else {}
    return {**{name: str(path) for name, path in homes.items()}, **sandbox}


def time_openlp(display: VirtualDisplay, folder: Path) -> float:
    """Seconds until OpenLP's main window (titled "OpenLP"; its splash is untitled) is mapped."""
    env = display.env({**os.environ, **openlp_settings_home(folder)})
    return seconds_until_mapped(["openlp"], env, "OpenLP", display.display)
