"""A recorded call on a wall: who is speaking, where in the journey, and the words as they are said.

The words are read from the seats, so every caption is at the room tier: the line being said big, in
its box under the speaker's name, and the end of the line before it on one line above, fainter, to
follow the conversation. All the lines of one call share one type size (the one its longest line
fits), so the words do not jump in size as the call plays; a line too long even at the room tier
keeps its opening sentences or words and ends with " …".
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QWidget

from ...domain.captions import caption_index
from ...domain.pace import clock_text
from ...services.wall_data import Branding, CallViewData
from .data_wall import DataWall
from .room_text import draw_room_text, room_font, shared_room_size, tail_at_word
from .wall_chrome import draw_header
from .wall_style import (
    ROOM_TEXT, SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_fitted_text, draw_text,
    fill_rounded, reliability_colour,
)

CAPTION_UNITS = 80  # the largest a caption is drawn; the call's longest line may bring it down to the room tier
VIDEO_CAPTION_LINES = 3  # under a video picture, at the room tier
STARTING = "The call is about to start."


def spoken(segment) -> str:
    """A line as a video caption shows it: who says it, then what they say."""
    return f"{segment.speaker}: {segment.text}" if segment.speaker else segment.text


class CallView(DataWall):
    """Show a call with ``show_call``; move it on with ``set_position`` as the player reports.
    After a paint: ``caption_box`` (where the line being said is drawn) and ``caption_units``."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.data: CallViewData | None = None
        self.position_ms = 0
        self.notice = ""
        self.caption: int | None = None  # index of the line shown big
        self.frame = QImage()  # the latest video picture (video interviews)
        self.caption_box = QRectF()
        self.caption_units: float = ROOM_TEXT
        self._sizes: dict[tuple, float] = {}  # the call's caption size, per call and box

    def show_call(self, data: CallViewData, position_ms: int = 0, notice: str = "") -> None:
        if self.data is None or self.data.key != data.key:
            self.frame = QImage()
            self._sizes.clear()
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
        if data is None:
            return
        where = " · ".join(part for part in (data.stage_name, data.moment_name) if part)
        who = f"{data.persona_name.upper()} · " if data.persona_name else ""
        kind = "A VIDEO INTERVIEW" if data.kind == "video" else "A RECORDED CALL"
        top = draw_header(painter, self.width(), scale, self.branding, self._logo, f"{who}{kind}", data.title, where)
        margin = scale(48)
        progress = QRectF(margin, self.height() - scale(150), self.width() - 2 * margin, scale(110))
        top += scale(16)
        area = QRectF(margin, top, self.width() - 2 * margin, progress.top() - scale(28) - top)
        if self.notice:
            notice = QRectF(area.left(), area.top() - scale(20), area.width(), scale(60))
            fill_rounded(painter, notice, scale(10), SURFACE_HIGH)
            draw_fitted_text(painter, notice.adjusted(scale(20), scale(10), -scale(20), -scale(6)), self.notice, scale,
                             26, reliability_colour("at risk"))
            area.setTop(notice.bottom() + scale(16))
        if data.kind == "video":  # the picture fills the view; the line being said runs under it
            lines = QFontMetricsF(room_font(scale, ROOM_TEXT)).lineSpacing() * VIDEO_CAPTION_LINES
            words = QRectF(area.left(), area.bottom() - lines, area.width(), lines)
            picture_h = words.top() - scale(20) - area.top()
            self._paint_video(painter, QRectF(area.left(), area.top(), area.width(), picture_h))
            self._paint_video_caption(painter, scale, data, words)
        else:
            self._paint_captions(painter, scale, data, area)
        self._paint_progress(painter, scale, data.duration_ms, progress)

    def _paint_video(self, painter: QPainter, area: QRectF) -> None:
        painter.fillRect(area, QColor("black"))
        if self.frame.isNull():
            return
        fit = min(area.width() / self.frame.width(), area.height() / self.frame.height())
        target = QRectF(0, 0, self.frame.width() * fit, self.frame.height() * fit)
        target.moveCenter(area.center())
        painter.drawImage(target, self.frame)

    def _caption_units(self, painter: QPainter, scale: WallScale, key: str, box: QRectF, texts: list[str]) -> float:
        """One size for every line of the call in ``box``: the largest its longest line fits, at least the room tier."""
        size_key = (key, round(box.width()), round(box.height()), self.height())
        if size_key not in self._sizes:
            self._sizes[size_key] = shared_room_size(painter, scale, box, texts, CAPTION_UNITS)
        return self._sizes[size_key]

    def _paint_video_caption(self, painter: QPainter, scale: WallScale, data: CallViewData, box: QRectF) -> None:
        self.caption_box = box
        if self.caption is None:
            return
        texts = [spoken(segment) for segment in data.segments]
        self.caption_units = self._caption_units(painter, scale, data.key, box, texts)
        draw_room_text(painter, scale, box, texts[self.caption], self.caption_units, TEXT, shrink=False)

    def _paint_captions(self, painter: QPainter, scale: WallScale, data: CallViewData, area: QRectF) -> None:
        """The end of the line before, faint on one line; the line being said big in its box, under its speaker."""
        segments = data.segments
        previous_font = room_font(scale, ROOM_TEXT)
        previous_h = QFontMetricsF(previous_font).lineSpacing()
        if self.caption is not None and self.caption > 0:
            self._paint_previous(painter, scale, QRectF(area.left(), area.top(), area.width(), previous_h),
                                 segments[self.caption - 1], previous_font)
        current = QRectF(area.left(), area.top() + previous_h + scale(20), area.width(),
                         area.height() - previous_h - scale(20))
        fill_rounded(painter, current, scale(16), SURFACE)
        inner = current.adjusted(scale(40), scale(24), -scale(40), -scale(24))
        speaker_font = room_font(scale, ROOM_TEXT, QFont.Weight.Bold)
        speaker_h = QFontMetricsF(speaker_font).lineSpacing()
        words = QRectF(inner.left(), inner.top() + speaker_h + scale(6), inner.width(),
                       inner.height() - speaker_h - scale(6))
        self.caption_box = words
        self.caption_units = self._caption_units(painter, scale, data.key, words, [s.text for s in segments])
        if self.caption is None:  # before the first line: what the call is about, as big as it fits
            draw_room_text(painter, scale, words, data.summary or STARTING, self.caption_units, TEXT)
            return
        segment = segments[self.caption]
        if segment.speaker:
            draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), speaker_h), segment.speaker,
                      speaker_font, QColor(self.branding.brand_colour))
        draw_room_text(painter, scale, words, segment.text, self.caption_units, TEXT, shrink=False)

    def _paint_previous(self, painter: QPainter, scale: WallScale, rect: QRectF, segment, font: QFont) -> None:
        """'Agent: … and this year's price is £568.': who spoke, and the end of what they said."""
        metrics = QFontMetricsF(font)
        who = f"{segment.speaker}: " if segment.speaker else ""
        tail = tail_at_word(metrics, segment.text, rect.width() - metrics.horizontalAdvance(who))
        if tail:
            draw_text(painter, rect, who + tail, font, TEXT_FAINT)

    def _paint_progress(self, painter: QPainter, scale: WallScale, duration_ms: int, area: QRectF) -> None:
        duration = max(1, duration_ms)
        share = min(1.0, max(0.0, self.position_ms / duration))
        bar = QRectF(area.left(), area.top(), area.width(), scale(30))
        fill_rounded(painter, bar, bar.height() / 2, SURFACE_HIGH)
        if share > 0:
            fill_rounded(painter, QRectF(bar.left(), bar.top(), max(bar.height(), bar.width() * share), bar.height()),
                         bar.height() / 2, QColor(self.branding.brand_colour))
        times = QRectF(area.left(), bar.bottom() + scale(12), area.width(), scale(60))
        draw_text(painter, times, clock_text(self.position_ms / 1000), scale.font(44, QFont.Weight.Bold), TEXT)
        draw_text(painter, times, f"−{clock_text((duration - self.position_ms) / 1000)}",
                  scale.font(44, QFont.Weight.Bold), TEXT_SOFT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
