"""Persona portraits: a drawn head and shoulders for each customer."""
import math

from PIL import Image, ImageDraw

from artifact_drawing import TEAL, WHITE, mix

PEOPLE = {
    "maya": dict(bg=(214, 236, 240), skin=(120, 78, 52), hair=(28, 22, 22), style="curly", top=(34, 62, 120),
                 collar="vneck", lips=(120, 60, 56)),
    "derek": dict(bg=(236, 228, 214), skin=(238, 200, 178), hair=(206, 206, 210), style="short", top=(92, 110, 84),
                  collar="shirt", glasses=True, lips=(176, 110, 100)),
    "priya": dict(bg=(244, 224, 216), skin=(176, 122, 86), hair=(36, 26, 24), style="long", top=(214, 160, 60),
                  collar="apron", earrings=True, lips=(150, 70, 72)),
}


def portrait(p, rng):
    S = 1600
    im = Image.new("RGB", (S, S), p["bg"])
    d = ImageDraw.Draw(im)
    d.ellipse((200, 180, 1400, 1380), fill=mix(p["bg"], WHITE, 0.45))
    skin, shade, hair = p["skin"], mix(p["skin"], (0, 0, 0), 0.15), p["hair"]
    if p["style"] == "long":
        d.rounded_rectangle((470, 380, 1130, 1300), 260, fill=hair)
    d.ellipse((180, 1150, 1420, 2100), fill=p["top"])
    d.rounded_rectangle((690, 900, 910, 1220), 60, fill=shade)
    if p["collar"] == "vneck":
        d.polygon([(640, 1160), (960, 1160), (800, 1400)], fill=shade)
        d.line([(640, 1160), (800, 1400), (960, 1160)], fill=mix(p["top"], WHITE, 0.3), width=18)
        d.line([(650, 1170), (740, 1480)], fill=(200, 60, 60), width=14)
        d.line([(950, 1170), (860, 1480)], fill=(200, 60, 60), width=14)
        d.rounded_rectangle((730, 1470, 870, 1580), 10, fill=WHITE)
        d.rectangle((750, 1490, 800, 1540), fill=TEAL)
    elif p["collar"] == "shirt":
        d.polygon([(650, 1150), (800, 1300), (950, 1150)], fill=(240, 240, 236))
        d.polygon([(650, 1150), (800, 1300), (720, 1360)], fill=(226, 228, 224))
        d.polygon([(950, 1150), (800, 1300), (880, 1360)], fill=(226, 228, 224))
    else:
        d.polygon([(660, 1160), (940, 1160), (800, 1330)], fill=shade)
        d.rounded_rectangle((560, 1330, 1040, 1700), 50, fill=(250, 248, 240))
        for x in (600, 1000):
            d.line([(x, 1340), (x + (80 if x < 800 else -80), 1170)], fill=(250, 248, 240), width=30)
    for x in (490, 1110):
        d.ellipse((x - 45, 620, x + 45, 760), fill=shade)
    d.ellipse((500, 380, 1100, 1040), fill=skin)
    if p["style"] == "curly":
        for _ in range(70):
            a = rng.uniform(math.pi * 0.95, math.pi * 2.05)
            r = rng.uniform(250, 330)
            x, y, rr = 800 + r * math.cos(a) * 1.08, 600 + r * math.sin(a) * 0.95, rng.uniform(70, 110)
            d.ellipse((x - rr, y - rr, x + rr, y + rr), fill=hair)
    elif p["style"] == "short":
        d.chord((500, 330, 1100, 760), 180, 360, fill=hair)
        d.ellipse((600, 370, 1000, 560), fill=skin)
        for x in (480, 1030):
            d.rounded_rectangle((x, 520, x + 90, 700), 40, fill=hair)
    else:
        d.chord((480, 330, 1120, 820), 180, 360, fill=hair)
        d.ellipse((650, 480, 1070, 760), fill=skin)
        d.polygon([(700, 440), (560, 620), (520, 700), (500, 520)], fill=hair)
    for x in (680, 920):
        d.ellipse((x - 28, 690, x + 28, 750), fill=(40, 30, 30))
        d.ellipse((x - 6, 700, x + 8, 714), fill=WHITE)
        d.arc((x - 60, 620, x + 60, 700), 200, 340, fill=mix(hair, (40, 30, 30), 0.5), width=18)
        d.ellipse((x - 70, 800, x + 30 if x < 800 else x + 70, 860), fill=mix(skin, (230, 110, 110), 0.18))
    d.arc((770, 700, 840, 860), 60, 130, fill=shade, width=12)
    d.chord((720, 860, 880, 960), 0, 180, fill=p["lips"])
    d.chord((740, 862, 860, 900), 0, 180, fill=WHITE)
    if p.get("glasses"):
        for x in (680, 920):
            d.rounded_rectangle((x - 90, 650, x + 90, 790), 40, outline=(60, 60, 70), width=14)
        d.line([(770, 700), (830, 700)], fill=(60, 60, 70), width=12)
        d.chord((700, 870, 900, 940), 180, 360, fill=hair)
    if p.get("earrings"):
        for x in (470, 1130):
            d.ellipse((x - 22, 780, x + 22, 824), fill=(230, 190, 70))
    return im.resize((800, 800), Image.LANCZOS)
