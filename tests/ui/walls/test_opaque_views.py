"""Every wall view paints all of itself: a wall's window is not filled behind its view first (at 4K
that fill cost the cold start about 15 ms a wall), so a view that left pixels unpainted would show
whatever the window held before."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QWidget

from customer_room_desktop.domain.wall_views import VIEWS, view_named
from customer_room_desktop.ui.walls.wall_window import WallWindow

MAGENTA = 0xFF00FF


def _unpainted(widget: QWidget) -> int:
    image = QImage(widget.size(), QImage.Format.Format_RGB32)
    image.fill(MAGENTA)
    widget.render(image, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)  # no window background
    pixels = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return int(((pixels[:, :image.width()] & 0xFFFFFF) == MAGENTA).sum())


@pytest.mark.parametrize("view", [view.name for view in VIEWS])
def test_every_view_a_wall_holds_paints_all_of_itself_even_before_its_data(qtbot, factory, view):
    wall = WallWindow(factory.branding, "test")
    qtbot.addWidget(wall)
    widget = wall.view_widget(view_named(view))
    wall.setCurrentWidget(widget)
    wall.resize(640, 360)
    wall.show()  # laid out in its wall, at the wall's size
    qtbot.waitExposed(wall)
    assert widget.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    assert _unpainted(widget) == 0


@pytest.mark.parametrize("view", ["stage:2", "complaints:3", "journey", "logo", "white", "blackout"])
def test_every_view_paints_all_of_itself_with_its_data(qtbot, factory, view):
    widget = factory.build(view, (960, 540))
    qtbot.addWidget(widget)
    widget.resize(960, 540)
    assert _unpainted(widget) == 0
