"""Context features of candidate matches, hashed into the verifier's weight slots (see `skillgap.extract.verify`).

A feature is a template (its keys: what it says) and the values of those keys for one candidate:
how it was found and what the taxonomy says of the skill (kind, category, ambiguous form), its
casing and the capitalised words around it (names of firms and departments), the words on each
side and the word governing it, whether it is an item of a list of other skills, its section,
and the document's domain (the kinds and categories of its other skills). Nothing names a skill
list: the words are learned weights.

Each candidate gives one row of values (`DocFeatures.rows`); the templates pick from it. A value
hashes as spaCy's string hash (a word's lexeme already holds it), a feature as its template's
hash mixed with its values' (`feature_slot`); `hashed_rows` does the same for all candidates at
once with numpy. The token arrays the rows read are made for a batch of documents together
(`FeatureBatch`), so scoring costs one gather-sum per batch and round, and `DocFeatures.names`
spells the same features out for training and explanations.
"""

from __future__ import annotations

import functools
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy
from spacy.lexeme import Lexeme
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..taxonomy import Taxonomy
from . import context
from .wordtable import WordTable

#: Words looked at on each side of a candidate (bag of words beyond the first two).
WINDOW = 5
#: How far back the governing word is looked for.
GOVERNOR_WINDOW = 6
#: The key naming the annotation convention; at run time its value is our gold's per document kind
#: (``gold-posting``). In training each corpus has its own (scripts/train_verifier.py), so its base rates stay its own.
CONVENTION = "corpus"
#: The fields of a candidate's row, in order.
FIELDS = (
    "corpus", "k", "m", "c", "id", "t", "n", "case", "sec", "d", "l1", "r1", "l2", "r2", "len", "cap", "capr", "rule",
    "fz", "compound", "item", "near", "gov", "prep", "rep", "dn", "dcat", "dkind", "dtop", "l1c", "r1c",
)  # fmt: skip
#: Every candidate's features: the keys of each (``r2`` twice: the second is the word after a single capitalised one).
TEMPLATES: tuple[tuple[str, ...], ...] = (
    ("corpus",), ("corpus", "k"), ("corpus", "m"), ("m",), ("k",), ("c",), ("id",), ("t",), ("n", "m"), ("case", "m"),
    ("case", "k"), ("sec", "d"), ("sec", "k"), ("sec", "m"), ("l1",), ("r1",), ("l2",), ("r2",), ("l1", "k"), ("r1", "k"),
    ("l1", "r1"), ("t", "l1"), ("t", "r1"), ("len", "case"), ("cap", "case"), ("capr", "r2"), ("rule",), ("rule", "case"),
    ("rule", "sec"), ("fz",), ("compound",), ("item", "m"), ("near", "item", "k"), ("gov", "prep"), ("gov", "prep", "k"),
    ("rep", "m"), ("dn", "m"), ("dcat", "m"), ("dkind", "k"), ("dtop", "c"), ("dtop", "t"),
    ("l1c", "r1c", "k"), ("l1c", "r1c", "m"), ("l1c", "r1c", "case"),
)  # fmt: skip
#: Keys of the bag-of-words features (words beyond the second on the left / right).
LEFT, RIGHT = ("lw",), ("rw",)
_FIELD = {name: i for i, name in enumerate(FIELDS)}
_FIELD["r2c"] = len(FIELDS)  # the row's last value: r2 after one capitalised word, else "-"
_COLUMNS = [tuple(_FIELD["r2c"] if (t, k) == (("capr", "r2"), "r2") else _FIELD[k] for k in t) for t in TEMPLATES]
_MIX = 0x9E3779B97F4A7C15  # an odd 64-bit constant (2**64 / golden ratio): multiplying by it mixes into the high bits
_MASK = (1 << 64) - 1

