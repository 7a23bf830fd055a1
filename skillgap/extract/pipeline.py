"""The matcher pipeline (one per taxonomy) and `SkillExtractor`, which turns documents into profiles.

Matching works on a blank spaCy tokenizer: a PhraseMatcher on ``LOWER`` for every label,
alias and generated variant, a case-sensitive PhraseMatcher for the ambiguous forms ("R",
"Go", "Spark", in a few casings), kept only in a technical context, and a gated Matcher for the
taxonomy's token patterns. Each match carries its skill id as the match key (``span.id_`` in ``doc.spans``,
as spaCy's SpanRuler does); overlaps are resolved longest-first. Fuzzy matching, context
rules and ``implies`` then complete the evidence.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import gc
import itertools
import operator
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, TypeVar, Union

import numpy
from spacy.lang.en import English
from spacy.language import Language
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from ..documents import read_document
from ..documents.model import Document, DocumentKind, Section
from ..documents.normalize import BULLET, BULLET_GLYPHS
from ..errors import DocumentError, UsageError, one_line
from ..rules import Cues, Rules, RulesSource, as_rules
from ..taxonomy import Taxonomy, is_shipped, load_taxonomy, normalize_term
from . import context
from .acronyms import DefinedAcronyms
from .affixes import PlainWordSkip, english_rules
from .choices import with_choices
from .chunks import ChunkPrimer
from .context import CueSpans
from .features import Candidate, DocFeatures, Feature, FeatureBatch
from .field import FieldForms
from .fuzzy import FuzzyIndex, fuzzy_hits
from .gate import GatedMatcher
from .heads import SharedHeads
from .model import PRELOAD, Mention, SkillProfile
from .variants import term_variants
from .verify import Explanation, VerifierModel, load_verifier

Source = Union[Document, str, bytes, os.PathLike]
_F = TypeVar("_F", bound=Callable[..., Any])

#: Score of a mention by how it was found (fuzzy mentions carry rapidfuzz's ratio instead):
#: a label, alias or sure pattern is certain; an ambiguous name rests on its context.
SCORE_EXACT = 100.0
SCORE_PATTERN = 100.0
SCORE_CONTEXT = 85.0
DEFAULT_FUZZY_CUTOFF = 91.0
#: Longest all-caps alias whose mixed casing names something else ("AoPS" is no "AOPs"; "MatLab" is MATLAB).
SHORT_ACRONYM = 4
#: Name of the ``doc.spans`` group holding the resolved matches.
SPANS_KEY = "skills"
#: Most tokens of the documents verified together (`FeatureBatch` holds ~20 arrays of up to 8 bytes
#: a token: ~16 MB), whatever ``batch_size`` is; 64 documents of the dev data hold ~42,000.
VERIFY_TOKENS = 100_000

#: Punctuation split off words as list marks: ";", "|" and every bullet glyph.
_LIST_PUNCT = f"[;|{re.escape(BULLET_GLYPHS)}]"
#: Brackets glued to words ("Flask(Python),Laravel(PHP)", "Excel(R)") are split off, and so is a
#: comma glued after a closing bracket.
_GLUED_BRACKET = r"(?<=\w)[()\[\]]|[()\[\]](?=\w)|(?<=[)\]])[,;]"
#: A bullet dash glued to a capitalised word ("-Supervised and unsupervised learning") is split off.
_GLUED_DASH = r"-(?=[A-Z])"
#: A dash glued after a word and followed by a space is split off: it separates a name from what
#: follows ("French- Intermediate", "GIT- Creating branches", "ITIL- Incident Management").
_TRAILING_DASH = r"(?<=[A-Za-z])-$"
#: A comma glued after a name ending in a symbol ("C#,Asp.Net", "C++,Java") is split off.
_GLUED_COMMA = r"(?<=[#+]),(?=\S)"
#: A version number glued to a name ("TensorFlow2", "Python3.8") is split off the name.
_VERSION_SUFFIX = r"(?<=[A-Za-z]{3})[0-9]+(?:\.[0-9]+)*$"


class Match(NamedTuple):
    """A matcher hit before context rules: token span, skill id, method and whether the form is ambiguous.
    (A named tuple, not a frozen dataclass: tens of thousands are made per few hundred documents, at a
    third of the cost.)"""

    start: int
    end: int
    skill_id: str
    method: str
    ambiguous: bool = False
    score: float = SCORE_EXACT
    probability: float | None = None


class SkillPipeline:
    """The spaCy tokenizer and matchers for one taxonomy and cues; built once and shared (see `default_extractor`)."""

    def __init__(self, taxonomy: Taxonomy, nlp: Language | None = None, cues: Cues | None = None) -> None:
        self.taxonomy = taxonomy
        self.cues = with_glyphs(cues or as_rules(None).cues)
        self.nlp = nlp or _blank_english()
        vocab = self.nlp.vocab
        sure: dict[str, set[str]] = {}
        spelt: dict[str, set[str]] = {}  # the sure forms without made-up plurals: what fuzzy matching compares with
        ambiguous: dict[str, set[str]] = {}
        self.stop_words = frozenset(self.nlp.Defaults.stop_words)  # also the function words a camel-case split may not open with
        for skill in taxonomy:
            unsure = {normalize_term(a) for a in skill.ambiguous}
            for term in skill.terms:
                if normalize_term(term) in unsure:
                    ambiguous.setdefault(skill.id, set()).update(_cased(term))
                else:
                    sure.setdefault(skill.id, set()).update(term_variants(term, plural=skill.kind != "soft", function_words=self.stop_words))
                    spelt.setdefault(skill.id, set()).update(term_variants(term, plural=False, function_words=self.stop_words))
        start = self.nlp.Defaults.tokenizer_exceptions if nlp is None else self.nlp.tokenizer.rules  # `_blank_english` has none yet
        self._tune_tokenizer(start, itertools.chain(*sure.values(), *ambiguous.values()), itertools.chain(*ambiguous.values()))
        make = self.nlp.make_doc
        self.sure = PhraseMatcher(vocab, attr="LOWER")
        self.unsure = PhraseMatcher(vocab, attr="ORTH")
        self.cue_matcher = PhraseMatcher(vocab, attr="LOWER")
        pairs: set[tuple[int, int]] = set()  # consecutive words of the sure names (LOWER hashes): where a wrapped name may be
        longest = 1  # tokens of the longest sure name
        for skill_id, forms in sure.items():
            docs = [make(f) for f in sorted(forms)]
            self.sure.add(skill_id, docs)
            pairs.update((a.lower, b.lower) for d in docs for a, b in zip(d, d[1:]))
            longest = max([longest, *map(len, docs)])
        self._pairs = frozenset(pairs)
        self._longest = longest
        for skill_id, forms in ambiguous.items():
            self.unsure.add(skill_id, [make(f) for f in sorted(forms)])
        #: (skill id, form) of the ambiguous forms that count only as the whole of their item (`Skill.whole_item`).
        self.whole_item = frozenset((skill.id, normalize_term(f)) for skill in taxonomy for f in skill.whole_item)
        self.patterns = GatedMatcher(vocab, {s.id: s.patterns for s in taxonomy if s.patterns}, self.stop_words)
        for kind, phrases in self.cues.phrases.items():
            self.cue_matcher.add(kind, [make(p) for p in phrases])
        self._cue_kinds = {vocab.strings.add(kind): kind for kind in self.cues.phrases}  # match key -> cue kind, as `_ids`
        # a typo is near a name as it is spelt, not near a plural made up for exact matching: one edit
        # from "Gradles", "ResNets" or "Informaticas" is a plain word ("grades", "resets", "informatics")
        self.fuzzy_names = [(f, skill_id) for skill_id, forms in spelt.items() for f in forms]
        self.ambiguous_names = [(f, skill_id) for skill_id, forms in ambiguous.items() for f in forms]  # what fuzzy matching must not read as another skill
        self._fuzzy: dict[float, FuzzyIndex] = {}  # per cut-off: see `fuzzy_index`
        self._ids = {vocab.strings.add(s.id): s.id for s in taxonomy}  # match key -> skill id, one str each (the store decodes anew per look-up)
        printed = {t for skill in taxonomy for t in skill.terms}
        mixed = {t.lower() for t in printed if not _plain_case(t)}
        self.hides = {s.id: frozenset(s.hides) for s in taxonomy if s.hides}  # skill -> the skills its matches hold without naming
        self.shared_heads = SharedHeads(taxonomy, self.hides, lambda term: tuple(t.lower_ for t in make(term)), self.cues.line_continuers)  # and a head their coordination shares
        self.acronyms = frozenset(t.lower() for t in printed if t.isalpha() and t.isupper() and t.lower() not in mixed)
        self.upper_words = _upper_function_words(taxonomy, self.stop_words)
        self._primer = ChunkPrimer(self.nlp.tokenizer)

    def fuzzy_index(self, cutoff: float) -> FuzzyIndex:
        """A `FuzzyIndex` of the fuzzy names at ``cutoff`` that remembers no phrase yet; what depends
        on the names alone (`FuzzyIndex.fresh`) is made once per cut-off for every extractor of the pipeline."""
        shared = self._fuzzy.get(cutoff)
        if shared is None:
            shared = self._fuzzy[cutoff] = FuzzyIndex(self.fuzzy_names, cutoff, self.ambiguous_names)
        return shared.fresh()

    def docs(self, texts: Sequence[str], batch_size: int = 64) -> Iterator[Doc]:
        """``nlp.pipe`` of ``texts``, their chunks never seen before cached by the tokenizer first (`ChunkPrimer`)."""
        self._primer.prime(texts)
        return self.nlp.pipe(texts, batch_size=batch_size)

    def doc(self, text: str) -> Doc:
        """``nlp(text)``, its chunks never seen before cached by the tokenizer first (`ChunkPrimer`)."""
        self._primer.prime((text,))
        return self.nlp(text)

    def _tune_tokenizer(self, start: dict[str, Any] | None, forms: Iterable[str], ambiguous: Iterable[str]) -> None:
        """List punctuation, glued brackets, bullet and trailing dashes, commas and versions split off; names with
        punctuation ("C#", ".NET") kept whole; ``start`` is the special cases kept (English's exceptions)."""
        tok = self.nlp.tokenizer
        defaults = self.nlp.Defaults
        prefixes = compile_prefix_regex([_LIST_PUNCT, _GLUED_DASH, *defaults.prefixes])
        suffixes = compile_suffix_regex([_LIST_PUNCT, _VERSION_SUFFIX, _TRAILING_DASH, *defaults.suffixes])
        infixes = compile_infix_regex([_LIST_PUNCT, _GLUED_BRACKET, _GLUED_COMMA, *defaults.infixes])
        if english_rules(self.nlp):  # our three additions, too, only split at punctuation or digits
            prefixes, suffixes, infixes = PlainWordSkip(prefixes), PlainWordSkip(suffixes), PlainWordSkip(infixes)  # type: ignore[assignment]
        rules = dict(start or {})
        tok.rules = {}  # each affix setter below re-adds every special case: none now, all at once at the end
        tok.prefix_search = prefixes.search
        tok.suffix_search = suffixes.search_suffix if isinstance(suffixes, PlainWordSkip) else suffixes.search
        tok.infix_finditer = infixes.finditer
        for form in forms:
            for chunk in form.split():
                # names with a version ("HTML5") are split by the version rule in text and pattern alike;
                # as special cases they would make spaCy re-scan every doc for them
                if not chunk.replace("-", "").isalnum():
                    for cased in {chunk, chunk.lower(), chunk.upper(), chunk.capitalize()}:
                        rules[cased] = [{"ORTH": cased}]
        for form in ambiguous:
            if form.isalnum():
                rules[f"{form}."] = [{"ORTH": form}, {"ORTH": "."}]  # "We use R." (not an initial)
        tok.rules = {text: tokens for text, tokens in rules.items() if not _names_itself(text, tokens)}

    def matches(self, doc: Doc, tokens: numpy.ndarray | None = None) -> list[Match]:
        """Every raw matcher hit in ``doc``, overlapping ones included (``tokens``: its `context.TOKEN_ATTRS`
        array, `context.Clauses.array`, when known: its ``LOWER`` and ``IS_SPACE`` columns are not read again)."""
        lower, space = (None, None) if tokens is None else (tokens[:, 1], tokens[:, 2])
        ids = self._ids
        out = self.cased([Match(s, e, ids[k], "exact") for k, s, e in self.sure(doc) if not (e - s == 1 and self.renamed_acronym(doc[s].text))], doc)
        if len(self.patterns):
            out += [Match(s, e, ids[k], "pattern", False, SCORE_PATTERN) for k, s, e in self.patterns(doc, lower)]
        out += [Match(s, e, ids[k], "pattern", True, SCORE_CONTEXT) for k, s, e in self.unsure(doc)]
        return out + self.cased(self.wrapped(doc, lower, space), doc)

    def wrapped(self, doc: Doc, lower: numpy.ndarray | None = None, space: numpy.ndarray | None = None) -> list[Match]:
        """Sure names broken by a line wrap or a run of spaces between two of their words
        ("Stakeholder\\nManagement (10+ years)", "Six  Sigma"), which spaCy keeps as a whitespace
        token: around each such token between two words that follow each other in a sure name, the
        sure matcher reads the words with the whitespace left out. A blank line ends a name, and so
        does a line that goes on with no word ("Python" / "2+ years" is no "Python 2"). ``lower`` and
        ``space``: the doc's ``LOWER`` and ``IS_SPACE`` arrays, when the caller has them (the word
        after is read only where the pair of words is one of a sure name's)."""
        if len(doc) < 3:
            return []
        if lower is None or space is None:
            array = doc.to_array([LOWER, IS_SPACE])
            lower, space = array[:, 0], array[:, 1]
        space = space.astype(bool)
        pairs, ids, reach = self._pairs, self._ids, self._longest - 1
        out = []
        gaps = numpy.flatnonzero(space[1:-1] & ~space[:-2] & ~space[2:]) + 1
        for g, before, after in zip(gaps.tolist(), lower[gaps - 1].tolist(), lower[gaps + 1].tolist()):
            if (before, after) not in pairs or not doc[g + 1].is_alpha or doc[g].text.count("\n") > 1:
                continue
            at = [i for i in range(max(0, g - reach), min(len(doc), g + reach + 1)) if i != g]
            words = Doc(doc.vocab, words=[doc[i].text for i in at])
            out += [Match(at[s], at[e - 1] + 1, ids[k], "exact") for k, s, e in self.sure(words) if at[s] < g < at[e - 1]]
        return out

    def cased(self, matches: list[Match], doc: Doc) -> list[Match]:
        """The sure matches that print in capitals each word their skill's names write in capitals and
        English uses as a function word (`upper_words`): "IT Support" is the skill, "when you need
        it Support for remote work" and "it supports 37 million people" are the pronoun."""
        upper = self.upper_words
        if not upper:
            return matches
        return [m for m in matches if m.skill_id not in upper or all(t.lower_ not in upper[m.skill_id] or t.is_upper for t in doc[m.start : m.end])]

    def renamed_acronym(self, text: str) -> bool:
        """Whether a token is an all-caps alias printed in a name's mixed casing ("AoPS", an academy,
        is not "AOPs"): upper, lower and capitalised forms, with a plural "s", still match, and so do
        names longer than `SHORT_ACRONYM` letters, which are spelt as words too ("MatLab"). Exact
        and fuzzy matches alike skip such a token: the fuzzy index compares without case."""
        stem = text[:-1] if text[-1:] in ("s", "S") and text[:-1].lower() in self.acronyms else text
        return len(stem) <= SHORT_ACRONYM and stem.lower() in self.acronyms and not _plain_case(stem)

    def cue_spans(self, doc: Doc, kind: str | None = None) -> CueSpans:
        """Where the cue phrases of each kind occur in ``doc``, a document of ``kind`` (form fields are read in postings only)."""
        kinds = self._cue_kinds
        return CueSpans([(kinds[k], s, e) for k, s, e in self.cue_matcher(doc)], doc, kind, self.cues.bullets)


def _names_itself(text: str, tokens: Sequence[Mapping[Any, Any]]) -> bool:
    """Whether a special case is one character that stays the one token it is (" ", "&", "'", "’"):
    no affix rule can split a character, so it changes no token, yet spaCy's special-case matcher
    finds each one in every doc and rebuilds the token (1,325 in the 494 speed texts: about an eighth
    of tokenizing them), and a chunk holding one is never cached."""
    return len(text) == 1 and len(tokens) == 1 and tokens[0].keys() <= {"ORTH", ORTH} and tokens[0].get("ORTH", tokens[0].get(ORTH)) == text


def _blank_english() -> Language:
    """A blank English pipeline as ``spacy.blank("en")`` gives, but with a tokenizer that has no
    special cases or affix rules yet: `SkillPipeline._tune_tokenizer` sets them all (English's own
    included) at once, so English's 1,347 special cases and three expressions are not built twice."""
    defaults = English.Defaults
    return English(create_tokenizer=lambda nlp: Tokenizer(nlp.vocab, token_match=defaults.token_match, url_match=defaults.url_match))


def with_glyphs(cues: Cues) -> Cues:
    """``cues`` with the "•" of its bullets and list separators standing for every bullet glyph
    (`BULLET_GLYPHS`): read documents hold "•" only, documents built from raw text may hold any."""
    glyphs = frozenset(BULLET_GLYPHS)
    grow = {key: getattr(cues, key) | glyphs for key in ("bullets", "list_separators") if BULLET in getattr(cues, key)}
    return dataclasses.replace(cues, **grow) if grow else cues


def _plain_case(text: str) -> bool:
    """Upper, lower or capitalised ("AOP", "aop", "Aop"), not a name's own casing ("AoP", "MySQL")."""
    return text.isupper() or text.islower() or text[:1].isupper() and text[1:].islower() or not text.isalpha()


def _upper_function_words(taxonomy: Taxonomy, function_words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Skill id -> the words (lower-cased) its names print only in capitals that English also uses as
    function words: IT Service Management's "it" ("IT Support", "IT Service Desk"), CSS's "less"
    ("LESS CSS"). A sure match must print them in capitals (`SkillPipeline.cased`)."""
    out = {}
    for skill in taxonomy:
        words = [w for term in skill.terms for w in term.split() if w.lower() in function_words]
        upper = {w.lower() for w in words if w.isupper()} - {w.lower() for w in words if not w.isupper()}
        if upper:
            out[skill.id] = frozenset(upper)
    return out


def _cased(form: str) -> set[str]:
    """An ambiguous form as printed, upper-cased, capitalised and, past two letters, lower-cased
    (tag lists write "java spring aws"); context decides on each of them."""
    out = {form, form.upper(), form[:1].upper() + form[1:]}
    return out | {form.lower()} if len(form) > 2 else out


def resolve(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches: the longest wins, then a sure form over an ambiguous one, then exact over pattern.

    A sure exact or pattern match of another skill strictly inside a winner is kept too: the text
    names both ("C/C++" holds C++, "unsupervised machine learning" holds machine learning); so is a
    sure pattern match of another skill on the winner's very span ("Node.js" is also an "X.js" of JavaScript).
    """
    taken: set[int] = set()
    kept, losers = [], []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.ambiguous, m.method != "exact", m.start)):
        if not taken.intersection(range(m.start, m.end)):
            taken.update(range(m.start, m.end))
            kept.append(m)
        else:
            losers.append(m)
    nested: set[int] = set()
    for m in losers:
        if m.ambiguous or m.method == "fuzzy" or nested.intersection(range(m.start, m.end)):
            continue
        outer = next((k for k in kept if k.start <= m.start and m.end <= k.end), None)
        inside = (outer.start, outer.end) != (m.start, m.end) or m.method == "pattern" if outer is not None else False
        if outer is not None and inside and outer.skill_id != m.skill_id and outer.method != "fuzzy":
            nested.update(range(m.start, m.end))
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.start - m.end))


