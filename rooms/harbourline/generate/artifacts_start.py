"""Artifacts of the 'start' stage: the welcome pack, the policy wording, the app and the first payments."""
from PIL import Image, ImageDraw, ImageFilter

from artifact_doc import Doc
from artifact_drawing import A4, DEEP, GREY, INK, PEN, RED, TEAL, TINT, WHITE, Canvas, brand
from artifact_screens import button, field
from artifacts_common import MAYA, app_bar, letter, one_page, registry, sign, two_phones

ARTIFACTS = []
artifact = registry(ARTIFACTS)


@artifact("welcome-pack-letter", "Welcome pack covering letter", "letter", "start", "start-welcome", "pdf",
          "Three pages. The Customer ID needed to log in is in the middle of paragraph 3; page 3 lists seven "
          "phone numbers.")
def welcome(rng):
    doc = letter(MAYA, [("Policy number", "HLH-4471-2096"), ("Date", "21 March 2026")], "HL-WL-01 v9")
    doc.h1("Welcome to Harbourline")
    doc.p("Dear Ms Okafor,")
    doc.p("Thank you for choosing Harbourline Insurance. We are delighted to welcome you as a customer and we "
          "enclose your policy documents, which together form your contract of insurance with us.")
    doc.p("Your cover started on 14 March 2026. Please keep these documents in a safe place, as you may need to "
          "refer to them if you need to make a claim or change your policy.")
    doc.p("To register for My Harbourline, our secure online service, you will need your Customer ID, which is "
          "1004 8291 3355, together with your postcode and date of birth. An activation code will be sent to you "
          "separately by post.")
    doc.callout("Action needed within 14 days", "Please check your Statement of Fact carefully. If any "
                "information is incorrect or incomplete, you must tell us, as this could affect your cover.")
    doc.p("Your premium will be collected by HL Premium Finance Limited in accordance with your credit agreement, "
          "which is sent to you separately.")
    sign(doc, "Joanna Feld", "Head of Customer Operations", ["See 'What's in your pack' overleaf"])
    doc.new_page()
    doc.h1("What's in your pack")
    doc.table(["Document", "Reference", "What it is"], [
        ["Policy Schedule", "HL-SCH-01", "Your cover, limits, excesses"], ["Statement of Fact", "HL-SOF-02",
                                                                            "What you told us"],
        ["Policy Wording", "HLW-H-2024-03", "Online only"], ["IPID (home)", "HL-IPID-H", "Summary only"],
        ["IPID (legal expenses)", "HL-IPID-LE", "Summary only"], ["IPID (home emergency)", "HL-IPID-HE",
                                                                   "Summary only"],
        ["Direct Debit Guarantee", "HL-DDG", "Your rights"], ["Terms of Business", "HL-TOB-05", "How we work"],
        ["Privacy Notice", "HL-PN-07", "How we use your data"]], [0.36, 0.26, 0.38], 21)
    doc.p("The Insurance Product Information Documents (IPIDs) are a summary only and do not form part of your "
          "contract. Your Policy Wording is available at harbourline.example/documents or on request by calling "
          "0808 157 0403.", 21)
    doc.new_page()
    doc.h1("How to contact us")
    doc.table(["What it's about", "Number", "Open"], [
        ["New claim (emergencies only)", "0808 157 0401", "24 hours"], ["Existing claim", "0808 157 0402",
                                                                       "Mon–Fri 9am–5pm"],
        ["Change your policy", "0808 157 0403", "Mon–Fri 9am–5pm, Sat 9am–1pm"],
        ["Payments", "0808 157 0404", "Mon–Fri 9am–5pm"], ["Legal helpline (LexGuard)", "0808 157 0405",
                                                           "Mon–Fri 9am–8pm"],
        ["Home emergency", "0808 157 0406", "24 hours"], ["Complaints", "0808 157 0407", "Mon–Fri 9am–5pm"]],
        [0.38, 0.22, 0.40], 21)
    doc.p("Please have your policy number, Customer ID and postcode ready when you call. Lines are closed on bank "
          "holidays. Calls may be recorded and monitored for training and quality purposes.", 21)
    doc.h2("Writing to us")
    doc.kv([("New and existing claims", "Home Claims, PO Box 4471, Bristol BS99 7ZZ"),
            ("Policy changes and payments", "Customer Operations, Harbour House, 1 Quay Street, Bristol BS1 4ZZ"),
            ("Complaints", "Complaints Resolution Team, PO Box 4480, Bristol BS99 7ZY")], 20, 0.4)
    doc.h2("Need this letter in another format?")
    doc.p("We can provide your documents in large print, Braille or audio. Please call 0808 157 0403 and allow 10 "
          "working days.", 21)
    return doc.finish()


