"""Field test of the career reader on unlabeled real résumés and postings it was never tuned on:
prints, per résumé, the positions, education entries and warnings, and per posting its years
statements with the skills tied to each, the minimum years and the degrees asked; then summary
counts of the signs of misreading (no position, undated positions, education of level other,
degree words left out; postings with a years figure but no ask read from it).

    python benchmarks/career_fieldtest.py [--data ../shared/data] [--sample 40] [--seed 14] [--postings 40] [--quiet]

Documents: a seeded sample of ``pairs/ferr_hr_relevance/resumes/*.pdf`` (livecareer), all of
``pairs/vanetik_vacancy_resume/CV_unannotated/*.docx`` and a seeded sample of the Indeed résumés
of ``skill_annotations/dataturks_resume_ner/traindata.json`` (plain text, their entity labels
unused); none is in the experience gold. Postings: a seeded sample of the distinct descriptions
of ``job_postings/glassdoor_ds_jobs__dev.csv`` and ``linkedin_education_jobs__dev.csv`` (half
each), none in the experience gold.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA  # noqa: E402

from skillgap import SkillExtractor, read_document  # noqa: E402
from skillgap.documents.asks import read_asks  # noqa: E402
from skillgap.documents.career import read_career  # noqa: E402
from skillgap.documents.careervocab import load_career_vocabulary  # noqa: E402
from skillgap.documents.degrees import degree_finder  # noqa: E402
from skillgap.errors import SkillgapError  # noqa: E402
from skillgap.extract.experience import years_asked  # noqa: E402


def documents(data: Path, sample: int, seed: int) -> list[Path]:
    """The seeded livecareer sample, then every unannotated DOCX CV."""
    pdfs = sorted((data / "pairs/ferr_hr_relevance/resumes").glob("*.pdf"))
    docx = sorted((data / "pairs/vanetik_vacancy_resume/CV_unannotated").glob("*.docx"))
    return sorted(random.Random(seed).sample(pdfs, min(sample, len(pdfs)))) + docx


def indeed_texts(data: Path, sample: int, seed: int) -> list[tuple[str, str]]:
    """(name, text) of a seeded sample of the DataTurks Indeed résumés (line numbers as names)."""
    path = data / "skill_annotations/dataturks_resume_ner/traindata.json"
    if not path.is_file():
        return []
    rows = [json.loads(line)["content"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = sorted(random.Random(seed).sample(range(len(rows)), min(sample, len(rows))))
    return [(f"dataturks#{i + 1}", rows[i]) for i in picked]


def posting_texts(data: Path, sample: int, seed: int) -> list[tuple[str, str]]:
    """(name, title + description) of a seeded sample of the distinct Glassdoor and LinkedIn
    dev postings, half from each file."""
    out: list[tuple[str, str]] = []
    for file, title, body in (("glassdoor_ds_jobs__dev.csv", "Job Title", "Job Description"), ("linkedin_education_jobs__dev.csv", "title", "description")):
        path = data / "job_postings" / file
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            rows = {row[body]: row[title] for row in csv.DictReader(handle) if row[body].strip()}
        texts = list(rows.items())
        picked = sorted(random.Random(seed).sample(range(len(texts)), min(sample // 2, len(texts))))
        out += [(f"{file.split('__')[0]}#{i + 1}", texts[i][1] + "\n" + texts[i][0]) for i in picked]
    return out


def postings(data: Path, sample: int, seed: int, quiet: bool, counts: Counter[str]) -> None:
    """Each sampled posting's years statements (with the skills tied to them), minimum years and
    degrees asked; counts postings whose text has a years figure but no ask was read from it."""
    extractor = SkillExtractor()
    for name, text in posting_texts(data, sample, seed):
        document = read_document(text, kind="posting", name=name)
        asks = read_asks(document)
        profile = extractor.extract(document)
        asked = years_asked(profile, asks)
        counts["postings"] += 1
        counts["postings with min years"] += asked.min_years is not None
        counts["postings with skill years"] += bool(asked.per_skill)
        counts["postings with a degree asked"] += asks.degree is not None
        if quiet:
            continue
        print(f"== {name}  min_years {asked.min_years}  skill years {asked.per_skill}")
        for st in asks.years:
            print(f"  Y {st.years:g}{' (preferred)' if st.preferred else ''}: {st.text[:160]!r}")
        for label, ask in (("D", asks.degree), ("D preferred", asks.preferred_degree)):
            if ask is not None:
                print(f"  {label} {ask.level} required={ask.required} fields={ask.fields}: {ask.text[:140]!r}")
        for cert in asks.certifications:
            print(f"  C {cert.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--indeed", type=int, default=40, help="DataTurks Indeed résumés in the sample")
    parser.add_argument("--postings", type=int, default=40, help="postings in the sample")
    parser.add_argument("--quiet", action="store_true", help="summary counts only")
    args = parser.parse_args()
    finder = degree_finder(load_career_vocabulary())
    counts: Counter[str] = Counter()
    inputs: list[tuple[str, Path | str]] = [(p.name, p) for p in documents(args.data, args.sample, args.seed)]
    inputs += indeed_texts(args.data, args.indeed, args.seed)
    for name, source in inputs:
        try:
            doc = read_document(source, kind="resume", name=name) if isinstance(source, str) else read_document(source, kind="resume")
        except SkillgapError as exc:
            counts["unreadable"] += 1
            print(f"== {name}: unreadable: {exc}")
            continue
        career = read_career(doc)
        counts["documents"] += 1
        counts["positions"] += len(career.positions)
        counts["no position"] += not career.positions
        counts["positions without a start"] += sum(p.start is None for p in career.positions)
        counts["positions without a title"] += sum(p.title is None for p in career.positions)
        counts["education entries"] += len(career.education)
        counts["no education entry"] += not career.education
        counts["education level other"] += sum(e.level == "other" for e in career.education)
        covered = [e.span for e in career.education]
        missed = [w for w in finder.words(doc.text) if not any(a <= w.start < b for a, b in covered)]
        counts["degree words outside every entry"] += len(missed)
        counts["warnings"] += len(career.warnings)
        counts["total months None"] += career.total_months() is None
        if args.quiet:
            continue
        print(f"== {name}  as_of {career.as_of} ({career.as_of_source})  total {career.total_months()}")
        for p in career.positions:
            end = "present" if p.current else p.end
            print(f"  P {p.title} | {p.employer} | {p.start}-{end} | {p.kind}  [{p.date_text}]")
        for e in career.education:
            print(f"  E {e.level} | {e.field} | {e.end_year}  [{e.text[:70]}]")
        for w in missed:
            print(f"  D? {w.level} {doc.text[w.start:w.end]!r}: {doc.text[max(0, w.start - 40):w.end + 40]!r}")
        for warning in career.warnings:
            print(f"  W {warning}")
    postings(args.data, args.postings, args.seed, args.quiet, counts)
    print("\nsummary:")
    for key, value in counts.items():
        print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
