"""Artifacts of the 'buy' stage: checkout, the policy documents and the broker route."""
from PIL import Image, ImageDraw

from artifact_doc import Doc, scanned
from artifact_drawing import AMBER, DEEP, GREY, INK, PEN, SCREEN, TEAL, TINT, Canvas, brand, font
from artifact_screens import button, webmail
from artifacts_common import MAYA, card, email, letter, one_page, registry, screen

ARTIFACTS = []
artifact = registry(ARTIFACTS)


@artifact("checkout-extras", "Checkout: 'recommended extras' already added", "screenshot", "buy", "buy-checkout",
          "png", "Three add-ons are already in the basket. The price jumps by half at step 13; removing them "
          "takes a small grey link each.")
def checkout(rng):
    c, y = screen("https://quote.harbourline.example/home/step-13/extras", "Recommended extras", "Home")
    c.text(100, y + 26, "Step 13 of 14: Recommended extras", 32, "bold", DEEP)
    c.box((100, y + 84, 1000, y + 150), fill=AMBER, r=10)
    c.para(124, y + 102, 860, "Your price has changed: £214.88 → **£323.86 a year**. We've added the cover "
           "most customers like you choose.", 20)
    extras = [("Legal expenses", "Up to £50,000 for legal costs. Provided by LexGuard Legal Ltd.", "£29.99"),
              ("Home emergency", "Help with boiler breakdowns, blocked drains and more. £75 call-out excess.",
               "£64.00"),
              ("Key and lock cover", "Replacement keys and locks up to £1,500.", "£14.99")]
    for i, (t, d, p) in enumerate(extras):
        yy = y + 176 + i * 150
        card(c, (100, yy, 1000, yy + 132))
        c.text(130, yy + 22, t, 26, "bold", INK)
        c.para(130, yy + 64, 600, d, 19, "sans", GREY)
        c.text(960, yy + 22, p, 26, "bold", DEEP, "r")
        c.box((830, yy + 68, 960, yy + 104), fill=TINT, r=18)
        c.text(895, yy + 74, "✓ Added", 18, "bold", TEAL, "m")
        c.text(960, yy + 112, "remove", 13, "sans", (170, 176, 182), "r")
    card(c, (1040, y + 84, 1340, 700))
    c.text(1068, y + 110, "Your price", 24, "bold", DEEP)
    for i, (k, v) in enumerate((("Essentials", "£214.88"), ("Legal expenses", "£29.99"),
                                ("Home emergency", "£64.00"), ("Key cover", "£14.99"))):
        c.text(1068, y + 160 + i * 40, k, 19)
        c.text(1312, y + 160 + i * 40, v, 19, "sans", INK, "r")
    c.hline(1068, 1312, y + 330)
    c.text(1068, y + 346, "Total", 24, "bold")
    c.text(1312, y + 346, "£323.86", 24, "bold", DEEP, "r")
    c.text(1068, y + 390, "a year, including IPT", 16, "sans", GREY)
    button(c, 1068, y + 440, "Continue", True, 244)
    c.para(100, 836, 900, "By continuing you confirm you have read the Insurance Product Information Document "
           "for each optional extra and that the cover meets your demands and needs.", 14, "sans", GREY)
    return c


@artifact("policy-schedule", "Home policy schedule and statement of fact", "contract", "buy", "buy-checkout", "pdf",
          "Four pages. Endorsement codes on page 1 are explained on page 3; page 2 lists 'assumptions we made "
          "on your behalf' that the customer was never asked about.")
