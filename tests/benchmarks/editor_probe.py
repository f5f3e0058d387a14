"""Run in a fresh process by editor_benchmarks.py (QT_QPA_PLATFORM set before Qt starts).

    python -m tests.benchmarks.editor_probe session WORK      the scripted new user's session
    python -m tests.benchmarks.editor_probe large ROOM        the editor on a large room: open, then scroll

Prints one JSON line of seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication


def _settled() -> None:
    """Until nothing is left to do: the paint an action asked for has happened."""
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()


def large(room_path: str) -> dict:
    from customer_room_desktop.app.room_editor import RoomEditor
    from customer_room_desktop.storage.room_file import RoomFile

    with RoomFile.open(room_path) as room:
        started = time.perf_counter()
        editor = RoomEditor(room)
        editor.window.resize(1280, 860)
        editor.window.show()
        _settled()
        opened = time.perf_counter() - started
        tab = editor.window.grids["artifacts"]
        started = time.perf_counter()
        editor.window.tabs.setCurrentWidget(tab)  # its grid is filled now, the first time it is shown
        _settled()
        tab_opened = time.perf_counter() - started
        scrolls, bar = [], tab.grid.verticalScrollBar()
        for step in range(40):  # a page down at a time, then jumps, as a user drags the bar
            started = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep() if step < 20 else (step * 97) % max(1, bar.maximum()))
            tab.grid.viewport().repaint()
            _settled()
            scrolls.append(time.perf_counter() - started)
        started = time.perf_counter()
        editor.window.tabs.setCurrentIndex(0)
        editor.window.stage_list.setCurrentRow(1)
        _settled()
        switch = time.perf_counter() - started
        started = time.perf_counter()
        editor.draw_preview()  # what the timer does a moment later: the stage's wall drawn at a wall's size
        preview = time.perf_counter() - started
        rows = tab.grid.rowCount()
        editor.close()
    return {"open_s": opened, "tab_s": tab_opened, "scroll_s": scrolls, "stage_select_s": switch,
            "preview_s": preview, "artifact_rows": rows}


def main() -> None:
    from customer_room_desktop.app.qt_app import qt_application

    app = qt_application()  # as the app makes it
    if sys.argv[1] == "session":
        from tests.app.new_user_flow import run_new_user_session

        print(json.dumps(run_new_user_session(Path(sys.argv[2]))["seconds"]))
    else:
        print(json.dumps(large(sys.argv[2])))
    app.quit()


if __name__ == "__main__":
    main()
