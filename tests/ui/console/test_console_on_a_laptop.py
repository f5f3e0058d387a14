"""The console on a laptop's screen: at 1366x768 (or 1920x1080 at Windows' 125 %: 1536x864), and at 1280x720
(1920x1080 at 150 %, Windows' default on many 14-inch laptops), every part of it is on the screen and no button's
label is cut; on a wide screen the controls keep one line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QScrollArea, QWidget

from customer_room_desktop.app.paths import style_sheet
from customer_room_desktop.ui.console.console_window import ConsoleWindow
from customer_room_desktop.ui.console.flow_layout import FlowLayout
from customer_room_desktop.ui.console.panel_kit import ElidedLabel
from customer_room_desktop.ui.console.wall_map import WallStatus

STAGES = ["I look for cover", "I buy a policy", "I get started", "I change something", "I make a claim",
          "I need help", "I renew or leave"]
LAPTOP = QSize(1366, 768 - 40 - 30)  # less a task bar and the window's title bar
SMALL_LAPTOP = QSize(1280, 720 - 40 - 30)
WALLS = [WallStatus(f"wall-{n}", f"WALL{n}", "3840x2160", view, True, number=n, shows=view)
         for n, view in ((1, "stage"), (2, "complaints"), (3, "journey"))]


@pytest.fixture
def console(qtbot):
    window = ConsoleWindow("Harbourline", STAGES, style_sheet("console"))
    qtbot.addWidget(window)
    window.show_walls(WALLS)
    window.show_stage(1, STAGES[0], None, "2 · I buy a policy")
    window.show()
    qtbot.waitExposed(window)
    for tab in range(window.room_tabs.count()):  # every panel made, as once the facilitator has opened each
        window.room_tabs.setCurrentIndex(tab)
    window.room_tabs.setCurrentIndex(0)
    return window


def _settle(qtbot, window: QWidget, size: QSize) -> None:
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    QApplication.processEvents()


def _cut_or_off(window: QWidget, buttons: list[QAbstractButton]) -> list[str]:
    """The buttons shown whose label is cut or that lie outside the window, each with why."""
    area = QRect(0, 0, window.width(), window.height())
    wrong = []
    for button in buttons:
        if not button.isVisible():
            continue
        place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if button.width() < button.sizeHint().width() or button.height() < button.minimumSizeHint().height():
            wrong.append(f"“{button.text()}” is {button.width()}x{button.height()} px, its label needs "
                         f"{button.sizeHint().width()}x{button.minimumSizeHint().height()}")
        elif not area.contains(place):
            wrong.append(f"“{button.text()}” lies at {place.getRect()}, outside the console's {area.getRect()}")
    return wrong


@pytest.mark.parametrize("laptop", [LAPTOP, SMALL_LAPTOP], ids=["1366x768", "1280x720"])
def test_the_whole_console_fits_a_laptops_screen_with_every_tab_made(console, qtbot, laptop):
    _settle(qtbot, console, laptop)  # laid out that wide, the rows that wrap say how high they are
    needs = console.minimumSizeHint()
    assert needs.width() <= laptop.width() and needs.height() <= laptop.height(), \
        f"the console needs {needs.width()}x{needs.height()}, a laptop gives it {laptop.width()}x{laptop.height()}"


@pytest.mark.parametrize("laptop", [LAPTOP, SMALL_LAPTOP], ids=["1366x768", "1280x720"])
def test_on_a_laptop_no_button_of_the_console_is_cut_or_off_the_screen(console, qtbot, laptop):
    _settle(qtbot, console, laptop)
    room_buttons = [b for b in console.centralWidget().findChildren(QPushButton)
                    if b.window() is console and not b.parentWidget().objectName().startswith("qt_")]
    wrong = _cut_or_off(console, room_buttons)
    assert not wrong, wrong
    controls = [b for b in room_buttons if b.text() in ("◀ Previous", "Next ▶", "Black (B)", "Cycle walls")]
    assert len(controls) == 4 and len({b.y() for b in controls}) == 2, "the controls take two lines here"
    kinds = [b.text() for b in console.capture_bar.kind_buttons.buttons()]
    assert kinds == ["Decision", "Commitment", "Note"]  # their keys are in their tooltips
    assert [b.toolTip() for b in console.capture_bar.kind_buttons.buttons()] == ["Ctrl+D", "Ctrl+K", "Ctrl+N"]


def test_each_panel_scrolls_on_a_laptop_instead_of_pushing_the_console_off_the_screen(console, qtbot):
    _settle(qtbot, console, LAPTOP)
    for tab in range(console.room_tabs.count()):
        console.room_tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert console.size() == LAPTOP, f"opening {console.room_tabs.tabText(tab)!r} resized the console"
        buttons = [b for b in console.room_tabs.currentWidget().findChildren(QPushButton) if b.isVisible()]
        cut = [b.text() for b in buttons if b.width() < b.sizeHint().width()]
        assert not cut, f"on {console.room_tabs.tabText(tab)!r}, cut: {cut}"
        page = console.room_tabs.currentWidget()
        areas = [area for area in [page, *page.findChildren(QScrollArea)]
                 if isinstance(area, QScrollArea) and area.isVisible() and area.widget() is not None]
        sideways = [area.objectName() for area in areas if area.horizontalScrollBar().isVisible()]
        assert not sideways, f"{console.room_tabs.tabText(tab)!r} scrolls sideways on a laptop"
        cut = [area.objectName() for area in areas if area.widget().width() > area.viewport().width()]
        assert not cut, f"on {console.room_tabs.tabText(tab)!r} the right side is cut off: {cut}"
    walk = console.walk_panel
    console.room_tabs.setCurrentIndex(console.panels.index_of("walk"))
    QApplication.processEvents()
    assert walk.leaders.y() > walk.personas.y() + walk.personas.height(), \
        "on a laptop the exercise goes below the personas"


@pytest.mark.parametrize("laptop", [LAPTOP, SMALL_LAPTOP], ids=["1366x768", "1280x720"])
def test_the_capture_status_keeps_its_height_whatever_it_says(console, qtbot, laptop):
    _settle(qtbot, console, laptop)
    status = console.capture_bar.status
    heights, sizes = set(), []
    for text in ("✓ Saved at 10:42", "Ready: Ctrl+D, Ctrl+K or Ctrl+N, then type; Enter saves.",
                 "Start the session to capture."):
        status.setText(text)
        QApplication.processEvents()
        font = status.drawn_font()
        wrapped = status.alignment() | Qt.TextFlag.TextWordWrap
        needed = QFontMetrics(font).boundingRect(status.contentsRect(), wrapped, text)
        assert needed.height() <= status.height(), f"{text!r} needs {needed.height()} px of {status.height()}"
        sizes.append(QFontInfo(font).pixelSize() / QFontInfo(status.font()).pixelSize())
        heights.add((status.height(), console.capture_bar.text.y()))
    assert len(heights) == 1, "the field below moved with the status's text"
    assert min(sizes) >= 0.75, "drawn smaller than three quarters of its size"
    if laptop == LAPTOP:
        assert sizes == [1, 1, 1], "on a 1366-pixel laptop every status reads at its own size"


def test_on_a_wide_screen_the_controls_keep_one_line_and_the_keys_in_their_labels(console, qtbot):
    _settle(qtbot, console, QSize(1920, 1040))
    room_buttons = [b for b in console.centralWidget().findChildren(QPushButton) if b.isVisible()]
    controls = [b for b in room_buttons if b.text() in ("◀ Previous", "Next ▶", "Lay out walls (F5)",
                                                        "Identify screens", "Edit room…", "Black (B)", "Cycle walls")]
    assert len(controls) == 7 and len({b.y() for b in controls}) == 1
    assert [b.text() for b in console.capture_bar.kind_buttons.buttons()] == \
        ["Decision (Ctrl+D)", "Commitment (Ctrl+K)", "Note (Ctrl+N)"]
    walls = [frame for frame in console.map.findChildren(QWidget, "wall") if frame.isVisible()]
    assert len(walls) == 3 and len({frame.y() for frame in walls}) == 1, "three walls side by side"
    walk = console.walk_panel
    console.room_tabs.setCurrentIndex(console.panels.index_of("walk"))
    QApplication.processEvents()
    assert walk.personas.x() < walk.leaders.x(), "the exercise beside the personas"
    area = walk.findChild(QScrollArea)
    assert not area.verticalScrollBar().isVisible(), "on a wide screen the exercise panel does not scroll"
    assert not walk.start_button.visibleRegion().isEmpty()


def test_a_flow_keeps_the_order_wraps_where_an_item_would_not_fit_and_overlaps_nothing(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    labels = [QLabel(f"item {n}" * (n % 3 + 1)) for n in range(7)]
    for label in labels:
        flow.addWidget(label)
    one_line = flow.sizeHint().width()
    assert flow.heightForWidth(one_line) < flow.heightForWidth(one_line // 2) < flow.heightForWidth(1)
    holder.resize(one_line // 2, flow.heightForWidth(one_line // 2))
    holder.show()
    qtbot.waitExposed(holder)
    places = [label.geometry() for label in labels]
    reading_order = sorted(range(len(labels)), key=lambda n: (places[n].y(), places[n].x()))
    assert reading_order == list(range(len(labels)))
    assert len({place.y() for place in places}) > 1
    assert all(not a.intersects(b) for i, a in enumerate(places) for b in places[i + 1:])
    assert all(place.right() < holder.width() for place in places)


def test_after_a_crash_the_resume_banner_reads_whole_on_a_laptop_and_goes_back_to_its_slot(console, qtbot):
    _settle(qtbot, console, LAPTOP)
    next_button = next(b for b in console.findChildren(QPushButton) if b.text() == "Next ▶")
    before = next_button.mapTo(console, next_button.rect().topLeft())
    console.offer_resume("“December leadership room” was still running when the room last closed (last saved "
                         "at 14:32). Everything saved is kept.")
    text = console.banner_text
    qtbot.waitUntil(lambda: text.height() >= text.heightForWidth(text.width()))
    assert console.size() == LAPTOP
    assert not _cut_or_off(console, console.banner.findChildren(QPushButton))
    console.offer_resume("")
    qtbot.waitUntil(lambda: next_button.mapTo(console, next_button.rect().topLeft()) == before)


def test_a_long_stage_name_never_widens_the_console_and_reads_whole_in_the_journey(console, qtbot):
    long_name = "I compare quotes from three insurers and choose the cheapest one"
    wide = console.minimumSizeHint().width()
    console.show_stage(1, long_name, None, f"2 · {long_name}")
    console.preview_caption.setText(f"2 · {long_name}")
    QApplication.processEvents()
    assert console.minimumSizeHint().width() <= wide, "a stage's name made the console wider"
    _settle(qtbot, console, LAPTOP)
    assert console.now.text() == f"Stage 1 of 7 · {long_name}"  # cut only where it is drawn
    console.now.grab()  # drawn: the tooltip then holds the whole of what the line cuts
    assert console.now.toolTip() == console.now.text()


@pytest.mark.parametrize("laptop", [LAPTOP, SMALL_LAPTOP], ids=["1366x768", "1280x720"])
def test_in_a_conversation_the_clock_is_drawn_whole_on_one_line_smaller_and_the_console_fits(console, qtbot, laptop):
    _settle(qtbot, console, laptop)
    one_line = console.clock.height()
    console.show_clock("1:02:03", "04:05 / 12:00", "on time", "conversation 2: 17:10 / 25:00", "nearly over")
    QApplication.processEvents()
    needs = console.minimumSizeHint()
    assert needs.width() <= laptop.width() and needs.height() <= laptop.height(), \
        f"in a conversation the console needs {needs.width()}x{needs.height()}"
    assert console.size() == laptop
    clock = console.clock
    whole = clock.fontMetrics().horizontalAdvance(clock.text())
    assert whole > clock.width(), "the clock's line is wider than the middle column here"
    assert clock.height() == one_line
    picture = QImage(clock.size(), QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.black)
    clock.render(picture, renderFlags=QWidget.RenderFlag.DrawChildren)  # the text alone, on black
    inked = [x for x in range(picture.width())
             if any(picture.pixelColor(x, y).lightness() > 60 for y in range(picture.height()))]
    assert inked, "the clock drew nothing"
    assert inked[-1] < picture.width() - 2, "the clock's text runs into the edge: cut, not fitted"
    assert inked[-1] - inked[0] > 0.85 * clock.contentsRect().width(), "drawn smaller than it needs, or elided"


def test_a_label_too_narrow_for_its_line_ends_it_in_an_ellipsis_drawn_in_its_style_sheets_colour(qtbot):
    label = ElidedLabel("3  I make a claim, in a stage name far longer than the label")
    label.setStyleSheet("color: #ff2020; background: #000000;")
    qtbot.addWidget(label)
    label.resize(160, 40)
    label.show()
    qtbot.waitExposed(label)
    image = label.grab().toImage()
    red = sum(1 for x in range(image.width()) for y in range(image.height())
              if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 90)
    assert red > 40  # the text is drawn, in the sheet's colour
    assert label.toolTip() == label.text()  # cut on the console, whole in its tooltip
