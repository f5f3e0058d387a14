"""Minutes as Markdown, HTML and CSV: the same content, laid out for reading, sharing or a tracker."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date

from ..domain.brand_colour import DEFAULT_BRAND, brand_hex, ink_on_white, tint
from ..domain.csv_cells import guard_row
from ..domain.long_text import paragraphs, wall_excerpt
from ..domain.markdown_text import markdown_text
from ..domain.meetings import CAPTURE_LIMIT
from .minutes import Minutes

CADENCE_NAMES = {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Annual", "workshop": "Workshop",
                 "onboarding": "Onboarding"}


def long_date(iso: str | None) -> str:
    """"14 January 2027"; "not set" without a date."""
    if not iso:
        return "not set"
    day = date.fromisoformat(iso[:10])
    return f"{day.day} {day.strftime('%B %Y')}"


def _money(value: float) -> str:
    return f"{value / 1e6:,.1f} m" if abs(value) >= 1e6 else f"{value:,.0f}"


def heading(m: Minutes) -> tuple[str, str]:
    """The title line and the line under it (date, cadence, times, draft or not)."""
    s = m.session
    held = f", {s.started_at[11:16]}–{s.closed_at[11:16]}" if s.started_at and s.closed_at else ""
    state = "DRAFT: the session is still open" if m.draft else "Final"
    return (f"{m.room} · {s.title}",
            f"{long_date(s.scheduled_on)}{held} · {CADENCE_NAMES.get(s.cadence, s.cadence)} session · {state}")


REVIEW_SECTION = "Commitments from earlier sessions: the review"


def review_summary(m: Minutes) -> str:
    """"4 earlier commitments were reviewed: 2 done, 1 moved, 1 dropped." (or that none were)."""
    if not m.reviews:
        return "No commitments from earlier sessions were reviewed."
    counts: dict[str, int] = {}
    for review in m.reviews:
        word = "still open" if review.outcome.value == "open" else review.outcome.value
        counts[word] = counts.get(word, 0) + 1
    said = ", ".join(f"{counts[word]} {word}" for word in ("done", "moved", "dropped", "still open") if word in counts)
    return f"{len(m.reviews)} earlier commitment{'s were' if len(m.reviews) != 1 else ' was'} reviewed: {said}."


def sections(m: Minutes) -> list[tuple[str, list[str], list[list[str]], list[str]]]:
    """Each section: (title, column headings, rows, lines of text). Empty sections say so."""
    asset_rows, asset_lines = [], []
    if m.asset:
        a = m.asset
        asset_lines.append(f"Period presented: {a.label}.")
        asset_rows = [["Customers at the start", f"{a.customers_start:,}"],
                      ["Gained", f"{a.gained_count:,} (value {_money(a.gained_value)})"],
                      ["Lost", f"{a.lost_count:,} (value {_money(a.lost_value)})"],
                      ["Spending more / less", f"{a.increased_count:,} / {a.declined_count:,}"],
                      ["Customers at the end", f"{a.customers_end:,} (net {a.net_change:+,})"]]
        asset_rows += [[f"Lost because: {reason}", f"{count:,}"] for reason, count in m.lost_reasons]
    else:
        asset_lines.append("No customer-asset figures were presented.")
    decided = [row[3] for row in m.stop_doing]
    stop_lines = ([f"Stopped: {decided.count('stopped')}; kept: {decided.count('kept')}; "
                   f"not decided: {len(decided) - decided.count('stopped') - decided.count('kept')}."]
                  if m.stop_doing else ["Nothing was proposed to stop."])
    total_dots = sum(p.dots for p in m.priorities)
    vote_lines = [f"{m.voters} leaders placed {total_dots} dots."] if m.priorities else ["No dot vote was held."]
    vote_lines += [f"Selected: {title}; sponsor {sponsor or 'to be named'}; team {team or 'to be named'}."
                   for title, sponsor, team in m.selected]
    return [
        ("Attendees", ["Name", "Role", "Silo"], [list(a) for a in m.attendees],
         [] if m.attendees else ["No attendees were recorded."]),
        (REVIEW_SECTION, ["Commitment", "Owner", "Made in", "Was due", "Review"],
         [[r.text, r.owner, f"{r.made_in} ({r.made_on})", r.due_before, r.verdict] for r in m.reviews],
         [review_summary(m)]),
        ("Did we earn the right to growth? The customer asset", ["Figure", "Value"], asset_rows, asset_lines),
        ("The journey walk", ["Stage", "Time on the walls"],
         [[v.stage, f"{v.seconds // 3600}:{v.seconds // 60 % 60:02d}:{v.seconds % 60:02d}"] for v in m.walk],
         ([] if m.walk else ["No stages were recorded as shown."])
         + [f"Call played: {c.title}" + (f" ({c.heard})" if c.heard else "") for c in m.calls]),
        ("What leaders experienced", ["Exercise", "Leader", "Result", "Time", "Answer", "Reaction"],
         [[e.title if n == 0 else "", *r] for e in m.exercises for n, r in enumerate(e.results)],
         [line for e in m.exercises
          for line in (f"{e.title}: {e.task}", e.comparison[:1].upper() + e.comparison[1:] + ".",
                       *(f"Earlier: {h}." for h in e.history))]
         or ["No exercises were run."]),
        ("Priorities: the vote and the selection", ["Experience", "Dots", "Selected here"],
         [[p.title, str(p.dots), "yes" if p.selected_here else ""] for p in m.priorities], vote_lines),
        ("Stop doing", ["What", "Why", "Capacity freed", "Decision"], [list(row) for row in m.stop_doing],
         stop_lines),
        ("Team reports", ["Team", "Step", "Report", "Artifacts"],
         [[r.team, r.step, r.report, ", ".join(r.artifacts)] for r in m.reports],
         [] if m.reports else ["No team reported in this session."]),
        ("Recognitions", ["Team", "Citation"], [list(row) for row in m.recognitions],
         [] if m.recognitions else ["No recognitions."]),
        ("Decisions", ["Time", "Decision", "On the walls"], [list(row) for row in m.decisions],
         [] if m.decisions else ["No decisions were recorded."]),
        ("Commitments", ["Commitment", "Owner", "Due", "Priority", "Status"],
         [[c.text, c.owner, c.due_on, c.priority, c.status] for c in m.commitments],
         [] if m.commitments else ["No commitments were made."]),
        ("Notes", ["Time", "Note", "On the walls"], [list(row) for row in m.notes], [] if m.notes else ["No notes."]),
        ("Next session", [], [], [long_date(m.session.next_session_on)]),
    ]


def _md_cell(text: str) -> str:
    return markdown_text(" ".join(str(text).split())).replace("|", "\\|")


def to_markdown(m: Minutes) -> str:
    """What people typed shows as typed: HTML is escaped and only http(s) and mailto links stay links."""
    title, sub = heading(m)
    out = [f"# {markdown_text(title)}", "", f"*{markdown_text(sub)}*", ""]
    for name, columns, rows, lines in sections(m):
        out += [f"## {name}", ""]
        for line in lines:
            out += [markdown_text(line), ""]
        if rows:
            out.append("| " + " | ".join(columns) + " |")
            out.append("|" + "|".join("---" for _ in columns) + "|")
            out += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out)


STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; color: #111; font-size: 10.5pt; max-width: 60em; margin: 2em auto; }
header { display: flex; align-items: center; gap: 16pt; border-bottom: 3pt solid {brand}; padding-bottom: 8pt; }
header img { max-height: 56pt; max-width: 180pt; }
h1 { font-size: 18pt; margin: 0 0 2pt 0; }
h2 { font-size: 13pt; margin: 22pt 0 8pt 0; color: {ink}; border-bottom: 1px solid {brand}; padding-bottom: 2pt; }
p.sub { color: #444; font-style: italic; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt 0; }
th { background: {tint}; text-align: left; }
th, td { border: 1px solid #b8c2c8; padding: 4pt 6pt; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
h2 { break-after: avoid; page-break-after: avoid; }
p.draft { color: #a40000; font-weight: bold; }
div.opening { break-inside: avoid; page-break-inside: avoid; }
span.date { white-space: nowrap; }
"""


