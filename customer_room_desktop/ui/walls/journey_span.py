"""The journey span: stages along the walls, each with its overall reliability, and the room's stage marked.

Read from the seats (issue 19): stage names and complaint counts are at the room tier. A column is as wide
as its longest word needs, never narrower than an equal share, so no name is cut inside a word; the
stages' names take the same number of lines, so the rows under them line up across the wall.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QWidget

from ...domain.legibility import Tier
from ...services.painting import painting
from ...services.wall_data import Branding, JourneySpanData, JourneyStage
from ...domain.reliability import reliability_mark
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, TREND_MARKS, WallScale, draw_fitted_text, draw_text,
    fill_rounded, logo_image, reliability_colour,
)
from .glyph_text import draw_wall_text

# wall units the stage names are tried at, biggest first: above the room tier a name may take two lines at
# most; at the room tier (what a seventh of a wall holds of "something") as many as it must
NAME_SIZES = (80, 61)
BIG_NAME_LINES = 2
COUNT_UNITS = 72
NUMBER_UNITS = 64
TAG_UNITS = 61
PADDING_UNITS = 14  # wall units: a column's side margin
CHIP_PADDING_UNITS = 10  # wall units: either side of the words on the reliability chip and the tag
LABEL_UNITS = 26  # the walk-up texts: reliability, moments failing, "complaints", the goal
RING_UNITS = 5  # wall units: the width of the ring round the room's stage, drawn in the gap beside its column
TAG_TEXTS = ("YOU ARE HERE", "NOW")  # the longest that fits the room's column
WRAPPED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


def column_widths(needs: list[float], available: float) -> list[float]:
    """Columns filling ``available``: an equal share each, and more for those that need more (the others
    share what is left). When the needs alone overflow, each gets its need scaled down to fit."""
    total = sum(needs)
    if total >= available:
        return [need * available / total for need in needs]
    level = available / len(needs)
    wide = [need for need in needs if need > level]
    while wide:
        narrow_count = len(needs) - len(wide)
        level = (available - sum(wide)) / narrow_count
        still = [need for need in needs if need > level]
        if len(still) == len(wide):
            break
        wide = still
    return [max(need, level) for need in needs]


def failing_label(moments: int) -> str:
    """How many moments of truth of the stage are unreliable, short enough to wrap in a narrow column."""
    return f"{moments} {'moment' if moments == 1 else 'moments'} failing" if moments else ""


def wrapped_width(advance: Callable[[str], float], text: str, lines: int) -> float:
    """The narrowest width ``text`` wraps into at most ``lines`` lines at, breaking only between words (one
    word a line at worst); ``advance`` measures a text in the font."""
    words = text.split()
    space = advance(" ")
    sizes = [advance(word) for word in words]

    def lines_at(width: float) -> int:
        count, line = 1, 0.0
        for size in sizes:
            if line and line + space + size > width:
                count, line = count + 1, size
            else:
                line = line + space + size if line else size
        return count

    low, high = max(sizes, default=0.0), advance(" ".join(words))
    while high - low > 0.5:
        middle = (low + high) / 2
        if lines_at(middle) <= lines:
            high = middle
        else:
            low = middle
    return high + 1  # Qt's wrap must not break where this count did not


class _Fonts:
    """The fonts of one paint, made once; all but the tag grow with the stage names."""

    def __init__(self, scale: WallScale, name_units: float):
        grow = name_units / NAME_SIZES[-1]
        self.name_units = name_units
        self.name = scale.font(name_units, tier=Tier.ROOM)
        self.count = scale.font(COUNT_UNITS * grow, QFont.Weight.Bold, tier=Tier.ROOM)
        self.number = scale.font(NUMBER_UNITS, QFont.Weight.Black, tier=Tier.ROOM)
        self.tag = scale.font(TAG_UNITS, QFont.Weight.Bold, tier=Tier.ROOM)
        self.mark = scale.font(44 * grow)
        self.label = scale.font(LABEL_UNITS, QFont.Weight.Bold)
        self.soft = scale.font(LABEL_UNITS)
        self.goal_units = LABEL_UNITS * grow
        self._advances: dict[tuple[int, str], float] = {}

    def advance(self, font: QFont, text: str) -> float:
        """The width of ``text`` in ``font`` (one of these), measured once: finding the biggest names that
        fit asks the same widths for every size and number of lines (485 measurements a paint, 8 ms)."""
        key = (id(font), text)
        found = self._advances.get(key)
        if found is None:
            found = self._advances[key] = QFontMetricsF(font).horizontalAdvance(text)
        return found


class JourneySpan(QWidget):
    """Shows a slice of the journey: stages ``first``..``last`` (1-based) of ``data``, the ``current``
    stage (the one the room is on) marked "YOU ARE HERE" when it is among them.

    One wall may carry the whole journey; across three walls each shows its third, so the
    journey reads left to right around the room. After a paint, ``columns`` holds each stage's column
    by position, and ``tag`` the text that marks the current one ("" when none is shown here).
    """

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self.data: JourneySpanData | None = None
        self.stages: tuple[JourneyStage, ...] = ()
        self.current: int | None = None
        self.columns: dict[int, QRectF] = {}
        self.tag = ""
        self._marker_fonts: tuple[WallScale, _Fonts] | None = None  # the last full paint's, for the marker
        self._logo = logo_image(branding.logo)

    def show_journey(self, data: JourneySpanData, first: int = 1, last: int | None = None,
                     current: int | None = None) -> None:
        self.data = data
        last = last or len(data.stages)
        self.stages = tuple(s for s in data.stages if first <= s.position <= last)
        self.current = current
        self.columns, self._marker_fonts = {}, None
        self.update()

    def set_current(self, current: int | None) -> None:
        """Move the marker to the room's new stage: only the two markers' places are painted again."""
        if current == self.current:
            return
        laid_out = bool(self.columns) and self._marker_fonts is not None and self.current is not None \
            and current is not None
        region = self.marker_region(self.current) | self.marker_region(current) if laid_out else None
        self.current = current
        if region is None:
            self.update()
        else:
            self.update(region)

    def marker_region(self, position: int | None) -> QRegion:
        """Where the marker of ``position`` is drawn: the tab in the band above its column and the ring
        round it, never inside any column."""
        column = self.columns.get(position) if position is not None else None
        if column is None or self._marker_fonts is None:
            return QRegion()
        scale, fonts = self._marker_fonts
        outer = column.adjusted(-scale(RING_UNITS + 2), -self._band(scale, fonts), scale(RING_UNITS + 2),
                                scale(RING_UNITS + 2))
        return QRegion(outer.toAlignedRect()) - QRegion(column.adjusted(1, 1, -1, -1).toAlignedRect())

    def _only_markers(self, event: QPaintEvent) -> bool:
        """Whether the paint asked for touches nothing but the markers' places (a move of the marker)."""
        if not self.columns or self._marker_fonts is None or event.rect() == self.rect():
            return False
        inside = QRegion()
        for column in self.columns.values():
            inside |= QRegion(column.adjusted(1, 1, -1, -1).toAlignedRect())
        markers = self.marker_region(self.current)
        for position in self.columns:
            markers |= self.marker_region(position)
        return not event.region().intersects(inside) and (event.region() - markers).isEmpty()

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if self._only_markers(event):
                painter.fillRect(event.rect(), BACKGROUND)
                self._paint_marker(painter)
                return
            painter.fillRect(self.rect(), BACKGROUND)  # once: a 4K fill is 33 MB written
            self.columns, self.tag = {}, ""
            if self.data is None or not self.stages:
                return
            scale = WallScale(self.height())
            span = f"stages {self.stages[0].position}–{self.stages[-1].position} of {len(self.data.stages)}"
            top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                              "THE CUSTOMER'S JOURNEY · " + span, self.branding.room_name,
                              "Walk it as the customer lives it, stage by stage.")
            margin, gap = scale(48), scale(12)
            available = self.width() - 2 * margin - gap * (len(self.stages) - 1)
            fonts, needs = self._biggest_names(scale, available)
            widths = column_widths(needs, available)
            if self.current is not None:  # every journey wall of the room keeps the tag's band, shown or not
                top += QFontMetricsF(fonts.tag).height() + scale(16)
            painter.setFont(fonts.name)
            name_lines = max(round(painter.boundingRect(QRectF(0, 0, width - 2 * scale(PADDING_UNITS), 1e6), WRAPPED,
                                                        stage.name).height() / QFontMetricsF(fonts.name).lineSpacing())
                             for stage, width in zip(self.stages, widths))
            bottom = self.height() - scale(80)
            left = margin
            for stage, width in zip(self.stages, widths):
                column = QRectF(left, top, width, bottom - top)
                self.columns[stage.position] = column
                self._paint_stage(painter, scale, fonts, column, stage, name_lines)
                left += width + gap
            self._marker_fonts = (scale, fonts)
            self._paint_marker(painter)
            draw_text(painter, QRectF(margin, bottom + scale(22), self.width() - 2 * margin, scale(40)),
                      (f"Complaints {self.data.period_label}, against the three months before" if
                       self.data.period_label else "No complaints imported yet")
                      + " · reliability of the worst moment of truth", scale.font(LABEL_UNITS), TEXT_FAINT)

    def _biggest_names(self, scale: WallScale, available: float) -> tuple[_Fonts, list[float]]:
        """The biggest type the stage names fit side by side in, and the width each column then needs: for
        each size, the fewest lines the names wrap into with the columns still on the wall."""
        longest = max(len(stage.name.split()) for stage in self.stages)
        for units in NAME_SIZES:
            fonts = _Fonts(scale, units)
            most_lines = BIG_NAME_LINES if units > NAME_SIZES[-1] else longest
            for lines in range(1, most_lines + 1):
                needs = [self._need(stage, fonts, scale, lines, self.current is not None)
                         for stage in self.stages]
                if sum(needs) <= available:
                    return fonts, needs
        return fonts, needs

    @staticmethod
    def _need(stage: JourneyStage, fonts: _Fonts, scale: WallScale, name_lines: int, tagged: bool) -> float:
        """The narrowest column that shows the stage with no word cut: its name in ``name_lines`` lines at
        the room tier, its count and trend mark, its reliability chip and moments failing, and when it is
        the room's stage the shortest wording of the "YOU ARE HERE" tag."""
        width = fonts.advance
        return 2 * scale(PADDING_UNITS) + max(
            wrapped_width(lambda text: width(fonts.name, text), stage.name, name_lines),
            max((width(fonts.label, word) for word in failing_label(stage.unreliable_moments).split()), default=0),
            width(fonts.count, f"{stage.complaints:,}") + scale(14) + width(fonts.mark, "▲"),
            width(fonts.label, stage.reliability.upper()) + 2 * scale(CHIP_PADDING_UNITS),
            width(fonts.tag, TAG_TEXTS[-1]) + 2 * scale(CHIP_PADDING_UNITS) - 2 * scale(PADDING_UNITS) if tagged else 0,
        )

    def _paint_stage(self, painter: QPainter, scale: WallScale, fonts: _Fonts, column: QRectF, stage: JourneyStage,
                     name_lines: int) -> None:
        colour = reliability_colour(stage.reliability)
        fill_rounded(painter, column, scale(14), SURFACE)
        painter.fillRect(QRectF(column.left(), column.top(), column.width(), scale(14)), colour)
        pad = scale(PADDING_UNITS)
        inner = column.adjusted(pad, scale(30), -pad, -scale(20))
        number_height = QFontMetricsF(fonts.number).height()
        number = draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), number_height),
                           str(stage.position), fonts.number, QColor(self.branding.brand_colour))
        draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), number_height),  # the state's shape
                  reliability_mark(stage.reliability), fonts.number, colour,
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        name_rect = QRectF(inner.left(), number.bottom() + scale(4), inner.width(),
                           name_lines * QFontMetricsF(fonts.name).lineSpacing())
        painter.setFont(fonts.name)
        painter.setPen(TEXT)
        draw_wall_text(painter, name_rect, WRAPPED, stage.name)
        label_height = QFontMetricsF(fonts.label).lineSpacing()
        count_height = QFontMetricsF(fonts.count).height()
        complaints_top = inner.bottom() - label_height
        count_top = complaints_top - count_height
        failing_top = count_top - scale(10) - 2 * label_height
        chip = QRectF(inner.left(), failing_top - scale(8) - label_height - scale(16), inner.width(),
                      label_height + scale(16))
        goal = QRectF(inner.left(), name_rect.bottom() + scale(14), inner.width(), chip.top() - name_rect.bottom()
                      - scale(28))
        if goal.height() > scale(40) and stage.goal.strip():
            draw_fitted_text(painter, goal, f"“{stage.goal}”", scale, fonts.goal_units, TEXT_SOFT, italic=True)
        fill_rounded(painter, chip, chip.height() / 2, colour)
        draw_text(painter, chip, stage.reliability.upper(), fonts.label, BACKGROUND, Qt.AlignmentFlag.AlignCenter)
        failing = failing_label(stage.unreliable_moments)
        if failing:
            draw_text(painter, QRectF(inner.left(), failing_top, inner.width(), 2 * label_height), failing,
                      fonts.label, colour, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, wrap=True)
        mark, mark_colour = TREND_MARKS.get(stage.trend, TREND_MARKS["no data"])
        used = draw_text(painter, QRectF(inner.left(), count_top, inner.width(), count_height),
                         f"{stage.complaints:,}", fonts.count, TEXT)
        draw_text(painter, QRectF(used.right() + scale(14), count_top, inner.right() - used.right() - scale(14),
                                  count_height), mark, fonts.mark, mark_colour, Qt.AlignmentFlag.AlignLeft
                  | Qt.AlignmentFlag.AlignVCenter)
        draw_text(painter, QRectF(inner.left(), complaints_top, inner.width(), label_height), "complaints",
                  fonts.soft, TEXT_SOFT)

    @staticmethod
    def _band(scale: WallScale, fonts: _Fonts) -> float:
        """The height above the columns kept for the tab."""
        return QFontMetricsF(fonts.tag).height() + scale(16)

    def _paint_marker(self, painter: QPainter) -> None:
        """The room's stage: a tab in the brand colour saying so above its column, and a ring round it."""
        column = self.columns.get(self.current) if self.current is not None else None
        if column is None or self._marker_fonts is None:
            self.tag = ""
            return
        scale, fonts = self._marker_fonts
        brand = QColor(self.branding.brand_colour)
        metrics = QFontMetricsF(fonts.tag)
        band = self._band(scale, fonts)
        tab = QRectF(column.left(), column.top() - band, column.width(), band - scale(RING_UNITS + 4))
        fill_rounded(painter, tab, scale(14), brand)
        room = column.width() - 2 * scale(CHIP_PADDING_UNITS)
        self.tag = next((text for text in TAG_TEXTS if metrics.horizontalAdvance(text) <= room), TAG_TEXTS[-1])
        draw_text(painter, tab, self.tag, fonts.tag, BACKGROUND, Qt.AlignmentFlag.AlignCenter)
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(brand, scale(RING_UNITS)))
        ring = scale(RING_UNITS) / 2 + scale(1)
        painter.drawRoundedRect(column.adjusted(-ring, -ring, ring, ring), scale(16), scale(16))
        painter.restore()
