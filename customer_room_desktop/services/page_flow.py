"""Blocks of a document, measured elsewhere, laid onto pages the way a reader expects (no Qt here).

- A table row is never split across pages. Only a row taller than a whole page is, between lines of text,
  with the table's column headings repeated on the next page and the row marked as continued.
- A table that goes on to another page repeats its column headings there, under a line saying so (as does one
  that opens a page, away from its heading).
- A heading is never the last thing on a page: it moves on with the short lines that open its section and the
  start of what follows them (a table's column headings and first row, a figure, two lines of text).
- A paragraph breaks between lines and leaves at least two of its lines on each page.
- A title or a figure is kept whole.

Heights are in any unit, the same for all blocks. Space between two blocks is the larger of the first's
``after`` and the second's ``before``; at the top of a page there is none.
"""

from __future__ import annotations

from ..domain.records import record


HEADER = -1  # Piece.row of a table's column headings
CAPTION = -2  # Piece.row of the line that says a table goes on from the page before


@record
class Block:
    kind: str  # "title", "heading", "figure" (each kept whole), "text" (lines) or "table" (rows of cells)
    height: float = 0.0  # a title, heading or figure
    lines: tuple[float, ...] = ()  # a text block: the height of each line
    header: tuple[tuple[float, ...], ...] = ()  # a table: each column heading's line heights
    rows: tuple[tuple[tuple[float, ...], ...], ...] = ()  # a table: each row, each cell's line heights
    pad: float = 0.0  # a table cell's padding above and below its text
    marker: float = 0.0  # a table: the height of the "continued" line an over-tall row shows where it breaks
    caption: float = 0.0  # a table: the height of the line above its headings on each page after its first
    before: float = 0.0
    after: float = 0.0


@record
class Piece:
    """What of a block one page shows, and where (``top`` from the top of the page's body)."""

    block: int
    top: float
    height: float
    row: int | None = None  # a table's row, HEADER or CAPTION
    lines: tuple[tuple[int, int], ...] = ()  # a text block's, or each cell's, lines shown here: [first, end)
    continued: bool = False  # an over-tall row that began on an earlier page
    continues: bool = False  # an over-tall row that goes on to the next page


def _cells_height(cells: tuple[tuple[float, ...], ...], pad: float) -> float:
    return max((sum(cell) for cell in cells), default=0.0) + 2 * pad


