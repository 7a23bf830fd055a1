"""Which human-annotated skills the extractor misses, split into mechanism and coverage misses.

Corpora (loaders of `accuracy.py`): dotin résumé skill spans, DataTurks résumé ``Skills``,
SkillSpan skill + knowledge spans (sentences joined per posting), Green et al. 2022 Skill and
Domain spans. Sayfullina is left out: its text is lemmatised and lower-cased, not as printed.
Texts get their sections as `read_document` finds them (the corpora hold plain text, offsets kept).
Each corpus's texts are dealt into two fixed parts by file order (`splits.alternate`): ``dev``
(1st, 3rd, ...) to look at while working, ``check`` (2nd, 4th, ...) for a final figure only;
examples are printed for ``dev`` alone.

For every annotated span, the taxonomy's skills "in" it are the skills whose label or alias is
the whole span, or that a non-ambiguous label / alias / token pattern matches inside it (an
ambiguous form counts inside a longer span only as a list item: between the span's edges or
``, / ; | ( )``). Per (text, skill) pair such a span names, the extractor (stated mentions,
verified, as shipped) either

* finds the skill in the text (``found``), or misses it because
* ``rule``: a candidate of the skill overlaps the span, an ambiguous form the context rules
  refused (`context.in_technical_context`);
* ``verifier``: such a candidate the rules kept and the verifier scored below its threshold;
* ``overlap``: such a candidate kept by both, lost to an overlapping match in resolution;
* ``other skill``: no candidate of it, but a mention of another skill covers the span;
* ``no candidate``: the matcher produced nothing for it in the document's context.

Spans with no taxonomy skill are coverage gaps; the most frequent (by how many texts hold them)
are listed, to judge which are general skills of a category the taxonomy has.

    PYTHONPATH=. python benchmarks/recall_corpora.py [--part dev|check] [--show 25] [--corpus dotin ...]

To compare with another checkout run the same file with ``PYTHONPATH=<that checkout>``, both with
``--span-taxonomy <one checkout>/taxonomy`` so that both count the same (text, skill) pairs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.matcher import Matcher, PhraseMatcher

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA, Span, dataturks, dotin, green, skillspan  # noqa: E402
from splits import alternate  # noqa: E402

from skillgap import Document, SkillExtractor, load_taxonomy  # noqa: E402
from skillgap.documents.sections import detect_sections  # noqa: E402
from skillgap.rules import as_rules  # noqa: E402
from skillgap.taxonomy import Taxonomy, normalize_term  # noqa: E402

PARTS = {"dev": "tuning", "check": "validation"}
CORPORA: dict[str, tuple[Callable[[Path], list[tuple[str, list[Span]]]], str]] = {
    "dotin": (dotin, "resume"),
    "dataturks": (dataturks, "resume"),
    "skillspan": (lambda data: skillspan(data, ("tags_skill", "tags_knowledge"), by_posting=True), "posting"),
    "green": (lambda data: green(data, ("Skill", "Domain")), "posting"),
}
LIST_EDGES = frozenset({",", "/", ";", "|", "(", ")"})
MISSES = ("rule", "verifier", "overlap", "other skill", "no candidate")


@dataclass(frozen=True)
class SpanSkills:
    """The taxonomy's view of annotated span text: skill ids it names (empty: a coverage gap)."""

    taxonomy: Taxonomy
    nlp: spacy.language.Language
    sure: PhraseMatcher
    unsure: PhraseMatcher
    patterns: Matcher

    @classmethod
    def build(cls, taxonomy: Taxonomy) -> SpanSkills:
        nlp = spacy.blank("en")
        sure, unsure, patterns = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LOWER"), Matcher(nlp.vocab)
        for skill in taxonomy:
            ambiguous = {normalize_term(a) for a in skill.ambiguous}
            terms = [t for t in skill.terms if normalize_term(t) not in ambiguous]
            if terms:
                sure.add(skill.id, list(nlp.tokenizer.pipe(terms)))
            if ambiguous:
                unsure.add(skill.id, list(nlp.tokenizer.pipe(sorted(ambiguous))))
            if skill.patterns:
                patterns.add(skill.id, [list(p) for p in skill.patterns])
        return cls(taxonomy, nlp, sure, unsure, patterns)

    def __call__(self, text: str) -> frozenset[str]:
        whole = self.taxonomy.lookup(text)
        doc = self.nlp.make_doc(" ".join(text.split()))
        out = {whole.id} if whole is not None else set()
        out |= {self.nlp.vocab.strings[i] for i, _, _ in [*self.sure(doc), *self.patterns(doc)]}
        for i, s, e in self.unsure(doc):
            if (s == 0 or doc[s - 1].text in LIST_EDGES) and (e == len(doc) or doc[e].text in LIST_EDGES):
                out.add(self.nlp.vocab.strings[i])
        return frozenset(out)


