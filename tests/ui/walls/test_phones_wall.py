"""The phones wall read from five metres on a 1080p and a 4K wall: "SCAN TO VOTE", the leaders' code at least 40 % of
the wall's height with every module the same whole number of pixels, black on white with its quiet zone, the link
under it and the vote's progress line; one sentence instead when there is no code. Render draws it without a
server (the phones are off)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from customer_room_desktop.app.cli import main
from customer_room_desktop.domain.legibility import Tier
from customer_room_desktop.services.phone_codes import qr_png
from customer_room_desktop.services.phones_wall_data import (
    PHONES_OFF, NoPhones, PhonesWallData, phones_wall_data)
from customer_room_desktop.ui.walls.phones_wall import HEADING, QUIET_ZONE, PhonesWall, qr_modules
from tests.ui.walls.text_recorder import texts_drawn

SIZES = ((1920, 1080), (3840, 2160))
LINK = "http://192.168.178.154:47321/#t=" + "9f3a" * 8  # a long address and a 128-bit token


def _on() -> PhonesWallData:
    return phones_wall_data(True, LINK, qr_png(LINK), "3 of 9 have voted")


class _PhonesShowing(NoPhones):
    """Phones whose wall shows ``data``."""

    def __init__(self, data: PhonesWallData):
        self.data = data

    def wall_data(self) -> PhonesWallData:
        return self.data


def _painted(factory, data: PhonesWallData, size: tuple[int, int]) -> tuple[PhonesWall, QImage]:
    factory.phones = _PhonesShowing(data)
    try:
        wall = factory.build("phones", size)
    finally:
        factory.phones = NoPhones()  # back to what render draws: the phones off
    wall.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    wall.resize(*size)
    wall.show()
    QApplication.processEvents()
    return wall, wall.grab().toImage()


@pytest.mark.parametrize("size", SIZES)
def test_the_code_is_large_sharp_black_on_white_with_its_quiet_zone(qtbot, factory, size):
    wall, image = _painted(factory, _on(), size)
    qtbot.addWidget(wall)
    box, pixels = wall.code_box, wall.module_pixels
    modules = qr_modules(QImage.fromData(wall.data.qr_png))
    assert box.height() >= 0.4 * size[1] and box.width() == box.height() == modules.width() * pixels
    assert pixels >= 2 and box.bottom() < size[1]
    colours = {image.pixel(x, y) & 0xFFFFFF for x in range(box.left(), box.right() + 1, 3)
               for y in range(box.top(), box.bottom() + 1, 3)}
    assert colours == {0x000000, 0xFFFFFF}  # only black and white: no smoothing at the modules' edges
    for n in range(modules.width()):  # every module a square of one colour, as the code says
        x, y = box.left() + n * pixels, box.top() + ((n * 7) % modules.width()) * pixels
        corners = {image.pixel(x + dx, y + dy) & 0xFFFFFF for dx in (0, pixels - 1) for dy in (0, pixels - 1)}
        assert corners == {modules.pixel(n, (n * 7) % modules.width()) & 0xFFFFFF}
    quiet = QUIET_ZONE * pixels
    border = {image.pixel(box.left() + i, box.top() + j) & 0xFFFFFF for i in range(0, box.width(), 5)
              for j in range(quiet)}
    assert border == {0xFFFFFF}  # the quiet zone is white


@pytest.mark.parametrize("size", SIZES)
def test_the_heading_and_progress_read_from_the_seats_and_the_link_up_close(qtbot, factory, size):
    wall, _ = _painted(factory, _on(), size)
    qtbot.addWidget(wall)
    drawn = {text.text.strip(): text for text in texts_drawn(wall, size)}
    assert set(drawn) == {HEADING, LINK, "3 of 9 have voted"}  # the link whole, never shortened
    for text in (HEADING, "3 of 9 have voted"):
        assert drawn[text].x_height >= Tier.ROOM.x_height(size[1]) - 1e-6
    assert drawn[LINK].x_height >= Tier.WALK_UP.x_height(size[1]) - 1e-6
    assert not any(text.cut_off for text in drawn.values())
    code = wall.code_box
    assert drawn[HEADING].box.bottom() <= code.top() and drawn[LINK].box.top() >= code.bottom()
    assert drawn["3 of 9 have voted"].box.top() >= drawn[LINK].box.bottom()


@pytest.mark.parametrize("size", SIZES)
def test_with_no_code_one_sentence_reads_from_the_seats(qtbot, factory, size):
    wall, _ = _painted(factory, PhonesWallData(notice=PHONES_OFF), size)
    qtbot.addWidget(wall)
    texts = texts_drawn(wall, size)
    sentence = " ".join(t.text.strip() for t in texts[1:])
    assert sentence == PHONES_OFF and wall.code_box.isNull()
    assert all(t.x_height >= Tier.ROOM.x_height(size[1]) - 1e-6 and not t.cut_off for t in texts)


def test_render_draws_the_phones_off_without_a_server(qtbot, factory, sample_room, tmp_path):
    wall = factory.build("phones", (1920, 1080))
    qtbot.addWidget(wall)
    assert wall.data == PhonesWallData(notice=PHONES_OFF)
    output = tmp_path / "phones.png"
    assert main(["render", str(sample_room), "--view", "phones", "--size", "3840x2160", "-o", str(output)]) == 0
    image = QImage(str(output))
    assert (image.width(), image.height()) == (3840, 2160)


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbarimg (Debian package zbar-tools)")
@pytest.mark.parametrize("size", SIZES)
def test_a_scanner_reads_the_leaders_link_off_the_wall(qtbot, factory, size, tmp_path):
    wall, image = _painted(factory, _on(), size)
    qtbot.addWidget(wall)
    shot = tmp_path / "wall.png"
    image.save(str(shot))
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True, timeout=60)
    assert scanned.stdout.strip() == LINK
