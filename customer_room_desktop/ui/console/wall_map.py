"""The console's map of the walls: one box per wall with a small picture of what it shows, what
borrowed it (and a button to give it back), the view chosen for it and its dwell in cycle mode."""

from __future__ import annotations


from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from ...domain.wall_views import CHOOSABLE
from .flow_layout import FlowLayout
from .panel_kit import panel_button
from ...domain.records import record

THUMB_WIDTH = 320


def small_picture(image: QImage, width: int, height: int = 0) -> QImage:
    """A 4K frame made console-sized: a fast cut to twice the size, then a smooth one. One smooth
    scaling of 3840 pixels takes about 20 ms, which a switch right after would wait for."""
    fast, smooth = Qt.TransformationMode.FastTransformation, Qt.TransformationMode.SmoothTransformation
    if image.width() > width * 4:
        image = image.scaledToWidth(width * 2, fast)
    if height:
        return image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio, smooth)
    return image.scaledToWidth(width, smooth)


@record
class WallStatus:
    identity: str
    name: str
    size: str
    view: str  # the view the facilitator chose for this wall (its assignment)
    present: bool
    dwell_seconds: int = 20
    number: int = 0  # 1-based, in screen order
    shows: str = ""  # what it shows now
    borrowed_by: str = ""  # why it shows something else than its assignment ("" = it does not)


class WallMap(QWidget):
    """Emits intents; the live room decides and tells the map what every wall shows."""

    view_requested = Signal(str, str)  # wall identity, view
    release_requested = Signal(str)  # wall identity: give the wall back
    dwell_changed = Signal(str, int)  # wall identity, seconds

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = FlowLayout(self)  # as many walls a line as the console's width holds
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.wall_frames: dict[str, QFrame] = {}
        self.wall_images: dict[str, QLabel] = {}
        self._shown_walls: list[WallStatus] = []

    def show_wall_image(self, identity: str, image: QImage) -> None:
        """A small live picture of what a wall shows now."""
        label = self.wall_images.get(identity)
        if label is not None and not image.isNull():
            label.setPixmap(QPixmap.fromImage(small_picture(image, THUMB_WIDTH)))

    def show_walls(self, walls: list[WallStatus]) -> None:
        """Redraw the screen map: one box per wall, a dashed placeholder for a wall whose monitor is gone."""
        if walls == self._shown_walls:
            return  # a stage switch changes nothing here
        self._shown_walls = list(walls)
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():  # hidden where it is: a widget without a parent would become a window
                item.widget().hide()
                item.widget().deleteLater()
        self.wall_frames, self.wall_images = {}, {}
        for column, wall in enumerate(walls):
            self.grid.addWidget(self._wall_box(column, wall))

    def _wall_box(self, column: int, wall: WallStatus) -> QFrame:
        frame = QFrame(objectName="wall")
        frame.setProperty("present", "true" if wall.present else "false")
        box = QVBoxLayout(frame)
        image = QLabel(objectName="wallimage")
        image.setFixedSize(THUMB_WIDTH, THUMB_WIDTH * 9 // 16)
        if not wall.present:
            image.setText("monitor unplugged:\nwaiting for it")
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(image)
        box.addWidget(QLabel(f"Wall {wall.number or column + 1}: {wall.name}   {wall.size}"))
        shows = QLabel(f"Shows {wall.shows}" + (f", borrowed by {wall.borrowed_by}" if wall.borrowed_by else ""),
                       objectName="wallshows", wordWrap=True)
        box.addWidget(shows)
        give_back = panel_button("Give the wall back")
        give_back.clicked.connect(lambda _=False, identity=wall.identity: self.release_requested.emit(identity))
        box.addWidget(give_back)
        give_back.setVisible(bool(wall.borrowed_by))  # once in the box: a parentless widget shown is a window
        row = QHBoxLayout()
        choice = QComboBox()
        choice.setAccessibleName("View on this wall")
        choice.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel changes it only once clicked
        choice.addItems(list(CHOOSABLE))
        if wall.view not in CHOOSABLE:
            choice.addItem(wall.view)
        choice.setCurrentText(wall.view)
        choice.currentTextChanged.connect(lambda view, identity=wall.identity: self.view_requested.emit(identity, view))
        row.addWidget(choice)
        dwell = QSpinBox()
        dwell.setAccessibleName("Seconds per stage when cycling")
        dwell.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        dwell.setRange(5, 600)
        dwell.setSuffix(" s")
        dwell.setValue(wall.dwell_seconds)
        dwell.setToolTip("How long this wall stays on a stage in cycle mode")
        dwell.valueChanged.connect(lambda seconds, identity=wall.identity: self.dwell_changed.emit(identity, seconds))
        row.addWidget(dwell)
        box.addLayout(row)
        self.wall_frames[wall.identity] = frame
        self.wall_images[wall.identity] = image
        return frame
