"""The room's application-wide event filters (the room keys and the wheel guard), lifted while the
room draws so that the events drawing sends do not each call into Python.

A Python filter on the whole application is handed every event of every object. PySide builds the
Python type of each object and event kind the first time one reaches Python, and an object of a class
Qt keeps private (X11's compose input context, the accessibility bridge) makes it build the types of
every class it could be: over a hundred classes, 50 ms here. So the filters stay lifted from the
start of ``LiveRoom.start`` until the console and walls are on screen, and that cost is paid after
the room is painted, not before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class LiftableFilters:
    """Event filters installed on the application that can be lifted for a while and put back."""

    def __init__(self, *filters: QObject | None):
        self._filters = [event_filter for event_filter in filters if event_filter is not None]
        self._lifts = 0  # how many lifts are not yet put back: the filters are off while any is
        self._closed = False

    @property
    def listening(self) -> bool:
        """The filters are installed (not lifted, not closed)."""
        return not self._lifts and not self._closed

    def lift(self) -> Callable[[], None]:
        """Take the filters off the application; returns what puts them back. Lifts nest: the filters
        return when the last one is put back. Putting back twice, or after ``close``, does nothing."""
        app = QApplication.instance()
        if self._lifts == 0 and not self._closed and app is not None:
            for event_filter in self._filters:
                app.removeEventFilter(event_filter)
        self._lifts += 1
        done = False

        def put_back() -> None:
            nonlocal done
            if done:
                return
            done = True
            self._lifts -= 1
            app = QApplication.instance()
            if self._lifts == 0 and not self._closed and app is not None:
                for event_filter in self._filters:
                    app.installEventFilter(event_filter)

        return put_back

    @contextmanager
    def lifted(self) -> Iterator[None]:
        """The filters are off inside the block."""
        put_back = self.lift()
        try:
            yield
        finally:
            put_back()

    def close(self) -> None:
        """The room is closing: its owners remove the filters; nothing puts them back any more."""
        self._closed = True
