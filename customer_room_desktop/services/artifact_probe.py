"""Will an artifact show? Decode it as a wall would, before the meeting, and say why not in plain words.

For `build` and `check`: they run without a Qt application object, and none is needed here (see
image_prep). None is made either: a QCoreApplication made here would stop a command that draws
widgets later in the same process from making its QApplication.
"""

from __future__ import annotations

from PySide6.QtCore import QSize

from .image_prep import ImageUnavailable, PdfPages, decode_picture, is_pdf

PROBE_BOX = QSize(160, 160)  # the first page is drawn this small: enough to prove it decodes


def artifact_problem(data: bytes, password: str | None = None) -> str | None:
    """None when the artifact will show, else one plain sentence saying why it will not.

    The file is opened, its pages counted and its first page drawn small, as a wall would. The
    sentence starts in lower case, ends with no full stop and names no file: the caller puts
    "artifact 'key' (file.pdf): " before it. ``password`` is the artifact entry's PDF password.
    """
    if not data:
        return "the file is empty"
    try:
        if is_pdf(data):
            PdfPages(data, password).render(0, PROBE_BOX)
        else:
            decode_picture(data, PROBE_BOX)
    except ImageUnavailable as problem:
        return str(problem).rstrip(".")
    return None
