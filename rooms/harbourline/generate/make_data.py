"""Generate the Harbourline sample room's data files and sessions.toml (seeded, stdlib only).

Run from the repository root: python rooms/harbourline/generate/make_data.py
"""

from __future__ import annotations

import csv
import math
import random
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the generate folder clean
sys.path.insert(0, str(Path(__file__).resolve().parent))
import data_text as T  # noqa: E402

ROOM = Path(__file__).resolve().parent.parent
DATA = ROOM / "data"
SEED = 20261008
MONTHS = [f"{2024 + (10 + i) // 12}-{(10 + i) % 12 + 1:02d}" for i in range(24)]  # 2024-11 .. 2026-10
QUARTERS = ["2024-10", "2025-01", "2025-04", "2025-07", "2025-10", "2026-01", "2026-04", "2026-07"]
SOURCES = ["Call centre", "E-mail", "Web feedback", "Social media", "Broker", "Survey verbatim", "Ombudsman"]
SOURCE_WEIGHTS = [36, 20, 14, 10, 7, 11, 2]

STORM = {11: 1.25, 12: 1.7, 1: 1.9, 2: 1.65, 3: 1.2, 4: 1.0, 10: 1.05}  # claims peak in winter storms
RENEWAL = {12: 1.3, 1: 2.1, 2: 1.5, 3: 1.1}  # most policies renew in January
PRICE_SPIKE = {"2025-12": 1.4, "2026-01": 2.0, "2026-02": 1.8, "2026-03": 1.5, "2026-04": 1.25}
PRIORITY_CATS = ("Claim form too complicated", "Transferred between teams")
# The First call team's interim fix from July 2026: fewer transfers at once, the form follows.
IMPROVE = {"Transferred between teams": {"2026-06": .92, "2026-07": .5, "2026-08": .45, "2026-09": .42, "2026-10": .4},
           "Claim form too complicated": {"2026-06": .97, "2026-07": .62, "2026-08": .55, "2026-09": .52,
                                          "2026-10": .5}}



def month_no(ym: str) -> int:
    return int(ym[5:])


def prev_month(ym: str) -> str:
    y, m = int(ym[:4]), month_no(ym)
    return f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"


def season(kind: str, ym: str) -> float:
    m = month_no(ym)
    storm, renewal = STORM.get(m, 0.9), RENEWAL.get(m, 0.85)
    return {"flat": 1.0, "storm": storm, "storm-lag": STORM.get(month_no(prev_month(ym)), 0.9),
            "renewal": renewal, "renewal-light": 1 + 0.3 * (renewal - 1), "busy": (storm + renewal) / 2,
            "price": renewal * PRICE_SPIKE.get(ym, 1.0),
            "priority": 1 + 0.25 * (storm - 1)}[kind]


def poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def days_in(ym: str) -> int:
    y, m = int(ym[:4]), month_no(ym)
    return 31 if m in (1, 3, 5, 7, 8, 10, 12) else 30 if m != 2 else 29 if y % 4 == 0 else 28


# ---------------------------------------------------------------- complaints

def fill_values(rng: random.Random) -> dict:
    small = rng.randrange(40, 260, 5)
    v = {"years": rng.randint(3, 22), "days": rng.randint(6, 19), "weeks": rng.randint(3, 14),
         "times": rng.choice(["three", "four", "five"]), "minutes": rng.choice([35, 40, 48, 55, 62, 75, 90]),
         "amount": rng.randrange(180, 1400, 10), "small": small, "small2": rng.randrange(300, 900, 10),
         "pct": rng.choice([18, 22, 24, 27, 31, 36, 42, 48]), "fee": rng.choice([25, 30, 35, 40, 50]),
         "weekday": rng.choice(T.WEEKDAYS), "ordinal": rng.choice(T.ORDINALS),
         "month": rng.choice(T.MONTH_NAMES), "peril": rng.choice(T.PERILS)}
    v["raised"] = int(round(v["small2"] * (1 + v["pct"] / 100), -1))
    return v