def without_cutting_patterns(matches: list[Match], space: Sequence[int]) -> list[Match]:
    """``matches`` without the sure pattern matches that overlap an exact match of the same skill
    in their doc without holding it or lying inside it: the name as printed is the better evidence
    ("Unit Testing, Integration Testing" is two names, not "Testing, Integration" of a stage
    pattern). A name read across a line wrap (`SkillPipeline.wrapped`) is no such evidence.
    ``space``: whether each token of the doc is whitespace (`context.Clauses.space`)."""
    exact: dict[str, list[Match]] = {}
    for m in matches:
        if m.method == "exact" and not any(space[m.start : m.end]):
            exact.setdefault(m.skill_id, []).append(m)
    if not exact:
        return matches

    def cuts(m: Match) -> bool:
        return any(e.start < m.end and m.start < e.end and not (m.start <= e.start and e.end <= m.end) and not (e.start <= m.start and m.end <= e.end) for e in exact.get(m.skill_id, ()))

    return [m for m in matches if m.method != "pattern" or m.ambiguous or not cuts(m)]


def held(found: list[Match], dropped: Sequence[Match], hides: Mapping[str, frozenset[str]]) -> list[Match]:
    """``found`` without the matches of a skill inside a longer term that means something else.

    A match of another skill inside a longer found one goes when that one's skill ``hides`` it
    (`Skill.hides`: "regression testing" holds no Regression, "Amazon Web Services" no SOAP web
    services); inside a longer candidate the verifier ``dropped`` (fuzzy guesses aside) it goes
    unless that term would hold it as a nested mention (a sure name, not hidden): its words were
    read as the longer term ("A/B Testing" leaves no software testing). A shorter form of the
    same skill stands ("Kafka" in a dropped "Apache Kafka").
    """
    outers = [(o, False) for o in found if o.skill_id in hides] + [(d, True) for d in dropped if d.method != "fuzzy"]
    if not outers:
        return found

    def is_held(m: Match) -> bool:
        """Whether ``m`` lies inside a longer outer term that holds it without meaning it."""
        for o, was_dropped in outers:
            if o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start and o.skill_id != m.skill_id:
                if m.skill_id in hides.get(o.skill_id, ()) or was_dropped and (m.ambiguous or m.method == "fuzzy"):
                    return True
        return False

    return [m for m in found if not is_held(m)]


