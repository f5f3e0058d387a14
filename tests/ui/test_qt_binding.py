"""Guards against a Qt binding that corrupts Python's reference counts (seen in PySide6 6.12.0)."""

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter


def test_painting_does_not_drop_references_to_none(qtbot):
    """On Python 3.11 every lost reference to None brings a crash closer: a wall repaints all day."""
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = QFont("DejaVu Sans")
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.setFont(font)
        painter.setPen(QColor("red"))
        painter.fillRect(QRectF(0, 0, 4, 4), QColor("red"))
        painter.save()
        painter.restore()
    painter.end()
    assert sys.getrefcount(None) >= before - 50
