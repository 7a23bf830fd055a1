"""A head word shared by a coordination: "Functional, Regression and System testing".

A skill's ``hides`` says that one of its names holds another skill's name without meaning it
("regression testing" holds no Regression). A coordination can share that name's head word
among its items: "functional, regression and manual testing" is regression testing too. A match
of a hidden skill goes when a coordination starting right after it ends in the head word of one
of the hiding skill's names that its own words open, and another item of the coordination with
that head is a name of the hiding skill as well ("Functional Testing", "Manual Testing"): the
coordination then lists kinds of the hiding skill. "regression and hypothesis testing" keeps
Regression ("hypothesis testing" is no name of Software Testing), as does "Java and VB Script".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from spacy.tokens import Doc, Token

from ..taxonomy import Taxonomy
from .field import H  # a match: skill id, token start and end

#: Most tokens between a match and the shared head word.
REACH = 12

Words = tuple[str, ...]


class SharedHeads:
    """The names of the skills that hide others, split into their opening words and head word
    (``hides``: skill -> the skills its names hold without meaning them, as `Skill.hides`)."""

    def __init__(self, taxonomy: Taxonomy, hides: Mapping[str, frozenset[str]], words_of: Callable[[str], Words], joiners: Iterable[str]) -> None:
        #: head word -> (hiding skill, its name's opening words) for every name of two words or more
        self._openers: dict[str, set[tuple[str, Words]]] = {}
        self._hides = hides
        for skill in taxonomy:
            if skill.hides:
                for term in skill.terms:
                    words = words_of(term)
                    if len(words) > 1:
                        self._openers.setdefault(words[-1], set()).add((skill.id, words[:-1]))
        self._hidden = frozenset().union(*self._hides.values()) if self._hides else frozenset()
        self._joiners = frozenset(joiners)

    def keep(self, doc: Doc, matches: Sequence[H]) -> list[H]:
        """``matches`` without those of a hidden skill that a coordination's shared head makes part of a hiding name."""
        if not self._openers or not any(m.skill_id in self._hidden for m in matches):
            return list(matches)
        return [m for m in matches if m.skill_id not in self._hidden or not self._shares_head(doc, m)]

    def _shares_head(self, doc: Doc, m: H) -> bool:
        own = tuple(t.lower_ for t in doc[m.start : m.end])
        items = self._items_before(doc, m.start)
        item: list[str] = []
        for i in range(m.end, min(len(doc), m.end + REACH)):
            token = doc[i]
            if not self._in_coordination(token):
                return False
            if token.lower_ in self._joiners:
                if i == m.end or item:
                    items.append(tuple(item))
                    item = []
                continue
            if i == m.end:
                return False  # the match must be an item: a joiner follows it
            if item and self._heads(token.lower_, own, m.skill_id, [*items, tuple(item)]):
                return True
            item.append(token.lower_)
        return False

    def _in_coordination(self, token: Token) -> bool:
        """Whether ``token`` may stand in a coordination: a word or a joiner, no space or other mark."""
        return not token.is_space and (token.is_alpha or token.lower_ in self._joiners)

    def _items_before(self, doc: Doc, start: int) -> list[Words]:
        """The items of the coordination before a match at ``start`` (the first one with the words before it)."""
        items: list[Words] = []
        item: list[str] = []
        for i in range(start - 1, max(-1, start - 1 - REACH), -1):
            token = doc[i]
            if not self._in_coordination(token):
                break
            if token.lower_ in self._joiners:
                items.append(tuple(reversed(item)))
                item = []
            elif i == start - 1:
                return []  # a word before the match: it is no item of its own
            else:
                item.append(token.lower_)
        items.append(tuple(reversed(item)))
        return items

    def _heads(self, head: str, own: Words, hidden: str, items: list[Words]) -> bool:
        """Whether ``head`` after the coordination's ``items`` makes ``own`` and another item (or
        the end of one: "involved in functional") names of a skill hiding ``hidden``."""
        openers = self._openers.get(head, ())
        return any(
            (skill, own) in openers
            and hidden in self._hides[skill]
            and any((skill, other[k:]) in openers for other in items if other != own for k in range(len(other)))
            for skill, _ in openers
        )