#: The one cache of extractors: the shared one (default settings) per (taxonomy, rules), newest last.
_SHARED: dict[tuple[int, int], SkillExtractor] = {}
#: How many (taxonomy, rules) pairs stay cached: a long-lived process switching taxonomies must not grow.
MAX_SHARED = 4


def default_extractor(taxonomy: Taxonomy | None = None, rules: RulesSource | None = None) -> SkillExtractor:
    """The shared `SkillExtractor` (default settings) of a taxonomy and rules, built on first use
    and kept: building the matchers is the slow part, and every extractor of the same taxonomy
    and rules shares its pipeline."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    resolved = as_rules(rules)
    shared = _SHARED.get((id(taxonomy), id(resolved)))
    return shared if shared is not None else SkillExtractor(taxonomy, cues=resolved)


def _remember(extractor: SkillExtractor) -> None:
    """Keep ``extractor`` as the shared one of its taxonomy and rules (the oldest beyond `MAX_SHARED` go),
    and take what the process holds by then out of the cyclic garbage collector's passes (`_freeze`)."""
    _SHARED[(id(extractor.taxonomy), id(extractor.rules))] = extractor  # the entry holds both: their ids stay theirs
    evicted = len(_SHARED) > MAX_SHARED
    while len(_SHARED) > MAX_SHARED:
        del _SHARED[next(iter(_SHARED))]
    _freeze(evicted)


