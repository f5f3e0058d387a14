"""A stand-in for a desktop's org.freedesktop.ScreenSaver service on a private session bus: it prints
"inhibit NAME" when asked to hold the screensaver off, and "released CONNECTION" when a connection goes
away after that (GNOME and KDE drop an inhibit whose connection has gone). Run by test_kiosk_awake.py."""

import sys

from PySide6.QtCore import SLOT, ClassInfo, QCoreApplication, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class FakeScreenSaver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.inhibited = False

    @Slot(str, str, result="uint")
    def Inhibit(self, application: str, reason: str) -> int:  # noqa: N802 - the interface's name
        self.inhibited = True
        print("inhibit", application, flush=True)
        return 7

    @Slot(str, str, str)
    def owner_changed(self, name: str, old: str, new: str) -> None:
        if self.inhibited and name.startswith(":") and old and not new:
            print("released", name, flush=True)


app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
saver = FakeScreenSaver()
bus.connect("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameOwnerChanged", saver,
            SLOT("owner_changed(QString,QString,QString)"))
ready = bus.registerService("org.freedesktop.ScreenSaver") and bus.registerObject(
    "/org/freedesktop/ScreenSaver", saver, QDBusConnection.RegisterOption.ExportAllSlots)
print("ready" if ready else "not registered", flush=True)
QTimer.singleShot(int(sys.argv[1]), app.quit)
app.exec()
