"""Printed handouts for a "try it yourself" exercise: the task and the artifact, one set per leader.

Each copy starts with a cover sheet carrying the task (never the done-when answer, the customers'
time or the usual wrong answer: the facilitator reveals those afterwards), lines for the leader's
name and times, and room for the answer. The artifact follows at print size, one of its pages per
sheet. The cover is a sheet of its own rather than sharing the artifact's first page: the artifact
then prints as large as the paper allows, and a pile handed out cover up hides the artifact until
the clock starts.

Written by Qt (QPdfWriter and QPainter, no browser engine). A QGuiApplication must exist before
calling write_handout (offscreen is enough; fonts and image codecs come from it): the caller makes
it, for example with app.qt_offscreen.ensure_gui_application().
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ..domain.refusal import Refusal
from ..storage.captures import CaptureRefused
from ..storage.exercises import ExerciseTask, task_of
from ..storage.room_file import RoomFile
from .file_output import write_whole_file
from .image_prep import ImageUnavailable, decode_picture
from .pdf_pages import PdfPages
from .painting import painting
from .wall_data import WallDataSource
from ..domain.records import record

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MAX_COPIES = 200
DEVICE_DPI = 300  # layout units of the writer: one unit is a 300 dpi dot
RENDER_DPI = 220  # artifact pages are drawn into images this sharp; small print stays legible
MARGIN_MM = 12
FOOTER_MM = 8  # kept free above the bottom margin for the footer line
KEEP_BYTES = 256 * 2**20  # rendered pages kept for later copies; beyond this they are drawn again
INK, FAINT, RULE, FALLBACK = QColor("#1b1f23"), QColor("#6b7780"), QColor("#b8c0c6"), QColor("#0b5563")
ALIGN_LEFT_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class HandoutError(Refusal, ValueError):
    """A handout that cannot be made; the message says why in one sentence."""


@record
class HandoutResult:
    path: Path
    pages: int  # in the whole file
    copies: int
    artifact_pages: int  # sheets of artifact in each copy (a placeholder counts as one)
    problem: str = ""  # why the artifact could not be printed, or "" when it was

    @property
    def pages_per_copy(self) -> int:
        return 1 + self.artifact_pages


def _mm(millimetres: float) -> float:
    return millimetres * DEVICE_DPI / 25.4


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Artifact:
    """The artifact's pages as images ready to print, or the reason it cannot be printed.

    A page is rendered once and the same QImage drawn in every copy: the PDF engine then stores it
    once, so the file barely grows with the number of copies. Past KEEP_BYTES, pages are rendered anew.
    """

    def __init__(self, media: bytes, is_pdf: bool, problem: str = "", password: str | None = None):
        self.problem, self._pdf, self._media, self._kept, self._kept_bytes = problem, None, media, {}, 0
        self.count = 1
        if not problem and is_pdf:
            try:
                self._pdf = PdfPages(media, password)
                self.count = self._pdf.page_count
            except ImageUnavailable as why:
                self.problem = str(why)

    def page(self, number: int, box: QSize) -> QImage | str:
        """The page's image fitted within ``box``, or a sentence saying why it cannot be drawn."""
        if self.problem:
            return self.problem
        if number in self._kept:
            return self._kept[number]
        try:
            drawn = self._pdf.render(number, box) if self._pdf else decode_picture(self._media, box)
        except ImageUnavailable as why:
            if self._pdf is None:
                self.problem = str(why)
            return str(why)
        image = QImage(drawn.size(), QImage.Format.Format_RGB888)  # on white: no transparency to embed
        image.fill(QColor("white"))
        with painting(image) as painter:
            painter.drawImage(0, 0, drawn)
        if self._kept_bytes + image.sizeInBytes() <= KEEP_BYTES:
            self._kept[number] = image
            self._kept_bytes += image.sizeInBytes()
        return image


def _check(paper: str, copies: int) -> QPageSize.PageSizeId:
    size = PAPERS.get(paper.strip().lower()) if isinstance(paper, str) else None
    if size is None:
        raise HandoutError(f"Handouts can be printed on a4 or letter paper, not '{paper}'.")
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
        raise HandoutError(f"A handout can be printed in 1 to {MAX_COPIES} copies, not {copies!r}.")
    return size


def _read_artifact(room: RoomFile, artifact_key: str) -> tuple[str, QColor, _Artifact]:
    """The room's name, its brand colour and the artifact, read once from the room file."""
    source = WallDataSource(room)
    branding = source.branding()
    colour = QColor(branding.brand_colour or "")
    try:
        focus = source.artifact_focus(artifact_key)
        artifact = _Artifact(focus.media, focus.is_pdf, password=focus.pdf_password)
    except KeyError:
        artifact = _Artifact(b"", False, "its file is missing from the room")
    return branding.room_name or "Customer Room", colour if colour.isValid() else FALLBACK, artifact


