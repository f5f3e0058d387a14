"""What a file brought for import really is, whatever its name says: CSV text, an Excel workbook, or
something else (a web page, JSON, a zip), named in one short sentence before any row is read."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..domain.text_encoding import detect_encoding
from ..storage.errors import ImportRefused

SNIFF_BYTES = 4096
_HTML_TAGS = ("<html", "<head", "<body", "<script", "<meta", "<table", "<div", "<title", "<link")


def file_format(path: Path) -> str:
    """'csv' or 'xlsx'; anything else is refused in one sentence that says what the file is."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(path)
    refusal = _binary_kind(head) or _text_kind(head)
    if refusal:
        raise ImportRefused(f"{path} {refusal}.", path=str(path))
    return "csv"


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        raise ImportRefused(f"{path} is a damaged zip archive (or workbook): it cannot be opened.",
                            path=str(path)) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names and "mimetype" in names:
        raise ImportRefused(f"{path} is an OpenDocument spreadsheet: save it as .xlsx or CSV first.", path=str(path))
    if "word/document.xml" in names:
        raise ImportRefused(f"{path} is a Word document, not a CSV export.", path=str(path))
    inside = [name for name in names if name.lower().endswith((".csv", ".xlsx", ".txt"))]
    holding = f" holding {inside[0]}" if len(inside) == 1 and len(inside[0]) <= 60 else ""
    raise ImportRefused(f"{path} is a zip archive{holding}: unzip it first.", path=str(path))


def _binary_kind(head: bytes) -> str | None:
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "is an old Excel workbook (.xls), which this import does not read: save it as .xlsx or CSV"
    if head.startswith(b"%PDF"):
        return "is a PDF, not a CSV export"
    if head.startswith(b"\x1f\x8b"):
        return "is compressed with gzip: unpack it first"
    if head.startswith((b"7z\xbc\xaf", b"Rar!")):
        return "is an archive: unpack it first"
    if b"\x00" in head and not detect_encoding(head).startswith(("utf-16", "utf-32")):
        return "is not a text file (it holds binary data): export the data as CSV or .xlsx"
    return None


def _text_kind(head: bytes) -> str | None:
    text = head.decode(detect_encoding(head), errors="ignore")
    start = text.lstrip("\ufeff \t\r\n").lower()
    if start.startswith(("<!doctype html", "<html")) or (
            start.startswith("<") and any(tag in start for tag in _HTML_TAGS)):
        return ("is a web page (HTML), not a CSV export: download the file itself, "
                "not the page that links to it")
    if start.startswith("<?xml") or start.startswith("<"):
        return "is an XML file, not a CSV export"
    if _looks_like_json(start):
        return "is JSON, not CSV: export the data as CSV or .xlsx"
    return None


def _looks_like_json(start: str) -> bool:
    if start[:1] not in ("{", "["):
        return False
    rest = start[1:].lstrip()
    if start[0] == "{":
        return rest[:1] in ('"', "}")
    return rest[:1] in ("{", "[", '"', "]") or rest[:1].isdigit()
