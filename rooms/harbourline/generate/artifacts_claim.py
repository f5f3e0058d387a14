"""Artifacts of the 'claim' stage: reporting a burst pipe, the loss adjuster and the settlement."""
from PIL import Image, ImageDraw

from artifact_doc import Doc
from artifact_drawing import AMBER, DEEP, GREY, INK, RED, TEAL, WHITE, brand
from artifact_screens import button, status_bar
from artifacts_common import MAYA, bubble, card, letter, one_page, registry, screen, sign, two_phones

ARTIFACTS = []
artifact = registry(ARTIFACTS)


def claim_form_pages():
    def head(c, i):
        brand(c, 110, 60, 56)
        c.text(1130, 70, "Home insurance claim form", 24, "bold", DEEP, "r")
        c.hline(110, 1130, 136, TEAL, 3)
        return 160
    doc = Doc(head, "HL-CLM-H1 v11")
    yn = ["Yes", "No"]
    doc.h1("Home insurance claim form", 40)
    doc.callout("Before you start", "Complete ALL sections in BLOCK CAPITALS using black ink. Incomplete forms "
                "will be returned. Do not send original receipts. Forms sent by e-mail cannot be accepted.",
                AMBER, (220, 150, 40), 20)
    doc.comb("Policy number", 12)
    doc.comb("Claim number (if known)", 12)
    doc.section("SECTION A  Policyholder")
    doc.fields([("Title", 0.15), ("First names", 0.45), ("Surname", 0.4)])
    doc.fields([("Date of birth", 0.3), ("Daytime phone", 0.35), ("Evening phone", 0.35)])
    doc.fields([("Address", 0.75), ("Postcode", 0.25)])
    doc.fields([("Correspondence address, if different", 1.0)])
    doc.fields([("E-mail", 1.0)])
    doc.checks("How would you like us to contact you?", ["Post", "Phone", "E-mail", "Text"])
    doc.checks("Are you registered for VAT?", yn)
    doc.new_page()
    doc.section("SECTION B  The property")
    doc.checks("Type of property", ["House", "Bungalow", "Flat", "Maisonette"])
    doc.fields([("Year built", 0.34), ("Bedrooms", 0.33), ("Storeys", 0.33)])
    doc.checks("Is the property of standard construction?", yn)
    doc.checks("Roof", ["Tile", "Slate", "Flat", "Other"])
    doc.checks("Has the property been unoccupied for more than 30 days in the last 12 months?", yn)
    doc.checks("Is any part of the property used for business?", yn)
    doc.checks("Is the property let or sublet, in whole or in part?", yn)
    doc.checks("Is the property a listed building?", yn)
    doc.fields([("Mortgage lender", 0.6), ("Mortgage account number", 0.4)])
    doc.fields([("Freeholder or managing agent (flats only)", 1.0)])
    doc.new_page()
    doc.section("SECTION C  The incident")
    doc.fields([("Date of incident", 0.33), ("Date discovered", 0.33), ("Time", 0.34)])
    doc.checks("Cause of loss", ["Fire", "Flood", "Storm", "Escape of water", "Theft", "Accidental damage",
                                 "Subsidence", "Other"])
    doc.fields([("Where in the property did the damage happen?", 1.0)])
    doc.lines("Describe fully what happened, how it was discovered and what you did:", 10)
    doc.checks("Has the cause of the damage been repaired?", yn)
    doc.fields([("Name of contractor", 0.6), ("Contractor phone", 0.4)])
    doc.checks("Do you think anyone else was responsible?", yn)
    doc.new_page()
    doc.section("SECTION D  Theft and malicious damage")
    doc.small("Complete this section only if the claim is for theft, attempted theft or malicious damage.", 17)
    doc.fields([("Police crime reference", 0.5), ("Police station", 0.5)])
    doc.fields([("Date reported to police", 0.5), ("Officer's name and number", 0.5)])
    doc.checks("How was entry gained?", ["Door", "Window", "Unknown", "No forced entry"])
    doc.checks("Were any keys stolen?", yn)
    doc.checks("Was anyone at home at the time?", yn)
    doc.lines("Describe any damage to locks, doors or windows:", 6)
    doc.lines("List the items stolen (also list them in Section G):", 5)
    doc.new_page()
    doc.section("SECTION E  Policyholder details")
    doc.comb("Please confirm your policy number", 12)
    doc.fields([("Full name", 0.6), ("Date of birth", 0.4)])
    doc.fields([("Address, if different from Section A", 0.75), ("Postcode", 0.25)])
    doc.fields([("Daytime phone", 0.5), ("E-mail", 0.5)])
    doc.section("SECTION F  Other insurance")
    doc.checks("Is any of the damaged property insured elsewhere (for example by your freeholder)?", yn)
    doc.fields([("Other insurer", 0.5), ("Policy number", 0.5)])
    doc.checks("Have you made, or will you make, a claim to any other insurer for this incident?", yn)
    doc.checks("Are you registered for VAT? (If yes, give your VAT number below.)", yn)
    doc.fields([("VAT registration number", 0.6)])
    doc.new_page()
    doc.section("SECTION G  Schedule of loss")
    doc.table(["Item", "Bought", "Where", "Cost", "Replace", "Receipt"], [[""] * 6] * 20,
              [0.3, 0.12, 0.18, 0.13, 0.15, 0.12], 19, row_h=54)
    doc.small("Proof of ownership and value is required for all items. Where proof cannot be provided we may "
              "reduce or decline the claim. Continue on a separate sheet if necessary.", 17)
    doc.new_page()
    doc.section("SECTION H  Bank details for payment")
    doc.fields([("Account holder name", 0.6), ("Bank", 0.4)])
    doc.fields([("Sort code", 0.4), ("Account number", 0.6)])
    doc.checks("Pay the settlement to", ["Me", "My contractor", "My mortgage lender"], per_row=3)
    doc.section("SECTION I  Previous losses")
    doc.p("List all losses in the last 5 years, whether or not a claim was made and whoever the insurer.", 20)
    doc.table(["Date", "What happened", "Amount", "Insurer"], [[""] * 4] * 6, [0.18, 0.46, 0.16, 0.2], 19, row_h=54)
    doc.section("SECTION J  Estimates")
    doc.small("For repairs over £1,000 please enclose two written estimates from different contractors.", 17)
    doc.fields([("Contractor 1", 0.7), ("Amount", 0.3)])
    doc.fields([("Contractor 2", 0.7), ("Amount", 0.3)])
    doc.new_page()
    doc.section("DECLARATION")
    doc.p("I/We declare that the information given on this form is true and complete to the best of my/our "
          "knowledge and belief, and that I/we have not withheld any information which may be relevant to this "
          "claim. I/We understand that if any information is false, misleading or incomplete, the insurer may "
          "refuse to pay the claim, cancel the policy and recover any sums already paid, and that details may be "
          "passed to fraud prevention agencies. I/We authorise the insurer and its appointed agents to obtain "
          "such information as they consider necessary, including from the police, utility companies and "
          "contractors.", 20)
    doc.p("**Data protection.** We will use the information on this form to assess and settle your claim, to "
          "prevent fraud and to meet our legal and regulatory obligations. We may share it with loss adjusters, "
          "suppliers, other insurers, the Claims and Underwriting Exchange and fraud prevention agencies. Our "
          "Privacy Notice (HL-PN-07) explains your rights.", 20)
    doc.fields([("Signature", 0.65), ("Date", 0.35)], 80)
    doc.fields([("Signature of joint policyholder", 0.65), ("Date", 0.35)], 80)
    doc.callout("Return this form to", "Home Claims, Harbourline Insurance, PO Box 4471, Bristol BS99 7ZZ. "
                "Please keep a copy for your records. Allow 10 working days for us to acknowledge receipt.")
    assert len(doc.pages) == 8, len(doc.pages)
    return doc.finish()


