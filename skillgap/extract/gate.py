"""A spaCy Matcher that runs only where its patterns can match.

spaCy's Matcher tries every pattern at every token, and ``IN`` / ``REGEX`` predicates are
Python calls: with a few dozen soft-skill patterns it costs more than the tokenizer. So each
pattern's required tokens with a ``LOWER`` / ``ORTH`` / ``TEXT`` predicate become word tests
("gates"), whose verdicts are kept per word across documents (`WordTable`: one binary search
for all of a document's tokens); a word seen for the first time is looked up once in the words
of all word-list gates and run through the regex gates only (a test per gate per new word was
most of a fresh worker's cost).
A pattern's Matcher then runs only on windows around an occurrence of its most selective gate
word (the one admitting the fewest common words) that has the words of all its other gates
at the distances the pattern allows (a Matcher call costs far more than a token); a one-token
pattern whose gate is its whole predicate needs no Matcher at all. Patterns without a gate, or
of unbounded length, run on the whole doc.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .wordtable import WordTable

Gate = Callable[[str], bool]
#: Most cached word verdicts before the cache starts over (bounds memory on endless streams).
CACHE_LIMIT = 500_000


@dataclass(frozen=True)
class _Gate:
    """A word test of one required pattern token, how many match tokens can stand before and
    after a word passing it, and where in a match such a word can stand (first and last index);
    ``words``: the lower-cased words it admits, None for a regex test."""

    test: Gate
    reach: tuple[int, int]
    place: tuple[int, int]
    words: frozenset[str] | None = None


@dataclass(frozen=True)
class _Rule:
    """One pattern: its key (hash), its own Matcher (None when its one gate is the whole pattern),
    its gates' bit numbers (most selective first), how far a match reaches around the first and
    where each other gate's word can stand relative to the first's (fewest and most tokens after it)."""

    key: int
    matcher: Matcher | None
    bits: tuple[int, ...]
    reach: tuple[int, int]
    offsets: tuple[tuple[int, int], ...]


class GatedMatcher:
    """Matcher patterns by key, each matched only on windows where its gate words occur."""

    def __init__(self, vocab: Vocab, patterns: Mapping[str, Iterable[Sequence[Mapping[str, Any]]]], common: frozenset[str] = frozenset()) -> None:
        self.vocab = vocab
        self.ungated = Matcher(vocab)
        self.rules: list[_Rule] = []
        self.gates: list[_Gate] = []
        for key, pats in patterns.items():
            for pattern in pats:
                gates = _gates(pattern, common) if _max_length(pattern) is not None else []
                if not gates:
                    self.ungated.add(key, [list(pattern)])
                    continue
                matcher = None if _whole(pattern) else Matcher(vocab)
                if matcher is not None:
                    matcher.add(key, [list(pattern)])
                bits = tuple(range(len(self.gates), len(self.gates) + len(gates)))
                self.gates.extend(gates)
                (first, last), rest = gates[0].place, gates[1:]
                offsets = tuple((g.place[0] - last, g.place[1] - first) for g in rest)
                self.rules.append(_Rule(vocab.strings.add(key), matcher, bits, gates[0].reach, offsets))
        self._words = WordTable(CACHE_LIMIT)  # LOWER hash -> which of `_bit_sets` the word passes (0: none)
        self._bit_sets: list[tuple[int, ...]] = [()]
        self._set_index: dict[tuple[int, ...], int] = {(): 0}
        listed: dict[str, list[int]] = {}  # word -> bits of the word-list gates admitting it
        for bit, gate in enumerate(self.gates):
            for word in gate.words or ():
                listed.setdefault(word, []).append(bit)
        self._listed = {word: tuple(bits) for word, bits in listed.items()}
        self._regex_gates = tuple((bit, gate.test) for bit, gate in enumerate(self.gates) if gate.words is None)
        # `_bit_sets` as rows of gate flags (grown with it), and each rule's gate bits padded with a
        # column that is always set: a document's passing tokens and rules are then a few array operations
        self._members = numpy.zeros((1, len(self.gates)), dtype=bool)
        width = max((len(r.bits) for r in self.rules), default=0)
        self._rule_bits = numpy.array([[*r.bits, *[len(self.gates)] * (width - len(r.bits))] for r in self.rules], dtype=numpy.intp).reshape(len(self.rules), width)

    def __len__(self) -> int:
        return len(self.rules) + len(self.ungated)

    def __call__(self, doc: Doc, lower: numpy.ndarray | None = None) -> list[tuple[int, int, int]]:
        """(match key, start, end) of every match, as ``Matcher`` gives them; ``lower``: the doc's
        ``LOWER`` array, when the caller has it."""
        out = list(self.ungated(doc)) if len(self.ungated) else []
        if not self.rules or not len(doc):
            return out
        codes = self._words.of(doc.to_array(LOWER) if lower is None else lower, self._learn)
        passing = numpy.flatnonzero(codes)
        if not len(passing):
            return out
        if len(self._members) < len(self._bit_sets):
            self._grow_members()
        members = self._members[codes[passing]]  # passing tokens x gates
        present = numpy.append(members.any(axis=0), True)
        ready = numpy.flatnonzero(present[self._rule_bits].all(axis=1)).tolist()  # rules with a word of each gate
        if not ready:
            return out
        at = self._positions(passing, members, {b for k in ready for b in self.rules[k].bits})
        length = len(doc)
        for k in ready:
            rule = self.rules[k]
            hits = at[rule.bits[0]]
            for b, (lo, hi) in zip(rule.bits[1:], rule.offsets):  # one gate at a time, until no occurrence is left
                positions = at[b]
                hits = [i for i in hits if _near(positions, i + lo, i + hi)]
                if not hits:
                    break
            if not hits:
                continue
            before, after = rule.reach
            if rule.matcher is None:
                out.extend((rule.key, i, i + 1) for i in hits)
                continue
            for lo, hi in _windows(hits, before, after, length):
                out.extend((key, lo + s, lo + e) for key, s, e in rule.matcher(doc[lo:hi]))
        return list(dict.fromkeys(out))  # two patterns of one key matching one span count once, as in Matcher

    @staticmethod
    def _positions(passing: numpy.ndarray, members: numpy.ndarray, bits: set[int]) -> dict[int, list[int]]:
        """The sorted token positions passing each of ``bits``, from one array pass."""
        wanted = sorted(bits)
        columns, rows = numpy.nonzero(members[:, wanted].T)  # by gate, then by token
        tokens = passing[rows].tolist()
        cuts = numpy.searchsorted(columns, numpy.arange(len(wanted) + 1)).tolist()
        return {b: tokens[cuts[j] : cuts[j + 1]] for j, b in enumerate(wanted)}

    def _grow_members(self) -> None:
        """Rows of gate flags for the bit sets `_learn` added since."""
        grown = numpy.zeros((len(self._bit_sets), len(self.gates)), dtype=bool)
        grown[: len(self._members)] = self._members
        for row in range(len(self._members), len(self._bit_sets)):
            grown[row, list(self._bit_sets[row])] = True
        self._members = grown

    def _learn(self, words: numpy.ndarray, _first: numpy.ndarray) -> list[int]:
        """Which bit set each new word (LOWER hash) passes, as an index of `_bit_sets`: each word
        looked up once in the word-list gates' words and tested by the regex gates only."""
        strings, listed, regex_gates, index, out = self.vocab.strings, self._listed, self._regex_gates, self._set_index, []
        for word in words.tolist():
            text = strings[word]
            passed = [b for b, test in regex_gates if test(text)]
            bits = tuple(sorted((*listed.get(text, ()), *passed))) if passed else listed.get(text, ())
            if bits not in index:
                index[bits] = len(self._bit_sets)
                self._bit_sets.append(bits)
            out.append(index[bits])
        return out


