"""Extraction throughput as a ratio to tokenizing the same texts with ``spacy.blank("en")`` alone.

Texts: the distinct job descriptions of the Glassdoor dev postings and the DataTurks dev
résumés (already plain text, so no file reading is timed). Both systems run in this process,
interleaved, ``--runs`` times; the best run of each (in CPU time of this process, as the machine
is shared) is compared. Ratio = our docs/s divided by
the tokenizer's docs/s (1.0 would mean matching costs nothing). Aim: at least 0.5.
The warm extractor has scored every fuzzy candidate phrase before (its memo); a fresh one, on
the same warm pipeline, shows what texts never seen cost. The extractor verifies its matches
(the learned verifier, `skillgap.extract.verify`); an unverified one (``verify=False``) is timed
in the same runs beside it; the line after it gives the verifier's own cost (the difference) and
``--stages`` splits that cost by stage (`STAGES`, CPU best of the runs, the garbage collector's
share too): the stages of both extractors are timed in the same runs, so a change in the
verifier's cost shows apart from the machine's noise.
Run: ``PYTHONPATH=. python benchmarks/speed_extract.py [--taxonomy FILES] [--no-fuzzy] [--stages]``.

A speed change must not change a single output: ``--save-mentions FILE`` before it and
``--check-mentions FILE`` after it write / compare every mention (all fields) on the gold
postings and résumés and on the timed texts, and the verifier's probability of every candidate.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import functools
import gc
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import spacy

from skillgap import Document, SkillExtractor, load_taxonomy, read_document
from skillgap.extract import features, pipeline, verify

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


def all_mentions(extractor: SkillExtractor, data: Path, documents: list[Document]) -> list[list[list]]:
    """Every mention (all fields) of the gold postings and résumés and of ``documents``, per document;
    when verifying, each document's list ends with its candidates: skill, char span, probability."""
    gold = data / "gold"
    rows = [(gold, "posting", line) for line in (gold / "postings.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows += [(data, "resume", line) for line in (gold / "resumes.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [read_document(base / json.loads(line)["doc"], kind=kind) for base, kind, line in rows] + documents
    found = [[list(dataclasses.astuple(m)) for m in p.mentions] for p in extractor.extract_many(docs)]
    if extractor.verifier is not None:  # and the verifier's probability of every candidate, kept or dropped
        for doc, mentions in zip(docs, found):
            candidates = extractor.candidates(doc)
            probabilities = extractor.verifier.probabilities([f for *_, f in candidates]).tolist()
            mentions.append([[m.skill_id, start, end, p] for (m, start, end, _), p in zip(candidates, probabilities)])
    return found


def check_mentions(path: Path, found: list[list[list]]) -> int:
    """Compare with the mentions saved in ``path``; print and return how many documents differ."""
    saved, now = json.loads(path.read_text(encoding="utf-8")), json.loads(json.dumps(found))  # both as JSON lists
    differ = [i for i in range(max(len(saved), len(now))) if saved[i : i + 1] != now[i : i + 1]]
    print(f"mentions vs {path}: {len(found)} documents, {sum(map(len, found))} mentions, {len(differ)} documents differ" + (f" (first: {differ[:5]})" if differ else ""))
    return len(differ)


#: What ``--stages`` times: a label and the method (owner, name); the first four run only when verifying.
STAGES = (
    ("verifier: document values", pipeline._View, "features"),
    ("verifier: token arrays", features.FeatureBatch, "__init__"),
    ("verifier: feature rows", features.FeatureBatch, "rows"),
    ("verifier: probabilities", verify.VerifierModel, "row_probabilities"),
    ("rules + verifier (_verified_many)", pipeline.SkillExtractor, "_verified_many"),
    ("matches found (_found_many)", pipeline.SkillExtractor, "_found_many"),
)


class StageClock:
    """CPU seconds spent in each of `STAGES` and in the garbage collector, since the last `reset`."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._gc_start = 0.0
        for label, owner, name in STAGES:
            setattr(owner, name, self._timed(label, getattr(owner, name)))
        gc.callbacks.append(self._gc)

    def _timed(self, label: str, method):
        @functools.wraps(method)
        def run(*args, **kwargs):
            t0 = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                self.spent[label] = self.spent.get(label, 0.0) + time.process_time() - t0

        return run

    def _gc(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._gc_start = time.process_time()
        else:
            self.spent["garbage collector"] = self.spent.get("garbage collector", 0.0) + time.process_time() - self._gc_start

    def reset(self) -> dict[str, float]:
        """The seconds spent so far, per stage; the clock starts over."""
        spent, self.spent = self.spent, {}
        return spent


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
    parser.add_argument("--stages", action="store_true", help="time the verifier's stages and the garbage collector in both extractors")
    parser.add_argument("--save-mentions", type=Path, metavar="FILE", help="write every mention (gold documents + timed texts) to FILE")
    parser.add_argument("--check-mentions", type=Path, metavar="FILE", help="compare every mention with FILE; exit 1 when any differs")
    args = parser.parse_args(argv)
    corpus, n_postings = texts(args.data)
    chars = sum(map(len, corpus))
    documents = [Document(source=str(i), kind="posting" if i < n_postings else "resume", text=t) for i, t in enumerate(corpus)]
    t0 = time.perf_counter()
    extractor = SkillExtractor(load_taxonomy(*(args.taxonomy or ())), fuzzy=not args.no_fuzzy)
    build = time.perf_counter() - t0
    blank = spacy.blank("en")
    if args.save_mentions or args.check_mentions:
        found = all_mentions(extractor, args.data, documents)
        if args.save_mentions:
            args.save_mentions.write_text(json.dumps(found), encoding="utf-8")
            print(f"saved {sum(map(len, found))} mentions of {len(found)} documents to {args.save_mentions}")
        if args.check_mentions and check_mentions(args.check_mentions, found):
            return 1
    list(extractor.extract_many(documents))  # warm up both on every text: vocab entries and caches are made once
    list(blank.pipe(corpus))
    unverified = SkillExtractor(extractor.taxonomy, fuzzy=not args.no_fuzzy, verify=False)
    list(unverified.extract_many(documents))
    timings: dict[str, list[float]] = {"tokenize": [], "extract": [], "fresh": [], "unverified": []}
    clock = StageClock() if args.stages else None
    stages: dict[str, dict[str, float]] = {"extract": {}, "unverified": {}}
    for _ in range(args.runs):
        timings["tokenize"].append(timed(lambda: list(blank.pipe(corpus, batch_size=64))))
        for key, which in (("extract", extractor), ("unverified", unverified)):
            if clock is not None:
                clock.reset()
            timings[key].append(timed(lambda: list(which.extract_many(documents, batch_size=64))))  # noqa: B023 - called at once
            if clock is not None:
                stages[key] = {k: min(v, stages[key].get(k, v)) for k, v in clock.reset().items()}
        # a new extractor shares the warm pipeline but not the fuzzy memo: what unseen texts cost
        fresh = SkillExtractor(extractor.taxonomy, fuzzy=not args.no_fuzzy)
        timings["fresh"].append(timed(lambda: list(fresh.extract_many(documents, batch_size=64))))
    tok, ext, new, off = (min(timings[k]) for k in ("tokenize", "extract", "fresh", "unverified"))
    print(f"{len(corpus)} texts, {chars / 1e6:.2f} M chars; taxonomy {len(extractor.taxonomy)} skills; pipeline built in {build:.2f}s; fuzzy {'off' if args.no_fuzzy else 'on'}")
    print(f"  spacy.blank tokenize : {len(corpus) / tok:8.0f} docs/s  ({tok:.2f} CPU s, best of {args.runs})")
    print(f"  SkillExtractor       : {len(corpus) / ext:8.0f} docs/s  ({ext:.2f} CPU s, best of {args.runs})")
    print(f"  throughput ratio     : {tok / ext:.2f} (extraction / tokenizing alone; aim >= 0.5)")
    print(f"  verify=False         : {len(corpus) / off:8.0f} docs/s  ({off:.2f} CPU s, best of {args.runs}; ratio {tok / off:.2f})")
    print(f"  verifier's own cost  : {ext - off:8.2f} CPU s (with the verifier minus verify=False, best of {args.runs} each)")
    for label in dict.fromkeys([*stages["extract"], *stages["unverified"]]):
        on, unverified_s = stages["extract"].get(label, 0.0), stages["unverified"].get(label, 0.0)
        print(f"    {label:30s}: {on:6.3f} CPU s with the verifier, {unverified_s:6.3f} without (best of {args.runs})")
    print(f"  fresh extractor      : {len(corpus) / new:8.0f} docs/s  ({new:.2f} CPU s, best of {args.runs}; ratio {tok / new:.2f}: no phrase scored before)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
