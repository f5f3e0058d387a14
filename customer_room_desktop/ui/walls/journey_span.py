"""The journey span: stages along the walls, each with its overall reliability."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ...services.painting import painting
from ...services.wall_data import Branding, JourneySpanData, JourneyStage
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, TREND_MARKS, WallScale, draw_fitted_text, draw_text,
    fill_rounded, fitted_font, logo_image, reliability_colour,
)


class JourneySpan(QWidget):
    """Shows a slice of the journey: stages ``first``..``last`` (1-based) of ``data``.

    One wall may carry the whole journey; across three walls each shows its third, so the
    journey reads left to right around the room.
    """

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.data: JourneySpanData | None = None
        self.stages: tuple[JourneyStage, ...] = ()
        self._logo = logo_image(branding.logo)

    def show_journey(self, data: JourneySpanData, first: int = 1, last: int | None = None) -> None:
        self.data = data
        last = last or len(data.stages)
        self.stages = tuple(s for s in data.stages if first <= s.position <= last)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), BACKGROUND)
            if self.data is None or not self.stages:
                return
            scale = WallScale(self.height())
            span = f"stages {self.stages[0].position}–{self.stages[-1].position} of {len(self.data.stages)}"
            top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                              "THE CUSTOMER'S JOURNEY · " + span, self.branding.room_name,
                              "Walk it as the customer lives it, stage by stage.")
            margin, gap = scale(48), scale(22)
            count = len(self.stages)
            width = (self.width() - 2 * margin - gap * (count - 1)) / count
            bottom = self.height() - scale(90)
            for index, stage in enumerate(self.stages):
                column = QRectF(margin + index * (width + gap), top, width, bottom - top)
                more = index < count - 1 or stage.position < len(self.data.stages)
                self._paint_stage(painter, scale, column, stage, more)
            draw_text(painter, QRectF(margin, bottom + scale(24), self.width() - 2 * margin, scale(40)),
                      f"Complaints {self.data.period_label}, against the three months before · reliability of the "
                      "worst moment of truth", scale.font(22), TEXT_FAINT)

    def _paint_stage(self, painter: QPainter, scale: WallScale, column: QRectF, stage: JourneyStage,
                     arrow: bool) -> None:
        colour = reliability_colour(stage.reliability)
        fill_rounded(painter, column, scale(14), SURFACE)
        painter.fillRect(QRectF(column.left(), column.top(), column.width(), scale(16)), colour)
        inner = column.adjusted(scale(26), scale(36), -scale(26), -scale(24))
        number = draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(110)), str(stage.position),
                           scale.font(96, QFont.Weight.Black), QColor(self.branding.brand_colour))
        name_rect = QRectF(inner.left(), number.bottom() + scale(6), inner.width(), scale(130))
        draw_fitted_text(painter, name_rect, stage.name, scale, 44, TEXT)
        goal_rect = QRectF(inner.left(), name_rect.bottom() + scale(10), inner.width(), scale(150))
        draw_fitted_text(painter, goal_rect, f"“{stage.goal}”", scale, 28, TEXT_SOFT, italic=True)
        y = inner.bottom() - scale(230)
        chip = QRectF(inner.left(), y - scale(30), inner.width(), scale(64))
        fill_rounded(painter, chip, scale(32), colour)
        label = stage.reliability.upper()
        draw_text(painter, chip, label, fitted_font(scale, label, chip.width() - scale(20), 28, QFont.Weight.Bold),
                  BACKGROUND, Qt.AlignmentFlag.AlignCenter)
        if stage.unreliable_moments:
            moments = "moment" if stage.unreliable_moments == 1 else "moments"
            text = f"{stage.unreliable_moments} {moments} failing"
            draw_text(painter, QRectF(inner.left(), chip.bottom() + scale(4), inner.width(), scale(34)), text,
                      fitted_font(scale, text, inner.width(), 24), colour,
                      Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        mark, mark_colour = TREND_MARKS.get(stage.trend, TREND_MARKS["no data"])
        count_rect = QRectF(inner.left(), y + scale(90), inner.width(), scale(80))
        used = draw_text(painter, count_rect, f"{stage.complaints:,}", scale.font(64, QFont.Weight.Bold), TEXT)
        draw_text(painter, QRectF(used.right() + scale(14), count_rect.top() + scale(14), scale(60), scale(60)), mark,
                  scale.font(44), mark_colour)
        draw_text(painter, QRectF(inner.left(), count_rect.bottom(), inner.width(), scale(36)), "complaints",
                  scale.font(26), TEXT_SOFT)
