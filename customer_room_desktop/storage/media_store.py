"""Media inside the room file: content-addressed by SHA-256, deduplicated, stored in chunks.

A file is streamed in and out one chunk at a time, so a 2 GB video is never held in memory.
"""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..domain.identifiers import new_uid
from .room_file import now_iso
from .sql import Sql
from ..domain.records import record

if TYPE_CHECKING:
    import hashlib

    import sqlite_utils

CHUNK_SIZE = 1 << 20  # 1 MiB

_EXTRA_TYPES = {".opus": "audio/ogg", ".ogg": "audio/ogg", ".vtt": "text/vtt", ".srt": "application/x-subrip"}


def _sha256() -> hashlib._Hash:
    """A SHA-256 hasher; ``hashlib`` (OpenSSL, 5 ms) is loaded by the first medium hashed, not at start-up."""
    import hashlib

    return hashlib.sha256()


def guess_mime(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return _EXTRA_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


@record
class MediaInfo:
    sha256: str
    size: int
    mime: str
    original_name: str
    already_stored: bool = False


class _Duplicate(Exception):
    def __init__(self, sha256: str):
        self.sha256 = sha256


def add_media(
    db: sqlite_utils.Database,
    stream: BinaryIO,
    original_name: str,
    mime: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> MediaInfo:
    """Store a stream's bytes; return their SHA-256. Bytes already stored are not stored twice.

    Runs inside the caller's transaction when there is one (as a savepoint), else in its own.
    """
    mime = mime or guess_mime(original_name)
    digest = _sha256()
    size = 0
    try:
        with db.atomic():
            placeholder = f"pending-{new_uid()}"
            cursor = db.execute(
                "INSERT INTO media (sha256, size, mime, original_name, chunk_size, added_at) VALUES (?, 0, ?, ?, ?, ?)",
                (placeholder, mime, original_name, CHUNK_SIZE, now_iso()),
            )
            media_id = cursor.lastrowid
            seq = 0
            while True:
                chunk = stream.read(CHUNK_SIZE)
                if not chunk:
                    break
                digest.update(chunk)
                size += len(chunk)
                db.execute("INSERT INTO media_chunks (media_id, seq, data) VALUES (?, ?, ?)", (media_id, seq, chunk))
                seq += 1
                if progress:
                    progress(size)
            sha256 = digest.hexdigest()
            if db.execute("SELECT 1 FROM media WHERE sha256 = ?", (sha256,)).fetchone():
                raise _Duplicate(sha256)
            db.execute("UPDATE media SET sha256 = ?, size = ? WHERE id = ?", (sha256, size, media_id))
    except _Duplicate as duplicate:
        row = db.execute("SELECT size, mime, original_name FROM media WHERE sha256 = ?", (duplicate.sha256,)).fetchone()
        return MediaInfo(duplicate.sha256, row[0], row[1], row[2], already_stored=True)
    return MediaInfo(sha256, size, mime, original_name)


def add_media_file(db: sqlite_utils.Database, path: str | os.PathLike, **kwargs) -> MediaInfo:
    path = Path(path)
    with path.open("rb") as handle:
        return add_media(db, handle, path.name, **kwargs)


class MediaReader(io.RawIOBase):
    """A seekable, read-only stream over one stored medium, reading a chunk at a time."""

    def __init__(self, db: Sql, sha256: str):
        super().__init__()
        row = db.execute("SELECT id, size, chunk_size, mime FROM media WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise KeyError(f"no medium {sha256[:12]}… in this room")
        self._db = db
        self.sha256 = sha256
        self._media_id, self.size, self._chunk_size, self.mime = row
        self._position = 0
        self._chunk_seq = -1
        self._chunk = b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self.size}[whence]
        target = base + offset
        if target < 0:
            raise ValueError("cannot seek before the start of the medium")
        self._position = target
        return target

    def _load(self, seq: int) -> bytes:
        if seq != self._chunk_seq:
            row = self._db.execute(
                "SELECT data FROM media_chunks WHERE media_id = ? AND seq = ?", (self._media_id, seq)
            ).fetchone()
            self._chunk = bytes(row[0]) if row else b""
            self._chunk_seq = seq
        return self._chunk

    def readinto(self, buffer) -> int:
        view = memoryview(buffer).cast("B")
        written = 0
        while written < len(view) and self._position < self.size:
            seq, offset = divmod(self._position, self._chunk_size)
            chunk = self._load(seq)
            piece = chunk[offset : offset + len(view) - written]
            if not piece:
                break
            view[written : written + len(piece)] = piece
            written += len(piece)
            self._position += len(piece)
        return written


def open_media(db: Sql, sha256: str) -> io.BufferedReader:
    return io.BufferedReader(MediaReader(db, sha256), buffer_size=64 * 1024)


def verify_media(db: Sql, sha256: str) -> str | None:
    """Re-hash a stored medium from its chunks; return a problem sentence, or None when sound."""
    reader = MediaReader(db, sha256)
    digest = _sha256()
    total = 0
    expected_chunks = -(-reader.size // reader._chunk_size) if reader.size else 0
    stored_chunks = db.execute("SELECT count(*) FROM media_chunks WHERE media_id = ?",
                               (reader._media_id,)).fetchone()[0]
    if stored_chunks != expected_chunks:
        return f"medium {sha256[:12]} has {stored_chunks} chunks where {expected_chunks} were expected"
    while True:
        block = reader.read(CHUNK_SIZE)
        if not block:
            break
        digest.update(block)
        total += len(block)
    if total != reader.size:
        return f"medium {sha256[:12]} holds {total:,} bytes where {reader.size:,} were stored"
    if digest.hexdigest() != sha256:
        return f"medium {sha256[:12]} does not match its SHA-256 (its bytes were damaged)"
    return None


def file_sha256(path: str | os.PathLike) -> str:
    """The SHA-256 a file will be stored under (read in chunks: a recording may be gigabytes)."""
    digest = _sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()
