"""Fields of the editor's grids that choose among the room's own rows: one (a call's persona, the moment of
truth an artifact or a call belongs to: a list to pick from in the cell, which may depend on the row) or
several (a moment's silos, ticked under the grid for the selected row)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QLabel, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget,
)

KEY_ROLE = Qt.ItemDataRole.UserRole  # the chosen row's key (or keys), beside the name the cell shows
LINKS_PER_LINE = 4
Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A cell edited by choosing from a list; the choice is made (and the cell closed) as soon as it is picked."""

    def __init__(self, choices: Callable[[int], list[tuple[str, str]]], parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = choices  # row -> (key, name), read when the cell is opened: the room's rows as they are now

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = QComboBox(parent)
        for key, name in self._choices(index.row()):
            editor.addItem(name, key)
        editor.activated.connect(lambda _=0, editor=editor: (self.commitData.emit(editor),
                                                             self.closeEditor.emit(editor)))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt's name
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(KEY_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox) and editor.currentData() != index.data(KEY_ROLE):
            model.setItemData(index, {Qt.ItemDataRole.DisplayRole: editor.currentText(),
                                      KEY_ROLE: editor.currentData()})


class LinksPanel(QWidget):
    """The rows of another table the selected row is linked to, one tick box each ("Silos of 'I report'")."""

    links_chosen = Signal(list)  # the keys ticked, in the order the choices are listed

    def __init__(self, what: str, none_yet: str):
        """``what``: what the links are ("Silos"); ``none_yet``: said when there is nothing to choose."""
        super().__init__()
        self.what, self.none_yet = what, none_yet
        self.title = QLabel()
        self.boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)

    def show_links(self, row_name: str, choices: list[tuple[str, str]], chosen: tuple[str, ...]) -> None:
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes = {}
        if not row_name:
            self.title.setText(f"{self.what}: select a row to choose them.")
            return
        if not choices:
            self.title.setText(self.none_yet)
            return
        self.title.setText(f"{self.what} of '{row_name}':")
        for number, (key, name) in enumerate(choices):
            box = QCheckBox(name.replace("&", "&&"), checked=key in chosen)  # an & is a letter, not a shortcut
            box.setAccessibleName(f"{self.what}: {name}")
            box.toggled.connect(self._toggled)
            self._grid.addWidget(box, number // LINKS_PER_LINE, number % LINKS_PER_LINE)
            self.boxes[key] = box

    def _toggled(self) -> None:
        self.links_chosen.emit([key for key, box in self.boxes.items() if box.isChecked()])
