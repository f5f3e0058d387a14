"""A first window onto a room: its journey, stage by stage, in large type."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget


@dataclass(frozen=True)
class StageCard:
    position: int
    name: str
    goal: str
    moments: int
    artifacts: int
    calls: int
    complaints: int


@dataclass(frozen=True)
class RoomOverview:
    name: str
    description: str
    brand_colour: str
    stages: tuple[StageCard, ...]
    notice: str = ""  # e.g. why the room is read-only


_STYLE = """
QMainWindow, QScrollArea, QWidget#page {{ background: #101418; }}
QLabel {{ color: #F4F6F8; }}
QLabel#title {{ font-size: 34pt; font-weight: 700; }}
QLabel#subtitle {{ color: #B8C2CC; font-size: 15pt; }}
QLabel#notice {{ background: #5C3B00; color: #FFE3A3; font-size: 14pt; padding: 10px 16px; border-radius: 6px; }}
QFrame#card {{ background: #1B232B; border-radius: 10px; border-top: 6px solid {brand}; }}
QLabel#number {{ color: {brand}; font-size: 30pt; font-weight: 800; }}
QLabel#stage {{ font-size: 20pt; font-weight: 700; }}
QLabel#goal {{ color: #D5DCE2; font-size: 13pt; }}
QLabel#counts {{ color: #9FB0BF; font-size: 12pt; }}
"""


class StageListWindow(QMainWindow):
    """Shows every stage with its customer goal and what the room holds for it."""

    def __init__(self, overview: RoomOverview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{overview.name} · Customer Room")
        self.setStyleSheet(_STYLE.format(brand=overview.brand_colour))
        page = QWidget(objectName="page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(14)
        layout.addWidget(QLabel(overview.name, objectName="title"))
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
        box.addWidget(QLabel(str(stage.position), objectName="number"))
        name = QLabel(stage.name, objectName="stage")
        name.setWordWrap(True)
        box.addWidget(name)
        goal = QLabel(f"“{stage.goal}”" if stage.goal else "", objectName="goal")
        goal.setWordWrap(True)
        goal.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(goal, 1)
        counts = QLabel(
            f"{stage.moments} moments of truth · {stage.artifacts} artifacts\n"
            f"{stage.calls} calls · {stage.complaints:,} complaints",
            objectName="counts",
        )
        box.addWidget(counts)
        return card
