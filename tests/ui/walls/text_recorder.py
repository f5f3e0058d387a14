"""Every text a widget draws, with its size and place: a paint device whose engine writes nothing
and keeps each run of text Qt hands it (after wrapping and eliding, as it would reach the screen)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPaintDevice, QPaintEngine, QRegion
from PySide6.QtWidgets import QApplication, QWidget

_DPI = 96


@dataclass(frozen=True)
class DrawnText:
    text: str
    x_height: float  # pixels on the wall, after the painter's scaling
    box: QRectF  # where the run's ink sits on the wall
    clip: QRectF | None  # the clip in force, if any

    @property
    def cut_off(self) -> bool:
        """Outside the wall or its clip, or ending in an ellipsis that took part of a word."""
        if self.clip is not None and not self.clip.adjusted(-1, -1, 1, 1).contains(self.box):
            return True
        stripped = self.text.rstrip()
        return stripped.endswith("…") and len(stripped) > 1 and stripped[-2].isalnum()


class _RecordingEngine(QPaintEngine):
    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.texts: list[DrawnText] = []
        self._clip: QRectF | None = None

    def begin(self, device: QPaintDevice) -> bool:  # noqa: ARG002 - Qt's signature
        return True

    def end(self) -> bool:
        return True

    def updateState(self, state) -> None:  # noqa: N802 - Qt's name
        dirty = state.state()
        clip_flags = (QPaintEngine.DirtyFlag.DirtyClipRegion | QPaintEngine.DirtyFlag.DirtyClipPath
                      | QPaintEngine.DirtyFlag.DirtyClipEnabled)
        if dirty & clip_flags:
            painter = self.painter()
            if painter.hasClipping():
                region: QRegion = painter.clipRegion()
                self._clip = painter.transform().mapRect(QRectF(region.boundingRect()))
            else:
                self._clip = None

    def drawTextItem(self, point, item) -> None:  # noqa: N802 - Qt's name
        transform = self.painter().transform()
        font = item.font()
        metrics = QFontMetricsF(font)
        x_height = metrics.xHeight()
        if font.pixelSize() <= 0:  # a point size (a label's font): pixels at the wall's 96 dpi
            x_height *= _DPI / QApplication.primaryScreen().logicalDotsPerInchY()
        box = transform.mapRect(metrics.tightBoundingRect(item.text()).translated(point))
        self.texts.append(DrawnText(item.text(), x_height * abs(transform.m22()), box, self._clip))

    def drawPixmap(self, *args) -> None:  # noqa: N802
        pass

    def drawImage(self, *args) -> None:  # noqa: N802
        pass

    def drawTiledPixmap(self, *args) -> None:  # noqa: N802
        pass

    def drawPolygon(self, *args) -> None:  # noqa: N802
        pass

    def drawRects(self, *args) -> None:  # noqa: N802
        pass

    def drawPath(self, *args) -> None:  # noqa: N802
        pass

    def drawLines(self, *args) -> None:  # noqa: N802
        pass

    def drawEllipse(self, *args) -> None:  # noqa: N802
        pass

    def drawPoints(self, *args) -> None:  # noqa: N802
        pass

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User


class TextRecorder(QPaintDevice):
    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self._size = (width, height)
        self.engine = _RecordingEngine()

    def paintEngine(self) -> QPaintEngine:  # noqa: N802 - Qt's name
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        width, height = self._size
        return {m.PdmWidth: width, m.PdmHeight: height, m.PdmDpiX: _DPI, m.PdmDpiY: _DPI, m.PdmPhysicalDpiX: _DPI,
                m.PdmPhysicalDpiY: _DPI, m.PdmDepth: 32, m.PdmDevicePixelRatio: 1,
                m.PdmDevicePixelRatioScaled: 1, m.PdmWidthMM: width * 254 // 960,
                m.PdmHeightMM: height * 254 // 960}.get(metric, 0)


def texts_drawn(widget: QWidget, size: tuple[int, int]) -> list[DrawnText]:
    """Lay ``widget`` out at ``size`` off screen and record every text one paint of it draws."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    recorder = TextRecorder(*size)
    widget.render(recorder)
    wall = QRectF(0, 0, *size)
    return [DrawnText(t.text, t.x_height, t.box, t.clip.intersected(wall) if t.clip else wall)
            for t in recorder.engine.texts if t.text.strip()]
