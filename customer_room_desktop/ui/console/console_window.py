"""The console: the journey as a navigator, the screens as a map, and the controls of the room."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QMainWindow, QTabWidget,
    QVBoxLayout, QWidget,
)

from typing import TYPE_CHECKING, cast

from .call_panel import CallPanel
from .banner_slot import BannerSlot
from .capture_bar import CaptureBar
from .flow_layout import FlowLayout
from .lazy_tabs import LazyTabs
from .panel_kit import ElidedLabel, FittedLabel, WholeText, panel_button, repolish, scrolled, wrapping_list
from .wall_map import THUMB_WIDTH, WallMap, WallStatus, small_picture
from .text_scale import scaled_style_sheet, system_text_scale

if TYPE_CHECKING:
    from .accountability_panel import AccountabilityPanel
    from .focus_panel import FocusPanel
    from .phones_panel import PhonesPanel
    from .session_panel import SessionPanel
    from .walk_panel import WalkPanel


class ConsoleWindow(QMainWindow):
    """Emits intents; the live room decides and tells the console what is now on the walls."""

    stage_requested = Signal(int)
    next_requested = Signal()
    previous_requested = Signal()
    blackout_requested = Signal()
    identify_requested = Signal()
    edit_room_requested = Signal()  # "Edit room…": only while no session is live
    start_requested = Signal()
    view_requested = Signal(str, str)  # wall identity, view
    release_requested = Signal(str)  # wall identity: give the wall back
    resume_requested = Signal()  # the banner's "Resume where it stood"
    close_stale_requested = Signal()  # the banner's "Close it"
    cycle_toggled = Signal(bool)
    dwell_changed = Signal(str, int)  # wall identity, seconds
    artifact_requested = Signal(str)  # artifact key
    page_requested = Signal(int)  # +1 or -1
    zoom_requested = Signal(float)
    minutes_path_chosen = Signal(str)
    asset_period_requested = Signal(str)  # a customer-asset period label

    def __init__(self, room_name: str, stage_names: list[str], style_sheet: str = "", notice: str = ""):
        super().__init__()
        self.setWindowTitle(f"{room_name} · Customer Room console")
        page = QWidget(objectName="page")
        outer = QHBoxLayout(page)
        self.stages = wrapping_list("stages")
        self.stages.setAccessibleName("Journey stages")
        for number, name in enumerate(stage_names, start=1):
            self.stages.addItem(f"{number}  {name}")
        self.stages.setFixedWidth(round(320 * system_text_scale()))  # wider as the system's text grows
        self.stages.currentRowChanged.connect(lambda row: row >= 0 and self.stage_requested.emit(row + 1))
        navigator = QVBoxLayout()
        navigator.addWidget(QLabel("THE JOURNEY", objectName="heading"))
        navigator.addWidget(self.stages, 2)
        self.agenda_title = QLabel(objectName="heading")
        self.agenda_title.setWordWrap(True)
        navigator.addWidget(self.agenda_title)
        self.agenda = wrapping_list("agenda")
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setFixedWidth(round(320 * system_text_scale()))
        self.agenda.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        navigator.addWidget(self.agenda, 1)
        outer.addLayout(navigator)
        middle = QVBoxLayout()
        self.now = ElidedLabel(objectName="now")
        middle.addWidget(self.now)
        self.next_stage = ElidedLabel(objectName="nextstage")
        middle.addWidget(self.next_stage)
        self.session_state = ElidedLabel(objectName="sessionstate")
        middle.addWidget(self.session_state)
        self.clock = FittedLabel(objectName="clock")
        middle.addWidget(self.clock)
        self.notice = QLabel(notice, objectName="notice")
        self.notice.setVisible(bool(notice))
        middle.addWidget(self.notice)
        self.alert = QLabel(objectName="alert", wordWrap=True)
        self.alert.hide()
        self._stage_alert = self._storage_problem = ""
        self.banner_slot = BannerSlot(self._resume_banner(), self.alert)  # the buttons below never move
        middle.addWidget(self.banner_slot)
        middle.addLayout(self._controls())
        message_row = QHBoxLayout()
        self.message = QLabel(objectName="message", wordWrap=True)
        self.message.setFixedHeight(self.message.fontMetrics().lineSpacing() * 2 + 8)  # no layout jump
        message_row.addWidget(self.message, 1)
        self.open_file = panel_button("Open")
        self.open_file.clicked.connect(self._open_written)
        message_row.addWidget(self.open_file)
        self.open_file.hide()
        self._written = ""
        middle.addLayout(message_row)
        # The whole complaint, scrolled (the wall quotes its opening); a line less on a short screen.
        self.verbatim = WholeText("verbatim", 3, 14, fewest_lines=2)
        self.verbatim.setAccessibleName("The complaint quoted on the walls")
        middle.addWidget(self.verbatim)
        self.capture_bar = CaptureBar()
        self.capture_bar.left.connect(self._back_to_the_room)
        middle.addWidget(self.capture_bar, 1)  # the tabs take three parts of the height to spare, the
        middle.addWidget(self._room_tabs(), 3)  # captures one (up to the list's own limit)
        outer.addLayout(middle, 1)
        outer.addLayout(self._side_column())
        self.setCentralWidget(page)
        # The style sheet last: set first, every widget added under it was restyled as it was added
        # (121 widgets, 35-50 ms); set on the finished tree it is one pass, with the same result.
        self.setStyleSheet(scaled_style_sheet(style_sheet))
        self.resize(1440, 860)

    def _room_tabs(self) -> QTabWidget:
        """Screens, then the session and its conversations 2, 3 and 4, one tab each, then the phones."""
        self.room_tabs = QTabWidget(objectName="roomtabs")
        screens = QWidget(objectName="screenspage")
        screens_box = QVBoxLayout(screens)
        asset_row = QHBoxLayout()
        asset_row.addWidget(QLabel("Customer asset on the walls:"))
        self.asset_period = QComboBox(objectName="assetperiod")
        self.asset_period.setAccessibleName("Customer asset period")
        self.asset_period.currentTextChanged.connect(
            lambda text: self.asset_period_requested.emit(self.asset_period.currentData() or ""))
        asset_row.addWidget(self.asset_period)
        asset_row.addStretch(1)
        screens_box.addLayout(asset_row)
        self.map = WallMap()
        self.map.view_requested.connect(self.view_requested.emit)
        self.map.release_requested.connect(self.release_requested.emit)
        self.map.dwell_changed.connect(self.dwell_changed.emit)
        screens_box.addWidget(self.map)
        screens_box.addStretch(1)
        self.room_tabs.addTab(scrolled(screens), "Screens")
        self.panels = LazyTabs(self.room_tabs)  # made when first shown: see lazy_tabs
        self.panels.add("session", "Session", "session_panel.SessionPanel")
        self.panels.add("walk", "2 · In their shoes", "walk_panel.WalkPanel", scrolls_itself=True)
        self.panels.add("focus", "3 · Focus and commit", "focus_panel.FocusPanel")
        self.panels.add("accountability", "4 · Accountability", "accountability_panel.AccountabilityPanel")
        self.panels.add("phones", "Phones", "phones_panel.PhonesPanel")  # the switch, codes, vote: phone_switch.py
        for keys, kind in (("Ctrl+D", "decision"), ("Ctrl+K", "commitment"), ("Ctrl+N", "note")):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(lambda kind=kind: self.capture_bar.begin(kind))
        return self.room_tabs

    @property
    def session_panel(self) -> SessionPanel:
        return cast("SessionPanel", self.panels.panel("session"))

    @property
    def focus_panel(self) -> FocusPanel:
        return cast("FocusPanel", self.panels.panel("focus"))

    @property
    def accountability_panel(self) -> AccountabilityPanel:
        return cast("AccountabilityPanel", self.panels.panel("accountability"))

    @property
    def walk_panel(self) -> WalkPanel:
        return cast("WalkPanel", self.panels.panel("walk"))

    @property
    def phones_panel(self) -> PhonesPanel:
        return cast("PhonesPanel", self.panels.panel("phones"))

    def _resume_banner(self) -> QFrame:
        """After a crash: the choice to resume is the first thing on the console, not a line in a tab."""
        self.banner = QFrame(objectName="banner")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 4, 6, 4)  # one more line of text in the slot's height
        self.banner_text = QLabel(wordWrap=True)
        row.addWidget(self.banner_text, 1)
        for text, signal in (("Resume where it stood", self.resume_requested),
                             ("Close it", self.close_stale_requested)):
            button = panel_button(text)
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        self.banner.hide()
        return self.banner

    def offer_resume(self, text: str) -> None:
        """After a crash: the choice comes first, in the banner slot (the alert waits until it is made)."""
        self.banner_text.setText(text)
        self.banner.setVisible(bool(text))
        self.alert.setVisible(bool(self.alert.text()) and not text)
        self.banner_slot.fit()

    def show_message(self, text: str, warning: bool = False, written: str = "") -> None:
        """One sentence about the last action (a refusal, or what happened), in a line that never moves;
        ``written``: a file just written, which "Open" opens."""
        self._written = written
        self.open_file.setVisible(bool(written))
        self.message.setText(text)
        self.message.setProperty("warning", "true" if warning else "false")
        repolish(self.message)

    def _open_written(self) -> None:
        if self._written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._written))

    def show_typed_stage(self, digits: str) -> None:
        """A stage number as it is typed, before Enter."""
        if digits:
            self.show_message(f"Go to stage {digits}: press Enter")
        elif self.message.text().startswith("Go to stage"):
            self.show_message("")

    def show_session_state(self, text: str, live: bool) -> None:
        self.session_state.setText(text)
        self.session_state.setProperty("live", "true" if live else "false")
        repolish(self.session_state)

    def _back_to_the_room(self) -> None:
        """Esc in a capture field: the room's keys (Space, PgDown, B...) drive the walls again."""
        self.capture_bar.text.clearFocus()
        self.capture_bar.owner.clearFocus()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_asset_periods(self, labels: list[str]) -> None:
        """The periods the asset wall can show; the first entry is the latest quarter."""
        self.asset_period.blockSignals(True)
        self.asset_period.clear()
        self.asset_period.addItem("Latest quarter", "")
        for label in labels:
            self.asset_period.addItem(label, label)
        self.asset_period.blockSignals(False)

    def show_alert(self, text: str) -> None:
        """An early warning for the stage on the walls: one of its moments of truth is unreliable."""
        self._stage_alert = text
        self._show_alert_slot()

    def show_storage_problem(self, text: str) -> None:
        """A write the room could not make (a full disk), until one succeeds again ("" takes it away); it
        goes before the stage's early warning."""
        self._storage_problem = text
        self._show_alert_slot()

    def _show_alert_slot(self) -> None:
        text = self._storage_problem or self._stage_alert
        self.alert.setText(f"⚠ {text}" if text else "")
        self.alert.setVisible(bool(text) and not self.banner.isVisibleTo(self))
        self.banner_slot.fit()

    def show_conversation_tab(self, conversation: int) -> None:
        """Conversations 2, 3 and 4 bring their tab forward; conversation 1 is on the walls, the screens tab."""
        self.room_tabs.setCurrentIndex({2: 2, 3: 3, 4: 4}.get(conversation, 0))

    def ask_handout_path(self, key: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Save the handouts", f"handout-{key}.pdf", "PDF (*.pdf)")
        return path

    def ask_minutes_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the minutes", "minutes.pdf",
                                              "PDF (*.pdf);;Markdown (*.md);;HTML (*.html);;Commitments CSV (*.csv)")
        if path:
            self.minutes_path_chosen.emit(path)

    def _controls(self) -> FlowLayout:
        row = FlowLayout()  # two lines on a laptop's screen, one on a wide one
        for text, signal in (("◀ Previous", self.previous_requested), ("Next ▶", self.next_requested),
                             ("Lay out walls (F5)", self.start_requested),
                             ("Identify screens", self.identify_requested)):
            button = panel_button(text)
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        self.edit_button = panel_button("Edit room…")
        self.edit_button.setToolTip("Close the live room and open the room editor; the room comes back after")
        self.edit_button.clicked.connect(self.edit_room_requested.emit)
        row.addWidget(self.edit_button)
        self.black_button = panel_button("Black (B)", checkable=True)
        self.black_button.clicked.connect(lambda: self.blackout_requested.emit())
        row.addWidget(self.black_button)
        self.cycle_button = panel_button("Cycle walls", checkable=True)
        self.cycle_button.toggled.connect(self.cycle_toggled.emit)
        row.addWidget(self.cycle_button)
        return row

    def _side_column(self) -> QVBoxLayout:
        side = QVBoxLayout()
        side.addWidget(QLabel("NEXT", objectName="heading"))
        self.preview = QLabel(objectName="preview")
        self.preview.setFixedSize(THUMB_WIDTH, THUMB_WIDTH * 9 // 16)
        side.addWidget(self.preview)
        self.preview_caption = ElidedLabel()
        side.addWidget(self.preview_caption)
        tabs = QTabWidget(objectName="tabs")
        tabs.setFixedWidth(round((THUMB_WIDTH + 40) * system_text_scale()))
        artifacts_page = QWidget(objectName="artifactspage")
        artifacts_box = QVBoxLayout(artifacts_page)
        artifacts_box.addWidget(QLabel("ARTIFACTS OF THIS STAGE", objectName="heading"))
        self.artifacts = wrapping_list("artifacts")
        self.artifacts.setAccessibleName("Artifacts of this stage")
        self.artifacts.itemClicked.connect(
            lambda item: self.artifact_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        artifacts_box.addWidget(self.artifacts, 1)
        row = QHBoxLayout()
        for text, action in (("◀ page", lambda: self.page_requested.emit(-1)),
                             ("page ▶", lambda: self.page_requested.emit(1)),
                             ("−", lambda: self.zoom_requested.emit(0.8)),
                             ("+", lambda: self.zoom_requested.emit(1.25))):
            button = panel_button(text)
            button.clicked.connect(action)
            row.addWidget(button)
        artifacts_box.addLayout(row)
        tabs.addTab(artifacts_page, "Artifacts")
        self.call_panel = CallPanel()
        tabs.addTab(scrolled(self.call_panel), "Calls")
        self.tabs = tabs
        side.addWidget(tabs, 1)
        return side

    # -- told by the live room ---------------------------------------------------------------
    def show_stage(self, position: int, name: str, cover: str | None, following: str = "") -> None:
        """``cover`` is what hides the stage on every wall: blackout, white, celebration or None;
        ``following`` is what Next shows ("" at the end of the journey)."""
        covered = {"blackout": "walls black", "white": "walls white", "celebration": "walls celebrate a team"}
        self.now.setText(f"Stage {position} of {self.stages.count()} · {name}"
                         + (f"   ({covered.get(cover, cover)})" if cover else ""))
        self.next_stage.setText(f"Next: {following}" if following else "Next: the end of the journey")
        self.stages.blockSignals(True)
        self.stages.setCurrentRow(position - 1)
        self.stages.blockSignals(False)
        self.black_button.setChecked(cover == "blackout")

    def show_clock(self, session: str, segment: str, pace: str, conversation: str = "",
                   conversation_pace: str = "") -> None:
        self.clock.setText(f"Session {session}  ·  stage {segment}" + (f"  ·  {conversation}" if conversation else ""))
        worst = max((pace, conversation_pace), key=["", "on time", "nearly over", "over"].index)
        self.clock.setProperty("pace", worst.replace(" ", "-"))
        repolish(self.clock)

    def show_agenda(self, title: str, items: list[tuple[int, str, int]]) -> None:
        """The session's agenda: the four conversations with their planned minutes."""
        self.agenda_title.setText(f"AGENDA · {title}" if title else "AGENDA · no session planned")
        self.agenda.clear()
        for conversation, text, minutes in items:
            self.agenda.addItem(f"{conversation}. {text}  ({minutes} min)")

    def show_verbatim(self, text: str, masked_on_walls: bool) -> None:
        """The complaint the stage wall quotes now, unmasked and whole (it scrolls): the facilitator may
        need the detail, where the wall shows only its opening."""
        note = "  (names, e-mails, phone and account numbers are masked on the wall)" if masked_on_walls else ""
        self.verbatim.setText(f"On the wall: “{text}”{note}" if text else "")

    def show_artifacts(self, artifacts: list[tuple[str, str]]) -> None:
        self.artifacts.clear()
        for key, title in artifacts:
            self.artifacts.addItem(title)
            self.artifacts.item(self.artifacts.count() - 1).setData(Qt.ItemDataRole.UserRole, key)

    def show_preview(self, image: QImage | None, caption: str) -> None:
        """What Next will show; no picture at the end of the journey (or while a wall has no stage view)."""
        if image is None:
            self.preview.clear()
            self.preview.setText("—")
        else:
            self.preview.setPixmap(QPixmap.fromImage(small_picture(image, self.preview.width(),
                                                                   self.preview.height())))
        self.preview_caption.setText(caption)

    # -- the wall map (wall_map.py) ------------------------------------------------------------
    def show_walls(self, walls: list[WallStatus]) -> None:
        self.map.show_walls(walls)

    def show_wall_image(self, identity: str, image: QImage) -> None:
        self.map.show_wall_image(identity, image)

    @property
    def wall_frames(self) -> dict:
        return self.map.wall_frames

    @property
    def wall_images(self) -> dict:
        return self.map.wall_images


__all__ = ["ConsoleWindow", "WallStatus"]
