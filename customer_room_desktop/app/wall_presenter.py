"""Puts content on the walls: decides what each wall shows, renders frames ahead, switches by frame.

A 4K wall view takes about 11 ms to paint in software, so three walls cannot repaint within one
60 Hz frame. Each wall therefore shows a frame rendered ahead of time: the neighbouring stages
are painted into images while the room is idle, and a switch to one of them is an image copy.

The frame a wall shows is not kept here: once the wall's window holds its pixels, the frame keeps
only which tiles are plain (to repaint no more than the next frame changes) and a small picture for
the console. That is a frame less per wall (10 MB at 4K), paid for by painting the stage just left
again while the room is idle. A window that loses its pixels (uncovered) asks for the frame again.
"""

from __future__ import annotations

import ctypes
import sys
from collections import OrderedDict
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from PySide6.QtCore import QObject, QPoint, QSize, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from ..domain.wall_views import ViewData, view_named
from ..services.image_prefetch import ImagePrefetcher
from ..ui.walls.artifact_focus import page_box
from ..ui.walls.frame_view import FrameCanvas
from ..ui.walls.tiled_frame import TiledFrame, drawn_small
from ..ui.walls.stage_panel import thumbnail_box, thumbnails_shown
from .wall_content import WallPlan
from .wall_factory import WallFactory

FRAMES_PER_WALL = 2  # the neighbouring stages; the window itself holds the pixels of the one shown
LIVE_DATA = (ViewData.SESSION, ViewData.BOARD, ViewData.WALK)  # drawn live from the data in the plan


def kind_of(view: str) -> ViewData:
    return view_named(view).data


VERBATIM_SECONDS = 12
ON_SCREEN_POLL_MS = 10
ON_SCREEN_WAIT_MS = 3000  # a wall that never shows (minimised, unplugged) does not hold idle work back for long
CONSOLE_PICTURE_WIDTH = 640
PREVIEW_SIZE = (960, 540)


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:
        return None


def keep_big_images_out_of_the_heap() -> None:
    """Frames and pages are many megabytes each. glibc raises its mmap threshold after freeing one,
    so the next ones land in the heap and stay resident after they are freed; fixing the
    threshold at 1 MB keeps every big image in its own mapping, returned to the system on free."""
    libc = _libc()
    if libc is not None:
        libc.mallopt(-3, 1 << 20)  # M_MMAP_THRESHOLD