@artifact("home-claim-form", "Home insurance claim form (8 pages)", "form", "claim", "claim-report", "pdf",
          "Eight pages, posted back only. Section E asks again for what Section A asked; page 1 says 'complete "
          "ALL sections', including the theft section.",
          task=dict(text="Fill in this form for a burst pipe under Maya's kitchen sink.",
                    done_when="Sections A, B, C, E, F, G and H complete, Section D left blank, and the declaration "
                              "on page 8 signed and dated.",
                    customer_median_seconds=1380, customer_give_up_percent=31,
                    common_wrong_answer="Filling in Section D (theft) because page 1 says 'complete ALL sections', "
                                        "or skipping Section E because it repeats Section A; either gets the form "
                                        "sent back."))
def claim_form(rng):
    return claim_form_pages()


@artifact("claim-upload-timeout", "Online claim: session expired while uploading photos", "screenshot", "claim",
          "claim-report", "png", "Phone photos are HEIC and over 2 MB, so they are refused; 15 minutes later the "
          "session ends and the claim so far is lost.")
def upload_timeout(rng):
    c, y = screen("https://claims.harbourline.example/home/new/photos", "Report a claim – photos", "Claims")
    c.text(100, y + 28, "Step 5 of 9: Photos of the damage", 32, "bold", DEEP)
    card(c, (100, y + 100, 1340, 860))
    c.text(130, y + 130, "Upload up to 10 photos (JPG only, maximum 2 MB each)", 22)
    for i, (name, msg) in enumerate((("IMG_4471.HEIC", "File type not supported"),
                                     ("IMG_4472.HEIC", "File type not supported"),
                                     ("kitchen-floor.jpg", "File too large (4.8 MB)"))):
        yy = y + 190 + i * 90
        c.box((130, yy, 1310, yy + 70), fill=(252, 240, 240), line=(230, 190, 190), r=8)
        c.text(160, yy + 22, name, 21, "bold")
        c.text(1280, yy + 22, msg, 20, "sans", RED, "r")
    overlay = Image.new("RGB", c.im.size, (10, 20, 30))
    c.im = Image.blend(c.im, overlay, 0.55)
    c.d = ImageDraw.Draw(c.im)
    card(c, (420, 270, 1020, 700))
    c.text(720, 310, "Your session has expired", 34, "bold", DEEP, "m")
    c.para(470, 380, 500, "For your security, we signed you out after 15 minutes without activity. "
           "Information you had not submitted has **not been saved**.", 22)
    button(c, 590, 580, "Sign in again", True, 260)
    return c


