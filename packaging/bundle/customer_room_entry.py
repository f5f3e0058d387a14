"""The bundle's entry point: `customer-room`, with the bundle's own fonts found first.

libVLC needs nothing here: vlc_backend.load_vlc, the one place that imports python-vlc, sees
sys.frozen and points PYTHON_VLC_LIB_PATH, PYTHON_VLC_MODULE_PATH and VLC_PLUGIN_PATH at the
bundle's vlc/ folder (loading its libvlccore first) before `import vlc`.
"""

import os
import sys
from pathlib import Path

if getattr(sys, "frozen", False):
    # fontconfig reads the bundle's fonts.conf: the system's own configuration when there is one, and
    # the DejaVu fonts the walls are measured in, which a minimal system lacks
    fonts = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "fonts" / "fonts.conf"
    if fonts.is_file():
        os.environ.setdefault("FONTCONFIG_FILE", str(fonts))

from customer_room_desktop.app.launch import main  # noqa: E402


def finder_arguments(arguments: list[str]) -> list[str]:
    """macOS: the .app started from the Finder has no command. A room double-clicked (PyInstaller's argv
    emulation passes it as the one argument) opens live; with none, the sample room, as open-room does
    on Linux. Any other command line is left as it is."""
    if not arguments:
        return ["demo"]
    if len(arguments) == 1 and arguments[0].endswith(".croom") and Path(arguments[0]).is_file():
        return ["open", arguments[0]]
    return arguments


if __name__ == "__main__":
    if getattr(sys, "frozen", False) and sys.platform == "darwin" and ".app/Contents/MacOS/" in sys.executable:
        sys.exit(main(finder_arguments(sys.argv[1:])))
    sys.exit(main())
