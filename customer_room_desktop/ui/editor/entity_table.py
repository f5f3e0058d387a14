"""One grid of the room editor: the rows of one part of the room (moments, personas, KPIs...), one field a
column, edited in place. A value the room cannot take is said in one sentence just under the grid, naming
the row and the field, and the cell shows what the room still holds. A field that chooses one of the room's
rows (a call's persona) is a list in its cell; one that links several (a moment's silos) is ticked under the
grid for the selected row. A grid may take a file dropped on a row (a persona's photo): the row under it, else
the one selected."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from ...services.room_editing import CHOICE, FLAG, LINKS, ROW_NOUNS, SHOWN, TEXT
from .choice_cells import KEY_ROLE, ChoiceDelegate, LinksPanel

ROW_CHOICES = "choices:{}"  # in a row's values: what its CHOICE field offers, when it depends on the row

_ERROR_STYLE = "color: #B42318; font-weight: bold;"
_HEADINGS = {"kind": "Kind", "is_priority": "Priority", "at_risk": "At risk", "failing": "Failing", "task_text": "Task",
             "task_done_when": "Task done when", "task_customer_median_seconds": "Customers take (s)",
             "moment": "Moment of truth", "recorded_on": "Recorded on", "task_customer_give_up_percent": "Give up (%)",
             "task_common_wrong_answer": "Wrong answer"}
_HINTS = {"kind": "What the artifact is (a letter, a form, a screenshot…), among the kinds `build` takes",
          "recorded_on": "The day the call was recorded, written YYYY-MM-DD; empty when not known",
          "task_customer_give_up_percent": "The share of customers who give up on the task, from 0 to 100 per cent; "
                                           "empty when not known",
          "task_common_wrong_answer": "The wrong answer customers most often give to the task",
          "moment": "The moment of truth of the row's stage it belongs to, if any"}
_NARROW_TEXT = ("unit",)  # words, but short ones
_TRUNCATED_AFTER = 30  # characters


def heading(column: str) -> str:
    return _HEADINGS.get(column, column.replace("_", " ").capitalize())


class EntityTable(QWidget):
    field_edited = Signal(str, str, str, object)  # table, row key, column, value (text, a tick, a key, keys)
    add_requested = Signal(str)  # table
    remove_requested = Signal(str, str)  # table, row key
    file_requested = Signal(str, str, str)  # table, row key, column: a file chosen for the row (photo, transcript)
    files_dropped = Signal(str, str, str, list)  # table, row key, column, paths: files dropped on the row

    def __init__(self, table: str, columns: dict[str, str], what: str, addable: bool = False,
                 removable: bool = False, from_files: dict[str, str] | None = None, drop_column: str = ""):
        """``from_files``: button label -> the column a file chosen for the selected row goes to;
        ``drop_column``: the column a file dropped on a row goes to (none when empty)."""
        super().__init__()
        self.table, self.columns, self.drop_column = table, columns, drop_column
        self._showing = False
        self._keys: list[str] = []
        self._values: list[dict[str, object]] = []
        self.choices: dict[str, list[tuple[str, str]]] = {}
        self.grid = QTableWidget(0, len(columns))
        self.grid.setAccessibleName(f"{what}: one a row; edit a cell to change it")
        self.grid.setHorizontalHeaderLabels([heading(column) for column in columns])
        for index, column in enumerate(columns):  # what a short heading stands for, shown over it
            if column in _HINTS and (header_item := self.grid.horizontalHeaderItem(index)) is not None:
                header_item.setToolTip(_HINTS[column])
        header = self.grid.horizontalHeader()
        header.setResizeContentsPrecision(100)  # columns fit their first rows: a 1,000-row grid opens at once
        for index, (name, kind) in enumerate(columns.items()):  # words get the room; numbers, ticks, units less
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch if kind == TEXT
                                        and name not in _NARROW_TEXT else QHeaderView.ResizeMode.ResizeToContents)
            if kind == CHOICE:
                self.grid.setItemDelegateForColumn(index, ChoiceDelegate(
                    lambda row, name=name: self._choices_of(row, name), self.grid))
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setWordWrap(True)
        self.grid.itemChanged.connect(self._changed)
        self.error = QLabel(wordWrap=True, styleSheet=_ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addWidget(self.error)
        self.links: LinksPanel | None = None
        self._links_column = next((name for name, kind in columns.items() if kind == LINKS), "")
        if self._links_column:
            self.links = LinksPanel(heading(self._links_column), f"This room has no {self._links_column} to choose "
                                    f"from yet: add them on the {heading(self._links_column)} tab.")
            self.links.links_chosen.connect(self._links_chosen)
            self.grid.currentCellChanged.connect(lambda *_: self._show_links())
            layout.addWidget(self.links)
        buttons = QHBoxLayout()
        for label, column in (from_files or {}).items():
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, column=column: self._from_file(column))
            buttons.addWidget(button)
        if addable:
            add = QPushButton("Add from files…" if table == "artifacts" else f"Add {ROW_NOUNS.get(table, what)}")
            add.clicked.connect(lambda: self.add_requested.emit(self.table))
            buttons.addWidget(add)
        if addable or removable:
            remove = QPushButton("Remove the selected row")
            remove.clicked.connect(self._remove)
            buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._layout = layout

    def add_below(self, widget: QWidget) -> None:
        """A part of the tab under the grid and its buttons (the calls' "Add a call" form)."""
        self._layout.addWidget(widget)

    def show_rows(self, rows: list[tuple[str, dict[str, object]]],
                  choices: dict[str, list[tuple[str, str]]] | None = None) -> None:
        """The rows as the room holds them; ``choices``: (key, name) of what each CHOICE or LINKS field takes."""
        self._showing = True
        self.grid.setUpdatesEnabled(False)  # one layout and paint for the whole grid, not one per cell
        try:
            self.choices = choices or {}
            self._keys = [key for key, _ in rows]
            self._values = [values for _, values in rows]
            self.grid.setRowCount(len(rows))
            self.grid.setVerticalHeaderLabels(self._keys)
            for row, (_, values) in enumerate(rows):
                for column, name in enumerate(self.columns):
                    self.grid.setItem(row, column, self._item(name, values[name]))
        finally:
            self._showing = False
            self.grid.setUpdatesEnabled(True)
        self._show_links()

    def _item(self, name: str, value: object) -> QTableWidgetItem:
        kind = self.columns[name]
        if kind in (SHOWN, LINKS):  # worked out from the room, or chosen under the grid: not typed here
            names = dict(self.choices.get(name, []))
            text = ", ".join(names.get(key, key) for key in value) if kind == LINKS else str(value)
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            return item
        if kind == FLAG:
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            return item
        if kind == CHOICE:
            item = QTableWidgetItem(dict(self.choices.get(name, [])).get(str(value), str(value)))
            item.setData(KEY_ROLE, value)
            return item
        text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        item = QTableWidgetItem(text)
        if len(text) > _TRUNCATED_AFTER:  # a narrow cell cuts long words short: the whole of them on hover
            item.setToolTip(text)
        return item

    def _choices_of(self, row: int, name: str) -> list[tuple[str, str]]:
        """What the CHOICE field ``name`` of ``row`` offers: the row's own list (the moments of its stage), else
        the field's."""
        own = self._values[row].get(ROW_CHOICES.format(name)) if 0 <= row < len(self._values) else None
        return list(own) if isinstance(own, list) else self.choices.get(name, [])

    def select_key(self, key: str) -> None:
        if key in self._keys:
            self.grid.setCurrentCell(self._keys.index(key), 0)

    def row_of(self, key: str) -> int:
        return self._keys.index(key)

    def _selected_key(self) -> str:
        row = self.grid.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def _from_file(self, column: str) -> None:
        row = max(0, self.grid.currentRow())
        if row < len(self._keys):
            self.file_requested.emit(self.table, self._keys[row], column)

    def take_drop(self, paths: list[str], at: QPoint) -> None:
        """Files dropped at ``at`` (in the grid's viewport): for the row under them, else the selected one."""
        self.error.hide()
        row = self.grid.rowAt(at.y()) if self.grid.viewport().rect().contains(at) else -1
        row = row if row >= 0 else self.grid.currentRow()
        if not 0 <= row < len(self._keys):
            noun = ROW_NOUNS.get(self.table, "row")
            self.error.setText(f"Drop it on a {noun}'s row, or select the {noun} first.")
            self.error.show()
            return
        self.grid.selectRow(row)
        self.files_dropped.emit(self.table, self._keys[row], self.drop_column, paths)

    def _remove(self) -> None:
        if self._selected_key():
            self.remove_requested.emit(self.table, self._selected_key())

    def _show_links(self) -> None:
        if self.links is None:
            return
        row = self.grid.currentRow()
        shown = 0 <= row < len(self._keys)
        name = str(self._values[row].get("name") or self._keys[row]) if shown else ""
        self.links.show_links(name, self.choices.get(self._links_column, []),
                              tuple(self._values[row][self._links_column]) if shown else ())

    def _links_chosen(self, keys: list[str]) -> None:
        if self._selected_key():
            self.error.hide()
            self.field_edited.emit(self.table, self._selected_key(), self._links_column, keys)

    def show_refusal(self, key: str, column: str, sentence: str) -> None:
        self.error.setText(f"{key}, {heading(column).lower()}: {sentence}")
        self.error.show()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._showing:
            return
        self.error.clear()
        self.error.hide()
        name = list(self.columns)[item.column()]
        kind = self.columns[name]
        value: object = item.checkState() == Qt.CheckState.Checked if kind == FLAG else \
            item.data(KEY_ROLE) if kind == CHOICE else item.text()
        self.field_edited.emit(self.table, self._keys[item.row()], name, value)
