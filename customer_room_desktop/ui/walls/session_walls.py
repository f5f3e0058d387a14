"""Session walls: the live dot-vote tally and the celebration screen. The third session view,
the team board, lives in ``team_board_wall``.

The tally is read from five metres while leaders are still voting, so it shows little: who has
voted, and one long bar per candidate with its dot count in big numerals. The celebration is a
moment for the whole room; its confetti is placed by a fixed seed so every render is the same.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ...services.session_wall_data import CelebrationData, TallyData, TallyRow
from ...services.wall_data import Branding
from .wall_chrome import draw_header
from .data_wall import DataWall
from .wall_style import (
    RELIABILITY_COLOURS, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_chip, draw_text, fill_rounded,
    fit_wrapped_text,
)

__all__ = ["TallyWall", "CelebrationWall", "UNSELECTED_BAR"]

UNSELECTED_BAR = TEXT_FAINT  # candidates not (yet) chosen; chosen ones take the brand colour
CONFETTI_SEED = 20260525  # any fixed number: the same confetti on every render
CONFETTI_COLOURS = ("#FFC845", "#3DDC84", "#FF5C5C", "#4FC3F7", "#C792EA", "#FF9E64")


def _voting_line(data: TallyData) -> str:
    dots = f"{data.dots_per_leader} dot{'s' if data.dots_per_leader != 1 else ''} each"
    return f"{data.progress.line} · {dots}"


class TallyWall(DataWall):
    """Where the leaders' dots went: one bar per candidate priority, most dots first.

    ``row_boxes`` holds each drawn row's rectangle after a paint, top row first.
    """

    MIN_ROW = 64  # wall units: ten rows still fit under the header on any 16:9 wall

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.data: TallyData | None = None
        self.row_boxes: list[QRectF] = []

    show_tally = DataWall.show_data

    def reset_boxes(self) -> None:
        self.row_boxes = []

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data = self.data
        brand = QColor(self.branding.brand_colour)
        top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                          "DOT VOTE · CHOOSING THE CRITICAL FEW", "Where leaders put their dots", data.session_title)
        margin = scale(48)
        width = self.width() - 2 * margin
        draw_text(painter, QRectF(margin, top, width, scale(52)), _voting_line(data), scale.font(34, QFont.Weight.Bold),
                  brand)
        waiting = data.progress.waiting
        if waiting and data.progress.answered:  # who the room is waiting for, once the first have answered
            top += scale(52)
            draw_text(painter, QRectF(margin, top, width, scale(44)), "Not voted yet: " + ", ".join(waiting),
                      scale.font(28), TEXT_SOFT)
        area = QRectF(margin, top + scale(72), width, self.height() - top - scale(72) - scale(40))
        rows = sorted(data.rows, key=lambda row: -row.dots)
        if data.totals_hidden:
            self._paint_notice(painter, scale, area, "The totals stay hidden until the facilitator reveals them")
        elif sum(row.dots for row in rows) <= 0:
            self._paint_notice(painter, scale, area, "No dots yet: leaders vote on their phones or on the console")
        else:
            self._paint_rows(painter, scale, area, rows, brand)

    def _paint_notice(self, painter: QPainter, scale: WallScale, area: QRectF, text: str) -> None:
        box = area.adjusted(0, scale(40), 0, -scale(80))
        fill_rounded(painter, box, scale(20), SURFACE)
        fit_wrapped_text(painter, box.adjusted(scale(80), scale(40), -scale(80), -scale(40)), text, scale, 80, TEXT,
                         QFont.Weight.Bold, align=Qt.AlignmentFlag.AlignCenter)

    def _paint_rows(self, painter: QPainter, scale: WallScale, area: QRectF, rows: list[TallyRow],
                    brand: QColor) -> None:
        gap = scale(12)
        room_for = max(2, int((area.height() + gap) // (scale(self.MIN_ROW) + gap)))
        hidden = 0
        if len(rows) > room_for:  # keep the last line to say how many more are not shown
            hidden = len(rows) - (room_for - 1)
            rows = rows[: room_for - 1]
        lines = len(rows) + (1 if hidden else 0)
        height = min(scale(120), (area.height() - gap * (lines - 1)) / lines)
        units = height / scale.factor  # the row's height in wall units sets its type sizes
        most = max(row.dots for row in rows)
        numeral_font = scale.font(min(60, units * 0.62), QFont.Weight.Black)
        numeral_width = QFontMetricsF(numeral_font).horizontalAdvance(str(most)) + scale(24)
        chip_font = scale.font(24, QFont.Weight.Bold)
        chip_width = QFontMetricsF(chip_font).horizontalAdvance("SELECTED") + scale(36) + scale(24)
        if not any(row.selected for row in rows):
            chip_width = 0
        title_width = area.width() * 0.4
        bar_left = area.left() + title_width + scale(28)
        bar_room = area.right() - scale(20) - chip_width - numeral_width - bar_left
        for index, row in enumerate(rows):
            box = QRectF(area.left(), area.top() + index * (height + gap), area.width(), height)
            self.row_boxes.append(box)
            fill_rounded(painter, box, scale(10), SURFACE)
            colour = brand if row.selected else UNSELECTED_BAR
            if row.selected:
                painter.fillRect(QRectF(box.left(), box.top(), scale(10), box.height()), brand)
            title = QRectF(box.left() + scale(30), box.top() + scale(4), title_width - scale(30), height - scale(8))
            fit_wrapped_text(painter, title, row.title, scale, min(40, units * 0.4), TEXT)
            length = max(scale(8), bar_room * row.dots / most) if row.dots > 0 else 0
            bar = QRectF(bar_left, box.center().y() - height * 0.22, length, height * 0.44)
            if length:
                fill_rounded(painter, bar, min(bar.height() / 2, length / 2), colour)
            draw_text(painter, QRectF(bar_left + length + scale(16), box.top(), numeral_width, box.height()),
                      str(row.dots), numeral_font, TEXT, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if row.selected:
                chip_height = QFontMetricsF(chip_font).height() + scale(12)
                draw_chip(painter, box.right() - scale(20), box.center().y() - chip_height / 2, "SELECTED", chip_font,
                          brand, scale)
        if hidden:
            y = area.top() + len(rows) * (height + gap)
            draw_text(painter, QRectF(area.left() + scale(30), y, area.width(), height),
                      f"and {hidden} more {'candidate' if hidden == 1 else 'candidates'}",
                      scale.font(min(34, units * 0.4)), TEXT_SOFT,
                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class CelebrationWall(DataWall):
    """The room recognises a team: its name huge, the priority it carried and why it is thanked."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.data: CelebrationData | None = None

    show_celebration = DataWall.show_data

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        brand = QColor(self.branding.brand_colour)
        panel = QRectF(self.width() * 0.14, self.height() * 0.14, self.width() * 0.72, self.height() * 0.72)
        logo = QRectF()
        if not self._logo.isNull():
            logo_h = scale(64)
            logo_w = self._logo.width() * logo_h / max(1, self._logo.height())
            logo = QRectF(self.width() - scale(48) - logo_w, self.height() - scale(48) - logo_h, logo_w, logo_h)
        self._paint_confetti(painter, scale, (panel, logo), brand)
        painter.fillRect(QRectF(0, 0, self.width(), scale(14)), brand)
        painter.fillRect(QRectF(0, self.height() - scale(14), self.width(), scale(14)), brand)
        if not logo.isNull():
            painter.drawImage(logo, self._logo)
        fill_rounded(painter, panel, scale(28), SURFACE)
        inner = panel.adjusted(scale(64), scale(40), -scale(64), -scale(40))
        centre = Qt.AlignmentFlag.AlignHCenter
        draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(44)), "THE ROOM RECOGNISES",
                  scale.font(30, QFont.Weight.Bold), RELIABILITY_COLOURS["at risk"], centre | Qt.AlignmentFlag.AlignTop)
        well_done = draw_text(painter, QRectF(inner.left(), inner.top() + scale(56), inner.width(), scale(90)),
                              "Well done,", scale.font(72, QFont.Weight.Bold), TEXT, centre | Qt.AlignmentFlag.AlignTop)
        team = QRectF(inner.left(), well_done.bottom(), inner.width(), inner.height() * 0.34)
        fit_wrapped_text(painter, team, self.data.team, scale, 120, TEXT, QFont.Weight.Black,
                         align=centre | Qt.AlignmentFlag.AlignVCenter)
        priority = QRectF(inner.left(), team.bottom() + scale(12), inner.width(), scale(110))
        fit_wrapped_text(painter, priority, self.data.priority, scale, 44, brand, QFont.Weight.Bold,
                         align=centre | Qt.AlignmentFlag.AlignVCenter)
        citation = QRectF(inner.left(), priority.bottom() + scale(16), inner.width(),
                          inner.bottom() - priority.bottom() - scale(16))
        fit_wrapped_text(painter, citation, f"“{self.data.citation}”", scale, 36, TEXT_SOFT, italic=True,
                         align=centre | Qt.AlignmentFlag.AlignTop)

    def _paint_confetti(self, painter: QPainter, scale: WallScale, keep_clear: tuple[QRectF, ...],
                        brand: QColor) -> None:
        """Small tilted rectangles around the panel and the logo; positions are fractions of the
        wall, so a 4K wall shows the same pattern as a 1080p one."""
        rng = random.Random(CONFETTI_SEED)
        colours = [QColor(c) for c in CONFETTI_COLOURS] + [brand]
        margin = scale(28)
        clear = [rect.adjusted(-margin, -margin, margin, margin) for rect in keep_clear if not rect.isNull()]
        placed = 0
        while placed < 140:
            centre = QPointF(rng.random() * self.width(), rng.random() * self.height())
            width, height, angle = scale(rng.uniform(14, 30)), scale(rng.uniform(30, 56)), rng.uniform(0, 180)
            colour = rng.choice(colours)
            if any(rect.contains(centre) for rect in clear):
                continue
            placed += 1
            painter.save()
            painter.translate(centre)
            painter.rotate(angle)
            painter.fillRect(QRectF(-width / 2, -height / 2, width, height), colour)
            painter.restore()
