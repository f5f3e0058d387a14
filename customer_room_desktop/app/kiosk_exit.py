"""The kiosk's keyboard: every key is swallowed, except Ctrl+Alt+P, which asks for the exit PIN.

The PIN is typed blind (dots on the first wall), Enter checks it, Esc or 20 s without a key gives up. The right
PIN emits ``left`` (the player then ends with EXIT_LEFT_WITH_PIN, which the supervisor takes as "stop");
five wrong ones lock entry for a minute (domain.kiosk_pin.PinGate). A room with no PIN set cannot be left
from the keyboard at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ..domain.kiosk_pin import MAX_DIGITS, PinGate
from ..domain.legibility import Tier
from ..services.painting import painting
from ..ui.walls.wall_style import BACKGROUND, SURFACE_HIGH, TEXT, WallScale, draw_text, fill_rounded

PROMPT_IDLE_MS = 20_000
_SWALLOWED = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut)
_ASK = (Qt.Key.Key_P.value, (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier).value)


class PinPrompt(QWidget):
    """Drawn over a wall while a PIN is typed: a line of dots and what the last try said."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.digits = 0
        self.message = "Exit PIN"
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_state(self, digits: int, message: str) -> None:
        self.digits, self.message = digits, message
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scale = WallScale(self.height())
            box = QRectF(self.width() * 0.15, self.height() * 0.33, self.width() * 0.7, self.height() * 0.34)
            painter.fillRect(self.rect(), BACKGROUND)
            fill_rounded(painter, box, scale(24), SURFACE_HIGH)
            centre = Qt.AlignmentFlag.AlignCenter
            draw_text(painter, QRectF(box.left(), box.top(), box.width(), box.height() / 2), self.message,
                      scale.font(61, tier=Tier.ROOM), TEXT, centre)
            draw_text(painter, QRectF(box.left(), box.center().y(), box.width(), box.height() / 2),
                      "● " * self.digits or "–", scale.font(61, tier=Tier.ROOM), TEXT, centre)


class KioskKeys(QObject):
    """An application-wide filter: nothing reaches the room's windows; Ctrl+Alt+P starts a PIN."""

    left = Signal()

    def __init__(self, stored_hash: str, prompt_on: Callable[[], QWidget | None],
                 clock: Callable[[], float] = time.monotonic, on_key: Callable[[int], bool] | None = None):
        """``on_key``: where a key goes when no PIN is being typed (the tour guide); it is swallowed anyway."""
        super().__init__()
        self.on_key = on_key
        self.gate = PinGate(stored_hash) if stored_hash else None
        self._prompt_on = prompt_on
        self._clock = clock
        self._typed = ""
        self._prompt: PinPrompt | None = None
        self._idle = QTimer(self, singleShot=True, interval=PROMPT_IDLE_MS)
        self._idle.timeout.connect(self.cancel)

    @property
    def asking(self) -> bool:
        return self._prompt is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() not in _SWALLOWED:
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._key(event)
        return True

    def _key(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers().value & ~Qt.KeyboardModifier.KeypadModifier.value
        if (key, modifiers) == _ASK:
            self.ask()
        elif not self.asking:
            if self.on_key is not None:
                self.on_key(key)
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
        elif key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            self._show("Exit PIN")
        elif event.text().isdigit() and len(self._typed) < MAX_DIGITS:
            self._typed += event.text()
            self._show("Exit PIN")

    def ask(self) -> None:
        """Start a PIN (only when one is set: a room without one cannot be left from the keyboard)."""
        if self.gate is None or self.asking:
            return
        parent = self._prompt_on()
        if parent is None:
            return
        self._prompt = PinPrompt(parent)
        self._typed = ""
        locked = self.gate.seconds_locked(self._clock())
        self._show(f"Locked for {locked} s" if locked else "Exit PIN")

    def enter(self) -> None:
        if self.gate is None or not self.asking:
            return
        result = self.gate.attempt(self._typed, self._clock())
        self._typed = ""
        if result is True:
            self.cancel()
            self.left.emit()
        elif result is None:
            self._show(f"Locked for {self.gate.seconds_locked(self._clock())} s")
        else:
            locked = self.gate.seconds_locked(self._clock())
            self._show(f"Wrong PIN: locked for {locked} s" if locked else "Wrong PIN")

    def cancel(self) -> None:
        self._typed = ""
        self._idle.stop()
        if self._prompt is not None:
            self._prompt.hide()
            self._prompt.deleteLater()
            self._prompt = None

    def _show(self, message: str) -> None:
        if self._prompt is not None:
            self._prompt.show_state(len(self._typed), message)
            self._idle.start()
