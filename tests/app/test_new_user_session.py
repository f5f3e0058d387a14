"""A new user's first room, as the issue scripts it (tests/app/new_user_flow.py): a folder of files and a
complaints export become a 6-stage room with a persona and two KPIs, without a text file touched, and it
opens live."""

from __future__ import annotations

import pytest

from tests.app.new_user_flow import COMPLAINTS, run_new_user_session


@pytest.mark.slow
def test_a_new_user_makes_a_room_from_a_folder_and_a_spreadsheet_and_opens_it_live(tmp_path, qtbot):
    seen = run_new_user_session(tmp_path)
    assert seen["stages"] == ["Discover", "Compare", "Buy", "Get started", "Claim", "Renew"]
    assert seen["dry_run"] == f"{COMPLAINTS:,} complaint rows will be imported."
    assert seen["complaints"] == COMPLAINTS
    assert seen["kpis"] == [("Days to settle a claim", "days", "lower", 10.0, 20.0, 30.0),
                            ("Claims reported online", "%", "higher", 60.0, 40.0, 30.0)]
    assert seen["refusals"] == ""  # filled in the order a user would, nothing was refused
    assert seen["undo_steps"] == 19  # the import, and each cell and each added row, are steps of their own
    assert seen["live_stage"] == "Claim" and seen["stage_complaints"] > 0
