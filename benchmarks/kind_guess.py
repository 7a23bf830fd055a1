"""How often `read_document` guesses ``kind`` right when the caller does not give it.

Résumés: the 28 dev PDFs and the 39 Vanetik DOCX CVs. Postings: every distinct description of
the Glassdoor (data science) and LinkedIn (education, non-tech) dev CSVs, and the 25 gold
posting texts. Prints the accuracy per set and a few of the misses.

    PYTHONPATH=. python benchmarks/kind_guess.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pandas as pd

from skillgap import read_document

DEFAULT_DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


def report(name: str, sources: list, expected: str) -> None:
    misses = []
    for source in sources:
        doc = read_document(source)
        if doc.kind != expected:
            misses.append((str(source)[:100].replace("\n", " "), doc.warnings[-1]))
    print(f"{name:40} {len(sources) - len(misses):4}/{len(sources):<4} guessed {expected}")
    for text, why in misses[:3]:
        print(f"    miss: {text!r}\n          {why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    report("résumé PDFs", sorted((args.data / "resumes_pdf").glob("*.pdf")), "resume")
    report("Vanetik DOCX CVs", sorted((args.data / "pairs" / "vanetik_vacancy_resume").glob("CV*/*.docx")), "resume")
    report("gold postings", sorted((args.data / "gold" / "postings").glob("*.txt")), "posting")
    for csv, column in (("glassdoor_ds_jobs__dev.csv", "Job Description"), ("linkedin_education_jobs__dev.csv", "description")):
        frame = pd.read_csv(args.data / "job_postings" / csv)
        column = next(c for c in frame.columns if c.lower() == column.lower())
        report(csv, frame[column].dropna().drop_duplicates().tolist(), "posting")


if __name__ == "__main__":
    main()
