"""The controls of the console a person uses: buttons, fields, lists, tables, sliders and tab bars, without
the parts Qt builds inside them (a spin box's line edit, a table's headers, a drop-down's popup list)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QHeaderView, QLineEdit,
    QPlainTextEdit, QScrollBar, QTabBar, QTextEdit, QWidget,
)

CONTROL_KINDS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView, QPlainTextEdit,
                 QTextEdit, QAbstractSlider, QTabBar)


def _is_part_of_another(widget: QWidget, window: QWidget) -> bool:
    if widget.objectName().startswith("qt_") or isinstance(widget, (QHeaderView, QScrollBar)):
        return True
    if widget.window() is not window:  # a drop-down's popup
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


def controls_of(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if isinstance(w, CONTROL_KINDS)
            and not _is_part_of_another(w, window)]