#: A feature: its keys and their values.
Feature = tuple[tuple[str, ...], tuple[str, ...]]
#: Candidates' values (one row each, in `FIELDS` order) and bag words (`WINDOW` left, then right; 0: none),
#: as string hashes (words: their lexeme's).
Rows = tuple[numpy.ndarray, numpy.ndarray]


def feature_name(feature: Feature) -> str:
    """How a feature reads: ``key:value|key:value``."""
    keys, values = feature
    return "|".join(f"{k}:{v}" for k, v in zip(keys, values))


def feature_slot(feature: Feature, bits: int) -> int:
    """The weight slot of one feature (what `hashed_rows` computes for a whole document)."""
    keys, values = feature
    h = hash_string("|".join(keys))
    for v in values:
        h = ((h ^ hash_string(v)) * _MIX) & _MASK
    return h >> (64 - bits)


_TEMPLATE_HASH = numpy.array([hash_string("|".join(t)) for t in TEMPLATES], dtype=numpy.uint64)
#: The bag's template per column: `WINDOW` words on the left, then on the right.
_BAG_HASH = numpy.array([hash_string(LEFT[0])] * WINDOW + [hash_string(RIGHT[0])] * WINDOW, dtype=numpy.uint64)
#: Templates grouped by how many values they combine: (template positions, row columns, template hashes).
_ARITY = [
    (positions, columns, _TEMPLATE_HASH[positions])
    for positions, columns in (
        (numpy.array([j for j, c in enumerate(_COLUMNS) if len(c) == a]), numpy.array([c for c in _COLUMNS if len(c) == a]).reshape(-1, a))
        for a in sorted({len(c) for c in _COLUMNS})
    )
]
_UMIX = numpy.uint64(_MIX)


