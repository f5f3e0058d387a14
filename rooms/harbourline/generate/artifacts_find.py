"""Artifacts of the 'find' stage: getting a quote and comparing cover."""
from artifact_doc import Doc
from artifact_drawing import DEEP, GREY, INK, RED, RULE, SCREEN, TEAL, TINT, WHITE, Canvas, brand, font, mix
from artifact_screens import browser, button, info_icon, radios
from artifacts_common import card, email, registry, screen

ARTIFACTS = []
artifact = registry(ARTIFACTS)


@artifact("quote-step-property", "Online quote, step 7 of 14: about your property", "screenshot", "find",
          "find-quote", "png", "Halfway through the quote, and the jargon starts: 'standard construction', "
          "'heave', 'landslip'. No price yet, and no 'not sure' answer.")
def quote_step(rng):
    c, y = screen("https://quote.harbourline.example/home/step-7?session=7f3a9c2e", "Home quote – Step 7 of 14",
                  "Home")
    c.text(100, y + 28, "Step 7 of 14: About your property", 32, "bold", DEEP)
    c.box((100, y + 84, 1000, y + 96), fill=RULE, r=6)
    c.box((100, y + 84, 550, y + 96), fill=TEAL, r=6)
    card(c, (100, y + 118, 1000, 880))
    qs = ["Is your property of standard construction?",
          "Has the property been underpinned, or shown signs of subsidence, heave or landslip?",
          "Are there any trees taller than 5 metres within 5 metres of the property?",
          "Is more than 15% of the roof area flat?"]
    yy = y + 146
    for q in qs:
        yy = c.para(130, yy, 840, q, 22, "bold") + 6
        radios(c, 130, yy, ["Yes", "No"])
        yy += 58
    button(c, 130, 800, "Back", False, 160)
    button(c, 780, 800, "Continue", True, 190)
    ix = 140 + font("bold", 22).getlength(qs[0])
    info_icon(c, ix, y + 146)
    c.box((560, y + 186, 990, y + 318), fill=(40, 48, 60), r=10)
    c.d.polygon([(ix - 4, y + 186), (ix + 12, y + 172), (ix + 28, y + 186)], fill=(40, 48, 60))
    c.para(580, y + 200, 395, "**Standard construction** means walls of brick, stone or concrete and a roof of "
           "slate, tile, concrete, metal or asphalt, with no more than 15% felt on timber. "
           "If in doubt, select No.", 17, "sans", WHITE, 1.35)
    card(c, (1040, y + 118, 1340, 620))
    c.text(1068, y + 146, "Your quote", 24, "bold", DEEP)
    c.para(1068, y + 190, 250, "We'll show your price at **Step 14**.", 20)
    c.hline(1068, 1312, y + 262)
    c.para(1068, y + 280, 250, "Answered so far: 6 steps, 41 questions.", 18, "sans", GREY)
    c.para(1068, y + 350, 250, "Your answers are saved for this session only.", 18, "sans", GREY)
    return c


@artifact("quote-error", "Quote error after 23 minutes", "screenshot", "find", "find-quote", "png",
          "What customers see when the rating engine times out at step 12: every answer lost, and a phone "
          "line that closed at 5pm.")
def quote_error(rng):
    c, y = screen("https://quote.harbourline.example/home/step-12/submit", "Something went wrong", "Home")
    card(c, (320, y + 70, 1120, 820))
    c.d.ellipse((680, y + 110, 760, y + 190), fill=(252, 228, 228))
    c.text(720, y + 120, "!", 52, "bold", RED, "m")
    c.text(720, y + 220, "Sorry, something went wrong", 40, "bold", DEEP, "m")
    yy = c.para(400, y + 300, 640, "We couldn't complete your request. **Your answers have not been saved.** "
                "Please start a new quote.", 25)
    c.text(720, yy + 30, "Error HLQ-5003  RATING_ENGINE_TIMEOUT  ref 7f3a9c2e-41b0", 17, "mono", GREY, "m")
    button(c, 590, yy + 90, "Start a new quote", True, 260)
    c.text(720, yy + 190, "Need help? Call 0808 157 0410 (Monday to Friday, 9am to 5pm)", 19, "sans", GREY, "m")
    c.text(1380, 880, "21:52", 16, "sans", GREY, "r")
    return c


@artifact("comparison-results", "Comparison site results: Harbourline's row", "screenshot", "find",
          "find-compare", "png", "On the comparison site every other insurer shows its excess and extras; "
          "Harbourline's row says 'see policy documents'.")
def comparison(rng):
    c = Canvas(SCREEN, (245, 244, 250))
    browser(c, "https://www.quotecompass.example/home/results?ref=QC-88213", "QuoteCompass – results", site=False)
    c.box((0, 86, c.w, 160), fill=(58, 36, 110))
    c.text(60, 104, "QuoteCompass", 34, "bold", WHITE)
    c.text(1380, 114, "Home insurance  ·  Buildings & contents  ·  BS16", 19, "sans", (210, 200, 240), "r")
    c.text(60, 184, "28 quotes found, cheapest first", 26, "bold", INK)
    cols = [("Insurer", 60), ("Price a year", 310), ("Total excess", 470), ("Accidental damage", 720),
            ("Legal expenses", 930), ("Home emergency", 1110)]
    for t, x in cols:
        c.text(x + 14, 236, t, 18, "bold", GREY)
    rows = [("Brightmoor Home", "£208.40", "£350", "✓ Included", "✓ Included", "✗ Not included"),
            ("Harbourline", "£214.88", "See policy documents", "Optional ›", "Details ›", "Details ›"),
            ("Kestrel Direct", "£219.10", "£250", "✗ Not included", "✓ Included", "✓ Included"),
            ("Oakfield Mutual", "£231.75", "£100", "✓ Included", "✓ Included", "✓ Included"),
            ("Tidewell", "£236.02", "£400", "✗ Not included", "✗ Not included", "✗ Not included"),
            ("Saxon & Pike", "£249.99", "£200", "✓ Included", "✓ Included", "✓ Included")]
    for i, r in enumerate(rows):
        y = 272 + i * 100
        c.box((50, y, 1390, y + 88), fill=WHITE, line=(210, 205, 225), width=2, r=10)
        for j, (v, (_, x)) in enumerate(zip(r, cols)):
            fill = DEEP if j < 2 else (30, 140, 70) if v.startswith("✓") else RED if v.startswith("✗") else GREY
            c.text(x + 14, y + 30, v, 22 if j < 2 else 19, "bold" if j < 2 else "sans", fill)
        c.box((1290, y + 22, 1376, y + 66), fill=(58, 36, 110), r=22)
        c.text(1333, y + 32, "More", 18, "bold", WHITE, "m")
    c.text(60, 876, "Prices include IPT. Cover details are supplied by each insurer.", 15, "sans", GREY)
    return c


