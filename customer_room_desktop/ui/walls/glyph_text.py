"""Large wall text drawn from glyph images, as Qt draws small text.

Qt keeps a picture of each glyph up to 64 pixels and copies it; a larger glyph it fills as an outline
every time it is drawn. Wall text at 4K is mostly larger: a verbatim at 100 pixels took 12.7 ms to draw
and a stage switch spent half its painting there. ``draw_wall_text`` lays text out as ``drawText`` does
(the same lines, the same alignment, clipped to its box) and copies each glyph from a picture made once
per font, size, colour and glyph. Anything else (small text, a rotated or scaled painter, a decorated
font, a PDF) goes to ``drawText`` itself.
"""

from __future__ import annotations

import functools
import math
from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEngine, QRawFont, QTextLayout,
                           QTextOption, QTransform)


QT_CACHES_UP_TO = 64  # pixels: Qt's own glyph cache takes glyphs up to this size
_ALIGNMENTS = int(Qt.AlignmentFlag.AlignHorizontal_Mask | Qt.AlignmentFlag.AlignVertical_Mask)
_WRAP = int(Qt.TextFlag.TextWordWrap)
_HANDLED = _ALIGNMENTS | _WRAP
_RIGHT, _HCENTRE = int(Qt.AlignmentFlag.AlignRight), int(Qt.AlignmentFlag.AlignHCenter)
_BOTTOM, _VCENTRE = int(Qt.AlignmentFlag.AlignBottom), int(Qt.AlignmentFlag.AlignVCenter)
_FontKey = tuple[str, str, float, int, int]


class GlyphPictures:
    """Each glyph's picture in one colour, premultiplied ARGB, with where it sits from the pen; the
    least recently used go first once ``budget`` bytes are held."""

    def __init__(self, budget: int = 8 * 2**20):
        self.budget = budget
        self.held = 0
        self._pictures: OrderedDict[tuple[_FontKey, int, int], tuple[QImage, QPointF]] = OrderedDict()

    @staticmethod
    def font_key(raw: QRawFont) -> _FontKey:
        return raw.familyName(), raw.styleName(), raw.pixelSize(), int(raw.weight()), raw.style().value

    def picture(self, font_key: _FontKey, raw: QRawFont, glyph: int, rgba: int) -> tuple[QImage, QPointF]:
        key = (font_key, glyph, rgba)
        found = self._pictures.get(key)
        if found is not None:
            self._pictures.move_to_end(key)
            return found
        made = _coloured_glyph(raw, glyph, QColor.fromRgba(rgba))
        self._pictures[key] = made
        self.held += made[0].sizeInBytes()
        while self.held > self.budget and len(self._pictures) > 1:
            _, (dropped, _) = self._pictures.popitem(last=False)
            self.held -= dropped.sizeInBytes()
        return made


def _coloured_glyph(raw: QRawFont, glyph: int, colour: QColor) -> tuple[QImage, QPointF]:
    """The glyph in ``colour``, premultiplied: the glyph's coverage read as the indexes of a table of the
    colour at every opacity, then converted once. A table's colours are read as not premultiplied, so the
    table holds the colour itself with the coverage as its alpha, and the conversion premultiplies it once.
    The pixels are the same as filling the colour and keeping it where the coverage is (DestinationIn);
    that took 220 microseconds a glyph, a painter begun and ended for each, this 30."""
    coverage = raw.alphaMapForGlyph(glyph, QRawFont.AntialiasingType.PixelAntialiasing)
    box = raw.boundingRect(glyph)
    if coverage.isNull() or coverage.width() == 0:
        return QImage(), box.topLeft()
    if coverage.format() != _ALPHA8:
        coverage = coverage.convertToFormat(_ALPHA8)
    coverage.reinterpretAsFormat(_INDEXED8)  # one byte a pixel either way: the coverage becomes the index
    coverage.setColorTable(_opacity_table(colour.rgba()))
    return coverage.convertToFormat(_PREMULTIPLIED), box.topLeft()


_ALPHA8, _INDEXED8 = QImage.Format.Format_Alpha8, QImage.Format.Format_Indexed8
_PREMULTIPLIED = QImage.Format.Format_ARGB32_Premultiplied


