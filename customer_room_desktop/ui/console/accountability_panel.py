"""Conversation 4 on the console, accountability: teams report step by step, the room recognises results.

The board lists every priority's cross-silo team with its cycle of steps (month 1 current state, month 2
root causes, ...), coloured by whether each step was reported, is still planned or is late. The
facilitator picks a step, types what the team said and ticks the artifacts it brought; when a team's
complaints have descended, the room recognises it with a citation. Like the focus panel, this panel only
asks: the caller saves through storage and hands the fresh board back with ``show_board``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidgetItem, QPlainTextEdit, QSplitter,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from .panel_kit import BAD, FOCUS_PANEL_QSS, GOOD, MessageLabel, panel_button, selected_item, wrapping_list
from .text_scale import scaled_style_sheet

if TYPE_CHECKING:
    from ...storage.accountability import RecognitionProposal, StepView, TeamRow

ACCOUNTABILITY_PANEL_QSS = FOCUS_PANEL_QSS + """
QTreeWidget::item { padding: 3px 2px; }
QListWidget#checklist, QListWidget#proposals { font-size: 14px; }
QListWidget#checklist::item { padding: 2px 6px; }
QListWidget#proposals::item { padding: 6px; border-bottom: 1px solid #2C3A47; }
QLabel#caption { color: #F0F3F6; font-size: 15px; font-weight: 700; }
QListWidget#checklist::indicator { width: 15px; height: 15px; border: 2px solid #8FA0AF; border-radius: 3px; }
QListWidget#checklist::indicator:checked { background: #12A4B4; border-color: #12A4B4; }
"""
STEP_STATUS = {"reported": ("✔ reported", GOOD), "planned": ("planned", "#C3CDD6"), "late": ("● late", BAD)}
COLUMNS = ("Team · step", "Due", "Status", "Artifacts")
ROLE = Qt.ItemDataRole.UserRole  # tree items carry (priority key, step position or None for the team row)


def day_text(iso: str) -> str:
    """An ISO date the way people say it in the room: 11 Jun 2026."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{day.day} {day:%b %Y}"


def step_label(step: StepView) -> str:
    return f"M{step.position} {step.title}"


