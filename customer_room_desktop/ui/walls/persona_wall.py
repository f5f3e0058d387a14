"""A persona on a wall: the customer as a person, not a segment.

Leaders walk the journey in this customer's shoes, so the wall leads with a big photo, the name
and the customer's own words; then what they want and what wears them down; then where in the
journey they suffer most (complaints in whole numbers) and their recorded calls, ready to play.
Read from five metres: big type, text that wraps or elides inside its box. The small text helpers
here (``kicker``, ``stack_text``) are shared with the exercise wall.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPaintEvent, QTransform
from PySide6.QtWidgets import QWidget

from ...domain.exercises import clock_text
from ...services.image_prep import decode_photo
from ...services.painting import painting
from ...services.walk_data import PersonaData
from ...services.wall_data import Branding
from .room_text import draw_room_text, room_font, room_line_font
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, ROOM_TEXT, SURFACE_HIGH, TEXT, TEXT_SOFT, WallScale, draw_fitted_text, draw_text,
    logo_image,
)

WARM = QColor("#FF7A66")  # frustrations and suffering: a warm red that still reads on the dark wall
WARM_TEXT = QColor("#FFD6CF")
NAME_UNITS = 108  # the persona's name, the biggest type on the wall; never below the room tier
QUOTE_UNITS = 64  # the customer's own words, read from the seats
QUOTE_LINES = 3
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
WRAP = int(TOP_LEFT) | int(Qt.TextFlag.TextWordWrap)


def initials(name: str) -> str:
    """'Maya Okafor' -> 'MO': first and last word, for a persona without a photo."""
    words = [w for w in name.split() if w[:1].isalpha()]
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper() if words else "?"


def kicker(painter: QPainter, scale: WallScale, rect: QRectF, text: str, colour: QColor) -> float:
    """A section's heading in small capitals; returns where its content starts."""
    draw_text(painter, QRectF(rect.left(), rect.top(), rect.width(), scale(36)), text.upper(),
              scale.font(24, QFont.Weight.Bold), colour)
    return rect.top() + scale(42)


def wrapped_height(painter: QPainter, font: QFont, width: float, text: str) -> float:
    painter.setFont(font)
    return painter.boundingRect(QRectF(0, 0, width, 1e6), WRAP, text).height()


def stack_text(painter: QPainter, scale: WallScale, rect: QRectF, items: list[str], units: float, colour: QColor,
               mark: str = "", mark_colour: QColor = TEXT) -> list[QRectF]:
    """Items one under another, each wrapped, behind an optional bullet mark. One type size for all:
    the largest up to ``units`` that fits; at the wall minimum each item gets an equal share, elided."""
    if not items:
        return []
    indent = scale(units * 1.1) if mark else 0
    width, gap = rect.width() - indent, scale(units * 0.35)
    size = units
    while True:
        heights = [wrapped_height(painter, scale.font(size), width, item) for item in items]
        if sum(heights) + gap * (len(items) - 1) <= rect.height() or size <= MINIMUM_TEXT:
            break
        size -= 2
    if sum(heights) + gap * (len(items) - 1) > rect.height():
        heights = [(rect.height() - gap * (len(items) - 1)) / len(items)] * len(items)
    boxes, top = [], rect.top()
    for item, height in zip(items, heights):
        box = QRectF(rect.left() + indent, top, width, height)
        if mark:
            draw_text(painter, QRectF(rect.left(), top, indent, scale(size * 1.3)), mark,
                      scale.font(size, QFont.Weight.Bold), mark_colour)
        draw_fitted_text(painter, box, item, scale, size, colour)
        boxes.append(box)
        top += height + gap
    return boxes


