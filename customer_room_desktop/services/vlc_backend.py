"""libVLC, loaded with care: the room runs without it, and says why calls cannot play.

python-vlc fails in four ways when libVLC is absent or broken; each becomes VlcUnavailable with
one sentence for the user. One libVLC instance serves the whole application.

A libVLC folder of our own (the bundle's, or CUSTOMER_ROOM_VLC_DIR) is used instead of the system's:
python-vlc is pointed at it before its import, and libvlccore is loaded from it first, so that libVLC
and every plugin bind to that copy, not to one the system may have (python-vlc issue 37). On Windows
the folder is also added to the DLL search path (os.add_dll_directory), so the plugins find the
folder's libvlccore.dll rather than one from an installed VLC.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shlex
import sys
from pathlib import Path
from types import ModuleType

from ..domain.refusal import Refusal

HEADLESS_ARGS = ("--aout=dummy", "--vout=dummy", "--text-renderer=dummy")
COMMON_ARGS = ("--no-auto-preparse", "--file-caching=50", "--network-caching=50", "--quiet", "--no-video-title-show")
_instance = None
_failure: str | None = None
VLC_DIR_VARIABLE = "CUSTOMER_ROOM_VLC_DIR"
# (libvlccore, libvlc) in a libVLC folder; its plugins are in the folder's plugins/
_LIBRARIES = {"win32": ("libvlccore.dll", "libvlc.dll"), "darwin": ("libvlccore.dylib", "libvlc.dylib")}
_LINUX_LIBRARIES = ("libvlccore.so.9", "libvlc.so.5")
_dll_directories: list = []  # Windows: the os.add_dll_directory handles, kept for the life of the process


class VlcUnavailable(Refusal):
    """libVLC cannot be used; str() says why and what to install."""


def own_vlc_folder() -> Path | None:
    """The libVLC folder to use instead of the system's: CUSTOMER_ROOM_VLC_DIR when set, else the
    bundle's own vlc/ folder when running from a bundle; None: the system's libVLC."""
    named = os.environ.get(VLC_DIR_VARIABLE)
    if named:
        return Path(named)
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "vlc"
    return None


def use_vlc_folder(folder: Path) -> None:
    """Point python-vlc and libVLC at ``folder`` (libvlc, libvlccore and plugins/); call before `import vlc`."""
    core, library = _LIBRARIES.get(sys.platform, _LINUX_LIBRARIES)
    plugins = str(folder / "plugins")
    os.environ["PYTHON_VLC_LIB_PATH"] = str(folder / library)
    os.environ["PYTHON_VLC_MODULE_PATH"] = plugins
    os.environ["VLC_PLUGIN_PATH"] = plugins
    if sys.platform == "win32":
        # a missing folder raises here; python-vlc's load of libvlc.dll then fails and says so
        with contextlib.suppress(OSError):
            _dll_directories.append(os.add_dll_directory(str(folder)))
    # libvlccore first: libvlc and the plugins then bind to this copy; if it is missing, python-vlc's own
    # load of libvlc fails next, and says so
    with contextlib.suppress(OSError):
        ctypes.CDLL(str(folder / core), mode=getattr(ctypes, "RTLD_GLOBAL", 0))


def load_vlc() -> ModuleType:
    folder = own_vlc_folder()
    if folder is not None and "vlc" not in sys.modules:
        use_vlc_folder(folder)
    try:
        import vlc  # noqa: PLC0415
    except SystemExit:  # a wrong PYTHON_VLC_LIB_PATH makes python-vlc call sys.exit during import
        where = f"from {folder}" if folder is not None else "(PYTHON_VLC_LIB_PATH points at no libVLC)"
        raise VlcUnavailable(f"VLC could not be loaded {where}; "
                             "install VLC (Debian: libvlc5 vlc-plugin-base) to play calls.") from None
    except (ImportError, OSError, NotImplementedError) as error:
        raise VlcUnavailable(f"VLC is not installed ({error}); install VLC to play calls.") from None
    if getattr(getattr(vlc, "dll", None), "_name", None) is None:
        raise VlcUnavailable("VLC is not installed; install VLC (Debian: libvlc5 vlc-plugin-base) to play calls.")
    return vlc


def shared_instance():
    """The application's one libVLC instance. Extra arguments come from CUSTOMER_ROOM_VLC_ARGS
    (tests and headless rooms use "--aout=dummy --vout=dummy")."""
    global _instance, _failure
    if _instance is not None:
        return _instance
    if _failure:
        raise VlcUnavailable(_failure)
    try:
        vlc = load_vlc()
        extra = shlex.split(os.environ.get("CUSTOMER_ROOM_VLC_ARGS", ""))
        instance = vlc.Instance(*COMMON_ARGS, *extra)
    except VlcUnavailable as problem:
        _failure = str(problem)
        raise
    except (NameError, NotImplementedError, OSError) as error:
        _failure = f"VLC could not start ({error}); install VLC to play calls."
        raise VlcUnavailable(_failure) from None
    if instance is None:  # libVLC found, its plugins not
        _failure = "VLC is installed without its plugins (Debian: vlc-plugin-base); calls cannot play."
        raise VlcUnavailable(_failure)
    _instance = instance
    return instance
