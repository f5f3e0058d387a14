"""A new user's first room, scripted as they would work it, for test_new_user_session.py and the editor
benchmark: a 6-stage room from a folder of the client's files, the client's complaints export through the
import wizard, one persona and two KPIs added in the editor's grids, then the room opened live.

Every step goes through what the user would touch (the folder command, the wizard's pages, the grids'
cells, the live room); each step's seconds are returned.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget

from customer_room_desktop.app.live_room import LiveRoom
from customer_room_desktop.app.room_editor import RoomEditor
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.domain import room_commands as cmd
from customer_room_desktop.services.room_builder import build_from_folder
from customer_room_desktop.services.screen_assignment import AssignmentStore
from customer_room_desktop.storage.room_file import RoomFile
from tests.services.artifact_files import phone_jpeg, word_processor_pdf
from tests.services.test_folder_source import SUBTITLES, call_recording

STAGES = ("1 Discover", "2 Compare", "3 Buy", "4 Get started", "5 Claim", "6 Renew")
COMPLAINTS = 600


def client_folder(root: Path) -> Path:
    folder = root / "Kestrel Home Insurance"
    for number, name in enumerate(STAGES):
        stage = folder / name
        stage.mkdir(parents=True)
        Image.new("RGB", (800, 500), (30 + 30 * number, 120, 200)).save(stage / f"Screen {number + 1}.png")
        (stage / "Letter.pdf").write_bytes(word_processor_pdf())
    (folder / "3 Buy" / "Signed_proposal.jpg").write_bytes(phone_jpeg())
    call_recording(folder / "5 Claim" / "Burst pipe call.wav", 3.0)
    (folder / "5 Claim" / "Burst pipe call.srt").write_bytes(b"\xff\xfe" + SUBTITLES.encode("utf-16-le"))
    return folder


def complaints_export(root: Path) -> Path:
    """As Excel saves a CSV in a Dutch or German locale: a sep= line, a banner, semicolons, decimal commas."""
    rng = random.Random(21)
    keys = ("discover", "compare", "buy", "get-started", "claim", "renew")
    lines = ["sep=;", "Klachtenrapport Q1;;;;", ";;;;", "Datum;Categorie;Fase;Omschrijving;Waarde"]
    for n in range(COMPLAINTS):
        stage = keys[rng.randrange(6)] if n % 7 else "claim"
        lines.append(f"{1 + n % 28:02d}/{1 + n % 3:02d}/2026;{rng.choice(['Slow', 'Unclear', 'Price'])};{stage};"
                     f"\"Waited; nobody called back ({n})\";{rng.randint(10, 900)},{rng.randint(0, 99):02d}")
    path = root / "klachten Q1.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252") + b"\r\n")
    return path


def _tab(editor: RoomEditor, table: str) -> object:
    editor.window.tabs.setCurrentWidget(editor.window.grids[table])
    return editor.window.grids[table]


def _cell(grid: QTableWidget, key: str, column: int, text: str) -> None:
    row = [grid.verticalHeaderItem(r).text() for r in range(grid.rowCount())].index(key)
    grid.item(row, column).setText(text)


def run_new_user_session(root: Path) -> dict:
    """Returns each step's seconds and what the user would check: the stages, rows and live walls."""
    seen: dict = {"seconds": {}}
    started = time.perf_counter()
    folder, export = client_folder(root), complaints_export(root)
    room_path = root / "kestrel.croom"
    report = build_from_folder(folder, room_path, consent=True)
    seen["seconds"]["room from the folder"] = time.perf_counter() - started
    seen["report"] = report
    with RoomFile.open(room_path) as room:
        editor = RoomEditor(room)
        step = time.perf_counter()
        wizard = editor.import_wizard()
        wizard.show()
        wizard.path.setText(str(export))
        wizard.next()
        wizard.next()
        for field, heading in (("received_on", "Datum"), ("category", "Categorie"), ("stage", "Fase"),
                               ("verbatim", "Omschrijving"), ("value", "Waarde")):
            wizard.choices[field].setCurrentText(heading)
        wizard.date_format.setText("%d/%m/%Y")
        wizard.next()
        seen["dry_run"] = wizard.outcome.text()
        editor.finish_import(wizard)
        wizard.close()
        seen["seconds"]["complaints through the wizard"] = time.perf_counter() - step
        step = time.perf_counter()
        grids = editor.window.grids
        _tab(editor, "personas").add_requested.emit("personas")
        _cell(grids["personas"].grid, "new-persona", 0, "Ana, first-time buyer")
        _cell(grids["personas"].grid, "new-persona", 2, "I just want to know I am covered.")
        _tab(editor, "moments").add_requested.emit("moments")
        _cell(grids["moments"].grid, "new-moment", 0, "I report the damage")
        columns = list(_tab(editor, "kpis").columns)
        for key, values in (("new-kpi", {"name": "Days to settle a claim", "unit": "days", "direction": "lower",
                                         "target": "10", "at_risk": "20", "failing": "30"}),
                            ("new-kpi-2", {"name": "Claims reported online", "unit": "%", "target": "60",
                                           "failing": "30", "at_risk": "40"})):
            grids["kpis"].add_requested.emit("kpis")
            for column, value in values.items():  # in the order a user fills them, each one checked as typed
                _cell(grids["kpis"].grid, key, columns.index(column), value)
        seen["seconds"]["a persona and two KPIs"] = time.perf_counter() - step
        seen["undo_steps"] = editor.stack.count()
        editor.close()
        step = time.perf_counter()
        live = LiveRoom(WallFactory(room), AssignmentStore(root / "walls.json", "new-user", "test"))
        live.start()
        deadline = time.monotonic() + 20
        while not live.on_screen() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
        live.send(cmd.Go(5))
        QCoreApplication.processEvents()
        seen["seconds"]["opened live"] = time.perf_counter() - step
        seen["live_stage"] = live.state.stage.name
        seen["stage_complaints"] = sum(c.count for c in live.factory.stage_data(5).categories)
        live.shut_down()
        seen["stages"] = [name for (name,) in room.db.execute("SELECT name FROM stages ORDER BY position")]
        seen["complaints"] = room.db.execute("SELECT count(*) FROM complaints").fetchone()[0]
        seen["kpis"] = room.db.execute("SELECT name, unit, direction, target, at_risk, failing FROM kpis "
                                       "ORDER BY id").fetchall()
        seen["refusals"] = editor.window.grids["kpis"].error.text()
    seen["seconds"]["whole session"] = time.perf_counter() - started
    return seen