def _collector_paused(method: _F) -> _F:
    """``method`` with the cyclic garbage collector off while it runs, back on after (when it was
    on): a batch's documents, matches and mentions live together until its mentions are made, so
    each collection in between only walked and promoted them (~156 young and 14 older collections
    a pass over the 494 speed texts, ~0.12 CPU s, against ~8 young ones). What the batch drops is
    freed by its reference counts as ever; its reference cycles (few) wait for the first collection
    after it, which runs once the method's frame and what only it held are gone."""

    @functools.wraps(method)
    def paused(*args: Any, **kwargs: Any) -> Any:
        if not gc.isenabled():
            return method(*args, **kwargs)
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            gc.enable()

    return paused  # type: ignore[return-value]


def _freeze(evicted: bool) -> None:
    """Collect, then freeze every object alive (``gc.freeze``): the imported modules' and the shared
    pipeline's ~96,000 objects live as long as the process, yet every full collection walked them
    all (~40 ms, about once per 500 documents verified). ``evicted``: a shared pipeline was dropped,
    so the frozen objects are unfrozen first and its reference cycles collected. With the collector
    off (`skillgap.extract.warm` builds so, and freezes itself) nothing is done."""
    if not gc.isenabled():
        return
    if evicted:
        gc.unfreeze()
    gc.collect()
    gc.freeze()


