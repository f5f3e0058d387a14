"""A PDF with a user password: `password = "..."` in its artifact entry reaches every place it is drawn.

The room is built from a tiny hand-made source, the PDF encrypted by qpdf, and the page checked in
the live room's own code paths: the stage wall's thumbnails, the artifact wall, the prefetcher that
decodes ahead on worker threads, the exercise wall and the printed handout.
"""

from __future__ import annotations

import sqlite3

import numpy as np
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from customer_room_desktop.app.qt_offscreen import ensure_gui_application
from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.handout_pdf import write_handout
from customer_room_desktop.services.image_prefetch import ImagePrefetcher
from customer_room_desktop.services.image_prep import ImageUnavailable, PreparedImages
from customer_room_desktop.services.room_builder import build_room
from customer_room_desktop.storage import migrations
from customer_room_desktop.storage.journey_queries import list_artifacts
from customer_room_desktop.storage.room_file import RoomFile
from tests.older_formats import as_format_6
from tests.services import artifact_files as files
from tests.services.test_artifact_material import _seen_on_wall

WALL = (1280, 720)
ENTRY = """
[[artifacts]]
key = "statement"
title = "Quarterly statement"
kind = "statement"
stage = "buy"
file = "media/statement.pdf"
{password}
[artifacts.task]
text = "Find what you paid this quarter."
customer_median_seconds = 90
"""


def _room(tiny_source, tmp_path):
    (tiny_source / "media" / "statement.pdf").write_bytes(
        files.qpdf_encrypted(tmp_path, files.USER_PASSWORD, files.OWNER_PASSWORD))
    with (tiny_source / "room.toml").open("a", encoding="utf-8") as toml:
        toml.write(ENTRY.format(password=f'password = "{files.USER_PASSWORD}"'))
    return build_room(tiny_source, tmp_path / "tiny.croom")


def _looks_like_the_statement(image) -> None:
    """Black text near the top of a white page: the same check at any size."""
    assert isinstance(image, QImage), image
    pixels = _seen_on_wall(image)
    assert pixels.min(axis=2).mean() > 235  # white paper throughout, a little ink
    top = pixels[: image.height() // 8]
    assert top.max(axis=2).min() < 160  # the heading's ink, dark on the paper even in a small thumbnail


def test_the_password_in_room_toml_opens_the_pdf_on_every_wall(qtbot, tiny_source, tmp_path):
    built = _room(tiny_source, tmp_path)
    with RoomFile.open(built, read_only=True) as room:
        [statement] = [a for a in list_artifacts(room.db) if a.key == "statement"]
        assert statement.pdf_password == files.USER_PASSWORD
        factory = WallFactory(room, PreparedImages())
        thumbs = factory.thumbnails(factory.stage_data(1), WALL[1])
        _looks_like_the_statement(thumbs[statement.media_sha256])
        focus = factory.build("artifact:statement", WALL)
        _looks_like_the_statement(focus.image)
        exercise = factory.build("exercise:statement", WALL)
        _looks_like_the_statement(exercise.image)

        ahead = ImagePrefetcher(PreparedImages(), factory.source.media_bytes)
        box = QSize(300, 400)
        with qtbot.waitSignal(ahead.ready, timeout=10_000):
            assert ahead.request(statement.media_sha256, 0, box, statement.pdf_password)
        _looks_like_the_statement(ahead.images.get(statement.media_sha256, 0, box))

        ensure_gui_application()
        result = write_handout(room, "statement", tmp_path / "handout.pdf")
        assert result.problem == "" and result.artifact_pages == 1
        printed = QPdfDocument()
        printed.load(str(tmp_path / "handout.pdf"))
        assert printed.pageCount() == 2
        page = printed.render(1, QSize(400, 520))
        assert np.count_nonzero(_seen_on_wall(page).max(axis=2) < 90) > 20  # the statement's text is printed


def test_without_its_password_the_wall_says_how_to_add_one(qtbot, tiny_source, tmp_path):
    built = _room(tiny_source, tmp_path)
    conn = sqlite3.connect(built)  # as if the entry had none (`build` refuses that; its placeholder is tested here)
    conn.execute("UPDATE artifacts SET pdf_password = NULL")
    conn.commit()
    conn.close()
    with RoomFile.open(built, read_only=True) as room:
        focus = WallFactory(room, PreparedImages()).build("artifact:statement", WALL)
        assert isinstance(focus.image, ImageUnavailable)
        assert str(focus.image) == ('the PDF needs a password: add password = "..." to its artifact entry '
                                    'in room.toml')


def test_a_format_6_room_gains_the_password_column(tmp_path):
    path = tmp_path / "six.croom"
    with RoomFile.create(path, "Format six"):
        pass
    conn = sqlite3.connect(path)
    as_format_6(conn)
    conn.commit()
    conn.close()
    with RoomFile.open(path) as room:
        assert room.schema_version == migrations.LATEST_VERSION
        columns = {row[1]: (row[2], row[3]) for row in room.db.execute("PRAGMA table_info(artifacts)")}
        assert columns["pdf_password"] == ("TEXT", 0)  # nullable: most artifacts need no password
    backup = sqlite3.connect(tmp_path / "six.format-6-backup.croom")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 6
    backup.close()

