"""An artifact's kind and a persona's photo dropped in, in the room editor on a copy of the sample room: the
kind is chosen in its cell among exactly the kinds `build` takes, a picture dropped on a persona's row (or with
one selected) becomes its photo, decoded first as "Photo from a file…" does. Each change is one step of undo
that survives reopening; a file that is not a picture is refused in one sentence under the grid."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from customer_room_desktop.domain.journey import ArtifactKind
from customer_room_desktop.services.image_prep import decode_photo
from customer_room_desktop.storage.media_store import file_sha256, open_media
from tests.app.test_room_editor import _tab, editing
from tests.app.test_room_editor_calls import _choose
from tests.app.test_room_editor_last_fields import _offered
from tests.services.artifact_files import phone_jpeg, word_processor_pdf


def _kind(room, key: str) -> str:
    return room.db.execute("SELECT kind FROM artifacts WHERE key = ?", (key,)).fetchone()[0]


def _photo(room, key: str) -> str | None:
    return room.db.execute("SELECT photo_sha256 FROM personas WHERE key = ?", (key,)).fetchone()[0]


def _cell(grid, key: str, column: str) -> str:
    return grid.grid.item(grid.row_of(key), list(grid.columns).index(column)).text()


def test_an_artifacts_kind_is_chosen_among_the_kinds_build_takes(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        artifacts = _tab(editor, "artifacts")
        assert _cell(artifacts, "home-claim-form", "kind") == "Form"
        assert sorted(_offered(artifacts, "home-claim-form", "kind")) == sorted(kind.value for kind in ArtifactKind)
        _choose(artifacts, "home-claim-form", "kind", "packing-slip")
        assert _kind(room, "home-claim-form") == "packing-slip"
        assert _cell(artifacts, "home-claim-form", "kind") == "Packing slip"
        assert editor.stack.count() == 1 and editor.stack.undoText() == \
            "Change the kind of 'Home insurance claim form (8 pages)'"
        editor.edit_row_field("artifacts", "home-claim-form", "kind", "memo")  # not in the list: as if typed in
        assert artifacts.error.text() == (
            "home-claim-form, kind: 'memo' is not an artifact kind; choose one of brochure, contract, email, form, "
            "hang-tag, invoice, letter, notice, other, packing-slip, screenshot or statement.")
        assert _kind(room, "home-claim-form") == "packing-slip" and editor.stack.count() == 1
        editor.stack.undo()
        assert _kind(room, "home-claim-form") == "form"
    with editing(sample_room_copy, qtbot) as (room, editor):  # closed and opened again
        assert editor.stack.count() == 1 and editor.stack.index() == 0
        editor.stack.redo()
        assert _kind(room, "home-claim-form") == "packing-slip"
        assert _cell(_tab(editor, "artifacts"), "home-claim-form", "kind") == "Packing slip"


def _drop(editor, paths, at: QPoint) -> None:
    """Files dropped on the window at ``at`` (the window's coordinates), as a file manager drops them."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    editor.window.dropEvent(QDropEvent(QPointF(at), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                       Qt.KeyboardModifier.NoModifier))


def _on_row(editor, grid, key: str) -> QPoint:
    """The middle of ``key``'s row of ``grid``, in the window's coordinates."""
    cell = grid.grid.visualItemRect(grid.grid.item(grid.row_of(key), 0))
    return grid.grid.viewport().mapTo(editor.window, cell.center())


def test_a_picture_dropped_on_a_personas_row_becomes_its_photo_upright(sample_room_copy, qtbot, tmp_path):
    (tmp_path / "IMG_2207.JPG").write_bytes(phone_jpeg())  # held upright: EXIF orientation 6
    (tmp_path / "Renewal_letter.pdf").write_bytes(word_processor_pdf())
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.window.resize(1280, 860)
        editor.window.show()
        personas = _tab(editor, "personas")
        before = {key: _photo(room, key) for key in ("maya", "derek")}
        artifacts = room.db.execute("SELECT count(*) FROM artifacts").fetchone()[0]
        _drop(editor, [tmp_path / "IMG_2207.JPG"], _on_row(editor, personas, "derek"))
        assert _photo(room, "derek") == file_sha256(tmp_path / "IMG_2207.JPG")
        assert _photo(room, "maya") == before["maya"]
        assert room.db.execute("SELECT count(*) FROM artifacts").fetchone()[0] == artifacts  # not an artifact
        assert editor.stack.count() == 1 and editor.stack.undoText() == "Set the photo of 'derek' from IMG_2207.JPG"
        with open_media(room.db, _photo(room, "derek")) as stream:
            photo = decode_photo(stream.read(), personas.size())
        assert photo.height() > photo.width()  # stored 60 x 40; turned upright, as a wall shows it
        assert photo.pixelColor(photo.width() // 2, 2).red() > 180  # red at the top
        personas.grid.selectRow(personas.row_of("maya"))  # dropped below the rows: the selected persona's photo
        _drop(editor, [tmp_path / "Renewal_letter.pdf"], personas.grid.viewport().mapTo(
            editor.window, QPoint(5, personas.grid.viewport().height() - 5)))
        assert personas.error.isVisible() and personas.error.text() == (
            "Renewal_letter.pdf is a PDF, not a picture: a photo is a picture file, such as a JPEG or a PNG.")
        assert _photo(room, "maya") == before["maya"] and editor.stack.count() == 1
        (tmp_path / "notes.jpg").write_text("Maya, 34, a nurse on shifts.\n", encoding="utf-8")  # named a picture
        _drop(editor, [tmp_path / "notes.jpg"], _on_row(editor, personas, "maya"))
        assert personas.error.text() == ("notes.jpg is not a picture: a photo is a picture file, such as a JPEG or a "
                                         "PNG.")
        (tmp_path / "cut.jpg").write_bytes(phone_jpeg()[:300])
        _drop(editor, [tmp_path / "cut.jpg"], _on_row(editor, personas, "maya"))
        assert personas.error.text().startswith("cut.jpg will not show on a wall:")
        assert _photo(room, "maya") == before["maya"] and editor.stack.count() == 1
        _drop(editor, [tmp_path / "IMG_2207.JPG", tmp_path / "Renewal_letter.pdf"], _on_row(editor, personas, "maya"))
        assert personas.error.text() == "2 files were dropped: drop one picture, a persona has one photo."
        editor.stack.undo()
        assert _photo(room, "derek") == before["derek"]
    with editing(sample_room_copy, qtbot) as (room, editor):  # closed and opened again
        editor.stack.redo()
        assert _photo(room, "derek") == file_sha256(tmp_path / "IMG_2207.JPG")


def test_a_picture_dropped_with_no_persona_under_it_or_selected_is_refused(sample_room_copy, qtbot, tmp_path):
    (tmp_path / "IMG_2207.JPG").write_bytes(phone_jpeg())
    with editing(sample_room_copy, qtbot) as (room, editor):
        personas = _tab(editor, "personas")
        personas.grid.setCurrentCell(-1, -1)
        personas.take_drop([str(tmp_path / "IMG_2207.JPG")], QPoint(-10, -10))
        assert personas.error.text() == "Drop it on a persona's row, or select the persona first."
        assert editor.stack.count() == 0
