"""The page rules of the minutes PDF, on measured blocks: rows whole, headings with what follows, no lone lines."""

from customer_room_desktop.services.page_flow import CAPTION, HEADER, Block, paginate

LINE = 10.0


def _table(*rows: int, caption: float = 8.0) -> Block:
    """A two-column table whose rows have these many lines in their first cell."""
    return Block("table", header=((LINE,), (LINE,)), rows=tuple(((LINE,) * n, (LINE,)) for n in rows), pad=2.0,
                 marker=6.0, caption=caption, before=4.0, after=4.0)


def _rows_on(pages, block: int) -> list[list[int | None]]:
    return [[p.row for p in page if p.block == block] for page in pages]


def test_a_row_that_does_not_fit_moves_whole_to_the_next_page_under_repeated_headings():
    pages = paginate([_table(3, 3, 3, 3)], page=100.0)  # header 14, each row 34: two rows fit on a page
    assert _rows_on(pages, 0) == [[HEADER, 0, 1], [CAPTION, HEADER, 2, 3]]
    assert all(p.height == 34.0 for page in pages for p in page if p.row is not None and p.row >= 0)


def test_only_a_row_taller_than_a_page_is_split_between_lines_and_marked():
    pages = paginate([_table(1, 25, 1)], page=100.0)
    tall = [p for page in pages for p in page if p.row == 1]
    assert len(tall) >= 3 and not tall[0].continued and tall[0].continues and tall[-1].continued
    assert not tall[-1].continues and all(p.continued and p.continues for p in tall[1:-1])
    shown = [end - start for p in tall for (start, end) in p.lines[:1]]
    assert sum(shown) == 25 and all(p.lines[0][0] == q.lines[0][1] for p, q in zip(tall[1:], tall))
    for page in pages[1:]:  # every part under the column headings again
        assert [p.row for p in page][:2] == [CAPTION, HEADER]
    assert all(p.top + p.height <= 100.0 for page in pages for p in page)


def test_a_heading_never_ends_a_page_it_goes_with_the_opening_lines_and_the_first_row():
    blocks = [Block("text", lines=(LINE,) * 6), Block("heading", height=12.0, before=9.0, after=3.0),
              Block("text", lines=(LINE,), after=2.0), _table(2, 2)]
    pages = paginate(blocks, page=100.0)
    assert [[p.block for p in page] for page in pages] == [[0], [1, 2, 3, 3, 3]]


def test_a_paragraph_breaks_between_lines_leaving_two_on_each_page():
    blocks = [Block("text", lines=(LINE,) * 8), Block("text", lines=(LINE,) * 3, before=5.0)]
    pages = paginate(blocks, page=100.0)  # 8 lines, then 5 of space: one line would fit, it waits
    assert [[(p.block, p.lines) for p in page] for page in pages] == [[(0, ((0, 8),))], [(1, ((0, 3),))]]
    pages = paginate([Block("text", lines=(LINE,) * 11)], page=100.0)  # 10 fit, 1 would be left alone: 9 and 2
    assert [page[0].lines for page in pages] == [((0, 9),), ((9, 11),)]


def test_the_first_page_may_be_shorter_or_longer_than_the_rest():
    pages = paginate([_table(1, 1, 1, 1, 1, 1)], page=100.0, first_page=50.0)
    assert _rows_on(pages, 0) == [[HEADER, 0, 1], [CAPTION, HEADER, 2, 3, 4, 5]]
