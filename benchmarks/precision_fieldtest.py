"""Field test for false skills: every skill reported on unlabeled real texts, with its evidence.

These texts are never used for tuning or scored: they are read by a person, who judges which
reported skills are a word used in another sense (issue 13's error classes) and fixes the
class. Texts: the LinkedIn education postings (dev CSV, non-tech) and FERR (livecareer)
résumés, first ``--resumes`` PDFs by name. Output: skills grouped by id, most frequent first,
each with its count and up to ``--examples`` evidence sentences (section and method in front).
Run: ``PYTHONPATH=. python benchmarks/precision_fieldtest.py [--postings N] [--resumes N] [--skill ID]``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from skillgap.extract import SkillExtractor

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
POSTINGS = DATA / "job_postings" / "linkedin_education_jobs__dev.csv"
RESUMES = DATA / "pairs" / "ferr_hr_relevance" / "resumes"


def sentence(text: str, start: int, end: int) -> str:
    """The line-bounded sentence around a span, the span in [brackets], whitespace squeezed."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - 120)
    right = min(x for x in (text.find("\n", end), text.find(". ", end), end + 120, len(text)) if x >= 0)
    clip = text[left:start] + "[" + text[start:end] + "]" + text[end:right]
    return re.sub(r"\s+", " ", clip).strip()


def sources(postings: int, resumes: int) -> list[tuple[str, str | Path, str]]:
    """(name, source, kind) of the sample, in a fixed order."""
    csv.field_size_limit(sys.maxsize)
    with POSTINGS.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:postings]
    out: list[tuple[str, str | Path, str]] = [(f"li:{r['job_id']}", r["description"], "posting") for r in rows]
    out += [(f"ferr:{p.stem}", p, "resume") for p in sorted(RESUMES.glob("*.pdf"))[:resumes]]
    return out


def main() -> None:
    """Extract the sample and print each skill's count and evidence."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=60)
    parser.add_argument("--resumes", type=int, default=60)
    parser.add_argument("--examples", type=int, default=6)
    parser.add_argument("--skill", action="append", default=[], help="only these skill ids (repeatable)")
    args = parser.parse_args()
    if not POSTINGS.exists() or not RESUMES.exists():
        sys.exit(f"shared data not found under {DATA}")
    extractor = SkillExtractor()
    found: dict[str, list[str]] = defaultdict(list)
    for name, source, kind in sources(args.postings, args.resumes):
        profile = extractor.extract(source, kind=kind)  # type: ignore[arg-type]
        text = profile.document.text
        for m in profile.mentions:
            if m.method == "implied" or m.negated or (args.skill and m.skill_id not in args.skill):
                continue
            p = "-" if m.probability is None else f"{m.probability:.2f}"
            found[m.skill_id].append(f"{name} {m.section or '-'} {m.method} p={p}: {sentence(text, m.start, m.end)}")
    for skill_id, lines in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"== {skill_id}  {len(lines)}")
        for line in lines[: args.examples]:
            print("   " + line)


if __name__ == "__main__":
    main()
