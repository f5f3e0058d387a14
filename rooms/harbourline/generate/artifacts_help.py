"""Artifacts of the 'help' stage: help centre, chat assistant, phone numbers and a complaint."""
from artifact_doc import Doc
from artifact_drawing import DEEP, GREY, INK, LIGHT, RULE, TEAL, TINT, WHITE, font, wrap
from artifact_screens import search_icon
from artifacts_common import DEREK, card, letter, one_page, registry, screen, sign

ARTIFACTS = []
artifact = registry(ARTIFACTS)


@artifact("help-search-empty", "Help centre: no results for 'burst pipe'", "screenshot", "help", "help-online", "png",
          "The customer's words find nothing; the help centre knows this only as 'escape of water'. Popular "
          "topics are about privacy and marketing.")
def help_search(rng):
    c, y = screen("https://help.harbourline.example/search?q=burst+pipe+what+do+i+do", "Help centre", "Help")
    c.box((0, y, c.w, y + 230), fill=TINT)
    c.text(720, y + 40, "How can we help?", 42, "bold", DEEP, "m")
    c.box((320, y + 120, 1120, y + 190), fill=WHITE, line=TEAL, width=3, r=35)
    c.text(360, y + 140, "burst pipe what do i do", 26)
    search_icon(c, 1060, y + 136)
    c.text(320, y + 270, "0 results for 'burst pipe what do i do'", 30, "bold")
    c.text(320, y + 322, "Did you mean:  bust pipe what do i do", 22, "sans", TEAL)
    c.para(320, y + 372, 800, "Try checking your spelling, using fewer words or a different search term.", 21,
           "sans", GREY)
    c.text(320, y + 450, "Popular topics", 24, "bold", DEEP)
    for i, t in enumerate(["Our updated privacy notice", "Update your marketing preferences",
                           "Download the Harbourline app", "Changes to our website"]):
        c.text(340, y + 500 + i * 40, "›  " + t, 21, "sans", TEAL)
    c.text(720, 870, "Still need help? Call 0808 157 0400, Monday to Friday 9am to 5pm", 17, "sans", GREY, "m")
    return c


@artifact("chatbot", "Chat assistant at 9:47pm", "screenshot", "help", "help-online", "png",
          "Water is coming through the ceiling; the assistant offers 'update my address' and office hours.")
def chatbot(rng):
    c, y = screen("https://www.harbourline.example/help/contact", "Contact us", "Help")
    c.text(100, y + 40, "Help and support", 40, "bold", DEEP)
    for i in range(6):
        c.box((100, y + 120 + i * 90, 760, y + 190 + i * 90), fill=WHITE, line=RULE, r=10)
        c.text(130, y + 142 + i * 90, ["Make a payment", "Update my details", "View documents", "Renewals",
                                       "Claims", "Complaints"][i], 21)
    x0, x1, top = 820, 1400, y + 20
    c.box((x0, top, x1, 890), fill=WHITE, line=RULE, width=2, r=16)
    c.box((x0, top, x1, top + 70), fill=TEAL, r=16)
    c.box((x0, top + 40, x1, top + 70), fill=TEAL)
    c.text(x0 + 24, top + 20, "Harbi, your virtual assistant", 22, "bold", WHITE)
    msgs = [(False, "Hi, I'm Harbi. How can I help today? You can ask a question or choose an option."),
            (True, "water is coming through my kitchen ceiling from the flat upstairs, what do I do"),
            (False, "Sorry, I didn't quite understand that. Did you mean: Update my address, or Ceiling height "
                    "limits for extensions?"),
            (True, "talk to a person"),
            (False, "Our team is available Monday to Friday, 9am to 5pm. It is currently 21:47. Leave a message "
                    "and we'll reply within 3 working days.")]
    yy = top + 90
    for me, t in msgs:
        lines = wrap(t, 19, "sans", 390)
        bw = 30 + max(sum(font("sans", 19).getlength(sg) + g for sg, _, g in line) for line in lines)
        h = 20 + 26 * len(lines)
        bx = x1 - 20 - bw if me else x0 + 20
        c.box((bx, yy, bx + bw, yy + h), fill=TEAL if me else LIGHT, r=14)
        for i, line in enumerate(lines):
            c.segs(bx + 15, yy + 10 + i * 26, line, 19, "sans", WHITE if me else INK)
        yy += h + 14
    c.box((x0 + 20, 830, x1 - 20, 874), fill=WHITE, line=RULE, r=22)
    c.text(x0 + 40, 840, "Type your message", 18, "sans", GREY)
    return c


