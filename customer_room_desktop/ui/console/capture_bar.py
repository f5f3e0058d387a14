"""Capture while talking: a decision, a commitment or a note, typed and saved with Enter.

The bar never shows an item as saved by itself: the caller saves it durably first, then calls
``show_saved``. A refusal leaves the typed text in place so nothing is lost.

A saved item that carries its uid can be corrected from the list (its context menu, the buttons beside
the list, or a double click): the bar asks with ``edit_requested`` / ``withdraw_requested`` and shows
the change only when the caller has saved it (``show_edited`` / ``show_withdrawn``).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QCompleter, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)
from .capture_fields import CaptureField, DueDateEdit, KindButton, TwoLineLabel
from .panel_kit import repolish
from .text_scale import scaled_style_sheet

KINDS = (("decision", "Decision", "Ctrl+D"), ("commitment", "Commitment", "Ctrl+K"), ("note", "Note", "Ctrl+N"))
DEFAULT_DUE_DAYS = 14
STATUS_WIDTH = 320  # below this beside the kinds, their labels drop the keys
KIND_SPACING = 8  # between two kinds
LABELS = {"decision": "DECISION", "commitment": "COMMITMENT", "note": "NOTE"}
UID_ROLE = Qt.ItemDataRole.UserRole  # each listed item's uid ("" when the caller gave none: not correctable)
WITHDRAWN_COLOUR = "#8FA0AF"
# A field holds this much of a paste (Qt's default is 32,767, cut silently), so a capture over the room's
# limit (domain.meetings.CAPTURE_LIMIT) is refused with its true length.
PASTE_LIMIT = 1_000_000
# console.qss styles line edits, buttons and lists; a popup menu is a window of its own and needs its rules here.
MENU_QSS = """
QMenu { background: #1A222B; color: #F0F3F6; font-size: 15px; border: 1px solid #2C3A47; }
QMenu::item { padding: 6px 18px; }
QMenu::item:selected { background: #12A4B4; color: #0B0F14; }
QMenu::item:disabled { color: #56636F; }
"""


def item_label(kind: str, text: str, at: str, where: str = "", owner: str = "", due: str = "") -> str:
    """One line of the list: "14:05  COMMITMENT  Fix the form — Dana Ruiz, due 2027-02-01   · I make a claim"."""
    line = f"{at}  {LABELS[kind]}  {text}"
    if kind == "commitment" and (owner or due):
        line += " — " + ", ".join(part for part in (owner, f"due {due}" if due else "") if part)
    return line + (f"   · {where}" if where else "")


class CaptureBar(QWidget):
    capture_requested = Signal(str, str, str, object, str)  # kind, text, owner, due date, priority key ("" for none)
    left = Signal()  # Esc: the facilitator goes back to driving the room
    edit_requested = Signal(str, str)  # uid, the corrected text
    withdraw_requested = Signal(str)  # uid

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("capturebar")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.kind_buttons = QButtonGroup(self)
        for index, (kind, label, keys) in enumerate(KINDS):
            button = KindButton(label, keys)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoDefault(True)
            button.setProperty("kind", kind)
            self.kind_buttons.addButton(button, index)
            row.addWidget(button)
        self.kind_buttons.button(0).setChecked(True)
        self.kind_buttons.idToggled.connect(lambda *_: self._show_kind())
        self.status = TwoLineLabel(objectName="capturestatus")  # two lines whatever it says: nothing moves
        row.addWidget(self.status, 1)
        box.addLayout(row)
        fields = QHBoxLayout()
        self.text = CaptureField(objectName="capture", maxLength=PASTE_LIMIT)
        self.text.setAccessibleName("Capture text")
        self.text.returnPressed.connect(self.submit)
        self.text.escaped.connect(self.left.emit)
        fields.addWidget(self.text, 3)
        self.owner = CaptureField(objectName="captureowner", placeholderText="Owner")
        self.owner.setAccessibleName("Owner")
        self.owner.returnPressed.connect(self.submit)
        self.owner.escaped.connect(self.left.emit)
        fields.addWidget(self.owner, 1)
        self.due = DueDateEdit(objectName="capturedue", calendarPopup=True, displayFormat="d MMM yyyy")
        self.due.setAccessibleName("Due date")
        self.due.submitted.connect(self.submit)
        fields.addWidget(self.due)
        self.priority = QComboBox(objectName="capturepriority")
        self.priority.setAccessibleName("Priority it serves")
        fields.addWidget(self.priority, 1)
        box.addLayout(fields)
        self.captured = QListWidget(objectName="captured")
        self.captured.setAccessibleName("Captured this session")
        self.captured.setWordWrap(True)
        self.captured.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.captured.setMaximumHeight(150)
        # on a laptop's screen the list gives up its height before the tabs below do (see console_window)
        self.captured.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.captured.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # a long item reads whole
        self.captured.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.captured.customContextMenuRequested.connect(
            lambda pos: self._popup(self.captured.itemAt(pos), self.captured.viewport().mapToGlobal(pos)))
        self.captured.itemSelectionChanged.connect(self._show_choices)
        self.captured.itemDoubleClicked.connect(lambda item: self.begin_edit(item.data(UID_ROLE) or ""))
        self._items: dict[str, dict] = {}  # uid -> kind, text, at, where, owner, due, withdrawn
        self._editing = ""
        listed = QHBoxLayout()
        listed.addWidget(self.captured, 1)
        choices = QHBoxLayout()  # side by side: the list can be one button high on a laptop's screen
        self.edit_button = QPushButton("Edit…", objectName="capturefix")
        self.withdraw_button = QPushButton("Withdraw", objectName="capturefix")
        for button, action in ((self.edit_button, lambda: self.begin_edit()),
                               (self.withdraw_button, lambda: self.request_withdraw())):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoDefault(True)
            button.clicked.connect(action)
            choices.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        listed.addLayout(choices)
        box.addLayout(listed)
        editing = QHBoxLayout()
        self.edit_label = QLabel("Correct:", objectName="captureeditlabel")
        self.edit_field = CaptureField(objectName="captureedit", maxLength=PASTE_LIMIT)
        self.edit_field.setAccessibleName("Correction")
        self.edit_field.returnPressed.connect(self._submit_edit)
        self.edit_field.escaped.connect(self.cancel_edit)
        self.edit_save = QPushButton("Save", objectName="capturefix")
        self.edit_cancel = QPushButton("Cancel", objectName="capturefix")
        self.edit_save.clicked.connect(self._submit_edit)
        self.edit_cancel.clicked.connect(self.cancel_edit)
        for widget, stretch in ((self.edit_label, 0), (self.edit_field, 1), (self.edit_save, 0), (self.edit_cancel, 0)):
            editing.addWidget(widget, stretch)
        self.edit_row = QWidget(objectName="captureeditrow")
        self.edit_row.setLayout(editing)
        editing.setContentsMargins(0, 0, 0, 0)
        self.edit_row.hide()
        box.addWidget(self.edit_row)
        self._menu: QMenu | None = None
        self.set_people([])
        self.set_priorities([])
        self.reset_due()
        self._show_kind()
        self._show_choices()
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow bar (a laptop's screen) the kinds drop their keys (their tooltips keep them), leaving
        the status room for its two lines."""
        super().resizeEvent(event)
        buttons = self.kind_buttons.buttons()
        full = event.size().width() - sum(b.full_width() + KIND_SPACING for b in buttons) >= STATUS_WIDTH
        for button in buttons:
            button.show_keys(full)

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
        self.status.setProperty("closed", "false" if open_ else "true")  # why it is closed reads in amber
        if not open_:
            self.status.setText(why)
        elif not self.status.text().startswith("✓"):
            self.status.setText("Ready: Ctrl+D, Ctrl+K or Ctrl+N, then type; Enter saves.")
        repolish(self.status)

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

    def show_saved(self, kind: str, text: str, at: str, where: str, uid: str = "", owner: str | None = None,
                   due: date | str | None = None) -> None:
        """The item is durably saved: list it, clear the fields, keep the cursor for the next one.

        A commitment lists its owner and due date; when the caller does not pass them, they are the ones
        in the fields, which is what was just saved.
        """
        if kind == "commitment":
            owner = " ".join((self.owner.text() if owner is None else owner).split())
            due = self.due.date().toPython() if due is None else due
        self._list(kind, text, at, where, uid, owner or "", due.isoformat() if isinstance(due, date) else due or "")
        self.text.clear()
        if kind == "commitment":
            self.owner.clear()
        self.status.setText(f"✓ Saved at {at}")
        self.status.setProperty("refused", "false")
        repolish(self.status)

    def show_refused(self, message: str) -> None:
        self.status.setText(message)
        self.status.setProperty("refused", "true")
        repolish(self.status)

    def show_history(self, items: list[tuple]) -> None:
        """Items already saved in this session, oldest first: after a resume. Each is a tuple
        (kind, text, time, where[, uid[, owner[, due[, withdrawn]]]]); the ones after ``where`` may be left off."""
        self.captured.clear()
        self._items.clear()
        self.cancel_edit()
        for item in items:
            kind, text, at, where, uid, owner, due, withdrawn = (*item, *("", "", "", False)[len(item) - 4:])
            self._list(kind, text, at, where, uid, owner, due)
            if withdrawn and uid:
                self.show_withdrawn(uid, quietly=True)
        self._show_choices()

    def show_edited(self, uid: str, text: str) -> None:
        """The correction is saved: the item reads as corrected and the edit line closes."""
        found = self._items.get(uid)
        if found is None:
            return
        found["text"] = text
        self._item(uid).setText(item_label(found["kind"], text, found["at"], found["where"], found["owner"],
                                           found["due"]))
        if self._editing == uid:
            self.cancel_edit()
        self._say(f"✓ Corrected: {text}")

    def show_withdrawn(self, uid: str, quietly: bool = False) -> None:
        """The withdrawal is saved: the item stays listed, struck through, and can no longer be corrected."""
        found = self._items.get(uid)
        if found is None:
            return
        found["withdrawn"] = True
        item = self._item(uid)
        font = item.font()
        font.setStrikeOut(True)
        item.setFont(font)
        item.setForeground(QBrush(QColor(WITHDRAWN_COLOUR)))
        item.setToolTip("Withdrawn: left out of the minutes.")
        if self._editing == uid:
            self.cancel_edit()
        self._show_choices()
        if not quietly:
            self._say(f"✓ Withdrawn: {found['text']}")

    # -- correcting a saved item --------------------------------------------------------------
    def correctable(self, uid: str) -> bool:
        return bool(uid) and uid in self._items and not self._items[uid]["withdrawn"]

    def selected_uid(self) -> str:
        item = self.captured.currentItem()
        return (item.data(UID_ROLE) or "") if item is not None and item.isSelected() else ""

    def begin_edit(self, uid: str = "") -> None:
        """Open the edit line under the list with the item's text (the selected item if no uid is given)."""
        uid = uid or self.selected_uid()
        if not self.isEnabled() or not self.correctable(uid):
            return
        self._editing = uid
        found = self._items[uid]
        self.edit_label.setText(f"Correct the {found['kind']}:")
        self.edit_field.setText(found["text"])
        self.edit_row.show()
        self.edit_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit_field.selectAll()

    def cancel_edit(self) -> None:
        self._editing = ""
        self.edit_field.clear()
        self.edit_row.hide()

    def request_withdraw(self, uid: str = "") -> None:
        uid = uid or self.selected_uid()
        if self.isEnabled() and self.correctable(uid):
            self.withdraw_requested.emit(uid)

    def context_menu(self, item: QListWidgetItem | None) -> QMenu | None:
        """The menu of a listed item: Edit… and Withdraw, or None for an item that cannot be corrected."""
        uid = item.data(UID_ROLE) if item is not None else ""
        if not self.isEnabled() or not self.correctable(uid):
            return None
        menu = QMenu(self)
        menu.setStyleSheet(scaled_style_sheet(MENU_QSS))
        menu.addAction("Edit…", lambda: self.begin_edit(uid))
        menu.addAction("Withdraw", lambda: self.request_withdraw(uid))
        return menu

    def _popup(self, item: QListWidgetItem | None, where) -> None:
        if self._menu is not None:
            self._menu.deleteLater()
        self._menu = self.context_menu(item)
        if self._menu is not None:
            self.captured.setCurrentItem(item)
            self._menu.popup(where)  # not exec(): the live room never waits on a modal loop

    def _submit_edit(self) -> None:
        if self._editing and self.isEnabled():
            self.edit_requested.emit(self._editing, self.edit_field.text())

    def _show_choices(self) -> None:
        uid = self.selected_uid()
        for button in (self.edit_button, self.withdraw_button):
            button.setEnabled(self.correctable(uid))

    def _list(self, kind: str, text: str, at: str, where: str, uid: str, owner: str, due: str) -> None:
        item = QListWidgetItem(item_label(kind, text, at, where, owner, due))
        item.setData(UID_ROLE, uid)
        self.captured.insertItem(0, item)
        if uid:
            self._items[uid] = {"kind": kind, "text": text, "at": at, "where": where, "owner": owner, "due": due,
                                "withdrawn": False}

    def _item(self, uid: str) -> QListWidgetItem:
        return next(self.captured.item(row) for row in range(self.captured.count())
                    if self.captured.item(row).data(UID_ROLE) == uid)

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.setProperty("refused", "false")
        repolish(self.status)
