"""Is a room's schema the one its format defines? Nothing a room carries may be turned against its reader.

A room travels on USB sticks. Someone could add a trigger by hand (``AFTER INSERT ON complaints BEGIN
DELETE FROM decisions; END``), and the next ordinary import would delete every decision. So before a
room is opened for writing, and by ``check``, its tables, indexes, triggers and views are compared
with what a fresh room of its format contains: the migrations 1..N run once per process in an
in-memory database (17-26 ms). Rooms from elsewhere also get ``PRAGMA quick_check`` before their first
write.

"From elsewhere" means: not last closed cleanly by this application for this user. When this
application closes a room it opened for writing, with no ``-wal`` left beside it, it remembers the
file's path, size, modification time, inode and device in a small local file (the app says where,
through ``remember_rooms_in``; with none set every room counts as from elsewhere). A room copied in,
changed by another program or another machine, or left by a crash no longer matches, and is checked.
A room that still matches was checked, schema and all, before this application last wrote to it, and
nobody has written to it since, so it is opened without either check: a facilitator reopening their
own room does not wait for the migrations to be replayed. (What that trusts: a change made in place
that keeps the file's size and puts its modification time back, which takes a deliberate act by
someone who can write to the user's files.)
"""

from __future__ import annotations


import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote


from . import migrations
from .errors import CorruptRoomError, UnexpectedSchemaError, damaged_sentence
from ..domain.records import record


# SQLite makes these itself: AUTOINCREMENT's counters, ANALYZE's statistics, UNIQUE/PRIMARY KEY indexes.
_SQLITE_TABLES = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
_KNOWN_ROOMS_KEPT = 200


@record
class _Object:
    type: str
    name: str
    table: str
    sql: str  # normalised


@record
class _Schema:
    objects: dict[tuple[str, str], _Object]
    columns: dict[str, list[tuple]]  # table -> PRAGMA table_xinfo rows (without cid); only the expected's


_expected: dict[tuple, _Schema] = {}
_expected_lock = threading.Lock()  # one computation of each format's schema, whichever thread asks first


def _normalised(sql: str | None) -> str:
    """Whitespace and identifier quotes do not matter; everything else does."""
    text = re.sub(r'["`\[\]]', "", sql or "")
    text = re.sub(r"\s+", " ", text)
    return re.sub(r" ?([(),;=]) ?", r"\1", text).strip()


def _read_objects(conn: sqlite3.Connection) -> dict[tuple[str, str], _Object]:
    objects = {}
    for kind, name, table, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"):
        if kind == "table" and name in _SQLITE_TABLES:
            continue
        if kind == "index" and name.startswith("sqlite_autoindex_") and sql is None:
            continue
        objects[(kind, name)] = _Object(kind, name, table, _normalised(sql))
    return objects


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple]:
    quoted = table.replace('"', '""')
    return [tuple(row[1:]) for row in conn.execute(f'PRAGMA table_xinfo("{quoted}")')]


def expected_schema(version: int) -> _Schema:
    """What a fresh room of format ``version`` contains; computed once per process per format (a thread
    asking while another computes it waits for that one)."""
    steps = tuple(migrations.MIGRATIONS[:version])
    key = (version, steps)
    with _expected_lock:
        if key not in _expected:
            conn = sqlite3.connect(":memory:")
            try:
                for step in steps:
                    step(conn)
                objects = _read_objects(conn)
                columns = {name: _columns(conn, name) for kind, name in objects if kind == "table"}
                _expected[key] = _Schema(objects, columns)
            finally:
                conn.close()
        return _expected[key]


