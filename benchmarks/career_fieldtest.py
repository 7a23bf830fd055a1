"""Field test of the career reader on unlabeled real résumés it was never tuned on: prints, per
document, the positions, education entries and warnings, then summary counts of the signs of
misreading (no position, undated positions, education of level other, degree words left out).

    python benchmarks/career_fieldtest.py [--data ../shared/data] [--sample 40] [--seed 14] [--quiet]

Documents: a seeded sample of ``pairs/ferr_hr_relevance/resumes/*.pdf`` (livecareer), all of
``pairs/vanetik_vacancy_resume/CV_unannotated/*.docx`` and a seeded sample of the Indeed résumés
of ``skill_annotations/dataturks_resume_ner/traindata.json`` (plain text, their entity labels
unused); none is in the experience gold.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA  # noqa: E402

from skillgap import read_document  # noqa: E402
from skillgap.documents.career import read_career  # noqa: E402
from skillgap.documents.careervocab import load_career_vocabulary  # noqa: E402
from skillgap.documents.degrees import degree_finder  # noqa: E402
from skillgap.errors import SkillgapError  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--indeed", type=int, default=40, help="DataTurks Indeed résumés in the sample")
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
    print("\nsummary:")
    for key, value in counts.items():
        print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