def personal(rng: random.Random, first: str, last: str) -> dict:
    handle = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 99)}",
                         f"{last}.{first[0]}"]).lower().replace("'", "")
    phone = rng.choice([f"07700 900{rng.randint(0, 999):03d}", f"07700900{rng.randint(0, 999):03d}",
                        f"01632 960{rng.randint(0, 999):03d}"])
    return {"name": f"{first} {last}", "email": f"{handle}@{rng.choice(T.EMAIL_DOMAINS)}", "phone": phone,
            "policy": f"HBL-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
            "card4": f"{rng.randint(0, 9999):04d}"}


def verbatim(rng: random.Random, stage: str, category: str, source: str, first: str, last: str) -> str:
    values = fill_values(rng)
    parts = [rng.choice(T.CORE[category])]
    social = source in ("Social media", "Survey verbatim")
    if not social and rng.random() < 0.55:
        parts.insert(0, rng.choice(T.OPENERS[stage]))
    if source == "Social media" and rng.random() < 0.5:
        parts.insert(0, rng.choice(T.SOCIAL_OPENERS))
    if rng.random() < (0.35 if social else 0.6):
        parts.append(rng.choice(T.FEELINGS))
    if source == "Ombudsman":
        parts.append(rng.choice(T.OMBUDSMAN_ASKS))
    elif not social and rng.random() < 0.5:
        parts.append(rng.choice(T.ASKS))
    if rng.random() < 0.34:  # personal data the privacy mask must hide
        values.update(personal(rng, first, last))
        kinds = rng.sample(list(T.PII), 2 if rng.random() < 0.25 else 1)
        for kind in kinds:
            sentence = rng.choice(T.PII[kind])
            if sentence.startswith(("My name", "This is")):
                parts.insert(0, sentence)
            else:
                parts.append(sentence)
    return " ".join(parts).format_map(values)


def make_complaints(rng: random.Random) -> list[dict]:
    rows, customers = [], []
    for ym in MONTHS:
        for stage, category, moments, base, kind in T.CATEGORIES:
            lam = base * season(kind, ym)
            if kind == "priority":
                year_one = ym < "2025-11"
                lam *= (0.88 + 0.01 * MONTHS.index(ym)) if year_one else IMPROVE[category].get(ym, 1.0)
                count = max(0, round(lam + rng.gauss(0, 0.3 * math.sqrt(lam))))
            else:
                count = poisson(rng, lam)
            for _ in range(count):
                source = rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
                if category == "Broker delays" and rng.random() < 0.6:
                    source = "Broker"
                if category in ("Settlement amount disputed", "Slow settlement") and rng.random() < 0.08:
                    source = "Ombudsman"
                if customers and rng.random() < 0.06:
                    ref, first, last = rng.choice(customers)
                else:
                    ref = f"C{rng.randint(10000, 2999999):07d}"
                    first, last = rng.choice(T.FIRST_NAMES), rng.choice(T.SURNAMES)
                    customers.append((ref, first, last))
                mu = 6.6 if stage == "renew" else 6.35
                value = "" if rng.random() < 0.13 else min(2400, max(180, round(math.exp(rng.gauss(mu, 0.45)))))
                rows.append({"received_on": f"{ym}-{rng.randint(1, days_in(ym)):02d}", "source": source,
                             "category": category, "stage": stage, "moment": rng.choice(moments),
                             "verbatim": verbatim(rng, stage, category, source, first, last),
                             "customer_ref": ref, "customer_name": f"{first} {last}", "value": value})
    rows.sort(key=lambda r: (r["received_on"], r["stage"], r["category"], r["customer_ref"]))
    return rows