def _style(m: Minutes) -> str:
    brand = brand_hex(m.branding.brand_colour if m.branding else DEFAULT_BRAND)
    return (STYLE.replace("{brand}", brand).replace("{ink}", ink_on_white(brand))
            .replace("{tint}", tint(brand, 0.14)))


def _html_text(text: str) -> str:
    """Escaped text; a long one as paragraphs of at most 2,000 characters, each ending at a sentence."""
    pieces = paragraphs(text)
    if len(pieces) == 1:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", pieces[0]):  # a date is not broken at its hyphens
            return f"<span class='date'>{pieces[0]}</span>"
        return html.escape(pieces[0])
    return "".join(f"<p style='margin:0'>{html.escape(piece)}</p>" for piece in pieces)


def long_cells(columns: list[str], rows: list[list[str]]) -> tuple[list[list[str]], list[tuple[str, list[str]]]]:
    """The rows with any cell longer than a capture may be (an older room's) cut to its opening, and what was
    cut: (where, its paragraphs) for each, to follow the table whole.

    Qt lays a paragraph out in time that grows with the square of its length, and a cell spread over many
    pages is no way to read: long text goes to the page as short paragraphs outside the table, so the PDF
    stays linear in what the minutes hold. A cell keeps the text's opening and says where the rest is.
    """
    shown, below = [], []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, cell in zip(columns, map(str, row)):
            if len(cell) <= CAPTURE_LIMIT:
                cells.append(cell)
                continue
            where = f"{column} of row {number}"
            cells.append(f"{wall_excerpt(cell)} (all {len(cell):,} characters follow the table, as “{where}”)")
            below.append((where, paragraphs(cell)))
        shown.append(cells)
    return shown, below


