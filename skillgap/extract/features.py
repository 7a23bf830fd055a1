"""Context features of candidate matches, as names the verifier hashes (see `skillgap.extract.verify`).

Every name says one thing about one candidate: how it was found and what the taxonomy says of
the skill (kind, category, ambiguous form), its casing and the capitalised words around it
(names of firms and departments), the words on each side and the word governing it, whether it
is an item of a list of other skills, its section, and the document's domain (the kinds and
categories of its other skills). Nothing names a skill list: the words are learned weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, IS_SPACE, LOWER, ORTH
from spacy.tokens import Doc

from ..taxonomy import Taxonomy
from . import context

#: Words looked at on each side of a candidate (bag of words beyond the first two).
WINDOW = 5
#: How far back the governing word is looked for.
GOVERNOR_WINDOW = 6
#: Features naming the annotation convention: our gold's, per document kind. In training each
#: corpus has its own (scripts/train_verifier.py renames them), so its base rates stay its own.
CONVENTION = "corpus:gold-"
_SPACES = frozenset({"<sp>", "<nl>"})


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
    """Feature names of the candidates of one document; the document-level parts are computed once."""

    def __init__(
        self,
        doc: Doc,
        taxonomy: Taxonomy,
        *,
        kind: str,
        section_of: Callable[[int], str | None],
        cues: context.Cues,
        cue_spans: context.CueSpans,
        clauses: context.Clauses,
        skill_tokens: set[int],
        others: Sequence[Candidate],
        stop_words: frozenset[str],
    ) -> None:
        self.doc, self.taxonomy, self.kind, self.section_of = doc, taxonomy, kind, section_of
        self.cues, self.cue_spans, self.clauses, self.skill_tokens = cues, cue_spans, clauses, skill_tokens
        self.stop = stop_words
        self._words: dict[int, str] = {}
        # token attributes read once per document as plain lists: a Token per access is the costly part
        lower, orth, space, alpha = doc.to_array([LOWER, ORTH, IS_SPACE, IS_ALPHA]).T.tolist() if len(doc) else ([], [], [], [])
        self._strings, self._lower, self._orth, self._alpha = doc.vocab.strings, lower, orth, alpha
        self._space = space
        self._newline = {i for i, s in enumerate(space) if s and "\n" in self._strings[orth[i]]}
        self._head: dict[tuple[str, str, bool], list[str]] = {}  # see `names`
        # in document order (not a set): ties of the top category go the same way in every process
        sure = dict.fromkeys(c.skill_id for c in others if not c.ambiguous and c.method != "fuzzy")
        self.distinct = len(sure)
        self.kinds = Counter(taxonomy[s].kind for s in sure)
        self.categories = Counter(taxonomy[s].category for s in sure)
        self.count = Counter(c.skill_id for c in others)
        top = self.categories.most_common(1)
        self.top_category = top[0][0] if top else "-"

    def _word(self, i: int) -> str:
        """Token ``i`` lower-cased; ``<s>`` outside the doc, ``<nl>`` for a line break, ``<sp>`` other spaces."""
        word = self._words.get(i)
        if word is None:
            if i < 0 or i >= len(self._lower):
                word = "<s>"
            else:
                word = ("<nl>" if i in self._newline else "<sp>") if self._space[i] else self._strings[self._lower[i]]
            self._words[i] = word
        return word

    def _step(self, i: int, step: int) -> int:
        """The next token from ``i`` in direction ``step`` that is not a plain space."""
        space, newline, n = self._space, self._newline, len(self._space)
        while 0 <= i < n and space[i] and i not in newline:
            i += step
        return i

    def _cap_run(self, i: int, step: int) -> int:
        """How many capitalised words (up to 3) run from token ``i`` in direction ``step`` on the same line."""
        n, size = 0, len(self._alpha)
        while 0 <= i < size and n < 3:
            if not (self._alpha[i] and self._strings[self._orth[i]][:1].isupper()):  # a token's trailing whitespace never holds a line break
                break
            n += 1
            i += step
        return n

    def names(self, c: Candidate) -> list[str]:
        """Feature names of one candidate."""
        doc, tax = self.doc, self.taxonomy
        skill = tax[c.skill_id]
        span = doc[c.start : c.end]
        text = span.text
        low = text.lower()
        shape = _shape(text)
        how = f"{c.method}{'~' if c.ambiguous else ''}"
        section = self.section_of(doc[c.start].idx) or "-"
        ntok = min(c.end - c.start, 4)
        p1 = self._step(c.start - 1, -1)
        n1 = self._step(c.end, 1)
        l1, r1 = self._word(p1), self._word(n1)
        p2 = self._step(p1 - 1, -1) if l1 != "<s>" else p1
        n2 = self._step(n1 + 1, 1) if r1 != "<s>" else n1
        l2, r2 = self._word(p2), self._word(n2)
        head = self._head.get((c.skill_id, c.method, c.ambiguous))
        if head is None:  # the names of the skill and method alone, made once per document
            head = self._head[c.skill_id, c.method, c.ambiguous] = [
                f"{CONVENTION}{self.kind}",
                f"{CONVENTION}{self.kind}|k:{skill.kind}",
                f"{CONVENTION}{self.kind}|m:{how}",
                f"m:{how}",
                f"k:{skill.kind}",
                f"c:{skill.category}",
                f"id:{c.skill_id}",
            ]
        out = [
            *head,
            f"t:{low}",
            f"n:{ntok}|m:{how}",
            f"case:{shape}|m:{how}",
            f"case:{shape}|k:{skill.kind}",
            f"sec:{section}|d:{self.kind}",
            f"sec:{section}|k:{skill.kind}",
            f"sec:{section}|m:{how}",
            f"l1:{l1}",
            f"r1:{r1}",
            f"l2:{l2}",
            f"r2:{r2}",
            f"l1:{l1}|k:{skill.kind}",
            f"r1:{r1}|k:{skill.kind}",
            f"l1r1:{l1}|{r1}",
            f"t:{low}|l1:{l1}",
            f"t:{low}|r1:{r1}",
            f"len:{min(len(text), 12) // 3}|case:{shape}",
        ]
        lo, hi = max(0, c.start - WINDOW), min(len(doc), c.end + WINDOW)
        word = self._word
        out += [f"lw:{w}" for w in map(word, range(lo, p2)) if w not in _SPACES]
        out += [f"rw:{w}" for w in map(word, range(n2 + 1, hi)) if w not in _SPACES]
        capl, capr = self._cap_run(p1, -1) if p1 == c.start - 1 else 0, self._cap_run(n1, 1) if n1 == c.end else 0
        out += [f"cap:{min(capl, 2)}{min(capr, 2)}|case:{shape}", f"capr:{min(capr, 2)}|r2:{r2 if capr == 1 else '-'}"]
        if c.ambiguous:
            out += [f"rule:{c.rule}", f"rule:{c.rule}|case:{shape}", f"rule:{c.rule}|sec:{section}"]
        if c.method == "fuzzy":
            out.append(f"fz:{int(c.score) // 3}")
        if context.is_compound(doc, c.start, c.end):
            out.append("compound")
        cl = self.clauses
        item = context.is_item(doc, c.start, c.end, skill_tokens=self.skill_tokens, cues=self.cues, cue_spans=self.cue_spans, clauses=cl)
        one = item or context.is_item(doc, c.start, c.end, skill_tokens=self.skill_tokens, cues=self.cues, cue_spans=self.cue_spans, clauses=cl, both=False)
        near = any(i in self.skill_tokens for i in (p1, p2, n1, n2) if not (c.start <= i < c.end))
        out += [f"item:{int(item)}{int(one)}{int(near)}|m:{how}", f"item:{int(item)}{int(near)}|k:{skill.kind}"]
        gov = self._governor(c.start, cl)
        out += [f"gov:{gov}", f"gov:{gov}|k:{skill.kind}"]
        same = self.count[c.skill_id]
        others = self.distinct - (1 if not c.ambiguous and c.method != "fuzzy" else 0)
        share_cat = _bucket((self.categories[skill.category] - (others < self.distinct)) / others) if others > 0 else "none"
        share_kind = _bucket((self.kinds[skill.kind] - (others < self.distinct)) / others) if others > 0 else "none"
        out += [
            f"rep:{min(same, 3)}|m:{how}",
            f"dn:{min(others, 20) // 5}|m:{how}",
            f"dcat:{share_cat}|m:{how}",
            f"dkind:{share_kind}|k:{skill.kind}",
            f"dtop:{self.top_category}|c:{skill.category}",
            f"dtop:{self.top_category}|t:{low}",
        ]
        return out

    def _governor(self, start: int, clauses: context.Clauses) -> str:
        """The nearest word before the candidate in its clause that is no stop word (the verb or
        noun it hangs on), else ``-``; a preposition right before it is kept with it ("in|design")."""
        lo = max(0, start - GOVERNOR_WINDOW)
        prep = "-"
        for i in range(start - 1, lo - 1, -1):
            if clauses.is_edge(i) and not self._space[i] or i in self._newline:
                break
            if not self._alpha[i]:
                continue
            lower = self._strings[self._lower[i]]
            if lower in self.stop:
                if prep == "-":
                    prep = lower
                continue
            return f"{lower}|{prep}"
        return f"-|{prep}"


def _shape(text: str) -> str:
    """Casing of a matched text: ``U`` all capitals, ``T`` title case, ``l`` lower case, ``M`` mixed."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "-"
    if all(ch.isupper() for ch in letters):
        return "U" if len(letters) > 1 else "U1"
    if all(ch.islower() for ch in letters):
        return "l"
    words = [w for w in text.split() if w[:1].isalpha()]
    if all(w[:1].isupper() and w[1:].islower() for w in words if w[1:]):
        return "T"
    return "M"


def _bucket(share: float) -> str:
    """A share in four bins: 0, up to a fifth, up to a half, more."""
    return "0" if share <= 0 else "s" if share <= 0.2 else "m" if share <= 0.5 else "h"