class SkillExtractor:
    """Finds the skills a document names, with evidence: ``extract`` one, ``extract_many`` a stream.

    ``taxonomy`` defaults to the shipped one. ``fuzzy`` turns on near-spelling matching of
    list items and capitalised terms the matchers missed, at ``fuzzy_cutoff`` (rapidfuzz ratio,
    0-100). ``nlp`` may be a spaCy pipeline of your own (its tokenizer gets the taxonomy's
    special cases); by default a blank English one shared by every extractor of the taxonomy
    and cues (see `default_extractor`). ``cues`` are the context rules and section vocabulary
    documents are read with: a `skillgap.rules.Rules`, the path of a sections file of your own,
    or a `skillgap.rules.Cues` alone (default: the shipped ``taxonomy/sections.yaml``).
    ``verify`` scores every candidate match with the learned verifier (`skillgap.extract.verify`;
    ``verifier_model`` is its file, default the shipped one) and drops those below its threshold;
    ``verify=False`` keeps the matcher's own rules only.
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        *,
        fuzzy: bool = True,
        fuzzy_cutoff: float = DEFAULT_FUZZY_CUTOFF,
        nlp: Language | None = None,
        cues: RulesSource | Cues | None = None,
        verify: bool = True,
        verifier_model: str | os.PathLike[str] | None = None,
    ) -> None:
        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
        self.fuzzy = fuzzy
        self.verifier_model = os.fspath(verifier_model) if verifier_model is not None else None
        self.verifier: VerifierModel | None = load_verifier(self.verifier_model) if verify else None
        self.fuzzy_cutoff = fuzzy_cutoff
        self.rules = dataclasses.replace(as_rules(None), cues=cues) if isinstance(cues, Cues) else as_rules(cues)
        if nlp is not None:
            self.pipeline = SkillPipeline(self.taxonomy, nlp, self.rules.cues)
        elif fuzzy and fuzzy_cutoff == DEFAULT_FUZZY_CUTOFF and (id(self.taxonomy), id(self.rules)) not in _SHARED:
            self.pipeline = SkillPipeline(self.taxonomy, cues=self.rules.cues)
            if verify and verifier_model is None:
                _remember(self)  # the first extractor with default settings is the shared one
        else:
            self.pipeline = default_extractor(self.taxonomy, self.rules).pipeline
        self._fuzzy_index = self.pipeline.fuzzy_index(fuzzy_cutoff) if fuzzy else None
        self._implications: dict[str, tuple[str, ...]] = {}
        self._field = FieldForms(self.taxonomy)
        self._acronyms = DefinedAcronyms(self.taxonomy, self.pipeline.cues.acronym_skips, DEFAULT_FUZZY_CUTOFF)
        self._feature_memo: dict[tuple[str, str, str, bool], tuple[tuple[int, ...], str, str]] = {}  # the skills' feature values (`DocFeatures`)

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline that tokenizes and matches."""
        return self.pipeline.nlp

    @property
    def cues(self) -> Cues:
        """The context rules the extractor applies (``self.rules.cues``, bullet glyphs included: `with_glyphs`)."""
        return self.pipeline.cues

    def extract(self, source: Source, *, kind: DocumentKind | None = None) -> SkillProfile:
        """The `SkillProfile` of one document, file path, bytes or text (not a Document: read with `read_document`)."""
        document = as_document(source, kind, self.rules)
        return self._profile(document, self.pipeline.doc(document.text))

    def extract_many(
        self,
        sources: Iterable[Source],
        *,
        kind: DocumentKind | None = None,
        batch_size: int = 64,
        n_process: int = 1,
        errors: Literal["raise", "record"] = "raise",
    ) -> Iterator[SkillProfile | FailedDocument]:
        """Profiles of many documents, yielded in input order.

        Texts go through ``nlp.pipe`` in batches of ``batch_size``. With ``n_process`` > 1,
        batches (file reading included) run in that many worker processes. A file that cannot
        be read raises its `DocumentError` when its turn comes; with ``errors="record"`` it is
        yielded as a `FailedDocument` in its place instead and the batch goes on (a worker that
        dies fails the documents of its batch).
        """
        if errors not in ("raise", "record"):
            raise UsageError(f"errors={errors!r} is not a choice", fix='pass errors="raise" or errors="record"')
        record = errors == "record"
        if n_process > 1:
            yield from self._extract_parallel(sources, kind, batch_size, n_process, record)
            return
        for batch in _batched(sources, batch_size):
            documents = _read_all(batch, kind, record, self.rules)
            readable = [d for d in documents if isinstance(d, Document)]
            found = iter(self._mentions_many(readable, self.pipeline.docs([d.text for d in readable], batch_size)))
            for document in documents:
                yield SkillProfile(document=document, mentions=next(found)[1], taxonomy=self.taxonomy) if isinstance(document, Document) else document

    def _extract_parallel(self, sources: Iterable[Source], kind: DocumentKind | None, batch_size: int, n_process: int, record: bool) -> Iterator[SkillProfile | FailedDocument]:
        """Batches in `skillgap.parallel` worker processes, in order, two per worker in flight;
        a batch whose file cannot be read, or that kills its worker, raises a `DocumentError`
        when its turn comes (not a broken pool); with ``record`` those become `FailedDocument`s."""
        from ..parallel import imap_ordered

        options = (self.taxonomy, self.rules, self.fuzzy, self.fuzzy_cutoff, self.verifier is not None, self.verifier_model)  # the taxonomy travels by `Taxonomy.__reduce__`
        if is_shipped(self.taxonomy) and self.rules is as_rules(None):
            options = (None, None, *options[2:])  # the shipped ones: a worker forked from the preloaded server already holds them
        sent: deque[list[Source]] = deque()  # the batches handed to workers, popped as their outcomes come (in order)

        def tasks() -> Iterator[tuple[list[Source], DocumentKind | None, bool]]:
            for batch in _batched(sources, batch_size):
                sent.append(batch)
                yield [_portable(s) for s in batch], kind, record

        for outcome in imap_ordered(_work, tasks(), n_process=n_process, initializer=_init_worker, initargs=options, window=2 * n_process, start_method="forkserver", preload=PRELOAD):
            batch = sent.popleft()
            if not outcome.ok:
                first = outcome.index * batch_size + 1
                error = DocumentError(f"documents {first}-{first + batch_size - 1} of the batch: {outcome.error}", fix="see the message; run with n_process=1 for a traceback")
                if not record:
                    raise error
                yield from (_failed(s, error) for s in batch)
                continue
            for got in outcome.value:
                yield got if isinstance(got, FailedDocument) else SkillProfile(document=got[0], mentions=got[1], taxonomy=self.taxonomy)

    def _profile(self, document: Document, doc: Doc) -> SkillProfile:
        return SkillProfile(document=document, mentions=self._mentions(document, doc)[1], taxonomy=self.taxonomy)

    def mentions(self, document: Document, doc: Doc) -> tuple[Mention, ...]:
        """Every mention in a tokenized document: stated ones in text order, then implied ones; in a
        posting, those standing in a choice list carry its other skills (``Mention.choice``). The
        resolved matches are kept in ``doc.spans["skills"]``."""
        found, mentions = self._mentions(document, doc)
        doc.spans[SPANS_KEY] = [Span(doc, m.start, m.end, label=m.method, span_id=m.skill_id) for m in found]
        return mentions

    def _mentions(self, document: Document, doc: Doc) -> tuple[list[Match], tuple[Mention, ...]]:
        """The resolved matches and the mentions of a document (`mentions` without ``doc.spans``,
        which nobody sees when the doc is dropped after extraction)."""
        return self._mentions_many([document], [doc])[0]

    @_collector_paused
    def _mentions_many(self, documents: Sequence[Document], docs: Iterable[Doc]) -> list[tuple[list[Match], tuple[Mention, ...]]]:
        """`_mentions` of several documents (their docs in the same order), verified together; with no
        verifier one at a time (nothing is scored together, and a batch's views need not be held).
        The cyclic garbage collector is paused meanwhile (`_collector_paused`)."""
        views = (self._view(document, doc) for document, doc in zip(documents, docs))
        if self.verifier is None:
            return [self._mentions_of(view, self._found_many([view])[0]) for view in views]
        out = []
        for group in _grouped(views, VERIFY_TOKENS):
            out += [self._mentions_of(view, found) for view, found in zip(group, self._found_many(group))]
        return out

    def _mentions_of(self, view: _View, found: list[Match]) -> tuple[list[Match], tuple[Mention, ...]]:
        """The mentions of a document's resolved matches."""
        document = view.document
        covered = {i for m in found for i in range(m.start, m.end)}
        mentions = [self._mention(view, m, covered) for m in found]
        if document.kind == "posting":
            mentions = list(with_choices(document.text, mentions, self.pipeline.cues))
        return found, (*mentions, *self._implied(mentions))

    def _view(self, document: Document, doc: Doc) -> _View:
        pipe = self.pipeline
        return _View(document, doc, pipe.cue_spans(doc, document.kind), context.Clauses(doc, pipe.cues.line_continuers))

    def _found_many(self, views: Sequence[_View], collect: list[tuple[Match, list[Feature]]] | None = None) -> list[list[Match]]:
        """The resolved matches of each document; ``collect`` receives every candidate with its features
        (a document's matcher hits, then its fuzzy ones). The verifier scores the candidates of all
        ``views`` at once in each of its two rounds (its array work has a fixed cost per call)."""
        pipe = self.pipeline
        raws = [[m for m in pipe.matches(v.doc, v.clauses.array) if not context.blocked(v.doc, m.start, m.end, v.cue_spans, v.clauses, pipe.cues, m.method == "pattern" and not m.ambiguous)] for v in views]
        tokens = [{i for m in raw for i in range(m.start, m.end)} for raw in raws]
        if self.verifier is not None and views:
            FeatureBatch([v.features(self, raw, t) for v, raw, t in zip(views, raws, tokens)])  # each document's token arrays, made together
        first = self._verified_many(views, raws, tokens, raws, collect)
        found = [resolve(without_cutting_patterns(verified, v.clauses.space)) for v, (verified, _) in zip(views, first)]
        if self._fuzzy_index is not None:
            fuzzy = [[m for m in self._fuzzy(v, f) if not context.blocked(v.doc, m.start, m.end, v.cue_spans, v.clauses, pipe.cues)] for v, f in zip(views, found)]
            # resolving resolved matches again changes nothing
            found = [resolve([*f, *kept]) if kept else f for f, (kept, _) in zip(found, self._verified_many(views, fuzzy, tokens, raws, collect))]
        out = []
        for view, matches, (_, dropped) in zip(views, found, first):
            matches = pipe.shared_heads.keep(view.doc, held(matches, dropped, pipe.hides))
            listed = functools.partial(view.listed, cues=pipe.cues, matches=matches)
            out.append(self._acronyms.keep(view.document.text, self._field.keep(matches, view.text_of, listed), view.text_of))
        return out

    def _verified_many(
        self, views: Sequence[_View], matches: Sequence[list[Match]], tokens: Sequence[set[int]], raws: Sequence[list[Match]], collect: list[tuple[Match, list[Feature]]] | None
    ) -> list[tuple[list[Match], list[Match]]]:
        """Per document: the matches the context rules keep and, when verifying, the verifier too (with
        their probability), and those the verifier dropped (`held` reads them); the kept matches of
        all documents are scored in one call."""
        kept = [self._ruled(*args, collect) for args in zip(views, matches, tokens, raws)]
        if self.verifier is None:
            return [(k, []) for k in kept]
        # only the matches the rules keep are scored: the verifier never brings one back
        parts = [(v.features(self, raw, t), k, [True] * len(k)) for v, k, t, raw in zip(views, kept, tokens, raws) if k]
        if not parts:
            return [([], []) for _ in kept]
        threshold, batch = self.verifier.threshold, parts[0][0].batch
        assert batch is not None  # `_found_many` made it
        probabilities = iter(self.verifier.row_probabilities(batch.rows(parts)).tolist())
        out = []
        for k in kept:
            scored = [(m, next(probabilities)) for m in k]
            out.append(([Match(m.start, m.end, m.skill_id, m.method, m.ambiguous, m.score, p) for m, p in scored if p >= threshold], [m for m, p in scored if p < threshold]))
        return out

    def _ruled(self, view: _View, matches: list[Match], tokens: set[int], raw: list[Match], collect: list[tuple[Match, list[Feature]]] | None) -> list[Match]:
        """The matches the context rules keep: they decide on ambiguous names (the verifier never overrules them)."""
        if not matches:
            return []
        cues = self.pipeline.cues
        doc = view.doc
        rules = [
            not m.ambiguous
            or context.in_technical_context(
                doc, m.start, m.end, section=view.section(view.char_start(m.start)), skill_tokens=tokens, item_tokens=view.item_tokens(raw, tokens, cues),
                cues=cues, cue_spans=view.cue_spans, clauses=view.clauses, whole_item=(m.skill_id, normalize_term(view.text_of(m))) in self.pipeline.whole_item,
            )
            for m in matches
        ]
        if collect is not None:
            features = view.features(self, raw, tokens)
            collect.extend((m, features.names(Candidate(m.start, m.end, m.skill_id, m.method, m.ambiguous, rule, m.score))) for m, rule in zip(matches, rules))
        return [m for m, rule in zip(matches, rules) if rule]

    def candidates(self, source: Source, *, kind: DocumentKind | None = None) -> list[tuple[Match, int, int, list[Feature]]]:
        """Every candidate match the verifier judges in a document (matcher and fuzzy hits, before
        verification and overlap resolution): match, char start, char end and feature names."""
        document = as_document(source, kind)
        view = self._view(document, self.pipeline.doc(document.text))
        collect: list[tuple[Match, list[Feature]]] = []
        self._found_many([view], collect)
        return [(m, view.char_start(m.start), view.char_end(m.end), f) for m, f in collect]

    def explain(self, profile: SkillProfile, mention: Mention, top: int = 8) -> Explanation:
        """Why the verifier kept ``mention`` of ``profile`` (an implied one: the mention it rests
        on): its probability and the features that weighed most."""
        if self.verifier is None:
            raise ValueError("this extractor does not verify (verify=False): there is nothing to explain")
        for m, start, end, features in self.candidates(profile.document):
            if (start, end, m.skill_id) == (mention.start, mention.end, mention.implied_by or mention.skill_id):
                return self.verifier.explain(m.skill_id, profile.document.text[start:end], features, top)
        raise ValueError(f"{mention.text!r} ({mention.skill_id}) is no candidate match of this document")

    def _fuzzy(self, view: _View, found: list[Match]) -> list[Match]:
        assert self._fuzzy_index is not None
        document, doc = view.document, view.doc
        covered = [(view.char_start(m.start), view.char_end(m.end)) for m in found]
        lists = [(s.start, s.end) for s in document.sections if s.name in self.pipeline.cues.technical_sections]
        out = []
        for hit in fuzzy_hits(document.text, self._fuzzy_index, covered, lists):
            span = context.token_span(doc, hit.start, hit.end)
            if span is not None and not (span[1] - span[0] == 1 and self.pipeline.renamed_acronym(doc[span[0]].text)):
                out.append(Match(span[0], span[1], hit.skill_id, "fuzzy", score=hit.score))
        return out

    def _mention(self, view: _View, m: Match, covered: set[int]) -> Mention:
        cues, document, cue_spans, clauses = self.pipeline.cues, view.document, view.cue_spans, view.clauses
        start_char, end_char = view._starts[m.start], view._ends[m.end - 1]
        section = view.section(start_char)
        lo, hi = clauses.clause(m.start, m.end)
        return Mention(
            skill_id=m.skill_id,
            text=document.text[start_char:end_char],
            start=start_char,
            end=end_char,
            method=m.method,  # type: ignore[arg-type]
            score=m.score,
            section=section,
            page=document.page_at(start_char),
            negated=cue_spans.has_negation and context.is_negated(view.doc, m.start, m.end, covered=covered, cues=cues, cue_spans=cue_spans, clauses=clauses),
            importance=context.importance(m.start, m.end, section=section, cues=cues, cue_spans=cue_spans, clauses=clauses, clause=(lo, hi)) if document.kind == "posting" else None,
            years=view.years.near(start_char, end_char, view._starts[lo], view._ends[hi - 1]),
            probability=m.probability,
        )

    def _implied(self, mentions: list[Mention]) -> list[Mention]:
        """One `implied` mention per skill that stated skills imply and the text never states."""
        stated = {m.skill_id for m in mentions if not m.negated}
        out: dict[str, Mention] = {}
        for m in mentions:
            if m.negated:
                continue
            if m.skill_id not in self._implications:
                self._implications[m.skill_id] = self.taxonomy.implications(m.skill_id)
            for target in self._implications[m.skill_id]:
                if target not in stated and target not in out:
                    out[target] = Mention(
                        skill_id=target, text=m.text, start=m.start, end=m.end, method="implied", score=m.score,
                        section=m.section, page=m.page, importance=m.importance, years=None, implied_by=m.skill_id,
                    )
        return list(out.values())


