"""The keys presenters and clickers send, working whichever of the room's windows has the focus.

The room's keys are caught by one event filter on the application, before the focused widget sees
them, so a spin box, a combo box, a list or a tab bar cannot swallow them. The one exception is a
text field the facilitator is typing in (a line edit, a text edit, an editable combo box or a date
field): it keeps the keys typing needs (letters, digits, Space, '.', Left/Right, Home/End,
Backspace/Delete, Enter/Return) and any key it claims itself (Ctrl+Z for undo, Esc in the capture
field); keys such as PageUp/PageDown and F5 still reach the room from there. Spin boxes are not text
fields for this purpose: there the room's keys win, digits included. A button someone reached with
Tab keeps Space, which presses it.

Nothing happens while a modal dialog or a popup has the keys.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QDateTimeEdit, QDialog, QLineEdit, QPlainTextEdit,
    QTextEdit, QWidget,
)

Action = Callable[[], None]
KeyCode = tuple[int, int]  # a key and the modifiers it needs, both as plain ints

TYPING_PAUSE_MS = 2000  # a number not finished with Enter within this pause is forgotten
MAX_DIGITS = 3
_KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
_EXTRA_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier)
_SHIFT = Qt.KeyboardModifier.ShiftModifier.value
_KEYPAD = Qt.KeyboardModifier.KeypadModifier.value
_ENTER_KEYS = frozenset({Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value})
_DIGITS = {getattr(Qt.Key, f"Key_{d}").value: str(d) for d in range(10)}
_ESCAPE = Qt.Key.Key_Escape.value
# What a text field needs besides printable characters, while someone types in it.
_TYPING_KEYS = frozenset(key.value for key in (
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Backspace, Qt.Key.Key_Delete,
    Qt.Key.Key_Return, Qt.Key.Key_Enter))


def _is_printable(key: int) -> bool:
    """Keys below Qt's Escape are characters (Space, letters, digits, punctuation)."""
    return key < _ESCAPE


def key_code(text: str) -> KeyCode:
    """The key and modifiers a binding such as "PgDown", "B", "." or "Ctrl+Z" stands for."""
    sequence = QKeySequence(text)
    if sequence.count() != 1:
        raise ValueError(f"a room key is one key, not {text!r}")
    combination = sequence[0]  # type: ignore[index]  # PySide6 indexes a sequence; the stubs do not say so
    return combination.key().value, combination.keyboardModifiers().value


def event_code(event: QKeyEvent) -> KeyCode:
    """The key and modifiers of a key event, without the keypad flag; Shift is left off a character
    typed without Ctrl, Alt or Meta (a French keyboard types digits and '.' with Shift)."""
    key, modifiers = event.key(), event.modifiers().value & ~_KEYPAD
    if _is_printable(key) and not modifiers & _EXTRA_MODIFIERS.value:
        modifiers &= ~_SHIFT
    return key, modifiers


