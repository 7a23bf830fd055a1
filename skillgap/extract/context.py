"""Context rules around a mention: ambiguous names, negation, required/preferred cues, years.

The cue phrases are data (``cues:`` in ``taxonomy/sections.yaml``, loaded as `skillgap.rules.Cues`). Every rule looks only at a
bounded window of tokens around one mention, clipped at clause boundaries (``.``, ``;``, ``!``,
``?``, a line break), so its cost grows with the number of mentions, not with the text. The one
exception are preferred labels ("Nice To Haves - ..."), found once per doc: each opens a span
running forward to the next heading label, required cue or paragraph end.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
from collections.abc import Container, Iterable, Mapping, Sequence

import numpy
from spacy.attrs import IDX, IS_SPACE, LOWER, ORTH, SPACY
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc

from ..rules import CUE_KINDS, LABEL_END, Cues

_BOUNDARIES = frozenset({".", "!", "?", ";"})
#: Tokens after a phrase that make it a label ("Nice To Haves - ...", "Optional: ...").
_LABEL_MARKS = frozenset({":", "-", "–", "—"})
#: How far (tokens) each rule looks from a mention.
TECH_WINDOW = 3
LIST_WINDOW = 8
NEGATION_WINDOW = 12
CLAUSE_LIMIT = 40
#: How far (tokens) a legal phrase governs the names after it (an equal-opportunity sentence lists a
#: few dozen grounds: "on the basis of race, ... or any other classification") and before it ("...
#: classification protected by law"); a text without full stops runs its skill list into the statement.
LEGAL_WINDOW = 60
LEGAL_WINDOW_AFTER = NEGATION_WINDOW
_YEARS = re.compile(r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b", re.IGNORECASE)
#: The word every years phrase ends in ("year", "yr", any case): where `Years` looks for one.
_YEAR_WORD = re.compile(r"y(?:ea)?r", re.IGNORECASE)
#: Marks that may stand in a years phrase before its word (`_YEARS`), beside spaces and digits.
_YEARS_MARKS = frozenset(".+-–tToO")
_WORD = re.compile(r"\w+")


class CueSpans:
    """Token spans of each cue kind found in one doc, sorted, for window look-ups.

    Given the ``doc``, it also finds the forward spans that preferred labels open (`preferred_label_spans`)
    and, in a posting (``doc_kind``), its form fields (`form_field_spans`, a ``bullets`` glyph allowed
    before a label): a résumé's "Department: Computer Science" names the candidate's field of study.
    """

    def __init__(self, matches: Sequence[tuple[str, int, int]], doc: Doc | None = None, doc_kind: str | None = None, bullets: frozenset[str] = frozenset()) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {kind: [] for kind in (*CUE_KINDS, LABEL_END)}
        for kind, start, end in matches:
            self._spans[kind].append((start, end))
        for spans in self._spans.values():
            spans.sort()
        # cue phrases bound a list item like a separator ("including agile and waterfall")
        edges = list(itertools.chain(*(self._spans[k] for k in ("negation_before", "negation_after", "required", "preferred", "list_openers"))))
        self.starts = {s for s, _ in edges}
        self.ends = {e for _, e in edges}
        self.title_ends = {e for _, e in self._spans["title_before"]}
        #: where a phrase of the employer's description starts, sorted (`describes_a_company` reads no clause without one)
        self.company_starts = sorted(s for kind in ("company_text", "company_text_led", "company_nouns") for s, _ in self._spans[kind])
        self.has_company_text = bool(self.company_starts)
        #: a ``cues.company_nouns`` noun's token -> the verb of the clause saying what the employer is that it ends, or None (`describes_a_company`)
        self.identity_verbs: dict[int, int | None] = {}
        self.has_legal_text = bool(self._spans["legal_text"])
        self.people_starts = {s: e for s, e in self._spans["people"] + self._spans["groups"]}  # a group noun only after a name; its end
        self.people_ends = {e for _, e in self._spans["people"]}
        self.group_opener_ends = {e for _, e in self._spans["group_openers"]}
        self.group_starts = {s for s, _ in self._spans["groups"]}
        self.group_ends = {e for _, e in self._spans["groups"]}
        self.group_start_list = sorted(self.group_starts)  # sorted, for `any_within`
        self.group_opener_end_list = sorted(self.group_opener_ends)
        self.technical_starts = {s for s, _ in self._spans["technical"]}
        self.technical_ends = {e for _, e in self._spans["technical"]}
        self.has_negation = bool(self._spans["negation_before"] or self._spans["negation_after"])
        self.skill_after_starts = {s for s, _ in self._spans["skill_after"]}
        self.preferred_spans, self.label_tokens = preferred_label_spans(doc, self._spans) if doc is not None and self._spans["preferred_label"] else ([], set())
        self.form_fields = form_field_spans(doc, self._spans["form_field"], bullets) if doc is not None and doc_kind == "posting" and self._spans["form_field"] else []

    def in_preferred_label(self, start: int) -> bool:
        """True when token ``start`` lies in a span opened by a preferred label."""
        return _inside(self.preferred_spans, start)

    def in_form_field(self, start: int) -> bool:
        """True when token ``start`` lies in a form field's label or value (`form_field_spans`)."""
        return _inside(self.form_fields, start)

    def overlaps(self, kind: str, lo: int, hi: int) -> bool:
        """Whether a span of ``kind`` shares a token with ``[lo, hi)`` (the spans are sorted: none past ``hi`` is read)."""
        for s, e in self._spans[kind]:
            if s >= hi:
                return False
            if lo < e:
                return True
        return False

    def between(self, kind: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of ``kind`` lying entirely inside tokens ``[lo, hi)``."""
        spans = self._spans[kind]
        i = bisect.bisect_left(spans, (lo, lo))
        out = []
        while i < len(spans) and spans[i][0] < hi:
            if spans[i][1] <= hi:
                out.append(spans[i])
            i += 1
        return out


def any_within(values: Sequence[int], lo: int, hi: int) -> bool:
    """Whether sorted ``values`` hold one in ``[lo, hi]``."""
    k = bisect.bisect_left(values, lo)
    return k < len(values) and values[k] <= hi


def _inside(spans: Sequence[tuple[int, int]], i: int) -> bool:
    """Whether token ``i`` lies in one of ``spans``, sorted ranges that do not overlap."""
    k = bisect.bisect_right(spans, (i, sys.maxsize))
    return k > 0 and spans[k - 1][1] > i


def _opens_line(doc: Doc, i: int, bullets: Container[str]) -> bool:
    """Whether token ``i`` starts its line, a bullet (``cues.bullets``) before it allowed."""
    if i > 0 and doc[i - 1].text in bullets:
        i -= 1
    return i == 0 or "\n" in doc[i - 1].text_with_ws


def form_field_spans(doc: Doc, labels: Sequence[tuple[int, int]], bullets: Container[str] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges ``[label, end of value)`` of the form fields of a posting's metadata block, sorted.

    A form field is a ``cues.form_field`` label followed by ":" that opens its line (a ``bullets``
    glyph before it allowed, as the other rules read a bulleted line) or ends the
    value of the field before it ("Job classification: hourly", "Sectors: Finance, Retail"); its
    value runs to the line's end, sentence punctuation or the next capitalised word before a
    colon ("Travel: 10% Department: Engineering" on one line holds two fields).
    """
    out: list[tuple[int, int]] = []
    stops: set[int] = set()  # the capitalised words before a colon that ended a value
    for start, end in sorted(labels):
        if end >= len(doc) or doc[end].text != ":" or not (_opens_line(doc, start, bullets) or end - 1 in stops):
            continue
        j = end + 1
        while j < len(doc) and "\n" not in doc[j].text and doc[j].text not in _BOUNDARIES and not (j + 1 < len(doc) and doc[j + 1].text == ":" and doc[j].text[:1].isupper()):
            j += 1
        stops.add(j)
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], j))
        else:
            out.append((start, j))
    return out