# Which complaints come from customers like each persona: the categories their story is about, and
# the share of those complaints that come from customers in that persona's segment.
PERSONA_CATEGORIES = {
    "maya": (0.45, ("Claim form too complicated", "Transferred between teams", "Long wait on the phone",
                    "Could not find the answer online", "Wrong amount taken", "No update on my claim")),
    "derek": (0.5, ("Renewal price rise", "Loyalty penalty", "Jargon in letters", "Hard to cancel",
                    "Auto-renewed without asking")),
    "priya": (0.4, ("Assessor did not turn up", "Broker delays", "Changes not made", "Slow settlement",
                    "Admin fee for changes")),
}


def assign_personas(rows: list[dict], rng: random.Random) -> None:
    """Give some complaints a persona (its own random stream, so nothing else the generator makes changes)."""
    for row in rows:
        row["persona"] = ""
        for persona, (share, categories) in PERSONA_CATEGORIES.items():
            if row["category"] in categories and rng.random() < share:
                row["persona"] = persona
                break


# ---------------------------------------------------------------- KPI readings

def winter(ym: str) -> float:
    return {12: 1.0, 1: 1.0, 2: 0.8, 11: 0.4, 3: 0.3}.get(month_no(ym), 0.0)


def claim_minutes(t: int, ym: str) -> float:
    after = {"2026-06": 31.0, "2026-07": 24.5, "2026-08": 20.0, "2026-09": 18.0, "2026-10": 17.0}
    return after.get(ym, 32.3 + 2.5 * winter(ym) + 0.04 * t)


# key: (base(t, ym), noise sd, decimals, low clamp, high clamp)
KPI_MODELS = {
    "quote-completion": (lambda t, ym: 62.5 - 0.1 * t, 1.1, 1, 0, 100),
    "cover-clarity": (lambda t, ym: 80.5 + 0.05 * t, 1.0, 1, 0, 100),
    "documents-on-time": (lambda t, ym: 93.2 if ym == "2025-03" else 96.9, 0.45, 1, 0, 100),
    "broker-bind-days": (lambda t, ym: 1.5 + 0.6 * (month_no(ym) == 1), 0.15, 1, 0.5, 9),
    "welcome-pack-days": (lambda t, ym: 4.0 + 0.09 * t, 0.3, 1, 1, 20),
    "first-debit-right": (lambda t, ym: 98.5 if ym == "2025-06" else 99.35, 0.08, 2, 90, 100),
    "vehicle-change-fcr": (lambda t, ym: 85.5 - 0.25 * t, 1.0, 1, 0, 100),
    "address-change-days": (lambda t, ym: 3.0 + 0.5 * winter(ym), 0.3, 1, 1, 20),
    "claim-report-minutes": (lambda t, ym: claim_minutes(t, ym), 0.8, 1, 5, 60),
    "assessor-on-time": (lambda t, ym: 86.0 - 0.3 * t - 5.0 * winter(ym), 1.0, 1, 0, 100),
    "settlement-days": (lambda t, ym: 35.0 + 0.55 * t + 9.0 * winter(prev_month(ym)), 1.5, 1, 10, 120),
    "helpline-answer-seconds": (lambda t, ym: 150 + 5 * t + 110 * winter(ym) + 80 * (month_no(ym) == 1), 12, 0,
                                20, 900),
    "help-article-success": (lambda t, ym: 58.5 - 0.12 * t, 1.0, 1, 0, 100),
    "renewal-notice-clarity": (lambda t, ym: 76.5 - 0.3 * t, 1.2, 1, 0, 100),
    "renewal-price-rise": (lambda t, ym: 8.0 + 0.15 * t + 6.0 * (PRICE_SPIKE.get(ym, 1) - 1) + 4.5 * (ym >= "2025-12"),
                           0.4, 1, 0, 60),
    "cancel-same-day": (lambda t, ym: 90.5, 1.0, 1, 0, 100),
}
GAP = ("cover-clarity", "2025-08")  # the August survey was not run