def schema_problems(conn: sqlite3.Connection) -> list[str]:
    """Every way this room's tables, indexes, triggers and views differ from its format's; one sentence each."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not 0 <= version <= len(migrations.MIGRATIONS):
        return [f"this room's format ({version}) is not one this version of Customer Room knows"]
    expected = expected_schema(version)
    actual = _read_objects(conn)
    problems = []
    for key, extra in actual.items():
        if key not in expected.objects:
            article = "an" if extra.type == "index" else "a"
            problems.append(f"this room contains {article} {extra.type} '{extra.name}' that Customer Room did not make")
    for key, wanted in expected.objects.items():
        found = actual.get(key)
        if found is None:
            where = f" on table '{wanted.table}'" if wanted.type in ("index", "trigger") else ""
            problems.append(f"this room is missing the {wanted.type} '{wanted.name}'{where} that Customer Room made")
        elif found.type == "table" and found.sql != wanted.sql:
            # The columns say what changed; the same columns with other text means other constraints.
            change = _column_change(expected.columns[found.name], _columns(conn, found.name))
            problems.append(f"this room's table '{found.name}' is not as Customer Room made it ({change})")
        elif found.sql != wanted.sql or found.table != wanted.table:
            problems.append(f"this room's {found.type} '{found.name}' is not as Customer Room made it")
    return problems


def _column_change(wanted: list[tuple], found: list[tuple]) -> str:
    wanted_by_name = {column[0]: column for column in wanted}
    found_by_name = {column[0]: column for column in found}
    changes = [f"column '{name}' is missing" for name in wanted_by_name if name not in found_by_name]
    changes += [f"column '{name}' was added" for name in found_by_name if name not in wanted_by_name]
    changes += [f"column '{name}' is changed" for name, column in found_by_name.items()
                if name in wanted_by_name and wanted_by_name[name] != column]
    return ", ".join(changes) if changes else "its constraints differ"


# -- before the first write -----------------------------------------------------------------------
_Room = TypeVar("_Room")
_known_rooms_file: Path | None = None


def remember_rooms_in(path: Path | None) -> None:
    """Where this user's rooms last closed cleanly by this application are remembered (None: nowhere)."""
    global _known_rooms_file
    _known_rooms_file = path


def verify_before_writing(path: Path, open_for_writing: Callable[[Path], _Room]) -> _Room:
    """Open ``path`` with ``open_for_writing`` once nothing in it was made by someone else.

    Refuses (a RoomFileError naming the file and the first problem) a room from elsewhere whose schema
    is not its format's or that fails ``quick_check``. Both are read through a read-only connection, so a
    refused file is left byte for byte as it was (opening for writing may change the journal mode in its
    header). A room this application closed, unchanged since, is opened at once (the module says why).
    """
    known_rooms = _known_rooms_file
    if known_rooms is not None and _is_known(path, known_rooms):
        return open_for_writing(path)
    conn = _read_only(path)
    try:
        problems = schema_problems(conn)
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise UnexpectedSchemaError(f"{path} was not opened for changes: {problems[0]}{more}.")
        result = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        if result != ["ok"]:
            said = [line for line in "\n".join(result).splitlines() if not line.startswith("***")]
            raise CorruptRoomError(damaged_sentence(path, said[0] if said else ""))
    finally:
        conn.close()
    return open_for_writing(path)


def remember_closed(path: Path) -> None:
    """The room at ``path`` was just closed cleanly by this application: it is known until it changes."""
    if _known_rooms_file is not None:
        _remember(Path(path), _known_rooms_file)


def _read_only(path: Path) -> sqlite3.Connection:
    """Immutable when no -wal is beside the room (leaves no files behind); through the -wal when there is."""
    immutable = "" if _has_wal(path) else "&immutable=1"
    conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro{immutable}", uri=True)
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def _has_wal(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _fingerprint(path: Path) -> list[int] | None:
    """The file as this application last left it; None while a -wal holds changes not yet folded in."""
    try:
        if _has_wal(path):
            return None
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_dev]


def _load(known_rooms: Path) -> dict[str, list[int]]:
    try:
        rooms = json.loads(known_rooms.read_text(encoding="utf-8")).get("rooms", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return rooms if isinstance(rooms, dict) else {}


def _is_known(path: Path, known_rooms: Path) -> bool:
    fingerprint = _fingerprint(path)
    return fingerprint is not None and _load(known_rooms).get(str(path.resolve())) == fingerprint


def _remember(path: Path, known_rooms: Path) -> None:
    """Record the room's fingerprint, or forget it while a -wal still holds changes."""
    fingerprint = _fingerprint(path)
    rooms = _load(known_rooms)
    rooms.pop(str(path.resolve()), None)
    if fingerprint is not None:
        rooms[str(path.resolve())] = fingerprint
    kept = dict(list(rooms.items())[-_KNOWN_ROOMS_KEPT:])
    try:
        known_rooms.parent.mkdir(parents=True, exist_ok=True)
        partial = known_rooms.with_name(f"{known_rooms.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps({"rooms": kept}, indent=1), encoding="utf-8")
        os.replace(partial, known_rooms)
    except OSError:
        pass  # nothing remembered: the room is quick-checked again next time, which is only slower
