"""Reading order and sections of each PDF engine on the hand-annotated résumés.

For every résumé in ``gold/resumes.jsonl`` and each engine: how many of the gold ``phrases``
(verbatim strings inside one column and line) appear contiguously in our text (whitespace
collapsed), how many gold section headings are detected as sections, and how many
(skill, heading) pairs of the gold ``where`` field land inside a detected section with that
heading (the skill found there by its name or a vocabulary synonym; many gold skills are
written in other words, so the rate is also given over the pairs whose skill is findable by
name at all). Prints a table and totals.

    PYTHONPATH=. python benchmarks/reading_order.py [--data ../shared/data]   (or set SKILLGAP_SHARED_DATA)
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

from skillgap import DocumentError, read_document
from skillgap.documents.pdf import ENGINES
from skillgap.documents.sections import normalize_heading

DEFAULT_DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


def collapse(text: str) -> str:
    return " ".join(text.split())


def load_synonyms(vocab: Path) -> dict[str, list[str]]:
    """Canonical skill name -> [name, synonyms...] from gold/vocab.txt."""
    out = {}
    for line in vocab.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names = [n.strip() for n in line.split("|") if n.strip()]
            out[names[0]] = names
    return out


def score_document(doc, gold: dict, synonyms: dict[str, list[str]]) -> dict[str, int]:
    """Counts for one document: phrases found, headings found, (skill, heading) pairs placed."""
    text = collapse(doc.text)
    phrases = sum(collapse(p) in text for p in gold["phrases"])
    detected = {}
    for s in doc.sections:
        detected.setdefault(normalize_heading(s.heading), []).append(s)
    headings = {h for w in gold["where"] for h in w["sections"] if h != "HEADER"}
    found_headings = sum(normalize_heading(h) in detected for h in headings)
    pairs = placed = findable = 0
    lowered = doc.text.casefold()
    for w in gold["where"]:
        names = [re.compile(rf"(?<!\w){re.escape(n.casefold())}(?!\w)") for n in synonyms.get(w["skill"], [w["skill"]])]
        anywhere = any(p.search(lowered) for p in names)
        for h in w["sections"]:
            if h == "HEADER":
                continue
            pairs += 1
            findable += anywhere
            spans = [doc.text[s.start:s.end].casefold() for s in detected.get(normalize_heading(h), [])]
            placed += any(p.search(span) for span in spans for p in names)
    return {
        "phrases": phrases,
        "phrases_total": len(gold["phrases"]),
        "headings": found_headings,
        "headings_total": len(headings),
        "pairs": placed,
        "pairs_total": pairs,
        "pairs_findable": findable,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed phrases and headings")
    args = parser.parse_args()
    gold_rows = [json.loads(line) for line in (args.data / "gold" / "resumes.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    synonyms = load_synonyms(args.data / "gold" / "vocab.txt")
    totals = {e: dict.fromkeys(("phrases", "phrases_total", "headings", "headings_total", "pairs", "pairs_total", "pairs_findable"), 0) for e in ENGINES}
    print(f"{'document':48} " + "  ".join(f"{e:>24}" for e in ENGINES))
    print(f"{'':48} " + "  ".join(f"{'phrases heads pairs':>24}" for e in ENGINES))
    for gold in gold_rows:
        cells = []
        for engine in ENGINES:
            try:
                doc = read_document(args.data / gold["doc"], kind="resume", engine=engine)
            except DocumentError as exc:
                cells.append(f"{'ERROR':>24}")
                print(f"  {engine}: {exc}")
                continue
            c = score_document(doc, gold, synonyms)
            for k, v in c.items():
                totals[engine][k] += v
            cells.append(f"{c['phrases']:>3}/{c['phrases_total']:<3} {c['headings']:>3}/{c['headings_total']:<3} {c['pairs']:>3}/{c['pairs_total']:<3}")
            if args.verbose:
                missed = [p for p in gold["phrases"] if collapse(p) not in collapse(doc.text)]
                got = {normalize_heading(s.heading) for s in doc.sections}
                heads = sorted({h for w in gold["where"] for h in w["sections"] if h != "HEADER" and normalize_heading(h) not in got})
                if missed or heads:
                    print(f"  {engine}: missed phrases {missed}; missed headings {heads}")
        print(f"{Path(gold['doc']).name[:48]:48} " + "  ".join(cells))
    print()
    for engine, t in totals.items():
        print(
            f"{engine:>10}: phrases {t['phrases']}/{t['phrases_total']} ({t['phrases'] / t['phrases_total']:.0%}), "
            f"gold headings detected {t['headings']}/{t['headings_total']} ({t['headings'] / t['headings_total']:.0%}), "
            f"skill-in-section pairs {t['pairs']}/{t['pairs_total']} ({t['pairs'] / t['pairs_total']:.0%}; "
            f"{t['pairs']}/{t['pairs_findable']} = {t['pairs'] / t['pairs_findable']:.0%} of the pairs whose skill name or a vocab synonym occurs in the text at all)"
        )


if __name__ == "__main__":
    main()