@artifact("claim-acknowledgement", "Claim acknowledgement letter with four reference numbers", "letter", "claim",
          "claim-report", "png", "Four reference numbers to quote, a loss adjuster the customer has never heard "
          "of, and an instruction to keep the wet carpet until someone comes.")
def claim_ack(rng):
    doc = letter(MAYA, [("Claim number", "HC/26/0091837"), ("Date", "14 May 2026")], "HL-CLM-ACK3")
    doc.h1("We've received your claim", 38)
    doc.p("Dear Ms Okafor,", 23)
    doc.p("Thank you for reporting your claim for escape of water at your home on 11 May 2026. Please quote **all** "
          "of the following references in any correspondence:", 23)
    doc.kv([("Claim number", "HC/26/0091837"), ("Policy number", "HLH-4471-2096"),
            ("Incident reference", "INC-26-558120"), ("Loss adjuster reference", "MLS/BRS/26/7713")], 23)
    doc.p("We have appointed **Meridian Loss Services** to handle your claim on our behalf. They will contact you "
          "within 5 working days to arrange a visit.", 23)
    doc.callout("In the meantime", "Please do not dispose of any damaged items until the loss adjuster has "
                "inspected them. Please do not start any repairs other than emergency repairs needed to prevent "
                "further damage.", AMBER, (220, 150, 40), 23)
    doc.p("Your policy excess will be deducted from any settlement.", 23)
    sign(doc, "Sarah Whitfield", "Home Claims Handler", ["Claims leaflet HL-CLM-INF2"])
    return one_page(doc)


@artifact("assessor-texts", "Text messages from the loss adjuster", "screenshot", "claim", "claim-assessor", "png",
          "A 10-hour visiting window, a 'sorry we missed you' to a customer who stayed in all day, and a number "
          "that cannot take replies.")
