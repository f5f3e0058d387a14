"""The capture list corrected like a facilitator would: pick an item, Edit… or Withdraw, and see the change only
once it is saved. The last test feeds the bar's requests into the real storage."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from customer_room_desktop.storage.captures import (
    CaptureRefused, capture_commitment, capture_decision, edit_capture, list_captures, start_session,
    withdraw_capture,
)
from customer_room_desktop.storage.room_file import RoomFile
from customer_room_desktop.ui.console.capture_bar import UID_ROLE, CaptureBar


@pytest.fixture
def bar(qtbot):
    widget = CaptureBar()
    qtbot.addWidget(widget)
    widget.set_open(True)
    widget.resize(900, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def row_of(bar, uid):
    return next(bar.captured.item(n) for n in range(bar.captured.count()) if bar.captured.item(n).data(UID_ROLE) == uid)


def select(bar, uid):
    bar.captured.setCurrentItem(row_of(bar, uid))


def test_each_row_carries_its_uid_and_a_commitment_shows_its_owner_and_due_date_at_once(bar):
    bar.show_saved("decision", "Fund the pilot", "10:02", "I make a claim", uid="d-1")
    bar.begin("commitment")
    bar.owner.setText("Dana  Ruiz")
    bar.due.setDate(QDate(2027, 2, 1))
    bar.show_saved("commitment", "Fix the form", "10:03", "", "c-1")  # the owner and date come from the fields
    bar.show_saved("commitment", "Call the broker", "10:04", "", uid="c-2", owner="Ann Lee", due=date(2027, 3, 1))
    assert row_of(bar, "d-1").text() == "10:02  DECISION  Fund the pilot   · I make a claim"
    assert row_of(bar, "c-1").text() == "10:03  COMMITMENT  Fix the form — Dana Ruiz, due 2027-02-01"
    assert row_of(bar, "c-2").text() == "10:04  COMMITMENT  Call the broker — Ann Lee, due 2027-03-01"
    bar.show_saved("note", "Said before uids", "10:05", "")  # an old caller: listed, but cannot be corrected
    assert not bar.correctable("") and bar.context_menu(bar.captured.item(0)) is None


def test_edit_opens_a_line_with_the_text_and_enter_asks_to_save_it(bar, qtbot):
    bar.show_saved("decision", "Stop the glosy brochure", "10:02", "", uid="d-1")
    assert not bar.edit_button.isEnabled() and not bar.withdraw_button.isEnabled()
    select(bar, "d-1")
    assert bar.edit_button.isEnabled() and bar.withdraw_button.isEnabled()
    qtbot.mouseClick(bar.edit_button, Qt.MouseButton.LeftButton)
    assert bar.edit_row.isVisible() and bar.edit_field.text() == "Stop the glosy brochure"
    bar.edit_field.setText("Stop the glossy brochure")
    with qtbot.waitSignal(bar.edit_requested) as asked:
        qtbot.keyClick(bar.edit_field, Qt.Key.Key_Return)
    assert asked.args == ["d-1", "Stop the glossy brochure"]
    assert "glosy" in row_of(bar, "d-1").text()  # nothing changes until the caller has saved it
    bar.show_refused("A decision needs some text.")
    assert bar.edit_row.isVisible() and bar.edit_field.text() == "Stop the glossy brochure"
    bar.show_edited("d-1", "Stop the glossy brochure")
    assert row_of(bar, "d-1").text() == "10:02  DECISION  Stop the glossy brochure"
    assert not bar.edit_row.isVisible() and bar.status.text().startswith("✓ Corrected")


def test_escape_closes_the_edit_line_without_asking(bar, qtbot):
    bar.show_saved("note", "A note", "10:02", "", uid="n-1")
    bar.begin_edit("n-1")
    asked = []
    bar.edit_requested.connect(lambda *args: asked.append(args))
    qtbot.keyClick(bar.edit_field, Qt.Key.Key_Escape)
    assert not bar.edit_row.isVisible() and asked == []


def test_withdraw_from_the_context_menu_then_the_row_is_struck_through(bar, qtbot):
    bar.show_saved("commitment", "Fix the form", "10:03", "", uid="c-1", owner="Dana Ruiz", due="2027-02-01")
    menu = bar.context_menu(row_of(bar, "c-1"))
    assert [action.text() for action in menu.actions()] == ["Edit…", "Withdraw"]
    with qtbot.waitSignal(bar.withdraw_requested) as asked:
        menu.actions()[1].trigger()
    assert asked.args == ["c-1"]
    assert not row_of(bar, "c-1").font().strikeOut()  # not before it is saved
    bar.show_withdrawn("c-1")
    assert row_of(bar, "c-1").font().strikeOut() and bar.status.text().startswith("✓ Withdrawn")
    select(bar, "c-1")
    assert not bar.withdraw_button.isEnabled() and bar.context_menu(row_of(bar, "c-1")) is None


def test_history_lists_uids_and_shows_withdrawn_items_struck_through(bar):
    bar.show_history([("decision", "Old style", "09:00", ""),
                      ("decision", "Kept", "09:10", "", "d-1"),
                      ("commitment", "Fix the form", "09:20", "", "c-1", "Dana Ruiz", "2027-02-01"),
                      ("note", "Gone", "09:30", "", "n-1", "", "", True)])
    assert [bar.captured.item(n).data(UID_ROLE) for n in range(4)] == ["n-1", "c-1", "d-1", ""]
    assert row_of(bar, "c-1").text().endswith("Fix the form — Dana Ruiz, due 2027-02-01")
    assert row_of(bar, "n-1").font().strikeOut() and not row_of(bar, "d-1").font().strikeOut()
    assert bar.correctable("d-1") and not bar.correctable("n-1")


def test_a_closed_bar_offers_no_corrections(bar):
    bar.show_saved("decision", "Fund the pilot", "10:02", "", uid="d-1")
    bar.set_open(False, "The session is closed.")
    asked = []
    bar.withdraw_requested.connect(asked.append)
    bar.request_withdraw("d-1")
    bar.begin_edit("d-1")
    assert asked == [] and not bar.edit_row.isVisible() and bar.context_menu(row_of(bar, "d-1")) is None


def test_the_bar_corrects_a_real_room(bar, qtbot, sample_room_copy):
    """The bar's requests go to the storage; what is saved comes back to the bar, as the console will wire it."""
    with RoomFile.open(sample_room_copy) as room:
        session_id = room.db.execute("SELECT id FROM sessions WHERE key = '2026-12-monthly'").fetchone()[0]
        start_session(room, session_id)
        capture_decision(room, session_id, "Fund the pilto", uid="d-1")
        capture_commitment(room, session_id, "Fix the form", "Dana Ruiz", date(2099, 2, 1), uid="c-1")
        bar.show_history([(c.kind, c.text, c.at[11:16], "", c.uid, c.owner, c.due, c.withdrawn)
                          for c in list_captures(room, session_id)])

        def edit(uid, text):
            try:
                bar.show_edited(uid, edit_capture(room, uid, text).text)
            except CaptureRefused as refused:
                bar.show_refused(str(refused))

        bar.edit_requested.connect(edit)
        bar.withdraw_requested.connect(lambda uid: bar.show_withdrawn(withdraw_capture(room, uid).uid))
        bar.begin_edit("d-1")
        bar.edit_field.setText("   ")
        qtbot.keyClick(bar.edit_field, Qt.Key.Key_Return)
        assert bar.status.text() == "A decision needs some text." and bar.edit_row.isVisible()
        bar.edit_field.setText("Fund the pilot")
        qtbot.keyClick(bar.edit_field, Qt.Key.Key_Return)
        select(bar, "c-1")
        qtbot.mouseClick(bar.withdraw_button, Qt.MouseButton.LeftButton)
        assert [(c.uid, c.text) for c in list_captures(room, session_id)] == [("d-1", "Fund the pilot")]
        assert row_of(bar, "d-1").text().endswith("DECISION  Fund the pilot") and row_of(bar, "c-1").font().strikeOut()
