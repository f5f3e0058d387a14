import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from customer_room_desktop.app.cli import main

SCRIPT = Path(sys.executable).parent / "customer-room"


def run(*args, cwd=None):
    """The installed command, as a user runs it (from any folder)."""
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True, cwd=cwd)


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_the_version_is_written_once_and_the_command_prints_it(tmp_path):
    """One version: __init__.py holds it, the package metadata is made from it, and the changelog has it."""
    import tomllib
    from importlib.metadata import version

    from customer_room_desktop import __version__

    root = Path(__file__).parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert version("customer-room-desktop") == __version__, "installed metadata is stale: reinstall the package"
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == f"customer-room {__version__}\n"
    assert f"\n## [{__version__}] - " in (root / "packaging" / "CHANGELOG.md").read_text(encoding="utf-8")


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "open", "new", "build", "import", "check", "info"):
        assert command in result.stdout


def test_info_json_counts_the_sample_from_another_folder(sample_room, tmp_path):
    result = run("info", sample_room, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["name"] == "Harbourline Insurance"
    assert info["schema_version"] == 13
    assert info["counts"]["stages"] == 7
    assert info["counts"]["complaints"] >= 2000
    assert info["file_size_bytes"] == sample_room.stat().st_size


def test_check_is_clean_on_the_sample_and_lists_findings_otherwise(sample_room_copy, capsys):
    assert main(["check", str(sample_room_copy)]) == 0
    conn = sqlite3.connect(sample_room_copy)
    conn.execute("UPDATE calls SET duration_ms = 1000 WHERE id = 1")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["check", str(sample_room_copy)]) == 1
    assert "transcript lines after the end of its recording" in capsys.readouterr().out


def _truncated(sample_room, tmp_path):
    path = tmp_path / "half.croom"
    data = sample_room.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _newer(sample_room, tmp_path):
    path = tmp_path / "newer.croom"
    shutil.copyfile(sample_room, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


def _not_a_room(sample_room, tmp_path):
    path = tmp_path / "minutes.croom"
    path.write_text("These are not the droids.\n" * 200)
    return path


def _other_database(sample_room, tmp_path):
    path = tmp_path / "crm.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("make, words", [
    (_not_a_room, "is not a room file"),
    (_other_database, "not a Customer Room file"),
    (_truncated, "is damaged"),
    (_newer, "newer Customer Room Desktop"),
])
@pytest.mark.parametrize("command", ["info", "check", "open"])
def test_bad_files_are_refused_with_one_sentence_exit_2_and_unchanged_bytes(sample_room, tmp_path, make, words,
                                                                            command):
    path = make(sample_room, tmp_path)
    before = sha(path)
    result = run(command, path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and str(path) in lines[0]
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_import_of_a_bad_row_names_the_line_and_leaves_the_room_alone(sample_room_copy, tmp_path, capsys):
    csv_path = tmp_path / "complaints.csv"
    csv_path.write_text("received_on,source,category,stage\n2026-11-01,E-mail,Slow,claim\n"
                        "2026-11-02,E-mail,Slow,nowhere\n", encoding="utf-8")
    before = sqlite3.connect(sample_room_copy).execute("SELECT count(*) FROM complaints").fetchone()[0]
    assert main(["import", "complaints", str(sample_room_copy), str(csv_path)]) == 2
    err = capsys.readouterr().err
    assert "complaints.csv, line 3: 'nowhere' is not a stage of this room; nothing was imported." in err
    assert sqlite3.connect(sample_room_copy).execute("SELECT count(*) FROM complaints").fetchone()[0] == before


def test_new_build_and_import_round_trip(tiny_source, tmp_path, capsys):
    empty = tmp_path / "empty.croom"
    assert main(["new", str(empty), "--name", "Blank"]) == 0
    assert main(["new", str(empty)]) == 2
    built = tmp_path / "t.croom"
    assert main(["build", str(tiny_source), "-o", str(built)]) == 0
    assert main(["build", str(tiny_source), "-o", str(built)]) == 2
    csv_path = tmp_path / "more.csv"
    csv_path.write_text("Date,Channel,Issue,Narrative\n03/04/2026,Phone,Billing,Charged twice\n", encoding="utf-8")
    assert main(["import", "complaints", str(built), str(csv_path), "--set", "stage=buy"]) == 0
    assert "Imported 1 complaints rows" in capsys.readouterr().out
    assert main(["import", "complaints", str(built), str(csv_path), "--map", "Nope=category"]) == 2
    assert main(["import", "complaints", str(built), str(csv_path), "--set", "colour"]) == 2


def test_the_installed_package_carries_the_sample_room_and_styles(tmp_path):
    """Run from a folder outside the checkout, so only the installed package can answer."""
    code = ("from customer_room_desktop.app.paths import bundled_folder, sample_room_source\n"
            "print(sample_room_source() / 'room.toml')\n"
            "print(bundled_folder('resources') / 'styles' / 'console.qss')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    for line in result.stdout.splitlines():
        assert Path(line).is_file(), line


def test_every_package_folder_is_installed():
    """A subpackage missing from pyproject's package list works in a checkout and breaks when installed."""
    import tomllib

    root = Path(__file__).parents[2]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(root).parts)
             for init in (root / "customer_room_desktop").rglob("__init__.py")}
    assert found <= listed, f"add to pyproject.toml: {sorted(found - listed)}"
