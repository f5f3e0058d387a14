"""The mouse wheel turns a combo box or spin box only once it has the focus; otherwise the panel scrolls.

Real widgets in a shown window; the wheel is sent to the window as the platform sends it, so Qt's own
focus-on-wheel and hand-on-to-the-parent rules apply.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QMainWindow, QScrollArea, QSpinBox, QVBoxLayout,
    QWidget,
)

from customer_room_desktop.ui.console.wheel_guard import (
    WheelGuard, guard_wheel, guarded_widget, installed_guard, strong_focus,
)

DOWN = QPoint(0, -120)  # one notch towards the user: a spin box steps down, a combo box picks the next item


@dataclass
class Panel:
    """A scrolling panel like the console's tab 3: a text field, a spin box and a combo box, and rows below."""

    window: QMainWindow
    scroll: QScrollArea
    other: QLineEdit
    spin: QSpinBox
    combo: QComboBox

    def wheel(self, widget: QWidget) -> None:
        """One notch of the wheel with the pointer over the middle of ``widget``."""
        QTest.wheelEvent(self.window.windowHandle(), QPointF(widget.mapTo(self.window, widget.rect().center())), DOWN)

    @property
    def scrolled(self) -> int:
        return self.scroll.verticalScrollBar().value()


@pytest.fixture
def panel(qtbot):
    window = QMainWindow()
    body = QWidget()
    box = QVBoxLayout(body)
    other = QLineEdit()
    spin = QSpinBox(minimum=0, maximum=10, value=5)
    combo = QComboBox()
    combo.addItems(["Ruth Adeyemi", "Tom Achterberg", "Dana Ruiz"])
    combo.setCurrentIndex(1)
    for widget in (other, spin, combo):
        box.addWidget(widget)
    for row in range(60):
        box.addWidget(QLabel(f"candidate {row}"))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    window.setCentralWidget(scroll)
    window.resize(360, 240)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    return Panel(window, scroll, other, spin, combo)


@pytest.fixture
def guard():
    guard = guard_wheel()
    yield guard
    guard.remove()


def test_the_wheel_over_an_unfocused_spin_box_scrolls_the_panel_and_leaves_the_spin_box(panel, guard, qtbot):
    panel.wheel(panel.spin)
    qtbot.waitUntil(lambda: panel.scrolled > 0)
    assert panel.spin.value() == 5 and panel.other.hasFocus()


def test_the_wheel_over_an_unfocused_combo_box_scrolls_the_panel_and_leaves_the_sponsor(panel, guard, qtbot):
    panel.wheel(panel.combo)
    qtbot.waitUntil(lambda: panel.scrolled > 0)
    assert panel.combo.currentText() == "Tom Achterberg" and panel.other.hasFocus()


def test_the_wheel_still_turns_a_focused_spin_box(panel, guard, qtbot):
    panel.spin.setFocus()
    panel.wheel(panel.spin)
    qtbot.waitUntil(lambda: panel.spin.value() == 4)
    assert panel.scrolled == 0


def test_the_wheel_still_turns_a_focused_combo_box(panel, guard, qtbot):
    panel.combo.setFocus()
    panel.wheel(panel.combo)
    qtbot.waitUntil(lambda: panel.combo.currentText() == "Dana Ruiz")
    assert panel.scrolled == 0


def test_a_spin_box_made_after_the_guard_cannot_take_the_focus_by_the_wheel(panel, guard, qtbot):
    panel.spin.setFocusPolicy(Qt.FocusPolicy.WheelFocus)  # a spin box's own default
    panel.wheel(panel.spin)
    qtbot.waitUntil(lambda: panel.scrolled > 0)
    assert panel.spin.value() == 5 and panel.other.hasFocus()
    assert panel.spin.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_without_the_guard_the_wheel_changes_an_unfocused_spin_box(panel, qtbot):
    """The defect the guard is for, shown on the same panel."""
    if installed_guard() is not None:
        pytest.skip("another test left the wheel guard installed")
    panel.wheel(panel.spin)
    qtbot.waitUntil(lambda: panel.spin.value() == 4)


def test_strong_focus_leaves_click_or_tab_and_takes_only_the_wheel_away(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    spin, decimal, combo, silent, line = (QSpinBox(root), QDoubleSpinBox(root), QComboBox(root), QComboBox(root),
                                          QLineEdit(root))
    for widget in (spin, decimal, combo):
        widget.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
    silent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    line.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
    assert strong_focus(root) == 3
    assert {w.focusPolicy() for w in (spin, decimal, combo)} == {Qt.FocusPolicy.StrongFocus}
    assert silent.focusPolicy() == Qt.FocusPolicy.NoFocus and line.focusPolicy() == Qt.FocusPolicy.WheelFocus
    assert strong_focus(root) == 0


def test_the_guard_is_installed_once_and_knows_the_parts_of_a_spin_box(panel, guard):
    assert guard_wheel() is guard and installed_guard() is guard and isinstance(guard, WheelGuard)
    assert guarded_widget(panel.spin.findChild(QLineEdit)) is panel.spin
    assert guarded_widget(panel.other) is None and guarded_widget(panel.combo) is panel.combo
    assert panel.spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # widgets built before the guard are changed
