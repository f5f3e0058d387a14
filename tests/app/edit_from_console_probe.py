"""Run by test_edit_from_console.py in a fresh process: `customer-room open ROOM`, then "Edit room…" on the
console, a stage renamed in the editor, the editor closed, and the live room back with the new name.
Prints what it saw, one line each."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.cli import main

seen: list[str] = []


def watch() -> None:
    windows = {type(w).__name__: w for w in QApplication.topLevelWidgets() if w.isVisible()}
    console, editor = windows.get("ConsoleWindow"), windows.get("RoomEditorWindow")
    if console is not None and not seen:
        seen.append("live room")
        console.edit_button.click()
    elif editor is not None and seen == ["live room"]:
        seen.append("editor")
        editor.stage_list.setCurrentRow(0)
        editor.fields["name"].setText("I shop around")
        editor.fields["name"].editingFinished.emit()
        editor.close()
    elif console is not None and seen == ["live room", "editor"]:
        seen.append(f"live room again: {console.stages.item(0).text()}")
        QApplication.exit(0)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    timer = QTimer(interval=200)
    timer.timeout.connect(watch)
    timer.start()
    status = main(["open", sys.argv[1]])
    print("\n".join(seen))
    print(f"exit {status}")
