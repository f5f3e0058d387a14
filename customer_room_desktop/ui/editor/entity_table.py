"""One grid of the room editor: the rows of one part of the room (moments, personas, KPIs...), one field a
column, edited in place. A value the room cannot take is said in one sentence just under the grid, naming
the row and the field, and the cell shows what the room still holds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from ...services.room_editing import FLAG, SHOWN, TEXT

_ERROR_STYLE = "color: #B42318; font-weight: bold;"


def heading(column: str) -> str:
    return {"is_priority": "Priority", "at_risk": "At risk", "failing": "Failing"}.get(
        column, column.replace("_", " ").capitalize())


class EntityTable(QWidget):
    field_edited = Signal(str, str, str, object)  # table, row key, column, value (text, or bool for a tick)
    add_requested = Signal(str)  # table
    remove_requested = Signal(str, str)  # table, row key
    picture_requested = Signal(str, str, str)  # table, row key, column: a picture from a file for the row

    def __init__(self, table: str, columns: dict[str, str], what: str, addable: bool = False,
                 pictures: dict[str, str] | None = None):
        """``pictures``: button label -> the column a picture chosen for the selected row goes to."""
        super().__init__()
        self.table, self.columns = table, columns
        self._showing = False
        self._keys: list[str] = []
        self.grid = QTableWidget(0, len(columns))
        self.grid.setAccessibleName(f"{what}: one a row; edit a cell to change it")
        self.grid.setHorizontalHeaderLabels([heading(column) for column in columns])
        header = self.grid.horizontalHeader()
        for index, (name, kind) in enumerate(columns.items()):  # words get the room; numbers, ticks, units less
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch if kind == TEXT and name != "unit"
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setWordWrap(True)
        self.grid.itemChanged.connect(self._changed)
        self.error = QLabel(wordWrap=True, styleSheet=_ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        for label, column in (pictures or {}).items():
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, column=column: self._picture(column))
            buttons.addWidget(button)
        if addable:
            add = QPushButton("Add from files…" if table == "artifacts" else f"Add {what.lower().rstrip('s')}")
            add.clicked.connect(lambda: self.add_requested.emit(self.table))
            remove = QPushButton("Remove the selected row")
            remove.clicked.connect(self._remove)
            buttons.addWidget(add)
            buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def show_rows(self, rows: list[tuple[str, dict[str, object]]]) -> None:
        self._showing = True
        try:
            self._keys = [key for key, _ in rows]
            self.grid.setRowCount(len(rows))
            self.grid.setVerticalHeaderLabels(self._keys)
            for row, (_, values) in enumerate(rows):
                for column, name in enumerate(self.columns):
                    self.grid.setItem(row, column, self._item(name, values[name]))
        finally:
            self._showing = False

    def _item(self, name: str, value: object) -> QTableWidgetItem:
        if self.columns[name] == SHOWN:  # worked out from the room, not edited here
            item = QTableWidgetItem(str(value))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            return item
        if self.columns[name] == FLAG:
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            return item
        text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        return QTableWidgetItem(text)

    def select_key(self, key: str) -> None:
        if key in self._keys:
            self.grid.setCurrentCell(self._keys.index(key), 0)

    def _picture(self, column: str) -> None:
        row = max(0, self.grid.currentRow())
        if row < len(self._keys):
            self.picture_requested.emit(self.table, self._keys[row], column)

    def _remove(self) -> None:
        row = self.grid.currentRow()
        if 0 <= row < len(self._keys):
            self.remove_requested.emit(self.table, self._keys[row])

    def show_refusal(self, key: str, column: str, sentence: str) -> None:
        self.error.setText(f"{key}, {heading(column).lower()}: {sentence}")
        self.error.show()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._showing:
            return
        self.error.clear()
        self.error.hide()
        name = list(self.columns)[item.column()]
        value: object = item.checkState() == Qt.CheckState.Checked if self.columns[name] == FLAG else item.text()
        self.field_edited.emit(self.table, self._keys[item.row()], name, value)
