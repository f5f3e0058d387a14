"""The console: the journey as a navigator, the screens as a map, and the controls of the room."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QMainWindow, QPushButton, QVBoxLayout, QWidget,
)

from ...services.screen_assignment import WALL_VIEWS


@dataclass(frozen=True)
class WallStatus:
    identity: str
    name: str
    size: str
    view: str
    present: bool




class ConsoleWindow(QMainWindow):
    """Emits intents; the live room decides and tells the console what is now on the walls."""

    stage_requested = Signal(int)
    next_requested = Signal()
    previous_requested = Signal()
    blackout_requested = Signal()
    identify_requested = Signal()
    view_requested = Signal(str, str)  # wall identity, view

    def __init__(self, room_name: str, stage_names: list[str], style_sheet: str = "", notice: str = ""):
        super().__init__()
        self.setWindowTitle(f"{room_name} · Customer Room console")
        self.setStyleSheet(style_sheet)
        page = QWidget(objectName="page")
        outer = QHBoxLayout(page)
        self.stages = QListWidget()
        for number, name in enumerate(stage_names, start=1):
            self.stages.addItem(f"{number}  {name}")
        self.stages.setFixedWidth(340)
        self.stages.currentRowChanged.connect(lambda row: row >= 0 and self.stage_requested.emit(row + 1))
        outer.addWidget(self.stages)
        right = QVBoxLayout()
        self.now = QLabel(objectName="now")
        right.addWidget(self.now)
        self.notice = QLabel(notice, objectName="notice")
        self.notice.setVisible(bool(notice))
        right.addWidget(self.notice)
        buttons = QHBoxLayout()
        for text, signal in (("◀ Previous", self.previous_requested), ("Next ▶", self.next_requested),
                             ("Identify screens", self.identify_requested)):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        self.black_button = QPushButton("Black (B)")
        self.black_button.setCheckable(True)
        self.black_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.black_button.clicked.connect(lambda: self.blackout_requested.emit())
        buttons.addWidget(self.black_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addWidget(QLabel("SCREENS"))
        self.map = QGridLayout()
        right.addLayout(self.map)
        right.addStretch(1)
        outer.addLayout(right, 1)
        self.setCentralWidget(page)
        self.wall_frames: dict[str, QFrame] = {}
        self._shown_walls: list[WallStatus] = []
        self.resize(1280, 760)

    def show_stage(self, position: int, name: str, blackout: bool) -> None:
        self.now.setText(f"Stage {position} of {self.stages.count()} · {name}" + ("   (walls black)" if blackout else ""))
        self.stages.blockSignals(True)
        self.stages.setCurrentRow(position - 1)
        self.stages.blockSignals(False)
        self.black_button.setChecked(blackout)

    def show_walls(self, walls: list[WallStatus]) -> None:
        """Redraw the screen map: one box per wall, a dashed placeholder for a wall whose monitor is gone."""
        if walls == self._shown_walls:
            return  # a stage switch changes nothing here
        self._shown_walls = list(walls)
        while self.map.count():
            item = self.map.takeAt(0)
            if item.widget():
                item.widget().setParent(None)
                item.widget().deleteLater()
        self.wall_frames = {}
        for column, wall in enumerate(walls):
            frame = QFrame(objectName="wall")
            frame.setProperty("present", "true" if wall.present else "false")
            box = QVBoxLayout(frame)
            box.addWidget(QLabel(f"Wall {column + 1}: {wall.name}"))
            box.addWidget(QLabel(wall.size if wall.present else "monitor unplugged: waiting for it"))
            choice = QComboBox()
            choice.addItems(list(WALL_VIEWS))
            choice.setCurrentText(wall.view)
            choice.currentTextChanged.connect(lambda view, identity=wall.identity: self.view_requested.emit(identity,
                                                                                                          view))
            box.addWidget(choice)
            self.map.addWidget(frame, 0, column)
            self.wall_frames[wall.identity] = frame
