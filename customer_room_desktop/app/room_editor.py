"""`customer-room edit ROOM`: the room editor. Edits go straight into the room file with their history, so
there is no Save, a crash loses nothing, and undo still works after the room is closed and opened again.

Every edit is one QUndoCommand on one QUndoStack; the stack is rebuilt from the room's ``edit_history`` when
the editor opens, without doing any edit twice. A drag of a stage is one step, and so is a duplicate.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from ..domain.refusal import Refusal
from ..domain.room_edits import EditRefused, RoomEdit
from ..services.call_edits import RECORDINGS, CallFiles, add_calls_edit, persona_choices, set_transcript_edit
from ..services.folder_source import TRANSCRIPTS, transcript_for
from ..services.room_editing import (
    add_artifacts_edit, add_row_edit, choices_of, duplicate_stage_edit, move_stage_edit, remove_row_edit, rows_of,
    set_field_edit, set_picture_edit, stages, threshold_warning,
)
from ..services.image_prep import PreparedImages
from ..services.import_edits import import_as_edit, replay_import
from ..services.import_preview import dry_run_import, preview_import
from ..storage.room_edit_store import do_edit, edit_history, redo_edit, undo_edit
from ..storage.room_file import RoomFile
from ..ui.editor.import_wizard import ImportWizard
from ..ui.editor.room_editor_window import RoomEditorWindow
from .wall_factory import WallFactory

PREVIEW_SIZE = (1920, 1080)  # drawn at a wall's size, then shown small: what the room will see
PREVIEW_SETTLES_MS = 250


class _EditCommand(QUndoCommand):
    """One edit already in the room's history; undo and redo go through the history, never around it."""

    def __init__(self, editor: RoomEditor, label: str):
        super().__init__(label)
        self.editor = editor

    def undo(self) -> None:
        self.editor.step(undo_edit)

    def redo(self) -> None:
        self.editor.step(redo_edit)


