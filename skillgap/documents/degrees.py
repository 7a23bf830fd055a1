"""Degree words in text and the education level each names ("B.Sc." -> bachelor, "MS/PhD" ->
master and phd), from the levels of ``taxonomy/career.yaml``. Short abbreviations count only
as printed in capitals or with dots ("MS", "M.S.", not "ms" or "me"), those that spell a word
in any other case only as the vocabulary prints them ("MEd", not "Med" or "BED"), and not before the
product names they also abbreviate ("MS Office", "MS-Excel") or the objects of a verb they
spell ("master the tools")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .careervocab import LEVEL_RANK, CareerVocabulary, trie_pattern, words_pattern

_DOTTED = re.compile(r"(?:[A-Za-z]\.)+")
_LOCATION = re.compile(r"\b[A-Z][a-z]+,[ \t]*$")
#: What opens a degree's field right after an abbreviation that is also a word: "AS in Nursing",
#: "AA : Liberal Arts", "AS, Accounting", "AS (Business)", "AS - Business" ("in"/"of" in lower
#: case before a capital, so a line of capitals, "WORKED AS IN A TEAM", opens none).
_FIELD_OPENS = re.compile(r"(?<![ \t])[ \t]*(?:(?:in|of)[ \t]+[A-Z]|[:,(–—]|-[ \t])")
#: A blank or a hyphen inside a degree abbreviation ("B. Tech", "B-TECH").
_SPLIT = re.compile(r"[ \t-]")
#: A word of capitals right before: the abbreviation is a word of a line in capitals.
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")
#: What separates a degree abbreviation from the product name after it: "MS Office", "MS-Excel".
_SPACE_OR_DASH = re.compile(r"[\s\-–]")


@dataclass(frozen=True)
class DegreeWord:
    """One degree word: its level and char span."""

    level: str
    start: int
    end: int


class DegreeFinder:
    """Finds degree words of one vocabulary."""

    def __init__(self, vocab: CareerVocabulary) -> None:
        #: Phrases of no level ("High School of Economics", a university) win over the degree
        #: words inside them as longer matches, then name nothing.
        self.phrase_level: dict[str, str | None] = {" ".join(w.split()): None for w in vocab.not_degrees}
        self.phrase_level.update({" ".join(w.split()): level for level, words in vocab.levels.items() for w in words if not _is_key(w)})
        self.keys = {_key(w): level for level, words in vocab.levels.items() for w in words if _is_key(w)}
        #: Keys that are also common words ("as"): degrees only in capitals before a field's opening.
        self.word_keys = {_key(w): level for level, words in vocab.word_abbreviations.items() for w in words}
        self.keys.update(self.word_keys)
        #: Keys that spell a word in any other case ("Med", "BED"): degrees only as printed.
        self.cased_forms = {w for words in vocab.cased_abbreviations.values() for w in words}
        self.cased_keys = {_key(w): level for level, words in vocab.cased_abbreviations.items() for w in words}
        self.keys.update(self.cased_keys)
        #: One scan finds the phrases ("high school") and the words (runs of letters, dots and
        #: apostrophes, from the first letter) whose key is a degree key or a key + "'s": a phrase
        #: wins over a word it overlaps. A lookahead on the first characters skips most positions.
        phrases = trie_pattern(self.phrase_level)
        forms = trie_pattern([k for k in self.keys if k[:1].isalpha()], r"(?:\.+[ \t]?|-[ \t]?|[ \t])?")
        firsts = "".join(sorted({w[0] for w in self.phrase_level} | {k[0] for k in self.keys if k[:1].isalpha()} | {".", "'", "’"}))
        #: The first two characters a match can open with (a phrase's; a key's, or its first letter and
        #: what may stand between its letters; a dot or an apostrophe before a key): a word that opens
        #: otherwise ("management", "the") is skipped before the alternatives are tried letter by letter.
        pairs = {w.casefold()[:2] for w in self.phrase_level} | {".", "'", "’"}
        for k in (k for k in self.keys if k[:1].isalpha()):
            pairs |= {k[:2], *(k[0] + c for c in ".- \t")}
        self.scan = re.compile(
            rf"(?<![A-Za-z])(?=[{re.escape(firsts)}])(?={trie_pattern(pairs)})(?:(?<![\w])(?P<phrase>{phrases})(?![\w])|(?<![A-Za-z.'’])[.'’]*(?P<tok>{forms}(?:\.*['’]\.*s)?[.'’]*)(?![A-Za-z.'’]))",
            re.IGNORECASE,
        )
        openers = {_key(w).removesuffix("'s").rstrip("'") for w in [*self.keys, *(p.split()[0] for p in self.phrase_level)]}
        #: Where a line opens with what may be a degree word (after blanks and bullets; a dot, a
        #: hyphen or a blank between its letters): a cheap test before `words` decides.
        loose = trie_pattern(openers, r"[.-]?\s?")
        opening = rf"[ \t•*\-–]*(?={loose}['’]?s?['’]?\.?(?![A-Za-z]))"
        self._first_opening = re.compile(opening, re.IGNORECASE)
        #: After a line break, found by a fast scan for it (a pattern that opens with ``^`` is tried
        #: at every character).
        self._line_opening = re.compile(rf"\n({opening})", re.IGNORECASE)
        self.not_after = words_pattern(vocab.not_degree_after)
        #: A month right after a level word that opens with a digit: a day ("10th September 2011").
        self.month_after = re.compile(rf"[ \t]+(?:of[ \t]+)?{words_pattern(tuple(vocab.months)).pattern}", re.IGNORECASE)
        self.not_before = re.compile(rf"(?:{words_pattern(vocab.not_degree_before).pattern})\s+$", re.IGNORECASE)

    def words(self, text: str) -> Iterator[DegreeWord]:
        """Every degree word of ``text`` in order (phrases first where they overlap a token), read
        as asked for (a caller that takes the first stops the scan there)."""
        for m in self.scan.finditer(text):
            if m.group("phrase") is not None:
                level = self.phrase_level.get(" ".join(m.group("phrase").casefold().split()))
                if level is not None and not (m.group("phrase")[0].isdigit() and self.month_after.match(text, m.end())):
                    yield DegreeWord(level, m.start(), m.end())
                continue
            raw, begin, stop = m.group("tok"), m.start("tok"), m.end()
            key = _key(raw.rstrip(".'’"))
            if key not in self.keys and not (key.endswith("'s") and key[:-2] in self.keys):
                continue
            if _SPLIT.search(raw.rstrip(".'’")) and not _split_degree(raw, text, stop):
                continue
            raw = _SPLIT.sub("", raw)
            token = raw if "." in raw and _DOTTED.fullmatch(raw) else raw.rstrip(".'’")
            level = self.keys.get(key) or (self.keys.get(key[:-2]) if key.endswith("'s") else None)
            if level is None:
                continue
            if key in self.cased_keys:
                if token not in self.cased_forms:
                    continue  # "Med", "BED": the word, not "MEd"
            elif len(key) <= 4 and not (token.isupper() or "." in token or (len(token) > 1 and token[0].isupper() and token[1:].isupper()) or _mixed_degree(token)):
                continue
            if key in self.word_keys and not (raw.isupper() and raw.isalpha() and _FIELD_OPENS.match(text, stop) and not _CAPITALS_BEFORE.search(text, max(0, begin - 20), begin)):
                continue  # "such as", "AS A TEAM", "KNOWN AS, FOR ...": the word, not "AS in Nursing"
            if len(key) <= 3 and _LOCATION.search(text, max(0, begin - 30), begin):
                continue  # "Cambridge, MA", "Baltimore, MD": a state, not a degree
            if (self.not_after.match(text, stop + 1) and _SPACE_OR_DASH.match(text, stop)) or self.not_before.search(text[max(0, begin - 12) : begin]):
                continue
            yield DegreeWord(level, begin, stop)

    def line_openings(self, text: str) -> Iterator[tuple[int, int]]:
        """Span of the blanks and bullets that open each line of ``text`` whose first word may be
        a degree word (a cheap test before `words` decides), in order."""
        first = self._first_opening.match(text)
        if first is not None:
            yield first.span()
        for m in self._line_opening.finditer(text):
            yield m.span(1)

    def highest(self, text: str) -> str | None:
        """The strongest level named in ``text``, or None."""
        return max((w.level for w in self.words(text)), key=LEVEL_RANK.__getitem__, default=None)


def _split_degree(raw: str, text: str, stop: int) -> bool:
    """A degree abbreviation printed in pieces ("B. Tech", "M. Sc.", "Ph. D.", "B-TECH", "B. E.
    in Civil"), not a person's initials ("M. A. Khan", "B. S. Rao"): a piece of two letters or
    more, or a degree's field opening right after it."""
    pieces = [p for p in re.split(r"[.\s-]+", raw) if p]
    return any(len(p) >= 2 for p in pieces) or bool(_FIELD_OPENS.match(text, stop))


def _mixed_degree(token: str) -> bool:
    """Mixed-case abbreviations printed as degrees: "PhD", "MSc", "BSc", "BTech", "MBA"."""
    return bool(re.fullmatch(r"(?:Ph|[MB])[A-Z][a-z]*|[MB][a-z]{1,3}\.?", token)) and token[0].isupper() and len(token) >= 3


def _is_key(word: str) -> bool:
    """A word keyed without its dots ("bsc" matches "B.Sc."); a phrase, a word written with dots
    ("a.s": only "A.S.", never the word "as") or one opening with a digit ("12th") is matched as
    printed."""
    return " " not in word and "." not in word and word[:1].isalpha()


def _key(word: str) -> str:
    """Comparison key: lower case, no dots, hyphens or spaces ("B. Sc." -> "bsc"), one apostrophe."""
    return "".join(word.casefold().replace(".", "").replace("-", "").split()).replace("’", "'")


@functools.lru_cache(maxsize=4)
def degree_finder(vocab: CareerVocabulary) -> DegreeFinder:
    """One finder per vocabulary."""
    return DegreeFinder(vocab)
