"""How well do our gap scores rank jobs the way HR people do? (Vanetik vacancy-resume dataset)

For each of the 18 annotated CVs, two HR annotators ranked the same five developer vacancies
from best to worst fit. We score each CV against each vacancy (`compare`: the posting's
requirements, weighted) and rank the five vacancies by the report's score (coverage, 0-100) and
by its earned weight (sum of weight x credit, not divided by the job's size); a baseline in the
same run ranks them by the Jaccard overlap of the two texts' word sets, and a control ranks
them by the vacancy's total requirement weight alone, ignoring the CV. Printed: the Spearman
correlation with each annotator, averaged over CVs (higher is better; 0 = chance), the two
annotators' agreement, and the per-vacancy view (CVs ranked for each vacancy), where the
vacancy's size cancels out. This is the dev split (CVs 1-18); the held-out CVs are elsewhere.
Also printed: relevance (share of the CV's skills the vacancy uses) and fit (harmonic mean of
coverage and relevance), a seeded bootstrap over CVs of each difference to the baseline, a
second CV-blind control (how many skills the vacancy uses) and a CV-blind reference learnt
from the labels (each vacancy's mean place on the other CVs, same annotator).

What it shows (README, gap section): the labels hold each annotator's preference among the
vacancies, not a judgement of the CV. The CV-blind popularity reference reaches +0.69 / +0.37
while the annotators agree at +0.12; once the vacancies' popularity is taken out (per-vacancy
view) the annotators agree at -0.05, and every method sits within noise of 0. Methods that
grow with the vacancy's size (earned, and partly relevance) "beat" the baseline for that reason
alone. With 18 CVs, differences of a few hundredths are noise.

Reading of the annotation arrays: element i is the place (1 = best) the annotator gave to
vacancy i+1 (rows of 5_vacancies.csv in file order); the file's header says vacancies are
"ranked from the best (place 1 in the annotation array) to the worst (place 5)", and CV 9's
repeated value is then a tie. The other reading (element k names the vacancy at place k+1) is
printed too, so the conclusion does not hang on it.

Run: PYTHONPATH=. python benchmarks/ranking.py [--per-cv]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

from skillgap import SkillExtractor, load_taxonomy, read_document
from skillgap.gap import compare_prepared, prepare_job

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", ROOT.parent / "shared" / "data")) / "pairs" / "vanetik_vacancy_resume"


def load_rankings(path: Path) -> dict[str, dict[int, list[int]]]:
    """``{"annotator 1": {cv number: [5 values]}, ...}`` from the annotation file's two dict lines."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"ANNOTATOR_(\d)_RANKINGS = (\{.*\})\s*$", line)
        if m:
            out[f"annotator {m.group(1)}"] = {int(k): v for k, v in json.loads(m.group(2)).items()}
    return out


def places(array: list[int], reading: str) -> list[float] | None:
    """Place (1 = best) of vacancies 1..5 under one reading of an array; None if that reading cannot hold it."""
    if reading == "places":
        return [float(v) for v in array]
    if sorted(array) != [1, 2, 3, 4, 5]:
        return None  # "vacancy at place k" needs each vacancy exactly once
    place = {vacancy: k + 1 for k, vacancy in enumerate(array)}
    return [float(place[v]) for v in range(1, 6)]


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rho with average ranks for ties; 0.0 when either side is constant (no ranking at all)."""
    ra, rb = pd.Series(a).rank(), pd.Series(b).rank()
    if ra.nunique() < 2 or rb.nunique() < 2:
        return 0.0
    return float(ra.corr(rb))


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9+#.]*[a-z0-9+#]", text.lower()))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def popularity(by_cv: dict[int, list[float]], left_out: int) -> list[float]:
    """Minus each vacancy's mean place over the other CVs (higher = placed better): a CV-blind prior learnt from the labels."""
    others = [p for n, p in by_cv.items() if n != left_out]
    return [-statistics.mean(p[j] for p in others) for j in range(len(others[0]))]