class RoomEditor(QObject):
    def __init__(self, room: RoomFile):
        super().__init__()
        self.room = room
        self.stack = QUndoStack(self)
        self._restoring = True  # rebuilding the stack from the history: nothing is applied
        history = edit_history(room)
        for entry in history:
            self.stack.push(_EditCommand(self, entry.label))
        self.stack.setIndex(sum(1 for entry in history if not entry.undone))
        self._restoring = False
        self.window = RoomEditorWindow(room.db.execute("SELECT name FROM room").fetchone()[0])
        self.window.add_undo_actions(self.stack.createUndoAction(self.window, "Undo"),
                                     self.stack.createRedoAction(self.window, "Redo"))
        self.window.field_edited.connect(self.edit_field)
        self.window.row_field_edited.connect(self.edit_row_field)
        self.window.row_add_requested.connect(self.add_row)
        self.window.import_requested.connect(self.open_import_wizard)
        self.window.files_dropped.connect(self.add_files)
        self.window.file_requested.connect(self._file_requested)
        self.window.row_files_dropped.connect(self.drop_picture)
        self.window.call_form.add_requested.connect(self.add_call)
        self.window.row_remove_requested.connect(self.remove_row)
        self.window.stage_moved.connect(self.move_stage)
        self.window.duplicate_requested.connect(self.duplicate_stage)
        self.window.stage_selected.connect(self._selected)
        self._factory: WallFactory | None = None  # the walls' data for the preview, until the next edit
        self._images = PreparedImages()
        self._stale_grids: set[str] = set()
        self.window.tabs.currentChanged.connect(self._tab_shown)
        self._preview = QTimer(self.window, singleShot=True, interval=PREVIEW_SETTLES_MS)
        self._preview.timeout.connect(self.draw_preview)
        self.selected = ""
        self.refresh()

    # -- edits ----------------------------------------------------------------------------------------
    def edit_field(self, key: str, field: str, value: str) -> None:
        try:
            self._push(set_field_edit(self.room, "stages", key, field, value))
        except EditRefused as refused:
            self.window.show_refusal(refused.field or field, str(refused))

    def edit_row_field(self, table: str, key: str, field: str, value: object) -> None:
        try:
            self._push(set_field_edit(self.room, table, key, field, value))
        except EditRefused as refused:
            self.refresh()  # the cell shows what the room still holds
            self.window.grids[table].show_refusal(key, refused.field or field, str(refused))
            return
        warning = threshold_warning(self.room, key) if table == "kpis" else ""
        if warning:
            self.window.grids[table].show_refusal(key, field, warning)

    def add_files(self, paths: list[str]) -> None:
        """Files dropped on the editor: recordings become calls of the selected stage (with the transcripts of
        their names), pictures and PDFs its artifacts; each kind one step of undo."""
        recordings = [path for path in paths if Path(path).suffix.lower() in RECORDINGS]
        transcripts = [path for path in paths if Path(path).suffix.lower() in TRANSCRIPTS]
        if recordings:
            self.add_dropped_calls(recordings)
        elif transcripts:
            self.window.show_status("A transcript goes with its recording: drop both, or choose the call and use "
                                    "“Transcript from a file…” on the calls tab.")
        pictures = [path for path in paths if path not in recordings and path not in transcripts]
        if pictures:
            self.add_artifacts(pictures)

    def add_artifacts(self, paths: list[str]) -> None:
        """Pictures and PDFs as artifacts of the selected stage: one step of undo for them all."""
        def add() -> None:
            edit, files = add_artifacts_edit(self.room, [Path(p) for p in paths], self.selected)
            self._push(edit, files)
            self.window.show_status(f"{edit.label}.")
        self._in_grid("artifacts", add)

    def add_call(self, recording: str, transcript: str, consent: bool, persona: str) -> None:
        """The "Add a call" form's call, one step of undo; what went wrong is said under its field."""
        form = self.window.call_form
        if not recording:
            form.show_problem("recording", "Choose the call's recording first: a sound or video file.")
            return
        files = CallFiles(Path(recording), Path(transcript) if transcript else None, consent, persona)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the recording is decoded first
        try:
            added = add_calls_edit(self.room, [files], self.selected)
        except EditRefused as refused:
            form.show_problem(refused.field or "recording", str(refused))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._push(added.edit, added.media)
        form.clear()
        for problem in added.problems:
            form.show_problem(problem.field, problem.sentence, refused=False)
        self.window.grids["calls"].select_key(added.keys[0])
        self.window.show_status(f"{added.edit.label}.")

    def add_dropped_calls(self, paths: list[str]) -> None:
        """Recordings dropped in: calls of the selected stage without consent or persona yet (set them in the
        grid), each with the transcript of its name beside it; one step of undo."""
        grid = self.window.grids["calls"]
        self.window.tabs.setCurrentWidget(grid)
        calls = [CallFiles(Path(path), transcript_for(Path(path))) for path in paths]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            added = add_calls_edit(self.room, calls, self.selected)
        except EditRefused as refused:
            grid.error.setText(str(refused))
            grid.error.show()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._push(added.edit, added.media)
        if added.problems:
            grid.error.setText("\n".join(f"{p.call}, {p.field}: {p.sentence}" for p in added.problems))
            grid.error.show()
        self.window.show_status(f"{added.edit.label}.")

    def set_transcript(self, key: str, path: str) -> None:
        """A call's transcript from a file: one step of undo."""
        if path:
            self._in_grid("calls", lambda: self._push(set_transcript_edit(self.room, key, Path(path))), key)

    def _file_requested(self, table: str, key: str, column: str) -> None:
        if column == "transcript":
            self.set_transcript(key, self.window.ask_transcript())
        else:
            self.set_picture(table, key, column, self.window.ask_picture())

    def set_picture(self, table: str, key: str, column: str, path: str) -> None:
        """A persona's photo or the room's logo from a picture file: one step of undo."""
        if not path:
            return
        self._in_grid(table, lambda: self._push(set_picture_edit(self.room, table, key, column, Path(path)),
                                                (Path(path),)))

    def drop_picture(self, table: str, key: str, column: str, paths: list[str]) -> None:
        """A picture dropped on a persona's row: its photo, decoded first as “Photo from a file…” does."""
        if len(paths) != 1:
            self.window.grids[table].error.setText(f"{len(paths)} files were dropped: drop one picture, a persona "
                                                   "has one photo.")
            self.window.grids[table].error.show()
            return
        self.set_picture(table, key, column, paths[0])

    def add_row(self, table: str) -> None:
        if table == "artifacts":
            self.add_files(self.window.ask_files())
            return

        def add() -> None:
            edit, key = add_row_edit(self.room, table, self.selected)
            self._push(edit)
            self.window.grids[table].select_key(key)
        self._in_grid(table, add)

    def remove_row(self, table: str, key: str) -> None:
        self._in_grid(table, lambda: self._push(remove_row_edit(self.room, table, key)))

    def _in_grid(self, table: str, work, key: str = "") -> None:  # noqa: ANN001
        """Do ``work``; a refusal is said under the grid of ``table`` (naming the row ``key`` and its field)."""
        grid = self.window.grids[table]
        try:
            work()
        except EditRefused as refused:
            if key and refused.field:
                grid.show_refusal(key, refused.field, str(refused))
            else:
                grid.error.setText(str(refused))
                grid.error.show()

    def open_import_wizard(self) -> None:
        wizard = self.import_wizard()
        if wizard.exec():
            self.finish_import(wizard)

    def import_wizard(self) -> ImportWizard:
        def preview(path: Path, kind: str, line: int | None, mapping: dict[str, str]):
            return preview_import(path, kind, line, mapping=mapping or None)

        def rehearse(path: Path, kind: str, line: int, mapping: dict[str, str], date_format: str):
            return dry_run_import(self.room, path, kind, line, mapping, date_format=date_format or None)

        return ImportWizard(preview, rehearse, str(Path(self.room.path).parent))

    def finish_import(self, wizard: ImportWizard) -> None:
        """Import what the wizard showed: the good rows, the refused ones to NAME-refused.csv beside the file."""
        path = Path(wizard.path.text().strip())
        shown = wizard.shown
        if shown is None:
            return
        rejects = path.with_name(f"{path.stem}-refused.csv") if wizard.dry_run and wizard.dry_run.refused_count \
            else None
        try:
            result = import_as_edit(self.room, shown.kind, path,
                                    overrides={heading: name for name, heading in wizard.mapping().items()},
                                    date_format=wizard.date_format.text().strip() or None, skip_bad_rows=rejects,
                                    heading_line=shown.heading_line)
        except Refusal as refused:
            self.window.show_status(str(refused))
            return
        self._restoring = True  # the import is in the room and its history already
        self.stack.push(_EditCommand(self, edit_history(self.room)[-1].label))
        self._restoring = False
        refused = f"; {result.refused:,} refused, written to {result.rejects_path}" if result.refused else ""
        self.window.show_status(f"Imported {result.rows:,} {result.kind} rows from {path.name}{refused}.")
        self.refresh()

    def move_stage(self, key: str, position: int) -> None:
        self._guarded(lambda: self._push(move_stage_edit(self.room, key, position)))

    def duplicate_stage(self, key: str) -> None:
        def duplicate() -> None:
            edit, copy = duplicate_stage_edit(self.room, key)
            self.selected = copy
            self._push(edit)
        self._guarded(duplicate)

    def _push(self, edit: RoomEdit | None, media: tuple[Path, ...] = ()) -> None:
        if edit is None:
            return
        do_edit(self.room, edit, media)
        self._restoring = True  # pushing runs redo(): the edit is already in the room
        self.stack.push(_EditCommand(self, edit.label))
        self._restoring = False
        self.refresh()

    def step(self, move) -> None:  # noqa: ANN001 - undo_edit or redo_edit
        """Undo or redo through the room's history (the stack calls this)."""
        if self._restoring:
            return
        try:
            edit = move(self.room, lambda change: replay_import(self.room, change))
        except Refusal as refused:
            self.window.show_status(str(refused))
            return
        if edit is not None:
            self.window.show_status(f"{'Undid' if move is undo_edit else 'Redid'}: {edit.label}.")
        self.refresh()

    def _guarded(self, work) -> None:  # noqa: ANN001
        try:
            work()
        except Refusal as refused:
            self.window.show_status(str(refused))
            self.refresh()  # a refused drag puts the list back as the room has it

    # -- showing ------------------------------------------------------------------------------------------
    def refresh(self, edited: bool = True) -> None:
        """Show the room as it is; ``edited``: it changed, so the grids and the walls' data are read again."""
        if edited:
            self._factory = None
            self._stale_grids = set(self.window.grids)
        journey = stages(self.room)
        self.window.show_stages(journey, self.selected)
        self.window.call_form.set_stage(next((s.name for s in journey if s.key == self.selected),
                                             journey[0].name if journey else ""))
        if edited:
            self.window.call_form.set_personas(persona_choices(self.room))
        self._fill_shown_grid()
        self._preview.start()

    def _fill_shown_grid(self) -> None:
        """Only the grid on screen is filled; the others when their tab is opened (a room may hold thousands
        of artifacts)."""
        shown = self.window.tabs.currentWidget()
        for table in list(self._stale_grids):
            if self.window.grids[table] is shown:
                self.window.grids[table].show_rows(rows_of(self.room, table), choices_of(self.room, table))
                self._stale_grids.discard(table)

    def _tab_shown(self, index: int) -> None:
        self._fill_shown_grid()
        if index == 0:
            self._preview.start()  # the preview is on the stages tab: drawn when it is in view

    def _selected(self, key: str) -> None:
        self.selected = key
        self.refresh(edited=False)

    def close(self) -> None:
        """Before the room file closes: nothing may read it after."""
        self._preview.stop()
        self.stack.clear()
        self.window.close()

    def draw_preview(self) -> None:
        if self.window.tabs.currentIndex() != 0:
            return  # not in view (a grid is): drawn when the stages tab is shown again
        journey = stages(self.room)
        if not journey:
            return
        position = next((s.position for s in journey if s.key == self.selected), 1)
        if self._factory is None:  # read again after an edit; the decoded pictures are kept
            self._factory = WallFactory(self.room, self._images)
        widget: QWidget = self._factory.build(f"stage:{position}", PREVIEW_SIZE)
        widget.resize(*PREVIEW_SIZE)
        image = QImage(QSize(*PREVIEW_SIZE), QImage.Format.Format_RGB32)
        widget.render(image)
        widget.deleteLater()
        self.window.show_preview(image)
