"""How well the taxonomy DATA alone covers the dev gold, independent of the extractor.

Matches every non-ambiguous label and alias (spaCy PhraseMatcher on LOWER) and every token
pattern (Matcher) over the gold postings and résumés, maps found skills to gold vocabulary names
the way gold/README.md scores a system, and prints micro precision / recall per document type,
the skills most often missed or over-predicted (with evidence), and the gold traps the data
alone would fall into. Ambiguous forms (R, C, Excel, ...) are skipped on purpose: deciding
their context is the extractor's job, so their misses show up here as the work left to it.

    PYTHONPATH=. python benchmarks/taxonomy_coverage.py [--data ../shared/data] [--show 10]
"""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path

import spacy
from spacy.matcher import Matcher, PhraseMatcher

from skillgap.documents import read_document
from skillgap.taxonomy import Taxonomy, load_taxonomy, normalize_term


def build_matchers(tax: Taxonomy, nlp) -> tuple[PhraseMatcher, Matcher]:
    """Phrase matcher over non-ambiguous names and a Matcher over the token patterns."""
    phrases, patterns = PhraseMatcher(nlp.vocab, attr="LOWER"), Matcher(nlp.vocab)
    for skill in tax:
        ambiguous = {normalize_term(a) for a in skill.ambiguous}
        sure = [t for t in skill.terms if normalize_term(t) not in ambiguous]
        if sure:
            phrases.add(skill.id, list(nlp.tokenizer.pipe(sure)))
        if skill.patterns:
            patterns.add(skill.id, [list(p) for p in skill.patterns])
    return phrases, patterns


def found_skills(text: str, nlp, phrases: PhraseMatcher, patterns: Matcher) -> dict[str, str]:
    """Skill id -> first matched text."""
    doc = nlp.make_doc(" ".join(text.split()))
    out: dict[str, str] = {}
    for match_id, start, end in sorted([*phrases(doc), *patterns(doc)], key=lambda m: m[1]):
        out.setdefault(nlp.vocab.strings[match_id], doc[start:end].text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = os.environ.get("SKILLGAP_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
    parser.add_argument("--data", type=Path, default=Path(default_data), help="the dev data folder (default: $SKILLGAP_SHARED_DATA or ../shared/data)")
    parser.add_argument("--taxonomy", type=Path, help="a taxonomy folder to measure instead of the shipped one (e.g. an older checkout)")
    parser.add_argument("--show", type=int, default=10, help="how many missed / over-predicted skills to list")
    args = parser.parse_args()
    gold_dir = args.data / "gold"

    tax = load_taxonomy(args.taxonomy) if args.taxonomy else load_taxonomy()
    vocab: dict[str, str] = {}  # skill id -> gold canonical name
    for line in (gold_dir / "vocab.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            canonical = line.split("|")[0].strip()
            skill = tax.lookup(canonical)
            if skill is None:
                raise SystemExit(f"gold name {canonical!r} has no skill in the taxonomy")
            vocab[skill.id] = canonical

    nlp = spacy.blank("en")
    phrases, patterns = build_matchers(tax, nlp)
    docs = []
    for line in (gold_dir / "postings.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (gold_dir / row["doc"]).read_text(encoding="utf-8")
        docs.append(("postings", row["doc"], text, set(row["required"]) | set(row["preferred"]), row["traps"]))
    for line in (gold_dir / "resumes.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        docs.append(("résumés", row["doc"], read_document(args.data / row["doc"]).text, set(row["skills"]), row["traps"]))

    print(f"taxonomy: {len(tax)} skills, {len(tax.roles)} roles; gold: {len(docs)} documents, {len(vocab)} vocabulary skills")
    missed, extra = Counter(), Counter()
    evidence: dict[str, list[str]] = {}
    for kind in ("postings", "résumés"):
        tp = n_pred = n_gold = 0
        for doc_kind, name, text, gold, _ in docs:
            if doc_kind != kind:
                continue
            found = found_skills(text, nlp, phrases, patterns)
            predicted = {vocab[s] for s in found if s in vocab}
            tp, n_pred, n_gold = tp + len(predicted & gold), n_pred + len(predicted), n_gold + len(gold)
            missed.update(gold - predicted)
            for sid, text_found in found.items():
                if sid in vocab and vocab[sid] not in gold:
                    extra[vocab[sid]] += 1
                    evidence.setdefault(vocab[sid], []).append(f"{Path(name).name}: {text_found!r}")
        print(f"{kind:9} precision {tp / max(n_pred, 1):.3f}  recall {tp / max(n_gold, 1):.3f}  (tp {tp}, predicted {n_pred}, gold {n_gold})")

    print(f"\nmost missed (ambiguous forms are left to the extractor): {missed.most_common(args.show)}")
    print("most over-predicted:")
    for name, count in extra.most_common(args.show):
        print(f"  {name} x{count}: {'; '.join(evidence[name][:3])}")
    print("gold traps the data alone falls into:")
    for _, name, _, _, traps in docs:
        for trap in traps:
            hits = [s for s in found_skills(trap["text"], nlp, phrases, patterns) if vocab.get(s) == trap["skill"]]
            if hits:
                print(f"  {Path(name).name}: {trap['skill']} in {trap['text']!r}")


if __name__ == "__main__":
    main()
