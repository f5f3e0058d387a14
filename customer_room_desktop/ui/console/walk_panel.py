"""Conversation 2 on the console, in the customer's shoes: the personas, and "try it yourself" exercises.

Keyboard-first while an exercise runs: Up and Down choose a leader; Ctrl+F finished, Ctrl+G gave up,
Ctrl+T their answer (typed in the field), Ctrl+R their reaction. The panel only asks: the walk
controller saves each result and tells the panel what is now true.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout, QComboBox, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QSpinBox,
    QVBoxLayout, QWidget,
)

from .capture_fields import CaptureField
from .panel_kit import panel_button, scrolled

OUTCOME_KEYS = (("finished", "Finished (Ctrl+F)", "Ctrl+F"), ("gave up", "Gave up (Ctrl+G)", "Ctrl+G"),
                ("answered", "Their answer (Ctrl+T)", "Ctrl+T"))
SIDE_BY_SIDE_MARGIN = 40  # the body's margins, the space between the columns and a scroll bar's width


def _list(name: str, height: int = 0) -> QListWidget:
    items = QListWidget(objectName=name)
    items.setWordWrap(True)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if height:
        items.setMaximumHeight(height)
    return items


class _Columns(QBoxLayout):
    """The panel's two columns. Their wrapping labels would give them a height for each width, which a
    scroll area takes as the least height of what it holds: the page would scroll even on a wide screen."""

    def hasHeightForWidth(self) -> bool:
        return False


class WalkPanel(QWidget):
    persona_requested = Signal(str)  # persona key
    call_requested = Signal(str)  # call key
    start_requested = Signal(str)  # artifact key
    stop_requested = Signal()
    replace_confirmed = Signal(str)  # stop the running exercise, then start this artifact's
    result_entered = Signal(str, str, str)  # attendee, outcome, answer
    reaction_entered = Signal(str, str)  # attendee, reaction
    handout_requested = Signal(str, int, str)  # artifact key, copies, paper

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("walkpanel")
        body = QWidget(objectName="walkbody")
        self._columns = outer = _Columns(QBoxLayout.Direction.LeftToRight, body)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scrolled(body))
        self._left = left = QVBoxLayout()
        left.addWidget(QLabel("PERSONAS: CLICK TO PUT ONE ON A WALL", objectName="heading"))
        self.personas = _list("personas", 120)
        self.personas.setAccessibleName("Personas")
        self.personas.itemClicked.connect(lambda item: self.persona_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        left.addWidget(self.personas)
        left.addWidget(QLabel("THEIR CALLS: CLICK TO PLAY", objectName="heading"))
        self.calls = _list("personacalls", 150)
        self.calls.setAccessibleName("The persona's calls")
        self.calls.itemClicked.connect(lambda item: self.call_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        left.addWidget(self.calls)
        left.addWidget(QLabel("TRY IT YOURSELF: EXERCISES", objectName="heading"))
        self.tasks = _list("tasks")
        self.tasks.setAccessibleName("Exercise tasks")
        left.addWidget(self.tasks, 1)
        row = QHBoxLayout()
        self.start_button = panel_button("Start exercise")
        self.start_button.clicked.connect(self._start)
        self.stop_button = panel_button("Stop")
        self.stop_button.clicked.connect(self.stop_requested.emit)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        left.addLayout(row)
        handouts = QHBoxLayout()
        self.copies = QSpinBox(minimum=1, maximum=200, value=8, suffix=" copies")
        self.copies.setAccessibleName("Handout copies")
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItems(["a4", "letter"])
        print_button = panel_button("Print handouts…")
        print_button.clicked.connect(self._handouts)
        handouts.addWidget(self.copies)
        handouts.addWidget(self.paper)
        handouts.addWidget(print_button)
        left.addLayout(handouts)
        outer.addLayout(left, 2)
        self._right = right = QVBoxLayout()
        self.status = QLabel("No exercise is running.", objectName="exercisestatus", wordWrap=True)
        right.addWidget(self.status)
        self.replace = QWidget()
        replace_row = QHBoxLayout(self.replace)
        self.replace_text = QLabel(objectName="notice", wordWrap=True)
        replace_row.addWidget(self.replace_text, 1)
        self.replace_button = panel_button("Stop it and start this one")
        self.replace_button.clicked.connect(lambda: self.replace_confirmed.emit(self._pending))
        keep = panel_button("Keep it running")
        keep.clicked.connect(lambda: self.replace.hide())
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(keep)
        self.replace.hide()
        right.addWidget(self.replace)
        right.addWidget(QLabel("LEADERS: ↑ ↓ TO CHOOSE, THEN RECORD", objectName="heading"))
        self.leaders = _list("leaders")
        self.leaders.setAccessibleName("Leaders in the exercise")
        right.addWidget(self.leaders, 1)
        self.text = CaptureField(objectName="exerciseanswer", placeholderText="Their answer, or a one-line reaction")
        self.text.setAccessibleName("Answer or reaction")
        right.addWidget(self.text)
        buttons = QGridLayout()  # two by two: narrow enough below the personas on a laptop's screen (a flow
        for place, (outcome, label, keys) in enumerate(OUTCOME_KEYS):  # here made the page scroll on a wide one)
            button = panel_button(label)
            button.clicked.connect(lambda _=False, o=outcome: self._record(o))
            buttons.addWidget(button, place // 2, place % 2)
            self._shortcut(keys, lambda o=outcome: self._record(o))
        reaction = panel_button("Reaction (Ctrl+R)")
        reaction.clicked.connect(self._reaction)
        self._shortcut("Ctrl+R", self._reaction)
        self.text.returnPressed.connect(self._reaction)
        buttons.addWidget(reaction, 1, 1)
        right.addLayout(buttons)
        self.message = QLabel(objectName="sessionmessage", wordWrap=True)
        right.addWidget(self.message)
        outer.addLayout(right, 3)
        self._pending = ""
        self.show_running(None, [], False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The exercise beside the personas where the console is wide enough, below them where not (a
        laptop's screen): the panel then scrolls."""
        super().resizeEvent(event)
        wanted = self._left.minimumSize().width() + self._right.minimumSize().width() + SIDE_BY_SIDE_MARGIN
        direction = QBoxLayout.Direction.LeftToRight if event.size().width() >= wanted \
            else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)

    def _shortcut(self, keys: str, action) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(action)

    # -- asking ---------------------------------------------------------------------------------
    def _current_task(self) -> str:
        item = self.tasks.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def _start(self) -> None:
        if self._current_task():
            self.start_requested.emit(self._current_task())

    def _handouts(self) -> None:
        if self._current_task():
            self.handout_requested.emit(self._current_task(), self.copies.value(), self.paper.currentText())
        else:
            self.show_message("Choose an exercise to print its handout.")

    def _leader(self) -> str:
        item = self.leaders.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def _record(self, outcome: str) -> None:
        if self._leader():
            self.result_entered.emit(self._leader(), outcome, self.text.text() if outcome == "answered" else "")

    def _reaction(self) -> None:
        if self._leader() and self.text.text().strip():
            self.reaction_entered.emit(self._leader(), self.text.text())

    # -- told -------------------------------------------------------------------------------------
    def show_personas(self, personas: list[tuple[str, str]], calls: list[tuple[str, str]]) -> None:
        """(key, name) of each persona; (call key, "Maya · title") of their calls."""
        self.personas.clear()
        for key, name in personas:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.personas.addItem(item)
        self.calls.clear()
        for key, label in calls:
            item = QListWidgetItem(f"▶ {label}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.calls.addItem(item)

    def show_tasks(self, tasks: list[tuple[str, str]]) -> None:
        """(artifact key, "title · customers: median 23:00") of each exercise."""
        current = self._current_task()
        self.tasks.clear()
        for key, label in tasks:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.tasks.addItem(item)
            if key == current:
                self.tasks.setCurrentItem(item)

    def choose_task(self, key: str) -> None:
        for row in range(self.tasks.count()):
            if self.tasks.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.tasks.setCurrentRow(row)

    def show_running(self, status: str | None, leaders: list[tuple[str, str]], live: bool) -> None:
        """``status`` of the running exercise (None when none runs); each leader with their result so far."""
        self.status.setText(status or "No exercise is running.")
        chosen = self.leaders.currentRow()
        self.leaders.clear()
        for name, result in leaders:
            item = QListWidgetItem(f"{name}   ·   {result}" if result else name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.leaders.addItem(item)
        if leaders:
            self.leaders.setCurrentRow(min(max(chosen, 0), len(leaders) - 1))
        self.start_button.setEnabled(live)
        self.stop_button.setEnabled(status is not None)

    def next_leader(self) -> None:
        """After a result, the next leader is chosen and the field cleared."""
        self.text.clear()
        if self.leaders.currentRow() < self.leaders.count() - 1:
            self.leaders.setCurrentRow(self.leaders.currentRow() + 1)

    def ask_to_replace(self, message: str, key: str) -> None:
        self._pending = key
        self.replace_text.setText(message)
        self.replace.show()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def hide_replace(self) -> None:
        self.replace.hide()