def cover(image: QImage, width: int, height: int) -> QImage:
    """The image scaled to fill ``width`` x ``height``, cropped at the centre (a touch high, for faces)."""
    scaled = image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                          Qt.TransformationMode.SmoothTransformation)
    return scaled.copy((scaled.width() - width) // 2, int((scaled.height() - height) * 0.35), width, height)


class PersonaWall(QWidget):
    """One persona on a wall, shown with ``show_persona``. After a paint: ``photo_box`` (photo or
    initials; ``has_photo`` says which), ``name_box``, ``quote_box``, ``goal_boxes``,
    ``frustration_boxes``, ``suffering_bars`` (one bar per stage, worst first) and ``call_boxes``."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(parent)
        self.branding = branding
        self._logo = logo_image(branding.logo)
        self.data: PersonaData | None = None
        self._photo = QImage()
        self._photo_cache: tuple[tuple[int, int], QImage] | None = None
        self.photo_box = self.name_box = self.quote_box = QRectF()
        self.has_photo = False
        self.goal_boxes: list[QRectF] = []
        self.frustration_boxes: list[QRectF] = []
        self.suffering_bars: list[QRectF] = []
        self.call_boxes: list[QRectF] = []

    def show_persona(self, data: PersonaData) -> None:
        self.data = data
        # undecodable: initials instead
        self._photo = decode_photo(data.photo, QSize(1200, 1200)) if data.photo else QImage()
        self._photo_cache = None
        self.update()

    show_data = show_persona  # the name every data wall answers to (the live room calls it)

    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), BACKGROUND)
            if self.data is None:
                return
            data, scale, brand = self.data, WallScale(self.height()), QColor(self.branding.brand_colour)
            first = data.name.split()[0] if data.name.split() else data.name
            margin, calls = scale(48), len(data.calls)
            top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                              "PERSONA · WHO OUR CUSTOMERS ARE", f"Walk in {first}'s shoes",
                              f"{data.complaints:,} complaints and {calls} recorded "
                              f"call{'' if calls == 1 else 's'} from customers like {first}")
            bottom = self.height() - scale(40)
            photo_w = min(self.width() * 0.26, (bottom - top) * 0.8)
            situation_h = min(wrapped_height(painter, scale.font(30), photo_w, data.situation), scale(180))
            photo_h = min(photo_w * 1.3, bottom - top - situation_h - scale(20))
            self.photo_box = QRectF(margin, top, photo_w, photo_h)
            self._paint_photo(painter, scale, self.photo_box, data.name)
            draw_fitted_text(painter, QRectF(margin, self.photo_box.bottom() + scale(18), photo_w,
                                             bottom - self.photo_box.bottom() - scale(18)),
                             data.situation, scale, 30, TEXT_SOFT)
            left = self.photo_box.right() + scale(56)
            width = self.width() - margin - left
            lower = self._paint_identity(painter, scale, data, QRectF(left, top - scale(20), width, 0), brand)
            column = (width - scale(56)) * 0.42
            goals = QRectF(left, lower, column, (bottom - lower) * 0.5 - scale(12))
            goals_top = kicker(painter, scale, goals, "Goals", brand)
            self.goal_boxes = stack_text(painter, scale, QRectF(left, goals_top, column, goals.bottom() - goals_top),
                                         list(data.goals)[:4], 36, TEXT, "✓", brand)
            below = self.goal_boxes[-1].bottom() if self.goal_boxes else goals_top
            worries_top = kicker(painter, scale, QRectF(left, below + scale(40), column, scale(40)), "Frustrations",
                                 WARM)
            self.frustration_boxes = stack_text(painter, scale, QRectF(left, worries_top, column, bottom - worries_top),
                                                list(data.frustrations)[:4], 36, WARM_TEXT, "✕", WARM)
            right = QRectF(left + column + scale(56), lower, width - column - scale(56), bottom - lower)
            split = right.top() + min(scale(42) + scale(68) * max(1, len(data.suffering)), right.height() * 0.5)
            self._paint_suffering(painter, scale, QRectF(right.left(), right.top(), right.width(), split - right.top()),
                                  data.suffering, first)
            self._paint_calls(painter, scale, QRectF(right.left(), split + scale(24), right.width(),
                                                     right.bottom() - split - scale(24)), list(data.calls), first)

    def _paint_identity(self, painter: QPainter, scale: WallScale, data: PersonaData, at: QRectF, brand: QColor
                        ) -> float:
        """The name in the wall's biggest type and the customer's own words under it, both read from the
        seats (the words shortened at a sentence or word past three lines); returns where the rest starts."""
        width = at.width()
        self.name_box = QRectF(at.left(), at.top(), width, scale(124))
        draw_text(painter, self.name_box, data.name, room_line_font(scale, data.name, width, NAME_UNITS,
                                                                    QFont.Weight.Black), TEXT, LEFT)
        mark_font = room_font(scale, 110, QFont.Weight.Bold)
        mark_w = QFontMetricsF(mark_font).horizontalAdvance("“") + scale(20)
        lines = QFontMetricsF(room_font(scale, ROOM_TEXT, italic=True)).lineSpacing() * QUOTE_LINES
        words = QRectF(at.left() + mark_w, self.name_box.bottom() + scale(4), width - mark_w, lines)
        self.quote_box = draw_room_text(painter, scale, words, data.quote, QUOTE_UNITS, TEXT, italic=True,
                                        closing="”")
        draw_text(painter, QRectF(at.left(), words.top() - scale(14), mark_w, QFontMetricsF(mark_font).height()), "“",
                  mark_font, brand)
        return max(self.quote_box.bottom(), words.top()) + scale(34)

    def _paint_photo(self, painter: QPainter, scale: WallScale, box: QRectF, name: str) -> None:
        """The photo cropped to fill a rounded frame; without one, the initials on a brand disc."""
        path = QPainterPath()
        path.addRoundedRect(box, scale(28), scale(28))
        self.has_photo = not self._photo.isNull()
        if self.has_photo:
            size = (round(box.width()), round(box.height()))
            if self._photo_cache is None or self._photo_cache[0] != size:  # scale once per wall size, not per paint
                self._photo_cache = (size, cover(self._photo, *size))
            brush = QBrush(self._photo_cache[1])
            brush.setTransform(QTransform.fromTranslate(box.left(), box.top()))
            painter.fillPath(path, brush)  # a brush, not a clip, so the rounded corners are smooth
            return
        painter.fillPath(path, SURFACE_HIGH)
        diameter = min(box.width(), box.height()) * 0.62
        circle = QRectF(0, 0, diameter, diameter)
        circle.moveCenter(box.center())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.branding.brand_colour))
        painter.drawEllipse(circle)
        letters = scale.font(diameter / scale.factor * 0.4, QFont.Weight.Bold)
        draw_text(painter, circle, initials(name), letters, BACKGROUND, Qt.AlignmentFlag.AlignCenter)

    def _paint_suffering(self, painter: QPainter, scale: WallScale, rect: QRectF,
                         rows: tuple[tuple[str, int, int], ...], first: str) -> None:
        """One row per stage: its name and calls, a bar as long as its complaints, the count in big figures."""
        self.suffering_bars = []
        top = kicker(painter, scale, rect, f"Where {first} suffers most", WARM)
        if not rows:
            draw_text(painter, QRectF(rect.left(), top, rect.width(), scale(40)), "No complaints or calls linked yet",
                      scale.font(28), TEXT_SOFT)
            return
        height = min(scale(68), (rect.bottom() - top) / len(rows))
        most = max(1, max(complaints for _, complaints, _ in rows))
        number_font = scale.font(34, QFont.Weight.Black)
        number_w = QFontMetricsF(number_font).horizontalAdvance(f"{most:,}") + scale(20)
        for index, (stage, complaints, calls) in enumerate(rows):
            y = top + index * height
            calls_text = f"{calls} call{'' if calls == 1 else 's'}" if calls else ""
            calls_w = QFontMetricsF(scale.font(24)).horizontalAdvance(calls_text) + scale(12)
            draw_text(painter, QRectF(rect.left(), y, rect.width() - calls_w, height * 0.5), stage, scale.font(26),
                      TEXT)
            draw_text(painter, QRectF(rect.right() - calls_w, y, calls_w, height * 0.5), calls_text, scale.font(24),
                      TEXT_SOFT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            bar = QRectF(rect.left(), y + height * 0.52, (rect.width() - number_w) * complaints / most, height * 0.32)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(WARM)
            painter.drawRoundedRect(bar, scale(4), scale(4))
            self.suffering_bars.append(bar)
            draw_text(painter, QRectF(bar.right() + scale(12), bar.center().y() - scale(24), number_w, scale(48)),
                      f"{complaints:,}", number_font, TEXT, LEFT)

    def _paint_calls(self, painter: QPainter, scale: WallScale, rect: QRectF,
                     calls: list[tuple[str, str, int, str]], first: str) -> None:
        """Each call with a play mark, its title (on one line, shortened at a word), length and stage;
        calls that do not fit are counted on the last line."""
        self.call_boxes = []
        top = kicker(painter, scale, rect, f"{first}'s calls", QColor(self.branding.brand_colour))
        if not calls:
            draw_text(painter, QRectF(rect.left(), top, rect.width(), scale(40)), "No recorded calls yet",
                      scale.font(28), TEXT_SOFT)
            return
        text_left = rect.left() + scale(66)
        title_font = scale.font(25, QFont.Weight.Bold)
        title_h = QFontMetricsF(title_font).lineSpacing()
        for index, (_, title, duration_ms, stage) in enumerate(calls):
            box = QRectF(rect.left(), top, rect.width(), title_h + scale(34))
            room_after = rect.bottom() - box.bottom() - scale(12)
            if room_after < 0 or (index < len(calls) - 1 and room_after < scale(40)):
                draw_text(painter, QRectF(rect.left(), top, rect.width(), scale(36)),
                          f"+ {len(calls) - index} more on the console", scale.font(24), TEXT_SOFT)
                return
            self.call_boxes.append(box)
            disc = QRectF(box.left(), box.top() + scale(4), scale(50), scale(50))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.branding.brand_colour))
            painter.drawEllipse(disc)
            draw_text(painter, disc.adjusted(scale(4), 0, 0, 0), "▶", scale.font(24, QFont.Weight.Bold), BACKGROUND,
                      Qt.AlignmentFlag.AlignCenter)
            draw_text(painter, QRectF(text_left, box.top(), rect.right() - text_left, title_h), title, title_font, TEXT)
            draw_text(painter, QRectF(text_left, box.top() + title_h + scale(2), rect.right() - text_left, scale(32)),
                      f"{clock_text(round(duration_ms / 1000))} · {stage}", scale.font(22), TEXT_SOFT)
            top = box.bottom() + scale(14)
