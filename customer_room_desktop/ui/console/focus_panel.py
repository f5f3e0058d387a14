"""Conversation 3 on the console, focus and commit: choose the critical few and free the capacity.

The room sees each candidate experience with its evidence, each leader spends a few dots, the room
selects priorities, names a sponsor and a cross-silo team for each, and decides what to stop doing.
The panel never saves anything: every action leaves as a Qt signal, the caller asks storage and
hands fresh rows back through the ``show_*`` methods (refusals come back through ``show_message``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHeaderView, QLabel, QLineEdit,
    QListWidgetItem, QPlainTextEdit, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ...domain.reliability import reliability_label
from ..reliability_palette import RELIABILITY_HEX
from .flow_layout import FlowLayout
from .panel_kit import (
    BAD, FOCUS_PANEL_QSS, GOOD, QUIET, TEAL, MessageLabel, hbox, money_text, panel_button, repolish,
    selected_item, wrapping_list,
)
from .text_scale import scaled_style_sheet

if TYPE_CHECKING:
    from ...storage.focus import Candidate

TREND_MARKS = {"rising": ("▲ rising", BAD), "falling": ("▼ falling", GOOD), "steady": ("steady", QUIET)}
STOP_BADGES = {"proposed": ("PROPOSED", "#F0F3F6"), "decided": ("STOP", GOOD), "rejected": ("KEEP", QUIET)}
COLUMNS = ("Experience", "Stage · moment", "Complaints\n3 months", "Trend", "KPIs", "Value\nat risk", "Total\ndots",
           "Status", "Dots")
DOTS_COLUMN = len(COLUMNS) - 1


class _DotBox(QSpinBox):
    """Dots for one candidate; the wheel only turns it when focused, so scrolling the panel moves no dots."""

    def wheelEvent(self, event):  # noqa: N802 (Qt's name)
        if not self.hasFocus():
            return event.ignore()
        return super().wheelEvent(event)


def parse_members(text: str, silos: dict[str, str] | None = None) -> list[tuple[str, str | None]]:
    """One member a line, "Name, silo", the silo by key or by name; blank lines are skipped."""
    by_name = {name.casefold(): key for key, name in (silos or {}).items()}
    members = []
    for line in text.splitlines():
        name, _, silo = line.partition(",")
        name, silo = " ".join(name.split()), silo.strip()
        if name:
            members.append((name, by_name.get(silo.casefold(), silo) or None))
    return members


TEXT_COLUMN_LEAST = 170  # the experience and its moment: narrower, their words broke letter by letter


class _CandidateTable(QTableWidget):
    """The candidates. The experience and its moment share the width the figures leave, but where that
    is less than TEXT_COLUMN_LEAST each (a laptop's console: 85 pixels), they keep that width and the
    table scrolls sideways instead."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_text_columns()

    def fit_text_columns(self) -> None:
        header = self.horizontalHeader()
        figures = sum(header.sectionSize(column) for column in range(2, self.columnCount()))
        narrow = self.viewport().width() - figures < 2 * TEXT_COLUMN_LEAST
        mode = QHeaderView.ResizeMode.Interactive if narrow else QHeaderView.ResizeMode.Stretch
        for column in (0, 1):
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)
                if narrow:
                    header.resizeSection(column, TEXT_COLUMN_LEAST)


