"""A spaCy Matcher that runs only around the tokens its patterns need.

spaCy's Matcher tries every pattern at every token, and ``IN`` / ``REGEX`` predicates are
Python calls: with a few dozen soft-skill patterns it costs twice the tokenizer. Most tokens
cannot take part in any match, so each pattern gets a "gate": one required token whose
``LOWER`` / ``ORTH`` predicate can be checked on a word alone (the one that admits the fewest
common words, so "solve ... problems" is gated on "problems", not on "the"). A word's verdict is cached
across documents; each pattern's Matcher then runs only on short windows around the words
that pass its gate.
Patterns without such a token (or of unbounded length) run on the whole doc as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy
from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Gate = Callable[[str], bool]
#: Most cached word verdicts before the cache starts over (bounds memory on endless streams).
CACHE_LIMIT = 500_000


class GatedMatcher:
    """Matcher patterns by key, each matched on windows around its own gate words (see the module doc)."""

    def __init__(self, vocab: Vocab, patterns: Mapping[str, Iterable[Sequence[Mapping[str, Any]]]], common: frozenset[str] = frozenset()) -> None:
        self.vocab = vocab
        self.ungated = Matcher(vocab)
        self.rules: list[tuple[Matcher, Gate, int]] = []  # (a matcher of one pattern, its gate, its longest match)
        for key, pats in patterns.items():
            for pattern in pats:
                gate, length = _gate(pattern, common), _max_length(pattern)
                if gate is None or length is None:
                    self.ungated.add(key, [list(pattern)])
                else:
                    matcher = Matcher(vocab)
                    matcher.add(key, [list(pattern)])
                    self.rules.append((matcher, gate, length))
        self._masks: dict[int, int] = {}  # word (LOWER hash) -> bit mask of the rules whose gate it passes

    def __len__(self) -> int:
        return len(self.rules) + len(self.ungated)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match key, start, end) of every match, as ``Matcher`` gives them."""
        out = list(self.ungated(doc)) if len(self.ungated) else []
        if not self.rules or not len(doc):
            return out
        lowers = doc.to_array(LOWER)
        masks = {h: m for h in numpy.unique(lowers).tolist() if (m := self._mask(h))}
        if not masks:
            return out
        hits: dict[int, list[int]] = {}
        for i in numpy.flatnonzero(numpy.isin(lowers, numpy.array(list(masks), dtype=lowers.dtype))).tolist():
            mask, r = masks[int(lowers[i])], 0
            while mask:
                if mask & 1:
                    hits.setdefault(r, []).append(i)
                mask >>= 1
                r += 1
        for r, positions in hits.items():
            matcher, _, width = self.rules[r]
            for lo, hi in _windows(positions, width, len(doc)):
                out.extend((key, lo + s, lo + e) for key, s, e in matcher(doc[lo:hi]))
        return out

    def _mask(self, lower_hash: int) -> int:
        mask = self._masks.get(lower_hash)
        if mask is None:
            if len(self._masks) >= CACHE_LIMIT:
                self._masks.clear()
            word = self.vocab.strings[lower_hash]
            mask = self._masks[lower_hash] = sum(1 << r for r, (_, gate, _) in enumerate(self.rules) if gate(word))
        return mask


def _windows(hits: list[int], width: int, length: int) -> list[tuple[int, int]]:
    """Merged token windows ``[i - width + 1, i + width)`` around each hit."""
    out: list[tuple[int, int]] = []
    for i in hits:
        lo, hi = max(0, i - width + 1), min(length, i + width)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _max_length(pattern: Sequence[Mapping[str, Any]]) -> int | None:
    """Most tokens a match of ``pattern`` can span, or None when unbounded (``+``, ``*``, ``{n,}``)."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op in ("+", "*") or re.fullmatch(r"\{\d*,\}", op):
            return None
        bounds = re.fullmatch(r"\{(\d*)(?:,(\d*))?\}", op)
        total += int(bounds.group(2) or bounds.group(1) or 0) if bounds else 1
    return total


def _gate(pattern: Sequence[Mapping[str, Any]], common: frozenset[str]) -> Gate | None:
    """A word test that every match passes on one of its required tokens; None if no token has one.

    Of the required, word-checkable tokens, the one admitting the fewest ``common`` words wins.
    """
    best: tuple[tuple[int, int], Gate] | None = None
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op not in ("1", "+") and not re.fullmatch(r"\{[1-9]\d*(,\d*)?\}", op):
            continue
        keys = {k.upper(): v for k, v in token.items() if k.upper() != "OP"}
        for attr in ("LOWER", "ORTH", "TEXT"):
            found = _word_test(keys[attr], exact_case=attr != "LOWER") if attr in keys else None
            if found is not None:
                words, gate = found
                rank = (len(words & common), len(words)) if words is not None else (0, 1)
                if best is None or rank < best[0]:
                    best = (rank, gate)
                break
    return best[1] if best else None


def _word_test(value: Any, *, exact_case: bool) -> tuple[frozenset[str] | None, Gate] | None:
    """The words a predicate admits (None for a regex) and a test on a lower-cased word passing them all."""
    if isinstance(value, str):
        return frozenset({value.lower()}), frozenset({value.lower()}).__contains__
    if isinstance(value, Mapping) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            allowed = frozenset(a.lower() for a in arg)
            return allowed, allowed.__contains__
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg, re.IGNORECASE if exact_case else 0)
            return None, lambda w: regex.search(w) is not None
    return None