def is_text_field(widget: QWidget | None) -> bool:
    """Whether the widget is a field someone types text into: an editable line edit, text edit or
    combo box, or a date or time field. A spin box, and the line edit inside one, is not."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit):
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return is_text_field(parent)
        return not widget.isReadOnly()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        line = widget.lineEdit() if widget.isEditable() else None
        return line is not None and not line.isReadOnly()
    if isinstance(widget, QDateTimeEdit):
        return not widget.isReadOnly()
    return False


def claims_key(widget: QWidget, event: QKeyEvent) -> bool:
    """Whether the widget itself claims the key, as Qt asks it: with a ShortcutOverride event."""
    probe = QKeyEvent(QEvent.Type.ShortcutOverride, event.key(), event.modifiers(), event.text(),
                      event.isAutoRepeat(), event.count())
    probe.ignore()
    widget.event(probe)
    return probe.isAccepted()


def text_field_keeps(widget: QWidget | None, event: QKeyEvent) -> bool:
    """Whether a text field keeps this key for typing (see the module's docstring for the rule)."""
    if widget is None or not is_text_field(widget):
        return False
    key, modifiers = event.key(), event.modifiers().value & ~(_KEYPAD | _SHIFT)
    if not modifiers and (_is_printable(key) or key in _TYPING_KEYS):
        return True
    return claims_key(widget, event)


def button_keeps(widget: QWidget | None, event: QKeyEvent) -> bool:
    """A button reached with Tab keeps Space, which presses it (Enter presses it too: the room takes
    Enter only after a typed number). Buttons take the focus only from Tab, never from a click."""
    return isinstance(widget, QAbstractButton) and event.key() == Qt.Key.Key_Space \
        and not event.modifiers().value & ~_KEYPAD


class RoomKeys(QObject):
    """The room's keys: ``bindings`` maps an action to its keys ("PgDown", "B", "Ctrl+Z"...), and a
    number typed before Enter goes to ``jump``. ``typed`` hears the digits typed so far ("1", "12")
    and "" when they are cleared (Enter, Esc or a pause), so the console can show them.

    An event filter on the application, owned by ``window`` (the console): it goes with the window.
    """

    def __init__(self, window: QWidget, bindings: dict[Action, tuple[str, ...]], jump: Callable[[int], None],
                 *, typed: Callable[[str], None] | None = None, pause_ms: int = TYPING_PAUSE_MS):
        super().__init__(window)
        self._actions: dict[KeyCode, Action] = {}
        for action, keys in bindings.items():
            for key in keys:
                code = key_code(key)
                if code in self._actions:
                    raise ValueError(f"the room key {key!r} is bound twice")
                self._actions[code] = action
        self._jump = jump
        self._typed_to = typed
        self._digits = ""
        self._last: tuple[tuple, QWidget] | None = None  # the last key event's kind and key, and where it began
        self._pause = QTimer(self, singleShot=True, interval=pause_ms)
        self._pause.timeout.connect(self.clear_number)
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("RoomKeys needs a QApplication")
        self._app: QApplication | None = cast(QApplication, app)
        self._app.installEventFilter(self)
        window.destroyed.connect(self.detach)

    # -- what the console may ask ---------------------------------------------------------------
    @property
    def number(self) -> str:
        """The digits typed so far and not yet sent with Enter."""
        return self._digits

    def clear_number(self) -> None:
        """Forget a number being typed (Esc, or a pause before Enter)."""
        self._pause.stop()
        if self._digits:
            self._digits = ""
            self._tell("")

    def detach(self) -> None:
        """Stop listening: no key reaches the room's actions any more (called when the window goes)."""
        if self._app is not None:
            if shiboken6.isValid(self._app):
                self._app.removeEventFilter(self)
            self._app = None
        if shiboken6.isValid(self._pause):
            self._pause.stop()

    # -- the filter -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Takes a room key before the widget it was sent to, unless that widget must keep it."""
        if not isinstance(event, QKeyEvent):  # first, and cheap: every event of the application comes here
            return False
        if event.type() not in _KEY_EVENTS or not isinstance(watched, QWidget) or self._app is None:
            return False
        if event.type() == QEvent.Type.KeyRelease:
            self._last = None
            return False
        action = self._action_for(event)
        if action is None or not self._room_has_the_keys(watched) or self._kept(watched, event):
            return False
        event.accept()  # a ShortcutOverride accepted here comes back as the KeyPress that acts
        if event.type() == QEvent.Type.KeyPress:
            try:
                action()
            except Exception:  # noqa: BLE001 (reported, and the key is still used up exactly once)
                sys.excepthook(*sys.exc_info())
        return True

    def _action_for(self, event: QKeyEvent) -> Action | None:
        key, modifiers = event_code(event)
        if not modifiers and key in _DIGITS:
            return lambda: self._type(_DIGITS[key])
        if not modifiers and key in _ENTER_KEYS:
            return self._enter if self._digits else None
        action = self._actions.get((key, modifiers))
        if action is not None and key == _ESCAPE and not modifiers:
            return self._clearing_first(action)
        return action

    def _clearing_first(self, action: Action) -> Action:
        """Esc: the number being typed is forgotten, then the bound action runs."""
        def escape() -> None:
            self.clear_number()
            action()
        return escape

    def _room_has_the_keys(self, watched: QWidget) -> bool:
        """Unless a modal dialog or a popup has the keys. (A key reaches the room only through one of
        its windows, so no check of the active window is needed: some platforms report none.)"""
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
            return False
        return not isinstance(QApplication.activeWindow(), QDialog) and not isinstance(watched.window(), QDialog)

    def _kept(self, watched: QWidget, event: QKeyEvent) -> bool:
        """Whether the widget the key was sent to keeps it. A key a text field ignores (Enter in a line
        edit) goes on to the field's parents; it still comes from the field, and the field keeps it."""
        origin = self._origin(watched, event)
        return text_field_keeps(origin, event) or button_keeps(origin, event)

    def _origin(self, watched: QWidget, event: QKeyEvent) -> QWidget:
        """The widget a key event was first sent to. Qt offers a key the widget did not accept to its
        parents with the same event; a new key always starts with a different kind of event (Qt sends
        ShortcutOverride, KeyPress and KeyRelease in turn), so the same kind and key arriving at a
        parent of the last widget is that key going on to the parents."""
        mark = (event.type(), event.key(), event.modifiers())
        if self._last is not None:
            last_mark, first = self._last
            if last_mark == mark and shiboken6.isValid(first) and watched.isAncestorOf(first):
                return first
        self._last = (mark, watched)
        return watched

    # -- a number, then Enter -------------------------------------------------------------------
    def _type(self, digit: str) -> None:
        self._digits = (self._digits + digit)[-MAX_DIGITS:]
        self._pause.start()
        self._tell(self._digits)

    def _enter(self) -> None:
        number = int(self._digits)
        self.clear_number()
        self._jump(number)

    def _tell(self, digits: str) -> None:
        if self._typed_to is not None:
            self._typed_to(digits)
