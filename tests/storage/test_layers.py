import subprocess
import sys

import pytest


@pytest.mark.parametrize("package, forbidden", [
    ("customer_room_desktop.domain", ("PySide6", "pyqtgraph", "vlc", "PIL", "sqlite_utils", "sqlite3")),
    ("customer_room_desktop.storage", ("PySide6", "pyqtgraph", "vlc")),
])
def test_lower_layers_never_load_qt_or_media_libraries(package, forbidden):
    modules = {
        "customer_room_desktop.domain": ["journey", "evidence", "meetings", "reliability", "complaint_trend",
                                         "customer_asset", "transcripts", "periods"],
        "customer_room_desktop.storage": ["room_file", "media_store", "migrations", "journey_queries",
                                          "room_summary", "errors"],
    }[package]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module('{package}.' + name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{package} loaded {result.stdout.strip()}"
