"""Which encoding a text file's bytes are in: the one rule the CSV importer and transcripts share.

Tried in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), UTF-8 without a mark, UTF-16 without a
mark when every other byte of ASCII-looking text is zero, then Windows-1252 (what Excel and Windows tools
write), and Latin-1 for the few bytes Windows-1252 leaves undefined, since Latin-1 decodes anything.
The names returned are Python codec names; no function here reads a file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_IN_WINDOWS_1252 = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
          "utf-32": "UTF-32", "windows-1252": "Windows-1252", "latin-1": "Latin-1"}


class TextDecodeError(ValueError):
    """Bytes that claim an encoding they break; ``line`` is where (1-based), ``str()`` says so in plain words."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def _marked(sample: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    return None


def _unmarked_utf16(sample: bytes) -> str | None:
    """'utf-16-le'/'-be' for mostly-ASCII UTF-16 saved without a mark (zero bytes on one side only)."""
    head = sample[:4096]
    head = head[: len(head) // 2 * 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= half * 0.6 and even <= half * 0.05:
        return "utf-16-le"
    if even >= half * 0.6 and odd <= half * 0.05:
        return "utf-16-be"
    return None


def detect_encoding_blocks(blocks: Iterable[bytes]) -> str:
    """The codec that decodes every block (a file read piece by piece), by the rule above."""
    pieces = iter(blocks)
    block = next(pieces, b"")
    marked = _marked(block) or _unmarked_utf16(block)
    if marked:
        return marked
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8, fits_1252 = True, True
    while True:
        if is_utf8:
            try:
                utf8.decode(block, final=not block)
            except UnicodeDecodeError:
                is_utf8 = False
        if fits_1252 and any(byte in block for byte in _NOT_IN_WINDOWS_1252):
            fits_1252 = False
        if not block or not (is_utf8 or fits_1252):
            break
        block = next(pieces, b"")
    if is_utf8:
        return "utf-8-sig"
    return "windows-1252" if fits_1252 else "latin-1"


def detect_encoding(sample: bytes) -> str:
    """The codec for ``sample`` (the whole text): 'utf-8-sig', 'utf-16', 'windows-1252', ..."""
    return detect_encoding_blocks([sample])


def encoding_name(encoding: str) -> str:
    """'utf-16' -> 'UTF-16': how a person names the encoding."""
    return _NAMES.get(encoding, encoding)


def decode_text(data: bytes) -> str:
    """The text of ``data`` in its detected encoding, without a byte-order mark.

    Raises TextDecodeError naming the line where a UTF-16 or UTF-32 text is broken or cut short
    (UTF-8 is only chosen when it decodes, and Windows-1252 and Latin-1 decode whatever they are given).
    """
    encoding = detect_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        before = data[: error.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        cut_short = error.end >= len(data)
        reason = "it ends in the middle of a character" if cut_short else "a character there is damaged"
        raise TextDecodeError(line, f"the file is {encoding_name(encoding)} text, but {reason}") from None