def _near(positions: list[int], lo: int, hi: int) -> bool:
    """True when a position lies in ``[lo, hi]``."""
    j = bisect.bisect_left(positions, lo)
    return j < len(positions) and positions[j] <= hi


def _windows(hits: list[int], before: int, after: int, length: int) -> list[tuple[int, int]]:
    """Merged token windows ``[i - before, i + after]`` around each hit, within the doc."""
    out: list[tuple[int, int]] = []
    for i in hits:
        lo, hi = max(0, i - before), min(length, i + after + 1)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _max_length(pattern: Sequence[Mapping[str, Any]]) -> int | None:
    """Most tokens a match of ``pattern`` can span, or None when unbounded (``+``, ``*``, ``{n,}``)."""
    total = 0
    for token in pattern:
        most = _bounds(str(token.get("OP", "1")))[1]
        if most is None:
            return None
        total += most
    return total


def _min_length(pattern: Sequence[Mapping[str, Any]]) -> int:
    """Fewest tokens a match of ``pattern`` spans (a token of unknown operator counts as none)."""
    return sum(_bounds(str(token.get("OP", "1")))[0] for token in pattern)


def _bounds(op: str) -> tuple[int, int | None]:
    """Fewest and most tokens one pattern token of operator ``op`` spans (most None: unbounded);
    an unknown operator, or ``!`` and ``?``, spans none or one."""
    if op in ("+", "*"):
        return (1 if op == "+" else 0), None
    counts = re.fullmatch(r"\{(\d*)(?:(,)(\d*))?\}", op)
    if counts is None:
        return (1 if op == "1" else 0), 1
    fewest = int(counts.group(1) or 0)
    if counts.group(2) is None:
        return fewest, fewest  # {n}
    return fewest, int(counts.group(3)) if counts.group(3) else None  # {n,m}, {,m}, {n,}


