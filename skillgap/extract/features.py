"""Context features of candidate matches, hashed into the verifier's weight slots (see `skillgap.extract.verify`).

A feature is a template (its keys: what it says) and the values of those keys for one candidate:
how it was found and what the taxonomy says of the skill (kind, category, ambiguous form), its
casing and the capitalised words around it (names of firms and departments), the words on each
side and the word governing it, whether it is an item of a list of other skills, its section,
and the document's domain (the kinds and categories of its other skills). Nothing names a skill
list: the words are learned weights.

Each candidate gives one row of values (`DocFeatures.row`); the templates pick from it. A value
hashes as spaCy's string hash (a word's lexeme already holds it), a feature as its template's
hash mixed with its values' (`feature_slot`); `hashed_rows` does the same for all candidates of
a document at once with numpy, so scoring costs one gather-sum per document, and
`DocFeatures.names` spells the same features out for training and explanations.
"""

from __future__ import annotations

import functools
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

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
    token by token); the document-level parts are computed once."""

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
        self.cues, self.cue_spans, self.clauses, self.skill_tokens = cues, cue_spans, clauses, skill_tokens
        # token attributes as arrays, once per document (a Token per access is the costly part): those the
        # clauses read already (`context.TOKEN_ATTRS`) and the words' flags only the features need
        array = clauses.array
        flags = _word_flags(stop_words, cues.list_separators).of(array[:, 0], array[:, 1], doc.vocab)
        n = self._n = len(doc)
        self._strings = doc.vocab.strings
        self._text = text
        lower, space, alpha = array[:, 1], array[:, 2].astype(bool), (flags & _ALPHA).astype(bool)
        self._idx, self._ends = clauses.starts, clauses.ends
        newline = clauses.breaks
        # every token as a word value, with "<s>" beyond each end (index i + 1)
        words = numpy.where(space, numpy.where(newline, _U["<nl>"], _U["<sp>"]), lower).astype(numpy.uint64)
        self._words = numpy.concatenate(([_U["<s>"]], words, [_U["<s>"]]))
        # the nearest token at or before / after each position that is no plain space (-1 / n beyond)
        counts = ~space | newline
        at = numpy.arange(n)
        self._prev = numpy.concatenate(([-1], numpy.maximum.accumulate(numpy.where(counts, at, -1)))) if n else numpy.array([-1])
        after = numpy.minimum.accumulate(numpy.where(counts, at, n)[::-1])[::-1] if n else numpy.zeros(0, dtype=numpy.int64)
        self._next = numpy.concatenate((after, [n]))
        # runs of capitalised words (up to 3) ending / starting at each token, 0 beyond the doc
        capitalised = alpha & (flags & (_TITLE | _UPPER)).astype(bool)
        # (a run of three ends at i when i, i - 1 and i - 2 are capitalised: cap[i] * (1 + cap[i-1] * (1 + cap[i-2])))
        cap = numpy.concatenate(([0, 0], capitalised.astype(numpy.int64), [0, 0, 0]))  # two zeros before, three after
        mid = cap[2 : n + 3]  # tokens 0..n-1 and a zero beyond
        self._capl = mid * (1 + cap[1 : n + 2] * (1 + cap[: n + 1]))
        self._capr = mid * (1 + cap[3 : n + 4] * (1 + cap[4 : n + 5]))
        self._bag_words = numpy.concatenate((_NO_WORDS, numpy.where(space, _ZERO, lower), _NO_WORDS))  # WINDOW zeros on each side
        # list items (`context.is_item`, for every token at once): a separator, clause edge, cue phrase or
        # skill on the side before (index i + 1: token i; -1 and n are edges) and after
        edge = numpy.zeros(n + 2, dtype=bool)
        edge[0] = edge[-1] = True  # (a list as index costs its conversion to an array)
        edge[numpy.array(clauses.bounds, dtype=numpy.int64) + 1] = True
        sep = edge.copy()
        sep[1:-1] |= (flags & _SEPARATOR).astype(bool)
        skill = self._skill = numpy.zeros(n + 2, dtype=bool)
        skill[numpy.fromiter(skill_tokens, dtype=numpy.intp, count=len(skill_tokens)) + 1] = True
        sep |= skill
        self._sep_before, self._sep_after = sep.copy(), sep
        self._sep_before[[i for i in cue_spans.ends if 0 <= i <= n]] = True  # a cue phrase ends right before token i + 1
        self._sep_after[[i + 1 for i in cue_spans.starts if 0 <= i < n]] = True
        stop = ~numpy.concatenate(([False], space, [False])) | edge  # spaces are skipped up to a clause edge
        at = numpy.arange(n + 2)
        self._stop_before = numpy.maximum.accumulate(numpy.where(stop, at, 0)) - 1  # nearest stop at or before i - 1, as a token
        self._stop_after = numpy.minimum.accumulate(numpy.where(stop, at, n + 1)[::-1])[::-1] - 1
        # the class of each word, so that words never seen in training still say something: a line or
        # text edge, list separator, another skill, stop word, capitalised word, lower-case word, number, other
        # (stop words are told apart in `rows`, only where a candidate needs them); set from the last choice to the first
        kinds = numpy.full(n + 2, _CLASSES.index("other"), dtype=numpy.intp)
        for name, where in (("num", (flags & _NUM).astype(bool)), ("word", alpha), ("Cap", capitalised), ("sep", sep[1:-1]), ("<nl>", newline), ("skill", skill[1:-1])):
            kinds[1:-1][where] = _CLASSES.index(name)
        kinds[0] = kinds[-1] = _CLASSES.index("<s>")
        self._class = _CLASS_HASHES[kinds]
        self._stop_word = numpy.concatenate(([False], (flags & _STOP).astype(bool), [False]))
        # where the look back for a governing word stops (index i + 1: token i): the text's start, a clause
        # edge that is no whitespace, a line break; and the words it may take (alphabetic ones)
        barrier = self._barrier = numpy.concatenate(([True], newline, [True]))
        barrier[numpy.array(clauses.bounds, dtype=numpy.int64) + 1] |= ~space[clauses.bounds]
        self._alpha_at = numpy.concatenate(([False], alpha, [False]))
        self._plain = numpy.concatenate(([False], ~skill[1:-1] & ~newline & ~sep[1:-1], [False]))  # a stop word counts as one here
        # a hyphen glued to a word before or after (`context.is_compound`)
        self._hyphen = (flags & _HYPHEN).astype(bool)
        self._glued, self._alpha_array = array[:, 3] == 0, alpha
        self._head: dict[tuple[str, str, bool], tuple[int, ...]] = {}  # see `_read`: (skill, method, ambiguous) -> its values
        self._sections: dict[str | None, int] = {}
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
        n = len(candidates)
        if rules is None:
            rules = [c.rule for c in candidates]  # type: ignore[attr-defined]
        values = numpy.zeros((n, len(FIELDS) + 1), dtype=numpy.uint64)
        f = _FIELD
        read = numpy.array(self._read(candidates, rules), dtype=numpy.uint64).reshape(n, len(_READ))
        values[:, _READ_COLUMNS] = read[:, _READ_VALUES]
        starts, ends = read[:, _READ_SPAN[0]].astype(numpy.int64), read[:, _READ_SPAN[1]].astype(numpy.int64)
        values[:, f["d"]], values[:, f["dtop"]] = self._kind, self._top
        values[:, f["n"]] = _N_ARRAY[numpy.minimum(ends - starts, 4)]
        # the words around: the first two on each side that are no plain space
        p1, n1 = self._prev[starts], self._next[ends]  # _prev is shifted by one: _prev[start] is the nearest before start
        p2, n2 = numpy.where(p1 >= 0, self._prev[numpy.maximum(p1, 0)], -1), numpy.where(n1 < self._n, self._next[numpy.minimum(n1 + 1, self._n)], self._n)
        w = self._words
        l1, r1, l2, r2 = w[p1 + 1], w[n1 + 1], w[p2 + 1], w[n2 + 1]
        capl = numpy.where(p1 == starts - 1, self._capl[p1], 0)
        capr = numpy.where(n1 == ends, self._capr[numpy.minimum(n1, self._n)], 0)
        before, after = self._sep_before[self._stop_before[starts] + 1], self._sep_after[self._stop_after[ends + 1] + 1]
        values[:, f["item"]] = _PAIRS_ARRAY[(before & after).astype(numpy.int64), (before | after).astype(numpy.int64)]
        values[:, f["compound"]] = _N_ARRAY[self._compound(starts, ends).astype(numpy.int64)]
        skill = self._skill  # shifted by one, False beyond the doc
        near = (skill[p1 + 1] & (p1 < starts)) | (skill[p2 + 1] & (p2 < starts)) | (skill[n1 + 1] & (n1 >= ends)) | (skill[n2 + 1] & (n2 >= ends))
        values[:, f["l1"]], values[:, f["r1"]], values[:, f["l2"]], values[:, f["r2"]] = l1, r1, l2, r2
        classes = self._word_class(numpy.concatenate((p1, n1)) + 1)
        values[:, f["l1c"]], values[:, f["r1c"]] = classes[:n], classes[n:]
        values[:, f["cap"]] = _PAIRS_ARRAY[numpy.minimum(capl, 2), numpy.minimum(capr, 2)]
        values[:, f["capr"]] = _N_ARRAY[numpy.minimum(capr, 2)]
        values[:, f["r2c"]] = numpy.where(capr == 1, r2, _U["-"])
        values[:, f["near"]] = _N_ARRAY[near.astype(numpy.int64)]
        values[:, f["gov"]], values[:, f["prep"]] = self._governors(starts)
        # bag: the words of the window beyond the second on each side
        offsets = numpy.arange(WINDOW)
        left = starts[:, None] - WINDOW + offsets
        right = ends[:, None] + offsets
        keep = numpy.concatenate(((left >= 0) & (left < p2[:, None]), (right > n2[:, None]) & (right < self._n)), axis=1)
        bag = numpy.where(keep, self._bag_words[numpy.concatenate((left, right), axis=1) + WINDOW], _ZERO)
        return values, bag

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

    def _word_class(self, at: numpy.ndarray) -> numpy.ndarray:
        """The classes of the words at ``at`` (shifted by one, as `_class`), stop words told apart."""
        out = self._class[at]
        out[self._plain[at] & self._stop_word[at]] = _U["stop"]
        return out

    def _compound(self, starts: numpy.ndarray, ends: numpy.ndarray) -> numpy.ndarray:
        """Which candidates are glued by a hyphen to a word ("C-suite", "pre-Spark"), as `context.is_compound`."""
        n, glued, hyphen = self._n, self._glued, self._hyphen
        last, nxt = numpy.minimum(ends, n - 1), numpy.minimum(ends + 1, n - 1)
        after = (ends < n - 1) & glued[ends - 1] & hyphen[last] & glued[last] & self._alpha_array[nxt]
        before = (starts > 1) & glued[starts - 1] & hyphen[starts - 1] & glued[numpy.maximum(starts - 2, 0)]
        return after | before

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

    def _governors(self, starts: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """For each candidate: the nearest word before it in its clause (within `GOVERNOR_WINDOW`
        tokens, not past a line break) that is no stop word (the verb or noun it hangs on), else
        ``-``; and the nearest stop word between them (a preposition: "in" of "in design"), else ``-``."""
        at = numpy.maximum(starts[:, None] - numpy.arange(GOVERNOR_WINDOW), 0)  # token i - 1 - k, shifted by one; 0: before the text
        alive = ~numpy.logical_or.accumulate(self._barrier[at], axis=1)
        word, stop = alive & self._alpha_at[at], self._stop_word[at]
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
