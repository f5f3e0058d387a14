"""Shared by the artifacts of every stage: registry(), which makes each stage's @artifact
decorator, the customers' addresses, and layouts used more than once (letters, e-mails,
browser and phone screens).
"""
from artifact_doc import Doc, letterhead
from artifact_drawing import GREY, INK, PEN, RULE, SCREEN, TEAL, WHITE, Canvas, brand, mix, wrap
from artifact_screens import browser, phone, status_bar, webmail

MAYA = ["Ms Maya Okafor", "Flat 4, Linden Court", "27 Fishponds Road", "Bristol", "BS16 3ZZ"]
DEREK = ["Mr Derek Lindqvist", "8 Orchard Rise", "Winscombe", "Somerset", "BS25 1ZZ"]
PRIYA = ["Mrs Priya Raman", "14 Millbrook Avenue", "Kettering", "Northamptonshire", "NN15 6ZZ"]
SOFT = (232, 240, 242)


def registry(artifacts):
    """Return an @artifact decorator that appends each artifact made with it to the list artifacts."""
    def artifact(key, title, kind, stage, moment, ext, caption, task=None):
        def register(fn):
            artifacts.append(dict(key=key, title=title, kind=kind, stage=stage, moment=moment,
                                  file=f"media/artifacts/{key}.{ext}", caption=caption, task=task, fn=fn))
            return fn
        return register
    return artifact


def letter(to, refs, code, head=letterhead, **kw):
    def header(c, i):
        if i:
            c.text(110, 70, refs[0][1], 17, "bold", GREY)
            c.text(1130, 70, to[0], 17, "sans", GREY, "r")
            c.hline(110, 1130, 104)
            return 150
        y = head(c)
        for j, s in enumerate(to):
            c.text(130, y + 50 + j * 32, s, 24)
        for j, (k, v) in enumerate(refs):
            c.text(720, y + 50 + j * 30, k, 18, "sans", GREY)
            c.text(1130, y + 50 + j * 30, v, 18, "bold", INK, "r")
        return y + 50 + max(32 * len(to), 30 * len(refs)) + 50
    return Doc(header, code, **kw)


def sign(doc, name, role, enclosures=()):
    doc.p("Yours sincerely,", 23)
    if "Team" not in name:
        doc.c.text(doc.x, doc.y - 6, name.split()[0][0] + ". " + name.split()[-1], 40, "ital", PEN)
    doc.gap(50)
    doc.p(f"**{name}**", 23, lead=1.2)
    doc.p(role, 21, fill=GREY)
    if enclosures:
        doc.p("Enclosed: " + "; ".join(enclosures), 18, fill=GREY)


def one_page(doc):
    assert len(doc.pages) == 1, f"{len(doc.pages)} pages"
    return doc.finish()[0]


def email(subject, sender, address, to, when, unread=3):
    c = Canvas(SCREEN)
    y = webmail(c, subject, sender, address, to, when, unread)
    c.box((290, y, 1170, c.h + 10), fill=WHITE, line=RULE, width=1)
    brand(c, 320, y + 22, 50)
    c.hline(290, 1170, y + 92, TEAL, 3)
    return c, Doc(canvas=c, x=330, y=y + 118, w=800, bottom=c.h - 10)


def screen(url, tab, active=None, bg=(246, 248, 249)):
    c = Canvas(SCREEN, bg)
    return c, browser(c, url, tab, active=active)


def card(c, box):
    c.box(box, fill=WHITE, line=RULE, width=2, r=14)


def two_phones(draw_a, draw_b, bg=SOFT):
    c = Canvas(SCREEN, bg)
    c.d.ellipse((-200, 500, 500, 1200), fill=mix(bg, TEAL, 0.12))
    c.d.ellipse((1000, -300, 1700, 400), fill=mix(bg, TEAL, 0.08))
    for x, draw in ((310, draw_a), (740, draw_b)):
        s = Canvas((390, 780))
        draw(s)
        phone(c, s, x, 60)
    return c


def app_bar(s, title, back=True, when="21:47"):
    y = status_bar(s, when)
    s.box((0, y, s.w, y + 64), fill=TEAL)
    if back:
        s.text(22, y + 14, "‹", 30, "bold", WHITE)
    s.text(s.w / 2, y + 18, title, 22, "bold", WHITE, "m")
    return y + 90


def bubble(s, y, text, me=False, meta=None):
    lines = wrap(text, 17, "sans", 250)
    h = 22 + len(lines) * 24
    x = s.w - 292 if me else 16
    s.box((x, y, x + 276, y + h), fill=TEAL if me else (233, 235, 239), r=18)
    for i, line in enumerate(lines):
        s.segs(x + 14, y + 11 + i * 24, line, 17, "sans", WHITE if me else INK)
    y += h + 6
    if meta:
        s.text(x + (262 if me else 14), y, meta, 13, "sans", GREY, "r" if me else "l")
        y += 20
    return y + 10