def as_document(source: Source, kind: DocumentKind | None = None, rules: Rules | None = None) -> Document:
    """A `Document` as it is, or read with `read_document` (a path, bytes, a file object or text:
    sections and kind included, by the vocabulary of ``rules``)."""
    if isinstance(source, Document):
        return source
    return read_document(source, kind=kind, vocabulary=rules)


class _ItemTokens:
    """Tokens of the matches that touch a list separator (`context.is_item` on one side), decided on
    demand (it holds the view's parts, not the view: no reference cycle keeps a document alive)."""

    def __init__(self, view: _View, matches: list[Match], tokens: set[int], cues: Cues) -> None:
        """``tokens``: the tokens of ``matches``; the matches holding a token are found by their
        starts (sorted once), not from a map of every token, which cost more than the look-ups."""
        self.doc, self.cue_spans, self.clauses, self.tokens, self.cues = view.doc, view.cue_spans, view.clauses, tokens, cues
        self._matches = sorted(matches, key=operator.attrgetter("start"))
        self._starts = [m.start for m in self._matches]
        self._reach = max((m.end - m.start for m in matches), default=0)  # the longest match, in tokens
        self._verdicts: dict[tuple[int, int], bool] = {}

    def __contains__(self, token: object) -> bool:
        if token not in self.tokens:
            return False
        at: int = token  # type: ignore[assignment]  # a token of a match
        starts = self._starts
        for m in self._matches[bisect.bisect_left(starts, at - self._reach + 1) : bisect.bisect_right(starts, at)]:
            if m.end <= at:
                continue
            key = (m.start, m.end)
            if key not in self._verdicts:
                self._verdicts[key] = context.is_item(
                    self.doc, m.start, m.end, skill_tokens=self.tokens, cues=self.cues, cue_spans=self.cue_spans, clauses=self.clauses, both=False
                )
            if self._verdicts[key]:
                return True
        return False


