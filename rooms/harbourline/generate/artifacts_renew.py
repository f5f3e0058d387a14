"""Artifacts of the 'renew' stage: the renewal notice, the price rise and cancelling."""
from artifact_drawing import DEEP, GREY, RED
from artifact_screens import button
from artifacts_common import DEREK, PRIYA, card, email, letter, one_page, registry, screen, sign

ARTIFACTS = []
artifact = registry(ARTIFACTS)


@artifact("renewal-notice", "Home renewal notice (4 pages)", "notice", "renew", "renew-notice", "pdf",
          "Page 1: 'you don't need to do anything' and 'Excess £100'. The 37% price rise is on page 3; the "
          "real escape-of-water excess is in an endorsement on page 4.",
          task=dict(text="Find what Derek would pay himself (the total excess) if a pipe burst in his kitchen.",
                    done_when="£700: the £450 escape of water excess (endorsement HL-EW3, page 4) plus the £250 "
                              "voluntary excess (page 3).",
                    customer_median_seconds=840, customer_give_up_percent=23,
                    common_wrong_answer="£100, the excess shown in the summary box on page 1."))
def renewal(rng):
    doc = letter(DEREK, [("Policy number", "HLH-1187-0033"), ("Date", "10 May 2026")], "HL-RN-07/26")
    doc.h1("Your home insurance renewal")
    doc.p("Dear Mr Lindqvist,")
    doc.p("Thank you for being a Harbourline customer. Your home insurance will **renew automatically** on "
          "14 June 2026, so you don't need to do anything.")
    doc.callout("At a glance", "Cover: Premier Plus Buildings and Contents.  Renewal date: 14 June 2026.  "
                "Excess: £100.  Payment: annually, by card ending 0093.", size=24)
    doc.p("Details of your premium and any changes to your cover are set out in the enclosed documents. Please "
          "read them carefully to make sure your cover still meets your needs.")
    sign(doc, "Mark Penrose", "Head of Renewals", ["Renewal schedule", "Policy wording HLW-H-2026-01"])
    doc.new_page()
    doc.h1("Your cover", 36)
    doc.table(["Section", "Limit"], [["Buildings", "£1,000,000"], ["Contents", "£100,000"],
                                     ["Valuables (single article)", "£1,500"], ["Personal possessions", "£5,000"],
                                     ["Accidental damage", "Included"], ["Home emergency", "Included"]], [0.6, 0.4],
              22, "lr")
    doc.h2("What's changed this year")
    doc.p("We have updated our policy wording to HLW-H-2026-01. The main changes are: the definition of "
          "Unoccupied has been amended; the single article limit for Valuables has been reduced from £2,500 to "
          "£1,500; and the Escape of Water excess has changed (see Endorsements).", 21)
    doc.new_page()
    doc.h1("Your premium", 36)
    doc.table(["", "Amount"], [["Last year's premium", "£436.20"], ["This year's premium", "£598.74"]],
              [0.7, 0.3], 22, "lr", True)
    doc.p("Prices include Insurance Premium Tax at 12%. Premiums are calculated using a wide range of factors, "
          "including claims costs, inflation, reinsurance costs and changes to your risk profile.", 21)
    doc.kv([("Voluntary excess", "£250, chosen by you in 2011. It applies in addition to any compulsory excess."),
            ("Payment", "We will take £598.74 from your card ending 0093 on or after 14 June 2026.")], 21, 0.32)
    doc.new_page()
    doc.h1("Endorsements and excesses", 36)
    for code, text in (("HL-EW3  Escape of water", "In respect of loss or damage caused by Escape of Water, the "
                        "Compulsory Excess shall be £450 in place of the Compulsory Excess shown in the Schedule. "
                        "Any Voluntary Excess applies in addition."),
                       ("HL-SUB1  Subsidence", "The Excess for loss or damage caused by subsidence, heave or "
                        "landslip is £1,000."),
                       ("HL-UNO2  Unoccupancy", "Cover for Escape of Water, Theft and Malicious Damage is "
                        "suspended while the Home is Unoccupied.")):
        doc.h2(code, 22, DEEP)
        doc.p(text, 18)
    doc.small("If you do not want to renew, please tell us before the renewal date. If you cancel after renewal, "
              "a cancellation fee of £45 applies and we will charge for the time you have been covered. All "
              "excesses are applied per claim and per incident. Where more than one excess applies to the same "
              "incident, the excesses are added together. Compulsory excesses cannot be reduced or removed. "
              "Endorsements shown on this page take precedence over the policy wording and the schedule. "
              "Continuous payment authority: by allowing automatic renewal you authorise us to take the renewal "
              "premium from the card we hold; you may withdraw this authority at any time by calling 0808 157 0408.",
              15)
    return doc.finish()


@artifact("renewal-email", "'Good news, your cover continues' e-mail", "email", "renew", "renew-notice", "png",
          "Friendly and short, and the only thing it leaves out is the new price.")
