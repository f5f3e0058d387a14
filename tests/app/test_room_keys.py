"""The room's keys reach the room whichever widget has the focus, except what a text field needs for typing.

Real widgets in a shown window. Keys are sent either to the focused widget (QTest.keyClick(widget)) or
to the window as the platform sends them (``via_window``: Qt then asks the focused widget itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QLineEdit, QListWidget, QMainWindow, QSpinBox, QVBoxLayout, QWidget,
)

from customer_room_desktop.app.room_keys import RoomKeys, is_text_field
from customer_room_desktop.ui.console.capture_fields import CaptureField

K = Qt.Key


@dataclass
class Room:
    """A console-like window with the widgets that used to swallow keys, and what the keys did."""

    window: QMainWindow
    spin: QSpinBox
    combo: QComboBox
    line: QLineEdit
    items: QListWidget
    capture: CaptureField
    keys: RoomKeys | None = None
    done: list = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    via_window: bool = False

    def bind(self, **options) -> RoomKeys:
        """Bind the room's keys as the live room does; each action notes its name in ``done``."""
        def note(name):
            return lambda: self.done.append(name)
        self.keys = RoomKeys(self.window, {
            note("next"): ("PgDown", "Right", "Space"),
            note("previous"): ("PgUp", "Left"),
            note("blackout"): ("B", "."),
            note("white"): ("W",),
            note("first"): ("Home",),
            note("last"): ("End",),
            note("start"): ("F5",),
            note("leave full screen"): ("Esc",),
            note("play"): ("P",),
            note("withdraw"): ("Ctrl+Z",),
        }, jump=lambda number: self.done.append(("jump", number)), typed=self.typed.append, **options)
        return self.keys

    def press(self, widget: QWidget, *keys: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        """Give ``widget`` the focus and press the keys there."""
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        for key in keys:
            if self.via_window:
                QTest.keyClick(widget.window().windowHandle(), key, modifier)
            else:
                QTest.keyClick(widget, key, modifier)


@pytest.fixture(params=[False, True], ids=["to-the-widget", "via-the-window"])
def room(qtbot, request):
    window = QMainWindow()
    body = QWidget()
    box = QVBoxLayout(body)
    spin = QSpinBox(minimum=0, maximum=99, value=7)
    combo = QComboBox()
    combo.addItems(["Ruth", "Bea", "Will"])
    line = QLineEdit()
    items = QListWidget()
    items.addItems(["one", "two", "three"])
    items.setCurrentRow(0)
    capture = CaptureField()
    for widget in (spin, combo, line, items, capture):
        box.addWidget(widget)
    window.setCentralWidget(body)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    room = Room(window, spin, combo, line, items, capture, via_window=request.param)
    room.bind()
    yield room
    room.keys.detach()


def test_b_in_a_spin_box_blacks_out_once_and_leaves_the_spin_box_alone(room):
    room.press(room.spin, K.Key_B)
    assert room.done == ["blackout"]
    room.press(room.spin, K.Key_Period)
    assert room.done == ["blackout", "blackout"]
    assert room.spin.value() == 7 and room.spin.text() == "7"


def test_a_number_then_enter_in_a_spin_box_jumps_once_and_the_console_sees_it_typed(room):
    room.press(room.spin, K.Key_1, K.Key_2)
    assert room.typed == ["1", "12"] and room.keys.number == "12"
    room.press(room.spin, K.Key_Return)
    assert room.done == [("jump", 12)]
    assert room.typed == ["1", "12", ""] and room.keys.number == ""
    assert room.spin.value() == 7 and room.spin.text() == "7"


def test_home_and_end_reach_the_room_from_a_spin_box(room):
    room.press(room.spin, K.Key_Home, K.Key_End)
    assert room.done == ["first", "last"]


def test_a_combo_box_and_a_list_do_not_swallow_the_room_keys(room):
    room.press(room.combo, K.Key_Space, K.Key_B, K.Key_W)  # B and W would pick "Bea" and "Will"
    assert room.done == ["next", "blackout", "white"]
    assert room.combo.currentText() == "Ruth" and not room.combo.view().isVisible()
    room.press(room.items, K.Key_Right, K.Key_Left, K.Key_P, K.Key_3, K.Key_Enter)
    assert room.done == ["next", "blackout", "white", "next", "previous", "play", ("jump", 3)]
    assert room.items.currentRow() == 0


def test_typing_in_a_line_edit_stays_in_it_but_page_down_and_f5_reach_the_room(room, qtbot):
    room.line.setFocus()
    QTest.keyClicks(room.line, "b 1.")
    room.press(room.line, K.Key_Left, K.Key_Home, K.Key_End, K.Key_Backspace)
    with qtbot.waitSignal(room.line.returnPressed, timeout=1000):
        room.press(room.line, K.Key_Return)
    assert room.line.text() == "b 1" and room.done == [] and room.typed == []
    room.press(room.line, K.Key_PageDown, K.Key_PageUp, K.Key_F5)
    assert room.done == ["next", "previous", "start"]
    assert room.line.text() == "b 1"


def test_enter_in_a_line_edit_stays_there_even_with_a_number_typed_in_the_room(room, qtbot):
    room.press(room.items, K.Key_4)
    assert room.typed == ["4"]
    with qtbot.waitSignal(room.line.returnPressed, timeout=1000):
        room.press(room.line, K.Key_Return)  # the line edit passes Enter on to its parents: still not the room's
    assert room.done == [] and room.keys.number == "4"


def test_enter_with_no_number_typed_goes_to_the_focused_widget(room, qtbot):
    with qtbot.waitSignal(room.items.itemActivated, timeout=1000):
        room.press(room.items, K.Key_Return)
    assert room.done == []


def test_undo_stays_with_a_line_edit_and_reaches_the_room_from_a_spin_box(room):
    room.line.setFocus()
    QTest.keyClicks(room.line, "abc")
    room.press(room.line, K.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert room.done == [] and room.line.text() == ""
    room.press(room.spin, K.Key_Z, modifier=Qt.KeyboardModifier.ControlModifier)
    assert room.done == ["withdraw"]


def test_the_capture_field_keeps_esc_and_enter_but_not_page_down(room, qtbot):
    with qtbot.waitSignal(room.capture.escaped, timeout=1000):
        room.press(room.capture, K.Key_Escape)
    with qtbot.waitSignal(room.capture.returnPressed, timeout=1000):
        room.press(room.capture, K.Key_Enter)
    assert room.done == []
    room.press(room.capture, K.Key_PageDown)
    assert room.done == ["next"]


def test_esc_clears_a_number_and_reaches_the_room(room):
    room.press(room.spin, K.Key_5, K.Key_Escape, K.Key_Return)
    assert room.typed == ["5", ""]
    assert room.done == ["leave full screen"] and room.spin.value() == 7


def test_a_pause_clears_a_number_typed_but_not_sent(room, qtbot):
    room.keys.detach()
    room.bind(pause_ms=50)
    room.press(room.spin, K.Key_8)
    qtbot.waitUntil(lambda: room.typed == ["8", ""], timeout=2000)
    room.press(room.spin, K.Key_Return)
    assert room.done == []


def test_only_the_last_three_digits_count(room):
    room.press(room.items, K.Key_1, K.Key_2, K.Key_3, K.Key_4, K.Key_Return)
    assert room.typed == ["1", "12", "123", "234", ""] and room.done == [("jump", 234)]


def test_a_modal_dialog_keeps_its_keys(room, qtbot):
    dialog = QDialog(room.window)
    spin = QSpinBox(dialog, minimum=0, maximum=99, value=3)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    room.press(spin, K.Key_B, K.Key_5, K.Key_PageDown)
    assert room.done == [] and room.typed == []
    dialog.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    room.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is room.window)
    room.press(room.spin, K.Key_B)
    assert room.done == ["blackout"]


def test_no_key_reaches_the_room_while_any_modal_window_is_open(room, qtbot):
    modal = QWidget(windowModality=Qt.WindowModality.ApplicationModal)  # not a QDialog: only its modality counts
    qtbot.addWidget(modal)
    modal.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is modal)
    QTest.keyClick(room.spin, K.Key_B)  # sent to the console behind it
    QTest.keyClick(modal, K.Key_PageDown)
    assert room.done == []
    modal.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_a_dialog_keeps_its_keys_even_when_not_modal(room, qtbot):
    dialog = QDialog(room.window)
    spin = QSpinBox(dialog, minimum=0, maximum=99, value=3)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    room.press(spin, K.Key_B, K.Key_PageDown, K.Key_4)
    assert room.done == [] and room.typed == []
    dialog.close()