def _html_table(columns: list[str], rows: list[list[str]]) -> list[str]:
    """The table, then the whole of any cell too long for one (see long_cells), under it."""
    esc = html.escape
    out = ["<table border='1' cellspacing='0' cellpadding='4' width='100%'><thead><tr>"
           + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr></thead><tbody>"]  # printed: on every page
    shown, below = long_cells(columns, rows)
    out += ["<tr>" + "".join(f"<td>{_html_text(cell)}</td>" for cell in cells) + "</tr>" for cells in shown]
    out.append("</tbody></table>")
    for where, pieces in below:
        out.append(f"<p><b>{esc(where)}, in full:</b></p>")
        out += [f"<p>{esc(piece)}</p>" for piece in pieces]
    return out


def to_html(m: Minutes, charts: dict[str, str] | None = None, logo: str = "") -> str:
    """A self-contained page. ``charts`` maps a section title to an image source placed under it; ``logo`` is
    the room's logo as an image source (none without it)."""
    charts = charts or {}
    title, sub = heading(m)
    esc = html.escape
    out = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'>", f"<title>{esc(title)}</title>",
           f"<style>{_style(m)}</style></head><body>", "<header>",
           *([f"<img src='{logo}' alt='{esc(m.room)}'>"] if logo else []),
           f"<div><h1>{esc(title)}</h1>", f"<p class='sub'>{esc(sub)}</p></div>", "</header>"]
    if m.draft:
        out.append("<p class='draft'>Draft minutes: the session has not been closed.</p>")
    for name, columns, rows, lines in sections(m):
        out += ["<div class='opening'>", f"<h2>{esc(name)}</h2>"]  # printed, the heading stays with its opening
        out += [f"<p>{esc(piece)}</p>" for line in lines for piece in paragraphs(line)]
        if name in charts:
            out.append(f"<p><img src='{charts[name]}' width='640'></p>")
        out.append("</div>")
        if rows:
            out += _html_table(columns, rows)
    out.append("</body></html>")
    return "\n".join(out)


CSV_COLUMNS = ["session", "session_date", "kind", "item", "who", "due_on", "priority", "status", "detail"]


def minutes_csv(m: Minutes) -> str:
    """What the session decided and reviewed, one row each, for a tracker or a spreadsheet: the earlier
    commitments it reviewed (status: done, moved, dropped or still open), its decisions, its commitments, what
    it decided to stop doing (stopped, kept or not decided) and each leader's exercise result and reaction.
    No cell can be read as a formula (guard_row)."""
    rows: list[list[str]] = []
    for r in m.reviews:
        moved = f"; now due {r.due_after}" if r.due_after != r.due_before else ""
        rows.append(["commitment review", r.text, r.owner, r.due_after, r.priority,
                     "still open" if r.outcome.value == "open" else r.outcome.value,
                     f"made in {r.made_in} ({r.made_on}); was due {r.due_before}{moved}"])
    rows += [["decision", text, "", "", "", "", f"on the walls: {walls}" if walls else ""]
             for _, text, walls in m.decisions]
    rows += [["commitment", c.text, c.owner, c.due_on, c.priority, c.status, ""] for c in m.commitments]
    rows += [["stop doing", title, "", "", "", decision,
              "; ".join(part for part in (f"why: {why}" if why else "", f"frees: {freed}" if freed else "") if part)]
             for title, why, freed, decision in m.stop_doing]
    for e in m.exercises:
        for leader, outcome, time, answer, reaction in e.results:
            detail = [f"time {time}" if time != "–" else "", f"answer: {answer}" if answer else "",
                      f"reaction: {reaction}" if reaction else ""]
            rows.append(["exercise", e.title, leader, "", "", outcome, "; ".join(d for d in detail if d)])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(guard_row([m.session.title, m.session.scheduled_on, *row]))
    return buffer.getvalue()