def schedule(rng):
    doc = letter(MAYA, [("Policy number", "HLH-4471-2096"), ("Issued", "14 March 2026"),
                        ("Schedule version", "HL-SCH-01 v12")], "HL-SCH-01 v12")
    doc.h1("Home Insurance Policy Schedule")
    doc.kv([("Policyholder", "Ms Maya Okafor"), ("Address insured", "Flat 4, Linden Court, 27 Fishponds Road, "
            "Bristol BS16 3ZZ"), ("Period of insurance", "14/03/2026 to 13/03/2027 (both dates inclusive)"),
            ("Cover", "Essentials: Contents only"), ("Policy wording", "HLW-H-2024-03")])
    doc.table(["Section", "Sum insured / limit", "Excess"], [
        ["Contents", "£24,000", "£100"], ["Tenant's improvements", "£2,000 (HL31)", "£100"],
        ["Personal possessions", "Not covered", "n/a"], ["Accidental damage", "Not covered", "n/a"],
        ["Legal expenses (LexGuard Legal Ltd)", "£50,000", "Nil"], ["Home emergency", "£500 per claim", "£75"],
        ["Key and lock cover", "£1,500", "Nil"]], [0.5, 0.3, 0.2])
    doc.callout("Endorsements applying", "HL04, HL17, HL22, HL31. Endorsements change the cover described in "
                "your policy wording. See page 3.")
    doc.new_page()
    doc.h1("Statement of Fact")
    doc.p("This is the information you gave us, and the assumptions we made on your behalf. **Please check it "
          "carefully. If anything is wrong or missing, tell us within 14 days.** If you do not, we may reduce or "
          "refuse a claim, or cancel your policy.", 22)
    doc.kv([("Date of birth", "09/07/1991"), ("Occupation", "Nurse"),
            ("Property type", "Purpose-built flat, 2nd floor"),
            ("Year built", "1972"), ("Construction", "Standard (assumed)"),
            ("Claims in last 5 years", "None (assumed)"),
            ("Unoccupied over 30 days", "No (assumed)"),
            ("Locks on final exit doors", "5-lever mortice deadlock to BS3621 (assumed)"),
            ("Business use", "None (assumed)"),
            ("Criminal convictions", "None (assumed)"),
            ("County court judgements", "None (assumed)"),
            ("Previous insurance refused", "No (assumed)")], 21, 0.45)
    doc.new_page()
    doc.h1("Endorsements")
    for code, text in (
            ("HL04  Minimum security", "Cover for theft or attempted theft from the Home is excluded unless entry "
             "or exit was gained by forcible and violent means and all final exit doors were secured by a 5-lever "
             "mortice deadlock conforming to BS3621 or a multi-point locking system, and all accessible windows "
             "were fitted with key-operated locks which were in use at the time of loss."),
            ("HL17  Unoccupancy", "If the Home is Unoccupied for more than 30 consecutive days, cover for Escape of "
             "Water, Theft, Malicious Damage and Accidental Damage is suspended unless the water supply is turned "
             "off at the mains and the Home is inspected internally at least once every 7 days."),
            ("HL22  Escape of water excess", "In respect of loss or damage caused by Escape of Water the Excess "
             "is £350, which replaces the Excess of £100 shown on page 1 of this schedule."),
            ("HL31  Tenant's improvements", "The most We will pay for fixtures, fittings and decorations which You "
             "have installed as tenant or leaseholder is £2,000 in any one Period of Insurance.")):
        doc.h2(code, 25, DEEP)
        doc.p(text, 21)
    doc.new_page()
    doc.h1("Your premium")
    doc.table(["", "Amount"], [["Contents premium", "£191.86"], ["Optional extras", "£97.28"],
                               ["Insurance Premium Tax at 12%", "£34.72"], ["Total annual premium", "£323.86"]],
              [0.7, 0.3], 22, "lr", True)
    doc.p("A policy administration fee of £25.00 is charged separately and is not refundable.", 21)
    doc.h2("Important information")
    doc.small("This schedule must be read together with your policy wording and any endorsements, which together "
              "form your contract of insurance. The law applicable to this contract is the law of England and "
              "Wales unless agreed otherwise. You have a 14-day cooling-off period from the later of the start "
              "date or the date you receive your documents; if you cancel within this period we will refund any "
              "premium paid, less a charge for the time you have been covered and the policy administration fee. "
              "Harbourline Insurance Limited is covered by the Financial Services Compensation Scheme (FSCS). You "
              "may be entitled to compensation if we cannot meet our obligations. Legal expenses cover is "
              "underwritten by LexGuard Legal Limited and home emergency cover by RapidFix Assistance Limited; "
              "their contact details are in the relevant product information documents. We may record and "
              "monitor calls. Please tell us straight away about any change in your circumstances, as failure to do "
              "so may result in your policy being cancelled, a claim not being paid or not being paid in full.", 15)
    return doc.finish()


@artifact("documents-email", "'Your documents are ready' e-mail, three days later", "email", "buy", "buy-checkout",
          "png", "Sent three days after purchase, to 'Dear Customer'. No attachment; the customer must register "
          "with an ID that arrives by post.")
def documents_email(rng):
    c, doc = email("Your Harbourline documents are ready", "Harbourline Insurance", "noreply@harbourline.example",
                   "me", "Tue 17 Mar, 09:12", 5)
    doc.p("Dear Customer,", 23)
    doc.p("Thank you for choosing Harbourline. Your policy documents are now available in My Harbourline. "
          "For your security, we no longer send documents as attachments.", 21)
    doc.p("**To view your documents:**", 21)
    for i, s in enumerate(["Go to harbourline.example/account and select Register.",
                           "Enter your 12-digit Customer ID. This is different from your policy number and is "
                           "printed in your welcome letter, which we send by post.",
                           "Create a password of 12 to 20 characters, with an upper-case letter, a number and a "
                           "symbol (not £ or #)."]):
        doc.c.text(doc.x + 6, doc.y, f"{i + 1}.", 21, "bold", TEAL)
        doc.p(s, 21, indent=36)
    doc.p("Until you register you will not be able to view your Certificate of Insurance.", 21)
    doc.small("This mailbox is not monitored. Harbourline Insurance Limited, Harbour House, 1 Quay Street, "
              "Bristol BS1 4ZZ.")
    return c


@artifact("broker-proposal-form", "Broker's proposal form, sent back as 'superseded'", "form", "buy", "buy-broker",
          "jpg", "Filled in by the broker, faxed and scanned, then returned because it was on version 6 of the "
          "form instead of version 7.")
