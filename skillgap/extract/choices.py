"""Choice lists in postings: "PHP, Python or Go" and "one of: Python, Perl, PHP" ask for one skill of several.

Found here, where the text is, and carried on each `Mention` (``choice``: the other skills of
its choice), so the gap step weighs and accepts alternatives without reading the text again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from ..rules import Cues
from .model import Mention

_LINK_TOKEN = re.compile(r"\w+|\S")


def choice_lists(
    text: str, mentions: Iterable[Mention], *, separators: frozenset[str], words: frozenset[str], openers: Iterable[str] = ()
) -> list[list[Mention]]:
    """Runs of mentions that offer a choice: "PHP, Python or Go", "one of: Python, Perl, PHP".

    Neighbouring mentions (in text order) belong to one list when only list separators stand
    between them. A choice ends at a link holding one of ``words`` ("or") and starts after the
    previous such link, after a link with any other word ("and" joins, it does not offer a
    choice) or at the start of the list; "Python, R and SQL or Scala" offers SQL or Scala. A
    list right after one of ``openers`` ("one of") is a choice as a whole.
    """
    opened_by = re.compile(rf"(?:{'|'.join(re.escape(o.lower()) for o in openers)})\W*\Z") if openers else None
    choices: list[list[Mention]] = []
    current: list[Mention] = []
    opened = False
    previous: Mention | None = None

    def close() -> None:
        if opened and len({c.skill_id for c in current}) > 1:
            choices.append(current)

    for m in sorted(mentions, key=lambda m: m.start):
        link = _link(text, previous.end, m.start, separators) if previous is not None else None
        if link is None:
            close()  # not in the same list as the previous mention
            current = [m]
            opened = opened_by is not None and opened_by.search(text[max(0, m.start - 40) : m.start].lower()) is not None
        elif any(t in words for t in link):
            if len({c.skill_id for c in current} | {m.skill_id}) > 1:
                choices.append([*current, m])
            current, opened = [], False
        elif any(t[0].isalnum() for t in link):
            close()  # "and": the items before are joined, not offered
            current, opened = [m], False
        else:
            current.append(m)
        previous = m
    close()
    return choices


def _link(text: str, start: int, end: int, separators: frozenset[str]) -> list[str] | None:
    """The words and marks (lower-cased) between two mentions when all are list separators, else
    None: read only up to the first other word (most mentions have a sentence between them)."""
    link = []
    for token in _LINK_TOKEN.finditer(text, start, end):
        word = token.group().lower()
        if word not in separators:
            return None
        link.append(word)
    return link


def with_choices(text: str, mentions: Sequence[Mention], cues: Cues) -> tuple[Mention, ...]:
    """``mentions`` with ``choice`` set on those that stand in a choice list of ``text``: the ids of
    the other skills of that choice, in text order. Lists are made of the stated, non-negated
    mentions (an implied or negated one is no item a posting offers)."""
    items = [m for m in mentions if not m.negated and m.method != "implied"]
    others: dict[int, tuple[str, ...]] = {}
    for choice in choice_lists(text, items, separators=cues.list_separators, words=cues.alternative_words, openers=cues.choice_openers):
        skills = tuple(dict.fromkeys(m.skill_id for m in choice))
        for m in choice:
            others[id(m)] = tuple(s for s in skills if s != m.skill_id)
    if not others:
        return tuple(mentions)
    return tuple(dataclasses.replace(m, choice=others[id(m)]) if id(m) in others else m for m in mentions)
