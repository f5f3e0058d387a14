"""A moment's silos and an artifact's page and task in the room editor, on a copy of the sample room: each
change one step of undo that survives reopening, each refusal one sentence under the grid naming the row and
the field, and the page the artifact's wall opens at is the one chosen."""

from __future__ import annotations

import sqlite3

from customer_room_desktop.app.wall_factory import WallFactory
from customer_room_desktop.services.image_prep import PreparedImages
from customer_room_desktop.storage.room_file import RoomFile
from tests.app.test_room_editor import _tab, editing


def _silos(room, moment: str) -> list[str]:
    return [key for (key,) in room.db.execute(
        "SELECT s.key FROM moment_silos ms JOIN silos s ON s.id = ms.silo_id JOIN moments m ON m.id = ms.moment_id "
        "WHERE m.key = ? ORDER BY ms.rowid", (moment,))]


def _cell(grid, key: str, column: str):
    return grid.grid.item(grid.row_of(key), list(grid.columns).index(column))


def test_a_moments_silos_are_ticked_among_the_rooms_silos(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        moments = _tab(editor, "moments")
        moments.grid.setCurrentCell(moments.row_of("claim-report"), 0)
        panel = moments.links
        assert panel.title.text() == "Silos of 'I report what happened':"
        assert [key for key, box in panel.boxes.items() if box.isChecked()] == ["claims", "service", "digital"]
        assert panel.boxes["sales"].text() == "Sales && Brokers"  # shown as "Sales & Brokers"
        panel.boxes["legal"].setChecked(True)
        panel.boxes["digital"].setChecked(False)
        assert _silos(room, "claim-report") == ["claims", "service", "legal"]
        assert _cell(moments, "claim-report", "silos").text() == "Claims, Customer Service, Legal & Compliance"
        assert editor.stack.count() == 2 and editor.stack.undoText() == "Change the silos of 'I report what happened'"
        editor.stack.undo()
        assert _silos(room, "claim-report") == ["claims", "service", "digital", "legal"]
        assert panel.boxes["digital"].isChecked()  # the ticks show the room as it is after the undo
    with editing(sample_room_copy, qtbot) as (room, editor):  # closed and opened again
        assert editor.stack.index() == 1 and editor.stack.count() == 2
        editor.stack.redo()
        assert _silos(room, "claim-report") == ["claims", "service", "legal"]
        editor.stack.setIndex(0)
        assert _silos(room, "claim-report") == ["claims", "service", "digital"]
        editor.stack.setIndex(2)
        _tab(editor, "silos").add_requested.emit("silos")  # a new silo is offered at once
        moments = _tab(editor, "moments")
        moments.grid.setCurrentCell(moments.row_of("claim-report"), 0)
        panel = moments.links
        assert "new-silo" in panel.boxes
        conn = sqlite3.connect(sample_room_copy)  # another program removes it while it is offered
        conn.execute("DELETE FROM silos WHERE key = 'new-silo'")
        conn.commit()
        conn.close()
        panel.boxes["new-silo"].setChecked(True)
        assert moments.error.text().startswith("claim-report, silos: This room no longer has the silo 'new-silo'; "
                                               "choose among Marketing, Sales & Brokers,")
        assert _silos(room, "claim-report") == ["claims", "service", "legal"]
        assert panel.boxes["legal"].isChecked() and "new-silo" not in panel.boxes


def test_a_room_without_silos_says_so_where_a_moments_silos_are_chosen(tmp_path, qtbot):
    path = tmp_path / "new.croom"
    with RoomFile.create(path, "New") as room, room.transaction() as db:
        db.execute("INSERT INTO stages (key, position, name) VALUES ('claim', 1, 'I claim')")
        db.execute("INSERT INTO moments (key, stage_id, name) VALUES ('claim-report', 1, 'I report it')")
    with editing(path, qtbot) as (room, editor):
        moments = _tab(editor, "moments")
        moments.grid.setCurrentCell(0, 0)
        assert moments.links.title.text() == "This room has no silos to choose from yet: add them on the Silos tab."
        assert not moments.links.boxes


def test_an_artifacts_page_is_one_its_file_has_and_its_wall_opens_there(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        artifacts = _tab(editor, "artifacts")
        page = _cell(artifacts, "home-claim-form", "page")
        assert page.text() == "1"
        page.setText("12")
        assert artifacts.error.text() == "home-claim-form, page: The PDF has 8 pages, so page 12 cannot show."
        assert _cell(artifacts, "home-claim-form", "page").text() == "1"
        _cell(artifacts, "quote-error", "page").setText("2")
        assert artifacts.error.text() == ("quote-error, page: It is a picture, which has only one page, so page 2 "
                                          "cannot show.")
        _cell(artifacts, "home-claim-form", "page").setText("2.5")
        assert artifacts.error.text() == "home-claim-form, page: '2.5' is not a whole number."
        _cell(artifacts, "home-claim-form", "page").setText("0")
        assert artifacts.error.text() == "home-claim-form, page: A page is a whole number, counted from 1."
        _cell(artifacts, "home-claim-form", "page").setText("5")
        assert room.db.execute("SELECT page FROM artifacts WHERE key = 'home-claim-form'").fetchone() == (5,)
        assert editor.stack.count() == 1 and editor.stack.undoText() == \
            "Change the page of 'Home insurance claim form (8 pages)'"
        factory = WallFactory(room, PreparedImages())
        focus = factory.build("artifact:home-claim-form", (1920, 1080))
        assert (focus.page, focus.page_count) == (4, 8)  # the wall opens at page 5 of 8
        assert factory.build("artifact:home-claim-form:2", (1920, 1080)).page == 1  # a page chosen still wins
        claim = next(a for a in factory.stage_data(5).artifacts if a.key == "home-claim-form")
        assert claim.page == 5  # the stage wall's thumbnail shows that page too
        editor.stack.undo()
        assert room.db.execute("SELECT page FROM artifacts WHERE key = 'home-claim-form'").fetchone() == (1,)
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.stack.redo()
        assert _cell(_tab(editor, "artifacts"), "home-claim-form", "page").text() == "5"


def test_an_artifacts_task_is_timed_and_one_an_exercise_used_stays(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        artifacts = _tab(editor, "artifacts")
        _cell(artifacts, "quote-error", "task_text").setText("Get a quote for a flat in Leeds.")
        assert artifacts.error.text() == ("quote-error, task: Say first how long customers take (the “Customers take "
                                          "(s)” column): an exercise is timed against it.")
        _cell(artifacts, "quote-error", "task_customer_median_seconds").setText("-5")
        assert artifacts.error.text() == ("quote-error, customers take (s): The customers' time must be a positive "
                                          "number of seconds.")
        _cell(artifacts, "quote-error", "task_customer_median_seconds").setText("1,380")
        _cell(artifacts, "quote-error", "task_text").setText("Get a quote for a flat in Leeds.")
        _cell(artifacts, "quote-error", "task_done_when").setText("A price is on the screen.")
        assert room.db.execute("SELECT task_text, task_customer_median_seconds, task_done_when FROM artifacts "
                               "WHERE key = 'quote-error'").fetchone() == (
            "Get a quote for a flat in Leeds.", 1380, "A price is on the screen.")
        _cell(artifacts, "quote-error", "task_customer_median_seconds").setText("")
        assert artifacts.error.text().startswith("quote-error, customers take (s): While the artifact has a task,")
        _cell(artifacts, "home-claim-form", "task_text").setText("  ")
        assert artifacts.error.text() == ("home-claim-form, task: 'Home insurance claim form (8 pages)' has 1 exercise "
                                          "run in the room's sessions, so it keeps its task; change its words instead.")
        _cell(artifacts, "quote-error", "task_text").setText("")  # no exercise used it: the task goes
        assert room.db.execute("SELECT task_text FROM artifacts WHERE key = 'quote-error'").fetchone() == (None,)
        assert editor.stack.count() == 4 and editor.stack.undoText() == "Change the task of 'Quote error after 23 " \
                                                                        "minutes'"
        editor.stack.undo()
        assert room.db.execute("SELECT task_text FROM artifacts WHERE key = 'quote-error'").fetchone() == (
            "Get a quote for a flat in Leeds.",)
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.stack.setIndex(0)
        assert room.db.execute("SELECT task_text, task_customer_median_seconds FROM artifacts "
                               "WHERE key = 'quote-error'").fetchone() == (None, None)
        editor.stack.setIndex(4)
        assert room.db.execute("SELECT task_text FROM artifacts WHERE key = 'quote-error'").fetchone() == (None,)