def renewal_email(rng):
    c, doc = email("Good news, Derek: your cover continues automatically", "Harbourline Insurance",
                   "noreply@harbourline.example", "derek.l", "Sun 10 May, 06:30", 1)
    doc.p("Hi Derek,", 24)
    doc.c.text(doc.x, doc.y, "No need to do a thing.", 46, "bold", DEEP)
    doc.gap(80)
    doc.p("Your home insurance renews on **14 June 2026** and we'll take payment from your saved card, so you stay "
          "protected without lifting a finger.", 23)
    button(c, doc.x, doc.y + 10, "View my renewal documents", True, 380)
    doc.gap(100)
    doc.p("Thank you for being with us for 19 years.", 23)
    doc.small("To view your documents you'll need to log in to My Harbourline. Please do not reply to this e-mail.")
    return c


@artifact("price-query-reply", "Reply to 'why has my price gone up?'", "letter", "renew", "renew-price", "png",
          "'Rating factors', 'ENBP', 'commercially sensitive': no reason a customer of 19 years can follow, and "
          "£15 off.")
def price_reply(rng):
    doc = letter(DEREK, [("Policy number", "HLH-1187-0033"), ("Date", "29 May 2026")], "HL-PR-REP2")
    doc.h1("Your renewal premium", 36)
    doc.p("Dear Mr Lindqvist,", 23)
    doc.p("Thank you for your letter of 20 May asking why your premium has increased from £436.20 to £598.74, "
          "while a new customer was quoted £402.15 online for the same property.", 23)
    doc.p("Our premiums are calculated using a wide range of rating factors, including claims inflation, "
          "weather-related claims and reinsurance costs. Since 1 January 2022, renewing customers may not be "
          "charged more than the equivalent new business price (ENBP) through the same sales channel. Your "
          "renewal price has been checked against the ENBP and complies with these rules.", 23)
    doc.p("The online quote you obtained may differ because it was based on different assumptions, for example "
          "Essentials cover and a £500 voluntary excess. We are unable to provide a breakdown of the rating "
          "factors, as this information is commercially sensitive.", 23)
    doc.p("As a gesture of goodwill, we have applied a discount of £15.00, reducing your premium to £583.74.", 23)
    sign(doc, "Daniel Okoro", "Customer Relations")
    return one_page(doc)


@artifact("cancel-page", "My Harbourline: no way to cancel online", "screenshot", "renew", "renew-cancel", "png",
          "Every change except leaving is a button; cancelling is a phone call in office hours, with a £45 fee.")
def cancel_page(rng):
    c, y = screen("https://www.harbourline.example/account/policies/HLM-5520-3318", "Manage my policy")
    c.text(100, y + 30, "Manage my policy", 40, "bold", DEEP)
    card(c, (100, y + 100, 620, y + 300))
    c.text(130, y + 126, "Car insurance", 26, "bold")
    c.text(130, y + 170, "HLM-5520-3318  ·  FORD TRANSIT CUSTOM", 19, "sans", GREY)
    c.text(130, y + 210, "Renews 12 April 2027", 19)
    for i, t in enumerate(["Change my address", "Change my car", "Add a driver", "Update payment details",
                           "Renewal preferences"]):
        button(c, 100, y + 330 + i * 72, t, False, 520, 56, 20)
    card(c, (680, y + 100, 1340, y + 640))
    c.text(710, y + 126, "Frequently asked questions", 24, "bold", DEEP)
    c.text(710, y + 180, "▾  How do I cancel my policy?", 22, "bold")
    c.para(740, y + 224, 570, "You can't cancel your policy online. Please call our Customer Care Team on "
           "0808 157 0408, Monday to Friday, 9am to 5pm.", 20)
    c.para(740, y + 330, 570, "If you cancel after the 14-day cooling-off period, a **cancellation fee of £45** "
           "applies and we will charge for the time you have been covered. If you pay monthly, any outstanding "
           "balance on your credit agreement must be paid in full.", 20)
    for i, t in enumerate(["▸  Can I transfer my no claims discount?", "▸  When will I get my refund?"]):
        c.text(710, y + 500 + i * 50, t, 21)
    return c


@artifact("cancellation-statement", "Final statement after cancelling: £78.50 to pay", "invoice", "renew",
          "renew-cancel", "png", "She asked to cancel on 2 September; the policy ran until the signed form "
          "arrived on 30 September. The bill threatens debt collection.")
def cancel_statement(rng):
    doc = letter(PRIYA, [("Policy number", "HLM-5520-3318"), ("Date", "2 October 2026")], "HL-FS-01")
    doc.h1("Final account statement", 36)
    doc.p("Dear Mrs Raman,", 23)
    doc.p("Your car insurance policy was cancelled on **30 September 2026**, the date we received your signed "
          "cancellation form.", 23)
    doc.table(["", "Amount"], [["Premium for time on cover (13 Apr to 30 Sep, 171 days)", "£612.40"],
                               ["Cancellation fee", "£45.00"], ["Less payments received", "−£578.90"],
                               ["Balance due", "£78.50"]], [0.75, 0.25], 21, "lr", True)
    doc.p("Please pay the balance within 14 days at harbourline.example/pay or by calling 0808 157 0404.", 23)
    doc.callout("If you do not pay", "We may pass your account to a debt recovery agency, which may affect your "
                "credit rating.", (252, 232, 232), RED, 23)
    sign(doc, "Customer Accounts Team", "Harbourline Insurance")
    return one_page(doc)
