"""Minutes as Markdown, HTML and CSV: the same content, laid out for reading, sharing or a tracker."""

from __future__ import annotations

import csv
import html
import io
from datetime import date

from ..domain.csv_cells import guard_row
from ..domain.long_text import paragraphs, wall_excerpt
from ..domain.markdown_text import markdown_text
from ..domain.meetings import CAPTURE_LIMIT
from .minutes import Minutes

CADENCE_NAMES = {"monthly": "Monthly", "quarterly": "Quarterly", "annual": "Annual", "workshop": "Workshop",
                 "onboarding": "Onboarding"}


def _day(iso: str | None) -> str:
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
            f"{_day(s.scheduled_on)}{held} · {CADENCE_NAMES.get(s.cadence, s.cadence)} session · {state}")


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
    total_dots = sum(p.dots for p in m.priorities)
    vote_lines = [f"{m.voters} leaders placed {total_dots} dots."] if m.priorities else ["No dot vote was held."]
    vote_lines += [f"Selected: {title}; sponsor {sponsor or 'to be named'}; team {team or 'to be named'}."
                   for title, sponsor, team in m.selected]
    return [
        ("Attendees", ["Name", "Role", "Silo"], [list(a) for a in m.attendees],
         [] if m.attendees else ["No attendees were recorded."]),
        ("Did we earn the right to growth? The customer asset", ["Figure", "Value"], asset_rows, asset_lines),
        ("The journey walk", ["Stage", "Time on the walls"],
         [[v.stage, f"{v.seconds // 3600}:{v.seconds // 60 % 60:02d}:{v.seconds % 60:02d}"] for v in m.walk],
         ([] if m.walk else ["No stages were recorded as shown."])
         + [f"Call played: {c.title}" + (f" ({c.heard})" if c.heard else "") for c in m.calls]),
        ("What leaders experienced", ["Exercise", "Leader", "Result", "Time", "Answer", "Reaction"],
         [[e.title if n == 0 else "", *r] for e in m.exercises for n, r in enumerate(e.results)],
         [line for e in m.exercises
          for line in (f"{e.title}: {e.task}", e.comparison[:1].upper() + e.comparison[1:] + ".",
                       *(f"Earlier: {h}" for h in e.history))]
         or ["No exercises were run."]),
        ("Priorities: the vote and the selection", ["Experience", "Dots", "Selected here"],
         [[p.title, str(p.dots), "yes" if p.selected_here else ""] for p in m.priorities], vote_lines),
        ("Stop doing", ["What", "Why", "Capacity freed", "Decision"], [list(row) for row in m.stop_doing],
         [] if m.stop_doing else ["Nothing was proposed to stop."]),
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
        ("Next session", [], [], [_day(m.session.next_session_on)]),
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
body { font-family: 'DejaVu Sans', sans-serif; color: #111; font-size: 10.5pt; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; color: #0b5563; border-bottom: 1px solid #0b5563; }
p.sub { color: #444; font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th { background: #e6f2f3; text-align: left; }
th, td { border: 1px solid #9aa; padding: 3pt 5pt; vertical-align: top; }
p.draft { color: #a40000; font-weight: bold; }
"""


def _html_text(text: str) -> str:
    """Escaped text; a long one as paragraphs of at most 2,000 characters, each ending at a sentence."""
    pieces = paragraphs(text)
    if len(pieces) == 1:
        return html.escape(pieces[0])
    return "".join(f"<p style='margin:0'>{html.escape(piece)}</p>" for piece in pieces)


def _html_table(columns: list[str], rows: list[list[str]]) -> list[str]:
    """The table, then the whole of any cell longer than a capture may be (an older room's), under it.

    Qt lays a paragraph out in time that grows with the square of its length, and a table cell spread
    over many pages likewise: long text goes to the page as short paragraphs outside the table, so the
    PDF stays linear in what the minutes hold. A cell keeps the text's opening and says where the rest is.
    """
    esc = html.escape
    out = ["<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>"
           + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr>"]
    below: list[str] = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, cell in zip(columns, map(str, row)):
            if len(cell) <= CAPTURE_LIMIT:
                cells.append(f"<td>{_html_text(cell)}</td>")
                continue
            where = f"{column} of row {number}"
            cells.append(f"<td>{esc(wall_excerpt(cell))} <i>(all {len(cell):,} characters follow the table, "
                         f"as “{esc(where)}”)</i></td>")
            below.append(f"<p><b>{esc(where)}, in full:</b></p>")
            below += [f"<p>{esc(piece)}</p>" for piece in paragraphs(cell)]
        out.append("<tr>" + "".join(cells) + "</tr>")
    return [*out, "</table>", *below]


def to_html(m: Minutes, charts: dict[str, str] | None = None) -> str:
    """A self-contained page. ``charts`` maps a section title to an image source placed under it."""
    charts = charts or {}
    title, sub = heading(m)
    esc = html.escape
    out = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'>", f"<title>{esc(title)}</title>",
           f"<style>{STYLE}</style></head><body>", f"<h1>{esc(title)}</h1>", f"<p class='sub'>{esc(sub)}</p>"]
    if m.draft:
        out.append("<p class='draft'>Draft minutes: the session has not been closed.</p>")
    for name, columns, rows, lines in sections(m):
        out.append(f"<h2>{esc(name)}</h2>")
        out += [f"<p>{esc(piece)}</p>" for line in lines for piece in paragraphs(line)]
        if name in charts:
            out.append(f"<p><img src='{charts[name]}' width='640'></p>")
        if rows:
            out += _html_table(columns, rows)
    out.append("</body></html>")
    return "\n".join(out)


def commitments_csv(m: Minutes) -> str:
    """One row per commitment, for a tracker or a spreadsheet; no cell can be read as a formula (guard_row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["session", "session_date", "commitment", "owner", "due_on", "priority", "status"])
    for c in m.commitments:
        writer.writerow(guard_row([m.session.title, m.session.scheduled_on, c.text, c.owner, c.due_on, c.priority,
                                   c.status]))
    return buffer.getvalue()
