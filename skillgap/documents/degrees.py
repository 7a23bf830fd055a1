"""Degree words in text and the education level each names ("B.Sc." -> bachelor, "MS/PhD" ->
master and phd), from the levels of ``taxonomy/career.yaml``. Short abbreviations count only
as printed in capitals or with dots ("MS", "M.S.", not "ms" or "me"), and not before the
product names they also abbreviate ("MS Office")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .careervocab import LEVEL_RANK, CareerVocabulary, words_pattern

_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’]*")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+")
_LOCATION = re.compile(r"\b[A-Z][a-z]+,[ \t]*$")


@dataclass(frozen=True)
class DegreeWord:
    """One degree word: its level and char span."""

    level: str
    start: int
    end: int


class DegreeFinder:
    """Finds degree words of one vocabulary."""

    def __init__(self, vocab: CareerVocabulary) -> None:
        self.phrase_level = {" ".join(w.split()): level for level, words in vocab.levels.items() for w in words if not _is_key(w)}
        self.phrases = words_pattern(list(self.phrase_level))
        self.keys = {_key(w): level for level, words in vocab.levels.items() for w in words if _is_key(w)}
        openers = {_key(w).removesuffix("'s").rstrip("'") for w in [*self.keys, *(p.split()[0] for p in self.phrase_level)]}
        loose = sorted((r"\.?\s?".join(re.escape(c) for c in key) for key in openers), key=len, reverse=True)
        #: Where a line opens with what may be a degree word (after blanks and bullets): a cheap
        #: test before `words` decides.
        self.line_openings = re.compile(rf"^[ \t•*\-–]*(?=(?:{'|'.join(loose)})['’]?s?['’]?\.?(?![A-Za-z]))", re.MULTILINE | re.IGNORECASE)
        self.not_after = words_pattern(vocab.not_degree_after)
        self.not_before = re.compile(rf"(?:{words_pattern(vocab.not_degree_before).pattern})\s+$", re.IGNORECASE)

    def words(self, text: str) -> Iterator[DegreeWord]:
        """Every degree word of ``text`` in order (phrases first where they overlap a token)."""
        found: list[DegreeWord] = []
        for m in self.phrases.finditer(text):
            level = self.phrase_level.get(" ".join(m.group(0).casefold().split()))
            if level is not None:
                found.append(DegreeWord(level, m.start(), m.end()))
        taken = [(w.start, w.end) for w in found]
        for m in _TOKEN.finditer(text):
            raw = m.group(0)
            key = _key(raw.rstrip(".'’"))
            if key not in self.keys and not (key.endswith("'s") and key[:-2] in self.keys):
                continue
            token = raw if "." in raw and _DOTTED.fullmatch(raw) else raw.rstrip(".'’")
            level = self.keys.get(key) or (self.keys.get(key[:-2]) if key.endswith("'s") else None)
            if level is None or any(a <= m.start() < b for a, b in taken):
                continue
            if len(key) <= 4 and not (token.isupper() or "." in token or (len(token) > 1 and token[0].isupper() and token[1:].isupper()) or _mixed_degree(token)):
                continue
            if len(key) <= 3 and _LOCATION.search(text, max(0, m.start() - 30), m.start()):
                continue  # "Cambridge, MA", "Baltimore, MD": a state, not a degree
            if (self.not_after.match(text, m.end() + 1) and text[m.end() : m.end() + 1].isspace()) or self.not_before.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            found.append(DegreeWord(level, m.start(), m.end()))
        return iter(sorted(found, key=lambda w: w.start))

    def highest(self, text: str) -> str | None:
        """The strongest level named in ``text``, or None."""
        return max((w.level for w in self.words(text)), key=LEVEL_RANK.__getitem__, default=None)


def _mixed_degree(token: str) -> bool:
    """Mixed-case abbreviations printed as degrees: "PhD", "MSc", "BSc", "BTech", "MBA"."""
    return bool(re.fullmatch(r"(?:Ph|[MB])[A-Z][a-z]*|[MB][a-z]{1,3}\.?", token)) and token[0].isupper() and len(token) >= 3


def _is_key(word: str) -> bool:
    return " " not in word


def _key(word: str) -> str:
    """Comparison key: lower case, no dots or spaces ("B. Sc." -> "bsc"), one apostrophe."""
    return "".join(word.casefold().replace(".", "").split()).replace("’", "'")


@functools.lru_cache(maxsize=4)
def degree_finder(vocab: CareerVocabulary) -> DegreeFinder:
    """One finder per vocabulary."""
    return DegreeFinder(vocab)
