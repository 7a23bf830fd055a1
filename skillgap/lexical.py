"""Lexical similarity of one query text to the documents of one ranking: Okapi BM25.

The query is the job when candidates are ranked for it, or the candidate when jobs are ranked
for them. Each document is tokenised once, when it is added, and only its counts of the
query's words are kept, so memory stays small for a batch of thousands; the inverse document
frequencies come from the documents of the ranking itself (nothing is learnt elsewhere):

    bm25(d) = sum over distinct query words w of  q(w) * idf(w) * tf(w, d) * (k1 + 1) / (tf(w, d) + k1 * (1 - b + b * |d| / avgdl))
    idf(w)  = ln(1 + (N - df(w) + 0.5) / (df(w) + 0.5))

with N documents, df(w) of them holding w, |d| the document's length in words and avgdl the
mean length (Robertson and Zaragoza's BM25 with Lucene's always-positive idf). ``q(w)`` is 1
(Lucene's BM25, a short query typed by someone: the baseline) or, with ``query_counts``, the
number of times the query says w (Robertson's query-term weight with k3 = infinity): when the
query is a whole posting or résumé, the words it repeats are what it is about.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .words import words


@dataclass(frozen=True)
class Bm25:
    """BM25's two constants, ``k1`` (how fast repeated words saturate) and ``b`` (length
    normalisation), and whether query words weigh by their count in the query (``query_counts``)."""

    k1: float = 1.2
    b: float = 0.75
    query_counts: bool = False


class LexicalIndex:
    """BM25 of one query over documents added one at a time; scores for all of them at the end."""

    def __init__(self, query: str, params: Bm25 = Bm25()) -> None:
        self.params = params
        counted = Counter(words(query))
        self.query = tuple(counted)
        self._query_weights = np.asarray([counted[w] if params.query_counts else 1 for w in self.query], dtype=float)
        self._column = {w: i for i, w in enumerate(self.query)}
        self._rows: list[dict[int, int]] = []  # per document: query-word column -> count
        self._lengths: list[int] = []
        self._cached: tuple[int, np.ndarray] | None = None  # (documents, weights) of the last `_weights`

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, text: str) -> int:
        """Tokenise one document (once) and keep its counts of the query's words; its position."""
        return self.add_counts(*self.counts(text))

    def counts(self, text: str) -> tuple[dict[int, int], int]:
        """One document's counts of the query's words (query-word column -> count) and its length
        in words: all `add` keeps of it, so a process holding an index of the same query can
        tokenise the document and send this instead of the text (`add_counts`)."""
        tokens = words(text)
        column = self._column
        return {column[w]: n for w, n in Counter(tokens).items() if w in column}, len(tokens)  # counted in C, then its distinct words

    def add_counts(self, row: dict[int, int], length: int) -> int:
        """Add one document by its `counts`; its position."""
        self._rows.append(row)
        self._lengths.append(length)
        return len(self._rows) - 1

    def _matrix(self) -> np.ndarray:
        tf = np.zeros((len(self._rows), len(self.query)))
        for i, row in enumerate(self._rows):
            if row:
                tf[i, list(row)] = list(row.values())
        return tf

    def _weights(self) -> np.ndarray:
        """Each document's BM25 contribution per query word (documents x words), computed once per set of documents."""
        if self._cached is None or self._cached[0] != len(self._rows):
            self._cached = (len(self._rows), self._bm25())
        return self._cached[1]

    def _bm25(self) -> np.ndarray:
        tf = self._matrix()
        if not tf.size:
            return tf
        n = len(self._rows)
        df = (tf > 0).sum(axis=0)
        idf = np.log1p((n - df + 0.5) / (df + 0.5))
        lengths = np.asarray(self._lengths, dtype=float)
        avgdl = lengths.mean() or 1.0
        k1, b = self.params.k1, self.params.b
        norm = k1 * (1.0 - b + b * lengths / avgdl)
        return self._query_weights * idf * tf * (k1 + 1.0) / (tf + norm[:, None])

    def scores(self) -> np.ndarray:
        """BM25 of every document added, in the order added (0 for one sharing no query word)."""
        weights = self._weights()
        return weights.sum(axis=1) if weights.size else np.zeros(len(self._rows))

    def evidence(self, top: int = 5) -> list[tuple[str, ...]]:
        """For every document, the query words that earned it most of its BM25, best first."""
        weights = self._weights()
        out = []
        for row in weights if weights.size else ([] for _ in self._rows):
            order = np.argsort(-np.asarray(row), kind="stable")[:top] if len(row) else []
            out.append(tuple(self.query[j] for j in order if row[j] > 0))
        return out


def relative(scores: np.ndarray) -> np.ndarray:
    """Scores divided by the best of them (0..1; all 0 when none is positive): a part of the match model."""
    best = float(scores.max()) if scores.size else 0.0
    return scores / best if best > 0 and math.isfinite(best) else np.zeros_like(scores, dtype=float)
