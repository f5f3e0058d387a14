"""Planning a session: the agenda a cadence calls for, and the rules a plan must keep."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .meetings import AgendaItem, Attendee, Cadence, Conversation
from .records import record

CONVERSATION_TITLES = {
    Conversation.EARN_THE_RIGHT: "Did we earn the right to customer growth?",
    Conversation.CARE_ABOUT_LIVES: "Care about customers' lives: walk the journey",
    Conversation.FOCUS_AND_COMMIT: "Focus, prioritise, commit",
    Conversation.ACCOUNTABILITY: "Drive accountability and reward the middle",
}

# Planned minutes of the four conversations for each cadence. A monthly room is mostly
# accountability; a quarterly one re-walks the journey and revisits the critical few; the annual
# one resets them; a workshop or an onboarding session is mostly the walk itself.
CADENCE_MINUTES: dict[Cadence, tuple[int, int, int, int]] = {
    Cadence.MONTHLY: (15, 40, 25, 40),
    Cadence.QUARTERLY: (30, 75, 50, 35),
    Cadence.ANNUAL: (45, 120, 90, 45),
    Cadence.WORKSHOP: (30, 120, 45, 15),
    Cadence.ONBOARDING: (20, 90, 20, 10),
}
MINUTES_PER_TEAM_REPORT = 5
MINUTES_WITH_THE_PERSONAS = 5  # taken from the walk: it opens with the customers as people


@record
class ReportDue:
    """A team's step that falls due by the session: it is reported in conversation 4."""

    priority_key: str
    team: str
    position: int
    step_title: str
    due_on: date


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def agenda_for(cadence: Cadence, reports_due: Sequence[ReportDue] = (),
               personas: Sequence[str] = ()) -> list[AgendaItem]:
    """The four conversations with their planned minutes, then one item per team report due.

    With personas, the journey walk opens by meeting them (its first minutes are theirs).
    """
    minutes = list(CADENCE_MINUTES[Cadence(cadence)])
    agenda = []
    for conversation in Conversation:
        planned = minutes[conversation - 1]
        if conversation is Conversation.CARE_ABOUT_LIVES and personas:
            agenda.append(AgendaItem(conversation, f"Meet the customers: {_names(list(personas))}",
                                     MINUTES_WITH_THE_PERSONAS))
            planned -= MINUTES_WITH_THE_PERSONAS
        agenda.append(AgendaItem(conversation, CONVERSATION_TITLES[conversation], planned))
    for report in sorted(reports_due, key=lambda r: (r.due_on, r.team, r.position)):
        agenda.append(AgendaItem(Conversation.ACCOUNTABILITY,
                                 f"{report.team} reports step {report.position}: {report.step_title}",
                                 MINUTES_PER_TEAM_REPORT))
    return agenda


def duplicate_attendee(attendees: list[Attendee]) -> str | None:
    """The first name that appears twice (ignoring case and spacing), or None."""
    seen: set[str] = set()
    for attendee in attendees:
        folded = " ".join(attendee.name.split()).casefold()
        if folded in seen:
            return " ".join(attendee.name.split())
        seen.add(folded)
    return None


def selection_warning(selected: int, limit: int) -> str:
    """The room chooses the critical few: more than ``limit`` priorities earns a warning, not a refusal."""
    if selected <= limit:
        return ""
    return (f"{selected} priorities are selected, more than the {limit} this room allows itself: "
            "the critical few get done, a long list does not.")