class _View:
    """One document under extraction: its tokens' char offsets, clauses, cues and sections, looked up fast."""

    def __init__(self, document: Document, doc: Doc, cue_spans: CueSpans, clauses: context.Clauses) -> None:
        self.document, self.doc, self.cue_spans, self.clauses = document, doc, cue_spans, clauses
        self._starts, self._ends = clauses.starts, clauses.ends  # plain ints: indexing a list beats numpy scalars
        #: Canonical name of the section holding a char offset, if any (a function of the sections
        #: alone: the verifier's features keep it, and a bound method would tie them to the view in a cycle).
        self.section: Callable[[int], str | None] = functools.partial(_section_at, document.sections, [s.start for s in document.sections])
        self.years = context.Years(document.text)
        self._features: DocFeatures | None = None
        self._items: _ItemTokens | None = None

    def features(self, extractor: SkillExtractor, raw: list[Match], tokens: set[int]) -> DocFeatures:
        """The verifier's feature maker for this document (built on first use)."""
        if self._features is None:
            pipe = extractor.pipeline
            self._features = DocFeatures(
                self.doc, extractor.taxonomy, text=self.document.text, kind=self.document.kind, section_of=self.section, cues=pipe.cues, cue_spans=self.cue_spans,
                clauses=self.clauses, skill_tokens=tokens, others=raw, stop_words=pipe.stop_words, memo=extractor._feature_memo,
            )
        return self._features

    def item_tokens(self, raw: list[Match], tokens: set[int], cues: Cues) -> _ItemTokens:
        """The tokens of the raw matches that touch a list separator (built on first use: only
        ambiguous names ask)."""
        if self._items is None:
            self._items = _ItemTokens(self, raw, tokens, cues)
        return self._items

    def listed(self, m: Match, *, cues: Cues, matches: Sequence[Match]) -> bool:
        """Whether a match is the whole of an item in a skills section (``matches``: the document's), a skill claimed by name."""
        if self.section(self._starts[m.start]) not in cues.technical_sections:
            return False
        tokens = {i for k in matches for i in range(k.start, k.end)}
        return context.heads_item(self.doc, m.start, m.end, skill_tokens=tokens, cues=cues, cue_spans=self.cue_spans, clauses=self.clauses)

    def char_start(self, token: int) -> int:
        """Char offset where token ``token`` starts."""
        return self._starts[token]

    def char_end(self, end_token: int) -> int:
        """Char offset where the token before ``end_token`` ends (the end of a span ``[.., end_token)``)."""
        return self._ends[end_token - 1]

    def text_of(self, m: Match) -> str:
        """The text a match covers (``doc[m.start : m.end].text``, sliced from the document's text by the tokens' offsets)."""
        return self.document.text[self._starts[m.start] : self._ends[m.end - 1]]