@artifact("cover-leaflet", "'Simply better' home insurance leaflet", "brochure", "find", "find-compare", "pdf",
          "Two pages. Page 1 promises; page 2 takes most of it back in 7-point footnotes.")
def leaflet(rng):
    doc = Doc(lambda c, i: 110, "MKT-HOME-26-02")
    c = doc.c
    c.box((0, 0, 1240, 640), fill=TEAL)
    c.d.ellipse((700, 260, 1500, 1060), fill=mix(TEAL, WHITE, 0.15))
    c.box((90, 80, 560, 190), fill=WHITE, r=20)
    brand(c, 110, 95, 80)
    c.para(110, 260, 900, "Home insurance that's simply better*", 72, "bold", WHITE, 1.15)
    c.text(110, 540, "Cover you can count on, from £14.99 a month**", 32, "sans", WHITE)
    tiles = [("Up to £1 million", "buildings cover*"), ("New for old", "contents replacement*"),
             ("24/7", "claims line*"), ("180,000", "households trust us***")]
    for i, (a, b) in enumerate(tiles):
        x, y = 110 + (i % 2) * 520, 720 + (i // 2) * 300
        c.box((x, y, x + 490, y + 260), fill=TINT, r=24)
        c.text(x + 40, y + 60, a, 54, "bold", DEEP)
        c.text(x + 40, y + 150, b, 30, "sans", INK)
    c.text(110, 1390, "Get a quote in minutes at harbourline.example", 34, "bold", DEEP)
    c.text(110, 1450, "or call 0808 157 0410", 30, "sans", INK)
    doc.new_page()
    doc.h1("Choose the cover that suits you")
    tick, cross = "✓", "—"
    doc.table(["", "Essentials", "Plus", "Premier Plus"], [
        ["Buildings cover limit", "£350,000", "£600,000", "£1,000,000"],
        ["Contents cover limit", "£40,000", "£60,000", "£100,000"],
        ["New for old contents", tick + " (see below)", tick + " (see below)", tick],
        ["Accidental damage", "Optional extra", "Optional extra", tick],
        ["Personal possessions away from home", cross, "Optional extra", tick],
        ["Legal expenses", "Optional extra", "Optional extra", "Optional extra"],
        ["Home emergency", "Optional extra", "Optional extra", tick],
        ["Escape of water excess", "£350", "£350", "£250"]], [0.4, 0.2, 0.2, 0.2], 22, "lccc")
    doc.gap(30)
    doc.small("* Buildings cover of up to £1,000,000 applies to Premier Plus only; Essentials is limited to £350,000 "
              "and Plus to £600,000. New for old replacement does not apply to clothing, household linen, "
              "bedding, carpets older than five years or items that were not in a good state of repair, for which "
              "a deduction for wear and tear will be made. The 24/7 claims line accepts notification of emergencies "
              "only; claims are assessed and settled Monday to Friday, 9am to 5pm, excluding bank holidays. "
              "Cover is subject to the terms, conditions, limits and exclusions in the policy wording. "
              "** The monthly price shown is for Essentials contents cover with a £500 voluntary excess, paid by "
              "credit agreement with HL Premium Finance Limited; representative APR 27.9% (variable). 10% of "
              "customers paid this price or less between January and March 2026. "
              "*** Number of home and motor policies in force at 31 December 2025.", 15)
    return doc.finish()


@artifact("quote-email", "'Your quote is waiting' e-mail", "email", "find", "find-quote", "png",
          "The headline price assumes a £500 excess and cheaper cover; the real monthly price was more than double.")
def quote_email(rng):
    c, doc = email("Maya, your home quote is waiting", "Harbourline Insurance", "noreply@harbourline.example",
                   "me", "Sat 14 Mar, 23:06")
    doc.p("Hi Maya,", 24)
    doc.p("Your home insurance quote is ready. Pick up where you left off: your price is held for 30 days.", 24)
    doc.c.text(doc.x, doc.y + 6, "From £14.99 a month*", 52, "bold", DEEP)
    doc.gap(96)
    button(c, doc.x, doc.y, "Retrieve my quote", True, 280)
    doc.gap(90)
    doc.p("Quote reference: **HLQ-2291-0457-KT**. You'll need this reference, your date of birth and your "
          "postcode to retrieve your quote.", 21)
    doc.small("*Price based on Essentials cover with a £500 voluntary excess and no optional extras, paid monthly by "
              "credit agreement with HL Premium Finance Limited (representative APR 27.9% variable). Your price may "
              "change when you retrieve your quote if your details or our rates have changed. This e-mail was sent "
              "from an unmonitored address. Please do not reply.", 15)
    return c
