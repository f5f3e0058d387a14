"""Documents: the letterhead and Doc, a flowing layout of headings, paragraphs,
tables and form parts over A4 pages; and scanned(), to age a finished page.
"""
import math

from PIL import Image, ImageChops, ImageFilter

from artifact_drawing import A4, DEEP, GREY, INK, LIGHT, PEN, RULE, TEAL, TINT, WHITE, Canvas, brand, wrap

ADDRESS = ["Harbour House, 1 Quay Street", "Bristol BS1 4ZZ", "0808 157 0400", "harbourline.example"]
LEGAL = ("Harbourline Insurance Limited is authorised by the Prudential Regulation Authority and "
         "regulated by the Financial Conduct Authority and the PRA. Registered in England and Wales "
         "no. 09990412. Registered office: Harbour House, 1 Quay Street, Bristol BS1 4ZZ.")


def letterhead(c, y=70, right=ADDRESS):
    brand(c, 110, y, 92)
    for i, s in enumerate(right):
        c.text(1130, y + 2 + i * 24, s, 18, "sans", GREY, "r")
    c.hline(110, 1130, y + 122, TEAL, 4)
    return y + 160


class Doc:
    """Flowing layout over one or more pages (or a fixed region of a canvas)."""

    def __init__(self, header=None, code="", canvas=None, x=110, y=None, w=1020, bottom=1600,
                 size=A4, legal=LEGAL):
        self.header, self.code, self.size, self.legal = header, code, size, legal
        self.x, self.w, self.bottom, self.pages = x, w, bottom, []
        if canvas is not None:
            self.c, self.y, self.fixed = canvas, y, True
        else:
            self.fixed = False
            self.new_page()

    def new_page(self):
        if getattr(self, "fixed", False):
            raise ValueError("content does not fit its region")
        self.c = Canvas(self.size)
        self.pages.append(self.c)
        self.y = self.header(self.c, len(self.pages) - 1) if self.header else 110

    def need(self, h):
        if self.y + h > self.bottom:
            self.new_page()

    def gap(self, h=20):
        self.y += h

    def h1(self, t, size=44, fill=DEEP):
        self.need(size * 3)
        self.c.para(self.x, self.y, self.w, t, size, "bold", fill, 1.2)
        self.y += round(size * 1.2 * len(wrap(t, size, "bold", self.w))) + 14

    def h2(self, t, size=30, fill=TEAL):
        self.need(size * 3)
        self.y += 10
        self.c.text(self.x, self.y, t, size, "bold", fill)
        self.y += round(size * 1.5)

    def p(self, t, size=24, face="sans", fill=INK, lead=1.42, indent=0):
        lines = wrap(t, size, face, self.w - indent)
        self.need(min(len(lines), 3) * size * lead)
        for line in lines:
            self.need(size * lead)
            self.c.segs(self.x + indent, self.y, line, size, face, fill)
            self.y += round(size * lead)
        self.y += round(size * 0.55)

    def small(self, t, size=15):
        self.p(t, size, "sans", GREY, 1.3)

    def bullets(self, items, size=24, mark_char="•"):
        for it in items:
            self.need(size * 1.5)
            self.c.text(self.x + 8, self.y, mark_char, size, "bold", TEAL)
            self.p(it, size, indent=40)
            self.y -= round(size * 0.3)
        self.y += 10

    def kv(self, pairs, size=23, kw=0.4, shade=True):
        for i, (k, v) in enumerate(pairs):
            lines = max(len(wrap(v, size, "sans", self.w * (1 - kw) - 30)), 1)
            h = round(size * 1.42 * lines) + 18
            self.need(h)
            if shade and i % 2 == 0:
                self.c.box((self.x, self.y, self.x + self.w, self.y + h), fill=LIGHT, line=None)
            self.c.text(self.x + 14, self.y + 9, k, size, "bold", DEEP)
            self.c.para(self.x + self.w * kw, self.y + 9, self.w * (1 - kw) - 30, v, size)
            self.y += h
        self.y += 20

    def table(self, head, rows, widths, size=21, aligns=None, bold_last=False, row_h=None):
        xs = [self.x]
        for wd in widths:
            xs.append(xs[-1] + round(self.w * wd))
        aligns = aligns or "l" * len(widths)
        rh = row_h or round(size * 2.0)

        def cells(vals, face, fill, yy):
            for i, v in enumerate(vals):
                a = aligns[i]
                tx = xs[i] + 12 if a == "l" else (xs[i] + xs[i + 1]) / 2 if a == "c" else xs[i + 1] - 12
                self.c.text(tx, yy + (rh - size * 1.15) / 2, v, size, face, fill, "m" if a == "c" else a)
        if head:
            self.need(rh * 2)
            self.c.box((self.x, self.y, xs[-1], self.y + rh), fill=DEEP)
            cells(head, "bold", WHITE, self.y)
            self.y += rh
        for n, r in enumerate(rows):
            self.need(rh)
            last = bold_last and n == len(rows) - 1
            self.c.box((self.x, self.y, xs[-1], self.y + rh), fill=TINT if last else (LIGHT if n % 2 else WHITE),
                       line=RULE, width=1)
            cells(r, "bold" if last else "sans", INK, self.y)
            self.y += rh
        self.y += 24

    def callout(self, title, text, fill=TINT, edge=TEAL, size=23):
        inner = self.w - 70
        h = 70 + round(size * 1.42 * len(wrap(text, size, "sans", inner)))
        self.need(h + 20)
        self.c.box((self.x, self.y, self.x + self.w, self.y + h), fill=fill)
        self.c.box((self.x, self.y, self.x + 10, self.y + h), fill=edge)
        self.c.text(self.x + 40, self.y + 18, title, size + 3, "bold", DEEP)
        self.c.para(self.x + 40, self.y + 58, inner, text, size)
        self.y += h + 26

    def columns(self, paragraphs, size=14, cols=2, gutter=40, max_pages=99):
        """Tiny two-column small print; headings are lines starting with '#'."""
        cw = (self.w - gutter * (cols - 1)) / cols
        col, top = 0, self.y
        for ptxt in paragraphs:
            head = ptxt.startswith("#")
            face = "bold" if head else "sans"
            t = ptxt.lstrip("# ")
            for line in wrap(t, size, face, cw):
                if self.y + size * 1.3 > self.bottom:
                    col += 1
                    if col == cols:
                        if len(self.pages) >= max_pages:
                            return
                        self.new_page()
                        col, top = 0, self.y
                    self.y = top
                self.c.segs(self.x + col * (cw + gutter), self.y, line, size, face, DEEP if head else INK)
                self.y += round(size * 1.3)
            self.y += round(size * 0.5)
        self.y += 10

    # form parts
    def section(self, t, size=26):
        self.need(130)
        self.y += 8
        self.c.box((self.x, self.y, self.x + self.w, self.y + 50), fill=DEEP)
        self.c.text(self.x + 16, self.y + 11, t, size, "bold", WHITE)
        self.y += 68

    def fields(self, specs, h=64, size=21):
        """A row of labelled boxes: specs are (label, width share, optional value)."""
        self.need(h + 40)
        x = self.x
        for spec in specs:
            label, share = spec[0], spec[1]
            bw = round(self.w * share) - 14
            self.c.text(x, self.y, label, size, "sans", INK)
            self.c.box((x, self.y + 30, x + bw, self.y + 30 + h), fill=WHITE, line=GREY, width=2)
            if len(spec) > 2 and spec[2]:
                self.c.text(x + 14, self.y + 30 + (h - 32) / 2, spec[2], 28, "ital", PEN)
            x += bw + 14
        self.y += h + 50

    def comb(self, label, n, value="", size=21, cell=50):
        self.need(cell + 50)
        self.c.text(self.x, self.y, label, size)
        for i in range(n):
            x = self.x + i * cell
            self.c.box((x, self.y + 30, x + cell, self.y + 30 + cell), fill=WHITE, line=GREY, width=2)
            if i < len(value):
                self.c.text(x + cell / 2, self.y + 38, value[i], 28, "ital", PEN, "m")
        self.y += cell + 50

    def checks(self, label, options, ticked=(), size=21, per_row=4):
        self.need(60 + 46 * math.ceil(len(options) / per_row))
        self.c.para(self.x, self.y, self.w, label, size)
        self.y += round(size * 1.42 * len(wrap(label, size, "sans", self.w))) + 6
        cw = self.w / per_row
        for i, o in enumerate(options):
            x, yy = self.x + (i % per_row) * cw, self.y + (i // per_row) * 46
            self.c.box((x, yy, x + 30, yy + 30), fill=WHITE, line=GREY, width=2)
            if o in ticked:
                self.c.d.line((x + 5, yy + 16, x + 13, yy + 26, x + 28, yy + 2), fill=PEN, width=4)
            self.c.text(x + 44, yy + 2, o, size)
        self.y += 46 * math.ceil(len(options) / per_row) + 16

    def lines(self, label, n, size=21, gap=50):
        self.need(40 + gap * min(n, 3))
        self.c.text(self.x, self.y, label, size)
        self.y += 16
        for _ in range(n):
            self.y += gap
            self.need(0)
            self.c.hline(self.x, self.x + self.w, self.y, GREY, 1)
        self.y += 30

    def finish(self, first_footer=True):
        n = len(self.pages)
        for i, c in enumerate(self.pages):
            c.hline(110, 1130, 1650, RULE, 1)
            Canvas.para(c, 110, 1662, 820, self.legal, 13, "sans", GREY, 1.3)
            c.text(1130, 1662, f"Page {i + 1} of {n}", 15, "bold", GREY, "r")
            c.text(1130, 1686, self.code, 13, "mono", GREY, "r")
        return self.pages


def scanned(im, rng, angle=0.7):
    """Make a clean page look photocopied and scanned."""
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=(248, 247, 240))
    im = ImageChops.multiply(im, Image.new("RGB", im.size, (250, 247, 236)))
    noise = Image.frombytes("L", im.size, rng.randbytes(im.size[0] * im.size[1])).point(lambda v: 232 + v * 24 // 256)
    im = ImageChops.multiply(im, Image.merge("RGB", (noise, noise, noise)))
    return im.filter(ImageFilter.GaussianBlur(0.6))