def assessor_texts(rng):
    def head(s):
        y = status_bar(s, "17:53")
        s.box((0, y, s.w, y + 70), fill=(246, 246, 248))
        s.d.ellipse((170, y + 2, 220, y + 52), fill=(150, 158, 170))
        s.text(195, y + 12, "M", 24, "bold", WHITE, "m")
        s.text(195, y + 52, "MeridianLS", 13, "sans", INK, "m")
        return y + 90
    def a(s):
        y = head(s)
        y = bubble(s, y, "Meridian Loss Services: your appointment for claim MLS/BRS/26/7713 is on Tue 26 May "
                   "between 08:00 and 18:00. An adult must be present. Reply Y to confirm.", meta="Mon 18 May 09:02")
        y = bubble(s, y, "Y. I work nights, can you give me a time?", True, "Delivered")
        y = bubble(s, y, "Thank you. Your appointment is confirmed.", meta="09:03")
    def b(s):
        y = head(s)
        y = bubble(s, y, "Sorry we missed you today. Your appointment will be rescheduled. We will be in touch.",
                   meta="Tue 26 May 17:51")
        y = bubble(s, y, "I was in ALL day. Nobody came or called!", True, "Delivered")
        y = bubble(s, y, "This number cannot receive replies. Call 0117 496 0733 Mon-Fri 9am-5pm.", meta="17:52")
        y = bubble(s, y, "Your appointment for claim MLS/BRS/26/7713 is on Wed 10 Jun between 08:00 and 18:00.",
                   meta="Thu 28 May 11:20")
    return two_phones(a, b, (236, 232, 244))


def meridian_head(c):
    c.box((110, 70, 190, 150), fill=(70, 76, 96))
    c.text(150, 88, "M", 44, "serifb", WHITE, "m")
    c.text(210, 78, "MERIDIAN LOSS SERVICES", 32, "serifb", (70, 76, 96))
    c.text(210, 124, "Chartered loss adjusters, acting on behalf of Harbourline Insurance", 17, "serif", GREY)
    c.hline(110, 1130, 180, (70, 76, 96), 3)
    return 210


@artifact("adjuster-letter", "Loss adjuster's request for documents", "letter", "claim", "claim-assessor", "png",
          "Asks again for photos the customer gave the insurer on day one, because the adjuster 'has no access "
          "to the insurer's systems'. 21 days, or the file is closed.")
def adjuster_letter(rng):
    doc = letter(MAYA, [("Our reference", "MLS/BRS/26/7713"), ("Insurer", "Harbourline"), ("Date", "12 June 2026")],
                 "MLS-REQ-4", meridian_head, legal="Meridian Loss Services Ltd, 40 Temple Row, Bristol BS1 6ZZ. "
                 "0117 496 0733.")
    doc.h1("Information required", 36)
    doc.p("Dear Ms Okafor,", 23)
    doc.p("Further to our visit on 10 June 2026, in order to progress your claim we require the following:", 23)
    for i, s in enumerate(["Proof of ownership (receipts, bank statements or photographs) for **all** items "
                           "claimed.",
                           "A written report from your plumber confirming the cause of the escape of water.",
                           "Photographs of the damage. (We note you may have sent these to your insurer. Please "
                           "send them to us again, as we do not have access to the insurer's systems.)",
                           "The completed claim form, if not already sent to your insurer.",
                           "Your bank details on the enclosed form BD1."]):
        doc.c.text(doc.x + 6, doc.y, f"{i + 1}.", 22, "bold", (70, 76, 96))
        doc.p(s, 23, indent=40)
    doc.callout("Please reply within 21 days", "If we do not receive this information within 21 days of the date "
                "of this letter, we will assume you no longer wish to proceed and will close our file.",
                AMBER, (220, 150, 40), 23)
    sign(doc, "Rachel Hollis", "Claims Handler, Meridian Loss Services", ["Form BD1 (bank details)"])
    return one_page(doc)