@artifact("contact-page", "Contact page: eight numbers, current wait 47 minutes", "screenshot", "help", "help-phone",
          "png", "Which of eight numbers is right for 'my claim and my renewal'? Most close at 5pm.")
def contact(rng):
    c, y = screen("https://www.harbourline.example/contact-us", "Contact us", "Help")
    c.text(100, y + 30, "Contact us", 42, "bold", DEEP)
    c.text(100, y + 92, "Before you call, have you tried our help centre?", 21, "sans", GREY)
    doc = Doc(canvas=c, x=100, y=y + 140, w=900, bottom=890)
    doc.table(["What it's about", "Number", "Open", "Wait now"], [
        ["New claim (emergencies)", "0808 157 0401", "24 hours", "6 min"],
        ["Existing claim", "0808 157 0402", "Mon–Fri 9–5", "47 min"],
        ["Change your policy", "0808 157 0403", "Mon–Fri 9–5, Sat 9–1", "32 min"],
        ["Payments", "0808 157 0404", "Mon–Fri 9–5", "18 min"],
        ["Renewals", "0808 157 0408", "Mon–Fri 9–5", "41 min"],
        ["Legal helpline", "0808 157 0405", "Mon–Fri 9–8", "–"],
        ["Home emergency", "0808 157 0406", "24 hours", "–"],
        ["Complaints", "0808 157 0407", "Mon–Fri 9–5", "25 min"]], [0.34, 0.22, 0.28, 0.16], 19, "lllr", row_h=52)
    card(c, (1040, y + 140, 1340, 620))
    c.para(1066, y + 166, 250, "Calls to 0808 numbers are free from mobiles and landlines.", 19)
    c.para(1066, y + 260, 250, "We're busiest on Monday mornings and at lunchtime.", 19)
    c.para(1066, y + 354, 250, "Calls may be recorded for training and monitoring.", 17, "sans", GREY)
    return c


@artifact("complaint-response", "Final response to a complaint about a 52-minute wait", "letter", "help",
          "help-phone", "png", "Polite, long and partly upheld: £25 for an hour on hold and a dropped transfer.")
def complaint(rng):
    doc = letter(DEREK, [("Complaint reference", "CR-26-04417"), ("Date", "27 April 2026")], "HL-CR-FR1")
    doc.h1("Our final response", 36)
    doc.p("Dear Mr Lindqvist,", 23)
    doc.p("Thank you for your call of 3 March 2026 about the time it took to reach our Renewals Team. I am sorry "
          "for the delay in sending this response.", 23)
    doc.p("Having reviewed our call records, I can confirm that your call was answered after 52 minutes and "
          "transferred to our Renewals Team, during which the call was disconnected. Our aim is to answer calls "
          "within two minutes; during this period we experienced higher than usual call volumes.", 23)
    doc.p("**I do not uphold** your complaint that the call was ended deliberately. **I do uphold** your complaint "
          "about the waiting time, and I have arranged a payment of £25.00 as a gesture of goodwill.", 23)
    doc.p("This is our final response. If you remain dissatisfied, you may refer your complaint to the Financial "
          "Ombudsman Service within six months of the date of this letter. Their service is free; the enclosed "
          "leaflet explains how to contact them.", 23)
    sign(doc, "Helen Ashworth", "Complaints Resolution Team", ["Financial Ombudsman Service leaflet"])
    return one_page(doc)