def _overlap(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


@dataclass
class Result:
    texts: int = 0
    spans: int = 0
    known_spans: int = 0
    pairs: Counter = None  # type: ignore[assignment]
    missed: Counter = None  # type: ignore[assignment]
    examples: dict = None  # type: ignore[assignment]
    gaps: Counter = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.pairs, self.missed, self.examples, self.gaps = Counter(), Counter(), defaultdict(list), Counter()


def judge(extractor: SkillExtractor, here: list) -> str:
    """Which stage dropped the candidates of one skill over a span (the last stage any reached)."""
    ruled = [f for m, f in here if not m.ambiguous or (("rule",), ("True",)) in f]
    if not ruled:
        return "rule"
    verifier = extractor.verifier
    if verifier is not None and max(verifier.probabilities(ruled).tolist()) < verifier.threshold:
        return "verifier"
    return "overlap"


def measure(extractor: SkillExtractor, span_skills: SpanSkills, items: Sequence[tuple[str, list[Span]]], kind: str, name: str) -> Result:
    result = Result(texts=len(items))
    vocabularies = as_rules(None).vocabularies
    documents = [Document(source=f"{name} #{i}", kind=kind, text=t, sections=detect_sections(t, kind, vocabularies)) for i, (t, _) in enumerate(items)]  # type: ignore[arg-type]
    for (text, spans), document, profile in zip(items, documents, extractor.extract_many(documents, batch_size=64)):
        stated = [m for m in profile.mentions if m.method != "implied" and not m.negated]
        found = {m.skill_id for m in stated}
        named: dict[str, list[Span]] = defaultdict(list)
        gaps = set()
        for a, b in spans:
            result.spans += 1
            skills = span_skills(text[a:b])
            if not skills:
                gaps.add(re.sub(r"\s+", " ", text[a:b].strip().lower()))
                continue
            result.known_spans += 1
            for s in skills:
                named[s].append((a, b))
        result.gaps.update(gaps - {""})
        missing = set(named) - found
        if missing:
            candidates = extractor.candidates(document)
        for skill, where in named.items():
            if skill in found:
                result.pairs["found"] += 1
                continue
            here = [(m, f) for m, s, e, f in candidates if m.skill_id == skill and any(_overlap(s, e, a, b) for a, b in where)]
            if here:
                why = judge(extractor, here)
            elif any(_overlap(m.start, m.end, a, b) for m in stated for a, b in where):
                why = "other skill"
            else:
                why = "no candidate"
            result.pairs[why] += 1
            result.missed[(why, skill)] += 1
            a, b = where[0]
            if len(result.examples[(why, skill)]) < 2:
                result.examples[(why, skill)].append(" ".join(text[max(0, a - 40) : b + 40].split()))
    return result


def report(name: str, result: Result, show: int, examples: bool) -> None:
    pairs = sum(result.pairs.values())
    found = result.pairs["found"]
    print(f"\n{name}: {result.texts} texts, {result.spans} spans, {result.known_spans} name a taxonomy skill ({result.known_spans / max(result.spans, 1):.0%})")
    print(f"  (text, skill) pairs {pairs}: found {found} ({found / max(pairs, 1):.3f})  " + "  ".join(f"{w} {result.pairs[w]}" for w in MISSES))
    if not examples:
        return
    for why in MISSES:
        top = [(s, n) for (w, s), n in result.missed.most_common() if w == why][:show]
        if top:
            print(f"  most missed, {why}:")
            for skill, n in top:
                print(f"    {n:>4}  {skill:<28} {' | '.join(result.examples[(why, skill)])[:200]}")
    print(f"  most frequent spans naming no taxonomy skill (texts holding them):")
    for text, n in result.gaps.most_common(show):
        print(f"    {n:>4}  {text}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--part", choices=sorted(PARTS), default="dev", help="dev (1st, 3rd, ... text; examples printed) or check (the others; totals only)")
    parser.add_argument("--corpus", nargs="*", choices=sorted(CORPORA), help="corpora to run (default: all)")
    parser.add_argument("--span-taxonomy", type=Path, help="name the spans' skills by this taxonomy folder (e.g. an older checkout's), so two versions count the same pairs")
    parser.add_argument("--show", type=int, default=25, help="how many skills / gaps to list per class (dev part only)")
    args = parser.parse_args(argv)
    extractor = SkillExtractor(load_taxonomy())
    span_skills = SpanSkills.build(load_taxonomy(args.span_taxonomy) if args.span_taxonomy else extractor.taxonomy)
    import skillgap

    print(f"skillgap from {Path(skillgap.__file__).parent}; part {args.part}")
    totals = Counter()
    for name in args.corpus or CORPORA:
        load, kind = CORPORA[name]
        try:
            items = load(args.data)
        except FileNotFoundError as exc:
            print(f"\n{name}: skipped ({exc.filename} not found)")
            continue
        items = [x for i, x in enumerate(items) if alternate(i) == PARTS[args.part]]
        t0 = time.perf_counter()
        result = measure(extractor, span_skills, items, kind, name)
        report(f"{name} ({time.perf_counter() - t0:.0f}s)", result, args.show, args.part == "dev")
        totals.update(result.pairs)
    pairs = sum(totals.values())
    print(f"\nall corpora: pairs {pairs}, found {totals['found']} ({totals['found'] / max(pairs, 1):.3f})  " + "  ".join(f"{w} {totals[w]}" for w in MISSES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