class AccountabilityPanel(QWidget):
    """The team board, the report editor with its artifacts, and the recognitions the room may give."""

    report_entered = Signal(str, int, str, list)  # priority key, step position, report text, artifact keys
    recognition_requested = Signal(str, str)  # priority key, citation

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="accountabilitypanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(scaled_style_sheet(ACCOUNTABILITY_PANEL_QSS))
        self._teams: dict[str, TeamRow] = {}
        self._proposals: dict[str, RecognitionProposal] = {}
        self._collapsed: set[str] = set()
        self._target = ""  # the priority key a recognition would go to
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        self.message = MessageLabel()
        box.addWidget(self.message)
        box.addWidget(QLabel("TEAMS, THEIR STEPS AND WHAT THEY REPORTED", objectName="heading"))
        split = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        split.addWidget(self._tree())
        lower = QWidget(objectName="panelbody")
        row = QHBoxLayout(lower)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._report_group(), 3)
        row.addWidget(self._recognition_group(), 2)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setSizes([280, 320])
        box.addWidget(split, 1)
        self._show_step(None)
        self._update_recognise()

    # -- building ----------------------------------------------------------------------------------
    def _tree(self) -> QTreeWidget:
        self.tree = QTreeWidget(columnCount=len(COLUMNS), alternatingRowColors=True, wordWrap=True)
        self.tree.setAccessibleName("Teams and their reports")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumHeight(160)
        self.tree.itemSelectionChanged.connect(lambda: self._tree_choice(selected_item(self.tree)))
        self.tree.itemCollapsed.connect(lambda item: self._collapsed.add(item.data(0, ROLE)[0]))
        self.tree.itemExpanded.connect(lambda item: self._collapsed.discard(item.data(0, ROLE)[0]))
        return self.tree

    def _report_group(self) -> QGroupBox:
        group = QGroupBox("TEAM REPORT")
        box = QVBoxLayout(group)
        self.caption = QLabel(objectName="caption", wordWrap=True)
        box.addWidget(self.caption)
        row = QHBoxLayout()
        self.report = QPlainTextEdit(placeholderText="What the team told the room: findings, numbers, next actions")
        self.report.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.report.setAccessibleName("Team report")
        self.report.setMinimumHeight(110)
        self.report.textChanged.connect(self._update_save)
        row.addWidget(self.report, 3)
        column = QVBoxLayout()
        self.artifact_heading = QLabel(objectName="heading", wordWrap=True)
        self.artifact_filter = QLineEdit(placeholderText="Find an artifact", clearButtonEnabled=True)
        self.artifact_filter.setAccessibleName("Find an artifact")
        self.artifact_filter.textChanged.connect(self._filter_artifacts)
        self.artifacts = wrapping_list("checklist")
        self.artifacts.itemChanged.connect(lambda _: self._count_artifacts())
        for widget in (self.artifact_heading, self.artifact_filter, self.artifacts):
            column.addWidget(widget)
        row.addLayout(column, 2)
        box.addLayout(row, 1)
        self.save_button = panel_button("Save report", primary=True)
        self.save_button.clicked.connect(self._save_report)
        box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        return group

    def _recognition_group(self) -> QGroupBox:
        group = QGroupBox("RECOGNISE AND CELEBRATE")
        box = QVBoxLayout(group)
        hint = QLabel("Proposed when a team's complaints have fallen. Or select any team on the board and write "
                      "your own citation.", objectName="hint", wordWrap=True)
        box.addWidget(hint)
        self.proposals = wrapping_list("proposals")
        self.proposals.setMinimumHeight(70)
        self.proposals.itemSelectionChanged.connect(lambda: self._proposal_choice(selected_item(self.proposals)))
        box.addWidget(self.proposals, 1)
        self.target = QLabel(objectName="caption", wordWrap=True)
        box.addWidget(self.target)
        self.citation = QLineEdit(placeholderText="What the team achieved, in a sentence")
        self.citation.setAccessibleName("What the team achieved")
        self.citation.textChanged.connect(lambda _: self._update_recognise())
        box.addWidget(self.citation)
        self.recognise_button = panel_button("Recognise and celebrate", primary=True)
        self.recognise_button.clicked.connect(
            lambda: self.recognition_requested.emit(self._target, self.citation.text()))
        box.addWidget(self.recognise_button, 0, Qt.AlignmentFlag.AlignRight)
        return group

    # -- told by the caller ----------------------------------------------------------------------
    def show_board(self, teams: list[TeamRow]) -> None:
        """Redraw the board; the selected team or step stays selected and the editor keeps its text."""
        chosen = self.current_choice()
        self._teams = {team.priority_key: team for team in teams}
        self.tree.blockSignals(True)
        self.tree.clear()
        for team in teams:
            top = QTreeWidgetItem([f"{team.team}  ·  {team.priority_title}\n"
                                   f"Sponsor {team.sponsor or '(none)'}   ·   Lead {team.lead}"])
            top.setData(0, ROLE, (team.priority_key, None))
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            top.setToolTip(0, "Silos: " + ", ".join(team.silos) if team.silos else "No silos named")
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for step in team.steps:
                top.addChild(self._step_item(team.priority_key, step))
            top.setExpanded(team.priority_key not in self._collapsed)
            if chosen == (team.priority_key, None):
                self.tree.setCurrentItem(top)
            for child in (top.child(n) for n in range(top.childCount())):
                if child.data(0, ROLE) == chosen:
                    self.tree.setCurrentItem(child)
        self.tree.blockSignals(False)
        if self.current_choice() != chosen:
            self._tree_choice(selected_item(self.tree))
        else:
            self._show_caption()

    def _step_item(self, key: str, step: StepView) -> QTreeWidgetItem:
        status, colour = STEP_STATUS.get(step.status, (step.status, "#C3CDD6"))
        count = len(step.artifacts)
        item = QTreeWidgetItem([step_label(step), day_text(step.due_on), status,
                                f"{count} artifact{'s' * (count != 1)}" if count else "–"])
        item.setData(0, ROLE, (key, step.position))
        item.setForeground(2, QColor(colour))
        if step.status == "late":
            item.setForeground(1, QColor(colour))
        if step.report:
            item.setToolTip(0, step.report)
        return item

    def set_artifacts(self, artifacts: list[tuple[str, str]]) -> None:
        """The room's artifacts as (key, title), each with a box to tick when the team brought it."""
        ticked = set(self.checked_artifacts())
        self.artifacts.blockSignals(True)
        self.artifacts.clear()
        for key, title in artifacts:
            item = QListWidgetItem(title)
            item.setData(ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            self.artifacts.addItem(item)
        self.artifacts.blockSignals(False)
        self._filter_artifacts(self.artifact_filter.text())
        self._count_artifacts()

    def show_proposals(self, proposals: list[RecognitionProposal]) -> None:
        """Recognitions the complaint trend suggests; choosing one puts its citation up for editing."""
        chosen = selected_item(self.proposals).data(ROLE) if selected_item(self.proposals) else None
        self._proposals = {proposal.priority_key: proposal for proposal in proposals}
        self.proposals.blockSignals(True)
        self.proposals.clear()
        for proposal in proposals:
            item = QListWidgetItem(proposal.citation)
            item.setData(ROLE, proposal.priority_key)
            self.proposals.addItem(item)
            if proposal.priority_key == chosen:
                self.proposals.setCurrentItem(item)
        if not proposals:
            empty = QListWidgetItem("No team to propose this time.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.proposals.addItem(empty)
        self.proposals.blockSignals(False)
        self._update_recognise()

    def show_message(self, text: str, warning: bool = False) -> None:
        self.message.show_message(text, warning)

    def clear_inputs(self, group: str) -> None:
        """Empty the "report" editor and its ticks, or the "recognition" citation, after a save."""
        if group == "report":
            self.report.clear()
            for item in self._artifact_items():
                item.setCheckState(Qt.CheckState.Unchecked)
        elif group == "recognition":
            self.citation.clear()

    # -- reading the widgets ---------------------------------------------------------------------
    def current_choice(self) -> tuple[str, int | None] | None:
        """(priority key, step position) of the selected step, (key, None) for a team row, None for nothing."""
        item = selected_item(self.tree)
        return tuple(item.data(0, ROLE)) if item is not None else None

    def checked_artifacts(self) -> list[str]:
        return [item.data(ROLE) for item in self._artifact_items() if item.checkState() == Qt.CheckState.Checked]

    def _artifact_items(self) -> list[QListWidgetItem]:
        return [self.artifacts.item(row) for row in range(self.artifacts.count())]

    def _chosen_step(self) -> StepView | None:
        choice = self.current_choice()
        if choice is None or choice[1] is None or choice[0] not in self._teams:
            return None
        return next((s for s in self._teams[choice[0]].steps if s.position == choice[1]), None)

    # -- reacting ----------------------------------------------------------------------------------
    def _tree_choice(self, item: QTreeWidgetItem | None) -> None:
        self._show_step(self._chosen_step())
        if item is not None:
            self._aim_recognition(item.data(0, ROLE)[0])

    def _show_step(self, step: StepView | None) -> None:
        """Put a step's report and artifacts in the editor; without a step the editor rests."""
        self.report.setPlainText(step.report if step else "")
        for widget in (self.report, self.artifacts, self.artifact_filter):
            widget.setEnabled(step is not None)
        titles = set(step.artifacts) if step else set()
        self.artifacts.blockSignals(True)
        for item in self._artifact_items():  # storage names a step's artifacts by title; keys also match
            chosen = item.text() in titles or item.data(ROLE) in titles
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.artifacts.blockSignals(False)
        self._count_artifacts()
        self._show_caption()

    def _show_caption(self) -> None:
        step, choice = self._chosen_step(), self.current_choice()
        if step is not None:
            status = STEP_STATUS.get(step.status, (step.status, ""))[0]
            self.caption.setText(f"{self._teams[choice[0]].team}  ·  {step_label(step)}  ·  "
                                 f"due {day_text(step.due_on)}, {status.lstrip('✔● ')}")
        else:
            self.caption.setText("Select a step on the board to enter the team's report.")
        self._update_save()

    def _proposal_choice(self, item: QListWidgetItem | None) -> None:
        key = item.data(ROLE) if item is not None else None
        if key in self._proposals:
            self._target = ""  # always refill: the facilitator chose this citation
            self._aim_recognition(key)

    def _aim_recognition(self, key: str) -> None:
        """Point the recognition at a team; a new team gets its proposed citation, or an empty one."""
        if key != self._target:
            self._target = key
            self.citation.setText(self._proposals[key].citation if key in self._proposals else "")
            self.citation.setCursorPosition(0)  # show how the citation starts, not how it ends
        self._update_recognise()

    def _update_recognise(self) -> None:
        team = self._teams.get(self._target) or self._proposals.get(self._target)
        self.target.setText(f"For the {team.team} ({team.priority_title})" if team else
                            "Choose a proposal, or a team on the board.")
        self.recognise_button.setEnabled(bool(self._target) and bool(self.citation.text().strip()))

    def _update_save(self) -> None:
        self.save_button.setEnabled(self._chosen_step() is not None and bool(self.report.toPlainText().strip()))

    def _filter_artifacts(self, text: str) -> None:
        words = text.casefold().split()
        for item in self._artifact_items():
            shown = item.checkState() == Qt.CheckState.Checked or all(w in item.text().casefold() for w in words)
            item.setHidden(not shown)

    def _count_artifacts(self) -> None:
        self.artifact_heading.setText(f"ARTIFACTS BROUGHT: {len(self.checked_artifacts())}")

    def _save_report(self) -> None:
        step, choice = self._chosen_step(), self.current_choice()
        if step is not None:
            self.report_entered.emit(choice[0], step.position, self.report.toPlainText(), self.checked_artifacts())
