"""Opening a room does not make PySide read this program's source files (app/qt_import.py says why)."""

from __future__ import annotations

import pkgutil
from importlib.machinery import EXTENSION_SUFFIXES

import customer_room_desktop
from customer_room_desktop.app.qt_import import PACKAGE, PACKAGE_FOLDER, package_modules
from tests.app.test_start_up_imports import _report_after_opening

OPEN_AND_LIST_SOURCES_READ = """
import json, linecache, sys
from customer_room_desktop.app import launch, qt_import
if sys.argv[2] == "as PySide alone would":
    qt_import.import_qt = lambda: __import__("PySide6.QtCore")
status = launch.main(["open", sys.argv[1]])
read = [name for name in linecache.cache if "customer_room_desktop" in name]
print(json.dumps({"status": status, "sources read": len(read)}))
"""


def test_opening_a_room_reads_none_of_the_program_s_sources(sample_room_copy, tmp_path):
    report = _report_after_opening(OPEN_AND_LIST_SOURCES_READ, sample_room_copy, tmp_path, extra=["as shipped"])
    assert report == {"status": 0, "sources read": 0}


def test_without_the_table_entered_pyside_reads_every_module_imported_after_it(sample_room_copy, tmp_path):
    report = _report_after_opening(OPEN_AND_LIST_SOURCES_READ, sample_room_copy, tmp_path,
                                   extra=["as PySide alone would"])
    assert report["status"] == 0
    assert report["sources read"] > 100  # were PySide to stop reading them, qt_import.py could go


def test_the_table_names_every_module_of_the_program():
    found = {name for _, name, _ in pkgutil.walk_packages(customer_room_desktop.__path__, f"{PACKAGE}.")}
    assert set(package_modules(PACKAGE_FOLDER, PACKAGE)) == found | {PACKAGE}


def test_in_a_bundle_of_compiled_files_the_table_names_them_too(tmp_path):
    """PyInstaller's bundle (noarchive) holds .pyc files and no sources; an extension module may sit beside."""
    files = ["__init__.pyc", "launch.pyc", "walls/__init__.pyc", "walls/glyphs.pyc",
             f"walls/fast{EXTENSION_SUFFIXES[0]}", "walls/stamp.abi3.so", "resources/logo.pyc",
             "rooms/readme.txt", "__pycache__/old.cpython-311.pyc"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert package_modules(tmp_path, "room") == ["room", "room.launch", "room.walls", "room.walls.fast",
                                                 "room.walls.glyphs", "room.walls.stamp"]