def release_freed_memory() -> None:
    """Hand memory freed after rendering frames back to the system (glibc keeps it otherwise)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


class WallPresenter(QObject):
    def __init__(self, factory: WallFactory, prefetcher: ImagePrefetcher):
        super().__init__()
        keep_big_images_out_of_the_heap()
        self.factory = factory
        self.prefetcher = prefetcher
        self.plans: list[WallPlan] = []
        self.position = 1
        self.cover: str | None = None
        self.celebration = None  # the recognition celebrated while the cover is "celebration"
        self.verbatim_index = 0
        self.frames: dict[str, OrderedDict[tuple, TiledFrame]] = {}  # by wall: frames ready to be shown
        self.canvas = FrameCanvas()
        # the thumbnails each stage frame was drawn without: only their arrival redraws it
        self._drawn_without: dict[tuple[str, tuple], frozenset[str]] = {}
        self._started = False
        self._stopped = False
        # whether every window is on screen; idle work waits for it, so it never delays the first picture
        self.on_screen: Callable[[], bool] = lambda: True
        self._preview = None  # a small stage panel for NEXT when no wall shows the stage
        # Drawing sends thousands of events to the wall widgets; the live room lifts its application-wide
        # event filters (written in Python, a call each) while the presenter draws.
        self.quiet: Callable[[], AbstractContextManager[None]] = nullcontext
        prefetcher.ready.connect(self._thumbnail_ready)
        self._rotation = QTimer(self, interval=VERBATIM_SECONDS * 1000)
        self._rotation.timeout.connect(self.rotate_verbatims)
        self._rotation.start()

    # -- what a wall shows ------------------------------------------------------------------
    def _signature(self, plan: WallPlan, position: int) -> tuple:
        size = (plan.wall.width(), plan.wall.height())
        if self.cover:
            return ("cover", self.cover, self.celebration, size)
        kind = kind_of(plan.view)
        if kind in LIVE_DATA:
            return (plan.view, plan.session[0] if plan.session else None, size)
        if kind is ViewData.ARTIFACT:
            return ("artifact", position, plan.artifact, size)
        if kind is ViewData.CALL:
            return ("call", plan.call, size)
        if kind is ViewData.STAGE:
            return (plan.view, position, size)
        if kind is ViewData.JOURNEY:
            return ("journey", plan.stages, size)  # the room's stage is only a marker: see _show
        return ("plain", plan.view, size)

    def _prepare(self, plan: WallPlan, position: int) -> QWidget:
        """Load a view of the wall with its data for ``position``; return it (it may be hidden)."""
        wall = plan.wall
        if self.cover == "celebration" and self.celebration is not None:
            wall.celebration.show_data(self.celebration)
            return wall.celebration
        if self.cover:
            wall.plain.show_kind(self.cover)
            return wall.plain
        name = plan.view.split(":", 1)[0]
        if name == "exercise" and plan.session:
            data = plan.session[1]
            page_text = str(plan.session[2] + 1) if len(plan.session) > 2 else ""
            _, image, page, count = self.factory.artifact_content(data.artifact_key, (wall.width(), wall.height()),
                                                                  page_text)
            wall.exercise.show_exercise(data, image, page, count)
            return wall.exercise
        if kind_of(plan.view) in LIVE_DATA and plan.session:
            view = wall.view_widget(view_named(plan.view))
            view.show_data(plan.session[1])
            return view
        if plan.view == "stage":
            data = self.factory.stage_data(position)
            thumbnails = self.factory.ready_thumbnails(data, wall.height())
            self._drawn_without[(plan.identity, self._signature(plan, position))] = frozenset(
                a.media_sha256 for a in thumbnails_shown(data.artifacts) if a.media_sha256 not in thumbnails)
            wall.stage_panel.show_stage(data, thumbnails, self.verbatim_index if position == plan.position else 0)
            return wall.stage_panel
        if plan.view == "complaints":
            wall.complaints.show_complaints(self.factory.complaints_data(position))
            return wall.complaints
        if plan.view == "tour":
            wall.tour.show_tour(self.factory.tour_data(position))
            return wall.tour
        if plan.view == "journey":
            wall.journey.show_journey(self.factory.journey_data(), *plan.stages, current=position)
            return wall.journey
        wall.plain.show_kind(name if kind_of(plan.view) is ViewData.PLAIN else "logo")
        return wall.plain

    def _kept(self, plan: WallPlan, position: int) -> TiledFrame | None:
        return self.frames.get(plan.identity, {}).get(self._signature(plan, position))

    def _frame(self, plan: WallPlan, position: int) -> TiledFrame:
        """The wall's frame for ``position``, painted now unless kept; kept from now on."""
        signature = self._signature(plan, position)
        frames = self.frames.setdefault(plan.identity, OrderedDict())
        frame = frames.get(signature)
        if frame is None:
            while len(frames) >= FRAMES_PER_WALL:  # make room first: holding the frame here would keep one more
                dropped = frames.popitem(last=False)[0]
                self._drawn_without.pop((plan.identity, dropped), None)
            frame = self.canvas.paint(self._prepare(plan, position), plan.wall.size(), plan.wall.frame_view)
            frames[signature] = frame
        frames.move_to_end(signature)
        return frame

    def _take_frame(self, plan: WallPlan, position: int) -> TiledFrame:
        """The frame the wall is about to show: no longer kept here (the wall's window will hold its pixels)."""
        frame = self._kept(plan, position)
        if frame is None:
            return self.canvas.paint(self._prepare(plan, position), plan.wall.size())
        del self.frames[plan.identity][self._signature(plan, position)]
        return frame

    def _show_frame(self, plan: WallPlan, frame: TiledFrame) -> None:
        plan.wall.frame_view.pixels_wanted = lambda identity=plan.identity: self._reframe(identity)
        plan.wall.show_frame(frame)

    def _let_shown_pixels_go(self, plan: WallPlan) -> None:
        """Once a wall's window holds the frame it shows, the frame keeps only its grid (to repaint no more
        than the next frame changes) and a small picture for the console."""
        view = plan.wall.frame_view if plan.wall.currentWidget() is plan.wall.frame_view else None
        if view is not None:
            view.paint_now()
        if view is not None and view.holds_its_frame():
            assert view.frame is not None
            self._console_picture(view.frame)
            view.frame.let_pixels_go()

    @staticmethod
    def _console_picture(frame: TiledFrame) -> QImage:
        if frame.small is None:
            frame.small = drawn_small(frame.size(), CONSOLE_PICTURE_WIDTH, frame.paint)
        return frame.small

    def _reframe(self, identity: str) -> None:
        """A wall whose window lost the pixels of its frame (uncovered, shown again) is painted afresh."""
        plan = next((p for p in self.plans if p.identity == identity), None)
        if plan is None or self.cover or plan.wall.currentWidget() is not plan.wall.frame_view:
            return
        plan.wall.frame_view.show_nothing()
        self._show_frame(plan, self._take_frame(plan, plan.position))
        QTimer.singleShot(0, self.prepare_ahead)

    # -- switching ----------------------------------------------------------------------------
    def show(self, plans: list[WallPlan], position: int, cover: str | None, celebration: object = None) -> None:
        """Bring every wall to the room's state; walls whose content is unchanged are not touched."""
        with self.quiet():
            self._show(plans, position, cover, celebration)

    def _show(self, plans: list[WallPlan], position: int, cover: str | None, celebration: object) -> None:
        if position != self.position:
            self.verbatim_index = 0
        self.plans, self.position, self.cover, self.celebration = plans, position, cover, celebration
        for plan in plans:
            signature = self._signature(plan, plan.position)
            if plan.wall.shown_signature == signature:
                if kind_of(plan.view) is ViewData.JOURNEY and not cover:
                    plan.wall.journey.set_current(position)  # repaints only the marker, not the wall
                continue
            plan.wall.shown_signature = signature
            kind = kind_of(plan.view)
            if kind is ViewData.ARTIFACT and not cover:
                self._show_artifact(plan)
            elif kind is ViewData.CALL and not cover:
                self._show_call(plan)
            elif kind is ViewData.STAGE and not cover and self._kept(plan, plan.position) is not None:
                self._show_frame(plan, self._take_frame(plan, plan.position))
            else:  # journey, session walls, logo, covers, and a stage with no frame yet: live. The next idle
                # moment frames a stage (so none is tiled, nor numpy imported, during the cold start).
                plan.wall.frame_view.show_nothing()  # its frame may be dropped from the kept ones: let it go
                plan.wall.setCurrentWidget(self._prepare(plan, plan.position))
        for plan in plans:
            self._request_thumbnails(plan.position)
        if self._started:
            QTimer.singleShot(0, self.prepare_ahead)  # after the walls have painted
        else:
            self.when_on_screen(self.prepare_ahead)
        self._started = True

    def when_on_screen(self, work: Callable[[], None], waited_ms: int = 0) -> None:
        """Run ``work`` once the room is on screen (or after a few seconds whatever happens); never once
        the presenter has stopped."""
        if self._stopped:
            return
        if self.on_screen() or waited_ms >= ON_SCREEN_WAIT_MS:
            QTimer.singleShot(0, work)
        else:
            QTimer.singleShot(ON_SCREEN_POLL_MS, lambda: self.when_on_screen(work, waited_ms + ON_SCREEN_POLL_MS))

    def _show_artifact(self, plan: WallPlan) -> None:
        """Artifacts stay live: the facilitator zooms and pans them."""
        key, page_text = (plan.artifact[0], str(plan.artifact[1] + 1)) if plan.artifact else (None, "")
        if key is None:  # none chosen: the stage's first, at the page it opens at
            artifacts = self.factory.stage_data(plan.position).artifacts
            if not artifacts:
                plan.wall.show_plain("logo")
                return
            key = artifacts[0].key
        size = (plan.wall.width(), plan.wall.height())
        plan.wall.show_artifact(*self.factory.artifact_content(key, size, page_text))

    def _show_call(self, plan: WallPlan) -> None:
        """Calls stay live: their captions follow the player. With no call open, the logo."""
        if plan.call is None:
            plan.wall.show_plain("logo")
            return
        plan.wall.call_view.show_call(self.factory.source.call_view(plan.call))
        plan.wall.setCurrentWidget(plan.wall.call_view)

    def current_image(self, plan: WallPlan) -> QImage:
        """What the wall shows now, as an image for the console (the frame, or a grab of a live view)."""
        shown = plan.wall.frame_view.frame if plan.wall.currentWidget() is plan.wall.frame_view else None
        if shown is not None:
            return self._console_picture(shown)
        view = plan.wall.currentWidget()
        return drawn_small(view.size(), CONSOLE_PICTURE_WIDTH, lambda painter: view.render(painter, QPoint(0, 0)))

    def next_frame(self, position: int) -> QImage | None:
        """What a stage wall will show for ``position`` (the console's NEXT): the frame rendered ahead
        when one is ready; with no wall on the stage view, the stage drawn small for the console."""
        for plan in self.plans:
            if plan.view == "stage" and not self.cover:
                frame = self._kept(plan, position)
                return None if frame is None else drawn_small(frame.size(), PREVIEW_SIZE[0], frame.paint)
        if self._preview is None:
            from ..ui.walls.stage_panel import StagePanel

            self._preview = StagePanel(self.factory.branding)
        data = self.factory.stage_data(position)
        self._preview.show_stage(data, self.factory.ready_thumbnails(data, PREVIEW_SIZE[1]))
        image = QImage(*PREVIEW_SIZE, QImage.Format.Format_RGB16)
        self._preview.resize(*PREVIEW_SIZE)
        self._preview.render(image)
        return image

    def prepare_ahead(self) -> None:
        """Render the frames of the stages either side of each wall's, while the room is idle."""
        with self.quiet():
            self._prepare_ahead()

    def _prepare_ahead(self) -> None:
        count = self.factory.stage_count
        for plan in self.plans:
            if kind_of(plan.view) is ViewData.ARTIFACT and not plan.artifact and not self.cover:
                self._request_first_artifacts(plan, count)
            if kind_of(plan.view) is not ViewData.STAGE or self.cover:
                continue
            neighbours = (plan.position % count + 1, (plan.position - 2) % count + 1)
            wanted = [self._signature(plan, position) for position in neighbours]
            frames = self.frames.get(plan.identity, {})
            for signature in [s for s in frames if s not in wanted]:  # room first, for the frames wanted
                del frames[signature]
            if plan.wall.currentWidget() is not plan.wall.frame_view:  # drawn live: framed first, and painted
                self._show_frame(plan, self._take_frame(plan, plan.position))  # before its view draws others
            self._let_shown_pixels_go(plan)
            for neighbour in neighbours:  # each with what showing it will paint over the wall's frame
                self._request_thumbnails(neighbour)
                plan.wall.frame_view.prepare(self._frame(plan, neighbour))
        wanted = {(p.identity, p.wall.shown_signature) for p in self.plans} | {
            (identity, signature) for identity, frames in self.frames.items() for signature in frames}
        self._drawn_without = {key: value for key, value in self._drawn_without.items() if key in wanted}
        release_freed_memory()

    def _request_first_artifacts(self, plan: WallPlan, count: int) -> None:
        """An artifact wall shows each stage's first artifact: decode the neighbours' ahead."""
        box = QSize(*page_box(plan.wall.width(), plan.wall.height()))
        for neighbour in (plan.position % count + 1, (plan.position - 2) % count + 1):
            artifacts = self.factory.stage_data(neighbour).artifacts
            if artifacts:
                self.prefetcher.request(artifacts[0].media_sha256, artifacts[0].page - 1, box,
                                        artifacts[0].pdf_password)

    def _request_thumbnails(self, position: int) -> None:
        for height in {plan.wall.height() for plan in self.plans if plan.view == "stage"}:
            for artifact in thumbnails_shown(self.factory.stage_data(position).artifacts):  # only what walls show
                self.prefetcher.request(artifact.media_sha256, artifact.page - 1, thumbnail_box(height),
                                        artifact.pdf_password)

    # -- content that changes while a stage is shown --------------------------------------------
    def _redraw_stage_walls(self, positions: Callable[[int], bool]) -> None:
        """Forget stage frames for the positions given and redraw the walls showing one of them."""
        with self.quiet():
            self._redraw_stage_walls_now(positions)

    def _redraw_stage_walls_now(self, positions: Callable[[int], bool]) -> None:
        for plan in self.plans:
            if plan.view != "stage":
                continue
            frames = self.frames.get(plan.identity, {})
            for signature in [s for s in frames if s[0] == "stage" and positions(s[1])]:
                del frames[signature]
                self._drawn_without.pop((plan.identity, signature), None)
            if positions(plan.position) and not self.cover and plan.wall.shown_signature \
                    and plan.wall.shown_signature[0] == "stage":
                if plan.wall.currentWidget() is plan.wall.frame_view:
                    plan.wall.frame_view.show_nothing()  # the window keeps its pixels until the new frame
                    self._show_frame(plan, self._take_frame(plan, plan.position))
                else:  # drawn live (the room has not been idle yet)
                    self._prepare(plan, plan.position).update()

    def _thumbnail_ready(self, sha256: str) -> None:
        """Redraw the stage frames that were drawn before this thumbnail was ready, and only those."""
        holding = {signature[1] for (_, signature), missing in self._drawn_without.items() if sha256 in missing}
        if holding:
            self._redraw_stage_walls(lambda p: p in holding)
            QTimer.singleShot(0, self.prepare_ahead)

    def rotate_verbatims(self) -> None:
        self.verbatim_index += 1
        showing = {plan.position for plan in self.plans if plan.view == "stage"}
        self._redraw_stage_walls(lambda p: p in showing)

    def stop(self) -> None:
        """The room is closing: no more timed redraws."""
        self._stopped = True
        self._rotation.stop()
        self.plans = []
        if self._preview is not None:
            self._preview.deleteLater()
            self._preview = None

    def forget(self, identity: str) -> None:
        """A wall went away or changed size: its frames are no use."""
        self.frames.pop(identity, None)
        self._drawn_without = {key: value for key, value in self._drawn_without.items() if key[0] != identity}