def write_handout(room: RoomFile, artifact_key: str, output: Path, copies: int = 1, paper: str = "a4") -> HandoutResult:
    """Write ``copies`` handouts for the artifact's exercise to ``output`` as one PDF, copies in order.

    Refusals (paper, copies, no task, unknown artifact, missing folder) raise HandoutError before
    anything is written. The PDF is made in memory, then written whole or not at all
    (write_whole_file), so a failure or a full disk leaves nothing behind. An artifact that cannot be
    decoded still gets its cover and a placeholder sheet.
    """
    page_size = _check(paper, copies)
    try:
        task = task_of(room, artifact_key)
    except CaptureRefused as refused:
        raise HandoutError(str(refused)) from None
    output = Path(output).expanduser()
    if not output.parent.is_dir():
        raise HandoutError(f"The folder {output.parent} does not exist.")
    room_name, accent, artifact = _read_artifact(room, artifact_key)
    document = QByteArray()
    buffer = QBuffer(document)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pages = _write(buffer, page_size, task, room_name, accent, artifact, copies)
    buffer.close()
    if document.isEmpty():
        raise HandoutError(f"The handout could not be written to {output}.")
    write_whole_file(output, document.data(), "the handout was not written")
    return HandoutResult(output, pages, copies, artifact.count, artifact.problem)


def _write(device: QBuffer, page_size: QPageSize.PageSizeId, task: ExerciseTask, room_name: str, accent: QColor,
           artifact: _Artifact, copies: int) -> int:
    """Lay out every sheet of every copy; return the number of pages written."""
    writer = QPdfWriter(device)
    writer.setTitle(f"Try it yourself: {task.title}")
    writer.setCreator("Customer Room Desktop")
    writer.setResolution(DEVICE_DPI)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(QPageLayout(QPageSize(page_size), QPageLayout.Orientation.Portrait, margins,
                                     QPageLayout.Unit.Millimeter))
    paper = QPageSize(page_size).size(QPageSize.Unit.Millimeter)
    longest_mm = max(paper.width(), paper.height()) - 2 * MARGIN_MM - FOOTER_MM
    box = round(longest_mm / 25.4 * RENDER_DPI)  # either orientation: the page is fitted into box x box
    per_copy, pages = 1 + artifact.count, 0
    with painting(writer) as painter:  # ending the painter finishes the PDF file
        if not painter.isActive():
            raise HandoutError("The handout could not be written: the file cannot be created there.")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for copy in range(1, copies + 1):
            for sheet in range(per_copy):
                if sheet == 0:
                    area = _new_sheet(writer, first=pages == 0, landscape=False)
                    _draw_cover(painter, area, task, accent)
                else:
                    drawn = artifact.page(sheet - 1, QSize(box, box))
                    wide = isinstance(drawn, QImage) and drawn.width() > drawn.height()
                    area = _new_sheet(writer, first=False, landscape=wide)
                    if isinstance(drawn, QImage):
                        _draw_image(painter, area, drawn)
                    else:
                        _draw_placeholder(painter, area, drawn)
                _draw_footer(painter, area, f"Copy {copy} of {copies} · page {sheet + 1} of {per_copy} · {room_name}")
                pages += 1
    return pages


def _new_sheet(writer: QPdfWriter, first: bool, landscape: bool) -> QRectF:
    """Start a sheet in the given orientation; return its drawing area above the footer, in device units."""
    if not first:
        writer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        writer.newPage()
    paint = writer.pageLayout().paintRectPixels(DEVICE_DPI)
    return QRectF(0, 0, paint.width(), paint.height() - _mm(FOOTER_MM))


def _draw_footer(painter: QPainter, area: QRectF, text: str) -> None:
    painter.setFont(_font(8))
    painter.setPen(FAINT)
    band = QRectF(area.left(), area.bottom(), area.width(), _mm(FOOTER_MM))
    painter.drawText(band, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), text)


