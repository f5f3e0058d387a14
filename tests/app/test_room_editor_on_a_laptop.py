"""The room editor on a laptop's screen (1366x768, less a task bar and a title bar): it needed 826 pixels
of height, for the stage's fields and its wall's 768x432 preview; those now scroll."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.app.test_room_editor import editing

LAPTOP = QSize(1366, 768 - 40 - 30)


def test_the_editor_fits_a_laptops_screen_and_the_stage_and_its_preview_scroll(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (_, editor):
        window = editor.window
        window.show()
        qtbot.waitExposed(window)
        for tab in range(window.tabs.count()):  # each grid filled, as once the user has opened each
            window.tabs.setCurrentIndex(tab)
        window.tabs.setCurrentIndex(0)
        needs = window.minimumSizeHint()
        assert needs.width() <= LAPTOP.width() and needs.height() <= LAPTOP.height(), \
            f"the editor needs {needs.width()}x{needs.height()}"
        window.resize(LAPTOP)
        qtbot.waitUntil(lambda: window.size() == LAPTOP)
        area = window.preview.parentWidget().parentWidget().parentWidget()
        assert isinstance(area, QScrollArea)
        QApplication.processEvents()
        assert area.verticalScrollBar().maximum() > 0, "the preview is reached by scrolling"
        area.ensureWidgetVisible(window.preview)
        QApplication.processEvents()
        corner = window.preview.mapTo(area.viewport(), window.preview.rect().bottomRight())
        assert area.viewport().rect().contains(corner), "scrolled down, the whole preview shows"


def test_the_editor_opens_within_the_screen(sample_room_copy, qtbot):
    with editing(sample_room_copy, qtbot) as (_, editor):
        screen = editor.window.screen().availableGeometry().size()
        assert editor.window.width() <= screen.width() and editor.window.height() <= screen.height() - 40
        assert editor.window.width() >= min(1200, screen.width())  # room for the list beside the preview
