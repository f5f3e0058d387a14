"""The room's application-wide filters can be lifted and put back, and the start waits for the screen
without blocking."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from customer_room_desktop.app.application_filters import LiftableFilters
from customer_room_desktop.app.on_screen import once_on_screen


class CountingFilter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.keys = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress:
            self.keys += 1
        return False


def _installed(qtbot) -> tuple[CountingFilter, QLineEdit]:
    event_filter = CountingFilter()
    QApplication.instance().installEventFilter(event_filter)
    qtbot.addWidget(field := QLineEdit())
    return event_filter, field


def test_lifted_filters_hear_nothing_until_the_last_lift_is_put_back(qtbot):
    event_filter, field = _installed(qtbot)
    filters = LiftableFilters(event_filter, None)
    try:
        outer = filters.lift()
        with filters.lifted():
            qtbot.keyClick(field, Qt.Key.Key_A)
        assert not filters.listening
        qtbot.keyClick(field, Qt.Key.Key_B)
        assert event_filter.keys == 0
        outer()
        outer()  # a second call puts back nothing more
        assert filters.listening
        qtbot.keyClick(field, Qt.Key.Key_C)
        assert event_filter.keys == 1 and field.text() == "abc"
    finally:
        QApplication.instance().removeEventFilter(event_filter)


def test_a_lift_put_back_after_the_room_closed_installs_nothing(qtbot):
    event_filter, field = _installed(qtbot)
    filters = LiftableFilters(event_filter)
    put_back = filters.lift()
    filters.close()
    put_back()
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert event_filter.keys == 0 and not filters.listening


def test_waiting_for_the_screen_calls_back_once_shown(qtbot):
    asked, done = [], []
    once_on_screen(lambda: asked.append(1) or len(asked) >= 3, lambda: False, lambda: done.append(1), poll_ms=1)
    assert done == []  # not shown yet: it asks again from the event loop
    qtbot.waitUntil(lambda: done == [1])
    assert len(asked) == 3


def test_waiting_for_the_screen_stops_when_the_room_closes(qtbot):
    asked, closing_asked, done = [], [], []

    def closing() -> bool:
        closing_asked.append(1)
        return len(asked) >= 2

    once_on_screen(lambda: asked.append(1) or False, closing, lambda: done.append(1), poll_ms=1)
    qtbot.waitUntil(lambda: len(closing_asked) >= 3)  # the third check found the room closing
    assert len(asked) == 2 and done == []


def test_waiting_for_the_screen_gives_up_after_its_time(qtbot):
    done = []
    once_on_screen(lambda: False, lambda: False, lambda: done.append(1), poll_ms=5, give_up_s=0.05)
    qtbot.waitUntil(lambda: done == [1])
