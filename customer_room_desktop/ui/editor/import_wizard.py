"""The import wizard: a CSV file or a workbook of complaints, KPI readings, customer-asset periods or survey
results, shown as it will be read before anything is imported.

1. The file and what it holds. 2. How it is read (encoding and delimiter, or the sheet), the heading row
(changeable) and the first 20 rows. 3. Which column feeds each field, as the importer guessed it, with
every column nothing reads listed. 4. A dry run: how many rows will be imported, and each row that will be
refused with its line and reason. Finish imports.

The wizard asks the caller (app/room_editor.py) to preview, dry-run and import, and shows what it is told.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWizard, QWizardPage,
)

from ...domain.refusal import Refusal
from ...services.import_kinds import KINDS
from ...services.import_preview import DryRun, ImportPreview

KIND_LABELS = {"complaints": "Complaints", "kpis": "KPI readings", "assets": "Customer-asset periods",
               "surveys": "Survey results", "lost-reasons": "Why customers left"}
NONE = "(not in this file)"
Preview = Callable[[Path, str, int | None, dict[str, str]], ImportPreview]
Rehearse = Callable[[Path, str, int, dict[str, str], str], DryRun]


class ImportWizard(QWizard):
    def __init__(self, preview: Preview, rehearse: Rehearse, start_folder: str = ""):
        super().__init__()
        self.setWindowTitle("Import a spreadsheet")
        self._preview, self._rehearse = preview, rehearse
        self.shown: ImportPreview | None = None
        self.dry_run: DryRun | None = None
        self.error = QLabel(wordWrap=True, styleSheet="color: #B42318; font-weight: bold;")
        self.kind = QComboBox()
        for name in KINDS:
            self.kind.addItem(KIND_LABELS.get(name, name), name)
        self.path = QLineEdit()
        self.path.setAccessibleName("The CSV file or workbook to import")
        browse = QPushButton("Choose…")
        browse.clicked.connect(lambda: self._choose(start_folder))
        first = QWizardPage()
        first.setTitle("What to import")
        form = QFormLayout(first)
        form.addRow("It holds", self.kind)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form.addRow("File", row)
        form.addRow(self.error)
        self.read_as = QLabel()
        self.heading_line = QSpinBox(minimum=1, maximum=20)
        self.heading_line.setAccessibleName("The line the column headings are on")
        self.heading_line.valueChanged.connect(lambda _: self._show_preview(self.heading_line.value()))
        self.table = QTableWidget()
        second = QWizardPage()
        second.setTitle("How the file is read")
        layout = QVBoxLayout(second)
        layout.addWidget(self.read_as)
        line_row = QFormLayout()
        line_row.addRow("The headings are on line", self.heading_line)
        layout.addLayout(line_row)
        layout.addWidget(self.table)
        self.mapping_form = QFormLayout()
        self.choices: dict[str, QComboBox] = {}
        self.unread = QLabel(wordWrap=True)
        self.date_format = QLineEdit(placeholderText="e.g. %d/%m/%Y (empty: ISO dates, then US)")
        third = QWizardPage()
        third.setTitle("Which column is which")
        mapping_layout = QVBoxLayout(third)
        mapping_layout.addLayout(self.mapping_form)
        mapping_layout.addWidget(self.unread)
        date_row = QFormLayout()
        date_row.addRow("Dates are written as", self.date_format)
        mapping_layout.addLayout(date_row)
        self.outcome = QLabel(wordWrap=True)
        self.refusals = QListWidget()
        self.refusals.setAccessibleName("Rows that will be refused, with their line and reason")
        fourth = QWizardPage()
        fourth.setTitle("Before importing")
        final = QVBoxLayout(fourth)
        final.addWidget(self.outcome)
        final.addWidget(self.refusals)
        final.addWidget(QLabel("Refused rows are written beside the file (NAME-refused.csv), to fix and import "
                               "again. The import is one step of undo; the file is kept in the room, so it can "
                               "be redone after the room is closed and opened again.", wordWrap=True))
        for page in (first, second, third, fourth):
            self.addPage(page)
        self.currentIdChanged.connect(self._entered)

    def _choose(self, folder: str) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Import a spreadsheet", folder,
                                                "Spreadsheets (*.csv *.txt *.tsv *.xlsx)")
        if chosen:
            self.path.setText(chosen)

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt's name
        if self.currentId() == 0:
            return self._show_preview(None)
        if self.currentId() == 2 and self._missing():
            self.unread.setText(f"Choose a column for {', '.join(self._missing())}: the import needs it.")
            return False
        return True

    def _missing(self) -> list[str]:
        kind = KINDS[self.kind.currentData()]
        return [name for name in kind.required if self.choices[name].currentText() == NONE]

    def _show_preview(self, line: int | None) -> bool:
        try:
            self.shown = self._preview(Path(self.path.text().strip()), self.kind.currentData(), line,
                                       self.mapping())
        except Refusal as problem:  # its sentence is shown as it is
            self.error.setText(str(problem))
            return False
        except OSError as problem:
            self.error.setText(f"{self.path.text().strip() or 'The file'} cannot be read "
                               f"({problem.strerror or 'the disk refused it'}).")
            return False
        self.error.setText("")
        shown = self.shown
        self.read_as.setText(f"Read as {shown.read_as}.")
        self.heading_line.blockSignals(True)
        self.heading_line.setValue(shown.heading_line)
        self.heading_line.blockSignals(False)
        self.table.clear()
        self.table.setColumnCount(len(shown.headings))
        self.table.setHorizontalHeaderLabels(shown.headings)
        self.table.setRowCount(len(shown.rows))
        self.table.setVerticalHeaderLabels([str(number) for number, _ in shown.rows])
        for row, (_, cells) in enumerate(shown.rows):
            for column, cell in enumerate(cells[:len(shown.headings)]):
                self.table.setItem(row, column, QTableWidgetItem(cell))
        return True

    def mapping(self) -> dict[str, str]:
        """field -> heading, as chosen on the mapping page (empty before it is shown)."""
        return {name: box.currentText() for name, box in self.choices.items() if box.currentText() != NONE}

    def _entered(self, page: int) -> None:
        if page == 2 and self.shown is not None:
            self._show_mapping(self.shown)
        elif page == 3 and self.shown is not None:
            self.dry_run = self._rehearse(Path(self.path.text().strip()), self.kind.currentData(),
                                          self.shown.heading_line, self.mapping(), self.date_format.text().strip())
            self.outcome.setText(self.dry_run.sentence(KINDS[self.kind.currentData()].name.rstrip("s")))
            self.refusals.clear()
            self.refusals.addItems([f"{self.shown.unit.capitalize()} {line}: {reason}" if line else reason
                                    for line, reason in self.dry_run.refused])

    def _show_mapping(self, shown: ImportPreview) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.choices = {}
        kind = KINDS[shown.kind]
        for name in kind.fields:
            box = QComboBox()
            box.addItems([NONE, *[heading for heading in shown.headings if heading]])
            box.setCurrentText(shown.mapping.get(name, NONE))
            box.setAccessibleName(f"The column for {name.replace('_', ' ')}")
            box.currentTextChanged.connect(self._mapping_changed)
            self.choices[name] = box
            self.mapping_form.addRow(f"{name.replace('_', ' ')}{' *' if name in kind.required else ''}", box)
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        used = set(self.mapping().values())
        unread = [heading for heading in (self.shown.headings if self.shown else []) if heading and heading not in used]
        self.unread.setText("Every column is read." if not unread else
                            f"Not read: {', '.join(unread)}. * marks what the import needs.")
