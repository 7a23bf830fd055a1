"""Fuzzy matching of the phrases the matchers left: typos and odd spellings of skill names.

Candidates are the items of lists (skills sections, comma / slash / bullet lists) and
capitalised terms that no matcher covered. Each is compared with rapidfuzz to the
taxonomy's unambiguous names ("Kubernets" -> Kubernetes, "Postgre SQL" -> PostgreSQL,
"Tensorflow 2" -> TensorFlow). Names compare with case, spaces and punctuation removed;
nothing shorter than four characters is ever fuzzy-matched, and a one-letter word of a name
("Objective-C", "C Programming") must be in the phrase as it is. A phrase spelt as one of the
ambiguous names is that name, no typo of another skill's ("Testing" is not "TestNG"): its
context rule, not fuzzy matching, decides it.
"""

from __future__ import annotations

import bisect
import copy
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

#: Shortest name (after normalising) that may be fuzzy-matched, and the longest candidate.
MIN_CHARS = 4
MAX_WORDS = 4
#: Most phrases (and list items) an index remembers the answer of before it stops adding more.
MEMO_LIMIT = 100_000
_NOT_ALNUM = re.compile(r"[^0-9a-z+#]+")
_SIGNS = str.maketrans("", "", "+#")
_WORDS = re.compile(r"[^0-9a-z]+")
_ITEM = re.compile(r"[^,;|•·/()\[\]\n\t:]+")
#: A line holding two or more list separators (classes exclude the separators: no backtracking).
_LIST_LINE = re.compile(r"^[^\n,;|•·/]*[,;|•·/][^\n,;|•·/]*[,;|•·/][^\n]*", re.MULTILINE)
#: A capitalised term inside a sentence (after a lower-case word, a comma or a colon): sentence
#: starts and headings are ordinary words far more often than misspelt skills. (The capital comes
#: first and the look behind after it: a pattern opening with a character class is searched for
#: that class alone, not tried at every character.)
_CAPITALISED = re.compile(r"[A-Z](?<=[a-z,:] [A-Z])[A-Za-z0-9+#]{2,}(?:[ -][A-Z0-9][A-Za-z0-9+#]*){0,2}")
_JOIN = re.compile(r"\s(?:and|or|&)\s", re.IGNORECASE)
_LEAD = re.compile(r"(?:[\s\-*▪●◦➢✓>–]|and\s|or\s|&\s)+", re.IGNORECASE)


def normalize(text: str) -> str:
    """Comparison key: lower case, only letters, digits, ``+`` and ``#``."""
    return _NOT_ALNUM.sub("", text.casefold())


def letters(text: str) -> frozenset[str]:
    """The one-letter words of a text, lower case ("Objective-C", "C Programming": ``{"c"}``): a
    phrase must hold those of the name it fuzzy-matches, as a letter that short is a word, not a typo."""
    return frozenset(w for w in _WORDS.split(text.casefold()) if len(w) == 1 and w.isalpha())


@dataclass(frozen=True)
class FuzzyHit:
    """A candidate phrase (char span) that is close enough to a skill name."""

    start: int
    end: int
    skill_id: str
    score: float


class FuzzyIndex:
    """Unambiguous skill names, bucketed by first letter, with a memo of phrases (and list items) already scored.

    ``spelt`` holds (name, skill id) of the ambiguous names: a phrase spelt as one of them may
    only match its own skill's names ("Windows" -> "Windows 7"), never another skill's."""

    def __init__(self, names: Iterable[tuple[str, str]], cutoff: float, spelt: Iterable[tuple[str, str]] = ()) -> None:
        self.cutoff = cutoff
        self._spelt: dict[str, set[str]] = {}
        for name, skill_id in spelt:
            self._spelt.setdefault(normalize(name), set()).add(skill_id)
        by_key: dict[str, str] = {}
        self._letters: dict[str, frozenset[str]] = {}  # see `letters`
        for name, skill_id in names:
            key = normalize(name)
            if len(key) >= MIN_CHARS:
                by_key.setdefault(key, skill_id)
                self._letters[key] = self._letters.get(key, frozenset()) | letters(name)  # "Objective-C" and "ObjectiveC": {"c"}
        self._buckets: dict[str, tuple[list[str], list[str]]] = {}
        for key, skill_id in sorted(by_key.items()):
            keys, ids = self._buckets.setdefault(key[0], ([], []))
            keys.append(key)
            ids.append(skill_id)
        self._memo: dict[str, tuple[str, float] | None] = {}
        self._items: dict[str, tuple[tuple[int, int], ...]] = {}
        self._bands: dict[tuple[str, int], tuple[list[str], list[str]]] = {}

    def fresh(self) -> FuzzyIndex:
        """An index of the same names and cut-off that remembers no phrase: what depends on the names
        alone is shared with this one, the bands too (`_band`, made on first use by either), so an
        extractor made later does not make them again (802 bands on the 494 speed texts)."""
        twin = copy.copy(self)
        twin._memo, twin._items = {}, {}
        return twin

    def _band(self, first: str, length: int) -> tuple[list[str], list[str]]:
        """The names (and ids) starting with ``first`` whose length lets them reach the cut-off
        against a key of ``length`` chars, in bucket order: the ratio is at most
        ``100 * (1 - |a - b| / (a + b))`` for lengths a and b, so the others can never match.
        Made once per first letter and length; a point of margin keeps rounding on the safe side."""
        band = self._bands.get((first, length))
        if band is None:
            keys, ids = self._buckets[first]
            slack = 100.0 - self.cutoff + 1.0
            near = [i for i, k in enumerate(keys) if 100.0 * abs(len(k) - length) <= slack * (len(k) + length)]
            band = self._bands[(first, length)] = ([keys[i] for i in near], [ids[i] for i in near])
        return band

    def lookup(self, phrase: str) -> tuple[str, float] | None:
        """The skill id and score (0-100) of the closest name at or above the cut-off, else None."""
        if phrase in self._memo:
            return self._memo[phrase]
        key = normalize(phrase)
        found = None
        if len(key) >= MIN_CHARS and key[0] in self._buckets:
            keys, ids = self._band(key[0], len(key))
            best = process.extractOne(key, keys, scorer=fuzz.ratio, processor=None, score_cutoff=self.cutoff)
            # names that differ only by a "+" or "#" are different names (C / C++, "C++ Programming" /
            # "C Programming", Security / Security+); an ambiguous name's spelling is no typo of another skill
            if best is not None and (best[0] == key or best[0].translate(_SIGNS) != key.translate(_SIGNS)):
                # a one-letter word of the name is no typo: "Objective" is no "Objective-C", "CNC Programming" no "C Programming"
                if ids[best[2]] in self._spelt.get(key, (ids[best[2]],)) and self._letters[best[0]] <= letters(phrase):
                    found = (ids[best[2]], float(best[1]))
        if len(self._memo) < MEMO_LIMIT:
            self._memo[phrase] = found
        return found

    def item_phrases(self, item: str) -> tuple[tuple[int, int], ...]:
        """The phrases of a list item (`_item_phrases`) that are close to a name, remembered per
        item text: most items match nothing, and a document's are then skipped in one look-up."""
        known = self._items.get(item)
        if known is None:
            known = tuple((a, b) for a, b in _item_phrases(item) if self.lookup(item[a:b]) is not None)
            if len(self._items) < MEMO_LIMIT:
                self._items[item] = known
        return known


