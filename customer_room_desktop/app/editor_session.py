"""`customer-room edit ROOM`: the editor (app/room_editor.py) on one room at a time, and its "New room from a
folder…": the same build as `customer-room new ROOM --from-folder DIR`, after which the editor closes the room it
had and opens the new one.

The window asks (which folder, where to save, whether every caller consented) and shows the report; this module
builds with services/room_builder.py and switches rooms. Each room keeps its own undo history, in its own file.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..domain.refusal import Refusal
from ..services.room_builder import build_from_folder
from ..storage.room_file import RoomFile
from ..storage.room_reading import room_failures
from ..ui.editor.room_editor_window import RoomEditorWindow
from .qt_app import qt_application
from .room_editor import RoomEditor
from .room_lock import LiveRoomLock

ROOM_SUFFIX = ".croom"


def ask_and_build(window: RoomEditorWindow, start: Path) -> Path | None:
    """Ask for a folder, a new room file and the callers' consent, and make the room; the new room's path, or
    None when the user stopped or the room could not be made (said in one sentence: nothing was changed)."""
    folder = window.ask_material_folder()
    if not folder:
        return None
    chosen = window.ask_new_room_path(str(start))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ROOM_SUFFIX:
        path = path.with_name(path.name + ROOM_SUFFIX)
    if path.exists():
        window.show_status(f"{path} already exists; choose another name: a new room never replaces a file.")
        return None
    consent = window.ask_consent()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # every file is decoded as `build` decodes it
    try:
        with room_failures(path):
            lines = build_from_folder(folder, path, consent=consent)
    except Refusal as refused:  # the build removes its unfinished file: nothing is left behind
        window.show_status(str(refused))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    window.show_report("The new room", lines)
    return path


class EditorSession:
    """The editor on one room: the room's live lock and file are held while its window is open."""

    def __init__(self) -> None:
        self.editor: RoomEditor | None = None
        self._cleanup = ExitStack()
        self._retired: RoomEditor | None = None  # kept until the next switch: its button's click is still running

    def open(self, path: Path) -> str:
        """Show the editor on ``path`` (a new, empty room when it does not exist), closing the room shown before;
        the sentence saying why it cannot be, or "" when it is shown."""
        cleanup = ExitStack()
        try:
            with room_failures(path):
                if not path.exists():
                    RoomFile.create(path, path.stem.replace("-", " ").replace("_", " ").title()).close()
                cleanup.enter_context(LiveRoomLock.acquire(path))  # not while the room is open live elsewhere
                room = cleanup.enter_context(RoomFile.open(path))
        except BaseException:
            cleanup.close()
            raise
        if room.read_only:
            cleanup.close()
            return f"{path} cannot be edited: {room.read_only_reason}."
        editor = RoomEditor(room)
        editor.window.new_from_folder_requested.connect(self.new_from_folder)
        if self.editor is not None:
            editor.window.setGeometry(self.editor.window.geometry())
        else:
            editor.window.resize(1280, 860)
        editor.window.show()  # before the old window closes, so the application does not end with it
        self.close()
        self.editor, self._cleanup = editor, cleanup
        return ""

    def new_from_folder(self) -> None:
        if self.editor is None:
            return
        window = self.editor.window
        made = ask_and_build(window, Path(self.editor.room.path).parent)
        if made is None:
            return
        try:
            refused = self.open(made)
        except Refusal as failed:
            refused = str(failed)
        if refused:
            window.show_status(f"The room was made at {made}, but it cannot be opened here: {refused}")

    def close(self) -> None:
        if self.editor is not None:
            self.editor.close()
            self._retired, self.editor = self.editor, None
        self._cleanup.close()
        self._cleanup = ExitStack()


def run_editor(path: Path) -> int:
    """The editor on ``path`` (a new room file when it does not exist) until its window is closed."""
    app = qt_application()
    session = EditorSession()
    try:
        refused = session.open(path)
        if refused:
            print(f"customer-room: {refused}", file=sys.stderr)
            return 2
        return app.exec()
    finally:
        session.close()
