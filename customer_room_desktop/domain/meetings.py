"""The meetings held in the room and what leaves it: priorities, teams, decisions, commitments."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import field
from datetime import date
from enum import Enum
from collections.abc import Iterable

from .periods import add_months, month_of
from .records import record


class Cadence(str, Enum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    WORKSHOP = "workshop"
    ONBOARDING = "onboarding"


class Conversation(int, Enum):
    """The four conversations every session runs."""

    EARN_THE_RIGHT = 1  # did we earn the right to customer growth?
    CARE_ABOUT_LIVES = 2  # walk the journey stage by stage
    FOCUS_AND_COMMIT = 3  # choose the critical few, decide what to stop
    ACCOUNTABILITY = 4  # teams report, the middle is rewarded


@record
class Attendee:
    name: str
    role: str = ""
    silo_key: str | None = None


@record
class AgendaItem:
    conversation: Conversation
    title: str
    planned_minutes: int


@record
class Session:
    key: str
    title: str
    cadence: Cadence
    scheduled_on: date
    started_at: str | None = None
    closed_at: str | None = None
    next_session_on: date | None = None
    attendees: tuple[Attendee, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class PriorityStatus(str, Enum):
    CANDIDATE = "candidate"
    SELECTED = "selected"
    COMPLETED = "completed"
    DROPPED = "dropped"


@record
class Priority:
    """A one-company experience to improve, not a silo's pet project."""

    key: str
    title: str
    stage_key: str
    status: PriorityStatus = PriorityStatus.CANDIDATE
    description: str = ""
    moment_key: str | None = None
    sponsor: str = ""
    selected_in_session: str | None = None


@record
class Vote:
    priority_key: str
    voter: str
    dots: int


def tally(votes: Iterable[Vote]) -> list[tuple[str, int]]:
    """Dots per priority, most first; ties keep the order of the priority keys."""
    totals: Counter[str] = Counter()
    for vote in votes:
        if vote.dots < 0:
            raise ValueError(f"{vote.voter} gave {vote.dots} dots; dots cannot be negative")
        totals[vote.priority_key] += vote.dots
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))


@record
class TeamMember:
    name: str
    silo_key: str | None = None


@record
class Team:
    """The cross-silo team assigned to a priority."""

    name: str
    priority_key: str
    lead: str = ""
    members: tuple[TeamMember, ...] = ()

    @property
    def silos(self) -> set[str]:
        return {m.silo_key for m in self.members if m.silo_key}


class StepStatus(str, Enum):
    PLANNED = "planned"
    REPORTED = "reported"
    LATE = "late"


@record
class AccountabilityStep:
    position: int
    title: str
    due_on: date
    status: StepStatus = StepStatus.PLANNED
    report: str = ""
    reported_in_session: str | None = None


DEFAULT_CYCLE = (
    "Current state of the experience",
    "Root causes and current metrics",
    "Recommendations, actions and budget",
    "Actions begin",
)


def default_cycle(first_due: date, months: int = len(DEFAULT_CYCLE)) -> list[AccountabilityStep]:
    """The straw-man cycle, one report a month; shorter or longer cycles trim or extend it.

    A cycle shorter than four months keeps the first and last steps' meaning: it
    ends with "Actions begin". Extra months are further action reviews.
    """
    if months < 1:
        raise ValueError("an accountability cycle needs at least one month")
    if months >= len(DEFAULT_CYCLE):
        titles = list(DEFAULT_CYCLE) + [f"Actions review {n}" for n in range(1, months - len(DEFAULT_CYCLE) + 1)]
    else:
        titles = list(DEFAULT_CYCLE[: months - 1]) + [DEFAULT_CYCLE[-1]]
    steps = []
    for position, title in enumerate(titles, start=1):
        year, month = (int(part) for part in add_months(month_of(first_due), position - 1).split("-"))
        day = min(first_due.day, 28)
        steps.append(AccountabilityStep(position, title, date(year, month, day)))
    return steps