def make_kpis(rng: random.Random) -> list[dict]:
    rows = []
    for key, (base, sd, decimals, low, high) in KPI_MODELS.items():
        for t, ym in enumerate(MONTHS):
            value = min(high, max(low, base(t, ym) + rng.gauss(0, sd)))
            if (key, ym) != GAP:
                rows.append({"kpi": key, "period": ym, "value": round(value, decimals) if decimals else round(value)})
    return rows


# ---------------------------------------------------------------- surveys

STAGE_SCORES = {  # NPS, CSAT %, CES (1-7, lower is better)
    "find": (18, 78, 3.1), "buy": (31, 85, 2.4), "start": (22, 81, 2.6), "change": (6, 72, 3.6),
    "claim": (-24, 58, 5.3), "help": (-2, 69, 4.1), "renew": (-14, 64, 4.4)}
MOMENT_SURVEYS = [("NPS", "claim", "claim-report", -31), ("CES", "claim", "claim-report", 5.8),
                  ("CSAT", "claim", "claim-settlement", 52), ("NPS", "renew", "renew-price", -28)]


def shift(stage: str, moment: str, q: str) -> float:
    """How far a quarter moves a score, in NPS points (good is positive)."""
    s = 0.0
    if stage == "claim":
        s += {"2025-01": -6, "2026-01": -8, "2026-07": 9}.get(q, 0) + (8 if moment == "claim-report" and q == "2026-07"
                                                                   else 0)
    if stage == "renew":
        s += {"2025-01": -6, "2026-01": -14, "2026-04": -7, "2026-07": -5}.get(q, 0)
    return s


def make_surveys(rng: random.Random) -> list[dict]:
    rows = []
    items = [(s, "", kind, STAGE_SCORES[s][i]) for s in STAGE_SCORES for i, kind in enumerate(("NPS", "CSAT", "CES"))]
    items += [(stage, moment, kind, base) for kind, stage, moment, base in MOMENT_SURVEYS]
    for stage, moment, kind, base in items:
        for q in QUARTERS:
            d = shift(stage, moment, q)
            if kind == "NPS":
                score = round(max(-100, min(100, base + d + rng.gauss(0, 2.5))))
            elif kind == "CSAT":
                score = round(max(0, min(100, base + 0.6 * d + rng.gauss(0, 1.5))), 1)
            else:
                score = round(max(1, min(7, base - 0.06 * d + rng.gauss(0, 0.1))), 1)
            respondents = rng.randint(140, 420) if moment else rng.randint(600, 1900) if stage != "claim" else \
                rng.randint(900, 2400)
            rows.append({"survey": kind, "stage": stage, "moment": moment, "period": q, "score": score,
                         "respondents": respondents})
    return rows


# ---------------------------------------------------------------- customer asset



def reason_weights(q: str) -> list[float]:
    q1 = q.endswith("-01")
    price = (34 if q1 else 24) + (14 if q == "2026-01" else 0)
    claim = {"2025-01": 20, "2026-01": 23, "2026-04": 18, "2026-07": 11}.get(q, 15)
    return [price, 22, claim, 9, 7, 5, 6]