def broker_form(rng):
    def head(c, i):
        c.text(110, 70, "Nene Valley Insurance Brokers Ltd", 30, "serifb", (90, 40, 40))
        c.text(110, 112, "12 Market Place, Kettering NN16 0ZZ  ·  01632 960418", 18, "serif", GREY)
        brand(c, 880, 62, 60)
        c.hline(110, 1130, 160, INK, 3)
        c.text(110, 180, "HOUSEHOLD PROPOSAL FORM", 36, "bold", INK)
        c.text(1130, 190, "HL-PF v6 (01/2024)", 20, "mono", INK, "r")
        return 244
    doc = Doc(head, "HL-PF v6", legal="Please use black ink and BLOCK CAPITALS. Failure to disclose any "
              "material fact may invalidate the policy.")
    doc.section("1  PROPOSER")
    doc.fields([("Full name", 0.6, "PRIYA RAMAN"), ("Date of birth", 0.4, "12/09/1983")])
    doc.fields([("Occupation (full time)", 0.5, "BAKER / OWNER"), ("Occupation (part time)", 0.5, "")])
    doc.section("2  THE PROPERTY")
    doc.fields([("Address to be insured", 0.75, "14 MILLBROOK AVE, KETTERING"), ("Postcode", 0.25, "NN15 6ZZ")])
    doc.fields([("Year built", 0.25, "1978"), ("Bedrooms", 0.25, "4"), ("Walls", 0.25, "BRICK"),
                ("Roof", 0.25, "TILE")])
    doc.checks("Is any part of the property used for business purposes? If YES complete Supplementary Business "
               "Questionnaire SBQ-2 (separate form).", ["Yes", "No"], ["Yes"])
    doc.section("3  CLAIMS IN THE LAST 5 YEARS (home, motor, business)")
    doc.table(["Date", "Type", "Amount", "Insurer"], [["03/2023", "Storm - fence", "£840", "Brightmoor"],
              ["", "", "", ""], ["", "", "", ""]], [0.2, 0.4, 0.2, 0.2], 19, row_h=42)
    doc.section("4  DECLARATION")
    doc.p("I declare that the statements above are true and complete to the best of my knowledge and belief, and "
          "that I have not withheld any material fact.", 19)
    doc.fields([("Signature", 0.6, "P. Raman"), ("Date", 0.4, "03/04/2026")])
    c = one_page(doc)
    layer = Image.new("RGBA", (640, 150), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    d.rectangle((4, 4, 636, 146), outline=(190, 30, 40, 200), width=6)
    d.text((320, 42), "REFERRED TO UNDERWRITER", font=font("bold", 34), fill=(190, 30, 40, 200), anchor="mm")
    d.text((320, 102), "RECEIVED  07 APR 2026", font=font("bold", 28), fill=(190, 30, 40, 200), anchor="mm")
    c.im.paste(layer.rotate(8, expand=True, resample=Image.BICUBIC), (560, 250),
               layer.rotate(8, expand=True, resample=Image.BICUBIC))
    c.d.line((560, 1470, 1130, 1430), fill=PEN, width=3)
    c.text(600, 1490, "v6 superseded - please resubmit", 28, "ital", PEN)
    c.text(600, 1530, "on v7 (same questions). JT 8/4", 28, "ital", PEN)
    return scanned(c.im, rng)


@artifact("broker-referral-email", "Broker e-mail: 'they need it all again'", "email", "buy", "buy-broker", "png",
          "The broker relays the insurer's request for information the customer has already given, with cover "
          "ending in five days.")
def broker_email(rng):
    c = Canvas(SCREEN)
    y = webmail(c, "RE: Home renewal – Harbourline need more info (again)", "Jon Tarrant",
                "jon.tarrant@nenevalley-brokers.example", "Priya Raman", "Wed 8 Apr, 16:40", 7)
    doc = Doc(canvas=c, x=330, y=y + 10, w=900, bottom=c.h - 10)
    doc.p("Hi Priya,", 23)
    doc.p("Sorry to come back to you again. Harbourline's underwriters have referred your home proposal because of "
          "the bakery. Before they will offer terms they want:", 22)
    doc.bullets(["the Supplementary Business Questionnaire (SBQ-2). We sent this on 3 April;",
                 "your claims history for the last 5 years (it is on the proposal form, section 3);",
                 "photos of the front and rear of the house;",
                 "the whole proposal again on their new v7 form, which asks the same questions as v6."], 22)
    doc.p("Your current cover ends on **Monday 13 April**. I have asked for a 14-day cover note in the meantime. "
          "Their broker desk answers e-mails within 3 working days, so I can't promise it before the weekend.", 22)
    doc.p("Kind regards,  Jon", 22)
    c.text(330, doc.y + 4, "> From: Broker Support, Harbourline <brokerdesk@harbourline.example>", 16, "sans", GREY)
    return c
