"""The files of an exported room source: media under stable names, transcripts as WebVTT, data as CSV.

Every file is named from what it is (``media/calls/burst-pipe.opus``, ``transcripts/burst-pipe.vtt``), never
from when it was written, and its rows are in the room's order, so exporting twice writes the same bytes.
"""

from __future__ import annotations

import csv
import html
import mimetypes
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from ..storage.media_store import guess_mime, open_media
from ..storage.sql import Sql

_SUFFIX_OF_MIME = {"audio/ogg": ".ogg", "audio/mpeg": ".mp3", "audio/wav": ".wav", "audio/x-wav": ".wav",
                   "video/ogg": ".ogv", "image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf",
                   "image/heic": ".heic", "image/webp": ".webp", "audio/opus": ".opus", "video/mp4": ".mp4"}


def media_suffix(mime: str, original_name: str) -> str:
    """The file name ending that gives the media back its type when built again."""
    suffix = PurePosixPath(original_name).suffix.lower()
    if suffix and guess_mime(f"x{suffix}") == mime:
        return suffix
    return _SUFFIX_OF_MIME.get(mime) or mimetypes.guess_extension(mime) or suffix or ".bin"


class MediaWriter:
    """Writes each media file once per name, streamed from the room (a recording may be gigabytes)."""

    def __init__(self, db: Sql, folder: Path):
        self.db, self.folder = db, folder
        self.written: dict[str, str] = {}  # relative path -> sha256

    def write(self, sha256: str | None, group: str, stem: str) -> str | None:
        """``media/GROUP/STEM.EXT`` holding the media ``sha256`` (None for none); returns the relative path."""
        if not sha256:
            return None
        mime, original = self.db.execute("SELECT mime, original_name FROM media WHERE sha256 = ?",
                                         (sha256,)).fetchone()
        relative = f"media/{group}/{stem}{media_suffix(mime, original or '')}"
        if relative not in self.written:
            target = self.folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with open_media(self.db, sha256) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, 1024 * 1024)
            self.written[relative] = sha256
        return relative


def _vtt_time(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def webvtt(segments: Iterable[tuple[int, int, str, str]]) -> str:
    """Timed lines as WebVTT, the speaker as a voice tag; text escaped so it reads back as written."""
    lines = ["WEBVTT", ""]
    for start_ms, end_ms, speaker, text in segments:
        voice = f"<v {html.escape(speaker, quote=False)}>" if speaker else ""
        lines += [f"{_vtt_time(start_ms)} --> {_vtt_time(end_ms)}",
                  voice + html.escape(" ".join(text.split()), quote=False), ""]
    return "\n".join(lines)


def write_csv(path: Path, header: list[str], rows: Iterator[tuple]) -> int:
    """A UTF-8 CSV with ``header``; None is written as an empty cell. Returns the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
            count += 1
    return count


# [data] entry -> (file, header, query in the room's order): what build imports back through import_csv.
DATA_QUERIES: dict[str, tuple[str, list[str], str]] = {
    "complaints": ("data/complaints.csv",
                   ["received_on", "source", "category", "stage", "moment", "verbatim", "customer_ref",
                    "customer_name", "value", "external_id", "persona"],
                   "SELECT c.received_on, c.source, c.category, s.key, m.key, c.verbatim, c.customer_ref, "
                   "c.customer_name, c.value, c.external_id, p.key FROM complaints c "
                   "LEFT JOIN stages s ON s.id = c.stage_id LEFT JOIN moments m ON m.id = c.moment_id "
                   "LEFT JOIN personas p ON p.id = c.persona_id ORDER BY c.id"),
    "kpi_readings": ("data/kpi_readings.csv", ["kpi", "period", "value"],
                     "SELECT k.key, r.period, r.value FROM kpi_readings r JOIN kpis k ON k.id = r.kpi_id "
                     "ORDER BY k.id, r.period"),
    "survey_results": ("data/survey_results.csv", ["survey", "stage", "moment", "period", "score", "respondents"],
                       "SELECT r.survey, s.key, m.key, r.period, r.score, r.respondents FROM survey_results r "
                       "JOIN stages s ON s.id = r.stage_id LEFT JOIN moments m ON m.id = r.moment_id ORDER BY r.id"),
    "customer_assets": ("data/customer_assets.csv",
                        ["period_kind", "period_start", "label", "customers_start", "gained_count", "gained_value",
                         "lost_count", "lost_value", "increased_count", "declined_count", "customers_end"],
                        "SELECT period_kind, period_start, label, customers_start, gained_count, gained_value, "
                        "lost_count, lost_value, increased_count, declined_count, customers_end FROM asset_periods "
                        "ORDER BY id"),
    "lost_reasons": ("data/lost_reasons.csv", ["period_start", "reason", "stage", "count"],
                     "SELECT a.period_start, r.reason, s.key, r.count FROM asset_lost_reasons r "
                     "JOIN asset_periods a ON a.id = r.period_id LEFT JOIN stages s ON s.id = r.stage_id "
                     "ORDER BY r.id"),
}
