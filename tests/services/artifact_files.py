"""Artifact files as other software writes them, made here byte by byte or with the tools that make them.

None comes from the sample room's generators: those paint their own white PDF pages and write only
8-bit RGB pictures, which is why the problems these files show went unseen.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from PIL import Image

QUARTERLY = b"BT /F1 24 Tf 72 720 Td (Quarterly statement) Tj ET"
USER_PASSWORD, OWNER_PASSWORD = "letmein-2026", "owner-secret"


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF 1.4 file of these objects (1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def word_processor_pdf(content: bytes = QUARTERLY) -> bytes:
    """One US Letter page of black Helvetica text and no painted background, as word processors write it."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def zero_page_pdf() -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def qpdf_encrypted(tmp_path: Path, user: str, owner: str, *extra: str) -> bytes:
    """The word-processor PDF encrypted by Debian's qpdf (AES-256), as a bank or insurer sends it."""
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed (packaging/debian-packages.txt lists it); it makes the encrypted PDFs")
    source, target = tmp_path / "plain.pdf", tmp_path / f"encrypted-{len(user)}-{len(extra)}.pdf"
    source.write_bytes(word_processor_pdf())
    subprocess.run(["qpdf", "--encrypt", user, owner, "256", *extra, "--", str(source), str(target)],
                   check=True, capture_output=True)
    return target.read_bytes()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def rgba16_png(width: int = 40, height: int = 20) -> bytes:
    """A real 16-bit RGBA PNG (bit depth 16, colour type 6): the left half opaque deep red, the right
    half fully transparent blue, a middle band half-transparent black."""
    rows = bytearray()
    for _ in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            if x < width // 2 - 4:
                pixel = (0xC000, 0x1000, 0x1000, 0xFFFF)
            elif x < width // 2 + 4:
                pixel = (0, 0, 0, 0x8000)
            else:
                pixel = (0, 0, 0xFFFF, 0)
            rows += struct.pack(">4H", *pixel)
    header = struct.pack(">IIBBBBB", width, height, 16, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(bytes(rows)))
            + _png_chunk(b"IEND", b""))


def grey16_tiff(width: int = 256, height: int = 8) -> bytes:
    """A 16-bit greyscale TIFF (mode I;16) running from black on the left to white on the right."""
    image = Image.new("I;16", (width, height))
    image.putdata([round(x * 65535 / (width - 1)) for _ in range(height) for x in range(width)])
    return _saved(image, "TIFF")


def cmyk_jpeg() -> bytes:
    """A CMYK JPEG as print shops send it: left half pure cyan ink, right half no ink (paper)."""
    image = Image.new("CMYK", (64, 32), (0, 0, 0, 0))
    image.paste((255, 0, 0, 0), (0, 0, 32, 32))
    return _saved(image, "JPEG", quality=95)


def palette_png_with_transparency() -> bytes:
    """A palette PNG (a logo or scanned stamp) whose background colour is marked transparent."""
    image = Image.new("P", (40, 20), 0)
    image.putpalette([0, 0, 0] + [20, 60, 160] + [0, 0, 0] * 254)
    image.paste(1, (0, 0, 20, 20))
    return _saved(image, "PNG", transparency=0)


def animated_gif() -> bytes:
    """Two frames, red then blue: a wall shows the first."""
    frames = [Image.new("RGB", (30, 30), colour) for colour in ((220, 20, 20), (20, 20, 220))]
    return _saved(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0)


def phone_jpeg() -> bytes:
    """A phone photo held upright: stored 60 wide x 40 high, with EXIF orientation 6 (turn 90° clockwise).
    The stored left half is red, so the upright picture is red at the top."""
    image = Image.new("RGB", (60, 40), (30, 160, 40))
    image.paste((210, 30, 30), (0, 0, 30, 40))
    exif = image.getexif()
    exif[0x0112] = 6
    exif[0x010F] = "Apple"
    return _saved(image, "JPEG", exif=exif, quality=95)


def heic_photo() -> bytes:
    """A HEIC photo, as iPhones take by default: orange."""
    import pillow_heif

    buffer = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (64, 48), (230, 120, 20))).save(buffer, format="HEIF", quality=90)
    return buffer.getvalue()


def _saved(image: Image.Image, kind: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()
