"""The journey as the customer lives it: stages, moments of truth, personas, artifacts, calls."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from enum import Enum

from .records import record


@record
class Room:
    name: str
    description: str = ""
    brand_colour: str = "#12A4B4"
    currency: str = "GBP"
    mask_verbatims: bool = True
    logo_sha256: str | None = None
    own_handles: tuple[str, ...] = ()  # the company's social-media handles, which the privacy mask keeps


@record
class Silo:
    """A department; every stage is affected by several of them at once."""

    key: str
    name: str


@record
class Stage:
    """A stage of the journey, named in the customer's words ("I make a claim")."""

    key: str
    name: str
    goal: str
    position: int
    description: str = ""
    narration: str = ""  # what a visitor reads on the kiosk's self-guided tour


@record
class MomentOfTruth:
    """A key touchpoint of a stage; the company names its top 10-20."""

    key: str
    stage_key: str
    name: str
    description: str = ""
    is_priority: bool = False
    silo_keys: tuple[str, ...] = ()


@record
class Persona:
    key: str
    name: str
    situation: str = ""
    goals: tuple[str, ...] = ()
    frustrations: tuple[str, ...] = ()
    quote: str = ""
    photo_sha256: str | None = None


class ArtifactKind(str, Enum):
    INVOICE = "invoice"
    LETTER = "letter"
    FORM = "form"
    SCREENSHOT = "screenshot"
    PACKING_SLIP = "packing-slip"
    EMAIL = "email"
    CONTRACT = "contract"
    BROCHURE = "brochure"
    STATEMENT = "statement"
    NOTICE = "notice"
    HANG_TAG = "hang-tag"
    OTHER = "other"


@record
class TryItTask:
    """A "do what customers must do" exercise attached to an artifact."""

    text: str
    customer_median_seconds: int
    done_when: str = ""
    customer_give_up_percent: float | None = None
    common_wrong_answer: str = ""

    def problems(self) -> list[str]:
        found = []
        if not self.text.strip():
            found.append("the task has no text")
        if self.customer_median_seconds <= 0:
            found.append("the customers' time must be a positive number of seconds")
        if self.customer_give_up_percent is not None and not 0 <= self.customer_give_up_percent <= 100:
            found.append("the give-up share must be between 0 and 100 per cent")
        return found


@record
class Artifact:
    """Something customers physically receive or must fill in."""

    key: str
    title: str
    kind: ArtifactKind
    stage_key: str
    media_sha256: str
    moment_key: str | None = None
    caption: str = ""
    task: TryItTask | None = None
    pdf_password: str | None = None  # the user password of a PDF that needs one to open
    page: int = 1  # for a PDF, the page its wall opens at and its thumbnail shows


class MediaKind(str, Enum):
    AUDIO = "audio"
    VIDEO = "video"


@record
class TranscriptSegment:
    start_ms: int
    end_ms: int
    speaker: str
    text: str


@record
class Call:
    """A recorded customer call or video interview, with its timed transcript."""

    key: str
    title: str
    stage_key: str
    media_sha256: str
    kind: MediaKind = MediaKind.AUDIO
    duration_ms: int = 0
    moment_key: str | None = None
    persona_key: str | None = None
    consent: bool = False
    recorded_on: str | None = None
    summary: str = ""
    segments: tuple[TranscriptSegment, ...] = field(default_factory=tuple)


def recorded_on_problem(value: str, today: date) -> str:
    """What is wrong with a call's recorded date, as one sentence without its full stop ("" when nothing): it
    is a real day written YYYY-MM-DD, and not after ``today``. `build` and the editor take the same dates."""
    try:
        day = date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return f"'{value}' is not a date: write the day the call was recorded as YYYY-MM-DD, such as 2026-03-14"
    if day > today:
        return f"{value} is after today, so no call can have been recorded on it yet"
    return ""
