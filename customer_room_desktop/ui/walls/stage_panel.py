"""The stage panel: one stage of the journey on a whole wall."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from ...domain.figures import value_parts
from ...domain.long_text import wall_excerpt
from ...services.image_prep import ImageUnavailable
from ...services.painting import painting
from ...services.wall_data import Branding, StagePanelData
from .sparkline import Sparkline
from .wall_chrome import draw_header
from .wall_style import (
    BACKGROUND, SURFACE, TEXT, TEXT_FAINT, TEXT_SOFT, TREND_MARKS, WallScale, draw_fitted_text,
    draw_placeholder, draw_text, fill_rounded, logo_image, reliability_colour,
)

MAX_TILES = 6
THUMB_UNITS = QSize(250, 190)  # wall units of one artifact thumbnail


def thumbnail_box(height: int) -> QSize:
    """The pixel size thumbnails are prepared at for a wall of this height."""
    scale = height / 1080
    return QSize(round(THUMB_UNITS.width() * scale), round(THUMB_UNITS.height() * scale))


class StagePanel(QWidget):
    """Stage name and goal; KPI tiles with sparklines; complaints with trends; a rotating verbatim;
    survey results; artifact thumbnails. Show a stage with ``show_stage``. After a paint, ``quote_box``
    is the verbatim's box and ``quote_text`` what it holds ("" when no verbatim fits)."""

    def __init__(self, branding: Branding, parent: QWidget | None = None, verbatim_seconds: int = 0):
        super().__init__(parent)
        self.branding = branding
        self.data: StagePanelData | None = None
        self.thumbnails: dict[str, QImage | ImageUnavailable] = {}
        self.verbatim_index = 0
        self._logo = logo_image(branding.logo)
        self._sparklines: list[Sparkline] = []  # made as tiles need them
        self._tile_rects: list[QRectF] = []
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
    def _areas(self) -> tuple[WallScale, QRectF, QRectF, QRectF]:
        scale = WallScale(self.height())
        margin = scale(48)
        body_top = scale(200)
        strip_height = scale(270)
        width, height = self.width(), self.height()
        left = QRectF(margin, body_top, width * 0.56 - margin * 1.5, height - body_top - strip_height - margin)
        right = QRectF(width * 0.56, body_top, width * 0.44 - margin, left.height())
        strip = QRectF(margin, height - strip_height - margin * 0.5, width - 2 * margin, strip_height)
        return scale, left, right, strip

    def _layout_tiles(self) -> None:
        scale, left, _, _ = self._areas()
        tiles = self.data.kpis[:MAX_TILES] if self.data else ()
        columns = 2 if len(tiles) > 1 else 1
        rows = max(1, -(-len(tiles) // columns))
        gap = scale(20)
        top = left.top() + scale(48)
        tile_w = (left.width() - gap * (columns - 1)) / columns
        tile_h = min((left.bottom() - top - gap * (rows - 1)) / rows, scale(300))
        self._tile_rects = []
        while len(self._sparklines) < len(tiles):
            self._sparklines.append(Sparkline(self))
        for index, spark in enumerate(self._sparklines):
            if index >= len(tiles):
                spark.hide()
                continue
            rect = QRectF(left.left() + (index % columns) * (tile_w + gap), top + (index // columns) * (tile_h + gap),
                          tile_w, tile_h)
            self._tile_rects.append(rect)
            tile = tiles[index]
            spark_rect = QRectF(rect.left() + rect.width() * 0.52, rect.top() + rect.height() * 0.40,
                                rect.width() * 0.45, rect.height() * 0.50)
            spark.setGeometry(spark_rect.toRect())
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
            scale, left, right, strip = self._areas()
            data = self.data
            draw_header(painter, self.width(), scale, self.branding, self._logo,
                        f"{data.position} / {data.stage_count}", data.name, data.goal, data.reliability)
            draw_text(painter, QRectF(left.left(), left.top(), left.width(), scale(40)), "MOMENTS OF TRUTH",
                      scale.font(24, QFont.Weight.Bold), TEXT_FAINT)
            for rect, tile in zip(self._tile_rects, data.kpis):
                self._paint_tile(painter, scale, rect, tile)
            self._paint_complaints(painter, scale, right)
            self._paint_strip(painter, scale, strip)

    def _paint_tile(self, painter: QPainter, scale: WallScale, rect: QRectF, tile) -> None:
        colour = reliability_colour(tile.reliability)
        fill_rounded(painter, rect, scale(12), SURFACE)
        painter.fillRect(QRectF(rect.left(), rect.top(), scale(10), rect.height()), colour)
        inner = rect.adjusted(scale(28), scale(14), -scale(16), -scale(12))
        used = draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(36)), tile.moment,
                         scale.font(27, QFont.Weight.Bold), TEXT)
        draw_text(painter, QRectF(inner.left(), used.bottom() + scale(2), inner.width(), scale(32)), tile.name,
                  scale.font(22), TEXT_SOFT)
        value_top = inner.top() + inner.height() * 0.34
        left_w = inner.width() * 0.5
        number, unit = value_parts(tile.value, tile.unit)
        used = draw_text(painter, QRectF(inner.left(), value_top, left_w, scale(70)), number,
                         scale.font(54, QFont.Weight.Bold), colour)
        if unit:
            draw_text(painter, QRectF(used.right() + scale(6), value_top + scale(24), left_w - used.width(), scale(40)),
                      unit, scale.font(28, QFont.Weight.Bold), colour)
        lines = [(tile.reliability.upper(), scale.font(22, QFont.Weight.Bold), colour)]
        if tile.reliability == "unreliable" and tile.unreliable_months > 1:
            lines.append((f"{tile.unreliable_months} months in a row", scale.font(22), colour))
        target, target_unit = value_parts(tile.target, tile.unit)
        lines.append((f"target {target}{target_unit if target_unit == '%' else ' ' + target_unit}", scale.font(22),
                      TEXT_SOFT))
        y = used.bottom() + scale(4)
        for text, font, text_colour in lines:
            y = draw_text(painter, QRectF(inner.left(), y, left_w, scale(30)), text, font, text_colour).bottom()

    def _paint_complaints(self, painter: QPainter, scale: WallScale, area: QRectF) -> None:
        data = self.data
        draw_text(painter, QRectF(area.left(), area.top(), area.width(), scale(40)),
                  f"COMPLAINTS · {data.period_label}", scale.font(24, QFont.Weight.Bold), TEXT_FAINT)
        y = area.top() + scale(52)
        row_h = scale(54)
        if not data.categories:
            draw_text(painter, QRectF(area.left(), y, area.width(), row_h), "No complaints in these months",
                      scale.font(28), TEXT_SOFT)
        for category in data.categories:
            mark, mark_colour = TREND_MARKS.get(category.trend, TREND_MARKS["no data"])
            draw_text(painter, QRectF(area.left(), y, scale(46), row_h), mark, scale.font(30), mark_colour)
            draw_text(painter, QRectF(area.left() + scale(50), y, area.width() - scale(180), row_h), category.category,
                      scale.font(30), TEXT)
            draw_text(painter, QRectF(area.right() - scale(130), y, scale(130), row_h), f"{category.count:,}",
                      scale.font(36, QFont.Weight.Bold), TEXT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            y += row_h
        quote_top = y + scale(20)
        quote = QRectF(area.left(), quote_top, area.width(), area.bottom() - quote_top)
        self.quote_box, self.quote_text = QRectF(), ""
        if data.verbatims and quote.height() > scale(100):
            fill_rounded(painter, quote, scale(12), SURFACE)
            painter.fillRect(QRectF(quote.left(), quote.top(), scale(8), quote.height()), TEXT_FAINT)
            text = wall_excerpt(data.verbatims[self.verbatim_index % len(data.verbatims)])  # already cut: a guard
            self.quote_box = quote.adjusted(scale(32), scale(20), -scale(24), -scale(16))
            self.quote_text = draw_fitted_text(painter, self.quote_box, f"“{text}”", scale, 28, TEXT, italic=True)

    def _paint_strip(self, painter: QPainter, scale: WallScale, strip: QRectF) -> None:
        data = self.data
        surveys = "   ".join(_survey_text(s.survey, s.score) for s in data.surveys)
        draw_text(painter, QRectF(strip.left(), strip.top(), strip.width() * 0.5, scale(40)),
                  f"WHAT CUSTOMERS RECEIVE · {len(data.artifacts)}", scale.font(24, QFont.Weight.Bold), TEXT_FAINT)
        if surveys:
            draw_text(painter, QRectF(strip.left() + strip.width() * 0.5, strip.top(), strip.width() * 0.5, scale(40)),
                      surveys, scale.font(28, QFont.Weight.Bold), TEXT,
                      Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        box = thumbnail_box(self.height())
        x = strip.left()
        top = strip.top() + scale(50)
        for artifact in data.artifacts:
            if x + box.width() > strip.right():
                break
            cell = QRectF(x, top, box.width(), box.height())
            image = self.thumbnails.get(artifact.media_sha256)
            if isinstance(image, QImage) and not image.isNull():
                fill_rounded(painter, cell, scale(6), SURFACE)
                target = QRectF(0, 0, image.width(), image.height())
                target.moveCenter(cell.center())
                painter.drawImage(target, image)
                if artifact.has_task:
                    painter.setPen(QPen(reliability_colour("at risk"), scale(5)))
                    painter.drawRect(cell)
            elif isinstance(image, ImageUnavailable):
                draw_placeholder(painter, cell, artifact.title, str(image), scale)
            else:  # still being prepared on a worker thread: an empty frame, filled in when ready
                fill_rounded(painter, cell, scale(6), SURFACE)
            x += box.width() + scale(22)


def _survey_text(survey: str, score: float) -> str:
    if survey == "CSAT":
        return f"CSAT {score:.0f}%"
    if survey == "NPS":
        return f"NPS {score:+.0f}"
    return f"{survey} {score:.1f}"
