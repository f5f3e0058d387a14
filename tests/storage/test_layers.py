import subprocess
import sys

import pytest


@pytest.mark.parametrize("package, forbidden", [
    ("customer_room_desktop.domain", ("PySide6", "pyqtgraph", "vlc", "PIL", "sqlite_utils", "sqlite3")),
    ("customer_room_desktop.storage", ("PySide6", "pyqtgraph", "vlc")),
])
def test_lower_layers_never_load_qt_or_media_libraries(package, forbidden):
    code = (
        "import importlib, pkgutil, sys\n"
        f"package = importlib.import_module('{package}')\n"
        "names = [m.name for m in pkgutil.iter_modules(package.__path__)]\n"
        "assert len(names) > 5, names\n"
        f"for name in names: importlib.import_module('{package}.' + name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{package} loaded {result.stdout.strip()}"
