import pytest
from PySide6.QtGui import QColor, QImage

from customer_room_desktop.services.painting import painting


def _image() -> QImage:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    return image


def test_the_painter_is_ended_when_the_block_ends():
    image = _image()
    with painting(image) as painter:
        assert painter.isActive()
        painter.fillRect(0, 0, 8, 8, QColor("white"))
    assert not painter.isActive()
    assert image.pixelColor(4, 4) == QColor("white")


def test_the_painter_is_ended_on_an_early_return_and_on_an_exception():
    image = _image()

    def early():
        with painting(image) as painter:
            return painter

    assert not early().isActive()
    with pytest.raises(RuntimeError), painting(image) as painter:
        raise RuntimeError("the drawing tripped")
    assert not painter.isActive()


def test_a_device_that_cannot_be_painted_gives_an_inactive_painter():
    with painting(QImage()) as painter:  # a null image cannot be painted on
        assert not painter.isActive()
