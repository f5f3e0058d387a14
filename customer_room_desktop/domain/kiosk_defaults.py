"""The programme a kiosk room loops when it has none of its own: the journey, each stage, conversation
one's evidence, the team board and the latest recognition."""

from __future__ import annotations

from .kiosk_programme import KioskProgramme, KioskStep

JOURNEY_SECONDS = 30
STAGE_SECONDS = 40
EVIDENCE_SECONDS = 45
TEAMS_SECONDS = 30
CELEBRATION_SECONDS = 20


def default_programme(stage_count: int, has_recognition: bool) -> KioskProgramme:
    steps = [KioskStep(JOURNEY_SECONDS, ("journey", "journey", "journey"))]
    steps += [KioskStep(STAGE_SECONDS, (f"stage:{n}", f"complaints:{n}", "journey")) for n in range(1, stage_count + 1)]
    steps.append(KioskStep(EVIDENCE_SECONDS, ("asset", "warnings", "listening")))
    steps.append(KioskStep(TEAMS_SECONDS, ("teams", "journey", "asset")))
    if has_recognition:
        steps.append(KioskStep(CELEBRATION_SECONDS, ("celebration",)))
    return KioskProgramme(tuple(steps))
