"""A libVLC folder of our own: libvlc, libvlccore and only the plugins in vlc-plugins.txt.

    python packaging/bundle/vlc_folder.py DEST [--libdir /usr/lib/x86_64-linux-gnu]
    python packaging/bundle/vlc_folder.py --list [--platform linux|windows|macos]

makes DEST/libvlc.so.5, DEST/libvlccore.so.9 and DEST/plugins/<group>/<plugin>.so from the system's
libVLC 3.0 (Debian: libvlc5 vlc-plugin-base), laid out as the bundle lays out its own. Point the
app at it with CUSTOMER_ROOM_VLC_DIR=DEST (or `customer-room doctor --vlc-dir DEST`) to run anything
against exactly the bundle's plugins. The PyInstaller spec reads the same list (``bundle_plugins``).

Windows and macOS use the same list, its names mapped (``.so`` becomes ``.dll`` or ``.dylib``), and take
libVLC from a VLC install: the folder VLC_DIR names on Windows (default C:\\Program Files\\VideoLAN\\VLC),
the VLC.app VLC_APP names on macOS (default /Applications/VLC.app). `--list --platform windows` prints
the list as a Windows build reads it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from typing import NamedTuple
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGIN_LIST = HERE / "vlc-plugins.txt"
LIBDIR = Path("/usr/lib/x86_64-linux-gnu")
LIBRARIES = ("libvlc.so.5", "libvlccore.so.9")
PLATFORMS = {"linux": ".so", "windows": ".dll", "macos": ".dylib"}  # a platform, its plugins' suffix
PLATFORM = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
WINDOWS_VLC = r"C:\Program Files\VideoLAN\VLC"
MACOS_VLC = "/Applications/VLC.app"


class VlcInstall(NamedTuple):
    """Where a platform's libVLC comes from: its two libraries (libvlc, libvlccore) and its plugins."""

    libdir: Path
    plugins: Path
    libraries: tuple[str, str]
    fix: str  # what to do when a file is missing


def vlc_install(platform: str = PLATFORM) -> VlcInstall:
    if platform == "windows":
        folder = Path(os.environ.get("VLC_DIR") or WINDOWS_VLC)
        return VlcInstall(folder, folder / "plugins", ("libvlc.dll", "libvlccore.dll"),
                          "install VLC 3.0 for Windows, 64-bit (choco install vlc), or set VLC_DIR to its folder")
    if platform == "macos":
        macos = Path(os.environ.get("VLC_APP") or MACOS_VLC) / "Contents" / "MacOS"
        return VlcInstall(macos / "lib", macos / "plugins", ("libvlc.dylib", "libvlccore.dylib"),
                          "install VLC 3.0 for macOS (brew install --cask vlc), or set VLC_APP to its VLC.app")
    return VlcInstall(LIBDIR, plugins_folder(LIBDIR), LIBRARIES, "install libVLC's plugins (Debian: vlc-plugin-base)")


def plugin_list(path: Path = PLUGIN_LIST, platform: str = PLATFORM) -> list[str]:
    """The plugins for ``platform``, as paths relative to libVLC's plugins folder (group/name.so on Linux,
    group/name.dll on Windows, group/name.dylib on macOS). A line ending in ``[linux windows]`` is only
    for the platforms it names; a line without brackets is for all three."""
    plugins = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.endswith("]"):
            line, tags = line[:-1].split("[", 1)
            line = line.strip()
            if platform not in tags.split():
                continue
        if line.endswith(".so"):
            line = line[: -len(".so")] + PLATFORMS[platform]
        plugins.append(line)
    return plugins


def plugins_folder(libdir: Path = LIBDIR) -> Path:
    return libdir / "vlc" / "plugins"


def bundle_plugins(libdir: Path = LIBDIR, platform: str = "linux") -> list[tuple[Path, str]]:
    """(source file, folder inside the libVLC folder) for each listed plugin; a missing one raises.

    On Linux the plugins come from ``libdir``'s vlc/plugins; on Windows and macOS from the VLC install
    (``vlc_install``). A plugin not where the list puts it is looked for by name anywhere under the
    plugins folder (VLC.app keeps its plugins in one flat folder); in the bundle it goes to the list's group.
    """
    install = vlc_install(platform)
    source = plugins_folder(libdir) if platform == "linux" else install.plugins
    pairs = []
    for relative in plugin_list(platform=platform):
        path = source / relative
        if not path.is_file() and platform != "linux":
            path = next(iter(sorted(source.rglob(Path(relative).name))), path)
        if not path.is_file():
            raise SystemExit(f"{source / relative} is missing: {install.fix}.")
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
    parser.add_argument("dest", type=Path, nargs="?")
    parser.add_argument("--libdir", type=Path, default=LIBDIR)
    parser.add_argument("--list", action="store_true", help="print the plugin list as --platform reads it")
    parser.add_argument("--platform", choices=sorted(PLATFORMS), default=PLATFORM)
    arguments = parser.parse_args()
    if arguments.list:
        print("\n".join(plugin_list(platform=arguments.platform)))
    elif arguments.dest is None:
        parser.error("name a DEST folder, or --list")
    else:
        print(make_vlc_folder(arguments.dest, arguments.libdir))
