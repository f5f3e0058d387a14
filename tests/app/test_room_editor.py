"""The room editor on a copy of the sample room, as a user works it: a stage renamed, dragged and duplicated,
each one step of undo; a name `build` would refuse is refused next to its field; the history survives
closing the editor; the preview is the stage's own wall."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, Qt

from customer_room_desktop.app.room_editor import RoomEditor
from customer_room_desktop.services.import_edits import import_as_edit
from customer_room_desktop.services.room_check import check_room
from customer_room_desktop.storage.room_edit_store import undo_edit
from customer_room_desktop.services.room_editing import stage_order, stages
from customer_room_desktop.storage.room_file import RoomFile


@contextmanager
def editing(path, qtbot) -> Iterator[tuple[RoomFile, RoomEditor]]:
    """The editor on the room at ``path``, closed before the room file is."""
    with RoomFile.open(path) as room:
        editor = RoomEditor(room)
        qtbot.addWidget(editor.window)
        try:
            yield room, editor
        finally:
            editor.close()


def _tab(editor: RoomEditor, table: str):
    """The grid of ``table``, its tab opened as a user would (a grid is filled when its tab is shown)."""
    editor.window.tabs.setCurrentWidget(editor.window.grids[table])
    return editor.window.grids[table]


def _names(room: RoomFile) -> list[str]:
    return [stage.name for stage in stages(room)]


def _rename(editor: RoomEditor, row: int, text: str) -> None:
    editor.window.stage_list.setCurrentRow(row)
    field = editor.window.fields["name"]
    field.setText(text)
    field.editingFinished.emit()


def test_rename_drag_and_duplicate_are_each_one_step_of_undo(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        first = _names(room)
        _rename(editor, 1, "I choose a policy")
        assert _names(room)[1] == "I choose a policy"
        assert editor.window.stage_list.item(1).text() == "2 · I choose a policy"
        model = editor.window.stage_list.model()
        assert model.moveRows(QModelIndex(), 6, 1, QModelIndex(), 0)  # a drag of the last stage to the top
        assert stage_order(room)[0] == "renew"
        editor.window.stage_list.setCurrentRow(0)
        editor.window.duplicate_requested.emit("renew")
        assert stage_order(room)[:2] == ("renew", "renew-copy") and len(stage_order(room)) == 8
        assert editor.stack.count() == 3
        for _ in range(3):
            editor.stack.undo()
        assert _names(room) == first and len(stage_order(room)) == 7
        editor.stack.redo()
        assert _names(room)[1] == "I choose a policy"


def test_an_empty_name_is_refused_next_to_its_field_and_nothing_changes(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.window.show()
        _rename(editor, 2, "   ")
        error = editor.window.errors["name"]
        assert error.isVisible() and error.text().startswith("A stage needs a name")
        assert _names(room)[2] == "I get started" and editor.stack.count() == 0


def test_undo_still_works_after_the_editor_is_closed_and_opened_again(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        _rename(editor, 0, "I shop around")
        _rename(editor, 0, "I shop around for cover")
        editor.stack.undo()
    with editing(sample_room_copy, qtbot) as (room, editor):
        assert editor.stack.count() == 2 and editor.stack.index() == 1
        assert editor.stack.canRedo() and _names(room)[0] == "I shop around"
        editor.stack.undo()
        assert _names(room)[0] == "I look for cover"


def test_the_preview_is_the_selected_stages_wall(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.window.stage_list.setCurrentRow(4)
        qtbot.waitUntil(lambda: editor.window.preview.pixmap() is not None
                        and not editor.window.preview.pixmap().isNull(), timeout=5000)
        assert editor.selected == "claim"
        assert editor.window.preview.pixmap().width() == 768


def test_the_grids_edit_every_part_of_the_room_and_refuse_what_build_would(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        kpis = _tab(editor, "kpis")
        row = [kpis.grid.verticalHeaderItem(r).text() for r in range(kpis.grid.rowCount())].index("settlement-days")
        failing = list(kpis.columns).index("failing")
        kpis.grid.item(row, failing).setText("ten")
        assert kpis.error.text() == "settlement-days, failing: 'ten' is not a number."
        assert kpis.grid.item(row, failing).text() != "ten"  # the cell shows what the room still holds
        kpis.grid.item(row, failing).setText("1")  # lower is better: failing below at risk, as check will say
        assert "should not be below at risk (30)" in kpis.error.text()
        kpis.grid.item(row, failing).setText("50")
        assert room.db.execute("SELECT failing FROM kpis WHERE key = 'settlement-days'").fetchone()[0] == 50.0
        calls = _tab(editor, "calls")
        consent = calls.grid.item(0, list(calls.columns).index("consent"))
        consent.setCheckState(Qt.CheckState.Unchecked)
        key = calls.grid.verticalHeaderItem(0).text()
        assert room.db.execute("SELECT consent FROM calls WHERE key = ?", (key,)).fetchone()[0] == 0
        personas = _tab(editor, "personas")
        personas.grid.item(0, 0).setText("")
        assert personas.error.text().endswith("A persona needs a name.")
        assert editor.stack.count() == 3
        editor.stack.undo()
        editor.stack.undo()
        assert room.db.execute("SELECT consent FROM calls WHERE key = ?", (key,)).fetchone()[0] == 1
        calls = _tab(editor, "calls")  # back on the calls tab, the grid shows the room as it is now
        assert calls.grid.item(0, list(calls.columns).index("consent")).checkState() == Qt.CheckState.Checked


def test_rows_are_added_named_and_removed_unless_the_room_still_uses_them(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        personas = _tab(editor, "personas")
        personas.add_requested.emit("personas")
        assert personas.grid.rowCount() == 4 and personas.grid.currentRow() == 3
        personas.grid.item(3, 0).setText("Grace, the new widow")
        assert room.db.execute("SELECT name FROM personas WHERE key = 'new-persona'").fetchone() == (
            "Grace, the new widow",)
        personas.grid.setCurrentCell(0, 0)  # Maya: her calls and complaints use her
        personas.remove_requested.emit("personas", "maya")
        assert "is still used by" in personas.error.text() and "calls" in personas.error.text()
        personas.remove_requested.emit("personas", "new-persona")
        assert personas.grid.rowCount() == 3
        _tab(editor, "kpis").add_requested.emit("kpis")
        assert room.db.execute("SELECT direction, name FROM kpis WHERE key = 'new-kpi'").fetchone() == (
            "higher", "New KPI")
        for _ in range(4):
            editor.stack.undo()
        assert personas.grid.rowCount() == 3 and room.db.execute(
            "SELECT count(*) FROM kpis WHERE key = 'new-kpi'").fetchone()[0] == 0
        editor.stack.redo()
        editor.stack.redo()
        assert room.db.execute("SELECT name FROM personas WHERE key = 'new-persona'").fetchone() == (
            "Grace, the new widow",)


def _dutch_export(folder) -> object:
    path = folder / "klachten.csv"
    path.write_bytes(("sep=;\r\nDatum;Categorie;Fase;Tekst;Waarde;Extra\r\n"
                      "14/03/2026;Schade traag;claim;\"Ik wacht; niemand belt.\";1.234,50;x\r\n"
                      "15/03/2026;Premie;mars;Te duur;9,5;y\r\n").encode("cp1252"))
    return path


def test_the_import_wizard_shows_the_file_maps_its_columns_and_dry_runs_before_importing(
        sample_room_copy, qtbot, tmp_path):
    path = _dutch_export(tmp_path)
    with editing(sample_room_copy, qtbot) as (room, editor):
        before = room.db.execute("SELECT count(*) FROM complaints").fetchone()[0]
        wizard = editor.import_wizard()
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.path.setText(str(tmp_path / "missing.csv"))
        wizard.next()
        assert wizard.currentId() == 0 and "There is no CSV file or workbook" in wizard.error.text()
        wizard.path.setText(str(path))
        wizard.next()
        assert wizard.currentId() == 1 and "semicolons" in wizard.read_as.text()
        assert wizard.heading_line.value() == 2 and wizard.table.rowCount() == 2
        assert wizard.table.item(0, 4).text() == "1234.50"  # the decimal comma, read
        wizard.next()
        assert wizard.currentId() == 2 and "Not read: Datum, Categorie" in wizard.unread.text()
        wizard.next()
        assert wizard.currentId() == 2 and "received_on" in wizard.unread.text()  # the import needs a date
        for field, heading in (("received_on", "Datum"), ("category", "Categorie"), ("stage", "Fase"),
                               ("verbatim", "Tekst"), ("value", "Waarde")):
            wizard.choices[field].setCurrentText(heading)
        assert wizard.unread.text().startswith("Not read: Extra.")
        wizard.date_format.setText("%d/%m/%Y")
        wizard.next()
        assert wizard.currentId() == 3
        assert wizard.outcome.text() == "1 complaint row will be imported; 1 row refused: see the list."
        assert wizard.refusals.item(0).text() == "Line 4: 'mars' is not a stage of this room"
        assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == before  # a dry run
        editor.finish_import(wizard)
        assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == before + 1
        assert room.db.execute("SELECT value FROM complaints ORDER BY id DESC LIMIT 1").fetchone()[0] == 1234.5
        assert (tmp_path / "klachten-refused.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith(
            "4,'mars' is not a stage")
        assert "Imported 1 complaints rows from klachten.csv; 1 refused" in editor.window.status.text()


def test_an_import_is_one_step_of_undo_and_redo_even_after_reopening(sample_room_copy, qtbot, tmp_path):
    path = _dutch_export(tmp_path)
    with editing(sample_room_copy, qtbot) as (room, editor):
        before = room.db.execute("SELECT count(*) FROM complaints").fetchone()[0]
        months = room.db.execute("SELECT sum(count) FROM complaint_months").fetchone()[0]
        wizard = editor.import_wizard()
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.path.setText(str(path))
        wizard.next()
        wizard.next()
        for field, heading in (("received_on", "Datum"), ("category", "Categorie"), ("verbatim", "Tekst")):
            wizard.choices[field].setCurrentText(heading)
        wizard.date_format.setText("%d/%m/%Y")
        wizard.next()
        editor.finish_import(wizard)
        assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == before + 2
        assert editor.stack.count() == 1 and editor.stack.undoText() == "Import 2 complaints rows from klachten.csv"
        editor.stack.undo()
        assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == before
        assert room.db.execute("SELECT sum(count) FROM complaint_months").fetchone()[0] == months
    path.unlink()  # the file is gone: redo imports the copy the room kept
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.stack.redo()
        assert room.db.execute("SELECT count(*) FROM complaints").fetchone()[0] == before + 2
        assert room.db.execute("SELECT verbatim FROM complaints ORDER BY id DESC LIMIT 1").fetchone() == ("Te duur",)
        assert not [finding for finding in check_room(room) if "nothing uses it" in finding]  # kept for redo


def test_undoing_a_kpi_import_puts_back_the_readings_it_replaced(sample_room_copy, qtbot, tmp_path):
    path = tmp_path / "readings.csv"
    path.write_text("kpi,period,value\nsettlement-days,2024-11,99\nsettlement-days,2031-01,12\n", encoding="utf-8")
    with editing(sample_room_copy, qtbot) as (room, editor):
        readings = room.db.execute("SELECT * FROM kpi_readings ORDER BY 1, 2").fetchall()
        import_as_edit(room, "kpis", path)
        assert room.db.execute("SELECT value FROM kpi_readings r JOIN kpis k ON k.id = r.kpi_id "
                               "WHERE k.key = 'settlement-days' AND period = '2024-11'").fetchone() == (99.0,)
        editor.step(undo_edit)
        assert room.db.execute("SELECT * FROM kpi_readings ORDER BY 1, 2").fetchall() == readings


def test_pictures_and_pdfs_dropped_in_become_artifacts_of_the_stage_in_one_step(sample_room_copy, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from tests.services.artifact_files import phone_jpeg, word_processor_pdf

    (tmp_path / "Renewal_letter.pdf").write_bytes(word_processor_pdf())
    (tmp_path / "IMG_2041.JPG").write_bytes(phone_jpeg())
    (tmp_path / "cut.jpg").write_bytes(phone_jpeg()[:300])
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.window.stage_list.setCurrentRow(6)  # "I renew or leave"
        before = room.db.execute("SELECT count(*) FROM artifacts").fetchone()[0]
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(tmp_path / name)) for name in ("Renewal_letter.pdf", "IMG_2041.JPG")])
        drop = QDropEvent(QPointF(40, 40), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        editor.window.dropEvent(drop)
        added = room.db.execute("SELECT a.title, a.kind, s.key FROM artifacts a JOIN stages s ON s.id = a.stage_id "
                                "ORDER BY a.id DESC LIMIT 2").fetchall()
        assert added == [("IMG 2041", "other", "renew"), ("Renewal letter", "letter", "renew")]
        assert editor.stack.count() == 1 and editor.stack.undoText() == "Add 2 artifacts to 'I renew or leave'"
        editor.add_files([str(tmp_path / "cut.jpg")])
        assert _tab(editor, "artifacts").error.text().startswith("cut.jpg will not show on a wall:")
        editor.stack.undo()
        assert room.db.execute("SELECT count(*) FROM artifacts").fetchone()[0] == before
        assert not [finding for finding in check_room(room) if "nothing uses it" in finding]  # kept for redo
        editor.stack.redo()
        assert room.db.execute("SELECT count(*) FROM artifacts").fetchone()[0] == before + 2


def test_an_artifact_an_exercise_used_cannot_be_removed_and_others_can(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        artifacts = _tab(editor, "artifacts")
        artifacts.remove_requested.emit("artifacts", "home-claim-form")
        assert "is still used by 1 exercise run" in artifacts.error.text()
        artifacts.remove_requested.emit("artifacts", "quote-error")
        assert room.db.execute("SELECT count(*) FROM artifacts WHERE key = 'quote-error'").fetchone()[0] == 0
        editor.stack.undo()
        assert room.db.execute("SELECT title FROM artifacts WHERE key = 'quote-error'").fetchone() == (
            "Quote error after 23 minutes",)


def test_the_rooms_own_settings_are_edited_and_checked_like_any_field(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        settings = _tab(editor, "room")
        columns = list(settings.columns)
        settings.grid.item(0, columns.index("brand_colour")).setText("teal")
        assert settings.error.text() == "room, brand colour: 'teal' is not a colour: write it as # and six hex " \
                                        "digits, such as #12A4B4."
        settings.grid.item(0, columns.index("brand_colour")).setText("#B4126A")
        settings.grid.item(0, columns.index("currency")).setText("eur")
        assert "three capital letters" in settings.error.text()
        assert room.db.execute("SELECT brand_colour, currency FROM room").fetchone() == ("#B4126A", "GBP")
        editor.window.tabs.setCurrentIndex(0)
        editor.draw_preview()
        assert editor._factory.branding.brand_colour == "#B4126A"  # the preview is drawn in the new colour
        editor.stack.undo()
        assert room.db.execute("SELECT brand_colour FROM room").fetchone() == ("#12A4B4",)


def test_a_kpis_thresholds_are_shown_against_its_latest_reading_as_they_are_typed(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        kpis = _tab(editor, "kpis")
        columns = list(kpis.columns)
        row = [kpis.grid.verticalHeaderItem(r).text() for r in range(kpis.grid.rowCount())].index("settlement-days")
        latest = kpis.grid.item(row, columns.index("latest_reading")).text()
        value = float(latest.split()[0])
        assert latest.endswith(")") and kpis.grid.item(row, columns.index("reliability_now")).text() in (
            "reliable", "at risk", "unreliable")
        kpis.grid.item(row, columns.index("failing")).setText(f"{value + 100:g}")
        kpis.grid.item(row, columns.index("at_risk")).setText(f"{value + 50:g}")  # lower is better: now reliable
        assert kpis.grid.item(row, columns.index("reliability_now")).text() == "reliable"
        kpis.grid.item(row, columns.index("at_risk")).setText(f"{value - 1:g}")
        assert kpis.grid.item(row, columns.index("reliability_now")).text() == "at risk"
        assert not kpis.grid.item(row, columns.index("latest_reading")).flags() & Qt.ItemFlag.ItemIsEditable


def test_a_personas_photo_and_the_rooms_logo_come_from_picture_files(sample_room_copy, qtbot, tmp_path):
    from tests.services.artifact_files import phone_jpeg, rgba16_png

    (tmp_path / "ana.jpg").write_bytes(phone_jpeg())
    (tmp_path / "logo.png").write_bytes(rgba16_png())
    (tmp_path / "broken.png").write_bytes(rgba16_png()[:60])
    with editing(sample_room_copy, qtbot) as (room, editor):
        photo_before = room.db.execute("SELECT photo_sha256 FROM personas WHERE key = 'maya'").fetchone()[0]
        editor.set_picture("personas", "maya", "photo_sha256", str(tmp_path / "ana.jpg"))
        editor.set_picture("room", "room", "logo_sha256", str(tmp_path / "logo.png"))
        assert room.db.execute("SELECT photo_sha256 FROM personas WHERE key = 'maya'").fetchone()[0] != photo_before
        assert editor.stack.undoText() == "Set the room's logo from logo.png"
        editor.set_picture("room", "room", "logo_sha256", str(tmp_path / "broken.png"))
        assert _tab(editor, "room").error.text().startswith("broken.png will not show on a wall:")
        editor.stack.undo()
        editor.stack.undo()
        assert room.db.execute("SELECT photo_sha256 FROM personas WHERE key = 'maya'").fetchone()[0] == photo_before
        assert not [finding for finding in check_room(room) if "nothing uses it" in finding]  # kept for redo
        editor.stack.redo()
        assert room.db.execute("SELECT photo_sha256 FROM personas WHERE key = 'maya'").fetchone()[0] != photo_before