CLAUSE_PARTS = dict(
    loss=["loss or damage", "any loss, damage or liability", "the cost of repair or replacement",
          "any consequential loss", "loss of value"],
    cause=["wear and tear, depreciation or gradual deterioration", "rot, fungus or mould",
           "the action of frost where the Home has been Unoccupied", "any process of cleaning, dyeing or restoring",
           "settlement or shrinkage of new structures", "faulty workmanship or defective design",
           "vermin, insects or domestic pets", "electrical or mechanical breakdown"],
    qual=["unless resulting from an insured event", "howsoever caused", "whether or not You were aware of it",
          "except as expressly provided under Section 2", "occurring during any Period of Insurance"],
    duty=["take all reasonable steps to prevent loss or damage", "notify Us as soon as reasonably possible",
          "keep the Home in a good state of repair", "retain any damaged items for inspection",
          "provide at Your own expense any information We reasonably require"],
    sanction=["reduce or refuse any claim", "cancel this policy", "apply such terms as We consider appropriate",
              "recover any payment already made"],
    unit=["Section", "policy", "extension", "clause"],
    limit=["the Sum Insured shown in the Schedule", "£1,500 for any one article", "£500 in any one Period of "
           "Insurance", "10% of the Contents Sum Insured", "£250 per claim"])
CLAUSE_FORMS = ["We will not pay for {loss} caused by {cause} {qual}.",
                "You must {duty}; if You do not, We may {sanction}.",
                "The most We will pay under this {unit} is {limit}, less the Excess.",
                "This {unit} does not cover {loss} arising from {cause}.",
                "Where You fail to {duty}, We shall be entitled to {sanction}.",
                "Subject to the Excess, We will pay up to {limit} for {loss} {qual}."]
DEFINITIONS = [("Average", "If, at the time of any loss, the Sum Insured is less than the full value of the "
                "property insured, We will pay only that proportion of the claim which the Sum Insured bears to "
                "the full value."), ("Betterment", "Any improvement in condition or value resulting from repair "
                "or replacement, for which a deduction may be made."), ("Escape of Water", "Water escaping from "
                "any fixed water or heating installation, apparatus or pipe, excluding water escaping from "
                "guttering, rainwater downpipes or roof valleys."), ("Excess", "The first amount of each claim, "
                "which You must pay."), ("Home", "The private dwelling at the address shown in the Schedule, "
                "including its garages and outbuildings."), ("Unoccupied", "Not lived in by You or a member of "
                "Your family for more than 30 consecutive days, or not furnished sufficiently for normal living "
                "purposes."), ("Valuables", "Jewellery, watches, furs, pictures, works of art and collections of "
                "stamps, coins or medals.")]


@artifact("terms-booklet", "Home insurance policy wording", "contract", "start", "start-welcome", "pdf",
          "Eight pages of 7-point, two-column small print. 'Average' and 'betterment', which later cut Maya's "
          "claim, are defined on page 2.")
def terms(rng):
    doc = Doc(lambda c, i: 110, "HLW-H-2024-03")
    c = doc.c
    c.box((0, 0, 1240, 900), fill=TEAL)
    c.box((90, 90, 580, 210), fill=WHITE, r=20)
    brand(c, 110, 107, 86)
    c.para(110, 380, 1000, "Home Insurance Policy Wording", 80, "bold", WHITE, 1.1)
    c.text(110, 620, "Essentials  ·  Plus  ·  Premier Plus", 34, "sans", WHITE)
    c.text(110, 1000, "Please read this document carefully and keep it in a safe place.", 28)
    c.text(110, 1050, "Reference HLW-H-2024-03", 24, "mono", GREY)
    doc.new_page()
    doc.h1("Definitions", 32)
    paras = [f"**{k}**  {v}" for k, v in DEFINITIONS]
    sections = ["General conditions", "General exclusions", "Section 1: Buildings", "Section 2: Contents",
                "Section 3: Personal possessions", "Claims conditions", "Cancellation", "Complaints"]
    for n, sec in enumerate(sections, 1):
        paras.append(f"# {n}. {sec}")
        for k in range(1, rng.randint(22, 30)):
            text = " ".join(form.format(**{p: rng.choice(v) for p, v in CLAUSE_PARTS.items()})
                            for form in rng.sample(CLAUSE_FORMS, rng.randint(2, 4)))
            paras.append(f"{n}.{k}  {text[0].upper()}{text[1:]}")
    doc.columns(paras, 15, max_pages=8)
    assert len(doc.pages) == 8, len(doc.pages)
    return doc.finish()


