"""Word lists and verbatim fragments for the Harbourline sample room (used by make_data.py).

All text is fictional. Phone numbers use Ofcom's drama ranges (07700 900xxx, 01632 960xxx)
and e-mail addresses use reserved example domains.
"""

FIRST_NAMES = [
    "Aisha", "Alan", "Amelia", "Andrew", "Angela", "Arjun", "Barbara", "Ben", "Bethan", "Bilal",
    "Carol", "Catriona", "Chloe", "Chidi", "Colin", "Connor", "Daniel", "Deborah", "Declan", "Eilidh",
    "Eleanor", "Emeka", "Emma", "Fatima", "Gareth", "Grace", "Hannah", "Harpreet", "Ian", "Imran",
    "Isla", "Jack", "Jacqueline", "James", "Jasmine", "Joanne", "Kamala", "Karen", "Kwame", "Laura",
    "Lewis", "Lucy", "Malcolm", "Margaret", "Mohammed", "Nadia", "Niamh", "Oliver", "Owen", "Patricia",
    "Paul", "Rhys", "Rosemary", "Sadia", "Sam", "Sean", "Shona", "Sophie", "Stuart", "Tariq",
    "Tomasz", "Una", "Victoria", "Wei", "Yusuf", "Zara",
]

SURNAMES = [
    "Adebayo", "Ahmed", "Ali", "Anderson", "Armstrong", "Bailey", "Begum", "Bennett", "Brennan", "Brown",
    "Campbell", "Chaudhry", "Clarke", "Collins", "Cooper", "Davies", "Doyle", "Edwards", "Evans", "Fernandes",
    "Fletcher", "Gallagher", "Grant", "Green", "Hall", "Harris", "Hughes", "Hussain", "Jenkins", "Jones",
    "Kaur", "Kelly", "Khan", "Kowalski", "Lewis", "Lloyd", "MacDonald", "McKenzie", "Mensah", "Mitchell",
    "Morgan", "Murphy", "Nowak", "O'Brien", "Okoro", "Owen", "Parry", "Patel", "Price", "Reid",
    "Roberts", "Robertson", "Shah", "Singh", "Smith", "Stewart", "Taylor", "Thomas", "Thompson", "Walker",
    "Wang", "Watson", "Williams", "Wilson", "Wright", "Young",
]

EMAIL_DOMAINS = ["example.co.uk", "example.com", "example.net", "example.org", "mail.example"]

