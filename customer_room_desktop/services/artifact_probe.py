"""Will an artifact show? Decode it as a wall would, before the meeting, and say why not in plain words.

For `build` and `check`: they run without a Qt application object, and none is needed here (see
image_prep). None is made either: a QCoreApplication made here would stop a command that draws
widgets later in the same process from making its QApplication.
"""

from __future__ import annotations

from PySide6.QtCore import QSize

from .image_prep import ImageUnavailable, decode_picture, is_pdf
from .pdf_pages import PdfPages

PROBE_BOX = QSize(160, 160)  # the first page is drawn this small: enough to prove it decodes


def artifact_problem(data: bytes, password: str | None = None, page: int = 1) -> str | None:
    """None when the artifact will show, else one plain sentence saying why it will not.

    The file is opened, its pages counted and the page it opens at (``page``, 1 for the first) drawn
    small, as a wall would. The sentence starts in lower case, ends with no full stop and names no
    file: the caller puts "artifact 'key' (file.pdf): " before it. ``password`` is the artifact
    entry's PDF password.
    """
    if not data:
        return "the file is empty"
    try:
        if is_pdf(data):
            pages = PdfPages(data, password)
            if page > pages.page_count:
                return f"{page_count_words(pages.page_count)}, so page {page} cannot show"
            pages.render(page - 1, PROBE_BOX)
        else:
            decode_picture(data, PROBE_BOX)
            if page > 1:
                return f"it is a picture, which has only one page, so page {page} cannot show"
    except ImageUnavailable as problem:
        return str(problem).rstrip(".")
    return None


def page_count_words(count: int) -> str:
    """"the PDF has one page", "the PDF has 8 pages"."""
    return "the PDF has one page" if count == 1 else f"the PDF has {count} pages"