@artifact("welcome-pack-slip", "Print room despatch note for the welcome pack", "packing-slip", "start",
          "start-welcome", "png", "Fourteen items, two marketing leaflets, and the three things the customer needs "
          "most: 'online only' or 'sent separately'.")
def packing_slip(rng):
    c = Canvas(A4, (252, 252, 248))
    c.text(110, 90, "HARBOURLINE INSURANCE - DESPATCH NOTE", 34, "monob")
    c.text(110, 150, "Job WP-HOME-0326-B   Batch 114   Sheet 1 of 1", 22, "mono")
    for i, s in enumerate(["MS M OKAFOR", "FLAT 4 LINDEN COURT", "27 FISHPONDS ROAD", "BRISTOL BS16 3ZZ"]):
        c.text(110, 230 + i * 32, s, 24, "mono")
    c.text(1130, 230, "Service: TRACKED 48 SIGNED", 20, "mono", INK, "r")
    c.text(1130, 262, "Weight: 212 g", 20, "mono", INK, "r")
    doc = Doc(canvas=c, x=110, y=400, w=1020, bottom=1700)
    doc.table(["Item code", "Description", "Qty", "Status"], [
        ["HL-WL-01", "Welcome letter", "1", "ENCLOSED"], ["HL-SCH-01", "Policy schedule", "1", "ENCLOSED"],
        ["HL-SOF-02", "Statement of fact", "1", "ENCLOSED"], ["HLW-H-2024-03", "Policy wording", "0", "ONLINE ONLY"],
        ["HL-IPID-H", "Product information (home)", "1", "ENCLOSED"],
        ["HL-IPID-LE", "Product information (legal)", "1", "ENCLOSED"],
        ["HL-IPID-HE", "Product information (emergency)", "1", "ENCLOSED"],
        ["HL-DDG", "Direct debit guarantee", "1", "ENCLOSED"],
        ["HL-CA-03", "Credit agreement", "0", "SENT SEPARATELY (HLPF)"],
        ["HL-ACT", "Account activation code", "0", "SENT SEPARATELY 5 DAYS"],
        ["HL-PN-07", "Privacy notice", "1", "ENCLOSED"], ["HL-TOB-05", "Terms of business", "1", "ENCLOSED"],
        ["MKT-REF-26", "Leaflet: refer a friend, get £25", "1", "ENCLOSED"],
        ["MKT-CAR-26", "Leaflet: car insurance offer", "1", "ENCLOSED"]], [0.19, 0.4, 0.08, 0.33], 20, "llcl")
    c.text(110, doc.y + 20, "Total sheets: 23       Packed by: 0417       Checked by: ____", 22, "mono")
    c.text(110, doc.y + 80, "Missing items? Call 0808 157 0403 quoting the job number.", 20, "mono", GREY)
    return c


@artifact("delivery-card", "'Sorry we missed you' card for the welcome pack", "notice", "start", "start-welcome",
          "jpg", "The welcome pack was sent signed-for. A nurse on shifts has to reach the delivery office, open "
          "7am to 1pm, with photo ID.")
