"""Keeping spaCy's tokenizer cache useful on distinct texts.

spaCy's tokenizer caches the tokens of each whitespace-separated chunk of text, but in a
document it stops saving chunks once it has met one special case ("e.g.", "don't", "C#"; the
flag stays set to the document's end), and it keeps 10,000 chunks at most. On distinct texts
most chunks after a document's first lines were therefore split by the affix rules anew in
every document. `ChunkPrimer` tokenizes each chunk it has not seen before apart from the
document first: spaCy caches it then, unless the chunk holds a special case itself (those are
never cached), and the document's tokens come from the cache, the same tokens the rules give.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokenizer import Tokenizer

#: Most chunks primed (and the tokenizer's cache size): bounds memory on endless streams. Past it
#: priming stops for good, which costs little: the chunks met by then are the common ones, and a
#: chunk first met later is mostly a rare one. Starting the cache over instead (spaCy's cache can
#: only be emptied whole) made a stream of 10,478 texts with 146,458 distinct chunks slower to
#: tokenize, 4.7-4.8 CPU s against 3.9-4.1 s, and no cap at all gave 3.8-3.9 s (README, *Benchmarks*).
PRIMED_LIMIT = 100_000


class ChunkPrimer:
    """The chunks of text a spaCy tokenizer has been shown on their own, so that it caches them."""

    def __init__(self, tokenizer: object) -> None:
        self.tokenizer = tokenizer if isinstance(tokenizer, Tokenizer) else None  # a tokenizer of one's own has no such cache
        if self.tokenizer is not None:
            self.tokenizer.max_cache_size = max(self.tokenizer.max_cache_size, PRIMED_LIMIT)
        self._seen: set[str] = set()

    def prime(self, texts: Iterable[str]) -> None:
        """Tokenize the chunks of ``texts`` never seen before (up to `PRIMED_LIMIT` of them): the words
        of letters all in one call (no affix rule splits one, so none meets a special case unless it
        is one: those are skipped, spaCy reads them from its special cases anyway), the others one by one."""
        tokenizer, seen = self.tokenizer, self._seen
        if tokenizer is None:
            return
        special = tokenizer.rules
        for text in texts:
            if len(seen) >= PRIMED_LIMIT:
                return
            chunks = text.split()
            if seen.issuperset(chunks):  # nothing new (a look per chunk, no set of them made)
                continue
            new = [chunk for chunk in set(chunks).difference(seen) if chunk not in special]
            words = [chunk for chunk in new if chunk.isalpha()]
            if words:
                tokenizer(" ".join(words))
            for chunk in new:
                if not chunk.isalpha():
                    tokenizer(chunk)
            seen.update(new)