PERILS = [
    "burst pipe", "storm damage to the roof", "kitchen flood", "break-in", "fallen tree",
    "leak under the bath", "car crash", "theft of my catalytic converter", "hailstorm",
    "bump in the supermarket car park", "fire in the garage", "subsidence crack",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
ORDINALS = ["2nd", "5th", "9th", "12th", "14th", "18th", "21st", "23rd", "27th"]

# The heart of each verbatim: what went wrong, per complaint category.
CORE = {
    "Quote website problems": [
        "Your quote page crashed at the very last step, after I had typed in twenty minutes of details.",
        "The online quote kept telling me my postcode was not recognised, and I have lived here {years} years.",
        "Every time I went back to correct my mileage the whole quote form emptied itself.",
        "The website asked for my no-claims years three times and then showed an error code instead of a price.",
        "On my phone the date picker would not let me choose a start date, so I could not finish the quote.",
        "The 'saved quote' link you e-mailed me just says my session has expired.",
    ],
    "Misleading cover information": [
        "The comparison page said accidental damage was included, but the policy wording says it is an extra.",
        "Your website told me legal cover was standard; it was not, and I only found out when I needed it.",
        "The summary promised 'new for old' but the small print excludes anything older than five years.",
        "I compared three insurers and yours was the only one where I could not tell what the excess really was.",
        "Your advert shows a courtesy car as standard, but my policy says only if an approved garage does the repair.",
    ],
    "Price not as advertised": [
        "The price on the comparison site was £{small} lower than the price I got when I clicked through.",
        "The quote went up by £{small} on the final page once you added charges you had never mentioned.",
        "You advertised a monthly price, but with interest the total is far more than paying in one go.",
        "The online price changed between {weekday} and the next morning without me changing a single detail.",
    ],
    "Documents not received": [
        "I paid on {weekday} and still have no certificate, so I cannot prove I am insured.",
        "The confirmation e-mail never arrived and the website says my documents are 'being prepared'.",
        "My welcome pack has still not arrived {days} days after I bought the policy.",
        "The documents you posted to me were addressed to somebody else.",
        "I needed my motor certificate to tax the car and nobody could send it to me.",
        "The link to download my documents opens a blank page.",
    ],
    "Broker delays": [
        "My broker sent everything to you on the {ordinal} and I still had no cover {days} days later.",
        "The broker says it is waiting for Harbourline and Harbourline says it is waiting for the broker.",
        "I could not collect my new van because the cover was not in force yet.",
        "Your underwriters asked my broker the same question twice, a week apart.",
    ],
    "Payment failed at checkout": [
        "The payment page declined my card three times and then took the money twice.",
        "Checkout froze after I entered my card details and I had no idea whether I was covered.",
        "The bank check screen timed out and I had to start the whole quote again.",
        "I was charged, but the website told me the payment had failed.",
    ],
    "Jargon in letters": [
        "Your letter talks about 'subrogation' and 'average' and I have no idea what either means for me.",
        "I read the letter twice and still could not work out whether my cover had changed.",
        "Four pages of legal language, and the one thing I wanted to know, my excess, is not in it.",
        "My mother is 84 and could not understand a word of the letter you sent her.",
        "The letter says I must check my 'statement of fact' but never tells me what that is.",
    ],
    "Wrong amount taken": [
        "You took £{amount} by direct debit when my schedule says £{small} a month.",
        "The first direct debit was taken twice in the same week and now my account is overdrawn.",
        "You collected the whole year's premium when I chose to pay monthly.",
        "The amount taken from my account does not match anything on my paperwork.",
    ],
    "Cover details wrong": [
        "My schedule shows the wrong registration, so as far as I can tell I am not insured.",
        "You have my date of birth wrong on the policy and it has changed my price.",
        "The policy shows a £1,000 excess when I chose £250 when I bought it.",
        "My husband was meant to be a named driver and he is not on the certificate.",
    ],
    "Changes not made": [
        "I told you about my new car on the phone and {weeks} weeks later the old one is still on my policy.",
        "I changed my address online, got a confirmation, and the renewal still went to my old house.",
        "I have asked three times for my son to be added as a driver and each time I am told it is done.",
        "The change I made in the app simply disappeared.",
        "I moved house in {month} and my home cover is still for the old address.",
    ],
    "Unexpected price change": [
        "I moved two streets away and my premium went up by £{small} without anyone warning me.",
        "Changing my car cost a £{fee} fee plus an extra premium I was never quoted.",
        "I was told on the phone the change was free, then a letter arrived asking for £{small} more.",
        "Adding a driveway to my address made my price go up, which makes no sense at all.",
    ],
    "Admin fee for changes": [
        "Paying £{fee} to correct a typing mistake your own agent made is outrageous.",
        "Why is there an admin fee to change my address when I did all the work online myself?",
        "I was charged £{fee} for one change and another £{fee} when you got it wrong.",
    ],
    "Claim form too complicated": [
        "The claim form is eight pages long and asks for my policy number on every one of them.",
        "I had to describe the {peril} three times on three different forms.",
        "The online claim form asked me about a car when I was claiming for my kitchen.",
        "I gave up on the claim form halfway through and rang instead, and had to start again on the phone.",
        "You asked for receipts for things that were ruined in the water, which is the whole point.",
        "The form timed out while I was uploading photos of the damage and lost everything I had typed.",
        "I needed my policy number, my bank details, a crime reference and photos before I could even start.",
    ],
    "Transferred between teams": [
        "I was transferred {times} times on my first call and explained the {peril} from the start each time.",
        "Every person I spoke to said reporting the {peril} was another team's job.",
        "The first agent put me through to claims, and claims said I should have called the home team.",
        "I spent {minutes} minutes on the phone just to report the claim and still ended with no claim number.",
        "Nobody on the first call could tell me what happens next; they just kept passing me on.",
        "I was cut off during the third transfer and had to ring back and queue all over again.",
    ],
    "Assessor did not turn up": [
        "I took a day off work for the assessor and nobody came.",
        "The assessor was booked for {weekday} morning, did not arrive, and nobody rang to say why.",
        "This is the second appointment the assessor has missed.",
        "The assessor came a day early while I was at work and then marked my claim 'no access'.",
        "I waited in all day with a tarpaulin over the roof and no assessor.",
    ],
    "Slow settlement": [
        "It has been {weeks} weeks since the {peril} and I have not been paid a penny.",
        "My car was written off {weeks} weeks ago and I still have no settlement offer.",
        "Every time I call I am told my claim is 'with the settlement team'.",
        "We are living with a dehumidifier in the living room while you take your time.",
        "The builder will not start until you approve the estimate, and you have had it for a month.",
    ],
    "Settlement amount disputed": [
        "Your offer for my written-off car is £{amount} below what the same model sells for.",
        "You deducted 'wear and tear' from a carpet that was two years old.",
        "The settlement ignores half the items on my list and does not explain why.",
        "You offered me £{amount} for a repair my builder quoted at double that.",
    ],
    "No update on my claim": [
        "Nobody has told me anything about my claim for {weeks} weeks.",
        "I have left four messages for my claims handler and none have been returned.",
        "The online claim tracker has said 'in progress' since the day I reported the {peril}.",
        "I only found out my claim had been closed when my garage told me.",
    ],
    "Long wait on the phone": [
        "I waited {minutes} minutes on hold before anybody answered.",
        "The recorded message told me to use the website, and the website told me to call you.",
        "I rang on my lunch break three days running and never got through.",
        "I was on hold for over an hour listening to the same eight bars of music.",
    ],
    "Could not find the answer online": [
        "Your help pages do not say whether I am covered for a fence that blew down.",
        "The chat assistant kept giving me the same three links, none of them about my question.",
        "I searched the help pages for 'change my car' and got an article about travel cover.",
        "I could not find anywhere online how to add a driver, so in the end I had to call.",
    ],
    "Rude or unhelpful staff": [
        "The agent sighed at me and said there was nothing she could do.",
        "I was told I should have read my policy more carefully, in a very condescending way.",
        "The person I spoke to hung up when I asked for a manager.",
    ],
    "Renewal price rise": [
        "My renewal has gone up by {pct}% and nothing about me, my house or my car has changed.",
        "Last year I paid £{small2}; this year you want £{raised}.",
        "The renewal notice shows a rise of {pct}% and does not say why.",
        "I have made no claims at all and my premium has still jumped by £{small}.",
        "You blame storms and inflation, but {pct}% in one year is not reasonable.",
    ],
    "Loyalty penalty": [
        "I have been with you {years} years and a new customer is quoted less than me for the same cover.",
        "I got a quote on your own website as a new customer and it was £{small} cheaper.",
        "Loyalty clearly counts for nothing at Harbourline.",
        "Only when I said I was leaving did the price suddenly come down, which tells me it was never fair.",
    ],
    "Hard to cancel": [
        "I asked to cancel three times before anybody actually did it.",
        "You tried to sell me a 'better deal' for twenty minutes when I had simply asked to cancel.",
        "There is no way to cancel online; I had to phone and wait.",
        "I cancelled in writing and you still took another direct debit.",
    ],
    "Auto-renewed without asking": [
        "My policy renewed automatically even though I had told you I was leaving.",
        "I only found out the policy had renewed when £{amount} left my account.",
        "I never agreed to automatic renewal and the notice arrived after the date.",
    ],
}

# Optional scene-setting sentence per stage.
OPENERS = {
    "find": ["I was shopping around for home insurance.", "I was looking for car insurance for my daughter.",
             "A friend recommended you, so I tried your website first."],
    "buy": ["I bought a motor policy online last week.", "I have just switched my home insurance to you.",
            "I bought cover through my broker this month."],
    "start": ["I became a customer last month.", "I joined Harbourline in {month}.",
              "I am new to Harbourline and this is not a good start."],
    "change": ["I needed to update my policy.", "I made a change to my policy last month.",
               "All I wanted was to keep my policy up to date."],
    "claim": ["I am writing about my claim for the {peril}.", "I reported a claim after the {peril}.",
              "This is about the {peril} we had in {month}.", "I have never claimed before in {years} years."],
    "help": ["I had a simple question about my policy.",
             "I wanted to know if I was covered before booking a repair.", "I needed a copy of my certificate."],
    "renew": ["My renewal notice arrived this week.", "I have been a customer for {years} years.",
              "I am writing about my renewal."],
}

FEELINGS = [
    "I am really disappointed.", "Frankly it is exhausting.", "I feel like a number, not a customer.",
    "It has caused us a lot of stress.", "I expected much better from you.", "This is simply not good enough.",
    "I have lost a day's pay over this.", "My partner thinks I should just leave.",
    "I am furious, to be honest.", "It should not be this hard.",
    "I am a nurse on shifts and I do not have time for this.",
    "I run a small business and every hour counts.", "I am 78 and this has worn me out.",
]

ASKS = [
    "Please call me back.", "I want someone to explain this properly.", "Please just sort it out.",
    "I would like an apology and a refund.", "Can someone who can actually decide get in touch?",
    "I want to know what happens next.", "If this is not fixed I will be moving my policies.",
    "I will be telling everyone I know about this.", "Please put this right before my renewal.",
]

OMBUDSMAN_ASKS = [
    "I have now referred this to the Financial Ombudsman Service.",
    "The Ombudsman has my complaint because your final response did not deal with it.",
    "I took this to the Ombudsman after eight weeks without a proper answer.",
]

SOCIAL_OPENERS = ["Shocking service from Harbourline.", "Harbourline, seriously?", "Avoid Harbourline.",
                  "Still waiting, Harbourline.", "Anyone else having this with Harbourline?"]

# Personal data customers write into complaints; the privacy mask must hide it on the walls.
PII = {
    "name": ["My name is {name}.", "This is {name}, the policyholder.", "Regards, {name}."],
    "email": ["Please reply to {email}.", "I have e-mailed you from {email} three times.",
              "You can write to me at {email}."],
    "phone": ["Call me on {phone}.", "My number is {phone}; I cannot keep ringing you.",
              "I am on {phone} after six."],
    "policy": ["My policy number is {policy}.", "(Policy {policy}.)", "The policy is {policy}."],
    "card": ["You took the money from my card ending {card4}.", "The card used was 4929 **** **** {card4}.",
             "Please refund the card ending {card4}."],
}

# ---------------------------------------------------------------- sessions.toml content
# Texts with {placeholders} are filled by make_data.py from the generated data, so the
# minutes quote the same numbers the walls show.

LEADERS = {
    "Ruth Adeyemi": ("Chief Operating Officer", "operations"),
    "Hamish Rennie": ("Claims Director", "claims"),
    "Sunita Bhatt": ("Chief Underwriting Officer", "underwriting"),
    "Tom Achterberg": ("Chief Digital Officer", "digital"),
    "Gemma Wardle": ("Customer Service Director", "service"),
    "Alistair Munro": ("Chief Financial Officer", "billing"),
    "Leah Castellano": ("Marketing Director", "marketing"),
    "Nikhil Sharma": ("Sales & Broker Director", "sales"),
    "Fiona Doherty": ("General Counsel", "legal"),
}

CONVERSATIONS = ["Did we earn the right to customer growth?", "Care about customers' lives: walk the journey",
                 "Focus, prioritise, commit", "Drive accountability and reward the middle"]

# The first session's dot vote: voter -> {priority: dots}; three dots each.
FIRST_VOTES = {
    "Ruth Adeyemi": {"simple-claim-report": 2, "assessor-on-the-day": 1},
    "Hamish Rennie": {"simple-claim-report": 1, "assessor-on-the-day": 2},
    "Sunita Bhatt": {"fair-renewal-price": 2, "simple-claim-report": 1},
    "Tom Achterberg": {"simple-claim-report": 1, "documents-within-hour": 2},
    "Gemma Wardle": {"simple-claim-report": 2, "cancel-first-request": 1},
    "Alistair Munro": {"fair-renewal-price": 2, "move-house-one-contact": 1},
    "Leah Castellano": {"fair-renewal-price": 1, "simple-claim-report": 1, "documents-within-hour": 1},
    "Nikhil Sharma": {"fair-renewal-price": 1, "move-house-one-contact": 1, "simple-claim-report": 1},
    "Fiona Doherty": {"cancel-first-request": 2, "fair-renewal-price": 1},
}

ALL = list(LEADERS)
SESSIONS = [
    dict(key="2026-05-monthly", title="May leadership room: the first walk", date="2026-05-14",
         times=("09:00", "12:10"), next="2026-06-11", attendees=ALL, minutes=(25, 75, 50, 20), vote=True,
         notes=[("09:35", "Q1 2026: {gained_2026_01:,} customers gained and {lost_2026_01:,} lost; "
                          "{price_2026_01:,} of those who left named the price at renewal."),
                ("10:10", "Leaders filled in the home claim form against the clock: the fastest took 11 minutes, "
                          "two gave up on page five."),
                ("10:25", "The burst-pipe call was played in full. "
                          "Four transfers before the customer had a claim number.")],
         exercises=[("10:00", "10:25", "home-claim-form", [
             ("Tom Achterberg", "finished", 660, "", "I design forms like this for a living and still hesitated."),
             ("Gemma Wardle", "finished", 830, "", "Section E asks me everything Section A did."),
             ("Leah Castellano", "finished", 1015, "", ""),
             ("Ruth Adeyemi", "finished", 1090, "", "I would have phoned instead, and waited."),
             ("Alistair Munro", "finished", 1180, "", ""),
             ("Nikhil Sharma", "answered", 1240, "Filled in Section D, the theft section", "Page 1 says ALL sections."),
             ("Sunita Bhatt", "answered", 1320, "Left Section E blank because it repeats Section A", ""),
             ("Hamish Rennie", "gave up", 1020, "", "Page five. I run claims and I gave up."),
             ("Fiona Doherty", "gave up", 1140, "", "The declaration wording worries me as a lawyer."),
         ])],
         decisions=[("11:15", "Select 'Reporting a claim takes one call' as the first one-company priority "
                              "({dots_simple-claim-report} of 27 dots)."),
                    ("11:25", "Start 'Loyal customers understand their renewal price' in August, when the pricing "
                              "review closes ({dots_fair-renewal-price} dots)."),
                    ("11:40", "The room meets on the second Thursday of each month; no session in July.")],
         commitments=[("11:45", "Name the First call team and free its members two days a month", "Ruth Adeyemi",
                       "2026-05-21", "simple-claim-report", "done"),
                      ("11:50", "Give the team the claim-report call recordings and transfer data", "Hamish Rennie",
                       "2026-05-28", "simple-claim-report", "done"),
                      ("11:55", "Bring the findings of the renewal pricing review to the room", "Sunita Bhatt",
                       "2026-08-13", "fair-renewal-price", "done")],
         journal=[("09:00", "session_started", ""), ("09:20", "asset_shown", "Q1 2026"),
                  ("09:45", "stage_shown", "find"), ("09:55", "stage_shown", "claim"),
                  ("10:00", "artifact_task", "home-claim-form"), ("10:18", "call_played", "burst-pipe"),
                  ("10:40", "stage_shown", "renew"), ("10:48", "call_played", "loyalty-price"),
                  ("11:00", "votes", ""), ("11:15", "priority_selected", "simple-claim-report"),
                  ("12:10", "session_closed", "")]),
    dict(key="2026-06-monthly", title="June leadership room", date="2026-06-11", times=("09:00", "11:30"),
         next="2026-08-13", attendees=ALL[:7] + ["Fiona Doherty"], minutes=(20, 45, 25, 40),
         notes=[("09:50", "{claim_winter:,} complaints at the claim stage from December to February, more than "
                          "any other stage."),
                ("10:40", "First call team: 41% of first calls about a new claim "
                          "were transferred at least once in May.")],
         decisions=[("10:45", "Approve the interim fix from 1 July: first-call handlers log home and motor claims "
                              "end to end, without transferring to the property desk."),
                    ("11:05", "Stop posting the full policy booklet to every renewing customer.")],
         commitments=[("10:50", "Train 60 first-call handlers on the one-call claim script", "Gemma Wardle",
                       "2026-06-30", "simple-claim-report", "done"),
                      ("10:55", "Show 'minutes to report a claim' weekly on the KPI wall", "Tom Achterberg",
                       "2026-06-25", "simple-claim-report", "done"),
                      ("11:00", "Cost one claims number and the phone menu change", "Alistair Munro",
                       "2026-08-13", "simple-claim-report", "done")],
         stop_doing=[("Posting the full policy booklet to every renewing customer",
                      "Seven in ten customers never open it; it stays online and is posted on request.",
                      "£140,000 print and postage a year; 1.5 FTE in the print room", "operations", "decided")],
         journal=[("09:00", "session_started", ""), ("09:40", "stage_shown", "claim"),
                  ("09:58", "call_played", "assessor-no-show"), ("10:20", "team_report", "simple-claim-report: step 1"),
                  ("11:05", "stop_doing_decided", "policy booklet"), ("11:30", "session_closed", "")]),
    dict(key="2026-08-monthly", title="August leadership room", date="2026-08-13", times=("09:00", "11:45"),
         next="2026-09-10", attendees=ALL[:8], minutes=(20, 40, 40, 45),
         notes=[("09:55", "Claim-report complaints: {cr_2026_07} in July against a November-April average of "
                          "{base_cr}; minutes to report a claim {min_2026_07} in July, from {min_2026_05} in May."),
                ("10:15", "Loyal customers' average renewal rise was {rise_2026_07}% in July; the target is 5%.")],
         decisions=[("10:30", "Select 'Loyal customers understand their renewal price'; sponsor Sunita Bhatt; the "
                              "Fair renewal team reports its current state in September."),
                    ("10:50", "Stop outbound win-back calls in the week after a customer cancels."),
                    ("11:30", "Accept the First call team's root causes; recommendations and budget due in October.")],
         commitments=[("10:35", "Free Helen Marsh and Sanjay Mehta from the pricing cycle two days a month",
                       "Sunita Bhatt", "2026-08-20", "fair-renewal-price", "done"),
                      ("11:35", "Map every phone menu route that ends in a claims transfer", "Tom Achterberg",
                       "2026-09-10", "simple-claim-report", "done"),
                      ("11:40", "Listen to ten renewal calls each before the September room", "Ruth Adeyemi",
                       "2026-09-10", "fair-renewal-price", "done")],
         stop_doing=[("Outbound win-back calls in the week after a customer cancels",
                      "Customers call it pressure selling; 3% come back and 'Hard to cancel' complaints follow.",
                      "3 FTE in the sales team", "sales", "decided")],
         journal=[("09:00", "session_started", ""), ("09:15", "asset_shown", "Q2 2026"),
                  ("09:45", "kpi_shown", "claim-report-minutes"), ("10:05", "stage_shown", "renew"),
                  ("10:12", "call_played", "loyalty-price"), ("10:30", "priority_selected", "fair-renewal-price"),
                  ("11:10", "team_report", "simple-claim-report: step 2"), ("11:45", "session_closed", "")]),
    dict(key="2026-09-monthly", title="September leadership room", date="2026-09-10", times=("09:00", "11:35"),
         next="2026-10-08", attendees=["Ruth Adeyemi", "Hamish Rennie", "Sunita Bhatt", "Gemma Wardle",
                                       "Alistair Munro", "Nikhil Sharma", "Fiona Doherty"], minutes=(15, 45, 35, 45),
         notes=[("10:05", "Claim-report complaints in August: {cr_2026_08}; minutes to report a claim {min_2026_08}."),
                ("11:00", "Fair renewal team: {renew_2026_01} complaints about renewal prices and loyalty in "
                          "January 2026 alone.")],
         decisions=[("10:25", "Drop 'Cancelling takes one request' as a room priority: the cancellation changes "
                              "Legal must make for the regulator by January 2027 cover it; Legal reports in January."),
                    ("10:40", "Stop asking for a signed paper claim form for claims under £1,000."),
                    ("10:45", "Keep posting paper renewal notices (stop-doing proposal rejected).")],
         commitments=[("10:42", "Change the claims procedure: no signed form under £1,000", "Hamish Rennie",
                       "2026-10-01", "simple-claim-report", "done"),
                      ("11:05", "Draft the renewal notice in plain English for the October room", "Sunita Bhatt",
                       "2026-10-08", "fair-renewal-price", "done"),
                      ("11:10", "Bring the cancellation plan to the January room", "Fiona Doherty",
                       "2027-01-14", "cancel-first-request", "open")],
         stop_doing=[("Asking for a signed paper claim form for claims under £1,000",
                      "Customers take 9 days to post it back and nobody checks the signature against anything.",
                      "2 FTE in claims administration", "claims", "decided"),
                     ("Posting paper renewal notices", "Proposed to save print; rejected because many older "
                      "customers rely on the letter and it is a regulatory document.",
                      "£210,000 print and postage a year", "operations", "rejected")],
         journal=[("09:00", "session_started", ""), ("09:20", "stage_shown", "renew"),
                  ("09:30", "call_played", "cancel-policy"), ("10:00", "stage_shown", "claim"),
                  ("10:25", "priority_dropped", "cancel-first-request"),
                  ("10:50", "team_report", "fair-renewal-price: step 1"), ("11:35", "session_closed", "")]),
    dict(key="2026-10-monthly", title="October leadership room", date="2026-10-08", times=("09:00", "11:50"),
         next="2026-12-10", attendees=ALL, minutes=(20, 40, 40, 50),
         notes=[("09:25", "Q3 2026: {lost_2026_07:,} customers lost; {claimlost_2026_07:,} named a poor claim "
                          "experience, against {claimlost_2026_01:,} in Q1."),
                ("09:55", "Claim-report complaints: {cr_2026_07}, {cr_2026_08} and {cr_2026_09} "
                          "from July to September, "
                          "against {base_cr} a month from November to April."),
                ("11:45", "No November room: storm-season readiness and the 2027 budget round. "
                          "Next room 10 December.")],
         decisions=[("10:20", "Approve the First call team's budget of £380,000 for the one-page online claim form, "
                              "one claims number and the phone menu change."),
                    ("10:40", "Select 'The assessor comes on the day we agreed'; sponsor Hamish Rennie; current "
                              "state in December."),
                    ("11:00", "The Fair renewal team brings recommendations and the cost of a cap on loyal "
                              "customers' rises in December."),
                    ("11:30", "Recognise the First call team in the room.")],
         commitments=[("10:25", "Build the one-page online claim form", "Tom Achterberg", "2026-12-10",
                       "simple-claim-report", "open"),
                      ("10:28", "Switch the phone menu to a single claims option", "Gemma Wardle", "2026-11-16",
                       "simple-claim-report", "open"),
                      ("10:45", "Name the On the day team and share the assessor supplier contracts", "Hamish Rennie",
                       "2026-10-22", "assessor-on-the-day", "open"),
                      ("11:05", "Model a 9% cap on rises for customers of five years or more", "Sunita Bhatt",
                       "2026-12-10", "fair-renewal-price", "open")],
         stop_doing=[("Marketing e-mails to customers with an open claim",
                      "Customers waiting for a settlement are offered travel insurance; it reads as careless.",
                      "0.5 FTE in the CRM team", "marketing", "proposed")],
         recognitions=[("simple-claim-report",
                        "The First call team (Dan Whitfield, Marta Kowalczyk, Kofi Asante, Jordan Ellis, Bronwen Pugh) "
                        "took reporting a claim from {min_2026_05} minutes in May to {min_2026_09} in September. "
                        "Complaints about claim forms and transfers fell from {base_cr} a month (November to April) "
                        "to {cr_2026_09} in September, {drop_pct}% fewer, before a line of new code was written.")],
         journal=[("09:00", "session_started", ""), ("09:15", "asset_shown", "Q3 2026"),
                  ("09:50", "complaints_shown", "Claim form too complicated; Transferred between teams"),
                  ("10:05", "team_report", "simple-claim-report: step 3"), ("10:32", "call_played", "assessor-no-show"),
                  ("10:40", "priority_selected", "assessor-on-the-day"),
                  ("10:55", "team_report", "fair-renewal-price: step 2"),
                  ("11:30", "recognition", "simple-claim-report"), ("11:50", "session_closed", "")]),
    dict(key="2026-12-monthly", title="December leadership room", date="2026-12-10", times=None,
         next="2027-01-14", attendees=ALL, minutes=(20, 40, 30, 60)),
]

TEAMS = {
    "simple-claim-report": ("First call team", "Dan Whitfield", [
        ("Dan Whitfield", "claims"), ("Marta Kowalczyk", "service"), ("Kofi Asante", "claims"),
        ("Jordan Ellis", "digital"), ("Bronwen Pugh", "operations")]),
    "fair-renewal-price": ("Fair renewal team", "Helen Marsh", [
        ("Helen Marsh", "underwriting"), ("Sanjay Mehta", "underwriting"), ("Claire Donnelly", "service"),
        ("Rob Kinnear", "legal"), ("Anika Sorensen", "marketing"), ("Ewan Stirling", "sales")]),
    "assessor-on-the-day": ("On the day team", "Gavin Holt", [
        ("Gavin Holt", "claims"), ("Lerato Dube", "operations"), ("Megan Firth", "digital"),
        ("Paddy Quinn", "claims")]),
}

CYCLE = ["Current state of the experience", "Root causes and current metrics",
         "Recommendations, actions and budget", "Actions begin"]

# key, title, stage, moment, status, selected_in, sponsor, description, steps [(due, reported_in, report)]
PRIORITIES = [
    ("simple-claim-report", "Reporting a claim takes one call", "claim", "claim-report", "selected",
     "2026-05-monthly", "Ruth Adeyemi",
     "One call or one short form is enough to report a claim: no transfers, a claim number and the next step "
     "before the customer hangs up.",
     [("2026-06-11", "2026-06-monthly",
       "Reporting a claim took {min_2026_05} minutes on average in May; 41% of first calls were transferred at least "
       "once and one in four customers who start the online form give up. Customers meet three intake teams and an "
       "eight-page form. {cr_2026_05} complaints about the form and transfers in May. Interim fix proposed: first-call "
       "handlers log every claim end to end from 1 July."),
      ("2026-08-13", "2026-08-monthly",
       "Root causes: intake split by product since the 2019 systems merger; a claim form designed for loss "
       "adjusters, not customers; a phone menu with seven options, three of which end in a transfer. Current "
       "metrics: {min_2026_07} minutes to report a claim in July (from {min_2026_05} in May), first-call transfers "
       "down to 12%, {cr_2026_07} complaints in July against a November-April average of {base_cr}."),
      ("2026-10-08", "2026-10-monthly",
       "Recommendations: one claims number and one intake team for home and motor; a one-page online claim form "
       "(19 questions instead of 112) that keeps what the customer typed if the connection drops; no signed form "
       "under £1,000. Budget £380,000: form £240,000, training and rota £95,000, phone menu £45,000. Actions start "
       "with the phone menu in November and the form in December."),
      ("2026-12-10", None, "")]),
    ("fair-renewal-price", "Loyal customers understand their renewal price", "renew", "renew-price", "selected",
     "2026-08-monthly", "Sunita Bhatt",
     "A renewal price a long-standing customer can see the reason for and accept, without calling us to argue.",
     [("2026-09-10", "2026-09-monthly",
       "Loyal customers' renewal prices rose {rise_2026_08}% on average in August against a 5% target; a quarter of "
       "renewal notices lead to a phone call; {renew_2026_01} complaints about renewal prices and loyalty in January "
       "2026. The notice shows the new price but never the reason."),
      ("2026-10-08", "2026-10-monthly",
       "Root causes: the 2025 storm re-rating was applied to every home policy at once; the notice prints the price "
       "without a reason; no rule limits rises for long-standing customers. Current metrics: average rise "
       "{rise_2026_09}% in September; renewal notices understood by {clarity_2026_09}% of customers surveyed."),
      ("2026-12-10", None, ""), ("2027-01-14", None, "")]),
    ("assessor-on-the-day", "The assessor comes on the day we agreed", "claim", "claim-assessor", "selected",
     "2026-10-monthly", "Hamish Rennie",
     "When we book an assessor visit, the assessor arrives on that day, or the customer hears before they take "
     "the day off.",
     [("2026-12-10", None, ""), ("2027-01-14", None, ""), ("2027-02-11", None, ""), ("2027-03-11", None, "")]),
    ("cancel-first-request", "Cancelling takes one request", "renew", "renew-cancel", "dropped", None,
     "Fiona Doherty", "A customer who asks to leave is let go the first time they ask, online or by phone.", []),
    ("documents-within-hour", "My documents arrive within the hour", "buy", "buy-checkout", "candidate", None, "",
     "Certificate and schedule in the customer's inbox within an hour of paying, every time.", []),
    ("move-house-one-contact", "Moving house is sorted in one contact", "change", "change-address", "candidate",
     None, "", "One contact moves home cover, motor garaging address and direct debit together.", []),
]

# ---------------------------------------------------------------- complaint categories and lost reasons
# stage, category, moments, base complaints a month, seasonality
CATEGORIES = [
    ("find", "Quote website problems", ["find-quote"], 4, "flat"),
    ("find", "Misleading cover information", ["find-compare"], 3, "flat"),
    ("find", "Price not as advertised", ["find-quote", ""], 2, "renewal-light"),
    ("buy", "Documents not received", ["buy-checkout"], 3, "flat"),
    ("buy", "Broker delays", ["buy-broker"], 3, "renewal-light"),
    ("buy", "Payment failed at checkout", ["buy-checkout"], 2, "flat"),
    ("start", "Documents not received", ["start-welcome"], 2, "flat"),
    ("start", "Jargon in letters", ["start-welcome"], 2, "flat"),
    ("start", "Wrong amount taken", ["start-direct-debit"], 4, "flat"),
    ("start", "Cover details wrong", [""], 2, "flat"),
    ("change", "Changes not made", ["change-vehicle", "change-address"], 5, "flat"),
    ("change", "Unexpected price change", ["change-address", "change-vehicle"], 4, "flat"),
    ("change", "Admin fee for changes", [""], 2, "flat"),
    ("claim", "Claim form too complicated", ["claim-report"], 10, "priority"),
    ("claim", "Transferred between teams", ["claim-report"], 9, "priority"),
    ("claim", "Assessor did not turn up", ["claim-assessor"], 6, "storm"),
    ("claim", "Slow settlement", ["claim-settlement"], 8, "storm-lag"),
    ("claim", "Settlement amount disputed", ["claim-settlement"], 5, "storm-lag"),
    ("claim", "No update on my claim", ["", "claim-settlement"], 6, "storm-lag"),
    ("help", "Long wait on the phone", ["help-phone"], 8, "busy"),
    ("help", "Could not find the answer online", ["help-online"], 4, "flat"),
    ("help", "Rude or unhelpful staff", ["help-phone", ""], 2, "flat"),
    ("renew", "Renewal price rise", ["renew-price", "renew-notice"], 9, "price"),
    ("renew", "Loyalty penalty", ["renew-price"], 5, "price"),
    ("renew", "Jargon in letters", ["renew-notice"], 2, "renewal"),
    ("renew", "Hard to cancel", ["renew-cancel"], 4, "renewal"),
    ("renew", "Auto-renewed without asking", ["renew-notice"], 3, "renewal"),
]

LOST_REASONS = [("Price at renewal", "renew"), ("Found a cheaper quote elsewhere", "find"),
                ("Poor claim experience", "claim"), ("Could not get help when I needed it", "help"),
                ("Changes not handled properly", "change"), ("Payment mistakes", "start"),
                ("Broker moved the policy", "buy")]
