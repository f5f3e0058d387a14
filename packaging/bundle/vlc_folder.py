"""A libVLC folder of our own: libvlc, libvlccore and only the plugins in vlc-plugins.txt.

    python packaging/bundle/vlc_folder.py DEST [--libdir /usr/lib/x86_64-linux-gnu]

makes DEST/libvlc.so.5, DEST/libvlccore.so.9 and DEST/plugins/<group>/<plugin>.so from the system's
libVLC 3.0 (Debian: libvlc5 vlc-plugin-base), laid out as the bundle lays out its own. Point the
app at it with CUSTOMER_ROOM_VLC_DIR=DEST (or `customer-room doctor --vlc-dir DEST`) to run anything
against exactly the bundle's plugins. The PyInstaller spec reads the same list (``bundle_plugins``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGIN_LIST = HERE / "vlc-plugins.txt"
LIBDIR = Path("/usr/lib/x86_64-linux-gnu")
LIBRARIES = ("libvlc.so.5", "libvlccore.so.9")


def plugin_list(path: Path = PLUGIN_LIST) -> list[str]:
    """The plugins, as paths relative to libVLC's plugins folder (group/name.so)."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def plugins_folder(libdir: Path = LIBDIR) -> Path:
    return libdir / "vlc" / "plugins"


def bundle_plugins(libdir: Path = LIBDIR) -> list[tuple[Path, str]]:
    """(source file, folder inside the libVLC folder) for each listed plugin; a missing one raises."""
    source = plugins_folder(libdir)
    pairs = []
    for relative in plugin_list():
        path = source / relative
        if not path.is_file():
            raise SystemExit(f"{path} is missing: install libVLC's plugins (Debian: vlc-plugin-base).")
        pairs.append((path, str(Path("plugins") / Path(relative).parent)))
    return pairs


def write_plugin_cache(plugins: Path) -> None:
    """plugins.dat, so libVLC starts without opening every plugin (vlc-cache-gen, Debian: libvlc-bin)."""
    cache_gen = shutil.which("vlc-cache-gen") or str(LIBDIR / "vlc" / "vlc-cache-gen")
    if Path(cache_gen).is_file():
        subprocess.run([cache_gen, str(plugins)], check=True, capture_output=True)


def make_vlc_folder(dest: Path, libdir: Path = LIBDIR, cache: bool = True) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in LIBRARIES:
        shutil.copy2(libdir / name, dest / name)  # follows the soname link: the file itself, by its soname
    for source, folder in bundle_plugins(libdir):
        (dest / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest / folder / source.name)
    if cache:
        write_plugin_cache(dest / "plugins")
    return dest


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--libdir", type=Path, default=LIBDIR)
    arguments = parser.parse_args()
    print(make_vlc_folder(arguments.dest, arguments.libdir))
