"""Garbage collections run on the Qt main thread only, whatever other threads allocate."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from customer_room_desktop.app.qt_app import qt_application
from customer_room_desktop.services.main_thread_gc import collect_on_main_thread, due_generation


def _allocate_on_a_worker(kept: list[dict[str, int]]) -> None:
    for number in range(50_000):
        kept.append({"n": number})  # tracked containers that stay: the count Python collects by grows


def test_worker_threads_that_allocate_never_run_a_collection_and_the_main_thread_does(qapp, qtbot):
    collector = collect_on_main_thread(qapp)
    collecting_threads: list[int] = []

    def note_thread(phase: str, _info: dict) -> None:
        if phase == "start":
            collecting_threads.append(threading.get_ident())

    gc.callbacks.append(note_thread)
    try:
        garbage = QObject()
        garbage.cycle = garbage  # a main-thread Qt object only the collector can free
        destroyed: list[bool] = []
        garbage.destroyed.connect(lambda: destroyed.append(True))
        del garbage
        kept: list[dict[str, int]] = []
        workers = [threading.Thread(target=_allocate_on_a_worker, args=(kept,)) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        before = collector.collections
        qtbot.waitUntil(lambda: collector.collections > before and bool(destroyed), timeout=5000)
    finally:
        gc.callbacks.remove(note_thread)
    main = threading.main_thread().ident
    assert collecting_threads, "no collection ran at all"
    assert set(collecting_threads) == {main}


def test_the_windowed_commands_application_collects_on_the_main_thread(qapp):
    assert qt_application() is qapp
    assert not gc.isenabled()  # Python's own collector, which runs on any thread, is off


def test_the_generation_chosen_is_the_oldest_past_its_threshold():
    assert due_generation((10, 0, 0), (700, 10, 10)) == -1
    assert due_generation((701, 3, 0), (700, 10, 10)) == 0
    assert due_generation((701, 11, 2), (700, 10, 10)) == 1
    assert due_generation((701, 11, 11), (700, 10, 10)) == 2
    assert due_generation((5_000, 50, 50), (0, 10, 10)) == -1  # a program that set threshold 0 wants none
