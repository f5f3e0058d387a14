"""Capture while talking: a decision, a commitment or a note, typed and saved with Enter.

The bar never shows an item as saved by itself: the caller saves it durably first, then calls
``show_saved``. A refusal leaves the typed text in place so nothing is lost.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QCompleter, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
    QVBoxLayout, QWidget,
)

KINDS = (("decision", "Decision", "Ctrl+D"), ("commitment", "Commitment", "Ctrl+K"), ("note", "Note", "Ctrl+N"))
DEFAULT_DUE_DAYS = 14
SUBMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CaptureField(QLineEdit):
    """A line edit that keeps Enter and Esc for itself, even though the room binds them as shortcuts."""

    escaped = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in (*SUBMIT_KEYS, Qt.Key.Key_Escape):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class DueDateEdit(QDateEdit):
    """A date field where Enter saves the capture instead of being taken by the room's keys."""

    submitted = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in SUBMIT_KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in SUBMIT_KEYS:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class CaptureBar(QWidget):
    capture_requested = Signal(str, str, str, object, str)  # kind, text, owner, due date, priority key ("" for none)
    left = Signal()  # Esc: the facilitator goes back to driving the room

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("capturebar")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.kind_buttons = QButtonGroup(self)
        for index, (kind, label, keys) in enumerate(KINDS):
            button = QPushButton(f"{label} ({keys})", objectName="capturekind")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("kind", kind)
            self.kind_buttons.addButton(button, index)
            row.addWidget(button)
        self.kind_buttons.button(0).setChecked(True)
        self.kind_buttons.idToggled.connect(lambda *_: self._show_kind())
        row.addStretch(1)
        self.status = QLabel(objectName="capturestatus")
        row.addWidget(self.status)
        box.addLayout(row)
        fields = QHBoxLayout()
        self.text = CaptureField(objectName="capture")
        self.text.returnPressed.connect(self.submit)
        self.text.escaped.connect(self.left.emit)
        fields.addWidget(self.text, 3)
        self.owner = CaptureField(objectName="captureowner", placeholderText="Owner")
        self.owner.returnPressed.connect(self.submit)
        self.owner.escaped.connect(self.left.emit)
        fields.addWidget(self.owner, 1)
        self.due = DueDateEdit(objectName="capturedue", calendarPopup=True, displayFormat="d MMM yyyy")
        self.due.submitted.connect(self.submit)
        fields.addWidget(self.due)
        self.priority = QComboBox(objectName="capturepriority")
        fields.addWidget(self.priority, 1)
        box.addLayout(fields)
        self.captured = QListWidget(objectName="captured")
        self.captured.setWordWrap(True)
        self.captured.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.captured.setMaximumHeight(150)
        box.addWidget(self.captured)
        self.set_people([])
        self.set_priorities([])
        self.reset_due()
        self._show_kind()
        self.set_open(False, "Start the session to capture decisions, commitments and notes.")

    # -- what the facilitator does ------------------------------------------------------------
    @property
    def kind(self) -> str:
        return KINDS[max(0, self.kind_buttons.checkedId())][0]

    def begin(self, kind: str) -> None:
        """Ctrl+D, Ctrl+K or Ctrl+N: choose the kind and put the cursor in the text."""
        self.kind_buttons.button([k for k, _, _ in KINDS].index(kind)).setChecked(True)
        self.window().activateWindow()  # the keys may have come while a wall window was active
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def _show_kind(self) -> None:
        commitment = self.kind == "commitment"
        for widget in (self.owner, self.due, self.priority):
            widget.setVisible(commitment)
        self.text.setPlaceholderText({"decision": "What did the room decide? (Enter saves)",
                                      "commitment": "Who commits to do what? Text, owner and due date (Enter saves)",
                                      "note": "A note for the minutes (Enter saves)"}[self.kind])

    def submit(self) -> None:
        if not self.isEnabled():
            return
        due = self.due.date().toPython()
        self.capture_requested.emit(self.kind, self.text.text(), self.owner.text(), due,
                                    self.priority.currentData() or "")

    # -- told by the session ------------------------------------------------------------------
    def set_open(self, open_: bool, why: str = "") -> None:
        """Captures are taken only while a session is live."""
        self.setEnabled(open_)
        if not open_:
            self.status.setText(why)
        elif not self.status.text().startswith("✓"):
            self.status.setText("Ready: Ctrl+D, Ctrl+K or Ctrl+N, then type; Enter saves.")

    def set_people(self, names: list[str]) -> None:
        self.owner.setCompleter(QCompleter(names, self.owner, caseSensitivity=Qt.CaseSensitivity.CaseInsensitive))

    def set_priorities(self, priorities: list[tuple[str, str]]) -> None:
        self.priority.clear()
        self.priority.addItem("No priority", "")
        for key, title in priorities:
            self.priority.addItem(title, key)

    def reset_due(self, today: date | None = None) -> None:
        self.due.setMinimumDate(QDate(today or date.today()))
        self.due.setDate(QDate((today or date.today()) + timedelta(days=DEFAULT_DUE_DAYS)))

    def show_saved(self, kind: str, text: str, at: str, where: str) -> None:
        """The item is durably saved: list it, clear the fields, keep the cursor for the next one."""
        label = {"decision": "DECISION", "commitment": "COMMITMENT", "note": "NOTE"}[kind]
        self.captured.insertItem(0, f"{at}  {label}  {text}" + (f"   · {where}" if where else ""))
        self.text.clear()
        if kind == "commitment":
            self.owner.clear()
        self.status.setText(f"✓ Saved at {at}")
        self.status.setProperty("refused", "false")
        self._repolish()

    def show_refused(self, message: str) -> None:
        self.status.setText(message)
        self.status.setProperty("refused", "true")
        self._repolish()

    def show_history(self, items: list[tuple[str, str, str, str]]) -> None:
        """Items already saved in this session (kind, text, time, where), oldest first: after a resume."""
        self.captured.clear()
        for kind, text, at, where in items:
            label = {"decision": "DECISION", "commitment": "COMMITMENT", "note": "NOTE"}[kind]
            self.captured.insertItem(0, f"{at}  {label}  {text}" + (f"   · {where}" if where else ""))

    def _repolish(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