def make_assets(rng: random.Random) -> tuple[list[dict], list[dict]]:
    assets, reasons = [], []
    start = 179_320
    for q in QUARTERS:
        m = month_no(q)
        gained = round(rng.gauss(10_900 if m != 1 else 12_300, 350))
        lost = round(rng.gauss(10_200, 300) + (2_400 if m == 1 else 0) + (2_700 if q == "2026-01" else 0)
                     + (600 if q == "2026-04" else 0))
        end = start + gained - lost
        year = int(q[:4])
        assets.append({"period_kind": "quarter", "period_start": f"{q}-01", "label": f"Q{(m - 1) // 3 + 1} {year}",
                       "customers_start": start, "gained_count": gained,
                       "gained_value": round(gained * rng.gauss(468, 6)), "lost_count": lost,
                       "lost_value": round(lost * rng.gauss(604 + (40 if q >= "2026-01" else 0), 6)),
                       "increased_count": round(rng.gauss(3_600, 250)),
                       "declined_count": round(rng.gauss(2_700, 200) + (1_100 if q == "2026-01" else 0)),
                       "customers_end": end})
        weights = reason_weights(q)
        chosen = list(range(5)) + [i for i in (5, 6) if rng.random() < 0.6]
        w = [weights[i] * rng.uniform(0.9, 1.1) for i in chosen]
        counts = [int(lost * x / sum(w)) for x in w]
        counts[0] += lost - sum(counts)
        for i, count in zip(chosen, counts):
            reasons.append({"period_start": f"{q}-01", "reason": T.LOST_REASONS[i][0], "stage": T.LOST_REASONS[i][1],
                            "count": count})
        start = end
    return assets, reasons


# ---------------------------------------------------------------- sessions.toml

def stats(complaints, kpis, assets, reasons) -> dict:
    cr = {ym: sum(1 for r in complaints if r["category"] in PRIORITY_CATS and r["received_on"][:7] == ym)
          for ym in MONTHS}
    base = sum(cr[ym] for ym in MONTHS[12:18]) / 6
    out = {"base_cr": round(base), "claim_winter": sum(1 for r in complaints if r["stage"] == "claim"
                                                       and r["received_on"][:7] in ("2025-12", "2026-01", "2026-02")),
           "drop_pct": round(100 * (1 - cr["2026-09"] / base)),
           "renew_2026_01": sum(1 for r in complaints if r["received_on"][:7] == "2026-01"
                                and r["category"] in ("Renewal price rise", "Loyalty penalty"))}
    out.update({f"cr_{ym.replace('-', '_')}": n for ym, n in cr.items()})
    for r in kpis:
        short = {"claim-report-minutes": "min", "renewal-price-rise": "rise", "renewal-notice-clarity": "clarity"}
        if r["kpi"] in short:
            out[f"{short[r['kpi']]}_{r['period'].replace('-', '_')}"] = r["value"]
    for a in assets:
        q = a["period_start"][:7].replace("-", "_")
        out[f"gained_{q}"], out[f"lost_{q}"] = a["gained_count"], a["lost_count"]
    for r in reasons:
        q = r["period_start"][:7].replace("-", "_")
        if r["stage"] in ("renew", "claim") and r["reason"] != "Found a cheaper quote elsewhere":
            out[f"{'price' if r['stage'] == 'renew' else 'claimlost'}_{q}"] = r["count"]
    for votes in T.FIRST_VOTES.values():
        for key, dots in votes.items():
            out[f"dots_{key}"] = out.get(f"dots_{key}", 0) + dots
    return out


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    return "[" + ", ".join(toml_value(x) for x in v) + "]"


def toml_table(header: str, table: dict) -> list[str]:
    lines = [f"[[{header}]]"]
    for k, v in table.items():
        if isinstance(v, list) and v and isinstance(v[0], dict):
            lines += [f"{k} = ["] + [f"  {toml_value(x)}," for x in v] + ["]"]
        else:
            lines.append(f"{k} = {toml_value(v)}")
    return lines + [""]


