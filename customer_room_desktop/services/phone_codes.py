"""The two QR codes the console shows (and a wall on request): the leaders' link and the facilitator's page.

Made with segno as PNG bytes (``QImage.fromData`` reads them), black on white with the quiet zone the
standard asks for, large enough modules to scan from across a table.
"""

from __future__ import annotations

import io

import segno

SCALE = 10  # pixels per module: a 33-module code is 410 px with its border
BORDER = 4  # the quiet zone the QR standard asks for, in modules


def qr_png(text: str, scale: int = SCALE) -> bytes:
    """``text`` (a URL) as a QR code in a PNG; error correction M survives a smudged screen or print."""
    code = segno.make(text, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=BORDER, dark="#000000", light="#ffffff")
    return buffer.getvalue()
