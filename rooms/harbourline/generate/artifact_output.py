"""Writing artifacts to files: PNG, and a small hand-made PDF writer.

Each PDF page is a Flate-compressed page image plus an invisible text layer.
No dates, no random ids, so the output is byte-for-byte repeatable.
"""
import io
import struct
import zlib

from PIL import Image

from artifact_drawing import Canvas


def save_png(c_or_im, path, colors=64):
    im = c_or_im.im if isinstance(c_or_im, Canvas) else c_or_im
    if im.mode == "RGB" and colors:
        im = im.quantize(colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    im.save(path, "PNG", optimize=True)


def _png_parts(im):
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    data, pos, idat, pal, bits = buf.getvalue(), 8, b"", b"", 8
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            bits = body[8]
        elif kind == b"PLTE":
            pal = body
        elif kind == b"IDAT":
            idat += body
    return bits, pal, idat


def _pdf_str(s):
    s = s.replace("✓", "v").replace("✗", "x").replace("→", "->").replace("←", "<-")
    raw = s.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def save_pdf(pages, path, title, dpi=150, colors=16):
    """Write pages as a PDF: one Flate-compressed page image plus invisible text."""
    k = 72.0 / dpi
    objs = [None, None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Title (" + _pdf_str(title) + b") /Producer (Customer Room sample generator) >>"]
    kids = []
    for c in pages:
        pim = c.im.quantize(colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        bits, pal, idat = _png_parts(pim)
        W, H = c.w * k, c.h * k
        img = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace [/Indexed /DeviceRGB %d <%s>]"
               b" /BitsPerComponent %d /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1"
               b" /BitsPerComponent %d /Columns %d >> /Length %d >>\nstream\n"
               % (c.w, c.h, len(pal) // 3 - 1, pal.hex().encode(), bits, bits, c.w, len(idat)) + idat + b"\nendstream")
        ops = [b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q BT 3 Tr" % (W, H)]
        for x, base, size, s in c.runs:
            ops.append(b"/F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj"
                       % (size * k * 0.95, x * k, H - base * k, _pdf_str(s)))
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops), 9)
        objs.append(img)
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        n_img, n_content = len(objs) - 1, len(objs)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R"
                    b" /Resources << /XObject << /Im0 %d 0 R >> /Font << /F1 3 0 R >> >> >>" % (W, H, n_content, n_img))
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % i for i in kids))
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as fh:
        fh.write(out)
