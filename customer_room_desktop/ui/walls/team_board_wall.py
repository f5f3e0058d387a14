"""The team board: each accountable team as a row, the steps of its cycle (M1, M2, ...) as columns.

Leaders read it across the room to see at a glance which steps are reported (green), still
planned (grey) and late (red); the colour and the word are both shown so it reads without
colour vision too. A reported step shows the start of its report in small, but never tiny, type.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from ...services.session_wall_data import BoardData, BoardStep, BoardTeam
from ...services.wall_data import Branding
from .wall_chrome import draw_header
from .data_wall import DataWall
from .wall_style import (
    RELIABILITY_COLOURS, SURFACE, SURFACE_HIGH, TEXT, TEXT_FAINT, TEXT_SOFT, WallScale, draw_text, fill_rounded,
    fit_wrapped_text, fitted_font,
)

STATUS_COLOURS = {
    "reported": RELIABILITY_COLOURS["reliable"],
    "planned": TEXT_FAINT,  # not yet due: quiet, and not the slate of a reliability "unknown"
    "late": RELIABILITY_COLOURS["unreliable"],
}
LATE_SURFACE = QColor("#3A1D22")  # a late step's cell: tinted red so it is seen before it is read


def status_colour(status: str) -> QColor:
    return STATUS_COLOURS.get(status, STATUS_COLOURS["planned"])


def due_label(due_on: str) -> str:
    """'2026-06-11' reads as '11 Jun 2026'; anything else is shown as given."""
    try:
        day = date.fromisoformat(due_on)
    except ValueError:
        return due_on
    return f"{day.day} {day:%b %Y}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TeamBoardWall(DataWall):
    """Teams and their cycles. ``row_boxes`` holds each team row's rectangle after a paint."""

    def __init__(self, branding: Branding, parent: QWidget | None = None):
        super().__init__(branding, parent)
        self.data: BoardData | None = None
        self.row_boxes: list[QRectF] = []

    show_board = DataWall.show_data

    def reset_boxes(self) -> None:
        self.row_boxes = []

    def draw(self, painter: QPainter, scale: WallScale) -> None:
        data = self.data
        steps = [step for team in data.teams for step in team.steps]
        reported = sum(step.status == "reported" for step in steps)
        late = sum(step.status == "late" for step in steps)
        summary = (f"{_plural(len(data.teams), 'team')} · {_plural(reported, 'step')} reported · {late} late"
                   if data.teams else "Nothing to report yet")
        top = draw_header(painter, self.width(), scale, self.branding, self._logo,
                          "ACCOUNTABILITY · EACH TEAM REPORTS TO THIS ROOM", data.title, summary)
        margin = scale(48)
        area = QRectF(margin, top, self.width() - 2 * margin, self.height() - top - scale(40))
        if not data.teams:
            box = area.adjusted(0, scale(40), 0, -scale(80))
            fill_rounded(painter, box, scale(20), SURFACE)
            fit_wrapped_text(painter, box.adjusted(scale(80), scale(40), -scale(80), -scale(40)),
                             "No teams yet: choose the critical few, then give each one a team and a sponsor.",
                             scale, 64, TEXT, QFont.Weight.Bold, align=Qt.AlignmentFlag.AlignCenter)
            return
        columns = max(1, max(len(team.steps) for team in data.teams))
        gap = scale(14)
        teams = data.teams[:5]  # five rows is what a wall can carry and still be read
        height = min(scale(300), (area.height() - gap * (len(teams) - 1)) / len(teams))
        team_width = area.width() * (0.27 if columns <= 4 else 0.24)  # five or six steps need the room
        cell_width = (area.width() - team_width - gap * columns) / columns
        for index, team in enumerate(teams):
            row = QRectF(area.left(), area.top() + index * (height + gap), area.width(), height)
            self.row_boxes.append(row)
            self._paint_team(painter, scale, QRectF(row.left(), row.top(), team_width, height), team)
            for column, step in enumerate(sorted(team.steps, key=lambda s: s.position)[:columns]):
                left = row.left() + team_width + gap + column * (cell_width + gap)
                self._paint_step(painter, scale, QRectF(left, row.top(), cell_width, height), step)

    def _paint_team(self, painter: QPainter, scale: WallScale, cell: QRectF, team: BoardTeam) -> None:
        """Name at the top, people and silos held to the bottom, the priority in the space between."""
        fill_rounded(painter, cell, scale(12), SURFACE_HIGH)
        painter.fillRect(QRectF(cell.left(), cell.top(), scale(10), cell.height()), QColor(self.branding.brand_colour))
        inner = cell.adjusted(scale(30), scale(12), -scale(20), -scale(12))
        tall = inner.height() >= scale(200)
        name = draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(50)), team.team,
                         fitted_font(scale, team.team, inner.width(), 38, QFont.Weight.Bold), TEXT)
        line = QFontMetricsF(scale.font(22)).height()
        people = [f"Sponsor {team.sponsor}", f"Lead {team.lead}"] if tall else [f"{team.sponsor} · {team.lead}"]
        silos = f"{_plural(len(team.silos), 'silo')}: {', '.join(team.silos)}" if tall and team.silos else \
            _plural(len(team.silos), "silo")
        silo_lines = 2 if tall else 1
        bottom = inner.bottom() - line * (len(people) + silo_lines) - scale(4)
        fit_wrapped_text(painter, QRectF(inner.left(), name.bottom(), inner.width(), bottom - name.bottom() - scale(6)),
                         team.priority, scale, 26, TEXT_SOFT, italic=True,
                         align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for number, text in enumerate(people):
            draw_text(painter, QRectF(inner.left(), bottom + number * line, inner.width(), line), text,
                      scale.font(22), TEXT)
        fit_wrapped_text(painter, QRectF(inner.left(), bottom + len(people) * line, inner.width(),
                                         line * silo_lines + scale(4)),
                         silos, scale, 22, TEXT_SOFT, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def _paint_step(self, painter: QPainter, scale: WallScale, cell: QRectF, step: BoardStep) -> None:
        """Status stripe, "M2" and the status word, a two-line title, the due date, then as much of
        the report as fits in two or more lines (a one-line scrap of report would say nothing)."""
        colour = status_colour(step.status)
        fill_rounded(painter, cell, scale(12), LATE_SURFACE if step.status == "late" else SURFACE)
        painter.fillRect(QRectF(cell.left(), cell.top(), cell.width(), scale(10)), colour)
        inner = cell.adjusted(scale(16), scale(16), -scale(14), -scale(10))
        tall = inner.height() >= scale(200)
        label = draw_text(painter, QRectF(inner.left(), inner.top(), inner.width(), scale(40)), f"M{step.position}",
                          scale.font(32 if tall else 28, QFont.Weight.Black), TEXT)
        word = step.status.upper()
        room = inner.width() - label.width() - scale(8)
        draw_text(painter, QRectF(inner.right() - room, inner.top(), room, label.height()), word,
                  fitted_font(scale, word, room, 26, QFont.Weight.Bold), colour,
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line = QFontMetricsF(scale.font(22)).height()
        title_units = 24 if tall else 22  # one size per board, so titles line up across a row
        title = QRectF(inner.left(), label.bottom() + scale(2), inner.width(),
                       QFontMetricsF(scale.font(title_units)).height() * 2 + scale(4))
        fit_wrapped_text(painter, title, step.title, scale, title_units, TEXT,
                         align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        due_font = scale.font(22, QFont.Weight.Bold)
        due_text = f"Due {due_label(step.due_on)}"
        if QFontMetricsF(due_font).horizontalAdvance(due_text) > inner.width():
            due_text = due_label(step.due_on)  # a narrow cell keeps the date and drops the word
        due = QRectF(inner.left(), title.bottom() + scale(2), inner.width(), line)
        draw_text(painter, due, due_text, due_font, colour if step.status == "late" else TEXT_SOFT)
        report = QRectF(inner.left(), due.bottom() + scale(8), inner.width(), inner.bottom() - due.bottom() - scale(8))
        if step.status == "reported" and step.report and report.height() >= 2 * line:
            fit_wrapped_text(painter, report, step.report, scale, 22, TEXT_SOFT, italic=True,
                             align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