@artifact("settlement-letter", "Claim settlement letter and form of acceptance", "letter", "claim",
          "claim-settlement", "pdf", "Three pages. The bold figure on page 1 is not what will be paid; average, "
          "betterment, the excess, the supplier and an interim payment are netted off on page 2.",
          task=dict(text="Work out how much money will reach Maya's bank account, and what she has to do first.",
                    done_when="£746.88, paid after she signs and returns the Form of Acceptance on page 3 (which "
                              "itself quotes £996.88 'less any interim payments').",
                    customer_median_seconds=660, customer_give_up_percent=18,
                    common_wrong_answer="£3,480.00, the 'agreed' figure in bold on page 1."))
def settlement(rng):
    doc = letter(MAYA, [("Claim number", "HC/26/0091837"), ("Date", "3 July 2026")], "HL-CLM-SET5")
    doc.h1("Settlement of your claim", 38)
    doc.p("Dear Ms Okafor,")
    doc.p("We are pleased to confirm that your claim for escape of water on 11 May 2026 has been agreed in the sum "
          "of **£3,480.00**.")
    doc.p("The settlement has been calculated in accordance with the terms and conditions of your policy, "
          "including the application of average, betterment, wear and tear and the policy excess, as set out in "
          "the enclosed Schedule of Settlement.")
    doc.p("Replacement flooring will be supplied and fitted by our approved supplier, Floorwise Ltd, who will "
          "contact you to arrange a date. The value of this replacement has been deducted from the cash "
          "settlement.")
    doc.p("To receive payment, please sign and return the enclosed Form of Acceptance. Payment will be made by "
          "BACS within 10 working days of receipt.")
    sign(doc, "Sarah Whitfield", "Home Claims Handler", ["Schedule of Settlement", "Form of Acceptance"])
    doc.new_page()
    doc.h1("Schedule of Settlement", 36)
    doc.table(["Item", "Claimed", "Deduction", "Net"], [
        ["Laminate flooring (tenant's improvements)", "1,640.00", "Betterment 12%  −196.80", "1,443.20"],
        ["Sofa, 3-seat (2022)", "899.00", "", "899.00"], ["Rug", "240.00", "", "240.00"],
        ["Small kitchen appliances", "310.00", "", "310.00"],
        ["Clothing and household linen", "391.00", "Wear and tear 40%  −156.40", "234.60"],
        ["Total", "3,480.00", "−353.20", "3,126.80"]], [0.42, 0.15, 0.28, 0.15], 18, "lrrr", True)
    doc.table(["Calculation", "£"], [
        ["Net agreed loss", "3,126.80"],
        ["Average: sum insured £24,000 ÷ value at risk £30,000 = 80%", "2,501.44"],
        ["Less excess (Escape of Water, endorsement HL22)", "−350.00"],
        ["Less replacement by approved supplier (80% of 1,443.20)", "−1,154.56"],
        ["Net cash settlement", "996.88"],
        ["Less interim payment (22/05/2026)", "−250.00"],
        ["Balance", "746.88"]], [0.78, 0.22], 19, "lr", True)
    doc.small("Average: where the sum insured is less than the full replacement value of the contents, the claim "
              "is reduced in the same proportion (see Definitions, policy wording HLW-H-2024-03). Betterment: a "
              "deduction for the improvement in condition resulting from replacement. Amounts in pounds sterling.",
              16)
    doc.new_page()
    doc.h1("Form of Acceptance", 36)
    doc.p("I/We accept the sum of **£996.88** (nine hundred and ninety-six pounds and eighty-eight pence), less any "
          "interim payments made, in full and final settlement of all claims arising from the incident of "
          "11/05/2026 under policy HLH-4471-2096, and I/we agree that the insurer shall have no further liability "
          "in respect of this incident.", 22)
    doc.fields([("Account holder", 1.0)])
    doc.fields([("Sort code", 0.4), ("Account number", 0.6)])
    doc.fields([("Signature", 0.65), ("Date", 0.35)], 80)
    doc.small("If you do not accept this settlement, please tell us within 28 days. You may also refer to our "
              "complaints procedure, details of which are in your policy wording.", 17)
    return doc.finish()
