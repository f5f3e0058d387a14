"""Decode artifacts on worker threads ahead of need, so a wall switch only shows what is ready."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, Signal

from .image_prep import PreparedImages


class _Finished(QObject):
    done = Signal(str, int, int, int)  # sha256, page, width, height


class _DecodeJob(QRunnable):
    def __init__(self, images: PreparedImages, sha256: str, data: bytes, page: int, box: QSize, finished: _Finished,
                 password: str | None = None):
        super().__init__()
        self._args = (images, sha256, data, page, box, finished, password)

    def run(self) -> None:
        # Python code on a pool thread: the app runs garbage collections on the main thread only
        # (services.main_thread_gc), so nothing here deletes a main-thread Qt object.
        images, sha256, data, page, box, finished, password = self._args
        images.prepare(sha256, lambda _: data, page, box, password)
        finished.done.emit(sha256, page, box.width(), box.height())


class ImagePrefetcher(QObject):
    """``request`` reads the bytes (on the caller's thread, where the room file lives) and decodes
    them on the pool; ``ready`` arrives on the GUI thread once the image is in the cache."""

    ready = Signal(str)  # sha256

    def __init__(self, images: PreparedImages, load_bytes: Callable[[str], bytes], pool: QThreadPool | None = None):
        super().__init__()
        self.images = images
        self._load = load_bytes
        self._pool = pool or QThreadPool.globalInstance()
        self._pending: set[tuple[str, int, int, int]] = set()
        self._finished = _Finished()
        self._finished.done.connect(self._on_done)

    def request(self, sha256: str, page: int, box: QSize, password: str | None = None) -> bool:
        """Start decoding unless it is cached or under way; True when a job was started.

        ``password`` opens a PDF that needs one (the artifact's ``pdf_password``)."""
        key = (sha256, page, box.width(), box.height())
        if key in self._pending or self.images.get(sha256, page, box) is not None:
            return False
        self._pending.add(key)
        self._pool.start(_DecodeJob(self.images, sha256, self._load(sha256), page, box, self._finished, password))
        return True

    def _on_done(self, sha256: str, page: int, width: int, height: int) -> None:
        self._pending.discard((sha256, page, width, height))
        self.ready.emit(sha256)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._pending)