def _label_end(doc: Doc, start: int, end: int) -> int | None:
    """Where the text after a label starts, when tokens ``[start, end)`` are one, else None.

    A label is followed by ":" or " - " (after an optional bracket: "Additional Experience (Not
    Required): ..."), or stands alone on its line (so "Master's degree preferred" + line break
    is no label).
    """
    i = end
    if i < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 8, len(doc))) if ")" in doc[j].text), None)
        if close is None:
            return None
        tail = doc[close].text.rpartition(")")[2]
        if tail:
            return close + 1 if tail in _LABEL_MARKS else None
        i = close + 1
    if i < len(doc) and doc[i].text in _LABEL_MARKS and (doc[i].text == ":" or doc[i - 1].whitespace_):
        return i + 1  # ":" or a spaced dash ("Nice To Haves - "; "preferred-vendor" is no label)
    line_end = i >= len(doc) or (doc[i].is_space and "\n" in doc[i].text)
    line_start = start == 0 or "\n" in doc[start - 1].text_with_ws
    return i if line_end and line_start else None


def preferred_label_spans(doc: Doc, spans: Mapping[str, Sequence[tuple[int, int]]]) -> tuple[list[tuple[int, int]], set[int]]:
    """Token ranges ``[after the label, end)`` that preferred labels open, sorted, and the labels' tokens.

    "Nice To Haves - Experience with Docker - Experience with Drupal What's In It for You - ..."
    makes Docker and Drupal preferred: the span runs forward from the label to whichever comes
    first of another posting heading used as a label, a required cue, a blank line, or a
    capitalised word with a colon inside a line ("... Detailed Info: To do software ..."). Labels
    at the very start of the span or of a line ("Nice to have: Security & Networking: IPv4")
    are its sub-headings and do not end it; required cues inside a preferred label ("Optional
    (not required):") are part of it.
    """
    labels = sorted((s, after) for s, e in spans["preferred_label"] if (after := _label_end(doc, s, e)) is not None)
    if not labels:
        return [], set()
    inside = {i for s, after in labels for i in range(s, after)}
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_SPACE])
    spaces = numpy.unique(arr[arr[:, 1] == 1, 0]).tolist()
    blank_lines = numpy.flatnonzero(any_of(arr[:, 0], [h for h in spaces if strings[h].count("\n") >= 2])).tolist()
    ends = sorted(
        {s for s, e in spans[LABEL_END] if s not in inside and _label_end(doc, s, e) is not None}
        | {s for s, _ in spans["required"] if s not in inside}
        | set(blank_lines)
    )
    colons = numpy.flatnonzero(arr[1:, 0] == strings.add(":")).tolist()  # token i is followed by ":"
    colon_words = [i for i in colons if doc[i].text[:1].isupper() and i not in inside]
    out: list[tuple[int, int]] = []
    for _, after in labels:
        stop = next((e for e in ends[bisect.bisect_left(ends, after) :]), len(doc))
        for k in colon_words[bisect.bisect_left(colon_words, after) :]:
            if k >= stop:
                break
            if not _starts_line_or_span(doc, k, after):
                stop = k
                break
        if out and after <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], stop))
        else:
            out.append((after, stop))
    return out, inside


def _starts_line_or_span(doc: Doc, k: int, after: int) -> bool:
    """Whether the run of capitalised words ending at token ``k`` ("Security & Networking")
    begins at token ``after`` or at a line start."""
    i = k
    while i > after and not doc[i - 1].is_space and (doc[i - 1].text[:1].isupper() or doc[i - 1].text in ("&", "/", "-", "and")) and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    return i == after or "\n" in doc[i - 1].text_with_ws


@functools.lru_cache(maxsize=64)
def _hashes(words: Iterable[str]) -> tuple[int, ...]:
    """The string hashes of a few words (the same in every vocab), computed once."""
    return tuple(hash_string(w) for w in sorted(words))


@functools.lru_cache(maxsize=64)
def word_hashes(words: frozenset[str]) -> frozenset[int]:
    """The string hashes of a word list (list separators, bullets, stop words), to compare with token hashes."""
    return frozenset(_hashes(words))


_LINE_BREAKS: dict[int, bool] = {}


def _is_line_break(space: int, strings: StringStore) -> bool:
    """Whether a whitespace token (ORTH hash) holds a line break; remembered per hash."""
    found = _LINE_BREAKS.get(space)
    if found is None:
        if len(_LINE_BREAKS) > 10_000:  # whitespace runs are few, but an endless stream must not grow it
            _LINE_BREAKS.clear()
        found = _LINE_BREAKS[space] = "\n" in strings[space]
    return found


def any_of(values: numpy.ndarray, hashes: Sequence[int]) -> numpy.ndarray:
    """``values`` equal to any of a few ``hashes`` (``numpy.isin``'s set-up costs more than these comparisons)."""
    out = numpy.zeros(len(values), dtype=bool)
    for h in hashes:
        out |= values == h
    return out