def delivery_card(rng):
    bg = Image.new("RGB", (1440, 960), (92, 74, 56))
    d = ImageDraw.Draw(bg)
    for _ in range(9000):
        x, y = rng.randrange(1440), rng.randrange(960)
        t = rng.randrange(-30, 30)
        d.line((x, y, x + rng.randrange(-6, 7), y + rng.randrange(8, 22)), fill=(118 + t, 96 + t, 70 + t), width=2)
    c = Canvas((1000, 640), (250, 250, 246))
    c.box((0, 0, 1000, 110), fill=(226, 94, 32))
    c.text(40, 28, "Sorry we missed you", 44, "bold", WHITE)
    c.text(960, 40, "SwiftPost", 30, "bold", WHITE, "r")
    rows = [("We called at", "10:42  Tue 24 Mar"), ("Item", "Large letter, signature needed"),
            ("From", "HARBOURLINE INSURANCE"), ("Collect from", "Fishponds Delivery Office, Straits Parade"),
            ("Open", "Mon–Fri 7am–1pm, Sat 7am–10am"), ("Bring", "This card and photo ID")]
    for i, (k, v) in enumerate(rows):
        c.text(40, 140 + i * 60, k, 22, "bold", (120, 120, 120))
        c.text(300, 136 + i * 60, v, 28, "ital" if i < 3 else "sans", PEN if i < 3 else INK)
    c.para(40, 520, 920, "We keep items for 18 days, then return them to the sender. To rebook, go to "
           "swiftpost.example/redeliver with reference 7724 1190 3381 0046.", 19, "sans", GREY)
    card_im = c.im.convert("RGBA").rotate(-5, expand=True, resample=Image.BICUBIC)
    shadow = Image.new("RGBA", card_im.size, (0, 0, 0, 0))
    shadow.putalpha(card_im.getchannel("A").point(lambda a: a * 0.55))
    bg.paste(Image.new("RGB", card_im.size, (20, 14, 8)), (236, 176), shadow.getchannel("A").filter(
        ImageFilter.GaussianBlur(14)))
    bg.paste(card_im, (210, 140), card_im)
    return bg.filter(ImageFilter.GaussianBlur(0.5))


@artifact("app-activation", "App: activate My Harbourline", "screenshot", "start", "start-welcome", "png",
          "The app rejects the policy number (the only number the customer has) and then waits for a code by post.")
def app_activation(rng):
    def a(s):
        y = app_bar(s, "Activate your account")
        s.para(24, y, 340, "Enter your Customer ID to get started.", 20)
        field(s, 24, y + 70, 340, "Customer ID (12 digits)", "HLH-4471-2096", size=18)
        s.box((24, y + 178, 364, y + 270), fill=(252, 232, 232), r=8)
        s.para(40, y + 190, 310, "This doesn't look like a Customer ID. Your Customer ID is not your policy "
               "number.", 16, "sans", RED)
        button(s, 24, y + 300, "Continue", True, 340, 52, 20)
        s.text(195, y + 380, "Can't find your Customer ID?", 16, "bold", TEAL, "m")
    def b(s):
        y = app_bar(s, "Enter activation code")
        s.para(24, y, 340, "We've sent an activation code to your home address **by post**. It can take up to "
               "5 working days to arrive.", 19)
        for i in range(6):
            s.box((24 + i * 58, y + 150, 72 + i * 58, y + 210), fill=WHITE, line=GREY, r=8)
        s.para(24, y + 240, 340, "Codes expire 14 days after they are sent.", 17, "sans", GREY)
        s.box((24, y + 310, 364, y + 362), fill=(214, 220, 224), r=26)
        s.text(195, y + 324, "Request a new code", 19, "bold", WHITE, "m")
        s.text(195, y + 380, "Available again in 5 days", 16, "sans", GREY, "m")
    return two_phones(a, b)


INSTALMENTS = [("1 April 2026", "£44.25")] + [(f"1 {m} 202{y}", "£32.44") for m, y in
                                              (("May", 6), ("June", 6), ("July", 6), ("August", 6), ("September", 6),
                                               ("October", 6), ("November", 6), ("December", 6), ("January", 7),
                                               ("February", 7))]


@artifact("payment-schedule", "Monthly payment schedule and credit summary", "invoice", "start",
          "start-direct-debit", "png", "The big box says £32.44. The first collection is £69.25: a larger first "
          "instalment plus a £25 fee mentioned only in the small print.",
          task=dict(text="How much will be taken from Maya's bank account on 1 April?",
                    done_when="£69.25: the first instalment of £44.25 plus the £25.00 policy administration fee "
                              "collected with it.",
                    customer_median_seconds=240, customer_give_up_percent=12,
                    common_wrong_answer="£32.44, the 'monthly payment' in the large box."))