def candidate_phrases(
    text: str, list_spans: Sequence[tuple[int, int]] = (), item_phrases: Callable[[str], tuple[tuple[int, int], ...]] | None = None
) -> Iterator[tuple[int, int]]:
    """Char spans of candidate phrases: list items and capitalised terms of at most four words.

    A list item is a stretch between separators on a line that has two or more list
    separators, or on any line inside ``list_spans`` (the skills sections). ``item_phrases``
    gives the phrases of one item (default: all of them; `FuzzyIndex.item_phrases`: only those
    close to a name).
    """
    phrases_of = item_phrases or _item_phrases
    seen: set[tuple[int, int]] = set()
    # a section's items are read in one pass, not line by line: an item holds no line break
    for lo, hi in [m.span() for m in _LIST_LINE.finditer(text)] + list(list_spans):
        for item in _ITEM.finditer(text, lo, hi):
            start = item.start()
            for a, b in phrases_of(item.group()):
                span = (start + a, start + b)
                if span not in seen:
                    seen.add(span)
                    yield span
    for term in _CAPITALISED.finditer(text):
        span = term.span()
        if span not in seen:
            seen.add(span)
            yield span


def fuzzy_hits(text: str, index: FuzzyIndex, covered: Sequence[tuple[int, int]], list_spans: Sequence[tuple[int, int]] = ()) -> list[FuzzyHit]:
    """Candidate phrases that fuzzy-match a skill and do not cut through a match in ``covered``.

    ``covered`` holds the char spans of the exact matches, in any order, nested ones too ("Regression
    Testing" and the "Regression" inside it): they are compared as the text they cover together
    (`_union`), so no candidate inside a longer match slips past a shorter one starting at its
    start. A candidate may hold whole matches ("Postgre SQL" holds "SQL"): it then competes with
    them, longest first.
    """
    hits = []
    covered = _union(covered)
    for start, end in candidate_phrases(text, list_spans, index.item_phrases):  # only the items' phrases close to a name
        found = index.lookup(text[start:end])
        if found is not None and not _crosses(covered, start, end) and not _within(covered, start, end):
            hits.append(FuzzyHit(start, end, found[0], round(found[1], 1)))
    return hits


@functools.lru_cache(maxsize=65_536)
def _item_phrases(item: str) -> tuple[tuple[int, int], ...]:
    """The trimmed phrases of one list item, as spans inside it: the item and, if it joins several
    with "and" / "or" / "&", each of them. Items recur across documents ("Python", " SQL"), so
    the answer is kept per item text."""
    spans = (_trim(item, start, end) for start, end in _parts(item, 0, len(item)))
    return tuple(span for span in spans if span is not None)


def _parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The item and, if it joins several with "and" / "or" / "&", each of them."""
    yield start, end
    cuts = [m.span() for m in _JOIN.finditer(text, start, end)]
    if cuts:
        edges = [start, *(x for cut in cuts for x in cut), end]
        yield from zip(edges[::2], edges[1::2])


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The item without leading bullets / conjunctions and surrounding space; None if too long or short."""
    lead = _LEAD.match(text, start, end)
    if lead:
        start = lead.end()
    phrase = text[start:end].rstrip(" .\t-*")  # past the lead it starts with no space: empty or a word
    if not phrase or len(phrase.split(None, MAX_WORDS)) > MAX_WORDS:
        return None
    return start, start + len(phrase)


def _union(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The text ``spans`` cover, as sorted spans that do not overlap (spans that only touch stay apart)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _crosses(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when a span overlaps ``[start, end)`` without lying inside it."""
    i = bisect.bisect_left(spans, (start, start))
    if i > 0 and spans[i - 1][1] > start:
        return True
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] > end:
            return True
        i += 1
    return False


def _within(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` is exactly one matched span or inside one."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
