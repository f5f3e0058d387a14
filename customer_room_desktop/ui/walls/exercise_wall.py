"""Try it yourself on a wall: leaders do what customers must do, against the customers' clock.

While the exercise runs, the artifact page fills the left of the wall and the task, in very large
type, the right, above a clock counting up from the start. Beside the clock stand the customers'
figures; the clock turns amber once the leaders have taken longer than the customers' median, so
the room feels the wait the customer feels. Once stopped, the wall turns to results: leaders
against customers in two big blocks, every leader's outcome, what counts as done and the
customers' most common wrong answer (kept back until now so it cannot steer anyone).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHideEvent, QImage, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QWidget

from ...domain.exercises import ExerciseResult, Outcome, clock_text, summarise
from ...services.image_prep import ImageUnavailable
from ...services.painting import painting
from ...services.walk_data import ExerciseWallData
from ...services.wall_data import Branding
from .persona_wall import LEFT, WARM, kicker, stack_text
from .room_text import draw_room_text, room_line_font
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, RELIABILITY_COLOURS, ROOM_TEXT, SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale,
    draw_fitted_text, draw_text, fill_rounded, fitted_font, logo_image,
)

AMBER = RELIABILITY_COLOURS["at risk"]  # the clock once leaders pass the customers' median
OUTCOME_COLOURS = {Outcome.FINISHED: RELIABILITY_COLOURS["reliable"],
                   Outcome.GAVE_UP: RELIABILITY_COLOURS["unreliable"],
                   Outcome.ANSWERED: QColor("#4FC3F7")}  # an answer is judged by the room: neither green nor red
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PAGE_SHARE = 0.57  # of the wall's width, for the artifact page while the exercise runs


def exercise_page_box(width: int, height: int) -> tuple[int, int]:
    """The pixel box to prepare the artifact page at, for a running exercise on a wall of this size."""
    scale = height / 1080
    return int(width * PAGE_SHARE - 48 * scale), int(height - 240 * scale)


class ExerciseWall(QWidget):
    """Show an exercise with ``show_exercise``; ``set_now`` freezes its clock. After a paint:
    ``artifact_box`` (page or placeholder), ``clock_box`` and ``clock_colour`` while running;
    ``leaders_box``, ``customers_box`` and ``result_boxes`` (one per leader) once stopped.
    While running and shown, ``timer`` repaints the clock as each second turns over."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self._logo = logo_image(branding.logo)
        self.data: ExerciseWallData | None = None
        self.image: QImage | ImageUnavailable | None = None
        self.page, self.page_count = 0, 1
        self._now: datetime | None = None
        self._shown_seconds: int | None = None
        self._page_cache: tuple[tuple, QImage] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(200)  # looks five times a second, repaints only when the second changes
        self.timer.timeout.connect(self._tick)
        self.artifact_box = self.clock_box = self.leaders_box = self.customers_box = QRectF()
        self.clock_colour = TEXT
        self.result_boxes: list[QRectF] = []

    def show_exercise(self, data: ExerciseWallData, image: QImage | ImageUnavailable | None, page: int = 0,
                      page_count: int = 1) -> None:
        self.data, self.image, self.page, self.page_count = data, image, page, max(1, page_count)
        self._page_cache = None
        self._sync_timer(self.isVisible())
        self.update()

    def set_now(self, now: datetime | None) -> None:
        """Freeze the clock at ``now`` (renders and tests); None follows real time again."""
        self._now = now
        self.update()

    def elapsed(self) -> int:
        return self.data.elapsed_seconds(self._now) if self.data else 0

    def showEvent(self, event: QShowEvent) -> None:
        self._sync_timer(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._sync_timer(False)
        super().hideEvent(event)

    def _sync_timer(self, visible: bool) -> None:
        if visible and self.data is not None and self.data.running:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def _tick(self) -> None:
        if self.data is None or not self.data.running:
            self.timer.stop()
        elif self.elapsed() != self._shown_seconds:  # only the clock's corner of the wall is repainted
            self.update(self.clock_box.toAlignedRect() if not self.clock_box.isEmpty() else self.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(event.rect(), BACKGROUND)
            if self.data is None:
                return
            data, scale = self.data, WallScale(self.height())
            if data.running:
                top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                                  "EXERCISE · DO WHAT OUR CUSTOMERS MUST DO", data.title,
                                  f"{data.attendees} leaders, one task, against the customers' clock")
                self._paint_running(painter, scale, data, top)
            else:
                top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                                  "EXERCISE RESULTS · LEADERS AGAINST CUSTOMERS", data.title, data.task)
                self._paint_stopped(painter, scale, data, top)

    def _paint_running(self, painter: QPainter, scale: WallScale, data: ExerciseWallData, top: float) -> None:
        margin, brand = scale(48), QColor(self.branding.brand_colour)
        bottom = self.height() - scale(40)
        footer = scale(52) if self.page_count > 1 else 0
        area = QRectF(margin, top, self.width() * PAGE_SHARE - margin, bottom - top - footer)
        self._paint_page(painter, scale, area)
        if footer:
            draw_text(painter, QRectF(area.left(), area.bottom() + scale(8), area.width(), scale(44)),
                      f"page {self.page + 1} of {self.page_count}", scale.font(30, QFont.Weight.Bold), TEXT_SOFT,
                      Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        left = area.right() + scale(56)
        panel = QRectF(left, top, self.width() - margin - left, bottom - top)
        task_top = kicker(painter, scale, panel, "Try it yourself", brand)
        task = draw_room_text(painter, scale, QRectF(panel.left(), task_top, panel.width(), panel.height() * 0.42),
                              data.task, ROOM_TEXT, TEXT, QFont.Weight.Bold)
        elapsed, median = self.elapsed(), data.customer_median_seconds
        self._shown_seconds = elapsed
        self.clock_colour = AMBER if elapsed > median else TEXT
        self.clock_box = QRectF(panel.left(), max(task.bottom(), task_top) + scale(24), panel.width(), scale(300))
        draw_text(painter, QRectF(panel.left(), self.clock_box.top(), panel.width(), scale(200)), clock_text(elapsed),
                  room_line_font(scale, "0:00:00" if elapsed >= 3600 else "00:00", panel.width(), 190,
                                 QFont.Weight.Black),
                  self.clock_colour, LEFT)
        pct = data.customer_give_up_percent
        give_up = f" · {pct:g} % give up" if pct is not None else ""
        figures = f"Customers: median {clock_text(median)}{give_up}"
        draw_text(painter, QRectF(panel.left(), self.clock_box.top() + scale(204), panel.width(), scale(48)), figures,
                  fitted_font(scale, figures, panel.width(), 38, QFont.Weight.Bold), TEXT_SOFT)
        note = ("Longer than customers take" if elapsed > median
                else f"{clock_text(median - elapsed)} to the customers' median")
        draw_text(painter, QRectF(panel.left(), self.clock_box.top() + scale(256), panel.width(), scale(42)), note,
                  scale.font(30, QFont.Weight.Bold), AMBER if elapsed > median else TEXT_FAINT)
        self._paint_progress(painter, scale, data, QRectF(panel.left(), bottom - scale(110), panel.width(), scale(110)))

    def _paint_progress(self, painter: QPainter, scale: WallScale, data: ExerciseWallData, rect: QRectF) -> None:
        """'2 of 6 leaders done' and a dot per leader, filled for each result in."""
        done, total = len(data.results), max(data.attendees, len(data.results))
        draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), scale(50)), f"{done} of {total} leaders done",
                  scale.font(40, QFont.Weight.Bold), TEXT)
        dot = min(scale(36), rect.width() / max(1, total) - scale(10))
        painter.setPen(Qt.PenStyle.NoPen)
        for index in range(total):
            painter.setBrush(QColor(self.branding.brand_colour) if index < done else SURFACE_HIGH)
            painter.drawEllipse(QRectF(rect.left() + index * (dot + scale(10)), rect.top() + scale(64), dot, dot))

    def _paint_page(self, painter: QPainter, scale: WallScale, area: QRectF) -> None:
        """The page fitted to ``area`` (scaled once, not on each second's repaint), or a placeholder
        that says why it is missing: the task beside it is enough to carry on."""
        image = self.image
        if not isinstance(image, QImage) or image.isNull():
            reason = str(image) if isinstance(image, ImageUnavailable) else "The page is still being prepared."
            box = QRectF(0, 0, area.width() * 0.86, min(area.height() * 0.7, scale(380)))
            box.moveCenter(area.center())
            self.artifact_box = box
            fill_rounded(painter, box, scale(16), SURFACE_HIGH)
            painter.setPen(QPen(AMBER, scale(4), Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(scale(6), scale(6), -scale(6), -scale(6)), scale(12), scale(12))
            inner = box.adjusted(scale(48), scale(40), -scale(48), -scale(40))
            title = "The artifact cannot be shown"
            draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(60)), title,
                      fitted_font(scale, title, inner.width(), 44, QFont.Weight.Bold), TEXT)
            stack_text(painter, scale, inner.adjusted(0, scale(80), 0, 0),
                       [reason, "The exercise still runs: work from the task on the right."], 34, TEXT_SOFT)
            return
        fit = min(area.width() / image.width(), area.height() / image.height())
        target = QRectF(area.topLeft(), QSizeF(image.width() * fit, image.height() * fit))
        target.moveCenter(area.center())
        self.artifact_box = target
        key = (image.cacheKey(), round(target.width()), round(target.height()))
        if self._page_cache is None or self._page_cache[0] != key:
            self._page_cache = (key, image.scaled(key[1], key[2], Qt.AspectRatioMode.IgnoreAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        painter.drawImage(target.topLeft(), self._page_cache[1])

    def _paint_stopped(self, painter: QPainter, scale: WallScale, data: ExerciseWallData, top: float) -> None:
        margin = scale(48)
        summary = summarise(list(data.results), data.attendees)
        half = (self.width() - 2 * margin - scale(32)) / 2
        self.leaders_box = QRectF(margin, top, half, scale(210))
        self.customers_box = QRectF(margin + half + scale(32), top, half, scale(210))
        extra = " · ".join(part for part in (f"{summary.gave_up} gave up" if summary.gave_up else "",
                                              f"{summary.answered} gave an answer" if summary.answered else "") if part)
        self._paint_block(painter, scale, self.leaders_box, "Leaders in this room · median time",
                          QColor(self.branding.brand_colour), clock_text(summary.median_seconds),
                          f"{summary.finished} of {summary.attendees} finished", extra or "nobody gave up")
        pct = data.customer_give_up_percent
        self._paint_block(painter, scale, self.customers_box, "Customers · median time", WARM,
                          clock_text(data.customer_median_seconds), f"{pct:g} % give up" if pct is not None else "",
                          "")
        lower = self.leaders_box.bottom() + scale(28)
        bottom = self.height() - scale(40)
        results = QRectF(margin, lower, (self.width() - 2 * margin) * 0.6, bottom - lower)
        self._paint_results(painter, scale, list(data.results), results)
        side = QRectF(results.right() + scale(40), lower, self.width() - margin - results.right() - scale(40),
                      bottom - lower)
        parts = [("What counts as done", RELIABILITY_COLOURS["reliable"], data.done_when),
                 ("Customers' most common wrong answer", AMBER, data.common_wrong_answer)]
        if data.history:
            parts.append(("Earlier sessions", TEXT_FAINT, ""))
        share = (side.height() - scale(24) * (len(parts) - 1)) / len(parts)
        for index, (heading, colour, text) in enumerate(parts):
            box = QRectF(side.left(), side.top() + index * (share + scale(24)), side.width(), share)
            body = QRectF(box.left(), kicker(painter, scale, box, heading, colour), box.width(), share - scale(42))
            if text:
                draw_fitted_text(painter, body, text, scale, 30, TEXT)
            else:
                stack_text(painter, scale, body, [f"{title} · {line}" for title, line in data.history], 26, TEXT_SOFT)

    def _paint_block(self, painter: QPainter, scale: WallScale, box: QRectF, heading: str, colour: QColor,
                     big: str, line: str, second: str) -> None:
        """One side of the comparison: the median time in big figures, then what happened in words."""
        fill_rounded(painter, box, scale(16), SURFACE)
        painter.fillRect(QRectF(box.left(), box.top(), scale(10), box.height()), colour)
        inner = box.adjusted(scale(36), scale(16), -scale(24), -scale(12))
        kicker(painter, scale, inner, heading, colour)
        number_w = min(QFontMetricsF(scale.font(112, QFont.Weight.Black)).horizontalAdvance(big) + scale(36),
                       inner.width() * 0.55)
        draw_text(painter, QRectF(inner.left(), inner.top() + scale(36), number_w, scale(140)), big,
                  room_line_font(scale, big, number_w - scale(36), 112, QFont.Weight.Black), TEXT, LEFT)
        words = QRectF(inner.left() + number_w, inner.top() + scale(50), inner.width() - number_w, scale(120))
        draw_text(painter, QRectF(words.left(), words.top(), words.width(), scale(56)), line,
                  fitted_font(scale, line, words.width(), 44, QFont.Weight.Bold), TEXT)
        draw_text(painter, QRectF(words.left(), words.top() + scale(62), words.width(), scale(48)), second,
                  fitted_font(scale, second, words.width(), 34), TEXT_SOFT)

    def _paint_results(self, painter: QPainter, scale: WallScale, results: list[ExerciseResult], area: QRectF) -> None:
        """Every leader's result, a row each: the answer and reaction under the name when rows are tall
        enough, beside it when many leaders share the wall."""
        self.result_boxes = []
        top = kicker(painter, scale, area, "Each leader", TEXT_FAINT)
        if not results:
            draw_text(painter, QRectF(area.left(), top, area.width(), scale(50)), "No results recorded",
                      scale.font(34, QFont.Weight.Bold), TEXT_SOFT)
            return
        gap = scale(8)
        height = min(scale(92), (area.bottom() - top - gap * (len(results) - 1)) / len(results))
        for index, result in enumerate(results):
            row = QRectF(area.left(), top + index * (height + gap), area.width(), height)
            self.result_boxes.append(row)
            self._paint_result(painter, scale, row, result, height >= scale(62))

    def _paint_result(self, painter: QPainter, scale: WallScale, row: QRectF, result: ExerciseResult,
                      two_lines: bool) -> None:
        """Name, outcome and time; then what the leader answered and said, under them when the row is tall
        enough, beside them otherwise, shortened at a word (left out when not even a word fits)."""
        colour = OUTCOME_COLOURS.get(result.outcome, TEXT_SOFT)
        fill_rounded(painter, row, scale(10), SURFACE)
        painter.fillRect(QRectF(row.left(), row.top(), scale(8), row.height()), colour)
        inner = row.adjusted(scale(24), scale(2), -scale(16), -scale(2))
        line = scale(34) if two_lines else inner.height()
        name_w, outcome_w, time_w = inner.width() * 0.32, inner.width() * 0.17, inner.width() * 0.10
        size = 28 if two_lines else 25
        draw_text(painter, QRectF(inner.left(), inner.top(), name_w - scale(12), line), result.attendee,
                  scale.font(size, QFont.Weight.Bold), TEXT, LEFT)
        draw_text(painter, QRectF(inner.left() + name_w, inner.top(), outcome_w, line), result.outcome.value,
                  scale.font(size, QFont.Weight.Bold), colour, LEFT)
        draw_text(painter, QRectF(inner.left() + name_w + outcome_w, inner.top(), time_w, line),
                  clock_text(result.seconds), scale.font(size + 2, QFont.Weight.Bold), TEXT, RIGHT)
        if two_lines:
            words = QRectF(inner.left(), inner.top() + line, inner.width(), inner.height() - line)
        else:
            left = inner.left() + name_w + outcome_w + time_w + scale(24)
            words = QRectF(left, inner.top(), inner.right() - left, inner.height())
        said = " · ".join(part for part in (f"“{result.answer}”" if result.answer else "", result.reaction) if part)
        font = scale.font(25, italic=True)
        first_word = (said.split() or [""])[0]
        if said and QFontMetricsF(font).horizontalAdvance(f"{first_word} …") <= words.width():
            draw_text(painter, words, said, font, TEXT_SOFT, LEFT)