def test_an_open_combo_box_list_keeps_its_keys(room, qtbot):
    room.combo.setFocus()
    room.combo.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    QTest.keyClick(popup, K.Key_PageDown)
    QTest.keyClick(popup, K.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert room.done == []


def test_no_key_acts_after_the_window_is_gone(qtbot):
    console, wall = QMainWindow(), QMainWindow()  # the console is deleted here, so qtbot only tidies the wall
    wall_spin = QSpinBox(value=1)
    wall.setCentralWidget(wall_spin)
    qtbot.addWidget(wall)
    done, typed = [], []
    keys = RoomKeys(console, {(lambda: done.append("blackout")): ("B",), (lambda: done.append("next")): ("PgDown",)},
                    jump=lambda number: done.append(("jump", number)), typed=typed.append)
    wall.show()
    qtbot.waitExposed(wall)
    wall.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wall)
    QTest.keyClick(wall_spin, K.Key_B)
    assert done == ["blackout"]  # the console need not be shown: a wall is one of the application's windows
    with qtbot.waitSignal(console.destroyed, timeout=2000):
        console.deleteLater()
    for key in (K.Key_B, K.Key_PageDown, K.Key_1, K.Key_Return):
        QTest.keyClick(wall_spin, key)
    assert done == ["blackout"] and typed == []
    wall_spin.setValue(5)
    QTest.keyClick(wall_spin, K.Key_Up)  # the wall's own widgets have their keys
    assert wall_spin.value() == 6
    assert keys.number == ""


def test_what_counts_as_a_text_field(qtbot):
    spin, combo, editable, line, read_only = (QSpinBox(), QComboBox(), QComboBox(editable=True), QLineEdit(),
                                              QLineEdit(readOnly=True))
    for widget in (spin, combo, editable, line, read_only):
        qtbot.addWidget(widget)
    assert [is_text_field(w) for w in (spin, spin.findChild(QLineEdit), combo, editable, editable.lineEdit(),
                                       line, read_only)] == [False, False, False, True, True, True, False]


def test_a_binding_must_be_one_key(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    with pytest.raises(ValueError):
        RoomKeys(window, {(lambda: None): ("Ctrl+K, Ctrl+D",)}, jump=lambda number: None)