class StopDoingStatus(str, Enum):
    PROPOSED = "proposed"
    DECIDED = "decided"  # the room decided to stop it
    REJECTED = "rejected"  # the room decided to keep doing it


# What the room decided about a stop-doing item, in the words of the minutes.
STOP_DOING_WORDS = {StopDoingStatus.PROPOSED: "proposed, not decided", StopDoingStatus.DECIDED: "stopped",
                    StopDoingStatus.REJECTED: "kept"}


@record
class StopDoingItem:
    title: str
    rationale: str = ""
    capacity_freed: str = ""
    silo_key: str | None = None
    status: StopDoingStatus = StopDoingStatus.PROPOSED


@record
class Recognition:
    priority_key: str
    citation: str


@record
class CaptureContext:
    """What the walls showed when something was captured."""

    stage_key: str | None = None  # set only when a wall showed the stage (or the journey)
    artifact_key: str | None = None
    call_key: str | None = None
    call_position_ms: int | None = None
    artifact_page: int | None = None  # 0-based
    views: tuple[str, ...] = ()  # the other walls in words: "customer asset Q3 2026", "early warning"

    def describe(self, stage_names: dict[str, str], call_titles: dict[str, str] | None = None) -> str:
        """What the walls showed, in words for the console and the minutes."""
        parts = [stage_names.get(self.stage_key, self.stage_key)] if self.stage_key else []
        if self.artifact_key:
            page = f" page {self.artifact_page + 1}" if self.artifact_page else ""
            parts.append(f"artifact {self.artifact_key}{page}")
        parts += list(self.views)
        if self.call_key:
            seconds = (self.call_position_ms or 0) // 1000
            title = (call_titles or {}).get(self.call_key, f"call {self.call_key}")
            parts.append(f"{title} at {seconds // 60}:{seconds % 60:02d}")
        return "; ".join(part for part in parts if part)

    @classmethod
    def from_json(cls, text: str | None) -> CaptureContext:
        """A capture's saved context; a damaged or empty one reads as "nothing known"."""
        try:
            saved = json.loads(text or "{}")
        except ValueError:
            saved = {}
        return cls.from_saved(saved if isinstance(saved, dict) else {})

    @classmethod
    def from_saved(cls, saved: dict) -> CaptureContext:
        """Read back from a capture's JSON (older rooms saved fewer fields; unknown ones are ignored)."""
        known = {name: value for name, value in saved.items() if name in cls.__dataclass_fields__}
        if "views" in known:
            known["views"] = tuple(str(view) for view in known["views"] or ())
        return cls(**known)


# The most a decision, commitment or note may hold, in characters: about eight pages, far more than
# anything said in a room. Longer material (a report, a narrative) belongs in an artifact.
CAPTURE_LIMIT = 20_000


def capture_too_long(text: str, what: str) -> str:
    """The refusal of a capture longer than CAPTURE_LIMIT, in one sentence; "" when it fits."""
    if len(text) <= CAPTURE_LIMIT:
        return ""
    return (f"The {what} is {len(text):,} characters; a capture holds at most {CAPTURE_LIMIT:,} "
            "— put long material in an artifact.")


@record
class Decision:
    uid: str
    text: str
    at: str
    context: CaptureContext = field(default_factory=CaptureContext)


class CommitmentStatus(str, Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@record
class Commitment:
    uid: str
    text: str
    owner: str
    due_on: date
    at: str
    priority_key: str | None = None
    status: CommitmentStatus = CommitmentStatus.OPEN
    context: CaptureContext = field(default_factory=CaptureContext)


@record
class Note:
    uid: str
    text: str
    at: str
    context: CaptureContext = field(default_factory=CaptureContext)


@record
class JournalEvent:
    """One thing that happened in a session, in order: a stage shown, a call played, a vote."""

    uid: str
    at: str
    kind: str
    detail: str = ""
