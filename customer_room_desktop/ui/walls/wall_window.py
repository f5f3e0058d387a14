"""A wall: one frameless full-screen window on one monitor, showing one view at a time."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QImage, QScreen
from PySide6.QtWidgets import QStackedWidget, QWidget

from ...domain.wall_views import WallView, view_named
from ...services.image_prep import ImageUnavailable
from ...services.wall_data import ArtifactFocusData, Branding
from .artifact_focus import ArtifactFocus
from .call_view import CallView
from .frame_view import FrameView
from .plain_screens import PlainScreen
from .tiled_frame import TiledFrame


# Older names some callers use for a view's widget.
_ALIASES = {"stage_panel": "stage", "team_board": "teams", "asset_bridge": "asset", "early_warning": "warnings",
            "listening_path": "listening"}


class WallWindow(QStackedWidget):
    """Keeps one widget per view kind and raises the one asked for, so a switch repaints only."""

    def __init__(self, branding: Branding, identity: str, rehearsal: bool = False):
        super().__init__()
        self.identity = identity
        self.rehearsal = rehearsal
        self.branding = branding
        self._views: dict[type, QWidget] = {}
        self.shown_signature: tuple | None = None  # what the wall shows now, to skip repainting the same
        self.locked = False  # a kiosk wall: closing it (Alt+F4, the window manager) is refused
        self.setWindowTitle("Customer Room wall (rehearsal)" if rehearsal else "Customer Room wall")
        if not rehearsal:
            self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
        self.setCursor(Qt.CursorShape.BlankCursor if not rehearsal else Qt.CursorShape.ArrowCursor)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)

    def place_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``: setScreen alone leaves the window on the primary screen."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        if self.isVisible():
            self.showNormal()
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def _view(self, kind: type) -> QWidget:
        """Each kind of view is made the first time this wall needs it (most walls need one or two)."""
        view = self._views.get(kind)
        if view is None:
            view = kind() if kind is FrameView else kind(self.branding)
            # Every view paints all of itself, so Qt need not fill the window behind it first: at 4K
            # that fill is 33 MB written for nothing, about 15 ms a wall at the cold start.
            view.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
            self._views[kind] = view
            self.addWidget(view)
        return view

    def view_widget(self, view: WallView) -> QWidget:
        """The widget the view table names for ``view``; its module is imported when first needed."""
        module, _, name = view.widget.rpartition(".")
        return self._view(getattr(importlib.import_module(f"{__package__}.{module}"), name))

    def __getattr__(self, name: str) -> QWidget:
        """``wall.stage``, ``wall.tally``... : the widget of that view (tests and the presenter read them)."""
        try:
            view = view_named(_ALIASES.get(name, name))
        except ValueError:
            raise AttributeError(name) from None
        return self.view_widget(view)

    @property
    def artifact(self) -> ArtifactFocus:
        return self._view(ArtifactFocus)

    @property
    def plain(self) -> PlainScreen:
        return self._view(PlainScreen)

    @property
    def call_view(self) -> CallView:
        return self._view(CallView)

    @property
    def frame_view(self) -> FrameView:
        return self._view(FrameView)

    def show_artifact(self, data: ArtifactFocusData, image: QImage | ImageUnavailable, page: int,
                      page_count: int) -> None:
        self.artifact.show_artifact(data, image, page, page_count)
        self.setCurrentWidget(self.artifact)

    def show_frame(self, frame: TiledFrame) -> None:
        self.frame_view.show_frame(frame)
        self.setCurrentWidget(self.frame_view)

    def show_plain(self, kind: str) -> None:
        self.plain.show_kind(kind)
        self.setCurrentWidget(self.plain)
