"""Long texts kept in bounds: what a wall quotes of a customer's words, and paragraphs a page can lay out.

Real complaint narratives run to 22,000 characters (CFPB exports). A wall shows the opening of one:
whole when it is short, else cut at a sentence end (or, failing that, a word) and ended with "…", so
laying it out costs the same whatever the length. The console shows the whole text.

Minutes print whatever length a capture held; Qt's text layout grows with the square of a paragraph's
length, so a long text is handed to it as several paragraphs, each ending at a sentence where it can.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .privacy import mask_verbatim

# What a wall quotes of one verbatim, in characters: about five lines at the wall's smallest type
# (22 wall units) in the stage panel's quote box, legible from five metres, and longer than any verbatim
# of the sample room. The box's own fitting may still end it earlier, at a word, when the box is small.
WALL_QUOTE_LIMIT = 320
ELLIPSIS = "…"
PARAGRAPH_LIMIT = 2_000  # characters of one paragraph handed to a page layout

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")  # a word that ends a sentence: "twice." "back!”"
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_TRAILING = ",;:-–—(“‘\"'"  # not left hanging before the ellipsis


def wall_excerpt(text: str, limit: int = WALL_QUOTE_LIMIT) -> str:
    """The opening of ``text`` in at most ``limit`` characters, runs of white space made single spaces.

    Whole when it fits. Otherwise cut after the last sentence that ends in the second half of the
    limit (then " …"), else after the last whole word (then "…"), else inside a word longer than the
    limit. Reads only as far as the limit, whatever the length of ``text``.
    """
    words: list[str] = []
    size = -1
    for match in _WORD.finditer(text):
        size += 1 + len(match.group())
        if size > limit:
            break
        words.append(match.group())
    else:
        return " ".join(words)
    budget = limit - 2  # room for " …" after a sentence, or "…" after a word
    while words and len(" ".join(words)) > budget:
        words.pop()
    if not words:  # one word longer than the limit: no boundary to cut at
        return next(_WORD.finditer(text)).group()[:limit - 1] + ELLIPSIS
    length = len(" ".join(words))
    for end in range(len(words), 0, -1):
        if length < limit / 2:
            break
        if _SENTENCE_END.search(words[end - 1]):
            return " ".join(words[:end]) + " " + ELLIPSIS
        length -= len(words[end - 1]) + 1
    while words and not words[-1].rstrip(_TRAILING):
        words.pop()
    if not words:
        return next(_WORD.finditer(text)).group()[:limit - 1] + ELLIPSIS
    words[-1] = words[-1].rstrip(_TRAILING)
    return " ".join(words) + ELLIPSIS


def wall_quote(text: str, customer_names: Iterable[str] = (), masked: bool = True,
               limit: int = WALL_QUOTE_LIMIT, own_handles: Iterable[str] = ()) -> str:
    """What a wall quotes of a customer's words: masked (unless the room turned masking off; the
    company's ``own_handles`` stay), then cut by ``wall_excerpt``. Only the opening is masked, however
    long the text: a stretch several times the limit, so nothing cut at its end can reach what the wall shows."""
    if not masked:
        return wall_excerpt(text, limit)
    names, handles = tuple(customer_names), tuple(own_handles)
    window = limit * 8
    shown = mask_verbatim(text[:window], names, handles)
    if len(text) > window and len(" ".join(shown.split())) < 2 * limit:
        shown = mask_verbatim(text, names, handles)  # masking ate most of the opening (a run of numbers): all of it
    return wall_excerpt(shown, limit)


def paragraphs(text: str, limit: int = PARAGRAPH_LIMIT) -> list[str]:
    """``text`` as pieces of at most ``limit`` characters, in order, each ending after a sentence where
    one ends in the second half of the piece, else after a word. Short text is one piece, as it was."""
    if len(text) <= limit:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max((m.end() for m in _SENTENCE_BREAK.finditer(window, limit // 2)), default=0)
        if not cut:
            space = max(window.rfind(" ", limit // 2), window.rfind("\n", limit // 2))
            cut = space + 1 if space > 0 else limit
        pieces.append(window[:cut].strip())
        start += cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]
