"""The keys presenters and clickers send, working whichever of the room's windows has the focus."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class RoomKeys(QObject):
    """``bindings`` maps an action to its keys; a number typed before Enter goes to ``jump``."""

    def __init__(self, window: QWidget, bindings: dict[Callable[[], None], tuple[str, ...]],
                 jump: Callable[[int], None]):
        super().__init__(window)
        self._typed = ""
        self._jump = jump
        for action, keys in bindings.items():
            for key in keys:
                self._bind(window, key, action)
        self._bind(window, "Return", self._enter)
        self._bind(window, "Enter", self._enter)
        for digit in "0123456789":
            self._bind(window, digit, lambda d=digit: self._type(d))

    @staticmethod
    def _bind(window: QWidget, key: str, action: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(action)

    def _type(self, digit: str) -> None:
        self._typed = (self._typed + digit)[-3:]

    def _enter(self) -> None:
        if self._typed:
            number, self._typed = int(self._typed), ""
            self._jump(number)
