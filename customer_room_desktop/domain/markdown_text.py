"""Text for a Markdown file that stays text: no HTML, and links only to web pages and e-mail.

Minutes quote what people typed in the room, and a Markdown viewer renders raw HTML (``<script>``,
``<img onerror=…>``) and links to any target (``[x](javascript:…)``). ``markdown_text`` makes a piece
of typed text show as typed: ``<`` and the ``&`` of an entity become entities (so no tag can open), backslashes and
square brackets are escaped, and only a link written ``[text](https://…)``, ``(http://…)`` or
``(mailto:…)`` stays a link. The escapes work in CommonMark, GitHub and the original Markdown.
"""

from __future__ import annotations

import re

_SAFE_LINK = re.compile(r"\[([^\[\]\n]*)\]\(((?:https?://|mailto:)[^\s()<>\\]+)\)", re.IGNORECASE)
_ENTITY = re.compile(r"&(?=#?\w+;)")


def _plain(text: str) -> str:
    text = text.replace("\\", "\\\\")
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    return text.replace("[", "\\[").replace("]", "\\]")


def markdown_text(text: str) -> str:
    """``text`` escaped for Markdown, keeping its http(s) and mailto links as links."""
    out: list[str] = []
    position = 0
    for link in _SAFE_LINK.finditer(text):
        before = _plain(text[position:link.start()])
        if before.endswith("!"):  # "![x](https://…)" would embed a picture from anywhere: a link instead
            before = before[:-1] + "\\!"
        out += [before, f"[{_plain(link.group(1))}]({link.group(2)})"]
        position = link.end()
    out.append(_plain(text[position:]))
    return "".join(out)
