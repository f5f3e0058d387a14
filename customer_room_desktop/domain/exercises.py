"""Try it yourself: leaders do what customers must do, and their results sit beside the customers'.

A result is one leader's outcome in one exercise: finished (with the time taken), gave up, or an
answer given (right or wrong is for the room to judge against "done when").
"""

from __future__ import annotations

from enum import Enum

from .records import record


class Outcome(str, Enum):
    FINISHED = "finished"
    GAVE_UP = "gave up"
    ANSWERED = "answered"


@record
class ExerciseResult:
    attendee: str
    outcome: Outcome
    seconds: int | None = None  # time taken; kept for every outcome when known
    answer: str = ""
    reaction: str = ""


@record
class ExerciseSummary:
    attendees: int  # leaders in the room
    finished: int
    gave_up: int
    answered: int
    median_seconds: int | None  # of those who finished

    @property
    def recorded(self) -> int:
        return self.finished + self.gave_up + self.answered


def clock_text(seconds: int | None) -> str:
    """9:40, 23:00, 1:02:05; a dash when unknown."""
    if seconds is None:
        return "–"
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def summarise(results: list[ExerciseResult], attendees: int) -> ExerciseSummary:
    import statistics  # noqa: PLC0415 - with fractions and decimal, 9 ms the room's start need not pay

    times = [r.seconds for r in results if r.outcome is Outcome.FINISHED and r.seconds is not None]
    return ExerciseSummary(
        attendees,
        sum(1 for r in results if r.outcome is Outcome.FINISHED),
        sum(1 for r in results if r.outcome is Outcome.GAVE_UP),
        sum(1 for r in results if r.outcome is Outcome.ANSWERED),
        round(statistics.median(times)) if times else None)


def leaders_line(summary: ExerciseSummary) -> str:
    finished = f"{summary.finished} of {summary.attendees} finished"
    median = f", median {clock_text(summary.median_seconds)}" if summary.median_seconds is not None else ""
    gave_up = f", {summary.gave_up} gave up" if summary.gave_up else ""
    answered = f", {summary.answered} gave an answer" if summary.answered else ""
    return f"leaders: {finished}{median}{gave_up}{answered}"


def customers_line(median_seconds: int, give_up_percent: float | None) -> str:
    gave_up = f", {give_up_percent:g} % give up" if give_up_percent is not None else ""
    return f"customers: median {clock_text(median_seconds)}{gave_up}"


def comparison_line(summary: ExerciseSummary, median_seconds: int, give_up_percent: float | None) -> str:
    """"leaders: 3 of 6 finished, median 9:40; customers: median 14:00, 23 % give up"."""
    return f"{leaders_line(summary)}; {customers_line(median_seconds, give_up_percent)}"