def payment_schedule(rng):
    def head(c, i):
        brand(c, 110, 70, 80)
        c.text(1130, 80, "HL Premium Finance Limited", 22, "bold", DEEP, "r")
        c.text(1130, 112, "Agreement HLPF-2026-0318844", 18, "sans", GREY, "r")
        c.hline(110, 1130, 180, TEAL, 4)
        return 220
    doc = Doc(head, "HLPF-SCH-03")
    doc.h1("Your payment schedule", 40)
    c = doc.c
    c.box((110, doc.y, 560, doc.y + 150), fill=TINT, r=16)
    c.text(140, doc.y + 22, "Monthly payment", 24, "bold", DEEP)
    c.text(140, doc.y + 62, "£32.44", 58, "bold", DEEP)
    c.para(620, doc.y + 10, 510, "Collected by Direct Debit from your account ending **7731** on the 1st of each "
           "month. Service user number 998877.", 21)
    doc.gap(180)
    doc.table(["Date", "Amount"], INSTALMENTS, [0.5, 0.5], 20, "lr", row_h=40)
    doc.kv([("Amount of credit", "£323.86"), ("Interest", "£44.79"), ("Total amount payable", "£368.65"),
            ("Representative APR", "27.9% (variable)")], 21, 0.45)
    doc.small("Your first instalment is higher to reflect interest charged from the start date of the agreement. "
              "The policy administration fee of £25.00 shown in your Statement of Price is not financed under "
              "this agreement and will be collected together with your first instalment. If an instalment is "
              "returned unpaid a charge of £12.00 may apply and we may cancel your policy after giving you 7 "
              "days' notice. You have the right to withdraw from this agreement within 14 days.", 15)
    return one_page(doc)


@artifact("bank-statement", "Bank statement with two Harbourline collections", "statement", "start",
          "start-direct-debit", "png", "Two collections under two different names, the fee taken twice; the "
          "customer circled them in pen.")
def bank_statement(rng):
    c = Canvas(A4, (253, 253, 251))
    c.text(110, 90, "Northgate Bank", 40, "serifb", (20, 60, 40))
    c.text(1130, 100, "Current account statement", 22, "sans", GREY, "r")
    for i, s in enumerate(MAYA[:1] + ["Account 3318 7731   Sort code 98-76-54", "1 April to 30 April 2026"]):
        c.text(110, 180 + i * 34, s, 22, "bold" if i == 0 else "sans")
    rows = [("01 Apr", "BALANCE BROUGHT FORWARD", "", "", "412.08"),
            ("01 Apr", "HBL PREMIUM FIN  DD", "69.25", "", "342.83"),
            ("01 Apr", "GREENWAY FOODS BRISTOL", "23.61", "", "319.22"),
            ("02 Apr", "BRISTOL CITY COUNCIL  DD", "148.00", "", "171.22"),
            ("03 Apr", "HARBOURLINE INS  DD", "25.00", "", "146.22"),
            ("04 Apr", "FISHPONDS PHARMACY", "8.40", "", "137.82"),
            ("07 Apr", "SEVERN BUS M-TICKETS", "72.00", "", "65.82"),
            ("10 Apr", "TRANSFER FROM SAVINGS", "", "300.00", "365.82"),
            ("14 Apr", "SEVERNSIDE ENERGY  DD", "96.50", "", "269.32"),
            ("17 Apr", "GREENWAY FOODS BRISTOL", "31.18", "", "238.14"),
            ("24 Apr", "SEVERNSIDE NHS TRUST SALARY", "", "2,184.37", "2,422.51"),
            ("25 Apr", "LINDEN COURT MGMT  SO", "1,050.00", "", "1,372.51"),
            ("28 Apr", "CASH MACHINE  GLOUCESTER RD", "40.00", "", "1,332.51")]
    doc = Doc(canvas=c, x=110, y=330, w=1020, bottom=1700)
    doc.table(["Date", "Description", "Paid out", "Paid in", "Balance"], rows, [0.12, 0.46, 0.14, 0.14, 0.14],
              20, "llrrr", row_h=54)
    for y in (330 + 54 * 2, 330 + 54 * 5):
        c.d.ellipse((118, y - 10, 870, y + 64), outline=(200, 30, 40), width=4)
    c.text(700, 226, "taken twice?? which is it?", 32, "ital", (200, 30, 40))
    c.d.line((880, 272, 820, 430), fill=(200, 30, 40), width=3)
    c.text(110, doc.y + 20, "Northgate Bank plc. Keep your statements safe.", 16, "sans", GREY)
    return c
