"""libVLC reads embedded media straight from the room file, a chunk at a time (media callbacks).

Each open gets its own read-only SQLite connection, because libVLC reads on its own threads.
"""

from __future__ import annotations

import ctypes
import itertools
import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from ..domain.media_containers import HEAD_BYTES, demux_for
from ..storage.media_store import MediaReader


class RoomMediaStream:
    """Owns the ctypes callbacks (they must outlive the media) and the readers they serve."""

    def __init__(self, vlc, room_path: Path):
        self._vlc = vlc
        self._uri = f"file:{quote(str(Path(room_path).resolve()))}?mode=ro"
        self._readers: dict[int, tuple[sqlite3.Connection, MediaReader]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        decorators = vlc.CallbackDecorators
        self._open_cb = decorators.MediaOpenCb(self._open)
        self._read_cb = decorators.MediaReadCb(self._read)
        self._seek_cb = decorators.MediaSeekCb(self._seek)
        self._close_cb = decorators.MediaCloseCb(self._close)
        self._pending: dict[int, str] = {}
        self._tokens: dict[str, int] = {}
        self._demuxers: dict[str, str | None] = {}  # each medium's demultiplexer, from its first bytes

    def media(self, instance, sha256: str):
        """A libVLC media that plays the room's medium ``sha256``."""
        token = self._tokens.get(sha256)
        if token is None:  # one token per medium, however often it is played
            token = self._tokens[sha256] = next(self._ids)
            self._pending[token] = sha256
        media = instance.media_new_callbacks(self._open_cb, self._read_cb, self._seek_cb, self._close_cb,
                                             ctypes.c_void_p(token))
        if sha256 not in self._demuxers:  # read once per medium, however often it is played
            self._demuxers[sha256] = demux_for(self._head(sha256))
        demux = self._demuxers[sha256]
        if demux is not None:  # libVLC tries this demultiplexer only (domain/media_containers.py says why)
            media.add_option(f":demux={demux}")
        return media

    def _head(self, sha256: str) -> bytes:
        """The medium's first bytes (b"" when the room cannot give them: libVLC then finds out itself)."""
        try:
            conn = sqlite3.connect(self._uri, uri=True)
            try:
                return MediaReader(conn, sha256).read(HEAD_BYTES)
            finally:
                conn.close()
        except Exception:  # noqa: BLE001 - a medium that cannot be read fails in libVLC, in its own words
            return b""

    # The callbacks run on libVLC's threads: they touch only the reader they were given.
    def _open(self, opaque, datap, sizep) -> int:
        try:
            sha256 = self._pending[int(opaque or 0)]  # kept: libVLC may open a media again to seek
            conn = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            reader = MediaReader(conn, sha256)
        except Exception:  # noqa: BLE001 - any failure is "cannot open" to libVLC
            return -1
        with self._lock:
            handle = next(self._ids)
            self._readers[handle] = (conn, reader)
        datap[0] = ctypes.c_void_p(handle)
        sizep[0] = reader.size
        return 0

    def _read(self, opaque, buffer, length) -> int:
        entry = self._readers.get(int(opaque or 0))
        if entry is None:
            return -1
        try:
            data = entry[1].read(length)
        except Exception:  # noqa: BLE001
            return -1
        ctypes.memmove(buffer, data, len(data))
        return len(data)

    def _seek(self, opaque, offset) -> int:
        entry = self._readers.get(int(opaque or 0))
        if entry is None:
            return -1
        entry[1].seek(offset)
        return 0

    def _close(self, opaque) -> None:
        with self._lock:
            entry = self._readers.pop(int(opaque or 0), None)
        if entry:
            entry[0].close()
