"""The console's "Phones" tab: the switch that starts the phones' server on one address, the two QR codes
(leaders; facilitator) with the facilitator's PIN and both links, and the dot vote from phones.

The panel only shows and asks: it emits what the facilitator wants, and the app (phone_switch.py) tells
it what is now so. A refusal shows as one sentence at the top of the tab. A takeover request (another
phone asks for control) is a question in a window of its own that does not block the console.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget,
)

from ...services.plain_pictures import image_from_bytes
from .flow_layout import FlowLayout
from .panel_kit import FOCUS_PANEL_QSS, MessageLabel, panel_button
from .text_scale import scaled_style_sheet

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

QR_SIZE = 250  # pixels on the laptop's screen: a phone held at arm's length reads it at once

PHONES_PANEL_QSS = FOCUS_PANEL_QSS + """
QWidget#phonespanel { background: #11161C; color: #F0F3F6; }
QLabel#qr { background: #FFFFFF; color: #0B0F14; font-size: 15px; }
QLabel#pin { font-family: "DejaVu Sans Mono", monospace; font-size: 52px; font-weight: 700; color: #F0F3F6;
             letter-spacing: 4px; }
QLabel#link { color: #BFF3F8; font-size: 14px; }
QLabel#votephase { font-size: 15px; color: #C3CDD6; }
QLabel#voteline { font-size: 24px; font-weight: 700; color: #3DDC84; }
QLabel#waiting { font-size: 15px; color: #F0F3F6; }
QLabel#phonesoff { color: #C3CDD6; font-size: 16px; }
QPushButton#phoneswitch { font-size: 17px; font-weight: 700; padding: 10px 22px; }
QPushButton#phoneswitch:checked { background: #3DDC84; color: #0B0F14; }
"""

OFF_TEXT = ("Phones are off: nothing listens on the network. Choose the address of the room's network, "
            "then turn them on to show the codes.")


def _whole_modules(image: QImage, most: int) -> int:
    """The largest size up to ``most`` pixels at which every module of the code is the same whole number of
    pixels (sharp, even squares are what a phone's camera reads best). The quiet zone is 4 modules wide
    (the QR standard), so the first dark pixel on the diagonal gives the module's size in the image."""
    corner = next((i for i in range(min(image.width(), image.height())) if image.pixelColor(i, i).value() < 128), 0)
    if corner < 4 or corner % 4:
        return most
    modules = image.width() // (corner // 4)
    return modules * max(1, most // modules)


def _heading(text: str) -> QLabel:
    return QLabel(text, objectName="heading")


class PhonesPanel(QWidget):
    """Emits the facilitator's intents; shows what the app says is so (on or off, codes, the vote)."""

    switched = Signal(bool, str)  # on or off, and the address chosen for the server
    vote_requested = Signal(str)  # "open", "close" or "reveal"
    take_back_requested = Signal()  # the laptop takes control back from the phone that has it
    takeover_answered = Signal(bool)
    wall_requested = Signal()  # the leaders' code on a wall (the phones view), for the room to scan
    opened = Signal()  # the tab is shown: its addresses are listed afresh (a network may have come since)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("phonespanel")
        box = QVBoxLayout(self)  # the console's tab puts the panel in an area that scrolls (lazy_tabs)
        box.addLayout(self._switch_row())
        self.message = MessageLabel()
        box.addWidget(self.message)
        self.off_text = QLabel(OFF_TEXT, objectName="phonesoff", wordWrap=True)
        box.addWidget(self.off_text)
        self.on_part = QWidget()
        on_box = QHBoxLayout(self.on_part)
        on_box.setContentsMargins(0, 0, 0, 0)
        self.leaders_qr, self.leaders_link = self._code(on_box, "LEADERS: SCAN TO VOTE")
        self.facilitator_qr, self.facilitator_link = self._code(on_box, "FACILITATOR: SCAN, THEN TYPE THE PIN")
        on_box.addLayout(self._pin_and_vote(), 1)
        box.addWidget(self.on_part)
        box.addStretch(1)
        self.setStyleSheet(scaled_style_sheet(PHONES_PANEL_QSS))  # once built: one pass over the panel
        self._question: QMessageBox | None = None
        self.show_off()

    def _switch_row(self) -> FlowLayout:
        row = FlowLayout()  # two lines on a laptop's screen
        self.switch = panel_button("Phones: off", checkable=True, name="phoneswitch")
        self.switch.setAccessibleName("Phones switch")
        self.switch.setToolTip("Serve the phones' page on the address chosen; turn off to stop listening")
        self.switch.clicked.connect(lambda on: self.switched.emit(on, self.address.currentData() or ""))
        row.addWidget(self.switch)
        row.addWidget(QLabel("Address phones use:"))
        self.address = QComboBox(objectName="phoneaddress")
        self.address.setAccessibleName("Address phones use")
        self.address.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.address.setMinimumContentsLength(24)
        row.addWidget(self.address)
        self.on_wall = panel_button("Show the code on a wall", name="phonesonwall")
        self.on_wall.setToolTip("Put the leaders' code, its link and who has voted on a wall (the phones view)")
        self.on_wall.clicked.connect(self.wall_requested.emit)
        row.addWidget(self.on_wall)
        self.take_back = panel_button("Take control back")
        self.take_back.setToolTip("The phone that controls the room loses control; its PIN must be typed again")
        self.take_back.clicked.connect(self.take_back_requested.emit)
        row.addWidget(self.take_back)
        return row

    @staticmethod
    def _code(row: QHBoxLayout, caption: str) -> tuple[QLabel, QLabel]:
        column = QVBoxLayout()
        column.addWidget(_heading(caption))
        picture = QLabel(objectName="qr", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        picture.setFixedSize(QR_SIZE, QR_SIZE)
        column.addWidget(picture)
        link = QLabel(objectName="link", wordWrap=True)
        link.setFixedWidth(QR_SIZE)
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(link)
        column.addStretch(1)
        row.addLayout(column)
        return picture, link

    def _pin_and_vote(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(_heading("FACILITATOR'S PIN"))
        self.pin = QLabel(objectName="pin")
        self.pin.setAccessibleName("Facilitator's PIN")
        column.addWidget(self.pin)
        column.addSpacing(12)
        column.addWidget(_heading("DOT VOTE FROM PHONES"))
        self.vote_phase = QLabel(objectName="votephase", wordWrap=True)
        column.addWidget(self.vote_phase)
        self.vote_line = QLabel(objectName="voteline", wordWrap=True)
        column.addWidget(self.vote_line)
        self.waiting = QLabel(objectName="waiting", wordWrap=True)
        column.addWidget(self.waiting)
        buttons = QGridLayout()
        self.vote_buttons = {}
        for index, (step, text) in enumerate((("open", "Open the vote"), ("close", "Close the vote"),
                                              ("reveal", "Reveal the totals"))):
            button = panel_button(text, primary=step == "open")
            button.clicked.connect(lambda _=False, step=step: self.vote_requested.emit(step))
            buttons.addWidget(button, index // 2, index % 2)
            self.vote_buttons[step] = button
        column.addLayout(buttons)
        column.addStretch(1)
        return column

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.opened.emit()

    # -- told by the app ---------------------------------------------------------------------------------------
    def show_addresses(self, choices: list[tuple[str, str]], chosen: str = "") -> None:
        """(label, address) pairs, the room's networks first; ``chosen`` stays chosen when it is still there."""
        keep = chosen or self.address.currentData() or ""
        self.address.clear()
        for label, address in choices:
            self.address.addItem(label, address)
        index = self.address.findData(keep)
        self.address.setCurrentIndex(max(index, 0))

    @property
    def on(self) -> bool:
        return self.switch.isChecked()

    def show_on(self, address: str) -> None:
        if self.address.findData(address) < 0:
            self.address.addItem(address, address)
        self.address.setCurrentIndex(self.address.findData(address))
        self._set_switch(True)

    def show_off(self) -> None:
        self._set_switch(False)
        for picture in (self.leaders_qr, self.facilitator_qr):
            picture.clear()
        for label in (self.leaders_link, self.facilitator_link, self.pin, self.vote_phase, self.vote_line,
                      self.waiting):
            label.clear()

    def _set_switch(self, on: bool) -> None:
        self.switch.setChecked(on)
        self.switch.setText("Phones: on" if on else "Phones: off")
        self.address.setEnabled(not on)
        self.address.setToolTip("Turn the phones off to choose another address" if on else "")
        self.take_back.setVisible(on)
        self.on_part.setVisible(on)
        self.off_text.setVisible(not on)

    def show_codes(self, pin: str, leaders: tuple[str, bytes], facilitator: tuple[str, bytes]) -> None:
        """The PIN, and each code as its link and its QR code (PNG bytes); a leaders' link of "" means no
        session is open for leaders yet."""
        self.pin.setText(f"{pin[:3]} {pin[3:]}" if len(pin) == 6 else pin)
        self._show_code(self.leaders_qr, self.leaders_link, *leaders,
                        "The leaders' code appears once a session is planned.")
        self._show_code(self.facilitator_qr, self.facilitator_link, *facilitator, "")

    @staticmethod
    def _show_code(picture: QLabel, link: QLabel, url: str, png: bytes, missing: str) -> None:
        link.setText(url)
        image = image_from_bytes(png) if png else QImage()
        picture.setAccessibleName(f"QR code for {url}" if url else missing)
        if image.isNull():
            picture.clear()
            picture.setText(missing)
            return
        side = _whole_modules(image, QR_SIZE)
        picture.setPixmap(QPixmap.fromImage(image.scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)))

    def show_vote(self, phase: str, line: str, waiting: list[str]) -> None:
        """Where the vote stands (one sentence), "7 of 9 have voted", and who has not voted yet."""
        self.vote_phase.setText(phase)
        self.vote_line.setText(line)
        self.waiting.setText(("Not voted yet: " + ", ".join(waiting) + ".") if waiting else "")

    def show_refusal(self, text: str) -> None:
        """One plain sentence at the top of the tab ("" clears it)."""
        self.message.show_message(text, warning=bool(text))

    def show_note(self, text: str) -> None:
        """One plain sentence at the top of the tab that warns of nothing ("The code is on Wall 2.")."""
        self.message.show_message(text, warning=False)

    def ask_takeover(self, question: str) -> None:
        """Another phone asks for control: a question that does not block the console; one at a time."""
        if self._question is not None:
            self._question.setText(question)
            self._question.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Phones", question, parent=self)
        hand_over = box.addButton("Hand it over", QMessageBox.ButtonRole.YesRole)
        box.addButton("Keep it", QMessageBox.ButtonRole.NoRole)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _: self._answered(box.clickedButton() is hand_over))
        self._question = box
        box.show()

    def dismiss_takeover(self) -> None:
        """The phones were turned off: a question still on screen has nothing left to answer."""
        box, self._question = self._question, None
        if box is not None:
            box.finished.disconnect()
            box.close()

    def _answered(self, confirmed: bool) -> None:
        self._question = None
        self.takeover_answered.emit(confirmed)

    @property
    def question(self) -> QMessageBox | None:
        """The takeover question on screen, if one is."""
        return self._question
