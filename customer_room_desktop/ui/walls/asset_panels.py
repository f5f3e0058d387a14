"""The panels around the customer-asset bridge: the data warning, why customers left, the net change,
the customers who stayed and the comparison with earlier periods. Each is drawn with the wall's
QPainter into the box the bridge wall gives it; the figures the room reads from its seats (the net
change) are at the room tier, everything read at the wall at the walk-up tier or larger."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from ...domain.customer_asset import AssetPeriod
from ...services.board_data import AssetBoardData
from .room_text import room_line_font
from .wall_style import (
    BACKGROUND, MINIMUM_TEXT, RELIABILITY_COLOURS, SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT,
    WallScale, draw_text, fill_rounded, fit_wrapped_text, fitted_font,
)

GAINED_COLOUR = RELIABILITY_COLOURS["reliable"]
LOST_COLOUR = RELIABILITY_COLOURS["unreliable"]
WARNING_COLOUR = RELIABILITY_COLOURS["at risk"]
NET_UNITS = 124  # the net change is the answer to the wall's question, so it is the biggest thing on it
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
REASON_ROWS = 5


def signed(number: int) -> str:
    """A whole number with its sign; a true minus sign, which reads better than a hyphen."""
    return f"+{number:,}" if number > 0 else f"−{-number:,}" if number < 0 else "0"


def warning_text(problems: tuple[str, ...]) -> str:
    """The problems as one paragraph; past three, a count of the rest (the import report lists them all)."""
    shown = list(problems[:3]) + ([f"and {len(problems) - 3} more"] if len(problems) > 3 else [])
    return " • ".join(shown)


def panel(painter: QPainter, scale: WallScale, box: QRectF, title: str) -> QRectF:
    """A rounded panel with its small capital title; returns the room left under the title."""
    fill_rounded(painter, box, scale(12), SURFACE)
    inner = box.adjusted(scale(28), scale(12), -scale(28), -scale(12))
    draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(36)), title,
              scale.font(26, QFont.Weight.Bold), TEXT_FAINT)
    return inner.adjusted(0, scale(40), 0, 0)


def paint_warning(painter: QPainter, scale: WallScale, box: QRectF, problems: tuple[str, ...]) -> None:
    """Amber, dark type, right above the bridge whose figures it questions."""
    fill_rounded(painter, box, scale(12), WARNING_COLOUR)
    inner = box.adjusted(scale(24), scale(12), -scale(24), -scale(10))
    draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(44)),
              "⚠ DATA WARNING · THESE FIGURES DO NOT ADD UP", scale.font(32, QFont.Weight.Black), BACKGROUND)
    fit_wrapped_text(painter, QRectF(inner.left(), inner.top() + scale(48), inner.width(), inner.height() - scale(48)),
                     warning_text(problems), scale, 28, BACKGROUND, QFont.Weight.Bold,
                     align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def paint_reasons(painter: QPainter, scale: WallScale, box: QRectF, data: AssetBoardData) -> list[QRectF]:
    """The top reasons as bars in whole customers; the longest bar is the biggest reason. Returns the bars."""
    reasons = data.top_reasons[:REASON_ROWS]
    explained = sum(r.count for r in reasons)
    title = QRectF(box.left(), box.top(), box.width(), scale(40))
    draw_text(painter, title, "WHY CUSTOMERS LEFT", scale.font(26, QFont.Weight.Bold), TEXT_FAINT)
    if not reasons:
        fit_wrapped_text(painter, box.adjusted(0, scale(44), 0, 0), "No reasons were recorded for the "
                         f"{data.period.lost_count:,} customers lost.", scale, 30, TEXT_SOFT)
        return []
    draw_text(painter, title, f"{explained:,} of {data.period.lost_count:,} lost gave these", scale.font(26),
              TEXT_SOFT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    row = (box.height() - scale(44)) / REASON_ROWS
    name_width = box.width() * 0.5
    count_font = scale.font(34, QFont.Weight.Bold)
    count_width = QFontMetricsF(count_font).horizontalAdvance(f"{max(r.count for r in reasons):,}") + scale(16)
    longest = max((r.reason for r in reasons), key=QFontMetricsF(scale.font(28)).horizontalAdvance)
    name_font = fitted_font(scale, longest, name_width - scale(16), 28)  # one size for every reason
    biggest = max(r.count for r in reasons) or 1
    bars = []
    for index, reason in enumerate(reasons):
        y = box.top() + scale(44) + index * row
        draw_text(painter, QRectF(box.left(), y, name_width - scale(16), row), reason.reason, name_font, TEXT,
                  LEFT_MIDDLE)
        length = (box.width() - name_width - count_width - scale(12)) * reason.count / biggest
        bar = QRectF(box.left() + name_width, y + row * 0.18, max(length, scale(4)), row * 0.64)
        fill_rounded(painter, bar, scale(4), LOST_COLOUR)
        bars.append(bar)
        draw_text(painter, QRectF(bar.right() + scale(12), y, count_width, row), f"{reason.count:,}", count_font,
                  TEXT, LEFT_MIDDLE)
    return bars


def paint_net(painter: QPainter, scale: WallScale, box: QRectF, p: AssetPeriod) -> None:
    """The answer in one number: in the "better" colour when we grew, red when we shrank; its meaning under it."""
    title = "NET CHANGE · GAINED − LOST"
    if QFontMetricsF(scale.font(26, QFont.Weight.Bold)).horizontalAdvance(title) > box.width() - scale(56):
        title = "NET CHANGE"
    inner = panel(painter, scale, box, title)
    net, number = p.net_change, signed(p.net_change)
    colour = GAINED_COLOUR if net > 0 else LOST_COLOUR if net < 0 else TEXT_SOFT
    font = room_line_font(scale, number, inner.width(), NET_UNITS, QFont.Weight.Black)
    height = QFontMetricsF(font).height()
    draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), height), number, font, colour, LEFT_MIDDLE)
    verdict = ("more customers: the asset grew" if net > 0 else "fewer customers: the asset shrank" if net < 0
               else "customers: as many gained as lost")
    fit_wrapped_text(painter, QRectF(inner.left(), inner.top() + height, inner.width(), inner.bottom() - inner.top()
                                     - height), verdict, scale, 30, TEXT, QFont.Weight.Bold,
                     align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def paint_engagement(painter: QPainter, scale: WallScale, box: QRectF, p: AssetPeriod) -> None:
    """Customers who stayed but now spend more, or less: each count over a bar, both bars on one scale."""
    inner = panel(painter, scale, box, "CUSTOMERS WHO STAYED")
    biggest = max(p.increased_count, p.declined_count, 1)
    row = inner.height() / 2
    number_font = scale.font(40, QFont.Weight.Bold)  # secondary to the bridge, still read from the back
    line = QFontMetricsF(number_font).height()
    number_width = QFontMetricsF(number_font).horizontalAdvance(f"{biggest:,}") + scale(16)
    for index, (mark, count, words, colour) in enumerate((("▲", p.increased_count, "spend more", GAINED_COLOUR),
                                                          ("▼", p.declined_count, "spend less", LOST_COLOUR))):
        y = inner.top() + index * row
        draw_text(painter, QRectF(inner.left(), y, scale(44), line), mark, scale.font(30), colour, LEFT_MIDDLE)
        draw_text(painter, QRectF(inner.left() + scale(44), y, number_width, line), f"{count:,}", number_font, TEXT,
                  LEFT_MIDDLE)
        words_left = inner.left() + scale(44) + number_width
        draw_text(painter, QRectF(words_left, y, inner.right() - words_left, line), words, scale.font(28), TEXT_SOFT,
                  LEFT_MIDDLE)
        bar_top = y + line + scale(6)
        thickness = min(scale(16), max(scale(4), row - line - scale(14)))
        fill_rounded(painter, QRectF(inner.left(), bar_top, max(scale(4), inner.width() * count / biggest),
                                     thickness), scale(4), colour)


def paint_comparison(painter: QPainter, scale: WallScale, box: QRectF, data: AssetBoardData) -> list[QRectF]:
    """How this period's gained, lost, net and end changed from the previous period and from the same
    period a year earlier: the change in bold, coloured as better or worse for the asset, and the
    earlier figure beside it. This period's own figures are on the bridge, big, so they are not
    repeated here. Returns the previous and the year-before columns."""
    inner = panel(painter, scale, box, "COMPARED WITH")  # the earlier periods' names share its line
    p, head = data.period, scale(40)
    foot = scale(34)
    row = (inner.height() - head - foot) / 4
    measures = (("Gained", lambda q: q.gained_count, 1), ("Lost", lambda q: q.lost_count, -1),
                ("Net", lambda q: q.net_change, 1), ("At end", lambda q: q.customers_end, 1))
    label_width = inner.width() * 0.18
    for index, (measure, _, _) in enumerate(measures):  # rules first: a "no earlier period" box covers them
        y = inner.top() + head + index * row
        painter.fillRect(QRectF(inner.left(), y, inner.width(), scale(2)), SURFACE_HIGH)
        draw_text(painter, QRectF(inner.left(), y, label_width, row), measure, scale.font(28), TEXT_SOFT, LEFT_MIDDLE)
    change_font, then_font = scale.font(30, QFont.Weight.Bold), scale.font(MINIMUM_TEXT)
    width = (inner.width() - label_width) / 2
    columns = []
    for index, (period, role) in enumerate(((data.previous, "previous"), (data.year_before, "a year before"))):
        left = inner.left() + label_width + index * width
        columns.append(QRectF(left, inner.top(), width, inner.height() - foot))
        draw_text(painter, QRectF(left, inner.top() - scale(40), width, scale(36)),
                  "—" if period is None else period.label, scale.font(26, QFont.Weight.Bold), TEXT,
                  Qt.AlignmentFlag.AlignRight)
        draw_text(painter, QRectF(left, inner.top() - scale(6), width, scale(34)), role, scale.font(MINIMUM_TEXT),
                  TEXT_FAINT, Qt.AlignmentFlag.AlignRight)
        if period is None:  # said in words, never drawn as zeros
            body = QRectF(left + scale(16), inner.top() + head + scale(6), width - scale(16), row * 4 - scale(6))
            fill_rounded(painter, body, scale(8), SURFACE_HIGH)
            fit_wrapped_text(painter, body.adjusted(scale(10), scale(10), -scale(10), -scale(10)),
                             "no earlier period in the room", scale, 26, TEXT_SOFT, align=Qt.AlignmentFlag.AlignCenter)
            continue
        for line, (measure, figure, better) in enumerate(measures):
            cell = QRectF(left, inner.top() + head + line * row, width, row)
            then = signed(figure(period)) if measure == "Net" else f"{figure(period):,}"
            change = figure(p) - figure(period)
            colour = TEXT_SOFT if change == 0 else GAINED_COLOUR if change * better > 0 else LOST_COLOUR
            mark = "=" if change == 0 else f"{'▲' if change > 0 else '▼'} {abs(change):,}"
            draw_text(painter, cell, f"from {then}", then_font, TEXT_SOFT, RIGHT_MIDDLE)
            then_width = QFontMetricsF(then_font).horizontalAdvance(f"from {then}")
            draw_text(painter, cell.adjusted(0, 0, -then_width - scale(14), 0), mark, change_font, colour,
                      RIGHT_MIDDLE)
    paint_key(painter, scale, QRectF(inner.left(), inner.bottom() - foot, inner.width(), foot))
    return columns


def paint_key(painter: QPainter, scale: WallScale, rect: QRectF) -> None:
    """'▲▼ change to now · better or worse for the asset', right-aligned, each word in its colour."""
    font = scale.font(MINIMUM_TEXT)
    metrics = QFontMetricsF(font)
    right = rect.right()
    for words, colour in reversed((("▲▼ change to now · ", TEXT_FAINT), ("better", GAINED_COLOUR),
                                   (" or ", TEXT_FAINT), ("worse", LOST_COLOUR), (" for the asset", TEXT_FAINT))):
        width = metrics.horizontalAdvance(words)
        draw_text(painter, QRectF(rect.left(), rect.top(), right - rect.left(), rect.height()), words, font, colour,
                  RIGHT_MIDDLE)
        right -= width