class FocusPanel(QWidget):
    """Candidates with their evidence, dot voting, selection, teams and the stop-doing list."""

    votes_entered = Signal(str, dict)  # leader name, {priority key: dots}
    select_requested = Signal(str)  # priority key
    team_requested = Signal(str, str, str, str, list, int)  # key, sponsor, team, lead, [(name, silo)], months
    candidate_added = Signal(str, str)  # moment key, title
    stop_doing_proposed = Signal(str, str, str)  # title, rationale, capacity freed
    stop_doing_decided = Signal(int, bool)  # item id, True = stop it, False = keep it

    def __init__(self, parent: QWidget | None = None, currency_symbol: str = "£"):
        super().__init__(parent, objectName="focuspanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(scaled_style_sheet(FOCUS_PANEL_QSS))
        self._symbol = currency_symbol
        self._candidates: list = []
        self._votes: dict[str, dict[str, int]] = {}
        self._budget = 0
        self._silos: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.message = MessageLabel()
        outer.addWidget(self.message)
        body = QWidget(objectName="panelbody")
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 6, 0)
        box.addWidget(QLabel("CANDIDATE EXPERIENCES: THE EVIDENCE AND THE DOTS", objectName="heading"))
        box.addLayout(self._vote_bar())
        box.addWidget(self._table(), 1)
        box.addLayout(self._candidate_row())
        # One above the other: side by side they needed 769 pixels, and a laptop's console gives the tab 654
        # (the stop-doing list lay cut off at its right edge, behind a scroll area that did not scroll sideways).
        box.addWidget(self._team_group())
        box.addWidget(self._stop_group())
        outer.addWidget(body, 1)  # the console's tab puts the panel in an area that scrolls (lazy_tabs)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._save_dots, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_buttons()

    # -- building ----------------------------------------------------------------------------------
    def _vote_bar(self) -> FlowLayout:
        self.leader = QComboBox(minimumContentsLength=14)
        self.leader.setAccessibleName("Leader voting")
        self.leader.currentTextChanged.connect(lambda _: self._load_leader_dots())
        self.budget = QLabel(objectName="budget")
        self.save_dots = panel_button("Save dots (Ctrl+Return)", primary=True)
        self.save_dots.clicked.connect(self._save_dots)
        row = FlowLayout()  # "Save dots" goes to a second line on a laptop's console (with a leader's budget
        for part in (QLabel("Dots of"), self.leader, self.budget, self.save_dots):  # the line needs 700 px)
            row.addWidget(part)
        return row

    def _table(self) -> QTableWidget:
        self.table = _CandidateTable(0, len(COLUMNS), alternatingRowColors=True, wordWrap=True,
                                     tabKeyNavigation=False)
        self.table.setAccessibleName("Candidate experiences")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column < 2
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.fit_text_columns()
        self.table.setMinimumHeight(320)  # five candidates without scrolling
        self.table.itemSelectionChanged.connect(self._update_buttons)
        return self.table

    def _candidate_row(self) -> QVBoxLayout:
        self.select_button = panel_button("Select as a priority", primary=True)
        self.select_button.clicked.connect(lambda: self.select_requested.emit(self.current_key()))
        self.moment = QComboBox(minimumContentsLength=16)
        self.moment.setAccessibleName("Moment of truth")
        self.moment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.candidate_title = QLineEdit(placeholderText="The experience, in the customer's words")
        self.candidate_title.setAccessibleName("New candidate experience")
        self.candidate_title.returnPressed.connect(self._add_candidate)
        self.candidate_title.textChanged.connect(lambda _: self._update_buttons())
        self.add_button = panel_button("Add")
        self.add_button.clicked.connect(self._add_candidate)
        rows = QVBoxLayout()
        rows.addLayout(hbox(self.select_button, 1))  # its own line: with the candidate's fields, 673 pixels
        adding = hbox(QLabel("Add a candidate:"), self.moment, self.candidate_title, self.add_button)
        adding.setStretchFactor(self.candidate_title, 1)
        rows.addLayout(adding)
        return rows

    def _team_group(self) -> QGroupBox:
        self.team_group = QGroupBox()
        form = QFormLayout()
        group_box = QVBoxLayout(self.team_group)
        group_box.addLayout(form)
        group_box.addStretch(1)  # spare height goes below the form, not between its rows
        self.sponsor = QComboBox(editable=True)
        self.sponsor.setAccessibleName("Sponsor")
        self.sponsor.lineEdit().setPlaceholderText("The leader who answers for it")
        self.team_name = QLineEdit(placeholderText="e.g. Inbox team")
        self.team_name.setAccessibleName("Team name")
        self.lead = QLineEdit(placeholderText="Reports in the room; else the first member")
        self.lead.setAccessibleName("Team lead")
        self.members = QPlainTextEdit(placeholderText="One a line: Name, silo\nMegan Firth, digital")
        self.members.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.members.setAccessibleName("Team members")
        self.members.setFixedHeight(76)
        self.silo_hint = QLabel(objectName="hint", wordWrap=True)
        self.cycle = QSpinBox(minimum=1, maximum=12, value=4, suffix=" months")
        self.cycle.setAccessibleName("Reporting cycle")
        self.team_button = panel_button("Name the team", primary=True)
        self.team_button.clicked.connect(self._name_team)
        cycle_row = hbox(self.cycle, 1, self.team_button)
        members = QVBoxLayout()
        members.setSpacing(2)
        members.addWidget(self.members)
        members.addWidget(self.silo_hint)
        for label, widget in (("Sponsor", self.sponsor), ("Team name", self.team_name), ("Lead", self.lead),
                              ("Members", members), ("Report cycle", cycle_row)):
            form.addRow(label, widget)
        return self.team_group

    def _stop_group(self) -> QGroupBox:
        group = QGroupBox("STOP DOING: FREE THE CAPACITY")
        box = QVBoxLayout(group)
        form = QFormLayout()
        self.stop_title = QLineEdit(placeholderText="What the company stops doing")
        self.stop_title.setAccessibleName("What to stop doing")
        self.stop_rationale = QLineEdit(placeholderText="Why customers won't miss it")
        self.stop_rationale.setAccessibleName("Why customers won't miss it")
        self.stop_capacity = QLineEdit(placeholderText="e.g. 2 FTE, £140k a year")
        self.stop_capacity.setAccessibleName("Capacity freed")
        self.stop_title.textChanged.connect(lambda _: self._update_buttons())
        for label, widget in (("Stop", self.stop_title), ("Because", self.stop_rationale),
                              ("Frees", self.stop_capacity)):
            form.addRow(label, widget)
        box.addLayout(form)
        self.stop_list = wrapping_list("stoplist")
        self.stop_list.setMinimumHeight(120)
        self.stop_list.itemSelectionChanged.connect(self._update_buttons)
        box.addWidget(self.stop_list, 1)
        self.propose_button = panel_button("Propose")
        self.propose_button.clicked.connect(lambda: self.stop_doing_proposed.emit(
            self.stop_title.text(), self.stop_rationale.text(), self.stop_capacity.text()))
        self.stop_button, self.keep_button = panel_button("Stop it"), panel_button("Keep it")
        self.stop_button.clicked.connect(lambda: self._decide(True))
        self.keep_button.clicked.connect(lambda: self._decide(False))
        box.addLayout(hbox(self.propose_button, 1, self.stop_button, self.keep_button))
        return group

    # -- told by the caller ----------------------------------------------------------------------
    def show_candidates(self, candidates: list[Candidate], leaders: list[str], dots_per_leader: int,
                        votes_by_leader: dict[str, dict[str, int]]) -> None:
        """Redraw the table; the selected row, the chosen leader and a typed sponsor stay as they were."""
        key, leader, sponsor = self.current_key(), self.leader.currentText(), self.sponsor.currentText()
        self._candidates, self._budget = list(candidates), dots_per_leader
        self._votes = {name: dict(votes) for name, votes in votes_by_leader.items()}
        for combo in (self.leader, self.sponsor):  # quietly: the dots are reloaded once the rows exist
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(list(leaders))
        self.leader.setCurrentIndex(max(0, self.leader.findText(leader)) if leaders else -1)
        self.sponsor.setCurrentText(sponsor)
        for combo in (self.leader, self.sponsor):
            combo.blockSignals(False)
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(self._candidates))
        for row, candidate in enumerate(self._candidates):
            self._fill_row(row, candidate)
        rows = [row for row, c in enumerate(self._candidates) if c.key == key]
        if rows:
            self.table.selectRow(rows[0])
        self.table.blockSignals(False)
        self.table.fit_text_columns()  # the figures' columns took the width of what they show now
        self._load_leader_dots()
        self._update_buttons()

    def _fill_row(self, row: int, candidate: Candidate) -> None:
        trend = str(getattr(candidate.trend, "value", candidate.trend))  # an enum from storage, or plain text
        reliability = str(getattr(candidate.reliability, "value", candidate.reliability))
        (trend_text, trend_colour), selected = TREND_MARKS.get(trend, (trend, QUIET)), candidate.status == "selected"
        cells = [(candidate.title, None), (f"{candidate.stage}\n{candidate.moment}".strip(), None),
                 (f"{candidate.complaints_last_3_months:,}", None), (trend_text, trend_colour),
                 (reliability_label(reliability), RELIABILITY_HEX.get(reliability, QUIET)),
                 (money_text(candidate.value_at_risk, self._symbol), None), (str(candidate.dots), None),
                 ("★ selected" if selected else candidate.status, TEAL if selected else None)]
        for column, (text, colour) in enumerate(cells):
            item = QTableWidgetItem(text)
            if colour:
                item.setForeground(QColor(colour))
            if 2 <= column <= 6:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if column in (0, 6) or selected and column == 7:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)
        self.table.item(row, 0).setData(Qt.ItemDataRole.UserRole, candidate.key)
        dots = _DotBox(minimum=0, maximum=max(0, self._budget), alignment=Qt.AlignmentFlag.AlignCenter)
        dots.valueChanged.connect(lambda _: self._show_budget())
        self.table.setCellWidget(row, DOTS_COLUMN, dots)

    def set_moments(self, moments: list[tuple[str, str]]) -> None:
        """The moments of truth a new candidate can be drawn from, as (key, name)."""
        chosen = self.moment.currentData()
        self.moment.clear()
        for key, name in moments:
            self.moment.addItem(name, key)
        self.moment.setCurrentIndex(max(0, self.moment.findData(chosen)))
        self._update_buttons()

    def set_silos(self, silos: list[tuple[str, str]]) -> None:
        """The room's silos as (key, name): a member's silo may be typed as either, and the hint lists the keys."""
        self._silos = dict(silos)
        self.silo_hint.setText("Silos: " + ", ".join(key for key, _ in silos) if silos else "")

    def show_stop_doing(self, items: list[tuple[int, str, str, str, str]]) -> None:
        """The session's stop-doing list, as (id, title, rationale, capacity freed, status)."""
        chosen = self.current_stop_id()
        self.stop_list.clear()
        for item_id, title, rationale, capacity, status in items:
            badge, colour = STOP_BADGES.get(status, (status.upper(), QUIET))
            lines = [f"{badge}  ·  {title}", rationale, f"Frees: {capacity}" if capacity else ""]
            entry = QListWidgetItem("\n".join(line for line in lines if line))
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            entry.setForeground(QColor(colour))
            self.stop_list.addItem(entry)
            if item_id == chosen:
                self.stop_list.setCurrentItem(entry)
        self._update_buttons()

    def show_message(self, text: str, warning: bool = False) -> None:
        self.message.show_message(text, warning)

    def clear_inputs(self, group: str) -> None:
        """Empty one group's fields once the caller has saved them: "team", "candidate" or "stop"."""
        fields = {"team": (self.team_name, self.lead, self.members, self.sponsor.lineEdit()),
                  "candidate": (self.candidate_title,),
                  "stop": (self.stop_title, self.stop_rationale, self.stop_capacity)}[group]
        for field in fields:
            field.clear()
        if group == "team":
            self.cycle.setValue(4)

    # -- reading the widgets ---------------------------------------------------------------------
    def current_key(self) -> str:
        item = selected_item(self.table)
        return self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def current_stop_id(self) -> int | None:
        item = selected_item(self.stop_list)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def leader_dots(self) -> dict[str, int]:
        """The dots the chosen leader has on screen now, saved or not."""
        return {c.key: self.table.cellWidget(row, DOTS_COLUMN).value() for row, c in enumerate(self._candidates)}

    def _load_leader_dots(self) -> None:
        saved = self._votes.get(self.leader.currentText(), {})
        for row, candidate in enumerate(self._candidates):
            box = self.table.cellWidget(row, DOTS_COLUMN)
            box.blockSignals(True)
            box.setValue(saved.get(candidate.key, 0))
            box.blockSignals(False)
            box.setEnabled(bool(self.leader.currentText()))
        self._show_budget()

    def _show_budget(self) -> None:
        leader, dots = self.leader.currentText(), self.leader_dots()
        used = sum(dots.values())
        unsaved = {k: v for k, v in dots.items() if v} != {k: v for k, v in self._votes.get(leader, {}).items() if v}
        if not leader:
            text, state = "No leaders yet: add the attendees to the session to vote.", "under"
        elif used > self._budget:
            text, state = f"{leader}: {used} of {self._budget} dots, {used - self._budget} too many", "over"
        else:
            text = f"{leader}: {used} of {self._budget} dots" + ("  ·  not saved yet" if unsaved else "")
            state = "full" if used == self._budget else "under"
        self.budget.setText(text)
        self.budget.setProperty("state", state)
        repolish(self.budget)
        self.save_dots.setEnabled(bool(leader) and bool(self._candidates) and state != "over")

    def _update_buttons(self) -> None:
        item = selected_item(self.table)
        candidate = self._candidates[item.row()] if item is not None and item.row() < len(self._candidates) else None
        selected = candidate is not None and candidate.status == "selected"
        self.select_button.setEnabled(candidate is not None and not selected)
        self.team_button.setEnabled(selected)
        self.team_group.setTitle(f"SPONSOR AND TEAM FOR “{candidate.title}”" if selected else
                                 "SPONSOR AND TEAM: choose a selected priority in the table" if candidate is None
                                 else "SPONSOR AND TEAM: select this candidate as a priority first")
        self.add_button.setEnabled(self.moment.count() > 0 and bool(self.candidate_title.text().strip()))
        self.propose_button.setEnabled(bool(self.stop_title.text().strip()))
        for button in (self.stop_button, self.keep_button):
            button.setEnabled(self.current_stop_id() is not None)

    # -- asking ------------------------------------------------------------------------------------
    def _save_dots(self) -> None:
        if self.save_dots.isEnabled():
            self.votes_entered.emit(self.leader.currentText(), {k: v for k, v in self.leader_dots().items() if v > 0})

    def _add_candidate(self) -> None:
        if self.add_button.isEnabled():
            self.candidate_added.emit(self.moment.currentData(), self.candidate_title.text())

    def _name_team(self) -> None:
        self.team_requested.emit(self.current_key(), self.sponsor.currentText(), self.team_name.text(),
                                 self.lead.text(), parse_members(self.members.toPlainText(), self._silos),
                                 self.cycle.value())

    def _decide(self, stop: bool) -> None:
        if self.current_stop_id() is not None:
            self.stop_doing_decided.emit(self.current_stop_id(), stop)
