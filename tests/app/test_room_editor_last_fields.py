"""The room editor's last fields, on a copy of the sample room: the moment of truth an artifact or a call
belongs to (chosen in the cell among its stage's moments), a call's recorded date, and a task's give-up share
and common wrong answer. Each change is one step of undo that survives reopening, and each refusal one
sentence under the grid naming the row and the field, with the rule `build` applies."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox

from tests.app.test_room_editor import _tab, editing
from tests.app.test_room_editor_calls import _choose


def _cell(grid, key: str, column: str):
    return grid.grid.item(grid.row_of(key), list(grid.columns).index(column))


def _moment(room, table: str, key: str) -> str | None:
    row = room.db.execute(f"SELECT m.key FROM {table} t LEFT JOIN moments m ON m.id = t.moment_id WHERE t.key = ?",
                          (key,)).fetchone()
    return row[0]


def _offered(grid, key: str, column: str) -> list[str]:
    """The keys the cell's list offers, opened as a user would."""
    index = grid.grid.model().index(grid.row_of(key), list(grid.columns).index(column))
    grid.grid.setCurrentIndex(index)
    grid.grid.edit(index)
    combo = grid.grid.indexWidget(index)
    assert isinstance(combo, QComboBox)
    offered = [combo.itemData(i) for i in range(combo.count())]
    grid.grid.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)  # nothing chosen
    return offered


