"""The stage panel: one stage of the journey on a whole wall, read from the back of the room (issue 19).

The room reads, from its seats: the stage's name, its KPI values, its top complaints' counts and one
customer's words. The rest (labels, targets, surveys, thumbnails of what customers receive) is for a
leader who walks up to the wall. A stage with more than the wall holds shows its worst few, and says so.
"""

from __future__ import annotations


from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from ...domain.legibility import Tier
from ...domain.long_text import ELLIPSIS, wall_excerpt
from ...services.image_prep import ImageUnavailable
from ...services.painting import painting
from ...services.wall_data import ArtifactThumb, Branding, CategoryCount, StagePanelData
from .room_text import fits_wrapped, room_font
from .sparkline import Sparkline
from .stage_tiles import MAX_TILES, TILE_GAP_UNITS, TileLayout, tiles_shown
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, ROOM_TEXT, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, TREND_MARKS, WallScale,
    draw_placeholder, draw_text, fill_rounded, logo_image, reliability_colour,
)
from .glyph_text import draw_wall_text
from ...domain.records import record

MAX_CATEGORIES = 3  # the top complaint categories the room reads
MAX_THUMBNAILS = 2
THUMB_UNITS = QSize(296, 340)  # wall units of one artifact thumbnail
COUNT_UNITS = 80
CATEGORY_UNITS = 30
LABEL_UNITS = MINIMUM_TEXT
KPI_LABEL_UNITS = 48  # the KPI column's label line, over its rows
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


def thumbnail_box(height: int) -> QSize:
    """The pixel size thumbnails are prepared at for a wall of this height."""
    scale = height / 1080
    return QSize(round(THUMB_UNITS.width() * scale), round(THUMB_UNITS.height() * scale))


def thumbnails_shown(artifacts: tuple[ArtifactThumb, ...]) -> tuple[ArtifactThumb, ...]:
    """The few artifacts the wall pictures: those with a task on them first, then in the stage's order."""
    return tuple(sorted(artifacts, key=lambda a: not a.has_task)[:MAX_THUMBNAILS])


@record
class StageAreas:
    """The panel's regions below the shared header, in pixels."""

    kpis: QRectF
    complaints: QRectF
    quote: QRectF
    strip: QRectF


def stage_areas(width: int, height: int, tile_count: int) -> tuple[WallScale, StageAreas]:
    """Two columns under the header: the KPIs over the verbatim (which takes what fewer KPIs leave),
    the complaints over the thumbnails."""
    scale = WallScale(height)
    margin, gutter, gap = scale(48), scale(48), scale(22)
    body_top, split, bottom = scale(205), scale(640), height - scale(24)
    left_w = (width - 2 * margin - gutter) * 0.65
    right_left = margin + left_w + gutter
    right_w = width - margin - right_left
    rows_top = body_top + KPI_LABEL_UNITS * scale.factor
    row_h = (split - rows_top - (MAX_TILES - 1) * scale(TILE_GAP_UNITS)) / MAX_TILES
    kpis_bottom = rows_top + tile_count * row_h + max(0, tile_count - 1) * scale(TILE_GAP_UNITS)
    quote_top = kpis_bottom + gap
    return scale, StageAreas(QRectF(margin, body_top, left_w, kpis_bottom - body_top),
                             QRectF(right_left, body_top, right_w, split - body_top),
                             QRectF(margin, quote_top, left_w, bottom - quote_top),
                             QRectF(right_left, split + gap, right_w, bottom - split - gap))


