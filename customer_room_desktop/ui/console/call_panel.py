"""The console's call transport: choose a call, play it, seek, mark and replay the moments that matter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QSlider, QVBoxLayout,
    QWidget,
)

from ...domain.pace import clock_text
from .panel_kit import panel_button

SLIDER_MAX = 2**31 - 1


def _slider_ms(ms: int) -> int:
    """A time as a slider holds it: a C int (times are 64-bit, a slider's range is not)."""
    return max(0, min(int(ms), SLIDER_MAX))


class CallPanel(QWidget):
    call_requested = Signal(str)  # call key
    close_requested = Signal()
    play_pause_requested = Signal()
    skip_requested = Signal("qint64")  # milliseconds, + or -
    seek_requested = Signal("qint64")  # milliseconds
    volume_requested = Signal(int)  # percent
    device_requested = Signal(str)  # audio output device id
    bookmark_requested = Signal(str, "qint64", "qint64")  # label, in, out (ms)
    bookmark_play_requested = Signal("qint64", "qint64")  # in, out (ms)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callpanel")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("CALLS OF THIS STAGE", objectName="heading"))
        self.calls = QListWidget(objectName="calls")
        self.calls.setAccessibleName("Calls of this stage")
        self.calls.setWordWrap(True)
        self.calls.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.calls.setMaximumHeight(110)
        self.calls.itemClicked.connect(lambda item: self.call_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        box.addWidget(self.calls)
        self.status = QLabel(objectName="callstatus")
        self.status.setWordWrap(True)
        box.addWidget(self.status)
        row = QHBoxLayout()
        for text, action in (("−10 s", lambda: self.skip_requested.emit(-10_000)),
                             ("▶ / ❚❚", self.play_pause_requested.emit),
                             ("+10 s", lambda: self.skip_requested.emit(10_000)),
                             ("Close", self.close_requested.emit)):
            button = panel_button(text)
            button.clicked.connect(action)
            row.addWidget(button)
        box.addLayout(row)
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.position.setAccessibleName("Position in the call")
        self.position.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.position.sliderReleased.connect(lambda: self.seek_requested.emit(self.position.value()))
        box.addWidget(self.position)
        self.time = QLabel("0:00 / 0:00")
        box.addWidget(self.time)
        sound = QHBoxLayout()
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setAccessibleName("Volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.volume.valueChanged.connect(self.volume_requested.emit)
        sound.addWidget(QLabel("Volume"))
        sound.addWidget(self.volume, 1)
        self.devices = QComboBox()
        self.devices.setAccessibleName("Sound output")
        self.devices.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.devices.activated.connect(lambda index: self.device_requested.emit(self.devices.itemData(index) or ""))
        sound.addWidget(self.devices, 1)
        box.addLayout(sound)
        box.addWidget(QLabel("TRANSCRIPT: click a line to play from it", objectName="heading"))
        self.transcript = QListWidget(objectName="transcript")
        self.transcript.setAccessibleName("Transcript")
        self.transcript.setWordWrap(True)
        self.transcript.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.transcript.itemClicked.connect(lambda item: self.seek_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        box.addWidget(self.transcript, 2)
        box.addWidget(QLabel("BOOKMARKS: click one to play just that moment", objectName="heading"))
        self.bookmarks = QListWidget(objectName="bookmarks")
        self.bookmarks.setAccessibleName("Bookmarks")
        self.bookmarks.setMaximumHeight(100)
        self.bookmarks.itemClicked.connect(lambda item: self.bookmark_play_requested.emit(*item.data(
            Qt.ItemDataRole.UserRole)))
        box.addWidget(self.bookmarks)
        mark = QHBoxLayout()
        self.mark_in, self.mark_out = panel_button("In"), panel_button("Out")
        self.label = QLineEdit(placeholderText="What the customer says here")
        self.label.setAccessibleName("Bookmark label")
        save = panel_button("Save")
        self.mark_in.clicked.connect(lambda: self._mark("in"))
        self.mark_out.clicked.connect(lambda: self._mark("out"))
        save.clicked.connect(self._save)
        for widget in (self.mark_in, self.mark_out, self.label, save):
            mark.addWidget(widget)
        box.addLayout(mark)
        self._points = {"in": 0, "out": 0}
        self._now_ms = 0

    # -- told by the live room ---------------------------------------------------------------
    def show_calls(self, calls: list[tuple[str, str]]) -> None:
        self.calls.clear()
        for key, title in calls:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.calls.addItem(item)

    def show_call(self, title: str, duration_ms: int, lines: list[tuple[int, str]],
                  bookmarks: list[tuple[str, int, int]], notice: str = "") -> None:
        self.status.setText(f"{title}\n{notice}" if notice else title)
        self.position.setRange(0, _slider_ms(max(1, duration_ms)))
        self.transcript.clear()
        for start_ms, text in lines:
            item = QListWidgetItem(f"{clock_text(start_ms / 1000)}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, start_ms)
            self.transcript.addItem(item)
        self.show_bookmarks(bookmarks)
        self._points = {"in": 0, "out": 0}

    def show_bookmarks(self, bookmarks: list[tuple[str, int, int]]) -> None:
        self.bookmarks.clear()
        for label, in_ms, out_ms in bookmarks:
            item = QListWidgetItem(f"{clock_text(in_ms / 1000)}–{clock_text(out_ms / 1000)}  {label}")
            item.setData(Qt.ItemDataRole.UserRole, (in_ms, out_ms))
            self.bookmarks.addItem(item)

    def show_devices(self, devices: list[tuple[str, str]]) -> None:
        self.devices.clear()
        self.devices.addItem("Default output", "")
        for device_id, description in devices:
            self.devices.addItem(description or device_id, device_id)

    def show_position(self, position_ms: int, duration_ms: int, line: int | None) -> None:
        self._now_ms = position_ms
        if not self.position.isSliderDown():
            self.position.setValue(_slider_ms(position_ms))
        self.time.setText(f"{clock_text(position_ms / 1000)} / {clock_text(duration_ms / 1000)}")
        if line is not None and line < self.transcript.count() and self.transcript.currentRow() != line:
            self.transcript.setCurrentRow(line)

    def show_notice(self, text: str) -> None:
        title = self.status.text().split("\n")[0]
        self.status.setText(f"{title}\n{text}")

    def _mark(self, which: str) -> None:
        self._points[which] = self._now_ms
        button = self.mark_in if which == "in" else self.mark_out
        button.setText(f"{which.title()} {clock_text(self._now_ms / 1000)}")

    def _save(self) -> None:
        self.bookmark_requested.emit(self.label.text(), self._points["in"], self._points["out"])
