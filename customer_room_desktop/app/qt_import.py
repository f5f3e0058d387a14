"""Qt imported for a command that shows windows, without PySide reading this program's source files.

Once PySide6 is imported it sees every module imported after it, and the first time it sees one it reads
the module's whole source file (``inspect.getsource``) to find the word "PySide6": that is how it knows
which modules may ask for its optional naming features (``from __feature__ import snake_case``). The
answer goes into a table by module name: 0, "uses PySide, no feature", or -1, "ignore". Opening a room
imported about 150 modules after PySide, so it read about 150 source files and kept them all in memory
(``linecache``): about 10 ms of the start on the benchmark machine, for a question whose answer is known.

This program asks for no feature, so each of its modules is entered as 0 (PySide's own answer for a
module that uses it; for one that does not, 0 only selects the default names, which are in use anyway),
and the standard library's top-level modules as -1 ("ignore"), before they are imported: PySide then
reads none of this program's files (a standard submodule such as ``ctypes._endian``, and other packages
imported later, such as numpy, are still read). The table is PySide's own, not a public interface:
PySide is pinned to 6.11 (pyproject.toml), and where the table is not found nothing is entered and
PySide reads the files as before.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import all_suffixes
from pathlib import Path

USES_PYSIDE = 0  # PySide's entry for a module that uses it and asks for no feature
IGNORED = -1  # PySide's entry for a module it need not look at

PACKAGE = (__package__ or __name__).partition(".")[0]
PACKAGE_FOLDER = Path(__file__).parent.parent


def import_qt() -> None:
    """Import QtCore (which installs PySide's import hook) and enter this package's modules and the
    standard library's in PySide's table, so that neither has its source read on import."""
    import PySide6.QtCore  # noqa: F401, PLC0415 - only commands that show windows import Qt

    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in sys.stdlib_module_names:
        table.setdefault(name, IGNORED)
    for name in package_modules(PACKAGE_FOLDER, PACKAGE):
        table.setdefault(name, USES_PYSIDE)


def package_modules(folder: Path, package: str) -> list[str]:
    """The dotted names of the package at ``folder`` and of every module and package inside it, from
    sources, compiled files (a bundle holds only those) or extension modules."""
    suffixes = sorted(all_suffixes(), key=len, reverse=True)
    names, seen = [package], {package}
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return names
    for entry in entries:  # __pycache__ and hidden folders hold no __init__, hidden files no module name
        if entry.is_dir():
            if any(os.path.exists(os.path.join(entry.path, f"__init__{suffix}")) for suffix in suffixes):
                names += package_modules(Path(entry.path), f"{package}.{entry.name}")
            continue
        module = next((entry.name[:-len(suffix)] for suffix in suffixes if entry.name.endswith(suffix)), "")
        name = f"{package}.{module}"
        if module and module != "__init__" and "." not in module and name not in seen:
            names.append(name)
            seen.add(name)
    return names