def _section_at(sections: Sequence[Section], starts: list[int], offset: int) -> str | None:
    """Canonical name of the section of ``sections`` (their ``starts``) holding char ``offset``, if any."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < sections[i].end:
        return sections[i].name
    return None


def _grouped(views: Iterable[_View], limit: int) -> Iterator[list[_View]]:
    """``views`` in groups of at most ``limit`` tokens (a longer document alone), in order."""
    group: list[_View] = []
    tokens = 0
    for view in views:
        if group and tokens + len(view.doc) > limit:
            yield group
            group, tokens = [], 0
        group.append(view)
        tokens += len(view.doc)
    if group:
        yield group


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(itertools.islice(it, max(1, size))):
        yield batch


def _portable(source: Source) -> Source:
    """Something a worker process can receive: paths as strings, the rest as it is."""
    return os.fspath(source) if isinstance(source, os.PathLike) else source


_WORKER: SkillExtractor | None = None


def _init_worker(taxonomy: Taxonomy | None, rules: Rules | None, fuzzy: bool, cutoff: float, verify: bool, model: str | None) -> None:
    """A worker's extractor like the parent's; with the shipped taxonomy and rules (None) and default
    settings, the shared one, which a worker forked from the preloaded server (`warm`) already holds."""
    global _WORKER
    if (fuzzy, cutoff, verify, model) == (True, DEFAULT_FUZZY_CUTOFF, True, None):
        _WORKER = default_extractor(taxonomy, rules)
    else:
        _WORKER = SkillExtractor(taxonomy, fuzzy=fuzzy, fuzzy_cutoff=cutoff, cues=rules, verify=verify, verifier_model=model)


def _work(task: tuple[list[Source], DocumentKind | None, bool]) -> list[tuple[Document, tuple[Mention, ...]] | FailedDocument]:
    sources, kind, record = task
    assert _WORKER is not None
    documents = _read_all(sources, kind, record, _WORKER.rules)
    readable = [d for d in documents if isinstance(d, Document)]
    found = iter(_WORKER._mentions_many(readable, _WORKER.pipeline.docs([d.text for d in readable])))
    return [(d, next(found)[1]) if isinstance(d, Document) else d for d in documents]


@dataclass(frozen=True)
class FailedDocument:
    """A document `SkillExtractor.extract_many` could not read (``errors="record"``): its name and the one-line error."""

    source: str
    error: str


def _read_all(sources: Iterable[Source], kind: DocumentKind | None, record: bool, rules: Rules) -> list[Document | FailedDocument]:
    """Each source as a Document; one that cannot be read raises, or with ``record`` becomes a `FailedDocument`."""
    out: list[Document | FailedDocument] = []
    for s in sources:
        try:
            out.append(as_document(s, kind, rules))
        except Exception as exc:  # noqa: BLE001 - recorded in the document's place, or raised as it is
            if not record:
                raise
            out.append(_failed(s, exc))
    return out


def _failed(source: Source, exc: BaseException) -> FailedDocument:
    """A failed source named as its error names it (a DocumentError knows its file), else by its path or type."""
    name = getattr(exc, "source", None) or (os.fspath(source) if isinstance(source, os.PathLike) else f"<{type(source).__name__}>")
    return FailedDocument(str(name), one_line(exc, str(name)))