class StagePanel(QWidget):
    """Stage name and goal; the worst KPIs, large, with sparklines; the top complaints with trends; one
    rotating verbatim's opening; survey results; a couple of artifact thumbnails. Show a stage with
    ``show_stage``. After a paint, ``quote_box`` is the verbatim's box and ``quote_text`` what it holds
    ("" when no verbatim fits)."""

    def __init__(self, branding: Branding, parent: QWidget | None = None, verbatim_seconds: int = 0):
        super().__init__(parent)
        self.branding = branding
        self.data: StagePanelData | None = None
        self.thumbnails: dict[str, QImage | ImageUnavailable] = {}
        self.verbatim_index = 0
        self._logo = logo_image(branding.logo)
        self._sparklines: list[Sparkline] = []  # made as tiles need them
        self._tiles: TileLayout | None = None
        self.quote_box = QRectF()
        self.quote_text = ""
        self._rotation = QTimer(self, interval=max(0, verbatim_seconds) * 1000)
        self._rotation.timeout.connect(self.next_verbatim)
        self.setAutoFillBackground(False)

    def show_stage(self, data: StagePanelData, thumbnails: dict[str, QImage | ImageUnavailable],
                   verbatim_index: int = 0) -> None:
        """Show a stage. The verbatim rotates by itself only when the panel was made with
        ``verbatim_seconds``; the live room rotates it instead, so frames stay in step."""
        self.data = data
        self.thumbnails = thumbnails
        self.verbatim_index = verbatim_index
        self._layout_tiles()
        if self._rotation.interval() > 0:
            self._rotation.start()
        self.update()

    def set_thumbnail(self, sha256: str, image: QImage | ImageUnavailable) -> None:
        """A thumbnail finished preparing after the stage was shown."""
        if self.data and any(a.media_sha256 == sha256 for a in self.data.artifacts):
            self.thumbnails = {**self.thumbnails, sha256: image}
            self.update()

    def next_verbatim(self) -> None:
        if self.data and self.data.verbatims:
            self.verbatim_index = (self.verbatim_index + 1) % len(self.data.verbatims)
            self.update()

    # -- layout -------------------------------------------------------------------------
    def _layout_tiles(self) -> None:
        tiles = tiles_shown(self.data.kpis) if self.data else ()
        scale, areas = stage_areas(self.width(), self.height(), len(tiles))
        rows = areas.kpis.adjusted(0, scale(KPI_LABEL_UNITS), 0, 0)
        self._tiles = TileLayout(scale, rows, tiles)
        while len(self._sparklines) < len(tiles):
            self._sparklines.append(Sparkline(self))
        for index, spark in enumerate(self._sparklines):
            if index >= len(tiles):
                spark.hide()
                continue
            tile = tiles[index]
            spark.setGeometry(self._tiles.geometries[index].sparkline.toRect())
            spark.show_series(tile.sparkline, tile.target, reliability_colour(tile.reliability), scale(4))
            spark.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout_tiles()
        super().resizeEvent(event)

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), BACKGROUND)
            if self.data is None:
                return
            data = self.data
            scale, areas = stage_areas(self.width(), self.height(), len(tiles_shown(data.kpis)))
            draw_header(painter, self.width(), scale, self.branding, self._logo,
                        f"{data.position} / {data.stage_count}", data.name, data.goal, data.reliability)
            self._paint_kpis(painter, scale, areas.kpis, data)
            self._paint_complaints(painter, scale, areas.complaints, data)
            self._paint_quote(painter, scale, areas.quote, data)
            self._paint_strip(painter, scale, areas.strip, data)

    def _paint_kpis(self, painter: QPainter, scale: WallScale, area: QRectF, data: StagePanelData) -> None:
        label_font = scale.font(LABEL_UNITS, QFont.Weight.Bold)
        label_h = QFontMetricsF(label_font).height()
        shown = tiles_shown(data.kpis)
        label = "MOMENTS OF TRUTH"
        if len(shown) < len(data.kpis):
            label += f" · WORST {len(shown)} OF {len(data.kpis)}"
        used = draw_text(painter, QRectF(area.left(), area.top(), area.width(), label_h), label, label_font,
                         TEXT_FAINT)
        surveys = "   ".join(_survey_text(s.survey, s.score) for s in data.surveys)
        if surveys:
            survey_font = scale.font(28, QFont.Weight.Bold)
            left = used.right() + scale(40)
            draw_text(painter, QRectF(left, area.top() - scale(3), area.right() - left, label_h + scale(6)), surveys,
                      survey_font, TEXT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if self._tiles is None or self._tiles.tiles != shown:
            self._layout_tiles()
        assert self._tiles is not None
        for index in range(len(self._tiles.tiles)):
            self._tiles.paint(painter, index)

    def _paint_complaints(self, painter: QPainter, scale: WallScale, area: QRectF, data: StagePanelData) -> None:
        label_font = scale.font(LABEL_UNITS, QFont.Weight.Bold)
        label_h = QFontMetricsF(label_font).height()
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), label_h),
                  f"COMPLAINTS · {data.period_label}" if data.period_label else "COMPLAINTS", label_font, TEXT_FAINT)
        top = area.top() + scale(48)
        if not data.categories:
            draw_text(painter, QRectF(area.left(), top, area.width(), scale(80)), "No complaints in these months",
                      scale.font(CATEGORY_UNITS), TEXT_SOFT)
            return
        shown, rest = data.categories[:MAX_CATEGORIES], data.categories[MAX_CATEGORIES:]
        note_font = scale.font(LABEL_UNITS)
        note_h = QFontMetricsF(note_font).height() if rest else 0.0
        gap = scale(12)
        row_h = min(scale(104), (area.bottom() - top - note_h - gap * MAX_CATEGORIES) / MAX_CATEGORIES)
        count_font = _shared_count_font(scale, area.width() * 0.25, shown)
        count_w = max(QFontMetricsF(count_font).horizontalAdvance(f"{c.count:,}") for c in shown)
        mark_w = scale(56)
        name_w = area.width() - mark_w - count_w - scale(24)
        name_font = _shared_name_font(scale, name_w, shown)
        y = top
        for category in shown:
            row = QRectF(area.left(), y, area.width(), row_h)
            mark, mark_colour = TREND_MARKS.get(category.trend, TREND_MARKS["no data"])
            centred = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            draw_text(painter, QRectF(row.left(), row.top(), mark_w, row_h), mark, scale.font(40), mark_colour, centred)
            draw_text(painter, QRectF(row.left() + mark_w, row.top(), name_w, row_h), category.category, name_font,
                      TEXT, centred)
            draw_text(painter, QRectF(row.right() - count_w, row.top(), count_w, row_h), f"{category.count:,}",
                      count_font, TEXT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            y += row_h + gap
        if rest:
            more = sum(c.count for c in rest)
            kinds = "category" if len(rest) == 1 else "categories"
            draw_text(painter, QRectF(area.left() + mark_w, y, area.width() - mark_w, note_h),
                      f"and {len(rest)} more {kinds}: {more:,} complaints in all", note_font, TEXT_SOFT)

    def _paint_quote(self, painter: QPainter, scale: WallScale, area: QRectF, data: StagePanelData) -> None:
        self.quote_box, self.quote_text = QRectF(), ""
        if not data.verbatims:
            return
        fill_rounded(painter, area, scale(12), SURFACE)
        painter.fillRect(QRectF(area.left(), area.top(), scale(8), area.height()), TEXT_FAINT)
        self.quote_box = area.adjusted(scale(36), scale(14), -scale(28), -scale(6))
        verbatim = wall_excerpt(data.verbatims[self.verbatim_index % len(data.verbatims)])  # already cut: a guard
        font = room_font(scale, ROOM_TEXT, italic=True)
        self.quote_text = _quoted_to_fit(painter, font, self.quote_box, verbatim)
        if self.quote_text:
            painter.setFont(font)
            painter.setPen(TEXT)
            draw_wall_text(painter, self.quote_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                             | int(Qt.TextFlag.TextWordWrap), self.quote_text)

    def _paint_strip(self, painter: QPainter, scale: WallScale, strip: QRectF, data: StagePanelData) -> None:
        shown = thumbnails_shown(data.artifacts)
        label_font = scale.font(LABEL_UNITS, QFont.Weight.Bold)
        label_h = QFontMetricsF(label_font).height()
        label = "WHAT CUSTOMERS RECEIVE"
        if data.artifacts:
            label += (f" · {len(shown)} OF {len(data.artifacts)}" if len(shown) < len(data.artifacts)
                      else f" · {len(data.artifacts)}")
        draw_text(painter, QRectF(strip.left(), strip.top(), strip.width(), label_h), label, label_font, TEXT_FAINT)
        box = thumbnail_box(self.height())
        gap = scale(22)
        top = strip.top() + scale(48)
        for index, artifact in enumerate(shown):
            cell = QRectF(strip.left() + index * (box.width() + gap), top, box.width(),
                          min(box.height(), strip.bottom() - top))
            if cell.right() > strip.right() + 1:
                break
            image = self.thumbnails.get(artifact.media_sha256)
            if isinstance(image, QImage) and not image.isNull():
                fill_rounded(painter, cell, scale(6), SURFACE)
                target = QRectF(0, 0, image.width(), image.height())
                target.moveCenter(cell.center())
                painter.save()
                painter.setClipRect(cell)
                painter.drawImage(target, image)
                painter.restore()
                if artifact.has_task:
                    painter.setPen(QPen(reliability_colour("at risk"), scale(5)))
                    painter.drawRect(cell)
            elif isinstance(image, ImageUnavailable):
                draw_placeholder(painter, cell, artifact.title, str(image), scale)
            else:  # still being prepared on a worker thread: an empty frame, filled in when ready
                fill_rounded(painter, cell, scale(6), SURFACE)


def _shared_count_font(scale: WallScale, width: float, categories: tuple[CategoryCount, ...]) -> QFont:
    """One size for every count: the largest, down to the room tier, at which the widest fits ``width``."""
    size = COUNT_UNITS
    while True:
        font = scale.font(size, QFont.Weight.Bold, tier=Tier.ROOM)
        metrics = QFontMetricsF(font)
        if size <= ROOM_TEXT or all(metrics.horizontalAdvance(f"{c.count:,}") <= width for c in categories):
            return font
        size = max(ROOM_TEXT, size - 2)


def _shared_name_font(scale: WallScale, width: float, categories: tuple[CategoryCount, ...]) -> QFont:
    """One size for every category name: the largest, down to the walk-up tier, at which each fits one line."""
    size = CATEGORY_UNITS
    while True:
        font = scale.font(size)
        if size <= MINIMUM_TEXT or all(QFontMetricsF(font).horizontalAdvance(c.category) <= width for c in categories):
            return font
        size -= 1


def _quoted_to_fit(painter: QPainter, font: QFont, box: QRectF, verbatim: str) -> str:
    """The verbatim in quotes: whole when it fits the box, else its opening then " …": whole sentences when
    they fill half of it, else as many whole words as fit. Empty when not even the first word fits."""
    body = verbatim.rstrip(ELLIPSIS).rstrip()
    cut = body != verbatim.rstrip()  # already cut short (the opening of a long narrative)
    words = body.split()

    def quoted(count: int) -> str:
        if count == len(words) and not cut:
            return f"{OPEN_QUOTE}{body}{CLOSE_QUOTE}"
        opening = " ".join(words[:count - 1] + [words[count - 1].rstrip(",;:–—-") or words[count - 1]])
        return f"{OPEN_QUOTE}{opening} {ELLIPSIS}{CLOSE_QUOTE}"

    low, high = 0, len(words)  # the most words that fit: quoted(low) fits, quoted(high + 1) does not
    while low < high:
        middle = (low + high + 1) // 2
        if fits_wrapped(font, box, quoted(middle)):
            low = middle
        else:
            high = middle - 1
    if low in (0, len(words)):
        return quoted(low) if low else ""
    opening = wall_excerpt(body, len(" ".join(words[:low])) + 2)  # whole sentences when they fill half of it
    if not opening.endswith(" " + ELLIPSIS):
        opening = opening.removesuffix(ELLIPSIS) + " " + ELLIPSIS
    opening = f"{OPEN_QUOTE}{opening}{CLOSE_QUOTE}"
    return opening if fits_wrapped(font, box, opening) else quoted(low)


def _survey_text(survey: str, score: float) -> str:
    if survey == "CSAT":
        return f"CSAT {score:.0f}%"
    if survey == "NPS":
        return f"NPS {score:+.0f}"
    return f"{survey} {score:.1f}"
