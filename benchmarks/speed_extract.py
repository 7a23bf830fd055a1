"""Extraction throughput as a ratio to tokenizing the same texts with ``spacy.blank("en")`` alone.

Texts: the distinct job descriptions of the Glassdoor dev postings and the DataTurks dev
résumés (already plain text, so no file reading is timed). Both systems run in this process,
interleaved, ``--runs`` times; the best run of each (in CPU time of this process, as the machine
is shared) is compared. Ratio = our docs/s divided by
the tokenizer's docs/s (1.0 would mean matching costs nothing). Aim: at least 0.5.
Run: ``PYTHONPATH=. python benchmarks/speed_extract.py [--taxonomy FILES] [--no-fuzzy]``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import spacy

from skillgap import Document, SkillExtractor, load_taxonomy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA  # noqa: E402  (the same data-folder lookup)


def texts(data: Path) -> tuple[list[str], int]:
    """The postings' and résumés' texts, and how many of them (first) are postings."""
    csv.field_size_limit(10_000_000)
    with open(data / "job_postings/glassdoor_ds_jobs__dev.csv", encoding="utf-8", newline="") as fh:
        postings = list(dict.fromkeys(row["Job Description"] for row in csv.DictReader(fh)))
    lines = (data / "skill_annotations/dataturks_resume_ner/traindata.json").read_text(encoding="utf-8").splitlines()
    resumes = [json.loads(line)["content"] for line in lines if line.strip()]
    return postings + resumes, len(postings)


def timed(fn) -> float:
    """CPU seconds of this process: the dev machine is shared, wall time swings with others' load."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--taxonomy", type=Path, nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-fuzzy", action="store_true")
    args = parser.parse_args(argv)
    corpus, n_postings = texts(args.data)
    chars = sum(map(len, corpus))
    documents = [Document(source=str(i), kind="posting" if i < n_postings else "resume", text=t) for i, t in enumerate(corpus)]
    t0 = time.perf_counter()
    extractor = SkillExtractor(load_taxonomy(*(args.taxonomy or ())), fuzzy=not args.no_fuzzy)
    build = time.perf_counter() - t0
    blank = spacy.blank("en")
    list(extractor.extract_many(documents[:20]))  # warm up both
    list(blank.pipe(corpus[:20]))
    timings = {"tokenize": [], "extract": []}
    for _ in range(args.runs):
        timings["tokenize"].append(timed(lambda: list(blank.pipe(corpus, batch_size=64))))
        timings["extract"].append(timed(lambda: list(extractor.extract_many(documents, batch_size=64))))
    tok, ext = min(timings["tokenize"]), min(timings["extract"])
    print(f"{len(corpus)} texts, {chars / 1e6:.2f} M chars; taxonomy {len(extractor.taxonomy)} skills; pipeline built in {build:.2f}s; fuzzy {'off' if args.no_fuzzy else 'on'}")
    print(f"  spacy.blank tokenize : {len(corpus) / tok:8.0f} docs/s  ({tok:.2f} CPU s, best of {args.runs})")
    print(f"  SkillExtractor       : {len(corpus) / ext:8.0f} docs/s  ({ext:.2f} CPU s, best of {args.runs})")
    print(f"  throughput ratio     : {tok / ext:.2f} (extraction / tokenizing alone; aim >= 0.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
