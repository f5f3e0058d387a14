"""Minutes as PDF: laid out here with Qt's text engine and painted page by page (no browser engine).

A document a board accepts: the room's logo and brand colour, padded table cells, rows kept whole and
column headings repeated on every page a table runs on, headings kept with what follows them, and
"Page 3 of 7" at the foot of every page (the page rules are page_flow's). The HTML export embeds the same
charts and logo as PNG so the page stands alone. A QGuiApplication must exist (offscreen is enough).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextLayout,
    QTextOption,
)

from ..domain.brand_colour import DEFAULT_BRAND, brand_hex, ink_on_white, tint
from .minutes import Minutes
from .plain_pictures import image_from_bytes
from .minutes_charts import charts_of, png_data_uri
from .minutes_text import heading, long_cells, long_date, sections, to_html
from .page_flow import CAPTION, HEADER, Block, Piece, paginate

DPI = 300
MM = DPI / 25.4
PT = DPI / 72
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, WIDTH = 18 * MM, 174 * MM
FIRST_TOP, TOP, BOTTOM = 14 * MM, 25 * MM, 276 * MM  # the body: from TOP (FIRST_TOP on page 1) to BOTTOM
INK, FAINT, RULE, ZEBRA, DRAFT = "#1b1f23", "#5b6770", "#b8c2c8", "#f5f7f8", "#a40000"
CELL_PAD_X, CELL_PAD_Y = 2.2 * MM, 1.4 * MM
FIGURE = 0.8 * WIDTH  # a chart's width on the page


def _font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


@dataclass
class _Text:
    """A text laid out in lines at a width, ready to measure and to draw."""

    layout: QTextLayout
    heights: tuple[float, ...]

    def draw(self, painter: QPainter, x: float, y: float, lines: tuple[int, int] | None = None) -> float:
        first, end = lines or (0, len(self.heights))
        if first >= end:
            return 0.0
        offset = y - self.layout.lineAt(first).y()
        for number in range(first, end):
            self.layout.lineAt(number).draw(painter, QPointF(x, offset))
        return sum(self.heights[first:end])


@dataclass
class _Table:
    lefts: list[float]
    widths: list[float]
    header: list[_Text]
    rows: list[list[_Text]]
    marker: _Text  # at the foot of an over-tall row's part: it goes on
    resumed: _Text  # at the head of the next part
    caption: _Text
    pad: float = CELL_PAD_Y


@dataclass
class _Drawn:
    """What a block is drawn from."""

    kind: str
    text: _Text | None = None
    colour: str = INK
    image: QImage | None = None
    table: _Table | None = None
    extra: dict = field(default_factory=dict)


class _Document:
    def __init__(self, m: Minutes, device: QPdfWriter):
        self.m, self.device = m, device
        branding = m.branding
        self.brand = brand_hex(branding.brand_colour if branding else DEFAULT_BRAND)
        self.ink = ink_on_white(self.brand)
        self.logo = image_from_bytes(branding.logo) if branding and branding.logo else QImage()
        self.blocks: list[Block] = []
        self.drawn: list[_Drawn] = []
        self._build()

    # -- measuring -------------------------------------------------------------------------------------
    def text(self, text: str, font: QFont, width: float, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> _Text:
        layout = QTextLayout(" ".join(str(text).split()), font, self.device)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y, heights = 0.0, []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
            heights.append(line.height())
        layout.endLayout()
        return _Text(layout, tuple(heights))

    def add(self, block: Block, drawn: _Drawn) -> None:
        self.blocks.append(block)
        self.drawn.append(drawn)

    def column_widths(self, columns: list[str], rows: list[list[str]]) -> list[float]:
        """Each column as wide as its text wants, within the page: short columns whole, long ones share the rest."""
        body, head = QFontMetricsF(_font(9), self.device), QFontMetricsF(_font(9, bold=True), self.device)
        room = WIDTH - 2 * CELL_PAD_X * len(columns)
        natural, least = [], []
        for n, name in enumerate(columns):
            cells = [str(row[n]) for row in rows if n < len(row)]
            words = [body.horizontalAdvance(w[:40]) for cell in cells for w in cell.split()]
            words += [head.horizontalAdvance(w) for w in name.split()]
            natural.append(min(room, max([head.horizontalAdvance(name)] + [body.horizontalAdvance(c[:400])
                                                                          for c in cells])))
            least.append(min(room * 0.3, max(words, default=0.0)))
        if sum(natural) <= room:
            widths = [w + (room - sum(natural)) * w / max(1.0, sum(natural)) for w in natural]
        elif sum(least) >= room:
            widths = [room * w / sum(least) for w in least]
        else:  # the smallest wants first, each up to its share of what is left: short columns stay whole
            widths, left = list(least), room - sum(least)
            wants = sorted(range(len(columns)), key=lambda n: natural[n] - least[n])
            for count, n in enumerate(wants):
                share = left * natural[n] / max(1.0, sum(natural[k] for k in wants[count:]))
                given = min(natural[n] - least[n], share)
                widths[n] += given
                left -= given
        return [w + 2 * CELL_PAD_X for w in widths]

    # -- the blocks ------------------------------------------------------------------------------------
    def _build(self) -> None:
        m = self.m
        sub = heading(m)[1]
        parts = {"title": self.text(m.session.title, _font(20, bold=True), WIDTH),
                 "sub": self.text(f"{m.room} · {sub}", _font(10, italic=True), WIDTH),
                 "label": self.text("MINUTES", _font(9, bold=True), 60 * MM, Qt.AlignmentFlag.AlignRight),
                 "draft": self.text("Draft minutes: the session has not been closed, so what follows may still "
                                    "change.", _font(10, bold=True), WIDTH)}
        logo_h = 0.0
        if not self.logo.isNull():
            logo_h = min(16 * MM, 60 * MM * self.logo.height() / max(1, self.logo.width()))
        top_row = max(logo_h, sum(parts["label"].heights) * 2)
        height = top_row + 5 * MM + sum(parts["title"].heights) + 1 * MM + sum(parts["sub"].heights) + 4 * MM
        height += (4 * MM + sum(parts["draft"].heights)) if m.draft else 0.0
        self.add(Block("title", height=height, after=4 * MM), _Drawn("title", extra={**parts, "logo_h": logo_h,
                                                                                       "top_row": top_row}))
        charts = charts_of(m)
        for name, columns, rows, lines in sections(m):
            text = self.text(name, _font(13, bold=True), WIDTH)
            self.add(Block("heading", height=sum(text.heights) + 2.5 * MM, before=9 * MM, after=3 * MM),
                     _Drawn("heading", text, self.ink))
            for line in lines:
                self.paragraph(line)
            if name in charts:
                image = charts[name]
                self.add(Block("figure", height=FIGURE * image.height() / image.width(), before=2 * MM,
                               after=3 * MM), _Drawn("figure", image=image))
            if rows:
                shown, below = long_cells(columns, rows)
                self.table(name, columns, shown)
                for where, pieces in below:
                    self.paragraph(f"{where}, in full:", bold=True)
                    for piece in pieces:
                        self.paragraph(piece)

    def paragraph(self, line: str, bold: bool = False) -> None:
        text = self.text(line, _font(10, bold=bold), WIDTH)
        self.add(Block("text", lines=text.heights, after=2 * MM), _Drawn("text", text))

    def table(self, name: str, columns: list[str], rows: list[list[str]]) -> None:
        widths = self.column_widths(columns, rows)
        lefts = [LEFT + sum(widths[:n]) for n in range(len(widths))]
        inner = [w - 2 * CELL_PAD_X for w in widths]
        header = [self.text(name, _font(9, bold=True), w) for name, w in zip(columns, inner)]
        laid = [[self.text(cell, _font(9), w) for cell, w in zip(row, inner)] for row in rows]
        marker = self.text("continued on the next page", _font(7.5, italic=True), WIDTH)
        resumed = self.text("continued from the previous page", _font(7.5, italic=True), WIDTH)
        caption = self.text(f"{name}, continued", _font(8.5, italic=True), WIDTH)
        table = _Table(lefts, widths, header, laid, marker, resumed, caption)
        self.add(Block("table", header=tuple(t.heights for t in header), rows=tuple(tuple(t.heights for t in row)
                                                                                      for row in laid),
                       pad=CELL_PAD_Y, marker=sum(marker.heights), caption=sum(caption.heights) + 1.5 * MM,
                       before=2 * MM, after=4 * MM),
                 _Drawn("table", table=table))

    # -- painting --------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, number: int, pages: int, pieces: list[Piece]) -> None:
        top = FIRST_TOP if number == 0 else TOP
        if number:
            self._running_header(painter)
        self._footer(painter, number, pages)
        for piece in pieces:
            drawn, y = self.drawn[piece.block], top + piece.top
            if drawn.kind == "title":
                self._title(painter, drawn, y)
            elif drawn.kind == "heading" and drawn.text:
                painter.setPen(QColor(drawn.colour))
                drawn.text.draw(painter, LEFT, y)
                rule = y + sum(drawn.text.heights) + 1.2 * MM
                painter.setPen(QPen(QColor(self.brand), 0.9 * PT))
                painter.drawLine(QPointF(LEFT, rule), QPointF(LEFT + WIDTH, rule))
            elif drawn.kind == "text" and drawn.text:
                painter.setPen(QColor(INK))
                drawn.text.draw(painter, LEFT, y, piece.lines[0] if piece.lines else None)
            elif drawn.kind == "figure" and drawn.image is not None:
                painter.drawImage(QRectF(LEFT + (WIDTH - FIGURE) / 2, y, FIGURE, piece.height), drawn.image)
            elif drawn.kind == "table" and drawn.table:
                self._row(painter, drawn.table, piece, y)

    def _row(self, painter: QPainter, table: _Table, piece: Piece, y: float) -> None:
        if piece.row == CAPTION:
            painter.setPen(QColor(self.ink))
            table.caption.draw(painter, LEFT, y)
            return
        cells = table.header if piece.row == HEADER else table.rows[piece.row or 0]
        width = sum(table.widths)
        box = QRectF(LEFT, y, width, piece.height)
        if piece.row == HEADER:
            painter.fillRect(box, QColor(tint(self.brand, 0.16)))
        elif (piece.row or 0) % 2:
            painter.fillRect(box, QColor(ZEBRA))
        painter.setPen(QColor(INK))
        text_top = y + table.pad + (sum(table.marker.heights) if piece.continued else 0.0)
        for n, (cell, left) in enumerate(zip(cells, table.lefts)):
            cell.draw(painter, left + CELL_PAD_X, text_top, piece.lines[n] if piece.lines else None)
        painter.setPen(QColor(FAINT))
        if piece.lines:  # an over-tall row's part: say so in its widest column that goes on
            going = [n for n, (cell, (_, end)) in enumerate(zip(cells, piece.lines))
                     if end < len(cell.heights) or piece.continued]
            widest = max(going or range(len(cells)), key=lambda n: table.widths[n])
            mark_x = table.lefts[widest] + CELL_PAD_X
            if piece.continued:
                table.resumed.draw(painter, mark_x, y + table.pad * 0.5)
            if piece.continues:
                table.marker.draw(painter, mark_x, y + piece.height - table.pad * 0.5 - sum(table.marker.heights))
        grid = QPen(QColor(RULE), 0.5 * PT)
        painter.setPen(grid)
        for left in [*table.lefts, LEFT + width]:
            painter.drawLine(QPointF(left, y), QPointF(left, y + piece.height))
        for edge, broken in ((y, piece.continued), (y + piece.height, piece.continues)):
            painter.setPen(QPen(QColor(RULE), 0.5 * PT, Qt.PenStyle.DashLine if broken else Qt.PenStyle.SolidLine))
            painter.drawLine(QPointF(LEFT, edge), QPointF(LEFT + width, edge))

    def _title(self, painter: QPainter, drawn: _Drawn, y: float) -> None:
        parts, logo_h, top_row = drawn.extra, drawn.extra["logo_h"], drawn.extra["top_row"]
        if logo_h:
            painter.drawImage(QRectF(LEFT, y, logo_h * self.logo.width() / self.logo.height(), logo_h), self.logo)
        painter.setPen(QColor(self.ink))
        parts["label"].draw(painter, LEFT + WIDTH - 60 * MM, y)
        y += top_row + 5 * MM
        painter.setPen(QColor(INK))
        y += parts["title"].draw(painter, LEFT, y) + 1 * MM
        painter.setPen(QColor(FAINT))
        y += parts["sub"].draw(painter, LEFT, y) + 2 * MM
        painter.fillRect(QRectF(LEFT, y, WIDTH, 1.2 * MM), QColor(self.brand))
        if self.m.draft:
            painter.setPen(QColor(DRAFT))
            parts["draft"].draw(painter, LEFT, y + 4 * MM)

    def _running_header(self, painter: QPainter) -> None:
        if not self.logo.isNull():
            height = min(8 * MM, 40 * MM * self.logo.height() / max(1, self.logo.width()))
            painter.drawImage(QRectF(LEFT, 10 * MM, height * self.logo.width() / self.logo.height(), height),
                              self.logo)
        painter.setPen(QColor(FAINT))
        painter.setFont(_font(8))
        painter.drawText(QRectF(LEFT + 45 * MM, 10 * MM, WIDTH - 45 * MM, 8 * MM),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                         f"{self.m.room} · Minutes of {self.m.session.title}")
        painter.setPen(QPen(QColor(self.brand), 0.9 * PT))
        painter.drawLine(QPointF(LEFT, 20 * MM), QPointF(LEFT + WIDTH, 20 * MM))

    def _footer(self, painter: QPainter, number: int, pages: int) -> None:
        painter.setPen(QPen(QColor(RULE), 0.5 * PT))
        painter.drawLine(QPointF(LEFT, 280 * MM), QPointF(LEFT + WIDTH, 280 * MM))
        painter.setFont(_font(8))
        area = QRectF(LEFT, 281.5 * MM, WIDTH, 6 * MM)
        state = "DRAFT, not final" if self.m.draft else "Final"
        painter.setPen(QColor(DRAFT if self.m.draft else FAINT))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         f"Minutes · {self.m.session.title} · {long_date(self.m.session.scheduled_on)} · {state}")
        painter.setPen(QColor(INK))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                         f"Page {number + 1} of {pages}")


def html_with_charts(m: Minutes) -> str:
    """The HTML export, with the charts and the room's logo embedded as PNG."""
    logo = image_from_bytes(m.branding.logo) if m.branding and m.branding.logo else QImage()
    if not logo.isNull() and logo.height() > 160:
        logo = logo.scaledToHeight(160, Qt.TransformationMode.SmoothTransformation)
    return to_html(m, {name: png_data_uri(image) for name, image in charts_of(m).items()},
                   "" if logo.isNull() else png_data_uri(logo))


def write_pdf(m: Minutes, path: Path) -> Path:
    """Lay the minutes out on A4 pages and write them to ``path``."""
    path.write_bytes(pdf_bytes(m))
    return path


def pdf_bytes(m: Minutes) -> bytes:
    """The minutes as a PDF, made in memory: the file is written by Python, so a full disk raises OSError
    (Qt's own file writer would leave a cut file and say nothing)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"Minutes: {m.session.title}")
    writer.setCreator("Customer Room Desktop")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setResolution(DPI)
    document = _Document(m, writer)
    pages = paginate(document.blocks, BOTTOM - TOP, BOTTOM - FIRST_TOP)
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for number, pieces in enumerate(pages):
        if number:
            writer.newPage()
        document.paint(painter, number, len(pages), pieces)
    painter.end()
    del writer  # the writer finishes the PDF when it goes
    buffer.close()
    return bytes(data.data())