def test_an_artifacts_moment_is_chosen_among_its_stages_moments(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        artifacts = _tab(editor, "artifacts")
        assert _cell(artifacts, "home-claim-form", "moment").text() == "I report what happened"
        assert _offered(artifacts, "home-claim-form", "moment") == ["", "claim-report", "claim-assessor",
                                                                     "claim-settlement"]
        _choose(artifacts, "home-claim-form", "moment", "claim-assessor")
        assert _moment(room, "artifacts", "home-claim-form") == "claim-assessor"
        assert _cell(artifacts, "home-claim-form", "moment").text() == "The assessor visits"
        assert editor.stack.undoText() == "Change the moment of truth of 'Home insurance claim form (8 pages)'"
        editor.edit_row_field("artifacts", "home-claim-form", "moment", "find-quote")  # another stage's
        assert artifacts.error.text() == ("home-claim-form, moment of truth: 'I get a quote online' is a moment of "
                                          "another stage; choose one of the moments of 'I make a claim'.")
        assert _moment(room, "artifacts", "home-claim-form") == "claim-assessor"
        _choose(artifacts, "cover-leaflet", "moment", "")
        assert _moment(room, "artifacts", "cover-leaflet") is None
        assert _cell(artifacts, "cover-leaflet", "moment").text() == "No moment of truth"
        assert editor.stack.count() == 2
        editor.stack.undo()
        assert _moment(room, "artifacts", "cover-leaflet") == "find-compare"
    with editing(sample_room_copy, qtbot) as (room, editor):  # closed and opened again
        assert editor.stack.index() == 1
        editor.stack.redo()
        assert _moment(room, "artifacts", "cover-leaflet") is None
        editor.stack.setIndex(0)
        assert _moment(room, "artifacts", "home-claim-form") == "claim-report"
        assert _cell(_tab(editor, "artifacts"), "home-claim-form", "moment").text() == "I report what happened"


def test_a_calls_moment_is_chosen_among_its_stages_moments(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        calls = _tab(editor, "calls")
        assert _offered(calls, "loyalty-price", "moment") == ["", "renew-notice", "renew-price", "renew-cancel"]
        _choose(calls, "loyalty-price", "moment", "renew-cancel")
        assert _moment(room, "calls", "loyalty-price") == "renew-cancel"
        assert editor.stack.undoText().startswith("Change the moment of truth of '")
        editor.edit_row_field("calls", "loyalty-price", "moment", "gone")
        assert calls.error.text() == ("loyalty-price, moment of truth: This room no longer has the moment of truth "
                                      "'gone'; choose one of the stage's moments.")
        editor.stack.undo()
        assert _moment(room, "calls", "loyalty-price") == "renew-price"
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.stack.redo()
        assert _moment(room, "calls", "loyalty-price") == "renew-cancel"
        assert _cell(_tab(editor, "calls"), "loyalty-price", "moment").text() == "I cancel my policy"


def _recorded(room, key: str) -> str | None:
    return room.db.execute("SELECT recorded_on FROM calls WHERE key = ?", (key,)).fetchone()[0]


def test_a_calls_recorded_date_is_a_real_day_not_after_today(sample_room_copy, qtbot):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    with editing(sample_room_copy, qtbot) as (room, editor):
        calls = _tab(editor, "calls")
        assert _cell(calls, "burst-pipe", "recorded_on").text() == "2026-03-14"
        _cell(calls, "burst-pipe", "recorded_on").setText("2026-02-30")
        assert calls.error.text() == ("burst-pipe, recorded on: '2026-02-30' is not a date: write the "
                                      "day the call was recorded as YYYY-MM-DD, such as 2026-03-14.")
        assert _cell(calls, "burst-pipe", "recorded_on").text() == "2026-03-14"  # what the room still holds
        _cell(calls, "burst-pipe", "recorded_on").setText("14/03/2026")
        assert "'14/03/2026' is not a date" in calls.error.text()
        _cell(calls, "burst-pipe", "recorded_on").setText(tomorrow)
        assert calls.error.text() == (f"burst-pipe, recorded on: {tomorrow} is after today, so no call "
                                      "can have been recorded on it yet.")
        assert _recorded(room, "burst-pipe") == "2026-03-14" and editor.stack.count() == 0
        _cell(calls, "burst-pipe", "recorded_on").setText(" 2026-03-15 ")
        assert _recorded(room, "burst-pipe") == "2026-03-15"
        title = room.db.execute("SELECT title FROM calls WHERE key = 'burst-pipe'").fetchone()[0]
        assert editor.stack.undoText() == f"Change the recorded date of '{title}'"
        _cell(calls, "burst-pipe", "recorded_on").setText("")
        assert _recorded(room, "burst-pipe") is None
        editor.stack.undo()
        assert _recorded(room, "burst-pipe") == "2026-03-15"
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.stack.redo()
        assert _recorded(room, "burst-pipe") is None
        editor.stack.setIndex(0)
        assert _cell(_tab(editor, "calls"), "burst-pipe", "recorded_on").text() == "2026-03-14"


def _task_details(room, key: str) -> tuple:
    return room.db.execute("SELECT task_customer_give_up_percent, task_common_wrong_answer FROM artifacts "
                           "WHERE key = ?", (key,)).fetchone()


def test_a_tasks_give_up_share_and_common_wrong_answer(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (room, editor):
        artifacts = _tab(editor, "artifacts")
        assert _cell(artifacts, "home-claim-form", "task_customer_give_up_percent").text() == "31"
        _cell(artifacts, "home-claim-form", "task_customer_give_up_percent").setText("150")
        assert artifacts.error.text() == ("home-claim-form, give up (%): The give-up share must be between 0 and 100 "
                                          "per cent, not 150.")
        _cell(artifacts, "home-claim-form", "task_customer_give_up_percent").setText("a third")
        assert artifacts.error.text() == "home-claim-form, give up (%): 'a third' is not a number."
        assert _cell(artifacts, "home-claim-form", "task_customer_give_up_percent").text() == "31"
        _cell(artifacts, "home-claim-form", "task_customer_give_up_percent").setText("42.5")
        _cell(artifacts, "home-claim-form", "task_common_wrong_answer").setText("Section D, for theft.")
        assert _task_details(room, "home-claim-form") == (42.5, "Section D, for theft.")
        assert editor.stack.undoText() == "Change the common wrong answer of 'Home insurance claim form (8 pages)'"
        _cell(artifacts, "quote-error", "task_common_wrong_answer").setText("The old price.")  # it has no task
        assert artifacts.error.text() == ("quote-error, wrong answer: Give 'Quote error after 23 minutes' a "
                                          "task first (the “Task” column): this belongs to it.")
        _cell(artifacts, "quote-error", "task_customer_give_up_percent").setText("10")
        assert artifacts.error.text().startswith("quote-error, give up (%): Give 'Quote error after 23 minutes' a")
        assert _task_details(room, "quote-error") == (None, "")
        _cell(artifacts, "home-claim-form", "task_customer_give_up_percent").setText("")  # not known
        assert _task_details(room, "home-claim-form") == (None, "Section D, for theft.")
        assert editor.stack.count() == 3
        editor.stack.undo()
        assert _task_details(room, "home-claim-form") == (42.5, "Section D, for theft.")
    with editing(sample_room_copy, qtbot) as (room, editor):
        editor.stack.redo()
        assert _task_details(room, "home-claim-form") == (None, "Section D, for theft.")
        editor.stack.setIndex(0)
        assert _task_details(room, "home-claim-form")[0] == 31.0
        assert _cell(_tab(editor, "artifacts"), "home-claim-form", "task_customer_give_up_percent").text() == "31"
