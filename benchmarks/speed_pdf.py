"""PDF reading cost per page: our reader with each engine vs pdfplumber's own extract_text().

All measured in one process on the same files (the résumé PDFs of the dev data), each file
read ``--runs`` times, best run kept per file (least disturbed by other load on the machine).
Prints ms/page for the baseline (``pdfplumber`` ``page.extract_text()`` over every page), for
``read_document(engine=...)`` with each engine (everything: parsing, reading order, clean-up,
sections, kind guess), and each as a ratio to the baseline.

    PYTHONPATH=. python benchmarks/speed_pdf.py [--data ../shared/data] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from skillgap import read_document
from skillgap.documents.pdf import ENGINES

DEFAULT_DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


def baseline(path: Path) -> int:
    """pdfplumber's own text extraction of every page; returns the page count."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def best_time(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = sorted((args.data / "resumes_pdf").glob("*.pdf"))
    pages = sum(baseline(f) for f in files)  # also warms caches and imports
    for engine in ENGINES:
        read_document(files[0], engine=engine)
    totals = {"pdfplumber extract_text (baseline)": 0.0, **{f"read_document engine={e}": 0.0 for e in ENGINES}}
    for f in files:
        totals["pdfplumber extract_text (baseline)"] += best_time(lambda f=f: baseline(f), args.runs)
        for e in ENGINES:
            totals[f"read_document engine={e}"] += best_time(lambda f=f, e=e: read_document(f, engine=e), args.runs)
    base = totals["pdfplumber extract_text (baseline)"]
    print(f"{len(files)} PDFs, {pages} pages, best of {args.runs} runs per file, one process")
    for name, seconds in totals.items():
        print(f"{name:40} {1000 * seconds / pages:8.1f} ms/page   {seconds / base:5.2f}x baseline")


if __name__ == "__main__":
    main()
