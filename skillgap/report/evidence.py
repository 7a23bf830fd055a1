"""The sentence a mention came from, cut to a readable length, for reports and terminal tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..extract.model import Mention

#: Where a sentence ends: end punctuation followed by a space, a line break, or a bullet.
_BOUNDARY = re.compile(r"[.!?;](?=\s)|\n|[•▪●◦·]")
#: A list marker at the start of a line ("* ", "- ", "1. "), dropped from the sentence.
_BULLET = re.compile(r"^(?:[-*+–]|\d{1,2}[.)])(?:\s+|$)")


@dataclass(frozen=True)
class Snippet:
    """A sentence split around the mention so renderers can highlight it: ``before + hit + after``."""

    before: str
    hit: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.hit}{self.after}"


def sentence_around(text: str, start: int, end: int, *, limit: int = 200) -> Snippet:
    """The sentence (or line) of ``text`` holding ``text[start:end]``, whitespace collapsed.

    Context beyond ``limit`` characters is cut with an ellipsis, keeping the mention in view.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left = 0
    for match in _BOUNDARY.finditer(text, max(0, start - 2000), start):
        left = match.end()
    right_match = _BOUNDARY.search(text, end, end + 2000)
    right = right_match.end() if right_match and right_match.group() in ".!?" else (right_match.start() if right_match else len(text))
    before = _BULLET.sub("", " ".join(text[left:start].split()))
    hit = " ".join(text[start:end].split())
    after = " ".join(text[end:right].split())
    if text[left:start][-1:].isspace() and before:
        before += " "
    if text[end:right][:1].isspace() and after:
        after = " " + after
    room = max(limit - len(hit), 20)
    if len(before) > room // 2 + room % 2 and len(before) + len(after) > room:
        keep = max(room - min(len(after), room // 2), room // 2)
        cut = before[-keep:]
        before = "…" + (cut.split(" ", 1)[-1] if " " in cut[:-1] else cut).lstrip()
    if len(before) + len(after) > room:
        cut = after[: max(room - len(before), 0)]
        after = (cut.rsplit(" ", 1)[0] if " " in cut[1:] else cut).rstrip() + "…"
    return Snippet(before, hit, after)


def mention_snippet(text: str, mention: Mention, *, limit: int = 200) -> Snippet:
    """The sentence a mention came from in its document's ``text``."""
    return sentence_around(text, mention.start, mention.end, limit=limit)


def where(mention: Mention) -> str:
    """Where a mention is, for people: ``experience, p. 2`` (section omitted when unknown)."""
    return ", ".join(p for p in (mention.section, f"p. {mention.page}") if p)
