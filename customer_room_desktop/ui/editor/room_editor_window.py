"""The room editor's window: the journey's stages on the left (drag one to move it), the selected stage's
words on the right with what is wrong with each field just under it, and a preview of its wall below,
drawn by the walls' own renderer. There is no Save: every change is in the room file as soon as it is made.

The window only shows and asks; app/room_editor.py makes the edits, keeps their undo history in the room,
and tells the window what the room holds now.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMainWindow, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from ...services.room_editing import ADDABLE, EDITABLE, REMOVABLE, StageText
from .call_form import TRANSCRIPT_FILTER, AddCallForm
from ..console.panel_kit import scrolled
from .entity_table import EntityTable

PREVIEW = QSize(768, 432)
TEXT_SETTLES_MS = 600  # a long text is saved once typing pauses, not on every key
TITLE_BAR = 40  # what a window manager takes above a window
_ERROR_STYLE = "color: #B42318; font-weight: bold;"
GRIDS = {table: (title, EDITABLE[table]) for table, title in (
    ("moments", "Moments of truth"), ("personas", "Personas"), ("kpis", "KPIs"), ("artifacts", "Artifacts"),
    ("calls", "Calls"), ("silos", "Silos"), ("room", "The room"))}
FROM_FILES = {"personas": {"Photo from a file…": "photo_sha256"}, "room": {"Logo from a file…": "logo_sha256"},
              "calls": {"Transcript from a file…": "transcript"}}
DROP_COLUMNS = {"personas": "photo_sha256"}  # a picture dropped on a persona's row is its photo
FIELD_LABELS = {"name": "Name (in the customer's words)", "goal": "The customer's goal",
                "description": "Description", "narration": "Narration (read on the kiosk's tour)"}


class RoomEditorWindow(QMainWindow):
    field_edited = Signal(str, str, str)  # stage key, field, new value
    row_field_edited = Signal(str, str, str, object)  # table, row key, field, new value (a grid's cell)
    row_add_requested = Signal(str)  # table
    row_remove_requested = Signal(str, str)  # table, row key
    stage_moved = Signal(str, int)  # stage key, new position (1-based)
    duplicate_requested = Signal(str)  # stage key
    stage_selected = Signal(str)
    import_requested = Signal()
    new_from_folder_requested = Signal()  # "New room from a folder…": app/room_from_folder.py asks and builds
    files_dropped = Signal(list)  # paths of files dropped on the window: artifacts and calls of the selected stage
    file_requested = Signal(str, str, str)  # table, row key, column: a persona's photo, the logo, a transcript
    row_files_dropped = Signal(str, str, str, list)  # table, row key, column, paths: a photo dropped on a persona

    def __init__(self, room_name: str):
        super().__init__()
        self.setWindowTitle(f"Edit room: {room_name}")
        # dropped pictures and PDFs become artifacts of the selected stage, recordings calls; on the personas tab a
        # picture dropped on a persona's row (or with one selected) becomes its photo
        self.setAcceptDrops(True)
        self._key = ""
        self._showing = False  # filling the fields from the room: not an edit
        self.stage_list = QListWidget()
        self.stage_list.setAccessibleName("Stages of the journey, in order; drag one to move it")
        self.stage_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.stage_list.model().rowsMoved.connect(self._rows_moved)
        self.stage_list.currentItemChanged.connect(self._current_changed)
        duplicate = QPushButton("Duplicate stage")
        duplicate.clicked.connect(lambda: self._key and self.duplicate_requested.emit(self._key))
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, label in FIELD_LABELS.items():
            editor: QLineEdit | QPlainTextEdit
            if name in ("name", "goal"):
                editor = QLineEdit()
                editor.editingFinished.connect(lambda name=name: self._field_done(name))
            else:
                editor = QPlainTextEdit()
                editor.setFixedHeight(96)
                settle = QTimer(self, singleShot=True, interval=TEXT_SETTLES_MS)
                settle.timeout.connect(lambda name=name: self._field_done(name))
                editor.textChanged.connect(lambda settle=settle: self._showing or settle.start())
            editor.setAccessibleName(label)
            error = QLabel(wordWrap=True, styleSheet=_ERROR_STYLE)
            error.hide()
            column = QVBoxLayout()
            column.addWidget(editor)
            column.addWidget(error)
            form.addRow(label, column)
            self.fields[name], self.errors[name] = editor, error
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAccessibleName("Preview of the stage's wall")
        self.status = QLabel(wordWrap=True)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(QLabel("The stage's wall, as the room will see it:"))
        right.addWidget(self.preview)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(QLabel("Stages"))
        left.addWidget(self.stage_list)
        self._buttons = QHBoxLayout()
        left.addWidget(duplicate)
        left.addLayout(self._buttons)
        splitter = QSplitter()
        for layout in (left, right):
            holder = QWidget()
            holder.setLayout(layout)
            # the stage's fields and its wall's preview (730 pixels high) scroll on a laptop's screen
            splitter.addWidget(holder if layout is left else scrolled(holder, "stagescroll"))
        splitter.setSizes([360, 840])
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, "Stages")
        self.grids: dict[str, EntityTable] = {}
        for table, (title, columns) in GRIDS.items():
            grid = EntityTable(table, columns, title, addable=table in ADDABLE, removable=table in REMOVABLE,
                               from_files=FROM_FILES.get(table), drop_column=DROP_COLUMNS.get(table, ""))
            grid.file_requested.connect(self.file_requested)
            grid.files_dropped.connect(self.row_files_dropped)
            grid.field_edited.connect(self.row_field_edited)
            grid.add_requested.connect(self.row_add_requested)
            grid.remove_requested.connect(self.row_remove_requested)
            self.tabs.addTab(grid, title)
            self.grids[table] = grid
        self.call_form = AddCallForm()  # under the calls' grid
        self.grids["calls"].add_below(self.call_form)
        central = QWidget()
        outer = QVBoxLayout(central)
        import_button = QPushButton("Import a spreadsheet…")
        import_button.setToolTip("Complaints, KPI readings, customer-asset periods or survey results, from a CSV "
                                 "file or a workbook")
        import_button.clicked.connect(self.import_requested)
        from_folder = QPushButton("New room from a folder…")
        from_folder.setToolTip("A new room from a folder of a client's material: a stage for each subfolder, an "
                               "artifact for each picture or PDF, a call for each recording")
        from_folder.clicked.connect(self.new_from_folder_requested)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(from_folder)
        top.addWidget(import_button)
        outer.addLayout(top)
        outer.addWidget(self.tabs)
        outer.addWidget(self.status)
        self.setCentralWidget(central)
        # room for the stage's preview beside the list, within the screen less its title bar
        self.resize(QSize(1200, 860).boundedTo(self.screen().availableGeometry().size() - QSize(0, TITLE_BAR)))

    def add_undo_actions(self, undo_action: QAction, redo_action: QAction) -> None:
        """Undo and redo, as buttons that say what they will undo, and as Ctrl+Z and Ctrl+Shift+Z."""
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        self.addActions([undo_action, redo_action])
        for action in (undo_action, redo_action):
            button = QPushButton(action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda button=button, action=action: (
                button.setEnabled(action.isEnabled()), button.setText(action.text().replace("&", ""))))
            button.setEnabled(action.isEnabled())
            self._buttons.addWidget(button)

    # -- what the room holds --------------------------------------------------------------------------
    def show_stages(self, stages: list[StageText], selected: str = "") -> None:
        self._showing = True
        try:
            self.stage_list.clear()
            for stage in stages:
                item = QListWidgetItem(f"{stage.position} · {stage.name}")
                item.setData(Qt.ItemDataRole.UserRole, stage.key)
                self.stage_list.addItem(item)
            keys = [stage.key for stage in stages]
            chosen = selected if selected in keys else (self._key if self._key in keys else keys[0] if keys else "")
            for row, key in enumerate(keys):
                if key == chosen:
                    self.stage_list.setCurrentRow(row)
            self._fill(next((s for s in stages if s.key == chosen), None))
        finally:
            self._showing = False

    def show_preview(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image.scaled(
            PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)))

    def ask_picture(self) -> str:
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose a picture", "",
                                                "Pictures (*.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff *.bmp *.heic)")
        return chosen

    def ask_transcript(self) -> str:
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose the call's transcript", "", TRANSCRIPT_FILTER)
        return chosen

    def ask_files(self) -> list[str]:
        chosen, _ = QFileDialog.getOpenFileNames(self, "Add artifacts to the stage", "",
                                                 "Pictures and PDFs (*.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff "
                                                 "*.bmp *.heic *.pdf)")
        return chosen

    def ask_material_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, "The folder of the client's material")

    def ask_new_room_path(self, start: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the new room as", start, "Rooms (*.croom)",
                                                options=QFileDialog.Option.DontConfirmOverwrite)
        return chosen  # an existing file is refused in a sentence, never replaced

    def ask_consent(self) -> bool:
        asked = QMessageBox.question(self, "Consent", "Did every caller consent to their recording being played?",
                                     defaultButton=QMessageBox.StandardButton.No)
        return asked == QMessageBox.StandardButton.Yes

    def show_report(self, title: str, lines: list[str]) -> None:
        QMessageBox.information(self, title, "\n".join(lines))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        shown = self.tabs.currentWidget()
        if isinstance(shown, EntityTable) and shown.drop_column:  # on the personas tab: a persona's photo
            shown.take_drop(paths, shown.grid.viewport().mapFrom(self, event.position().toPoint()))
        else:
            self.files_dropped.emit(paths)

    def show_refusal(self, field: str, sentence: str) -> None:
        """A value the room cannot take: the sentence under its field (or the status line)."""
        label = self.errors.get(field)
        if label is None:
            self.status.setText(sentence)
            return
        label.setText(sentence)
        label.show()

    def show_status(self, sentence: str) -> None:
        self.status.setText(sentence)

    def value(self, field: str) -> str:
        editor = self.fields[field]
        return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()

    # -- what the user does -------------------------------------------------------------------------------
    def _fill(self, stage: StageText | None) -> None:
        self._key = stage.key if stage else ""
        for name, editor in self.fields.items():
            text = getattr(stage, name) if stage else ""
            if self.value(name) != text:
                editor.setText(text) if isinstance(editor, QLineEdit) else editor.setPlainText(text)
            self.errors[name].hide()

    def _field_done(self, name: str) -> None:
        if self._showing or not self._key:
            return
        self.errors[name].hide()
        self.field_edited.emit(self._key, name, self.value(name))

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if self._showing or current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        self.stage_selected.emit(key)

    def _rows_moved(self, _parent, start: int, _end: int, _destination, row: int) -> None:
        if self._showing:
            return
        item = self.stage_list.item(row if row < start else row - 1)
        if item is not None:
            self.stage_moved.emit(item.data(Qt.ItemDataRole.UserRole), self.stage_list.row(item) + 1)
