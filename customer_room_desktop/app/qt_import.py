"""Qt imported for a command that shows windows, without PySide reading this program's source files.

Once PySide6 is imported it sees every module imported after it, and the first time it sees one it reads
the module's whole source file (``inspect.getsource``) to find the word "PySide6": that is how it knows
which modules may ask for its optional naming features (``from __feature__ import snake_case``). The
answer goes into a table by module name: 0, "uses PySide, no feature", or -1, "ignore". Opening a room
imports about 190 modules after PySide, so it read 190 source files and kept them all in memory
(``linecache``): 11-19 ms of the start on the benchmark machine, for a question whose answer is known.

This program asks for no feature, so each of its modules is entered as 0 (PySide's own answer for a
module that uses it; for one that does not, 0 only switches to the default names, which are already in
use), and the standard library's packages as -1 ("ignore"), before they are imported: PySide then reads
nothing it does not have to. The table is PySide's own, not a public interface: PySide is pinned to 6.11
(pyproject.toml), and where the table is not found nothing is entered and PySide reads the files as before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

USES_PYSIDE = 0  # PySide's entry for a module that uses it and asks for no feature
IGNORED = -1  # PySide's entry for a module it need not look at

PACKAGE = __name__.rsplit(".", 2)[0]
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
    """The dotted names of the package at ``folder`` and of every module and package inside it."""
    names = [package]
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return names
    for entry in entries:
        if entry.name == "__pycache__" or entry.name.startswith("."):
            continue
        if entry.is_dir():
            if os.path.exists(os.path.join(entry.path, "__init__.py")):
                names += package_modules(Path(entry.path), f"{package}.{entry.name}")
        elif entry.name.endswith(".py") and entry.name != "__init__.py":
            names.append(f"{package}.{entry.name[:-3]}")
    return names