#: The token attributes read once per doc (`Clauses.array`), for the clauses, the char offsets and
#: the verifier's features alike: one ``to_array`` per document (each lexeme attribute costs a pass).
TOKEN_ATTRS = (ORTH, LOWER, IS_SPACE, SPACY, IDX)


class Clauses:
    """Clause boundaries of one doc, found once with array operations.

    A boundary is sentence punctuation or a line break, except a line break after a word that
    continues a list ("Hadoop, Hive and" + line break + "Spark"): hard-wrapped lines go on; and
    except a full stop glued to a closing bracket or comma ("(Keras, PyTorch etc.) preferred").
    ``array`` holds the doc's `TOKEN_ATTRS` (one column each) and ``breaks`` which tokens are
    whitespace holding a line break, for the other per-document readers.
    """

    def __init__(self, doc: Doc, continuers: frozenset[str] = frozenset()) -> None:
        arr = self.array = doc.to_array(list(TOKEN_ATTRS))
        orth, lower = arr[:, 0], arr[:, 1]
        stops = any_of(orth, _hashes(_BOUNDARIES))
        glued = numpy.zeros(len(doc), dtype=bool)
        glued[:-1] = (orth[:-1] == hash_string(".")) & (arr[:-1, 3] == 0) & any_of(orth[1:], _hashes((")", ",")))
        stops &= ~glued
        spaces = numpy.flatnonzero(arr[:, 2])  # few tokens: only those are looked at
        self.breaks = numpy.zeros(len(doc), dtype=bool)
        kinds, which = numpy.unique(orth[spaces], return_inverse=True)  # a few distinct runs of whitespace
        self.breaks[spaces[numpy.array([_is_line_break(h, doc.vocab.strings) for h in kinds.tolist()], dtype=bool)[which]]] = True
        going_on = numpy.zeros(len(doc), dtype=bool)
        going_on[1:] = any_of(lower[:-1], _hashes(continuers))
        self.bounds: list[int] = numpy.flatnonzero(stops | (self.breaks & ~going_on)).tolist()  # sorted
        self._set = set(self.bounds)
        self.length = len(doc)
        # per token for the rules' look-ups (a spaCy Token per look is the costly part): the hashes as arrays
        # (a rule reads a few of them per match; a list of them cost a conversion of every token), the
        # spaces and char offsets as plain lists (read at every step of a walk)
        self.orth: numpy.ndarray = orth
        self.lower: numpy.ndarray = lower
        self.space: list[int] = arr[:, 2].tolist()
        self.starts: list[int] = arr[:, 4].tolist()  # char offsets where each token starts and ends
        # a token ends where the next one starts, less the space after it (the last one: by its length);
        # a LENGTH column would cost a pass over the tokens of its own
        ends = numpy.empty(len(doc), dtype=arr.dtype)
        ends[:-1] = arr[1:, 4] - arr[:-1, 3]
        if len(doc):
            ends[-1] = arr[-1, 4] + len(doc[-1])
        self.ends: list[int] = ends.tolist()

    def is_edge(self, i: int) -> bool:
        """True when token ``i`` ends a clause or lies outside the doc."""
        return i < 0 or i >= self.length or i in self._set

    def clause(self, start: int, end: int, limit: int = CLAUSE_LIMIT) -> tuple[int, int]:
        """Token range ``[lo, hi)`` of the clause around ``[start, end)``, at most ``limit`` tokens each side."""
        bounds = self.bounds  # called ~60,000 times per 500 documents: no builtin max / min, the second search from the first
        i = bisect.bisect_left(bounds, start)
        lo = bounds[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(bounds, end, i)
        hi = bounds[j] if j < len(bounds) else self.length
        return (lo if lo > start - limit else start - limit), (hi if hi < end + limit else end + limit)


def _glues(doc: Doc, i: int, marks: tuple[str, ...]) -> bool:
    """Whether token ``i`` is one of ``marks`` with a token on each side and no space on either side
    of it: the "-" of "C-suite", the "/" of "A/R"."""
    return 0 < i < len(doc) - 1 and doc[i].text in marks and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def is_compound(doc: Doc, start: int, end: int) -> bool:
    """True when the name is glued by a hyphen to a word: "C-suite", "Go-getter", "pre-Spark"
    (a dash with a space after it ends the name: "French- Intermediate")."""
    return (_glues(doc, end, ("-", "–")) and doc[end + 1].is_alpha) or _glues(doc, start - 1, ("-", "–"))


def in_initialism(doc: Doc, start: int, end: int, skill_tokens: set[int]) -> bool:
    """True when a one-letter name is glued by a slash to another letter that names no skill:
    "A/R", "A/P" and "L/C" are initialisms (accounts receivable, a letter of credit), no R or C
    ("Python/R", "C/C++", "SAP R/3" keep theirs)."""
    if end - start != 1 or len(doc[start]) != 1:
        return False
    return any(len(doc[k]) == 1 and doc[k].is_alpha and k not in skill_tokens for k, slash in ((start - 2, start - 1), (end + 1, end)) if _glues(doc, slash, ("/",)))


def in_technical_context(
    doc: Doc,
    start: int,
    end: int,
    *,
    section: str | None,
    skill_tokens: set[int],
    item_tokens: Container[int],
    cues: Cues,
    cue_spans: CueSpans,
    clauses: Clauses,
    whole_item: bool = False,
) -> bool:
    """Whether an ambiguous name at tokens ``[start, end)`` is meant as a skill.

    Never when it is glued into a hyphenated word ("C-suite") or a slashed initialism ("A/R",
    `in_initialism`); with ``whole_item`` (a form of
    `Skill.whole_item`), never when it is only part of a longer phrase (`heads_item`: "SVN user
    access", "Access key rotation", "the good word of"), unless a skill word follows it ("Access
    skills") or a slash joins it to another skill ("MS Access/Excel reports"). It counts in a
    skills section, next to a technical cue word ("R programming", "languages: Go"), right
    before a skill word ("SAS experience", "sales skills") or as a whole item (between
    separators, clause edges or cue phrases) of a list that holds another skill ("Python, R and
    SQL", "Java or Spark required", but not "statistical testing, regression").
    Another skill right next to it also makes a list ("Java Spring Boot", "cloud java aws"),
    and so does a bulleted line that holds the name alone ("* Java"). ``skill_tokens`` are the
    tokens of every skill match in the doc, ``item_tokens`` those of the matches that touch a
    list separator themselves (see `is_item`): "Enhancing, auditing and maintaining custom data
    ingestion framework" is a list of verbs, not of skills.
    """
    if is_compound(doc, start, end) or in_initialism(doc, start, end, skill_tokens):
        return False
    p = _skip_spaces(doc, start - 1, -1, clauses)
    n = _skip_spaces(doc, end, 1, clauses)
    if n in cue_spans.skill_after_starts:
        return True  # "Java experience", "sales skills"
    if slash_joined(doc, p, n, skill_tokens, clauses):
        return True  # "MS Access/Excel reports", "Python/Java/Ruby/Perl/Go for automation"
    if whole_item and not heads_item(doc, start, end, skill_tokens=skill_tokens, cues=cues, cue_spans=cue_spans, clauses=clauses):
        return False  # "user access", "Access key rotation", "word of mouth"
    if section in cues.technical_sections:
        return True
    lo, hi = clauses.clause(start, end, TECH_WINDOW)
    if cue_spans.between("technical", lo, hi):
        return True
    if not is_item(doc, start, end, skill_tokens=skill_tokens, cues=cues, cue_spans=cue_spans, clauses=clauses):
        return opens_skill_list(doc, n, skill_tokens=skill_tokens, cues=cues, clauses=clauses)
    if clauses.is_edge(n) and not clauses.is_edge(p) and clauses.orth[p] in word_hashes(cues.bullets) and clauses.is_edge(p - 1):
        return True  # a bulleted line holding the name alone
    if end - start == 1 and len(doc[start]) == 1 and not clauses.is_edge(p) and not clauses.is_edge(n) and doc[p].text == "(" and doc[n].text == ")":
        return False  # "(C)", "(R)": enumerators and trademarks
    lo, hi = clauses.clause(start, end, LIST_WINDOW)
    return any(i in item_tokens for i in itertools.chain(range(lo, start), range(end, hi))) or in_skill_parentheses(doc, start, skill_tokens, clauses)


def heads_item(doc: Doc, start: int, end: int, *, skill_tokens: set[int], cues: Cues, cue_spans: CueSpans, clauses: Clauses) -> bool:
    """Whether the name at tokens ``[start, end)`` is the whole of its list item but for a function
    word before it ("worked in C, C++", "using Word"), a ``cues.levels`` word beside it ("Basic Word",
    "R advanced") or a version after it ("Excel 2016", "Oracle 10g"): past those, a list separator,
    clause edge, cue phrase (a technical one too: "R programming") or another skill stands on each
    side. Any other word there makes it part of a longer phrase that names something else ("SVN
    user access", "Access key rotation", "the good word of")."""
    seps, lower, levels = word_hashes(cues.list_separators), clauses.lower, word_hashes(cues.levels)
    p = _skip_spaces(doc, start - 1, -1, clauses)
    if not clauses.is_edge(p) and lower[p] in levels:
        p = _skip_spaces(doc, p - 1, -1, clauses)
    if not (clauses.is_edge(p) or lower[p] in seps or p + 1 in cue_spans.ends or p + 1 in cue_spans.technical_ends or p in skill_tokens or doc[p].is_stop):
        return False
    n = _skip_spaces(doc, end, 1, clauses)
    while not clauses.is_edge(n) and n not in skill_tokens and (lower[n] in levels or _in_version(doc, n)):
        n = _skip_spaces(doc, n + 1, 1, clauses)
    return clauses.is_edge(n) or lower[n] in seps or n in cue_spans.starts or n in cue_spans.technical_starts or n in skill_tokens


def _in_version(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is (part of) a version number: it starts with a digit or is glued to one ("10", "g" of "10g")."""
    return doc[i].text[:1].isdigit() or (not doc[i - 1].whitespace_ and doc[i - 1].text[:1].isdigit())


def slash_joined(doc: Doc, p: int, n: int, skill_tokens: set[int], clauses: Clauses) -> bool:
    """Whether the name between tokens ``p`` and ``n`` (its neighbours, spaces skipped) is joined
    by a slash to another skill match: "Access/Excel", "Perl / Go" (a slash pair names both)."""
    if 0 <= p < clauses.length and doc[p].text == "/" and _skip_spaces(doc, p - 1, -1, clauses) in skill_tokens:
        return True
    return 0 <= n < clauses.length and doc[n].text == "/" and _skip_spaces(doc, n + 1, 1, clauses) in skill_tokens


def in_skill_parentheses(doc: Doc, start: int, skill_tokens: set[int], clauses: Clauses) -> bool:
    """Whether the list item at ``start`` stands in parentheses that open right after a skill,
    at most one word between: the parts of a suite ("Microsoft Office (Word, Excel and Project)")."""
    for i in range(start - 1, max(-1, start - LIST_WINDOW - 1), -1):
        text = doc[i].text
        if text == "(":
            q = _skip_spaces(doc, i - 1, -1, clauses)
            return q in skill_tokens or (0 <= q < clauses.length and doc[q].is_alpha and _skip_spaces(doc, q - 1, -1, clauses) in skill_tokens)
        if text in (")", ".") or "\n" in text:
            return False
    return False


def is_item(doc: Doc, start: int, end: int, *, skill_tokens: set[int], cues: Cues, cue_spans: CueSpans, clauses: Clauses, both: bool = True) -> bool:
    """Whether tokens ``[start, end)`` stand as a whole list item: on each side (or, with
    ``both=False``, on one side) a list separator, a clause edge, a cue phrase or another skill
    ("Python, SAS or R"; "Java Spring Boot"; the first item of "such as Hadoop, Hive")."""
    seps, lower = word_hashes(cues.list_separators), clauses.lower
    p = _skip_spaces(doc, start - 1, -1, clauses)
    n = _skip_spaces(doc, end, 1, clauses)
    prev_sep = clauses.is_edge(p) or lower[p] in seps or p + 1 in cue_spans.ends or p in skill_tokens
    next_sep = clauses.is_edge(n) or lower[n] in seps or n in cue_spans.starts or n in skill_tokens
    return (prev_sep and next_sep) if both else (prev_sep or next_sep)


def opens_skill_list(doc: Doc, n: int, *, skill_tokens: set[int], cues: Cues, clauses: Clauses, least: int = 2) -> bool:
    """Whether the name before token ``n`` opens a list of at least ``least`` more skills: ``n`` is
    a separator and the items after it are skills, each alone between separators ("namely
    Containers, DevOps and Agile"; "Excel, Word and PowerPoint" stops at "Word", no skill)."""
    seps, lower = word_hashes(cues.list_separators), clauses.lower
    found = 0
    while not clauses.is_edge(n) and lower[n] in seps:
        i = _skip_spaces(doc, n + 1, 1, clauses)
        while not clauses.is_edge(i) and lower[i] in seps:  # ", and"
            i = _skip_spaces(doc, i + 1, 1, clauses)
        if clauses.is_edge(i) or i not in skill_tokens:
            break
        while i in skill_tokens:
            i += 1
        found += 1
        n = _skip_spaces(doc, i, 1, clauses)
    return found >= least


def _skip_spaces(doc: Doc, i: int, step: int, clauses: Clauses) -> int:
    """The first token from ``i`` in direction ``step`` that is not a plain space (line breaks that end a clause stop)."""
    space, length, edges = clauses.space, clauses.length, clauses._set
    while 0 <= i < length and space[i] and i not in edges:
        i += step
    return i


def blocked(doc: Doc, start: int, end: int, cue_spans: CueSpans, clauses: Clauses, cues: Cues, activity: bool = False) -> bool:
    """True inside a phrase that is not the skill ("leadership position", "The Linux Foundation"),
    right after a job-title head ("Head of Machine Learning"), naming other people (`names_people`) or
    a unit of an organisation (`in_unit_name`), in a clause about the employer (`describes_a_company`), in legal boilerplate (`is_legal_text`)
    or in a form field of a posting's metadata ("Sectors: Finance, Retail", `form_field_spans`).
    ``activity``: the match is a taxonomy token pattern (`names_people`)."""
    return (
        cue_spans.overlaps("not_skill", start, end)
        or start in cue_spans.title_ends
        or names_people(doc, start, end, cue_spans, clauses, cues, activity)
        or in_unit_name(doc, start, end, cue_spans, clauses, cues)
        or describes_a_company(doc, start, end, cue_spans, clauses, cues)
        or is_legal_text(start, end, cue_spans, clauses)
        or cue_spans.in_form_field(start)
    )


def describes_a_company(doc: Doc, start: int, end: int, cue_spans: CueSpans, clauses: Clauses, cues: Cues) -> bool:
    """True after a phrase in the same clause that makes the clause describe an employer, its
    customers or its values, not the work: a ``cues.company_text`` phrase ("Our customers include
    JetBlue, Hubspot ...", "Acme is a leading provider of ..."), or a ``cues.company_text_led`` one
    whose subject is the employer: it opens its clause or a part after a comma ("Backed by top
    investors, ..."), or a ``cues.company_subjects`` phrase opening one stands before it ("We are
    backed by ..."); "Played a leading role in building Python ETL pipelines" is about the work. A phrase
    glued to a hyphenated word is none ("Our mission-critical systems run on Java"). Only a
    phrase before the name counts: a run-on posting's skill list may end in the company's
    profile ("... REST APIs, Python Our company is ... headquartered in ..."). So does a clause
    that says what the employer is (`_says_what_it_is`: "Rainmaker is a search firm focused in
    Finance, Accounting, ...")."""
    if not cue_spans.has_company_text:
        return False
    lo, hi = clauses.clause(start, end)
    if not any_within(cue_spans.company_starts, lo, hi - 1):
        return False
    if any(not is_compound(doc, s, e) for s, e in cue_spans.between("company_text", lo, start)):
        return True
    if any(
        not is_compound(doc, s, e) and any(_opens_part(doc, k, clauses, cues) for k in (s, *(k for k, _ in cue_spans.between("company_subjects", lo, s))))
        for s, e in cue_spans.between("company_text_led", lo, start)
    ):
        return True
    for s, e in cue_spans.between("company_nouns", lo, hi):
        if s not in cue_spans.identity_verbs:  # once a noun: a clause's matches share it
            cue_spans.identity_verbs[s] = None if is_compound(doc, s, e) else _says_what_it_is(doc, s, lo, cue_spans, clauses, cues)
        verb = cue_spans.identity_verbs[s]
        if verb is not None and verb < start:
            return True
    return False


#: Words allowed between the verb and the noun of "Acme is a <words> company" (`_says_what_it_is`).
IDENTITY_REACH = 8
#: Capitalised words of an employer's name before that verb ("Rubius Therapeutics", "T. Rowe Price").
NAME_REACH = 5


def _says_what_it_is(doc: Doc, noun: int, lo: int, cue_spans: CueSpans, clauses: Clauses, cues: Cues) -> int | None:
    """The ``cues.company_copulas`` verb whose phrase the ``cues.company_nouns`` noun at token
    ``noun`` ends, in a clause (from ``lo``) or part of one that opens with the employer as
    subject, or None; the subject is a Capitalised name or a ``cues.company_subjects``
    phrase ("Natera is a rapidly-growing diagnostics company", "We are a quickly growing
    organization"). The words between open with one of the small words of ``cues.acronym_skips``
    (the article: a, an, the) and hold no other (of, and, with ...): "The Data Engineer is a member
    of the company" says what a person is, "We are building a Big Data platform" what it does."""
    k = noun - 1
    while k >= lo and noun - k <= IDENTITY_REACH + 1 and doc[k].lower_ not in cues.company_copulas:
        if not (doc[k].text.isalnum() or doc[k].text == "-") or doc[k].lower_ in cues.acronym_skips and (k - 1 < lo or doc[k - 1].lower_ not in cues.company_copulas):
            return None
        k -= 1
    if k < lo or doc[k].lower_ not in cues.company_copulas or doc[k + 1].lower_ not in cues.acronym_skips:
        return None  # "We are building a Big Data platform" says what it does
    if any(e == k and _opens_part(doc, s, clauses, cues) for s, e in cue_spans.between("company_subjects", lo, k)):
        return k
    first = k
    while first - 1 >= lo and k - first < NAME_REACH and _capitalised_or_glue(doc, first - 1):
        first -= 1
    return k if first < k and doc[first].text[:1].isupper() and _opens_part(doc, first, clauses, cues) else None


def _capitalised_or_glue(doc: Doc, i: int) -> bool:
    """Whether token ``i`` may stand in an employer's name: a Capitalised word or a mark joining them ("&", ".")."""
    return doc[i].text[:1].isupper() or doc[i].text in ("&", ".")


def _opens_part(doc: Doc, i: int, clauses: Clauses, cues: Cues) -> bool:
    """Whether token ``i`` opens its clause or the part of it after a comma, a bullet allowed before it."""
    p = _skip_spaces(doc, i - 1, -1, clauses)
    if not clauses.is_edge(p) and clauses.orth[p] in word_hashes(cues.bullets):
        p = _skip_spaces(doc, p - 1, -1, clauses)
    return clauses.is_edge(p) or doc[p].text == ","


def is_legal_text(start: int, end: int, cue_spans: CueSpans, clauses: Clauses) -> bool:
    """True in a clause holding a ``cues.legal_text`` phrase, before or after the name: an
    equal-opportunity, accommodation or employment-law statement ("without regard to race, ...
    or any other classification protected by law") asks for no skill; the phrase may stand up to
    `LEGAL_WINDOW` tokens before the name or `LEGAL_WINDOW_AFTER` after it."""
    if not cue_spans.has_legal_text:
        return False
    lo, hi = clauses.clause(start, end, LEGAL_WINDOW)[0], clauses.clause(start, end, LEGAL_WINDOW_AFTER)[1]
    return bool(cue_spans.between("legal_text", lo, hi))


#: Tokens looked at before a name of people for the word that points at them ("with senior project leadership").
PEOPLE_REACH = 3


def names_people(doc: Doc, start: int, end: int, cue_spans: CueSpans, clauses: Clauses, cues: Cues, activity: bool = False) -> bool:
    """True when the match is part of a name of other people or a group ("collaborate with product
    managers", "report to the Project Manager", "client information technology staff", "our senior
    leadership", "a mentor"): the phrase ends in a people noun (``cues.people``: right after the
    match, or the match's own last word when nothing but punctuation or a function word follows it
    (a ``cues.conjunctions`` word, "and"/"or", only after a plural), so "leadership skills" and "a leadership role" stay;
    a ``cues.groups`` noun only right after it: "our data science team", while "lead a team" is the skill) and a word that points at someone
    (``cues.people_before``: the, your, with, of ...; not "to", the infinitive's) stands at most `PEOPLE_REACH` tokens before
    it with only words or commas between, or "to" (``cues.people_before_noun``) right before it, or
    before a ``cues.people_ranks`` word before it ("to executive leadership"), when
    the people noun is none a verb shares (``cues.people_nouns``: "to product managers", "to leadership"); "as a mentor" (``cues.own_role_before``) is one's own role,
    "by mentoring staff" (``cues.people_acts``: the pointing word and a verb on people opening the match) an act on them,
    "experience with leadership" (a ``cues.technical`` phrase) asks for the skill. A match that holds such
    a word before its last is an act on the people it ends in, not their name: "the supervision of retail
    staff", "Managed the quality assurance staff"; so is a taxonomy token pattern's match (``activity``) beside
    a coordination of people: "trained new site acquisition specialists and administrative staff"."""
    if not cue_spans.people_starts or end not in cue_spans.people_starts and end not in cue_spans.people_ends:
        return False
    if end in cue_spans.people_ends and any(doc[k].lower_ in cues.people_before for k in range(start + 1, end - 1)):
        return False
    tail = end if end in cue_spans.people_ends else None  # the end of the name and its people noun
    if end in cue_spans.people_starts and _modifies(doc, start, clauses, cues):
        tail = cue_spans.people_starts[end]
    if tail is not None and not activity and coordinated_with_people(doc, start, tail, cue_spans, clauses, cues):
        return True
    if end not in cue_spans.people_starts:
        nxt = _skip_spaces(doc, end, 1, clauses)
        plural = doc[end - 1].lower_.endswith("s")  # "product managers and ..." names people; "leadership and ..." may be the skill
        if not (clauses.is_edge(nxt) or not doc[nxt].is_alpha or doc[nxt].is_stop and (plural or doc[nxt].lower_ not in cues.conjunctions)):
            return False
    i = start
    noun = doc[end if end in cue_spans.people_starts else end - 1].lower_
    rank = _rank_before(doc, start, clauses, cues)
    if rank is not None and noun in cues.people_nouns:
        before = _skip_spaces(doc, rank - 1, -1, clauses)
        if not clauses.is_edge(before) and doc[before].lower_ in cues.people_before_noun:
            return True  # "to executive leadership", "to C-suite leadership"
    for _ in range(PEOPLE_REACH):
        i = _skip_spaces(doc, i - 1, -1, clauses)
        if clauses.is_edge(i):
            return False
        if i == start - 1 and doc[i].lower_ in cues.people_before_noun and noun in cues.people_nouns:
            return True  # "to product managers": no infinitive takes a noun
        if doc[i].lower_ in cues.people_before:
            if i == start - 1 and f"{doc[i].lower_} {doc[start].lower_}" in cues.people_acts:
                return False  # "by mentoring staff": an act on them
            # "as a mentor" is one's own role, "experience with leadership" (a technical cue) asks for the skill
            before = _skip_spaces(doc, i - 1, -1, clauses)
            own = not clauses.is_edge(before) and doc[before].lower_ in cues.own_role_before
            return not own and i + 1 not in cue_spans.technical_ends
        if not (doc[i].is_alpha or doc[i].text == ","):
            return False
    return False


def _rank_before(doc: Doc, start: int, clauses: Clauses, cues: Cues) -> int | None:
    """The first token of a ``cues.people_ranks`` word right before token ``start`` ("executive",
    or a hyphenated "C-suite" glued from three tokens), or None."""
    k = _skip_spaces(doc, start - 1, -1, clauses)
    if clauses.is_edge(k):
        return None
    if doc[k].lower_ in cues.people_ranks:
        return k
    return k - 2 if _glues(doc, k - 1, ("-",)) and f"{doc[k - 2].lower_}-{doc[k].lower_}" in cues.people_ranks else None


def coordinated_with_people(doc: Doc, start: int, end: int, cue_spans: CueSpans, clauses: Clauses, cues: Cues) -> bool:
    """True when tokens ``[start, end)``, a match that ends in a people noun ("leadership", "mentor")
    or a match and the people noun after it ("machine learning engineers"), are one conjunct of a
    coordination of people: "and" / "or" (a comma before it allowed) joins it to a people noun
    (``cues.people_nouns``, or a ``cues.people`` / ``cues.groups`` phrase) that ends its phrase, one
    word allowed before either, itself no people noun ("present results to partners and leadership",
    "questions from leadership and peers", "enable leadership and general users to", "with the
    customer and NuWave leadership", "a team of machine learning engineers and data scientists",
    "engineers, product managers, and analysts"); "leadership and mentoring", "team and leadership
    skills", a skills list's "inventory, leadership, Director" (a comma alone joins list items) and
    "worked as a teacher and mentor" (``cues.own_role_before`` before the coordination: one's own
    role) stay the skill."""
    if not _ends_phrase(doc, end, clauses):
        return False
    other = _conjunct(doc, end, 1, clauses, cues)
    if other is not None:
        if _alpha_word(doc, other, clauses) and not _is_people(doc, other, cue_spans, clauses, cues):
            other = _skip_spaces(doc, other + 1, 1, clauses)  # one word between: "and general users"
        if _is_people(doc, other, cue_spans, clauses, cues) and _ends_phrase(doc, other + 1, clauses):
            return not _own_role(doc, start, clauses, cues)
    before = _skip_spaces(doc, start - 1, -1, clauses)
    if _alpha_word(doc, before, clauses) and doc[before].lower_ not in cues.conjunctions and not _is_people(doc, before, cue_spans, clauses, cues, last=True):
        start = before  # one word between: "customer and NuWave leadership"
    other = _conjunct(doc, start - 1, -1, clauses, cues)
    if other is not None and _is_people(doc, other, cue_spans, clauses, cues, last=True):
        return not _own_role(doc, other, clauses, cues)
    return False


def _conjunct(doc: Doc, i: int, step: int, clauses: Clauses, cues: Cues) -> int | None:
    """The first token of the next conjunct from token ``i`` in direction ``step`` (its last, looking
    back) when a ``cues.conjunctions`` word, a comma before it allowed, joins it there ("and", ", and"); else None."""
    i = _skip_spaces(doc, i, step, clauses)
    if step > 0 and not clauses.is_edge(i) and doc[i].text == ",":  # "[leadership], and clients"
        i = _skip_spaces(doc, i + 1, 1, clauses)
    if clauses.is_edge(i) or doc[i].lower_ not in cues.conjunctions:
        return None
    other = _skip_spaces(doc, i + step, step, clauses)
    if step < 0 and not clauses.is_edge(other) and doc[other].text == ",":  # "peers, and [leadership]"
        other = _skip_spaces(doc, other - 1, -1, clauses)
    return other


def _modifies(doc: Doc, start: int, clauses: Clauses, cues: Cues) -> bool:
    """Whether a match right before a people noun modifies it, as the word before the match says:
    a ``cues.people_before`` word, a ``cues.conjunctions`` word or a number ("the Lead Portfolio
    Project Instructors", "6-8 machine learning engineers"); a verb's object is none ("Mentoring staff and peers")."""
    i = _skip_spaces(doc, start - 1, -1, clauses)
    return not clauses.is_edge(i) and (doc[i].lower_ in cues.people_before or doc[i].lower_ in cues.conjunctions or doc[i].like_num)


def _alpha_word(doc: Doc, i: int, clauses: Clauses) -> bool:
    """Whether token ``i`` is a word that is no stop word (a modifier a conjunct may carry)."""
    return not clauses.is_edge(i) and doc[i].is_alpha and not doc[i].is_stop


def _is_people(doc: Doc, i: int, cue_spans: CueSpans, clauses: Clauses, cues: Cues, last: bool = False) -> bool:
    """Whether token ``i`` is a people noun: one of ``cues.people_nouns``, or the first (``last``: the last) word of a people or group phrase."""
    if clauses.is_edge(i):
        return False
    return doc[i].lower_ in cues.people_nouns or (i + 1 in cue_spans.people_ends or i + 1 in cue_spans.group_ends if last else i in cue_spans.people_starts)


def _own_role(doc: Doc, i: int, clauses: Clauses, cues: Cues) -> bool:
    """Whether a ``cues.own_role_before`` word ("as", a form of "be") stands within `PEOPLE_REACH` tokens before token ``i`` in its clause."""
    for _ in range(PEOPLE_REACH):
        i = _skip_spaces(doc, i - 1, -1, clauses)
        if clauses.is_edge(i):
            return False
        if doc[i].lower_ in cues.own_role_before:
            return True
    return False


def _capitalised(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a Capitalised Word: "Sales", "DevOps"; not "sales", nor all capitals ("AWS", "UX")."""
    text = doc[i].text
    return text[:1].isupper() and not text.isupper()


def _ends_phrase(doc: Doc, i: int, clauses: Clauses) -> bool:
    """Whether a noun phrase ends before token ``i``: a clause edge, a mark or a stop word follows, not another word ("team player")."""
    i = _skip_spaces(doc, i, 1, clauses)
    return clauses.is_edge(i) or not doc[i].is_alpha or doc[i].is_stop


def _past_acronym(doc: Doc, k: int, clauses: Clauses) -> int | None:
    """The token after a bracketed acronym that opens at token ``k`` ("(SMS)": one all-capital word
    of two to six letters), where a name that stands before it goes on; else None."""
    word = _skip_spaces(doc, k + 1, 1, clauses)
    close = _skip_spaces(doc, word + 1, 1, clauses)
    if doc[k].text != "(" or clauses.is_edge(word) or clauses.is_edge(close) or doc[close].text != ")":
        return None
    acronym = doc[word].text
    if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
        return None
    return _skip_spaces(doc, close + 1, 1, clauses)


def in_unit_name(doc: Doc, start: int, end: int, cue_spans: CueSpans, clauses: Clauses, cues: Cues) -> bool:
    """True when the match lies in the name of a department, team or unit: a run of Capitalised
    Words (joined by ``cues.name_joiners``: ",", "&", "and") right after a ``cues.group_openers``
    phrase, one ``cues.people_before`` word allowed between ("Partner with Sales Training and
    Leadership", "reports to the Talent Acquisition ..."); a ``cues.skill_after`` word right after
    the run makes it a list of skills ("... Sales and Marketing experience"). A run that a
    ``cues.groups`` noun ends (within `LIST_WINDOW` tokens, the noun ending the phrase: not "team
    player") names the units in any case, its words no stop words, after either kind of word
    ("collaborate with product, science, and business development teams", "our Data Engineering
    and Artificial Intelligence team"), the unit's own bracketed acronym allowed before the noun
    (`_past_acronym`: "the Knowledge, Innovation and Communication (KIC) department"); "experience
    with" (a ``cues.technical`` phrase) asks for the skills."""
    if not cue_spans.group_opener_ends and not cue_spans.group_starts:
        return False
    # neither walk below crosses a clause edge: without a group noun after the name in its clause,
    # nor an opener ending before it, the answer is no before any token is read
    lo, hi = clauses.clause(start, end, clauses.length)
    may_group = any_within(cue_spans.group_start_list, end, hi)
    if not may_group and not any_within(cue_spans.group_opener_end_list, lo, start):
        return False

    def joiner(k: int) -> bool:
        return doc[k].lower_ in cues.name_joiners

    grouped = False
    if may_group:
        k = _skip_spaces(doc, end, 1, clauses)
        while k - end < LIST_WINDOW and not clauses.is_edge(k) and k not in cue_spans.group_starts:
            if joiner(k) or doc[k].is_alpha and not doc[k].is_stop:
                k = _skip_spaces(doc, k + 1, 1, clauses)
            elif (past := _past_acronym(doc, k, clauses)) is not None:
                k = past  # the name's own acronym: "Simulation and Modeling Sciences (SMS) group"
            else:
                break
        grouped = k in cue_spans.group_starts and _ends_phrase(doc, k + 1, clauses)  # not "team building", "team player"

    def in_run(i: int) -> bool:
        near = start - LIST_WINDOW <= i < end + LIST_WINDOW
        return near and not clauses.is_edge(i) and (joiner(i) or (doc[i].is_alpha and not doc[i].is_stop if grouped else _capitalised(doc, i)))

    if not grouped and (not cue_spans.group_opener_ends or not all(_capitalised(doc, i) for i in range(start, end) if doc[i].is_alpha)):
        return False
    i = _skip_spaces(doc, start - 1, -1, clauses)
    while in_run(i):
        i = _skip_spaces(doc, i - 1, -1, clauses)
    if clauses.is_edge(i):
        return False
    if grouped and doc[i].lower_ in cues.people_before:
        return i + 1 not in cue_spans.technical_ends
    if i + 1 not in cue_spans.group_opener_ends and doc[i].lower_ in cues.people_before:
        i = _skip_spaces(doc, i - 1, -1, clauses)
    if clauses.is_edge(i) or i + 1 not in cue_spans.group_opener_ends:
        return False
    if grouped:
        return True
    k = _skip_spaces(doc, end, 1, clauses)
    while in_run(k):
        k = _skip_spaces(doc, k + 1, 1, clauses)
    return k not in cue_spans.skill_after_starts


def is_negated(doc: Doc, start: int, end: int, *, covered: set[int], cues: Cues, cue_spans: CueSpans, clauses: Clauses) -> bool:
    """Whether a negation cue governs the mention: "no experience with X", "X not required".

    The cue must touch the mention or the list the mention belongs to: only list separators
    and other skill tokens may stand between them, in the same clause. A cue inside a skill's
    name is none: the "No" of "MySQL, PostgreSQL, No SQL" is NoSQL's, not an answer.
    """
    if not cue_spans.has_negation:
        return False
    lo, hi = clauses.clause(start, end, NEGATION_WINDOW)
    seps, lower, space = word_hashes(cues.list_separators), clauses.lower, clauses.space
    for cue_start, cue_end in cue_spans.between("negation_before", lo, start):
        if cue_start not in covered and all(j in covered or lower[j] in seps or space[j] for j in range(cue_end, start)):
            return True
    for cue_start, _ in cue_spans.between("negation_after", end, hi):
        if cue_start not in covered and all(j in covered or lower[j] in seps or space[j] for j in range(end, cue_start)):
            return True
    return False


def importance(start: int, end: int, *, section: str | None, cues: Cues, cue_spans: CueSpans, clauses: Clauses, clause: tuple[int, int] | None = None) -> str:
    """``preferred`` or ``required`` for a posting mention: its section, a preferred label's span
    it stands in (see `preferred_label_spans`), else the nearest cue in its clause (a cue that is
    part of a label looks forward only, so it is none here); ``clause``: ``clauses.clause(start,
    end)`` when the caller has it already."""
    if section in cues.preferred_sections or cue_spans.in_preferred_label(start):
        return "preferred"
    lo, hi = clause or clauses.clause(start, end)
    best: tuple[int, str] | None = None
    for kind in ("required", "preferred"):
        for s, e in cue_spans.between(kind, lo, hi):
            if s in cue_spans.label_tokens:
                continue
            distance = start - e if e <= start else s - end
            if best is None or distance < best[0] or (distance == best[0] and kind == "preferred"):
                best = (distance, kind)
    return best[1] if best else "required"


class Years:
    """The "N years" phrases of one text, found once, for the mentions to look up."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.phrases = _years_phrases(text)
        self._starts = [p[0] for p in self.phrases]

    def near(self, start: int, end: int, lo: int, hi: int) -> float | None:
        """Years stated next to the mention at chars ``[start, end)`` within the clause ``[lo, hi)``.

        "3+ years of experience with Python" and "Python (3 years)" both give 3.0: a years
        phrase before the mention with at most six words between (and no closing bracket, which
        ties it to an earlier name), or one right after it.
        """
        text, best, phrases = self.text, None, self.phrases
        for k in range(bisect.bisect_left(self._starts, lo), len(phrases)):  # no copy of the list's tail
            p_start, p_end, value = phrases[k]
            if p_end > hi:
                break
            if p_end <= start and len(_WORD.findall(text, p_end, start)) <= 6 and ")" not in text[p_end:start]:
                best = value
            elif p_start >= end and not _WORD.search(text, end, p_start):
                return best if best is not None else value
        return best


def _years_phrases(text: str) -> list[tuple[int, int, float]]:
    """What ``_YEARS.finditer(text)`` finds (start, end, the number), read only around the words
    "year" / "yr": a phrase ends in one, and before it holds only digits, spaces and `_YEARS_MARKS`, so
    the search for a word's phrase starts where those end (or the last phrase did) and stops a
    character past the word. Scanning every digit of a text (dates, phone numbers) cost three times more."""
    out: list[tuple[int, int, float]] = []
    done = at = 0
    while (word := _YEAR_WORD.search(text, at)) is not None:
        q = s = word.start()
        while s > done and (text[s - 1] in _YEARS_MARKS or text[s - 1].isspace() or text[s - 1].isdecimal()):
            s -= 1  # (``isspace`` and ``isdecimal`` are what ``\s`` and ``\d`` match)
        found = _YEARS.search(text, s, q + 6)  # the longest word, "years", and the character after it
        if found is not None and found.start() <= q:  # this word's phrase (a later word's is cut short here)
            out.append((found.start(), found.end(), float(found.group(1))))
            done = at = found.end()
        else:
            at = q + 1
    return out


def token_span(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Token range covering a char range, or None outside the doc."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None

