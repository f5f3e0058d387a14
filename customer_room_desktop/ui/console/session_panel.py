"""The session on the console: plan it, start it, review what was committed last time, close it.

The panel only asks; the session controller saves and then tells the panel what is now true.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ...domain.meetings import Cadence
from ...domain.session_plan import CONVERSATION_TITLES
from .flow_layout import FlowLayout
from .panel_kit import panel_button

SHORT_NAMES = {1: "Earn the right", 2: "Walk the journey", 3: "Focus and commit", 4: "Accountability"}
CADENCE_SPACING_DAYS = {"monthly": 28, "quarterly": 91, "annual": 364, "workshop": 28, "onboarding": 28}


def _wrapping(items: QListWidget) -> QListWidget:
    items.setWordWrap(True)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return items


class PlanSessionDialog(QDialog):
    """Title, cadence, date, voting rules and attendees; stays open until the plan is saved."""

    plan_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None, attendees: str = "", today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Plan a session")
        self.setMinimumWidth(640)
        today = today or date.today()
        form = QFormLayout(self)
        self.title = QLineEdit(objectName="plantitle")
        self.title.setAccessibleName("Session title")
        form.addRow("Title", self.title)
        self.cadence = QComboBox(objectName="plancadence")
        self.cadence.setAccessibleName("Cadence")
        self.cadence.addItems([c.value for c in Cadence])
        self.cadence.setCurrentText("quarterly")
        form.addRow("Cadence", self.cadence)
        self.scheduled = QDateEdit(QDate(today), calendarPopup=True, displayFormat="d MMM yyyy")
        form.addRow("Date", self.scheduled)
        self.next_on = QDateEdit(QDate(today + timedelta(days=91)), calendarPopup=True, displayFormat="d MMM yyyy")
        form.addRow("Next session", self.next_on)
        self.cadence.currentTextChanged.connect(self._suggest_next)
        self.scheduled.dateChanged.connect(self._suggest_next)
        self.dots = QSpinBox(minimum=1, maximum=10, value=3)
        self.dots.setAccessibleName("Dots per leader")
        form.addRow("Dots per leader", self.dots)
        self.max_priorities = QSpinBox(minimum=1, maximum=10, value=3)
        self.max_priorities.setAccessibleName("Most priorities")
        form.addRow("Critical few (warn above)", self.max_priorities)
        self.attendees = QPlainTextEdit(attendees, objectName="planattendees")
        self.attendees.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.attendees.setAccessibleName("Attendees, one a line")
        self.attendees.setPlaceholderText("One per line: Name, Role, silo")
        form.addRow("Attendees", self.attendees)
        self.problem = QLabel(objectName="planproblem", wordWrap=True)
        form.addRow(self.problem)
        row = QHBoxLayout()
        save = QPushButton("Save the plan", objectName="plansave")
        save.clicked.connect(self._ask)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(save)
        form.addRow(row)

    def _suggest_next(self) -> None:
        days = CADENCE_SPACING_DAYS.get(self.cadence.currentText(), 28)
        self.next_on.setDate(self.scheduled.date().addDays(days))

    def _ask(self) -> None:
        self.plan_requested.emit({
            "title": self.title.text(), "cadence": self.cadence.currentText(),
            "scheduled_on": self.scheduled.date().toPython(), "next_session_on": self.next_on.date().toPython(),
            "dots_per_leader": self.dots.value(), "max_priorities": self.max_priorities.value(),
            "attendees": [line for line in self.attendees.toPlainText().splitlines() if line.strip()]})

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)


class SessionPanel(QWidget):
    plan_requested = Signal(dict)
    start_requested = Signal()
    close_requested = Signal()
    conversation_requested = Signal(int)
    minutes_requested = Signal()
    attendee_added = Signal(str)  # "Name, Role, silo"
    commitment_reviewed = Signal(int, str, str)  # commitment id, done / moved / dropped / open, new due if moved

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sessionpanel")
        self.dialog: PlanSessionDialog | None = None
        box = QVBoxLayout(self)
        self.title = QLabel(objectName="sessiontitle", wordWrap=True)
        box.addWidget(self.title)
        row = FlowLayout()  # the rows of buttons wrap on a laptop's screen
        self.buttons = {}
        for key, text, signal in (("plan", "Plan a session…", None),
                                  ("start", "Start the session", self.start_requested),
                                  ("close", "Close the session", self.close_requested),
                                  ("minutes", "Minutes…", self.minutes_requested)):
            button = panel_button(text, name=f"session{key}")
            button.clicked.connect(signal.emit if signal else self.open_plan_dialog)
            row.addWidget(button)
            self.buttons[key] = button
        box.addLayout(row)
        conversations = FlowLayout()
        self.conversation_buttons = []
        for conversation, title in CONVERSATION_TITLES.items():
            button = panel_button(f"{int(conversation)}  {SHORT_NAMES[conversation]}")
            button.setCheckable(True)
            button.setToolTip(title)
            button.clicked.connect(lambda _=False, n=int(conversation): self.conversation_requested.emit(n))
            conversations.addWidget(button)
            self.conversation_buttons.append(button)
        box.addLayout(conversations)
        self.message = QLabel(objectName="sessionmessage", wordWrap=True)
        box.addWidget(self.message)
        lists = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("ATTENDEES", objectName="heading"))
        self.attendees = _wrapping(QListWidget(objectName="attendees"))
        self.attendees.setAccessibleName("Attendees")
        left.addWidget(self.attendees, 1)
        self.new_attendee = QLineEdit(placeholderText="Add someone: Name, Role, silo (Enter)")
        self.new_attendee.setAccessibleName("Add an attendee")
        self.new_attendee.returnPressed.connect(self._add_attendee)
        left.addWidget(self.new_attendee)
        lists.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel("OPEN COMMITMENTS FROM EARLIER SESSIONS: REVIEW THEM", objectName="heading"))
        self.carried = _wrapping(QListWidget(objectName="carried"))
        self.carried.setAccessibleName("Carried over from last session")
        right.addWidget(self.carried, 1)
        review = FlowLayout()
        for text, status in (("Done", "done"), ("Moved to", "moved"), ("Dropped", "dropped"),
                             ("Still open", "open")):
            button = panel_button(text)
            button.clicked.connect(lambda _=False, s=status: self._review(s))
            review.addWidget(button)
            if status == "moved":
                self.moved_to = QDateEdit(QDate.currentDate().addDays(28))
                self.moved_to.setCalendarPopup(True)
                self.moved_to.setDisplayFormat("d MMM yyyy")
                self.moved_to.setObjectName("movedto")
                self.moved_to.setAccessibleName("The date a moved commitment is now due")
                review.addWidget(self.moved_to)
        right.addLayout(review)
        lists.addLayout(right, 2)
        box.addLayout(lists, 1)

    # -- asking ---------------------------------------------------------------------------------
    def open_plan_dialog(self, attendees: str = "") -> PlanSessionDialog:
        self.dialog = PlanSessionDialog(self, attendees or self.attendee_template)
        self.dialog.plan_requested.connect(self.plan_requested.emit)
        self.dialog.open()
        return self.dialog

    attendee_template = ""  # the last session's attendees, offered again when planning the next one

    def _add_attendee(self) -> None:
        if self.new_attendee.text().strip():
            self.attendee_added.emit(self.new_attendee.text())

    def _review(self, status: str) -> None:
        item = self.carried.currentItem()
        if item is not None:
            moved_to = self.moved_to.date().toPython().isoformat() if status == "moved" else ""
            self.commitment_reviewed.emit(item.data(Qt.ItemDataRole.UserRole), status, moved_to)

    # -- told -----------------------------------------------------------------------------------
    def plan_saved(self) -> None:
        if self.dialog is not None:
            self.dialog.accept()
            self.dialog = None

    def plan_refused(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.show_problem(message)

    def show_session(self, heading: str, state: str) -> None:
        """``state`` is none, planned, live or closed; the buttons follow it."""
        self.title.setText(heading)
        self.buttons["start"].setEnabled(state == "planned")
        self.buttons["close"].setEnabled(state == "live")
        self.buttons["minutes"].setEnabled(state in ("live", "closed"))
        for button in self.conversation_buttons:
            button.setEnabled(state == "live")
        self.new_attendee.setEnabled(state in ("planned", "live"))

    def show_conversation(self, conversation: int) -> None:
        for number, button in enumerate(self.conversation_buttons, start=1):
            button.setChecked(number == conversation)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def show_attendees(self, attendees: list[tuple[str, str, str]]) -> None:
        self.attendees.clear()
        for name, role, silo in attendees:
            self.attendees.addItem(f"{name}  ·  {role}" + (f"  ·  {silo}" if silo else "") if role else name)
        self.new_attendee.clear()

    def show_carried(self, commitments: list) -> None:
        """Open commitments from earlier sessions (objects with id, text, owner, due_on, from_session)."""
        self.carried.clear()
        for c in commitments:
            item = QListWidgetItem(f"{c.owner}, due {c.due_on}: {c.text}  ({c.from_session})")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.carried.addItem(item)
