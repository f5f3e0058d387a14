"""Keeps the screens awake while a kiosk room is open, and lets them sleep outside its hours.

- Linux: the freedesktop ScreenSaver interface on the session bus (Inhibit, released by closing the
  connection that made it), through QtDBus.
- Windows: SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED).
- macOS: an IOKit power assertion, kIOPMAssertionTypePreventUserIdleDisplaySleep.

Each says in one line why it could not, and the room goes on without it.
"""

from __future__ import annotations

import ctypes
import sys

APP_NAME = "Customer Room"
REASON = "The kiosk is showing the room during its opening hours"
_SERVICE, _PATH = "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"
_ES_CONTINUOUS, _ES_SYSTEM_REQUIRED, _ES_DISPLAY_REQUIRED = 0x80000000, 0x00000001, 0x00000002


class KeepAwake:
    def __init__(self) -> None:
        self._cookie: int | None = None  # the D-Bus cookie or the IOKit assertion id
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> str:
        """Keep the screens awake; "" when done, else why not, in one sentence."""
        if self._held:
            return ""
        if sys.platform == "win32":
            problem = self._windows(_ES_CONTINUOUS | _ES_DISPLAY_REQUIRED | _ES_SYSTEM_REQUIRED)
        elif sys.platform == "darwin":
            problem = self._mac_hold()
        else:
            problem = self._dbus_hold()
        self._held = not problem
        return problem

    def release(self) -> None:
        """Let the screens sleep again (outside the opening hours, or when the kiosk ends)."""
        if not self._held:
            return
        self._held = False
        if sys.platform == "win32":
            self._windows(_ES_CONTINUOUS)
        elif sys.platform == "darwin":
            self._mac_release()
        else:
            self._dbus_release()

    # -- Linux ------------------------------------------------------------------------------------
    # The inhibit is made over a connection of its own. A screensaver service drops an inhibit when the
    # connection that made it goes, so closing that connection releases it, and the cookie (an unsigned
    # 32-bit number, which PySide cannot send as such) never has to be sent back.
    _BUS_NAME = "customer-room-keep-awake"

    def _dbus_hold(self) -> str:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, self._BUS_NAME)
        if not bus.isConnected():
            return "There is no desktop session bus, so the screensaver cannot be held off."
        reply = QDBusInterface(_SERVICE, _PATH, _SERVICE, bus).call("Inhibit", APP_NAME, REASON)
        arguments = reply.arguments()
        if not arguments or not isinstance(arguments[0], int):
            QDBusConnection.disconnectFromBus(self._BUS_NAME)
            return f"The desktop has no screensaver service to hold off ({reply.errorMessage() or 'no answer'})."
        self._cookie = arguments[0]
        return ""

    def _dbus_release(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self._BUS_NAME)
        self._cookie = None

    # -- Windows ----------------------------------------------------------------------------------
    @staticmethod
    def _windows(flags: int) -> str:
        try:
            kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return "Windows would not let the kiosk keep the screens awake."
        kernel32.SetThreadExecutionState.restype = ctypes.c_uint
        return "" if kernel32.SetThreadExecutionState(ctypes.c_uint(flags)) else \
            "Windows would not let the kiosk keep the screens awake."

    # -- macOS ------------------------------------------------------------------------------------
    def _mac_hold(self) -> str:
        try:
            iokit = ctypes.cdll.LoadLibrary("/System/Library/Frameworks/IOKit.framework/IOKit")
            foundation = ctypes.cdll.LoadLibrary("/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation")
        except OSError:
            return "macOS's IOKit could not be loaded, so the display may sleep."
        foundation.CFStringCreateWithCString.restype = ctypes.c_void_p
        foundation.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
        utf8 = 0x08000100
        kind = foundation.CFStringCreateWithCString(None, b"PreventUserIdleDisplaySleep", utf8)
        name = foundation.CFStringCreateWithCString(None, REASON.encode(), utf8)
        assertion = ctypes.c_uint32(0)
        iokit.IOPMAssertionCreateWithName.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p,
                                                      ctypes.POINTER(ctypes.c_uint32)]
        if iokit.IOPMAssertionCreateWithName(kind, 255, name, ctypes.byref(assertion)) != 0:
            return "macOS refused the kiosk's power assertion, so the display may sleep."
        self._cookie = assertion.value
        return ""

    def _mac_release(self) -> None:
        if self._cookie is not None:
            iokit = ctypes.cdll.LoadLibrary("/System/Library/Frameworks/IOKit.framework/IOKit")
            iokit.IOPMAssertionRelease(ctypes.c_uint32(self._cookie))
            self._cookie = None
