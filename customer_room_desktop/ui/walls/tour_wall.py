"""The kiosk's self-guided tour: one stage at a time, its narration to read, its calls to touch, and
Back and Next for a visitor without a keyboard.

Where the buttons are is one function, ``tour_targets``, which both the painting and the kiosk's touch
handling use, so a touch lands on what the visitor sees.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from ...domain.legibility import Tier
from ...domain.pace import clock_text
from ...services.tour_data import MAX_TOUR_CALLS, TourCall, TourData
from .data_wall import DataWall
from .room_text import draw_room_text, room_line_font
from .wall_style import (
    SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_fitted_text, draw_text, fill_rounded,
)

CENTRE = Qt.AlignmentFlag.AlignCenter
_LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
HINT = "Arrow keys or a clicker also move the tour."


def _margin(scale: WallScale) -> float:
    return scale(72)


def tour_targets(width: int, height: int, data: TourData) -> dict[str, QRectF]:
    """What a touch can hit, in the wall's pixels: "back", "next", and "call:KEY" for each call shown."""
    scale = WallScale(height)
    margin = _margin(scale)
    nav_top, nav_height = height - scale(178), scale(130)
    targets = {"back": QRectF(margin, nav_top, scale(420), nav_height),
               "next": QRectF(width - margin - scale(420), nav_top, scale(420), nav_height)}
    gap = scale(36)
    slot = (width - 2 * margin - (MAX_TOUR_CALLS - 1) * gap) / MAX_TOUR_CALLS
    for index, call in enumerate(data.calls):
        targets[f"call:{call.key}"] = QRectF(margin + index * (slot + gap), height - scale(400), slot, scale(190))
    return targets


class TourWall(DataWall):
    """A tour page: where the visitor is in the journey, the stage in the customer's words, the narration."""

    def show_tour(self, data: TourData) -> None:
        self.show_data(data)

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data: TourData = self.data
        brand = QColor(self.branding.brand_colour)
        width, margin = self.width(), _margin(scale)
        inner = width - 2 * margin
        painter.fillRect(QRectF(0, 0, width, scale(10)), brand)
        draw_text(painter, QRectF(margin, scale(40), inner, scale(50)),
                  f"SELF-GUIDED TOUR · STAGE {data.position} OF {data.stage_count}",
                  scale.font(30, QFont.Weight.Bold), brand)
        title = QRectF(margin, scale(92), inner, scale(120))
        draw_text(painter, title, data.name, room_line_font(scale, data.name, inner, 96, QFont.Weight.Bold), TEXT,
                  _LEFT_MIDDLE)
        if data.goal:
            draw_text(painter, QRectF(margin, scale(214), inner, scale(56)), f"“{data.goal}”",
                      scale.font(40, italic=True), TEXT_SOFT)
        targets = tour_targets(self.width(), self.height(), data)
        calls_top = self.height() - scale(400)
        narration = QRectF(margin, scale(300), inner, calls_top - scale(36) - scale(300))
        draw_room_text(painter, scale, narration, data.narration or "This stage has no narration yet.", 66, TEXT)
        for call in data.calls:
            self._draw_call(painter, scale, targets[f"call:{call.key}"], call, brand)
        if not data.calls:
            draw_text(painter, QRectF(margin, calls_top, inner, scale(190)), "No recorded calls at this stage.",
                      scale.font(36), TEXT_FAINT, _LEFT_MIDDLE)
        elif data.more_calls:
            last = targets[f"call:{data.calls[-1].key}"]
            draw_text(painter, QRectF(last.right() + scale(36), calls_top, width - margin - last.right(), scale(190)),
                      f"+{data.more_calls} more", scale.font(36), TEXT_FAINT, _LEFT_MIDDLE)
        self._draw_navigation(painter, scale, targets, data, brand)

    def _draw_call(self, painter: QPainter, scale: WallScale, box: QRectF, call: TourCall, brand: QColor) -> None:
        fill_rounded(painter, box, scale(24), SURFACE_HIGH)
        painter.fillRect(QRectF(box.left(), box.top() + scale(24), scale(10), box.height() - scale(48)), brand)
        text = box.adjusted(scale(40), scale(20), -scale(28), -scale(20))
        draw_text(painter, QRectF(text.left(), text.top(), text.width(), scale(48)),
                  f"▶  {clock_text(call.seconds) if call.seconds else ''}" if call.playable else "Transcript only",
                  scale.font(34, QFont.Weight.Bold), brand)
        draw_fitted_text(painter, QRectF(text.left(), text.top() + scale(56), text.width(),
                                         text.height() - scale(56)), call.title, scale, 32, TEXT)

    def _draw_navigation(self, painter: QPainter, scale: WallScale, targets: dict[str, QRectF], data: TourData,
                         brand: QColor) -> None:
        first, last = data.position == 1, data.position == data.stage_count
        for name, label, dim in (("back", "◀  Back", first), ("next", "Next  ▶", last)):
            box = targets[name]
            fill_rounded(painter, box, box.height() / 2, SURFACE if dim else brand)
            draw_text(painter, box, label, scale.font(48, QFont.Weight.Bold, tier=Tier.ROOM),
                      TEXT_FAINT if dim else QColor("#0B0F14"), CENTRE)
        back, following = targets["back"], targets["next"]
        middle = QRectF(back.right() + scale(40), back.top(), following.left() - back.right() - scale(80),
                        back.height())
        dot, gap = scale(26), scale(22)
        row = data.stage_count * dot + (data.stage_count - 1) * gap
        if row <= middle.width():
            left = middle.center().x() - row / 2
            for number in range(1, data.stage_count + 1):
                colour = brand if number == data.position else SURFACE_HIGH
                fill_rounded(painter, QRectF(left + (number - 1) * (dot + gap), middle.top() + scale(18), dot, dot),
                             dot / 2, colour)
        draw_text(painter, QRectF(middle.left(), middle.top() + scale(60), middle.width(), scale(56)), HINT,
                  scale.font(28), TEXT_FAINT, CENTRE)
