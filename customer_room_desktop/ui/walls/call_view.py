"""A recorded call on a wall: who is speaking, where in the journey, and the words as they are said."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

from ...domain.captions import caption_index
from ...domain.pace import clock_text
from ...services.wall_data import Branding, CallViewData
from .data_wall import DataWall
from .wall_chrome import draw_header
from .wall_style import (
    SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_fitted_text, draw_text,
    fill_rounded, reliability_colour,
)


class CallView(DataWall):
    """Show a call with ``show_call``; move it on with ``set_position`` as the player reports."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.data: CallViewData | None = None
        self.position_ms = 0
        self.notice = ""
        self.caption = None  # index of the line shown big
        self.frame = QImage()  # the latest video picture (video interviews)

    def show_call(self, data: CallViewData, position_ms: int = 0, notice: str = "") -> None:
        if self.data is None or self.data.key != data.key:
            self.frame = QImage()
        self.data, self.notice = data, notice
        self.set_position(position_ms, force=True)

    def set_position(self, position_ms: int, force: bool = False) -> None:
        """Repaint only when something a viewer can see changes: the line, or the second shown."""
        if self.data is None:
            return
        position_ms = max(0, position_ms)  # times are 64-bit and never before the start
        index = caption_index(self.data.segments, position_ms)
        visible_change = index != self.caption or position_ms // 1000 != self.position_ms // 1000
        self.position_ms, self.caption = position_ms, index
        if visible_change or force:
            self.update()

    def set_frame(self, frame: QImage) -> None:
        """A new picture from a video interview."""
        self.frame = frame
        self.update()

    def set_notice(self, notice: str) -> None:
        self.notice = notice
        self.update()

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data = self.data
        where = " · ".join(part for part in (data.stage_name, data.moment_name) if part)
        who = f"{data.persona_name.upper()} · " if data.persona_name else ""
        kind = "A VIDEO INTERVIEW" if data.kind == "video" else "A RECORDED CALL"
        draw_header(painter, self.width(), scale, self.branding, self._logo, f"{who}{kind}", data.title, where)
        margin = scale(48)
        if data.kind == "video":  # the picture fills the view; the words run under it
            self._paint_video(painter, QRectF(margin, scale(200), self.width() - 2 * margin,
                                              self.height() - scale(620)))
            self._paint_captions(painter, scale, QRectF(margin, self.height() - scale(420),
                                                        self.width() - 2 * margin, scale(200)), compact=True)
        else:
            self._paint_captions(painter, scale, QRectF(margin, scale(230), self.width() - 2 * margin,
                                                        self.height() - scale(470)))
        self._paint_progress(painter, scale, QRectF(margin, self.height() - scale(210), self.width() - 2 * margin,
                                                    scale(150)))

    def _paint_video(self, painter: QPainter, area: QRectF) -> None:
        painter.fillRect(area, QColor("black"))
        if self.frame.isNull():
            return
        fit = min(area.width() / self.frame.width(), area.height() / self.frame.height())
        target = QRectF(0, 0, self.frame.width() * fit, self.frame.height() * fit)
        target.moveCenter(area.center())
        painter.drawImage(target, self.frame)

    def _paint_captions(self, painter: QPainter, scale: WallScale, area: QRectF, compact: bool = False) -> None:
        segments = self.data.segments
        if compact:  # under a video: the current line only
            if self.caption is not None:
                segment = segments[self.caption]
                text = f"{segment.speaker}: {segment.text}" if segment.speaker else segment.text
                draw_fitted_text(painter, area, text, scale, 44, TEXT)
            return
        if self.caption is not None and self.caption > 0:
            previous = segments[self.caption - 1]
            text = f"{previous.speaker}: {previous.text}" if previous.speaker else previous.text
            draw_fitted_text(painter, QRectF(area.left(), area.top(), area.width(), area.height() * 0.3), text,
                             scale, 34, TEXT_FAINT)
        current_area = QRectF(area.left(), area.top() + area.height() * 0.34, area.width(), area.height() * 0.66)
        fill_rounded(painter, current_area, scale(16), SURFACE)
        inner = current_area.adjusted(scale(40), scale(30), -scale(40), -scale(24))
        if self.caption is None:
            line, speaker = (self.data.summary or "The call is about to start."), ""
        else:
            segment = segments[self.caption]
            line, speaker = segment.text, segment.speaker
        if speaker:
            used = draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(56)), speaker.upper(),
                             scale.font(36, QFont.Weight.Bold), QColor(self.branding.brand_colour))
            inner.setTop(used.bottom() + scale(10))
        draw_fitted_text(painter, inner, line, scale, 56, TEXT)
        if self.notice:
            notice = QRectF(area.left(), area.top() - scale(4), area.width(), scale(60))
            fill_rounded(painter, notice, scale(10), SURFACE_HIGH)
            draw_fitted_text(painter, notice.adjusted(scale(20), scale(10), -scale(20), -scale(6)), self.notice, scale,
                             26, reliability_colour("at risk"))

    def _paint_progress(self, painter: QPainter, scale: WallScale, area: QRectF) -> None:
        duration = max(1, self.data.duration_ms)
        share = min(1.0, max(0.0, self.position_ms / duration))
        bar = QRectF(area.left(), area.top(), area.width(), scale(36))
        fill_rounded(painter, bar, bar.height() / 2, SURFACE_HIGH)
        if share > 0:
            fill_rounded(painter, QRectF(bar.left(), bar.top(), max(bar.height(), bar.width() * share), bar.height()),
                         bar.height() / 2, QColor(self.branding.brand_colour))
        times = QRectF(area.left(), bar.bottom() + scale(14), area.width(), scale(60))
        draw_text(painter, times, clock_text(self.position_ms / 1000), scale.font(44, QFont.Weight.Bold), TEXT)
        draw_text(painter, times, f"−{clock_text((duration - self.position_ms) / 1000)}",
                  scale.font(44, QFont.Weight.Bold), TEXT_SOFT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
