"""libVLC, loaded with care: the room runs without it, and says why calls cannot play.

python-vlc fails in four ways when libVLC is absent or broken; each becomes VlcUnavailable with
one sentence for the user. One libVLC instance serves the whole application.
"""

from __future__ import annotations

import os
import shlex
from types import ModuleType

from ..domain.refusal import Refusal

HEADLESS_ARGS = ("--aout=dummy", "--vout=dummy", "--text-renderer=dummy")
COMMON_ARGS = ("--no-auto-preparse", "--file-caching=50", "--network-caching=50", "--quiet", "--no-video-title-show")
_instance = None
_failure: str | None = None


class VlcUnavailable(Refusal):
    """libVLC cannot be used; str() says why and what to install."""


def load_vlc() -> ModuleType:
    try:
        import vlc  # noqa: PLC0415
    except SystemExit:  # a wrong PYTHON_VLC_LIB_PATH makes python-vlc call sys.exit during import
        raise VlcUnavailable("VLC could not be loaded (PYTHON_VLC_LIB_PATH points at no libVLC); "
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
