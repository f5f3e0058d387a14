"""A first window onto a room: its journey, stage by stage, in large type."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget


@dataclass(frozen=True)
class StageCard:
    position: int
    name: str
    goal: str
    moments: int
    artifacts: int
    calls: int
    complaints: int
    reliability: str = "unknown"  # reliable, at risk, unreliable, unknown: the stage's worst moment
    unreliable_moments: int = 0


@dataclass(frozen=True)
class RoomOverview:
    name: str
    description: str
    brand_colour: str
    stages: tuple[StageCard, ...]
    notice: str = ""  # e.g. why the room is read-only
    logo: bytes = b""  # the room's logo image file, if it has one




class StageListWindow(QMainWindow):
    """Shows every stage with its customer goal and what the room holds for it."""

    def __init__(self, overview: RoomOverview, style_sheet: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{overview.name} · Customer Room")
        self.setStyleSheet(style_sheet.replace("@brand@", overview.brand_colour))
        page = QWidget(objectName="page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(14)
        header = QHBoxLayout()
        header.addWidget(QLabel(overview.name, objectName="title"), 1)
        logo = QPixmap()
        if overview.logo and logo.loadFromData(overview.logo):
            mark = QLabel(objectName="logo")
            mark.setPixmap(logo.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation))
            header.addWidget(mark, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(header)
        subtitle = QLabel(overview.description or "The customer's journey, stage by stage.", objectName="subtitle")
        subtitle.setWordWrap(True)
        layout.addWidget(subtitle)
        if overview.notice:
            layout.addWidget(QLabel(overview.notice, objectName="notice"))
        grid = QGridLayout()
        grid.setSpacing(18)
        columns = 4 if len(overview.stages) > 6 else 3
        self.cards: list[QFrame] = []
        for index, stage in enumerate(overview.stages):
            card = self._card(stage)
            self.cards.append(card)
            grid.addWidget(card, index // columns, index % columns)
        layout.addLayout(grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.setCentralWidget(scroll)
        self.resize(1600, 900)

    @staticmethod
    def _card(stage: StageCard) -> QFrame:
        card = QFrame(objectName="card")
        box = QVBoxLayout(card)
        box.setContentsMargins(22, 18, 22, 18)
        top = QHBoxLayout()
        top.addWidget(QLabel(str(stage.position), objectName="number"))
        top.addStretch(1)
        chip = QLabel(_chip_text(stage), objectName="chip")
        chip.setProperty("level", stage.reliability.replace(" ", "-"))
        top.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(top)
        name = QLabel(stage.name, objectName="stage")
        name.setWordWrap(True)
        box.addWidget(name)
        goal = QLabel(f"“{stage.goal}”" if stage.goal else "", objectName="goal")
        goal.setWordWrap(True)
        goal.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(goal, 1)
        counts = QLabel(
            f"{_plural(stage.moments, 'moment of truth', 'moments of truth')} · "
            f"{_plural(stage.artifacts, 'artifact')}\n"
            f"{_plural(stage.calls, 'call')} · {_plural(stage.complaints, 'complaint')}",
            objectName="counts",
        )
        box.addWidget(counts)
        return card


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _chip_text(stage: StageCard) -> str:
    if stage.reliability == "unreliable":
        return f"{stage.unreliable_moments} unreliable"
    return {"reliable": "reliable", "at risk": "at risk"}.get(stage.reliability, "no KPI yet")