@functools.lru_cache(maxsize=64)
def _opacity_table(rgba: int) -> list[int]:
    """The colour at each of 256 opacities, not premultiplied, times the colour's own opacity."""
    colour = rgba & 0xFFFFFF
    alpha = rgba >> 24 & 0xFF
    return [(coverage * alpha + 127) // 255 << 24 | colour for coverage in range(256)]


_glyphs = GlyphPictures()


def draw_wall_text(painter: QPainter, rect: QRectF, flags: int, text: str) -> None:
    """``painter.drawText(rect, flags, text)`` in the painter's font and pen, large glyphs from pictures."""
    font, flags = painter.font(), int(flags)
    if not _drawn_from_pictures(painter, font, flags):
        painter.drawText(rect, flags, text)
        return
    layout, height = _laid_out(painter, font, rect, flags, text)
    yoff = rect.height() - height if flags & _BOTTOM else (rect.height() - height) / 2 if flags & _VCENTRE else 0.0
    rgba = painter.pen().color().rgba()
    to_device = painter.deviceTransform()
    rows = _rows_painted(painter)
    painter.save()
    try:
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        shift_x, shift_y = to_device.dx(), to_device.dy()  # a translation only: pictures go to whole device
        # pixels, as Qt's own cached glyphs do (the painter may also carry a widget's offset of its own)
        for line in (layout.lineAt(index) for index in range(layout.lineCount())):
            advance = line.horizontalAdvance()
            spare = rect.width() - advance
            xoff = spare if flags & _RIGHT else spare / 2 if flags & _HCENTRE else 0.0
            origin = to_device.map(QPointF(rect.x() + xoff, rect.y() + yoff))
            top = origin.y() + line.y()
            if rows is not None and (top + line.height() < rows[0] or top > rows[1]):
                continue  # a frame is painted a band at a time: this line is in another band
            for run in line.glyphRuns():
                raw = run.rawFont()
                font_key = GlyphPictures.font_key(raw)
                for glyph, position in zip(run.glyphIndexes(), run.positions()):
                    picture, offset = _glyphs.picture(font_key, raw, glyph, rgba)
                    if not picture.isNull():
                        painter.drawImage(QPointF(round(origin.x() + position.x() + offset.x()) - shift_x,
                                                  round(origin.y() + position.y() + offset.y()) - shift_y), picture)
    finally:
        painter.restore()


def _rows_painted(painter: QPainter) -> tuple[float, float] | None:
    """The device rows this paint covers (a band of a frame, an update region), or None for all; a margin of
    a line's overhang is left to the clip."""
    engine = painter.paintEngine()
    region = engine.systemClip() if engine is not None else None
    if region is None or region.isEmpty():
        return None
    box = region.boundingRect()
    return box.top() - QT_CACHES_UP_TO, box.bottom() + QT_CACHES_UP_TO


def _drawn_from_pictures(painter: QPainter, font: QFont, flags: int) -> bool:
    """Only onto pixels (a PDF or a recording keeps real text), and only what Qt would fill as outlines."""
    engine = painter.paintEngine()
    pixels = font.pixelSize()
    return (engine is not None and engine.type() == QPaintEngine.Type.Raster
            and pixels > QT_CACHES_UP_TO and not flags & ~_HANDLED
            and not (font.underline() or font.strikeOut() or font.overline())
            and painter.deviceTransform().type().value <= QTransform.TransformationType.TxTranslate.value
            and painter.pen().style() == Qt.PenStyle.SolidLine and painter.pen().brush().style()
            == Qt.BrushStyle.SolidPattern)


def _laid_out(painter: QPainter, font: QFont, rect: QRectF, flags: int, text: str) -> tuple[QTextLayout, float]:
    """The text and its height, laid out as Qt's drawText lays them: whole-pixel line tops, the font's leading
    between lines, no lines laid out past the box's bottom."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font, painter.device())
    option = QTextOption()
    wrap = bool(flags & _WRAP)
    option.setWrapMode(QTextOption.WrapMode.WordWrap if wrap else QTextOption.WrapMode.ManualWrap)
    if not wrap:
        option.setFlags(QTextOption.Flag.IncludeTrailingSpaces)
    layout.setTextOption(option)
    leading = QFontMetricsF(font, painter.device()).leading()
    width = max(0.0, rect.width()) if wrap else float(0x01000000)
    height = -leading
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        height = math.ceil(height + leading)
        line.setPosition(QPointF(0.0, height))
        height += line.ascent() + line.descent()
        if height >= rect.height():
            break
    layout.endLayout()
    return layout, height
