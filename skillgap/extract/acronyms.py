"""Acronyms a document defines for something else: "Computer Aided Dispatch (CAD)" is no CAD tool.

A clinic's "EMR" is an electronic medical record, a dispatcher's "CAD" computer-aided dispatch.
A document that spells an acronym out says what it means there: the definitions are found the
way Schwartz & Hearst (2003) find them, "Long Form (ACR)" and "ACR (Long Form)", the acronym's
letters in order through the long form, the first one at the start of its first word.
When a match of a skill is acronym-shaped and the same document defines that acronym, but never
with a long form that is one of the skill's names (compared without case, separators, small
words or a plural "s", and allowing a misspelling), every match of that acronym in the document
names the long form, not the skill, and is dropped. Only documents with an acronym-shaped match
that stands right before a bracket somewhere in them are searched for definitions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from rapidfuzz import fuzz, process

from ..taxonomy import Taxonomy

#: An acronym as a match prints it: 2-6 capitals, perhaps with a plural "s" ("EMRs").
_SHAPE = re.compile(r"[A-Z]{2,6}s?")
#: "(ACR)" after its long form, or "ACR (" before it; group 1 or group 2 is the acronym.
_DEFINED = re.compile(r"\(\s*([A-Z]{2,6})s?\s*\)|\b([A-Z]{2,6})s?\s*\(([^()\n]{3,120})\)")
#: What ends the stretch of text before "(ACR)" in which its long form may stand.
_BOUNDARY = re.compile(r"[.;:!?,()\[\]\n•|/]")
_WORD = re.compile(r"[^\W_]+")
#: The first character that is no space (as ``\s`` has them).
_NOT_SPACE = re.compile(r"\S")


class _Hit(Protocol):
    skill_id: str


H = TypeVar("H", bound=_Hit)


class DefinedAcronyms:
    """The skills' names as long forms are compared with them, and the small words a long form may skip, read once.

    A long form names a skill when its key (`name_key`) is within ``cutoff`` (rapidfuzz ratio, the
    fuzzy matcher's) of one of the skill's names ("Structure Query Language (SQL)" is SQL misspelt),
    or when its two or more words begin a name's words, each cut short or whole ("Software Dev
    Life-cycle (SDLC)", "User experience (UX) design").
    """

    def __init__(self, taxonomy: Taxonomy, skips: Iterable[str], cutoff: float) -> None:
        self.skips = frozenset(s.casefold() for s in skips)
        self.cutoff = cutoff
        self.names = {s.id: tuple({name_key(t, self.skips) for t in s.terms}) for s in taxonomy}

    def keep(self, text: str, matches: Sequence[H], text_of: Callable[[H], str]) -> list[H]:
        """``matches`` without the acronym-shaped ones that ``text`` defines, and never as their skill."""
        shaped = [acronym_of(text_of(m)) for m in matches]
        if not any(may_be_defined(text, a) for a in set(shaped) if a):
            return list(matches)
        defined = definitions(text, self.skips)
        if not defined:
            return list(matches)
        return [m for m, acronym in zip(matches, shaped) if acronym not in defined or self.names_skill(defined[acronym], m.skill_id)]

    def names_skill(self, long_forms: Iterable[str], skill_id: str) -> bool:
        """Whether one of a document's long forms of an acronym (their keys) is a name of the skill:
        once "high performance computing (HPC)" is stated, HPC means it throughout the document."""
        names = self.names[skill_id]
        return any(process.extractOne(form, names, scorer=fuzz.ratio, score_cutoff=self.cutoff) or _begins(form.split(), names) for form in long_forms)


def _begins(words: list[str], names: Iterable[str]) -> bool:
    """Whether two or more ``words`` begin the words of one of ``names``, each a prefix of its own."""
    return len(words) >= 2 and any(len(words) <= len(n) and all(b.startswith(a) for a, b in zip(words, n)) for n in (name.split() for name in names))


def acronym_of(text: str) -> str | None:
    """The acronym a match's text is ("EMRs" -> "EMR"), or None when it is not acronym-shaped."""
    if not _SHAPE.fullmatch(text):
        return None
    return text[:-1] if text.endswith("s") else text


def may_be_defined(text: str, acronym: str) -> bool:
    """Whether ``text`` may define ``acronym``: every definition `definitions` finds has it, perhaps
    a plural "s" and spaces, then a bracket. A look for the acronym costs far less than the
    definitions' scan of every character, which most documents' acronyms need not pay."""
    at = text.find(acronym)
    while at >= 0:
        end = at + len(acronym)
        after = _NOT_SPACE.search(text, end + text.startswith("s", end))  # past a plural "s" and spaces
        if after is not None and after.group() in "()":
            return True
        at = text.find(acronym, at + 1)
    return False


def definitions(text: str, skips: frozenset[str]) -> dict[str, set[str]]:
    """Each acronym ``text`` defines -> the keys (`name_key`) of its long forms there."""
    out: dict[str, set[str]] = {}
    for found in _DEFINED.finditer(text):
        if found.group(1):  # "Long Form (ACR)": the long form ends right before the bracket
            acronym = found.group(1)
            at = found.start()
            cut = max((b.end() for b in _BOUNDARY.finditer(text, max(0, at - 200), at)), default=0)
            words = text[cut:at].split()[-min(len(acronym) + 5, 2 * len(acronym)) :]
            long_form = best_long_form(acronym, words, skips, whole=False)
        else:  # "ACR (Long Form)": the whole bracket is the long form
            acronym = found.group(2)
            long_form = best_long_form(acronym, found.group(3).split(), skips, whole=True)
        if long_form:
            out.setdefault(acronym, set()).add(name_key(long_form, skips))
    return out


def best_long_form(acronym: str, words: list[str], skips: frozenset[str], *, whole: bool) -> str | None:
    """The shortest tail of ``words`` that spells ``acronym``: its letters in order, each inside a word
    as Schwartz & Hearst allow, the first at the start of the first word, and every word giving at
    least one letter unless it is a small word of ``skips`` ("Bachelor of Science in Nursing" is
    BSN, "Relational Database Management Systems" RDBMS); ``whole``: only all of ``words`` will do."""
    letters = acronym.lower()
    lowered = [w.lower() for w in words]
    skippable = [w.strip(".,'\"") in skips for w in lowered]

    @functools.lru_cache(maxsize=None)
    def spells(w: int, k: int) -> bool:
        """Whether words ``w:`` spell ``letters[k:]`` exactly, each giving a run of them."""
        if w == len(lowered):
            return k == len(letters)
        if skippable[w] and spells(w + 1, k):
            return True
        return any(spells(w + 1, j) for j in range(k + 1, len(letters) + 1) if _holds(lowered[w], letters[k:j], 0))

    for first in range(len(lowered) - 1, -1, -1) if not whole else (0,) if words else ():
        if lowered[first][:1] == letters[0] and any(spells(first + 1, j) for j in range(1, len(letters) + 1) if _holds(lowered[first], letters[:j], 1)):
            long_form = " ".join(words[first:])
            return long_form if acronym.lower() not in lowered[first:] and len(long_form) > len(acronym) else None
    return None


def _holds(word: str, letters: str, start: int) -> bool:
    """Whether ``letters`` (past the first ``start`` of them, which ``word`` starts with) occur in ``word`` in order."""
    at = start
    for c in letters[start:]:
        at = word.find(c, at) + 1
        if not at:
            return False
    return True


def name_key(text: str, skips: frozenset[str]) -> str:
    """A name as long forms are compared with it: its words without case, separators or the small
    words of ``skips``, a plural "s" off the last ("Computer-Aided Designs" and "computer aided
    design" are one, and so are "Continuous Integration and Continuous Delivery" and "Continuous
    Integration/Continuous Delivery")."""
    words = [w for w in _WORD.findall(text.casefold()) if w not in skips]
    if words and len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return " ".join(words)
