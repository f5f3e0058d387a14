"""Console tabs whose page is made the first time it is shown or asked for.

Most meetings open a tab or two; the session's panels, with their tables and the queries that fill
them, cost the cold start about a tenth of its time when all are made before the first picture. Each
page here starts as an empty holder, and its panel is made (its module imported) when the tab is first
shown or the panel first asked for; ``built`` then names it, so whoever feeds it can connect and fill it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .panel_kit import scrolled
from .wheel_guard import installed_guard, strong_focus


class LazyTabs(QObject):
    built = Signal(str)  # the name of a panel just made

    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self._tabs = tabs
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QWidget] = {}
        self._panels: dict[str, QWidget] = {}
        self._scrolls_itself: set[str] = set()
        tabs.currentChanged.connect(self._shown)

    def add(self, name: str, title: str, widget: str, *, scrolls_itself: bool = False) -> None:
        """A tab titled ``title`` whose panel is ``widget`` ("module.Class" in this package), made later.
        ``scrolls_itself``: the panel has its own area that scrolls (and lays itself out for the tab's
        width), so it is not put in one."""
        module, _, class_name = widget.rpartition(".")
        self._makers[name] = lambda: getattr(importlib.import_module(f"{__package__}.{module}"), class_name)()
        if scrolls_itself:
            self._scrolls_itself.add(name)
        holder = QWidget(objectName=f"{name}holder")
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self._holders[name] = holder
        self._tabs.addTab(holder, title)

    def has(self, name: str) -> bool:
        return name in self._panels

    def panel(self, name: str) -> QWidget:
        """The panel, made now if it was not yet."""
        panel = self._panels.get(name)
        if panel is None:
            panel = self._panels[name] = self._makers[name]()
            # in an area that scrolls when the console is smaller than the panel (a laptop's screen)
            self._holders[name].layout().addWidget(panel if name in self._scrolls_itself else scrolled(panel))
            if installed_guard() is not None:
                strong_focus(panel)  # as the wheel guard treats the console's other drop-downs
            self.built.emit(name)
        return panel

    def index_of(self, name: str) -> int:
        return self._tabs.indexOf(self._holders[name])

    def _shown(self, index: int) -> None:
        page = self._tabs.widget(index)
        for name, holder in self._holders.items():
            if holder is page:
                self.panel(name)
