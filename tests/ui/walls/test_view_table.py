"""The one table of wall views: every entry has its widget, and every list of views is read from it."""

import importlib

from PySide6.QtWidgets import QComboBox

from customer_room_desktop.app.cli import build_parser
from customer_room_desktop.domain.wall_views import CHOOSABLE, VIEWS, ViewData, split_view, view_named
from customer_room_desktop.ui.console.wall_map import WallMap, WallStatus


def test_every_view_names_a_widget_that_exists():
    for view in VIEWS:
        module, _, name = view.widget.rpartition(".")
        assert hasattr(importlib.import_module(f"customer_room_desktop.ui.walls.{module}"), name), view.name


def test_render_help_and_the_console_drop_down_list_the_table(qtbot):
    render = next(a for a in build_parser()._subparsers._group_actions[0].choices["render"]._actions
                  if "--view" in a.option_strings)
    assert all(view.spec in render.help for view in VIEWS)
    wall_map = WallMap()
    qtbot.addWidget(wall_map)
    wall_map.show_walls([WallStatus("name:W1::", "W1", "1920x1080", "stage", True, number=1, shows="stage")])
    choice = wall_map.findChild(QComboBox)
    assert [choice.itemText(i) for i in range(choice.count())] == list(CHOOSABLE)
    assert {"persona", "exercise", "white"} <= set(CHOOSABLE) and "celebration" not in CHOOSABLE


def test_views_that_follow_the_stage_and_arguments():
    assert {v.name for v in VIEWS if v.follows_stage} == {"stage", "complaints", "tour", "artifact"}
    assert split_view("stage:3")[1] == "3" and view_named("call:burst-pipe@12").data is ViewData.CALL
