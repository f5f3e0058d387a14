"""The bundle's libVLC recipe (packaging/bundle/vlc_folder.py), loaded by path: packaging/ is no package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "packaging" / "bundle" / "vlc_folder.py"
_spec = importlib.util.spec_from_file_location("vlc_folder", _PATH)
assert _spec is not None and _spec.loader is not None
vlc_folder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vlc_folder)

LIBDIR = vlc_folder.LIBDIR
LIBRARIES = vlc_folder.LIBRARIES
make_vlc_folder = vlc_folder.make_vlc_folder
plugin_list = vlc_folder.plugin_list