def _whole(pattern: Sequence[Mapping[str, Any]]) -> bool:
    """Whether the pattern is one token with a ``LOWER`` predicate only, of lower-case words or a
    regex: its gate is all of it."""
    if len(pattern) != 1 or set(pattern[0]) != {"LOWER"}:
        return False
    value = pattern[0]["LOWER"]
    words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, Mapping) else None
    lower_case = words is None or all(isinstance(w, str) and w == w.lower() for w in words)  # "Foo" never equals a LOWER
    return lower_case and _word_test(value, exact_case=False) is not None


def _gates(pattern: Sequence[Mapping[str, Any]], common: frozenset[str]) -> list[_Gate]:
    """Word tests of a bounded pattern's required tokens, the one admitting the fewest ``common``
    words first (its occurrences are where the Matcher looks); the others, common words included,
    only rule out occurrences without their words at the right distance ("team" alone is no
    "worked in a team": a Matcher call on its window costs far more than tracking "in")."""
    ranked: list[tuple[tuple[int, int], int, _Gate]] = []
    for n, token in enumerate(pattern):
        op = str(token.get("OP", "1"))
        if op not in ("1", "+") and not re.fullmatch(r"\{[1-9]\d*(,\d*)?\}", op):
            continue
        keys = {k.upper(): v for k, v in token.items() if k.upper() != "OP"}
        for attr in ("LOWER", "ORTH", "TEXT"):
            found = _word_test(keys[attr], exact_case=attr != "LOWER") if attr in keys else None
            if found is not None:
                words, test = found
                repeats = int(_max_length([token]) or 1) - 1  # a word of "{1,3}" may be any of its three
                before = int(_max_length(pattern[:n]) or 0)
                reach = (before + repeats, int(_max_length(pattern[n + 1 :]) or 0) + repeats)
                place = (_min_length(pattern[:n]), before + repeats)
                ranked.append(((len(words & common), len(words)) if words is not None else (0, 1), n, _Gate(test, reach, place, words)))
                break
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [gate for _, _, gate in ranked]


def _word_test(value: Any, *, exact_case: bool) -> tuple[frozenset[str] | None, Gate] | None:
    """The words a predicate admits (None for a regex) and a test on a lower-cased word passing them all."""
    if isinstance(value, str):
        return frozenset({value.lower()}), frozenset({value.lower()}).__contains__
    if isinstance(value, Mapping) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            allowed = frozenset(a.lower() for a in arg)
            return allowed, allowed.__contains__
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg, re.IGNORECASE if exact_case else 0)
            return None, lambda w: regex.search(w) is not None
    return None
