"""The privacy mask for complaint verbatims shown on walls.

Masking is deterministic: the complaint's own customer name is masked wherever it appears, in full
and by part, in any case; e-mail addresses, web links, people's @handles, phone numbers, IBANs and
long digit runs (account, policy and card numbers) by pattern (privacy_numbers). Dates and money are
kept. The company's own handles (a room setting) are kept too: "@HarbourlineHelp never replied" is
the complaint, not the complainant. Automatic detectors miss names and flag ordinary numbers;
known fields do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .privacy_numbers import NUMBER, PHONE, SetAside, mask_numbers

__all__ = ["EMAIL", "HANDLE", "LINK", "NAME", "NUMBER", "PHONE", "mask_names", "mask_verbatim", "own_handle_set"]

NAME = "[name]"
EMAIL = "[e-mail]"
LINK = "[link]"
HANDLE = "[handle]"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starting a word: linear in a long run
# A link with a scheme or www., or a domain followed by a path (t.co/AbC123, bit.ly/x); not a bare domain.
_URL = re.compile(r"(?<![\w@/.-])(?:(?:https?|ftp)://|www\.)[^\s<>\"]+"
                  r"|(?<![\w@/.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}/[^\s<>\"]*", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'\"…"
_HANDLE = re.compile(r"(?<![\w@.])@(\w{1,30})(?![\w@])")


def own_handle_set(handles: Iterable[str]) -> frozenset[str]:
    """The company's handles as the mask compares them: without the @, in lower case."""
    return frozenset(h.strip().lstrip("@").lower() for h in handles if h.strip().lstrip("@"))


def _mask_url(match: re.Match[str]) -> str:
    """The link masked; punctuation after it ("see t.co/x." or "(t.co/x)") is the sentence's, kept."""
    url = match.group()
    link = url.rstrip(_URL_TRAILING)
    return LINK + url[len(link):]


def mask_names(text: str, names: Iterable[str]) -> str:
    """Mask each full name, then each part of two letters or more, as whole words in any case."""
    parts: set[str] = set()
    fulls: list[str] = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        fulls.append(name)
        parts.update(part for part in re.split(r"[\s-]+", name) if len(part.strip(".'")) >= 2)
    for piece in sorted(fulls, key=len, reverse=True) + sorted(parts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(piece)}(?!\w)", NAME, text, flags=re.IGNORECASE)
    return re.sub(rf"{re.escape(NAME)}(?:\s+{re.escape(NAME)})+", NAME, text)


def mask_verbatim(text: str, customer_names: Iterable[str] = (), own_handles: Iterable[str] = ()) -> str:
    """What a wall may show of a complaint's words."""
    own = own_handle_set(own_handles)
    aside = SetAside("\ue001")  # the company's own handles, which no later mask may touch (@Harbourline247365)
    masked = _EMAIL.sub(EMAIL, text)
    masked = _URL.sub(_mask_url, masked)
    masked = _HANDLE.sub(lambda m: aside.keep(m) if m.group(1).lower() in own else HANDLE, masked)
    masked = mask_numbers(masked)
    return aside.restore(mask_names(masked, customer_names))
