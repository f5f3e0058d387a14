"""Builds a wall view widget, filled with its view data, from a view name such as "stage:3"."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from ..services.image_prep import PreparedImages
from ..services.wall_data import WallDataSource
from ..storage.room_file import RoomFile
from ..ui.walls.stage_panel import StagePanel, thumbnail_box
from .wall_render import VIEW_PATTERN, ViewSpecError


class WallFactory:
    def __init__(self, room: RoomFile, images: PreparedImages | None = None):
        self.source = WallDataSource(room)
        self.images = images or PreparedImages()
        self.branding = self.source.branding()

    def stage_key(self, text: str) -> str:
        """A stage by its position (1-based) or its key."""
        stages = self.source.stages
        if text.isdigit() and 1 <= int(text) <= len(stages):
            return stages[int(text) - 1].key
        for stage in stages:
            if stage.key == text:
                return stage.key
        raise ViewSpecError(f"This room has no stage '{text}' (use 1 to {len(stages)} or a stage key).")

    def build(self, view: str, size: tuple[int, int]) -> QWidget:
        match = VIEW_PATTERN.match(view.strip())
        if not match:
            raise ViewSpecError(f"'{view}' is not a wall view (stage:N, journey, artifact:KEY, complaints:N, "
                                "blackout or logo).")
        kind = match[1] or match[3]
        argument = match[2]
        if kind == "stage":
            panel = StagePanel(self.branding)
            data = self.source.stage_panel(self.stage_key(argument))
            box = thumbnail_box(size[1])
            thumbs = {a.media_sha256: self.images.prepare(a.media_sha256, self.source.media_bytes, 0, box)
                      for a in data.artifacts}
            panel.resize(*size)
            panel.show_stage(data, thumbs)
            return panel
        raise ViewSpecError(f"The '{kind}' view is not drawn yet.")


def prepared_size(size: tuple[int, int]) -> QSize:
    return QSize(*size)
