"""Artifacts of the 'change' stage: changing the car and the address."""
from artifact_doc import Doc
from artifact_drawing import AMBER, DEEP, GREY, LIGHT, RED, TEAL, brand
from artifact_screens import button, field
from artifacts_common import DEREK, app_bar, email, letter, one_page, registry, sign, two_phones

ARTIFACTS = []
artifact = registry(ARTIFACTS)


@artifact("change-car-app", "App: changing the car ends in 'please call'", "screenshot", "change", "change-vehicle",
          "png", "Six screens in, at 10:15pm, the app gives up and asks for a call in office hours.")
def change_car(rng):
    def a(s):
        y = app_bar(s, "Change your car", when="22:15")
        field(s, 24, y, 340, "Registration of your new car", "KY19 ZZT", size=18)
        s.box((24, y + 120, 364, y + 230), fill=LIGHT, r=10)
        s.text(40, y + 136, "KIA PICANTO 1.0 2", 18, "bold")
        s.text(40, y + 166, "2019  ·  Petrol  ·  998cc", 16, "sans", GREY)
        s.text(40, y + 194, "Is this your car?  Yes", 16, "bold", TEAL)
        field(s, 24, y + 250, 340, "Date of change", "Tomorrow, 23 Jun", size=18)
        button(s, 24, y + 390, "Continue", True, 340, 52, 20)
    def b(s):
        y = app_bar(s, "Change your car", when="22:16")
        s.d.ellipse((145, y + 10, 245, y + 110), fill=(252, 232, 232))
        s.text(195, y + 26, "!", 50, "bold", RED, "m")
        s.para(24, y + 140, 340, "We can't make this change online", 24, "bold", DEEP, 1.3)
        s.para(24, y + 220, 340, "Some changes need to be made by phone. Please call us on **0808 157 0403**, "
               "Monday to Friday 9am to 5pm, Saturday 9am to 1pm.", 18)
        s.text(24, y + 380, "Error code MTA-ERR-12", 15, "mono", GREY)
        button(s, 24, y + 420, "Back to my policies", False, 340, 52, 19)
    c = two_phones(a, b)
    return c


@artifact("mta-letter", "Mid-term adjustment letter", "letter", "change", "change-vehicle", "png",
          "'MTA', 'AP', 'pro rata', 'CPA': a car change explained in underwriting shorthand, with a £25 fee.")
def mta(rng):
    doc = letter(DEREK, [("Policy number", "HLM-1187-0034"), ("Date", "9 May 2026")], "HL-MTA-02")
    doc.h1("Mid-Term Adjustment (MTA) confirmation", 36)
    doc.p("Dear Mr Lindqvist,", 23)
    doc.p("Following your instructions on 2 May 2026, we have amended your policy as follows with effect from "
          "00:01 on 09/05/2026:", 23)
    doc.kv([("Vehicle removed", "VOLVO V60 D4 SE (WR15 ZZK)"), ("Vehicle added", "SKODA OCTAVIA ESTATE 1.5 TSI SE L "
            "(WR22 ZZD)")], 23)
    doc.table(["", "Amount"], [["Additional premium (AP), pro rata 36 days", "£46.20"], ["IPT at 12%", "£5.54"],
                               ["Administration fee", "£25.00"], ["Total", "£76.74"]], [0.7, 0.3], 21, "lr", True)
    doc.p("This amount will be collected under your continuous payment authority (CPA) from the card ending 0093 "
          "within 5 working days. Your Certificate of Motor Insurance CMI/26/0441187 is enclosed. Your previous "
          "certificate is no longer valid and must be destroyed.", 23)
    doc.callout("Please check", "Modifications: none declared. Kept overnight: on driveway. Annual mileage: 6,000. "
                "Class of use: SDP excluding commuting. If any of these are incorrect your cover may be affected.",
                AMBER, (220, 150, 40), 23)
    sign(doc, "Alan Mercer", "Policy Services", ["Certificate of Motor Insurance CMI/26/0441187", "Updated schedule"])
    return one_page(doc)


@artifact("address-change-form", "Change of address form CR7", "form", "change", "change-address", "png",
          "One form per policy, no e-mail, 10 working days, and the same questions the quote asked, plus the policy "
          "number twice. Half-filled by the customer.")
def address_form(rng):
    def head(c, i):
        brand(c, 110, 70, 72)
        c.text(1130, 80, "Change of address", 34, "bold", DEEP, "r")
        c.text(1130, 126, "(change of risk)  Form CR7", 20, "sans", GREY, "r")
        c.hline(110, 1130, 168, TEAL, 4)
        return 196
    doc = Doc(head, "HL-CR7 v4", bottom=1630)
    doc.small("Please complete one form for each policy you hold with us. Allow 10 working days. We cannot accept "
              "changes by e-mail. You are not covered at your new address until we confirm in writing.", 17)
    doc.section("1  Your policy")
    doc.comb("Policy number", 12, "HLH55203317")
    doc.fields([("Full name", 1.0, "PRIYA RAMAN")])
    doc.section("2  Addresses")
    doc.fields([("Current address", 0.75, "14 MILLBROOK AVE KETTERING"), ("Postcode", 0.25, "NN15 6ZZ")])
    doc.fields([("New address", 0.56, "3 THE MALTINGS, BARTON S."), ("Postcode", 0.2, "NN15 6ZY"),
                ("Date you move", 0.24, "20/06/2026")])
    doc.section("3  Your new home")
    doc.checks("Is the new property of standard construction?", ["Yes", "No"])
    doc.checks("Has it been underpinned, or shown signs of subsidence, heave or landslip?", ["Yes", "No"])
    doc.fields([("Year built", 0.34, ""), ("Bedrooms", 0.33, ""), ("% flat roof", 0.33, "")])
    doc.comb("Please confirm your policy number", 12)
    doc.fields([("Signature", 0.65, ""), ("Date", 0.35, "")])
    return one_page(doc)


@artifact("address-change-email", "'We've received your change request' e-mail", "email", "change",
          "change-address", "png", "Two days before the move: 10 working days to process, not covered at the new "
          "address until then, and every other policy needs its own request.")
def address_email(rng):
    c, doc = email("We've received your change request (ref CHG-88412)", "Harbourline Insurance",
                   "noreply@harbourline.example", "Priya Raman", "Thu 18 Jun, 07:55", 11)
    doc.p("Dear Mrs Raman,", 22)
    doc.p("Thank you for letting us know you are moving. We aim to process your request within **10 working "
          "days**.", 21)
    doc.callout("Please note", "Until we confirm the change in writing, your policy only covers your current "
                "address. If you have already moved, please call us on 0808 157 0403.", AMBER, (220, 150, 40), 20)
    doc.p("If you hold other policies with us (for example car insurance), you need to tell us about each one "
          "separately.", 21)
    doc.small("Please do not reply to this e-mail. Replies are not read.")
    return c
