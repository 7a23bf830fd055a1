"""Field test for false skills: every skill reported on unlabeled real texts, with its evidence.

These texts are never used for tuning or scored: they are read by a person, who judges which
reported skills are a word used in another sense (issue 13's error classes) and fixes the
class. Default sample: the LinkedIn education postings (dev CSV, non-tech) and FERR (livecareer)
résumés, first ``--resumes`` PDFs by name; output: skills grouped by id, most frequent first,
each with its count and up to ``--examples`` evidence sentences (section and method in front).
With ``--seed S`` the sample is drawn at random instead, from postings of every source we hold
(half LinkedIn education, half Glassdoor past the gold's rows 0-25 and the Vanetik vacancies) and résumés
(FERR PDFs but the two in ``gold/varied``, Vanetik CVs), and printed document by document;
``--json FILE`` also writes every reported mention, so two versions' outputs can be compared.
Run: ``PYTHONPATH=. python benchmarks/precision_fieldtest.py [--postings N] [--resumes N] [--seed S] [--skill ID]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from skillgap.extract import SkillExtractor

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
POSTINGS = DATA / "job_postings" / "linkedin_education_jobs__dev.csv"
GLASSDOOR = DATA / "job_postings" / "glassdoor_ds_jobs__dev.csv"
VACANCIES = DATA / "pairs" / "vanetik_vacancy_resume" / "5_vacancies.csv"
RESUMES = DATA / "pairs" / "ferr_hr_relevance" / "resumes"
CVS = DATA / "pairs" / "vanetik_vacancy_resume" / "CV_unannotated"
GOLD_VARIED = DATA / "gold" / "varied" / "resumes_pdf"
GOLD_RESUMES = DATA / "gold" / "resumes.jsonl"
#: Glassdoor rows up to this CSV index hold the gold postings 001-025 (``gold/postings_source.tsv``).
GOLD_GLASSDOOR_LAST = 25

Source = tuple[str, "str | Path", str]


def sentence(text: str, start: int, end: int) -> str:
    """The line-bounded sentence around a span, the span in [brackets], whitespace squeezed."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - 120)
    right = min(x for x in (text.find("\n", end), text.find(". ", end), end + 120, len(text)) if x >= 0)
    clip = text[left:start] + "[" + text[start:end] + "]" + text[end:right]
    return re.sub(r"\s+", " ", clip).strip()


def _rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def sources(postings: int, resumes: int) -> list[Source]:
    """(name, source, kind) of the default sample, in a fixed order."""
    out: list[Source] = [(f"li:{r['job_id']}", r["description"], "posting") for r in _rows(POSTINGS)[:postings]]
    out += [(f"ferr:{p.stem}", p, "resume") for p in sorted(RESUMES.glob("*.pdf"))[:resumes]]
    return out


def drawn(postings: int, resumes: int, seed: int) -> list[Source]:
    """(name, source, kind) drawn with ``random.Random(seed)`` from every pool but the gold's documents."""
    rng = random.Random(seed)
    education: list[Source] = [(f"li:{r['job_id']}", r["description"], "posting") for r in _rows(POSTINGS)]
    pool: list[Source] = []
    glassdoor = _rows(GLASSDOOR)
    seen = {r["Job Description"] for r in glassdoor if int(r["index"]) <= GOLD_GLASSDOOR_LAST}
    for r in glassdoor:
        if int(r["index"]) > GOLD_GLASSDOOR_LAST and r["Job Description"] not in seen:
            seen.add(r["Job Description"])
            pool.append((f"gd:{r['index']}", r["Job Description"], "posting"))
    pool += [(f"vac:{r['id']}", r["job_description"], "posting") for r in _rows(VACANCIES)]
    gold = {p.stem.rpartition("__")[2] for p in GOLD_VARIED.glob("*.pdf")} | set(re.findall(r"__(\d+)\.pdf", GOLD_RESUMES.read_text()))
    cvs: list[Source] = [(f"ferr:{p.stem}", p, "resume") for p in sorted(RESUMES.glob("*.pdf")) if p.stem not in gold]
    cvs += [(f"cv:{p.stem}", p, "resume") for p in sorted(CVS.glob("*.docx"))]
    half = postings // 2
    return rng.sample(education, postings - half) + rng.sample(pool, half) + rng.sample(cvs, resumes)


def main() -> None:
    """Extract the sample and print each skill's count and evidence (or each document's skills)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=60)
    parser.add_argument("--resumes", type=int, default=60)
    parser.add_argument("--examples", type=int, default=6)
    parser.add_argument("--seed", type=int, help="draw the sample at random from every pool; print it by document")
    parser.add_argument("--json", type=Path, help="also write every reported mention to this file")
    parser.add_argument("--skill", action="append", default=[], help="only these skill ids (repeatable)")
    args = parser.parse_args()
    if not POSTINGS.exists() or not RESUMES.exists():
        sys.exit(f"shared data not found under {DATA}")
    extractor = SkillExtractor()
    sample = sources(args.postings, args.resumes) if args.seed is None else drawn(args.postings, args.resumes, args.seed)
    found: dict[str, list[str]] = defaultdict(list)
    rows = []
    for name, source, kind in sample:
        profile = extractor.extract(source, kind=kind)  # type: ignore[arg-type]
        text = profile.document.text
        if args.seed is not None:
            print(f"#### {name} ({kind}, {len(text)} chars)")
        for m in profile.mentions:
            if m.method == "implied" or m.negated or (args.skill and m.skill_id not in args.skill):
                continue
            p = "-" if m.probability is None else f"{m.probability:.2f}"
            line = f"{m.section or '-'} {m.method} p={p}: {sentence(text, m.start, m.end)}"
            rows.append({"doc": name, "skill": m.skill_id, "start": m.start, "end": m.end, "text": m.text, "line": line})
            if args.seed is not None:
                print(f"   {m.skill_id}  {line}")
            found[m.skill_id].append(f"{name} {line}")
    if args.json:
        args.json.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    if args.seed is None:
        for skill_id, lines in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"== {skill_id}  {len(lines)}")
            for line in lines[: args.examples]:
                print("   " + line)


if __name__ == "__main__":
    main()