def hashed_rows(rows: Rows, bits: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Weight slots of every candidate's features: a (candidates x templates) array, and one of
    its bag words' slots (a word that is not there: slot -1). Arrays of unsigned integers wrap
    around on overflow, as the hash wants."""
    values, bag = rows
    mix, shift = _UMIX, numpy.uint64(64 - bits)
    slots = numpy.empty((len(values), len(TEMPLATES)), dtype=numpy.uint64)
    for positions, columns, start in _ARITY:
        h = (start ^ values[:, columns[:, 0]]) * mix
        for k in range(1, columns.shape[1]):
            h = (h ^ values[:, columns[:, k]]) * mix
        slots[:, positions] = h >> shift
    words = ((_BAG_HASH ^ bag) * mix) >> shift
    return slots.astype(numpy.int64), numpy.where(bag != 0, words.astype(numpy.int64), -1)


class Hit(Protocol):
    """What the features read of a matcher hit: token span, skill, method, ambiguous form and the fuzzy score."""

    start: int
    end: int
    skill_id: str
    method: str
    ambiguous: bool
    score: float


@dataclass(frozen=True)
class Candidate:
    """A matcher hit the verifier judges: token span, skill, method, ambiguous form, the old
    context rule's verdict (``rule``) and the fuzzy score."""

    start: int
    end: int
    skill_id: str
    method: str
    ambiguous: bool
    rule: bool
    score: float


class DocFeatures:
    """Features of the candidates of one document (``text``: its text, which ``doc.text`` would rebuild
    token by token); the document-level parts are computed once, its token arrays with those of the
    other documents of its `FeatureBatch` (one of its own when it has none)."""

    def __init__(
        self,
        doc: Doc,
        taxonomy: Taxonomy,
        *,
        text: str,
        kind: str,
        section_of: Callable[[int], str | None],
        cues: context.Cues,
        cue_spans: context.CueSpans,
        clauses: context.Clauses,
        skill_tokens: set[int],
        others: Sequence[Hit],
        stop_words: frozenset[str],
        memo: dict[tuple[str, str, str, bool], tuple[tuple[int, ...], str, str]] | None = None,
    ) -> None:
        self.memo = memo if memo is not None else {}  # see `_skill_values`: one per taxonomy and string store
        self.doc, self.taxonomy, self.kind, self.section_of = doc, taxonomy, kind, section_of
        self.cues, self.cue_spans, self.clauses, self.skill_tokens, self.stop_words = cues, cue_spans, clauses, skill_tokens, stop_words
        self._n = len(doc)
        self._strings = doc.vocab.strings
        self._text = text
        self._idx, self._ends = clauses.starts, clauses.ends
        self._head: dict[tuple[str, str, bool], tuple[int, ...]] = {}  # see `_read`: (skill, method, ambiguous) -> its values
        self._sections: dict[str | None, int] = {}
        #: The batch holding this document's token arrays, and where its first token stands in them.
        self.batch: FeatureBatch | None = None
        self.base = 0
        # in document order (not a set): ties of the top category go the same way in every process
        sure = dict.fromkeys(c.skill_id for c in others if not c.ambiguous and c.method != "fuzzy")
        self.distinct = len(sure)
        skills = taxonomy.skills
        self.kinds = Counter([skills[s].kind for s in sure])  # (a list counts faster than a generator)
        self.categories = Counter([skills[s].category for s in sure])
        self.count = Counter([c.skill_id for c in others])
        top = max(self.categories.items(), key=_second, default=("-", 0))[0]  # the first of the most common, as `Counter.most_common`
        self._top, self._kind = self._hash(top), self._hash(kind)

    def _hash(self, value: str) -> int:
        """The string hash of a value, kept in the vocab's string store so `names` can spell it."""
        return self._strings.add(value)

    def rows(self, candidates: Sequence[Hit], rules: Sequence[bool] | None = None) -> Rows:
        """The values of the candidates' features (one row each, in `FIELDS` order) and their bag words;
        ``rules``: the context rule's verdict of each (default: the candidates' own ``rule``)."""
        if rules is None:
            rules = [c.rule for c in candidates]  # type: ignore[attr-defined]
        batch = self.batch if self.batch is not None else FeatureBatch([self])
        return batch.rows([(self, candidates, rules)])

    def _read(self, candidates: Sequence[Hit], rules: Sequence[bool]) -> list[int]:
        """The values read one candidate at a time (`_READ`, flat): its skill's values (made once per
        skill and method), its span, text, section, rule and fuzzy score."""
        head, idx, ends, text, section_of, sections = self._head, self._idx, self._ends, self._text, self.section_of, self._sections
        texts, dash, verdicts = _TEXT_VALUES, _H["-"], _RULE
        out: list[int] = []
        for c, rule in zip(candidates, rules):
            key = (c.skill_id, c.method, c.ambiguous)
            row = head.get(key)
            if row is None:
                row = head[key] = self._skill_values(c)
            start, end = idx[c.start], ends[c.end - 1]
            matched = text[start:end]
            lowered, shape = texts.get(matched) or _text_values(matched)
            section = section_of(start)
            section_hash = sections.get(section)
            if section_hash is None:
                section_hash = sections[section] = self._hash(section or "-")
            fz = _N[int(c.score) // 3] if c.method == "fuzzy" else dash
            out += row
            out += (c.start, c.end, lowered, shape, section_hash, _N[min(end - start, 12) // 3], verdicts[rule] if c.ambiguous else dash, fz)
        return out

    def _skill_values(self, c: Hit) -> tuple[int, ...]:
        """The values that depend on the skill and method alone: corpus, kind, method, category, id
        (remembered in ``memo`` across documents); then how often the skill is matched and the
        share of the document's other skills alike."""
        key = (self.kind, c.skill_id, c.method, c.ambiguous)
        known = self.memo.get(key)
        if known is None:
            skill = self.taxonomy[c.skill_id]
            how = f"{c.method}~" if c.ambiguous else c.method
            names = (f"gold-{self.kind}", skill.kind, how, skill.category, c.skill_id)
            known = self.memo[key] = (tuple(map(self._hash, names)), skill.kind, skill.category)
        hashes, kind, category = known
        others = self.distinct - (1 if not c.ambiguous and c.method != "fuzzy" else 0)
        share_cat = _bucket((self.categories[category] - (others < self.distinct)) / others) if others > 0 else _H["none"]
        share_kind = _bucket((self.kinds[kind] - (others < self.distinct)) / others) if others > 0 else _H["none"]
        return (*hashes, _N[min(self.count[c.skill_id], 3)], _N[min(others, 20) // 5], share_cat, share_kind)

    def names(self, c: Candidate) -> list[Feature]:
        """The features of one candidate, spelled out (the same ones `hashed_rows` hashes)."""
        start = self._idx[c.start]
        self._hash(self._text[start : self._ends[c.end - 1]].lower())  # the string store spells the matched text
        values, bag = self.rows([c])
        spell = functools.partial(_spell, self._strings)
        spelled = tuple(map(spell, values[0].tolist()))
        out = [(keys, tuple(spelled[i] for i in columns)) for keys, columns in zip(TEMPLATES, _COLUMNS)]
        out += [(LEFT if k < WINDOW else RIGHT, (spell(w),)) for k, w in enumerate(bag[0].tolist()) if w]
        return out


class FeatureBatch:
    """The token arrays the features read, for several documents (`DocFeatures`) laid end to end
    with a pad position before, between and after them that reads as beyond a text: a few dozen
    array operations per batch, not per document (their fixed cost was most of the verifier's).

    Every array is indexed by position in the batch: token ``i`` of a document stands at its
    ``base + i``, its pads at ``base - 1`` and ``base + n``. The searches for the nearest word,
    stop or edge count pads as one, so none crosses into another document.
    """

    def __init__(self, documents: Sequence[DocFeatures]) -> None:
        first = documents[0]
        lengths = numpy.array([f._n for f in documents], dtype=numpy.int64)
        bases = (numpy.cumsum(lengths + 1) - lengths).tolist()  # 1 + the tokens and pads of the documents before
        size = self.size = int(lengths.sum()) + len(documents) + 1
        tok = numpy.arange(size - len(documents) - 1) + numpy.repeat(numpy.arange(1, len(documents) + 1), lengths)  # each token's position
        for f, base in zip(documents, bases):
            f.batch, f.base = self, base
        array = numpy.concatenate([f.clauses.array for f in documents])
        newline = numpy.concatenate([f.clauses.breaks for f in documents])
        flags = _word_flags(first.stop_words, first.cues.list_separators).of(array[:, 0], array[:, 1], first.doc.vocab)
        bounds = numpy.array([b + i for f, b in zip(documents, bases) for i in f.clauses.bounds], dtype=numpy.int64)
        skill_at = numpy.array([b + i for f, b in zip(documents, bases) for i in f.skill_tokens], dtype=numpy.int64)
        lower, space, alpha = array[:, 1], array[:, 2].astype(bool), (flags & _ALPHA).astype(bool)

        def spread(values: numpy.ndarray, pad: Any) -> numpy.ndarray:
            """A token array as one of positions, ``pad`` at the pads."""
            out = numpy.full(size, pad, dtype=values.dtype)
            out[tok] = values
            return out

        pad = self._pad = spread(numpy.zeros(len(tok), dtype=bool), True)
        # every position as a word value, "<s>" at the pads
        self._words = spread(numpy.where(space, numpy.where(newline, _U["<nl>"], _U["<sp>"]), lower).astype(numpy.uint64), _U["<s>"])
        # the nearest position at or before / after each one that is no plain space (a pad is none)
        counts, at = spread(~space | newline, True), numpy.arange(size)
        self._prev = numpy.maximum.accumulate(numpy.where(counts, at, -1))
        self._next = numpy.minimum.accumulate(numpy.where(counts, at, size)[::-1])[::-1]
        # runs of capitalised words (up to 3) ending / starting at each position, 0 at the pads
        capitalised = alpha & (flags & (_TITLE | _UPPER)).astype(bool)
        # (a run of three ends at i when i, i - 1 and i - 2 are capitalised: cap[i] * (1 + cap[i-1] * (1 + cap[i-2])))
        cap = numpy.zeros(size + 4, dtype=numpy.int64)  # two zeros before the positions, two after
        cap[tok + 2] = capitalised
        mid = cap[2 : size + 2]
        self._capl = mid * (1 + cap[1 : size + 1] * (1 + cap[:size]))
        self._capr = mid * (1 + cap[3 : size + 3] * (1 + cap[4 : size + 4]))
        self._bag_words = spread(numpy.where(space, _ZERO, lower), _ZERO)
        # list items (`context.is_item`, for every token at once): a separator, clause edge, cue phrase or
        # skill on the side before and after (pads are edges)
        edge = pad.copy()
        edge[bounds] = True
        skill = self._skill = numpy.zeros(size, dtype=bool)
        skill[skill_at] = True
        sep = edge | spread((flags & _SEPARATOR).astype(bool), False) | skill
        self._sep_before, self._sep_after = sep.copy(), sep
        # a cue phrase ends right before token i (its position base - 1 + i) / starts at token i
        self._sep_before[[b - 1 + i for f, b in zip(documents, bases) for i in f.cue_spans.ends if 0 <= i <= f._n]] = True
        self._sep_after[[b + i for f, b in zip(documents, bases) for i in f.cue_spans.starts if 0 <= i < f._n]] = True
        space_at = spread(space, False)
        stop = ~space_at | edge  # spaces are skipped up to a clause edge
        self._stop_before = numpy.maximum.accumulate(numpy.where(stop, at, 0))  # nearest stop at or before each position
        self._stop_after = numpy.minimum.accumulate(numpy.where(stop, at, size - 1)[::-1])[::-1]
        # the class of each word, so that words never seen in training still say something: a line or
        # text edge, list separator, another skill, stop word, capitalised word, lower-case word, number, other
        # (stop words are told apart in `rows`, only where a candidate needs them); set from the last choice to the first
        kinds = numpy.full(len(tok), _CLASSES.index("other"), dtype=numpy.intp)
        sep_at, skill_of = sep[tok], skill[tok]
        for name, where in (("num", (flags & _NUM).astype(bool)), ("word", alpha), ("Cap", capitalised), ("sep", sep_at), ("<nl>", newline), ("skill", skill_of)):
            kinds[where] = _CLASSES.index(name)
        self._class = spread(_CLASS_HASHES[kinds], _U["<s>"])
        self._stop_word = spread((flags & _STOP).astype(bool), False)
        # where the look back for a governing word stops: a pad, a clause edge that is no whitespace, a
        # line break; and the words it may take (alphabetic ones)
        barrier = self._barrier = spread(newline, True)
        barrier[bounds] |= ~space_at[bounds]
        self._alpha = spread(alpha, False)
        self._plain = spread(~skill_of & ~newline & ~sep_at, False)  # a stop word counts as one here
        # a hyphen glued to a word before or after (`context.is_compound`)
        self._hyphen = spread((flags & _HYPHEN).astype(bool), False)
        self._glued = spread(array[:, 3] == 0, False)

    def rows(self, parts: Sequence[tuple[DocFeatures, Sequence[Hit], Sequence[bool]]]) -> Rows:
        """`DocFeatures.rows` of candidates of several documents of this batch at once: each part is a
        document, its candidates and their rule verdicts; the rows come in the parts' order."""
        if any(f.batch is not self for f, _, _ in parts):
            raise ValueError("rows of a document asked of a batch that does not hold it")
        read_values: list[int] = []
        for f, candidates, rules in parts:
            read_values += f._read(candidates, rules)
        counts = [len(c) for _, c, _ in parts]
        n = sum(counts)
        values = numpy.zeros((n, len(FIELDS) + 1), dtype=numpy.uint64)
        fld = _FIELD
        read = numpy.array(read_values, dtype=numpy.uint64).reshape(n, len(_READ))
        values[:, _READ_COLUMNS] = read[:, _READ_VALUES]
        if len(parts) == 1:
            f = parts[0][0]
            base, last, values[:, fld["d"]], values[:, fld["dtop"]] = f.base, f.base + f._n, f._kind, f._top
        else:
            base = numpy.repeat(numpy.array([f.base for f, _, _ in parts], dtype=numpy.int64), counts)
            last = base + numpy.repeat(numpy.array([f._n for f, _, _ in parts], dtype=numpy.int64), counts)
            values[:, fld["d"]] = numpy.repeat(numpy.array([f._kind for f, _, _ in parts], dtype=numpy.uint64), counts)
            values[:, fld["dtop"]] = numpy.repeat(numpy.array([f._top for f, _, _ in parts], dtype=numpy.uint64), counts)
        starts, ends = read[:, _READ_SPAN[0]].astype(numpy.int64) + base, read[:, _READ_SPAN[1]].astype(numpy.int64) + base  # positions
        values[:, fld["n"]] = _N_ARRAY[numpy.minimum(ends - starts, 4)]
        # the words around: the first two on each side that are no plain space (a pad: the text's edge)
        prev, after, pad = self._prev, self._next, self._pad
        p1, n1 = prev[starts - 1], after[ends]
        p2, n2 = numpy.where(pad[p1], p1, prev[p1 - 1]), numpy.where(pad[n1], n1, after[numpy.minimum(n1 + 1, self.size - 1)])
        w = self._words
        l1, r1, l2, r2 = w[p1], w[n1], w[p2], w[n2]
        capl = numpy.where(p1 == starts - 1, self._capl[p1], 0)
        capr = numpy.where(n1 == ends, self._capr[n1], 0)
        before, behind = self._sep_before[self._stop_before[starts - 1]], self._sep_after[self._stop_after[ends]]
        values[:, fld["item"]] = _PAIRS_ARRAY[(before & behind).astype(numpy.int64), (before | behind).astype(numpy.int64)]
        values[:, fld["compound"]] = _N_ARRAY[self._compound(starts, ends).astype(numpy.int64)]
        skill = self._skill  # False at the pads
        near = (skill[p1] & (p1 < starts)) | (skill[p2] & (p2 < starts)) | (skill[n1] & (n1 >= ends)) | (skill[n2] & (n2 >= ends))
        values[:, fld["l1"]], values[:, fld["r1"]], values[:, fld["l2"]], values[:, fld["r2"]] = l1, r1, l2, r2
        classes = self._word_class(numpy.concatenate((p1, n1)))
        values[:, fld["l1c"]], values[:, fld["r1c"]] = classes[:n], classes[n:]
        values[:, fld["cap"]] = _PAIRS_ARRAY[numpy.minimum(capl, 2), numpy.minimum(capr, 2)]
        values[:, fld["capr"]] = _N_ARRAY[numpy.minimum(capr, 2)]
        values[:, fld["r2c"]] = numpy.where(capr == 1, r2, _U["-"])
        values[:, fld["near"]] = _N_ARRAY[near.astype(numpy.int64)]
        values[:, fld["gov"]], values[:, fld["prep"]] = self._governors(starts)
        # bag: the words of the window beyond the second on each side, inside the candidate's document
        offsets = numpy.arange(WINDOW)
        left = starts[:, None] - WINDOW + offsets
        right = ends[:, None] + offsets
        first, stop = numpy.reshape(base, (-1, 1)), numpy.reshape(last, (-1, 1))
        keep = numpy.concatenate(((left >= first) & (left < p2[:, None]), (right > n2[:, None]) & (right < stop)), axis=1)
        bag = numpy.where(keep, self._bag_words[numpy.clip(numpy.concatenate((left, right), axis=1), 0, self.size - 1)], _ZERO)
        return values, bag

    def _word_class(self, at: numpy.ndarray) -> numpy.ndarray:
        """The classes of the words at positions ``at``, stop words told apart."""
        out = self._class[at]
        out[self._plain[at] & self._stop_word[at]] = _U["stop"]
        return out

    def _compound(self, starts: numpy.ndarray, ends: numpy.ndarray) -> numpy.ndarray:
        """Which candidates are glued by a hyphen to a word ("C-suite", "pre-Spark"), as `context.is_compound`
        (no hyphen, word or glue at a pad: a candidate at a text's edge has none beyond it)."""
        glued, hyphen = self._glued, self._hyphen
        after = glued[ends - 1] & hyphen[ends] & glued[ends] & self._alpha[numpy.minimum(ends + 1, self.size - 1)]
        before = glued[starts - 1] & hyphen[starts - 1] & glued[starts - 2]
        return after | before

    def _governors(self, starts: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """For each candidate: the nearest word before it in its clause (within `GOVERNOR_WINDOW`
        tokens, not past a line break) that is no stop word (the verb or noun it hangs on), else
        ``-``; and the nearest stop word between them (a preposition: "in" of "in design"), else ``-``."""
        at = numpy.maximum(starts[:, None] - 1 - numpy.arange(GOVERNOR_WINDOW), 0)  # the positions before; a pad ends the look back
        alive = ~numpy.logical_or.accumulate(self._barrier[at], axis=1)
        word, stop = alive & self._alpha[at], self._stop_word[at]
        gov, prep = word & ~stop, word & stop
        found, first = gov.any(axis=1), gov.argmax(axis=1)
        prep &= ~found[:, None] | (numpy.arange(GOVERNOR_WINDOW) < first[:, None])  # only those before the governor
        rows, dash = numpy.arange(len(starts)), _U["-"]
        words = self._words
        return (
            numpy.where(found, words[at[rows, first]], dash),
            numpy.where(prep.any(axis=1), words[at[rows, prep.argmax(axis=1)]], dash),
        )


#: The fixed values (numbers, flags, casings, edges of the text) and their hashes.
_CONSTANTS = [str(i) for i in range(40)] + [f"{a}{b}" for a in range(3) for b in range(3)]
_CONSTANTS += ["-", "–", "none", "True", "False", "U", "U1", "T", "l", "M", "<s>", "<nl>", "<sp>", "0", "s", "m", "h"]
_CONSTANTS += ["sep", "stop", "Cap", "word", "num", "other", "skill"]
_H = {v: hash_string(v) for v in _CONSTANTS}
_SPELLING = {h: v for v, h in _H.items()}
_N = [_H[str(i)] for i in range(40)]
_PAIRS = [[_H[f"{a}{b}"] for b in range(3)] for a in range(3)]
_U = {v: numpy.uint64(h) for v, h in _H.items()}
_ZERO = numpy.uint64(0)
_NO_WORDS = numpy.zeros(WINDOW, dtype=numpy.uint64)
_N_ARRAY, _PAIRS_ARRAY = numpy.array(_N, dtype=numpy.uint64), numpy.array(_PAIRS, dtype=numpy.uint64)
_second = operator.itemgetter(1)
_RULE = {True: _H["True"], False: _H["False"]}
#: The word classes (`DocFeatures._class`) and their hashes.
_CLASSES = ("skill", "<nl>", "sep", "Cap", "word", "num", "other", "<s>")
_CLASS_HASHES = numpy.array([_H[c] for c in _CLASSES], dtype=numpy.uint64)
#: What `DocFeatures._read` gives per candidate: the values of these fields (the skill's, as
#: `DocFeatures._skill_values` gives them, then the candidate's own) and its token span.
_READ = ("corpus", "k", "m", "c", "id", "rep", "dn", "dcat", "dkind", "start", "end", "t", "case", "sec", "len", "rule", "fz")
_READ_SPAN = (_READ.index("start"), _READ.index("end"))
_READ_VALUES = [i for i in range(len(_READ)) if i not in _READ_SPAN]
_READ_COLUMNS = [_FIELD[_READ[i]] for i in _READ_VALUES]
#: The matched texts' values (hash of the lower-cased text, casing), kept across documents.
_TEXT_VALUES: dict[str, tuple[int, int]] = {}
#: Most matched texts kept before `_TEXT_VALUES` starts over (bounds memory on endless streams).
TEXT_CACHE_LIMIT = 200_000


def _text_values(text: str) -> tuple[int, int]:
    """The hash of a matched text lower-cased and of its casing (`_shape`), remembered in `_TEXT_VALUES`."""
    if len(_TEXT_VALUES) >= TEXT_CACHE_LIMIT:
        _TEXT_VALUES.clear()
    found = _TEXT_VALUES[text] = (hash_string(text.lower()), _H[_shape(text)])
    return found


#: The flags of a word (`WordFlags`): its lexeme's shape, and whether it is a stop word, a list separator or a dash.
_ALPHA, _TITLE, _UPPER, _NUM, _STOP, _SEPARATOR, _HYPHEN = (1 << i for i in range(7))
#: Most words `WordFlags` keeps before it starts over (bounds memory on endless streams).
WORD_CACHE_LIMIT = 500_000


class WordFlags:
    """The flags the features read of each word (ORTH hash), kept across documents (`WordTable`):
    a document's are one binary search, not a pass over its tokens per attribute; a word never
    seen is read from its lexeme once."""

    def __init__(self, stop_words: frozenset[str], separators: frozenset[str]) -> None:
        self._stop, self._separators = {hash_string(w) for w in stop_words}, {hash_string(w) for w in separators}
        self._table = WordTable(WORD_CACHE_LIMIT)

    def of(self, orth: numpy.ndarray, lower: numpy.ndarray, vocab: Vocab) -> numpy.ndarray:
        """The flags of each token (its ORTH and LOWER hashes; ``vocab`` holds its lexeme)."""
        return self._table.of(orth, lambda words, first: [self._read(vocab[o], lw) for o, lw in zip(words.tolist(), lower[first].tolist())])

    def _read(self, lexeme: Lexeme, lower: int) -> int:
        """The flags of one word, from its lexeme and its LOWER hash."""
        shape = (lexeme.is_alpha, lexeme.is_title, lexeme.is_upper, lexeme.like_num, lower in self._stop, lower in self._separators, lexeme.orth_ in ("-", "–"))
        return sum(bit for bit, on in zip((_ALPHA, _TITLE, _UPPER, _NUM, _STOP, _SEPARATOR, _HYPHEN), shape) if on)


@functools.lru_cache(maxsize=8)
def _word_flags(stop_words: frozenset[str], separators: frozenset[str]) -> WordFlags:
    """The word flags of a stop-word list and list separators, shared by every document."""
    return WordFlags(stop_words, separators)


def _spell(strings: StringStore, value: int) -> str:
    """The string a value hash stands for."""
    return _SPELLING.get(value) or strings[value]


def _shape(text: str) -> str:
    """Casing of a matched text: ``U`` all capitals, ``T`` title case, ``l`` lower case, ``M`` mixed."""
    if text.islower():
        return "l"
    if text.isupper():
        return "U" if sum(ch.isalpha() for ch in text) > 1 else "U1"
    if not any(ch.isalpha() for ch in text):
        return "-"
    words = [w for w in text.split() if w[:1].isalpha()]
    if all(w[:1].isupper() and w[1:].islower() for w in words if w[1:]):
        return "T"
    return "M"


def _bucket(share: float) -> int:
    """A share in four bins (hashed): 0, up to a fifth, up to a half, more."""
    return _H["0" if share <= 0 else "s" if share <= 0.2 else "m" if share <= 0.5 else "h"]
