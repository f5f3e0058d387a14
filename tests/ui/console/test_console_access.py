"""The console for everyone (issue 19): every control has a name a screen reader can say, every control
is reached with Tab and used from the keyboard, and the text follows the system's font size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from customer_room_desktop.app.paths import style_sheet
from customer_room_desktop.ui.console.console_window import ConsoleWindow
from tests.ui.console.console_controls import controls_of

STAGES = ["I look for cover", "I buy a policy", "I make a claim"]


@pytest.fixture
def console(qtbot):
    window = ConsoleWindow("Harbourline", STAGES, style_sheet("console"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_every_control_has_a_name_a_screen_reader_can_say(console):
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in controls_of(console)
               if not QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name).strip()]
    assert not unnamed, f"controls with no accessible name: {unnamed}"


def _reached_with_tab(console, presses: int = 300) -> set:
    reached = set()
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    return reached


def test_tab_reaches_every_control_on_every_tab(console):
    missed = []
    for room_tab in range(console.room_tabs.count()):
        console.room_tabs.setCurrentIndex(room_tab)
        for side_tab in range(console.tabs.count()):
            console.tabs.setCurrentIndex(side_tab)
            showing = [w for w in controls_of(console) if w.isVisible() and w.isEnabled()]
            reached = _reached_with_tab(console, presses=len(showing) * 2 + 10)
            missed += [f"{type(w).__name__} “{QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name)}” "
                       f"on {console.room_tabs.tabText(room_tab)}" for w in showing if w not in reached]
    assert not missed, f"{len(missed)} controls Tab never reaches: {sorted(set(missed))}"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_a_button_reached_with_tab_is_pressed_with_enter_or_space(console, qtbot, key):
    next_button = next(w for w in controls_of(console) if isinstance(w, QAbstractButton) and w.text() == "Next ▶")
    for _ in range(200):
        if QApplication.focusWidget() is next_button:
            break
        QTest.keyClick(QApplication.focusWidget() or console, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is next_button
    with qtbot.waitSignal(console.next_requested, timeout=1000):
        QTest.keyClick(next_button, key)


def test_a_click_leaves_the_keyboard_where_it_was(console, qtbot):
    next_button = next(w for w in controls_of(console) if isinstance(w, QAbstractButton) and w.text() == "Next ▶")
    console.room_tabs.setCurrentIndex(console.panels.index_of("focus"))
    field = console.focus_panel.candidate_title
    field.setFocus()
    assert QApplication.focusWidget() is field
    QTest.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is field


def _label_points(qtbot, system_points: float) -> float:
    app = QApplication.instance()
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(system_points)
    app.setFont(font)
    try:
        window = ConsoleWindow("Harbourline", STAGES, style_sheet("console"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window.findChild(QLabel, "now").font().pointSizeF()
    finally:
        app.setFont(before)


def test_the_console_text_grows_with_the_system_font(qtbot):
    designed, larger = _label_points(qtbot, 10), _label_points(qtbot, 15)
    assert larger == pytest.approx(designed * 1.5, rel=0.05)
    assert _label_points(qtbot, 8) == pytest.approx(designed)  # never smaller than designed


def test_ctrl_tab_turns_the_console_tabs(console):
    console.room_tabs.setCurrentIndex(0)
    console.room_tabs.tabBar().setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert console.room_tabs.currentIndex() == 1