def make_sessions(s: dict) -> str:
    lines = ["# Generated by generate/make_data.py: leadership sessions held in the Harbourline room,",
             "# the priorities they chose, and the teams reporting back.", ""]
    for d in T.SESSIONS:
        day, at = d["date"], lambda hm, day=d["date"]: f"{day}T{hm}:00"
        table = {"key": d["key"], "title": d["title"], "cadence": "monthly", "scheduled_on": day}
        if d["times"]:
            table.update(started_at=at(d["times"][0]), closed_at=at(d["times"][1]))
        table["next_session_on"] = d["next"]
        table["attendees"] = [{"name": n, "role": T.LEADERS[n][0], "silo": T.LEADERS[n][1]} for n in d["attendees"]]
        table["agenda"] = [{"conversation": i + 1, "title": t, "minutes": m}
                           for i, (t, m) in enumerate(zip(T.CONVERSATIONS, d["minutes"]))]
        table["votes"] = [{"priority": p, "voter": v, "dots": n} for v, ps in T.FIRST_VOTES.items()
                          for p, n in ps.items()] if d.get("vote") else []
        table["decisions"] = [{"at": at(hm), "text": x.format_map(s)} for hm, x in d.get("decisions", [])]
        table["commitments"] = [{"at": at(hm), "text": x, "owner": o, "due_on": due, "priority": p, "status": st}
                                for hm, x, o, due, p, st in d.get("commitments", [])]
        table["notes"] = [{"at": at(hm), "text": x.format_map(s)} for hm, x in d.get("notes", [])]
        table["stop_doing"] = [{"title": t, "rationale": r, "capacity_freed": c, "silo": k, "status": st}
                               for t, r, c, k, st in d.get("stop_doing", [])]
        table["recognitions"] = [{"priority": p, "citation": c.format_map(s)} for p, c in d.get("recognitions", [])]
        table["exercises"] = [{"artifact": a, "started_at": at(start), "stopped_at": at(stop),
                               "results": [{"attendee": n, "outcome": o, "seconds": sec, "answer": ans, "reaction": r}
                                           for n, o, sec, ans, r in results]}
                              for start, stop, a, results in d.get("exercises", [])]
        journal = []
        for hm, kind, detail in d.get("journal", []):
            if kind == "votes":  # one event per voter, a minute apart
                journal += [{"at": at(f"{hm[:3]}{int(hm[3:]) + i:02d}"), "kind": "vote_cast",
                             "detail": f"{v}: {sum(T.FIRST_VOTES[v].values())} dots"}
                            for i, v in enumerate(T.FIRST_VOTES)]
            else:
                journal.append({"at": at(hm), "kind": kind, "detail": detail})
        table["journal"] = journal
        lines += toml_table("sessions", table)
    for key, title, stage, moment, status, selected_in, sponsor, desc, steps in T.PRIORITIES:
        table = {"key": key, "title": title, "description": desc, "stage": stage, "moment": moment, "status": status}
        if selected_in:
            table["selected_in"] = selected_in
        if sponsor:
            table["sponsor"] = sponsor
        if key in T.TEAMS:
            name, lead, members = T.TEAMS[key]
            table["team"] = {"name": name, "lead": lead, "members": [{"name": n, "silo": k} for n, k in members]}
        table["steps"] = []
        for i, (due, reported_in, report) in enumerate(steps):
            step = {"title": T.CYCLE[i], "due_on": due, "status": "reported" if reported_in else "planned"}
            if reported_in:
                step.update(report=report.format_map(s), reported_in=reported_in)
            table["steps"].append(step)
        lines += toml_table("priorities", table)
    return "\n".join(lines)


def write_csv(name: str, rows: list[dict]) -> None:
    with open(DATA / name, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    DATA.mkdir(exist_ok=True)
    complaints = make_complaints(random.Random(SEED))
    assign_personas(complaints, random.Random(SEED + 9))
    kpis = make_kpis(random.Random(SEED + 1))
    surveys = make_surveys(random.Random(SEED + 2))
    assets, reasons = make_assets(random.Random(SEED + 3))
    for name, rows in (("complaints.csv", complaints), ("kpi_readings.csv", kpis), ("survey_results.csv", surveys),
                       ("customer_assets.csv", assets), ("lost_reasons.csv", reasons)):
        write_csv(name, rows)
        print(f"{name}: {len(rows)} rows")
    (ROOM / "sessions.toml").write_text(make_sessions(stats(complaints, kpis, assets, reasons)), encoding="utf-8")
    print("sessions.toml written")


if __name__ == "__main__":
    main()