def _draw_image(painter: QPainter, area: QRectF, image: QImage) -> None:
    """The page as large as the area allows, centred, its aspect ratio kept, in a hairline frame."""
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    target = QRectF(area.center().x() - width / 2, area.top() + (area.height() - height) / 2, width, height)
    painter.drawImage(target, image)
    painter.setPen(QPen(RULE, _mm(0.2)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(target)


def _draw_placeholder(painter: QPainter, area: QRectF, why: str) -> None:
    """A framed note instead of the artifact; the decoder's technical detail in brackets stays off paper."""
    why = why.split(" (")[0].rstrip(".")
    box = QRectF(area.left() + _mm(10), area.top() + _mm(40), area.width() - _mm(20), _mm(90))
    painter.setPen(QPen(RULE, _mm(0.6), Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    inner = box.adjusted(_mm(12), _mm(12), -_mm(12), -_mm(12))
    y = _draw_text(painter, inner.left(), inner.top(), inner.width(), "This artifact could not be printed.",
                   _font(20, True))
    _draw_text(painter, inner.left(), y + _mm(6), inner.width(), f"It cannot be printed because {why}. "
               "Show it on the wall instead, or import a fresh copy of the file into the room and print again.",
               _font(13))


def _draw_text(painter: QPainter, left: float, top: float, width: float, text: str, font: QFont,
               colour: QColor = INK) -> float:
    """Wrapped text from (left, top); return the y below it."""
    painter.setFont(font)
    painter.setPen(colour)
    rect = painter.boundingRect(QRectF(left, top, width, _mm(200)), ALIGN_LEFT_WRAP, text)
    painter.drawText(QRectF(left, top, width, rect.height()), ALIGN_LEFT_WRAP, text)
    return top + rect.height()


def _fit_task(painter: QPainter, width: float, limit: float, text: str) -> tuple[QFont, float]:
    """The largest type, 24 pt down to 14 pt, in which the task fits ``limit`` high, and its height."""
    for points in (24, 22, 20, 18, 16, 14):
        painter.setFont(_font(points))
        height = painter.boundingRect(QRectF(0, 0, width, _mm(400)), ALIGN_LEFT_WRAP, text).height()
        if height <= limit:
            break
    return _font(points), height


def _draw_cover(painter: QPainter, area: QRectF, task: ExerciseTask, accent: QColor) -> None:
    """Heading, the task in large type, the leader's name and times, and ruled room for the answer."""
    left, width = area.left(), area.width()
    painter.fillRect(QRectF(left, area.top(), width, _mm(2.2)), accent)
    y = _draw_text(painter, left, area.top() + _mm(7), width, "Try it yourself", _font(30, True))
    y = _draw_text(painter, left, y + _mm(1.5), width, task.title, _font(14), FAINT) + _mm(8)
    pad, bar = _mm(6), _mm(2.5)
    font, text_height = _fit_task(painter, width - bar - 2 * pad, _mm(85), task.text)
    tint = QColor(accent)
    tint.setAlpha(28)
    painter.fillRect(QRectF(left, y, width, text_height + 2 * pad), tint)
    painter.fillRect(QRectF(left, y, bar, text_height + 2 * pad), accent)
    _draw_text(painter, left + bar + pad, y + pad, width - bar - 2 * pad, task.text, font)
    y += text_height + 2 * pad + _mm(6)
    y = _draw_text(painter, left, y, width, "Work on your own, as a customer would, with nothing but these pages. "
                   "Write down the clock time when you start and again when you finish or give up.", _font(11),
                   FAINT) + _mm(10)
    pen = QPen(INK, _mm(0.3))
    label_font = _font(11, True)
    label_width = _mm(32)
    painter.setFont(label_font)
    painter.setPen(INK)
    painter.drawText(QRectF(left, y, label_width, _mm(8)), int(Qt.AlignmentFlag.AlignBottom), "Name")
    painter.setPen(pen)
    painter.drawLine(QPointF(left + label_width, y + _mm(8)), QPointF(area.right(), y + _mm(8)))
    y += _mm(16)
    column = (width - _mm(12)) / 3
    for index, label in enumerate(("Started at", "Finished at", "Time taken")):
        x = left + index * (column + _mm(6))
        painter.setFont(label_font)
        painter.setPen(INK)
        painter.drawText(QRectF(x, y, column, _mm(6)), int(Qt.AlignmentFlag.AlignLeft), label)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x, y + _mm(7), column, _mm(14)))
        if label == "Time taken":
            painter.setFont(_font(10))
            painter.setPen(FAINT)
            painter.drawText(QRectF(x, y + _mm(7), column - _mm(3), _mm(13)),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), "minutes")
    y += _mm(32)
    painter.setFont(label_font)
    painter.setPen(INK)
    painter.drawText(QRectF(left, y, width, _mm(6)), int(Qt.AlignmentFlag.AlignLeft), "Your answer, or notes")
    y += _mm(6)
    painter.setPen(QPen(RULE, _mm(0.25)))
    while y + _mm(10) <= area.bottom() - _mm(2):
        y += _mm(10)
        painter.drawLine(QPointF(left, y), QPointF(area.right(), y))