class _Flow:
    def __init__(self, blocks: list[Block], first_page: float, page: float):
        self.blocks, self.first_page, self.page = blocks, first_page, page
        self.pages: list[list[Piece]] = [[]]
        self.y = 0.0
        self.after = 0.0  # the space the last block asked for below it
        self.headed = False  # this page shows the current table's column headings
        self.started = False  # the current table's headings are on an earlier page

    @property
    def height(self) -> float:
        return self.first_page if len(self.pages) == 1 else self.page

    def gap(self, block: Block) -> float:
        return max(self.after, block.before) if self.y > 0 else 0.0

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0
        self.headed = False

    def place(self, piece: Piece) -> None:
        self.pages[-1].append(piece)
        self.y = piece.top + piece.height

    def lead(self, index: int) -> float:
        """How much of what follows the heading before ``index`` must stay on the heading's page: the short
        lines that open its section (up to a third of a page) and the start of the table, figure or text after."""
        total, after = 0.0, 0.0
        while (index < len(self.blocks) and self.blocks[index].kind == "text" and len(self.blocks[index].lines) <= 3
               and total < self.page / 3):
            block = self.blocks[index]
            total += max(after, block.before) + sum(block.lines)
            after, index = block.after, index + 1
        if index >= len(self.blocks) or self.blocks[index].kind in ("heading", "title"):
            return total
        block = self.blocks[index]
        total += max(after, block.before) if total else 0.0
        if block.kind == "text":
            return total + sum(block.lines[:2])
        if block.kind == "table":
            head = _cells_height(block.header, block.pad)
            if not block.rows:
                return total + head
            first = _cells_height(block.rows[0], block.pad)
            if head + first <= self.page:
                return total + head + first
            return total + head + 2 * block.pad + block.marker + max(sum(cell[:3]) for cell in block.rows[0])
        return total + block.height

    # -- each kind of block ------------------------------------------------------------------------------
    def whole(self, index: int, block: Block, keep_with: float = 0.0) -> None:
        gap = self.gap(block)
        if self.y > 0 and self.y + gap + block.height + (block.after + keep_with if keep_with else 0) > self.height:
            self.new_page()
            gap = 0.0
        self.place(Piece(index, self.y + gap, block.height))

    def text(self, index: int, block: Block) -> None:
        first, count = 0, len(block.lines)
        while first < count:
            gap = self.gap(block) if first == 0 else 0.0
            room, fits, used = self.height - self.y - gap, 0, 0.0
            while first + fits < count and used + block.lines[first + fits] <= room:
                used += block.lines[first + fits]
                fits += 1
            left = count - first - fits
            if 0 < left < 2 and fits > 2:  # no line left alone at the top of the next page
                fits -= 2 - left
            if left and fits < min(2, count - first) and self.y > 0:  # nor alone at the bottom of this one
                self.new_page()
                continue
            fits = max(fits, 1)
            shown = sum(block.lines[first:first + fits])
            self.place(Piece(index, self.y + gap, shown, lines=((first, first + fits),)))
            first += fits
            if first < count:
                self.new_page()

    def table(self, index: int, block: Block) -> None:
        gap, self.started = self.gap(block), False
        for number, cells in enumerate(block.rows):
            tall = _cells_height(cells, block.pad)
            if self.y + gap + self.header_room(block) + tall > self.height:
                if self.header_room(block, fresh=True) + tall > self.page:  # taller than a page
                    self.tall_row(index, block, number, cells, gap)
                    gap = 0.0
                    continue
                self.new_page()
                gap = 0.0
            gap = self.headings(index, block, gap)
            self.place(Piece(index, self.y + gap, tall, row=number))
            gap = 0.0
        if not block.rows:
            self.headings(index, block, gap)

    @property
    def opens_page(self) -> bool:
        """The table would be the first thing on this page, after something on an earlier one."""
        return self.y == 0 and len(self.pages) > 1

    def header_room(self, block: Block, fresh: bool = False) -> float:
        """The height the table's column headings need above the next row on this page (or a fresh one)."""
        if self.headed and not fresh:
            return 0.0
        return _cells_height(block.header, block.pad) + (block.caption if self.started or fresh or self.opens_page
                                                         else 0.0)

    def headings(self, index: int, block: Block, gap: float) -> float:
        """The column headings, unless this page already shows them; returns the gap left above the row."""
        if self.headed:
            return gap
        if (self.started or self.opens_page) and block.caption:  # the table opens a page: say whose it is
            self.place(Piece(index, self.y + gap, block.caption, row=CAPTION))
            gap = 0.0
        self.place(Piece(index, self.y + gap, _cells_height(block.header, block.pad), row=HEADER))
        self.headed = self.started = True
        return 0.0

    def tall_row(self, index: int, block: Block, number: int, cells: tuple[tuple[float, ...], ...],
                 gap: float) -> None:
        """A row taller than a page: as many lines of each cell as fit, page after page, each part marked."""
        starts = [0] * len(cells)
        opening = max(sum(cell[:3]) for cell in cells)  # begin on this page only if three lines fit
        while True:
            continued = any(starts)
            room = (self.height - self.y - gap - self.header_room(block) - 2 * block.pad
                    - block.marker * (1 + continued))
            if not continued and self.y > 0 and room < opening:
                self.new_page()
                gap = 0.0
                continue
            ends = []
            for cell, start in zip(cells, starts):
                end, used = start, 0.0
                while end < len(cell) and used + cell[end] <= room:
                    used += cell[end]
                    end += 1
                ends.append(end)
            if ends == starts:  # not one line fits even on a fresh page: show one of each anyway
                ends = [min(len(cell), start + 1) for cell, start in zip(cells, starts)]
            continues = any(end < len(cell) for end, cell in zip(ends, cells))
            shown = max(sum(cell[s:e]) for cell, s, e in zip(cells, starts, ends))
            gap = self.headings(index, block, gap)
            self.place(Piece(index, self.y + gap, shown + 2 * block.pad + block.marker * (continued + continues),
                             row=number, lines=tuple(zip(starts, ends)), continued=continued, continues=continues))
            if not continues:
                return
            starts, gap = ends, 0.0
            self.new_page()


def paginate(blocks: list[Block], page: float, first_page: float | None = None) -> list[list[Piece]]:
    """The pieces on each page, top to bottom; ``first_page`` is the first page's body height if it differs."""
    flow = _Flow(blocks, page if first_page is None else first_page, page)
    for index, block in enumerate(blocks):
        if block.kind == "text":
            flow.text(index, block)
        elif block.kind == "table":
            flow.table(index, block)
        else:
            flow.whole(index, block, flow.lead(index + 1) if block.kind == "heading" else 0.0)
        flow.after, flow.headed = block.after, False
    return [page for page in flow.pages if page] or [[]]
