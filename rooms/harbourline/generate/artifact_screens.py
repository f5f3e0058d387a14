"""Screen furniture: browser chrome, buttons, form fields, webmail, phone frames and icons."""
from PIL import Image, ImageDraw

from artifact_drawing import DEEP, GREY, INK, RULE, TEAL, WHITE, brand, font, mark


def browser(c, url, tab, site=True, nav=("Car", "Home", "Claims", "Help"), active=None):
    c.box((0, 0, c.w, 86), fill=(222, 225, 230))
    c.box((16, 10, 330, 44), fill=WHITE, r=10)
    c.paste(mark(20), (30, 17))
    c.text(60, 16, tab[:26], 16, "sans", INK)
    c.box((16, 48, c.w - 16, 80), fill=WHITE, r=16)
    for i, ch in enumerate("←→↻"):
        c.text(36 + i * 34, 52, ch, 20, "sans", GREY)
    c.d.rounded_rectangle((146, 56, 158, 70), 3, fill=GREY)
    c.d.arc((148, 50, 156, 62), 180, 360, fill=GREY, width=2)
    c.text(172, 53, url, 18, "sans", INK)
    if not site:
        return 86
    c.box((0, 86, c.w, 170), fill=WHITE)
    c.hline(0, c.w, 170, RULE, 2)
    brand(c, 60, 100, 56)
    x = 520
    for item in nav:
        w = c.text(x, 118, item, 22, "bold" if item == active else "sans", DEEP if item == active else INK)
        if item == active:
            c.box((x, 160, x + w, 166), fill=TEAL)
        x += w + 52
    c.box((c.w - 240, 108, c.w - 60, 150), fill=None, line=TEAL, width=2, r=21)
    c.text(c.w - 150, 116, "My account", 20, "bold", TEAL, "m")
    return 170


def button(c, x, y, label, primary=True, w=None, h=58, size=22):
    w = w or font("bold", size).getlength(label) + 64
    c.box((x, y, x + w, y + h), fill=TEAL if primary else WHITE, line=TEAL, width=2, r=h // 2)
    c.text(x + w / 2, y + (h - size * 1.15) / 2, label, size, "bold", WHITE if primary else TEAL, "m")
    return x + w


def field(c, x, y, w, label, value="", hint="", size=20, h=52):
    c.text(x, y, label, size, "bold", INK)
    c.box((x, y + 32, x + w, y + 32 + h), fill=WHITE, line=(150, 158, 166), width=2, r=6)
    if value or hint:
        c.text(x + 16, y + 32 + (h - size * 1.2) / 2, value or hint, size, "sans", INK if value else GREY)
    return y + 32 + h + 26


def radios(c, x, y, options, chosen=None, size=20):
    for o in options:
        c.d.ellipse((x, y + 2, x + 24, y + 26), outline=GREY, width=2, fill=WHITE)
        if o == chosen:
            c.d.ellipse((x + 6, y + 8, x + 18, y + 20), fill=TEAL)
        x += c.text(x + 34, y, o, size) + 80


def webmail(c, subject, sender, address, to, when, unread=3):
    c.box((0, 0, c.w, 64), fill=(40, 48, 60))
    c.text(30, 18, "Mail", 24, "bold", WHITE)
    c.box((260, 14, 900, 50), fill=(64, 74, 88), r=8)
    c.text(282, 21, "Search mail", 18, "sans", (180, 188, 196))
    c.box((0, 64, 230, c.h), fill=(244, 245, 247))
    for i, (f, n) in enumerate((("Inbox", unread), ("Starred", 0), ("Sent", 0), ("Junk", 14), ("Bin", 0))):
        if i == 0:
            c.box((10, 90, 220, 130), fill=(220, 232, 250), r=8)
        c.text(30, 99 + i * 48, f, 19, "bold" if i == 0 else "sans")
        if n:
            c.text(200, 99 + i * 48, str(n), 17, "bold", GREY, "r")
    c.text(260, 88, subject, 30, "bold")
    c.d.ellipse((260, 142, 312, 194), fill=TEAL)
    c.text(286, 154, sender[0], 24, "bold", WHITE, "m")
    c.text(330, 142, f"{sender}  <{address}>", 19, "bold")
    c.text(330, 170, f"to {to}", 17, "sans", GREY)
    c.text(c.w - 40, 146, when, 17, "sans", GREY, "r")
    c.hline(260, c.w - 40, 214, RULE, 1)
    return 240


def phone(c, screen, x, y):
    """Paste a screen canvas into a phone frame at x, y."""
    w, h = screen.im.size
    c.box((x - 16, y - 16, x + w + 16, y + h + 16), fill=(24, 26, 30), r=56)
    m = Image.new("L", (w, h), 0)
    ImageDraw.Draw(m).rounded_rectangle((0, 0, w - 1, h - 1), 42, fill=255)
    c.im.paste(screen.im, (x, y), m)
    c.box((x + w / 2 - 60, y + 10, x + w / 2 + 60, y + 38), fill=(24, 26, 30), r=14)


def info_icon(c, x, y, r=12):
    c.d.ellipse((x, y, x + 2 * r, y + 2 * r), outline=TEAL, width=2)
    c.text(x + r, y + r * 0.2, "i", int(r * 1.4), "bold", TEAL, "m")


def search_icon(c, x, y, r=12, fill=TEAL):
    c.d.ellipse((x, y, x + 2 * r, y + 2 * r), outline=fill, width=4)
    c.d.line((x + 1.7 * r, y + 1.7 * r, x + 2.8 * r, y + 2.8 * r), fill=fill, width=5)


def status_bar(s, when="21:47", fill=INK):
    s.text(40, 14, when, 18, "bold", fill)
    s.text(s.w - 40, 14, "4G ▮▮▮", 16, "bold", fill, "r")
    return 60