def bootstrap_difference(ours: list[float], base: list[float]) -> tuple[float, float, float, float]:
    """Mean per-CV difference, its 95% percentile interval over CV resamples and the share of resamples above 0."""
    rng = random.Random(0)
    diffs = [a - b for a, b in zip(ours, base)]
    means = sorted(statistics.mean(rng.choices(diffs, k=len(diffs))) for _ in range(BOOTSTRAP))
    return statistics.mean(diffs), means[int(0.025 * BOOTSTRAP)], means[int(0.975 * BOOTSTRAP) - 1], sum(m > 0 for m in means) / BOOTSTRAP


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-cv", action="store_true", help="print every CV's scores")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"dataset not found at {DATA} (set SKILLGAP_SHARED_DATA)", file=sys.stderr)
        return 2

    with (DATA / "5_vacancies.csv").open(encoding="utf-8") as f:
        vacancies = list(csv.DictReader(f))
    rankings = load_rankings(DATA / "annotations_cv01-18.txt")
    cv_numbers = sorted(next(iter(rankings.values())))

    t0 = time.perf_counter()
    taxonomy = load_taxonomy()
    extractor = SkillExtractor(taxonomy)
    jobs = [prepare_job(read_document(v["job_description"], kind="posting"), extractor=extractor) for v in vacancies]
    t_jobs = time.perf_counter() - t0

    # method -> CV -> one value per vacancy (higher = better fit)
    methods: dict[str, dict[int, list[float]]] = {name: {} for name in METHODS}
    t_ours = t_base = 0.0
    vacancy_words = [words(v["job_description"]) for v in vacancies]
    for n in cv_numbers:
        doc = read_document(DATA / "CV" / f"{n}.docx")
        t = time.perf_counter()
        profile = extractor.extract(doc)
        reports = [compare_prepared(profile, job) for job in jobs]
        t_ours += time.perf_counter() - t
        methods["ours: gap score"][n] = [r.score for r in reports]
        methods["ours: relevance"][n] = [r.relevance for r in reports]
        methods["ours: fit"][n] = [r.fit for r in reports]
        methods["ours: earned"][n] = [r.earned for r in reports]
        t = time.perf_counter()
        cv_words = words(doc.text)
        methods["baseline: Jaccard"][n] = [jaccard(cv_words, vw) for vw in vacancy_words]
        t_base += time.perf_counter() - t
        methods["control: job size"][n] = [sum(r.weight for r in job.requirements) for job in jobs]
        methods["control: skills used"][n] = [float(len(job.uses)) for job in jobs]

    print(f"Vanetik vacancy-resume dataset (dev): {len(cv_numbers)} CVs x {len(jobs)} vacancies, 2 HR annotators")
    for v, job in zip(vacancies, jobs):
        req = sum(r.importance == "required" for r in job.requirements)
        print(f"  vacancy {v['id']:>3} {v['job_title'][:45]:<45} {len(job.requirements):>3} requirements ({req} required)")
    print(f"time: pipeline built and vacancies prepared in {t_jobs:.2f}s; 18 CVs x 5 vacancies scored in {t_ours:.2f}s "
          f"ours vs {t_base:.3f}s baseline ({t_ours / t_base:.0f}x; DOCX reading excluded from both)")
    print()
    print("mean Spearman rho over CVs, ranking the 5 vacancies for each CV (1 = the annotator's order, 0 = chance)")
    for reading in ("places", "order"):
        label = "element i = place of vacancy i (primary)" if reading == "places" else "element k = vacancy at place k (alternative)"
        print(f"  reading: {label}")
        gold = {name: {n: p for n in cv_numbers if (p := places(table[n], reading)) is not None} for name, table in rankings.items()}
        both = [n for n in cv_numbers if all(n in by_cv for by_cv in gold.values())]
        # method -> CV -> rho averaged over the annotators (the unit the bootstrap resamples)
        per_cv = {}
        for method, values in methods.items():
            rhos = {name: {n: spearman(values[n], [-x for x in p]) for n, p in by_cv.items()} for name, by_cv in gold.items()}
            means = [statistics.mean(r.values()) for r in rhos.values()]
            per_cv[method] = [statistics.mean(r[n] for r in rhos.values()) for n in both]
            print(f"    {method:<20} " + "   ".join(f"{name} {m:+.3f}" for name, m in zip(gold, means)) + f"   mean {statistics.mean(means):+.3f}")
        print(f"    difference to the baseline (mean over both annotators), bootstrap over the {len(both)} CVs ({BOOTSTRAP:,} resamples, seed 0):")
        for method in methods:
            if method.startswith("ours"):
                diff, lo, hi, share = bootstrap_difference(per_cv[method], per_cv["baseline: Jaccard"])
                print(f"      {method:<18} {diff:+.3f}  95% interval [{lo:+.3f}, {hi:+.3f}]  ahead in {share:.0%} of resamples")
        (a, first), (b, second) = gold.items()
        agreement = statistics.mean(spearman(first[n], second[n]) for n in both)
        print(f"    {'reference: ' + a + ' vs ' + b:<20} {agreement:+.3f} (agreement between the annotators, n={len(both)} CVs)")
        popular = [statistics.mean(spearman(popularity(by_cv, n), [-x for x in p]) for n, p in by_cv.items()) for by_cv in gold.values()]
        print(f"    {'reference: popularity':<20} " + "   ".join(f"{name} {m:+.3f}" for name, m in zip(gold, popular))
              + "   (CV-blind: each vacancy's mean place from the same annotator on the other CVs)")
        print("    per vacancy instead (rank the CVs for each vacancy by score and by the place they gave it; job size cancels out):")
        for method in ("ours: gap score", "ours: relevance", "ours: fit", "baseline: Jaccard"):
            values = methods[method]
            means = []
            for by_cv in gold.values():
                ns = list(by_cv)
                means.append(statistics.mean(spearman([values[n][j] for n in ns], [-by_cv[n][j] for n in ns]) for j in range(len(jobs))))
            print(f"      {method:<18} " + "   ".join(f"{name} {m:+.3f}" for name, m in zip(gold, means)) + f"   mean {statistics.mean(means):+.3f}")
        agreement = statistics.mean(spearman([first[n][j] for n in both], [second[n][j] for n in both]) for j in range(len(jobs)))
        print(f"      {'reference: agreement':<18} {agreement:+.3f} (annotator 1 vs annotator 2 in this view)")
    print()
    print("ours: gap score = 100 * sum(weight * credit) / sum(weight), the report's score; ours: earned = sum(weight * credit)")
    print("(the same order as the score when ranking candidates for one job; differs across jobs of different size);")
    print("ours: relevance = share of the CV's distinct skills the vacancy uses; ours: fit = harmonic mean of score/100 and relevance;")
    print("control: job size = sum of the vacancy's requirement weights, control: skills used = how many skills the vacancy")
    print("uses (asked, implying or sibling: relevance's numerator grows with it); both the same for every CV (the CV is ignored).")
    if args.per_cv:
        print()
        for n in cv_numbers:
            cells = "  ".join(f"{m.split(': ')[1]} {[round(x, 2) for x in values[n]]}" for m, values in methods.items() if not m.startswith("control"))
            print(f"  CV {n:>2}: {cells}  " + "  ".join(f"{name} {table[n]}" for name, table in rankings.items()))
    return 0


METHODS = ("ours: gap score", "ours: relevance", "ours: fit", "ours: earned", "baseline: Jaccard", "control: job size", "control: skills used")
BOOTSTRAP = 10_000


if __name__ == "__main__":
    raise SystemExit(main())
