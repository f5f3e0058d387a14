"""Drawing basics for the Harbourline sample artifacts: colours, fonts, the Canvas and the brand.

Pages are drawn with Pillow.  Every piece of text is also remembered, so a
PDF can carry an invisible text layer (search and copy work) over the page
image; artifact_output.py writes it.
"""
import math
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

TEAL = (18, 164, 180)
DEEP = (10, 62, 78)
INK = (30, 34, 40)
GREY = (110, 118, 126)
RULE = (200, 208, 214)
LIGHT = (236, 242, 244)
TINT = (222, 243, 245)
RED = (196, 40, 44)
AMBER = (250, 236, 200)
PEN = (28, 58, 150)
WHITE = (255, 255, 255)
A4 = (1240, 1754)
SCREEN = (1440, 900)
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FACES = {"sans": "DejaVuSans", "bold": "DejaVuSans-Bold", "ital": "DejaVuSans-Oblique",
         "serif": "DejaVuSerif", "serifb": "DejaVuSerif-Bold", "mono": "DejaVuSansMono",
         "monob": "DejaVuSansMono-Bold", "cond": "DejaVuSansCondensed",
         "condb": "DejaVuSansCondensed-Bold", "light": "DejaVuSans-ExtraLight"}
BOLD_OF = {"sans": "bold", "serif": "serifb", "mono": "monob", "cond": "condb", "ital": "bold"}


@lru_cache(None)
def font(face, size):
    return ImageFont.truetype(FONT_DIR + FACES[face] + ".ttf", size)


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


class Canvas:
    """An image plus the text drawn on it (for the PDF text layer)."""

    def __init__(self, size=A4, bg=WHITE):
        self.im = Image.new("RGB", size, bg)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h = size
        self.runs = []

    def text(self, x, y, s, size=24, face="sans", fill=INK, align="l"):
        f = font(face, size)
        w = f.getlength(s)
        x0 = x - w if align == "r" else x - w / 2 if align == "m" else x
        self.d.text((x0, y), s, font=f, fill=fill)
        self.runs.append((x0, y + f.getmetrics()[0], size, s))
        return w

    def box(self, xy, fill=None, line=None, width=2, r=0):
        if r:
            self.d.rounded_rectangle(xy, r, fill=fill, outline=line, width=width)
        else:
            self.d.rectangle(xy, fill=fill, outline=line, width=width)

    def hline(self, x0, x1, y, fill=RULE, width=2):
        self.d.line((x0, y, x1, y), fill=fill, width=width)

    def segs(self, x, y, line, size=24, face="sans", fill=INK):
        for seg, bold, gap in line:
            x += gap + self.text(x + gap, y, seg, size, BOLD_OF.get(face, face) if bold else face, fill)

    def para(self, x, y, w, text, size=24, face="sans", fill=INK, lead=1.42):
        """Wrap text (with **bold** spans) into width w; return the y below it."""
        for line in wrap(text, size, face, w):
            self.segs(x, y, line, size, face, fill)
            y += round(size * lead)
        return y

    def paste(self, im, xy):
        self.im.paste(im, xy, im if im.mode == "RGBA" else None)


def wrap(text, size, face, width):
    """Greedy word wrap; returns lines of (segment, bold, leading gap)."""
    words, spaced = [], True
    for i, part in enumerate(text.split("**")):
        glue = bool(part) and not part[0].isspace() and not spaced
        for j, w in enumerate(part.split()):
            words.append((w, i % 2 == 1, glue and j == 0))
        if part:
            spaced = part[-1].isspace()
    lines, cur, cur_w = [], [], 0.0
    space = font(face, size).getlength(" ")
    for w, b, glued in words:
        f = font(BOLD_OF.get(face, face) if b else face, size)
        ww = f.getlength(w)
        gap = 0 if glued or not cur else space
        if cur and not glued and cur_w + gap + ww > width:
            lines.append(cur)
            cur, cur_w, gap = [], 0.0, 0
        cur.append([w, b, gap])
        cur_w += gap + ww
    if cur:
        lines.append(cur)
    out = []
    for line in lines:  # merge neighbours of the same weight into one run
        segs = []
        for w, b, gap in line:
            if segs and segs[-1][1] == b:
                segs[-1][0] += (" " if gap else "") + w
            else:
                segs.append([w, b, gap])
        out.append([tuple(s) for s in segs])
    return out


@lru_cache(None)
def mark_mask(size):
    """Alpha of the Harbourline mark: a sun setting over three waves, cut out of a disc."""
    s = size * 4
    m = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(m)
    d.ellipse((0, 0, s - 1, s - 1), fill=255)
    r, cx, cy = s * 0.17, s * 0.5, s * 0.42
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=0)
    for k, yy in enumerate((0.57, 0.70, 0.83)):
        pts = [(s * (t / 48 * 1.2 - 0.1), s * yy + s * 0.035 * math.sin(t / 48 * 4 * math.pi + k))
               for t in range(49)]
        d.line(pts, fill=255, width=int(s * 0.085), joint="curve")
        d.line(pts, fill=0, width=int(s * 0.042), joint="curve")
    circle = Image.new("L", (s, s), 0)
    ImageDraw.Draw(circle).ellipse((0, 0, s - 1, s - 1), fill=255)
    return ImageChops.multiply(m, circle).resize((size, size), Image.LANCZOS)


def mark(size, fg=TEAL):
    im = Image.new("RGBA", (size, size), fg + (0,))
    im.putalpha(mark_mask(size))
    return im


def brand(c, x, y, size=72, name_fill=DEEP, sub=True):
    """Mark plus wordmark; returns the right edge."""
    c.paste(mark(size), (x, y))
    fs = int(size * 0.5)
    w = c.text(x + size + 18, y + (size * 0.08 if sub else size * 0.2), "Harbourline", fs, "bold", name_fill)
    if sub:
        c.text(x + size + 20, y + size * 0.62, "I N S U R A N C E", int(size * 0.2), "sans", TEAL)
    return x + size + 18 + w


def logo_image():
    """Transparent 1200x300 logo: everything in brand teal, shaped by one alpha mask."""
    alpha = Image.new("L", (1200, 300), 0)
    d = ImageDraw.Draw(alpha)
    alpha.paste(mark_mask(240), (20, 30))
    size = 150
    while font("bold", size).getlength("Harbourline") > 880:
        size -= 2
    d.text((295, 40), "Harbourline", font=font("bold", size), fill=255)
    d.text((300, 40 + size * 1.12), "I N S U R A N C E", font=font("sans", 40), fill=255)
    im = Image.new("RGBA", (1200, 300), TEAL + (0,))
    im.putalpha(alpha)
    return im
