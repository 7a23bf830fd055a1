"""Do skillgap's rankings agree with recruiters? FERR (candidates for a job) and Vanetik (jobs for a candidate).

Two human-labelled development sets (three views), outside the repository (``../shared/data/pairs``):

- FERR HR relevance (``ferr_hr_relevance``, see its USING.md): 30 jobs, 7-10 livecareer résumés each,
  graded 1-7 by one HR professional per job. The release has no job text: a job is its skill
  keywords (``jobs.csv``), given to skillgap as a one-line posting. Three withheld résumés are skipped.
- Vanetik & Kogan (``vanetik_vacancy_resume``): 18 developer CVs, each with the 5 vacancies ranked
  by two HR annotators (element i of an array is the place, 1 = best, of vacancy i). A CV's
  ranking is judged against each annotator and the two figures averaged.
- FERR by résumé (`ferr_by_resume_units`): FERR's grades read the other way, for the direction
  Vanetik measures: each résumé graded under two or more jobs of one split part (with different
  grades) ranks those jobs. Each job had its own rater, so it is small and noisy (9 tuning rankings).

Per ranking (a FERR job, a Vanetik CV, a FERR résumé): NDCG@10 with gain = grade - lowest grade of that ranking,
tie-aware (tied scores share their positions' mean gain), and Spearman's rho (average ranks;
a constant ranking scores 0); averaged over rankings. Methods, all in the same run: skillgap's
default ranking (the match model with the shipped weights, `skillgap.match`), each of its parts
alone (the lexical part at the fitted BM25 b, query words weighed by their count), the weights
shipped two fits ago (`PREVIOUS`, on today's parts), today's coverage score (``report.score``), plain
BM25 (the baseline: b 0.75, each query word once) and TF-IDF cosine of the query text
against the documents of the same ranking, the ranked document's length, and random (the
mean over 200 seeded shuffles). Each part of the split (`benchmarks.splits`: FERR jobs and
Vanetik CVs alternating by file order, first = tuning) is reported separately, with a paired
bootstrap (10,000 resamples of the rankings, seed 0) of every method's difference to BM25.
Every document is read and its skills extracted once per run. When every ranking ranks the same
items (Vanetik's 5 vacancies), each method's Spearman is also split in two (`item_effects`): the
items' mean scores against their mean grades (a fixed order of the vacancies, the same for every
CV) and each ranking's deviations from the other rankings' means (which vacancy suits which CV).

``--perturb P`` adds a label-free check of robustness to small extraction changes (`stability`):
every extracted mention is dropped with probability P (5 seeds), the rankings are rebuilt, and each
ranking's match scores are compared with its own clean scores (Spearman; 1 = unmoved), for the
shipped weights and for the same weights without the skill parts' evidence (`MatchWeights.skills_evidence`);
the 21 unannotated dev CVs of Vanetik's release rank the vacancies there too (no labels needed).

Run: PYTHONPATH=. python benchmarks/ranking.py [--speed] [--part tuning] [--brief] [--perturb 0.1]
(``--part tuning --brief``: one line per set, the check for a change elsewhere, e.g. extraction).
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import math
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from benchmarks.splits import PARTS, ferr_job_parts, vanetik_cv_parts
from skillgap import SkillExtractor, load_taxonomy, match_jobs, rank_candidates, read_document
from skillgap.documents.model import Document
from skillgap.extract.model import SkillProfile
from skillgap.gap import PreparedJob, compare_prepared, prepare_job
from skillgap.lexical import Bm25, LexicalIndex, relative, words
from skillgap.match import PARTS as MATCH_PARTS
from skillgap.match import MatchWeights, average_ranks, combine, default_weights, education_part, experience_part, lexical_params, rank_normalise, skills_earned, skills_share
from skillgap.titles import candidate_titles, title_similarity

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SKILLGAP_SHARED_DATA", ROOT.parent / "shared" / "data"))
FERR = DATA / "pairs" / "ferr_hr_relevance"
VANETIK = DATA / "pairs" / "vanetik_vacancy_resume"
#: FERR résumés other evaluation sets use (USING.md): their rows are skipped.
WITHHELD = frozenset({"12472574", "25187733", "11773925"})
BOOTSTRAP = 10_000
#: The weights shipped two fits ago (six-part full grid, raw scale, BM25's b 0.75), on today's parts, for comparison in the same run.
PREVIOUS = MatchWeights(skills=1, relevance=2, experience=1, education=2, title=1, lexical=2, saturation=8)
RANDOM_RUNS = 200
#: Seeds of the stability check (`stability`), one perturbed extraction each.
STABILITY_SEEDS = range(5)
#: The label-free check's name for the unannotated Vanetik CVs (`vanetik_unlabelled_units`).
UNLABELLED = "Vanetik unlabelled CVs"
#: The baseline the target names: plain BM25 of the query text (Lucene's, query words counted once, b 0.75).
BASELINE = "BM25 (plain, the baseline)"


@dataclass
class Pair:
    """One (job, candidate) pair of a human ranking: the figures every method is built from."""

    earned: float  # the skills part's credit (`skillgap.match.skills_earned`)
    possible: float
    coverage: float  # report.score / 100
    relevance: float  # the relevance part's (`GapReport.depth_relevance`)
    experience: float
    education: float
    title: float
    length: int
    text: str = field(repr=False)


@dataclass
class Unit:
    """One human ranking: a FERR job's candidates or a Vanetik CV's vacancies, with the grades (higher = better)."""

    dataset: str
    key: str
    part: str
    query: str = field(repr=False)
    pairs: list[Pair]
    grades: list[list[float]]  # one list per annotator, aligned with pairs
    lexical: np.ndarray = field(init=False, repr=False)  # plain BM25 (k1 1.2, b 0.75, Lucene's: query words counted once), the baseline
    library: list[float] = field(init=False, repr=False)  # the match scores skillgap.rank / match_jobs give
    tfidf: np.ndarray = field(init=False, repr=False)
    _bm25: dict[float, np.ndarray] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.lexical = self._scores(Bm25())
        self.tfidf = tfidf_cosine(self.query, [p.text for p in self.pairs])

    def bm25(self, b: float) -> np.ndarray:
        """The match model's lexical part at length normalisation ``b`` (`skillgap.match.lexical_params`)."""
        if b not in self._bm25:
            self._bm25[b] = self._scores(lexical_params(b))
        return self._bm25[b]

    def _scores(self, params: Bm25) -> np.ndarray:
        """BM25 with ``params`` of the query over the ranking's texts, over the best of them."""
        index = LexicalIndex(self.query, params)
        for p in self.pairs:
            index.add(p.text)
        return relative(index.scores())


# ------------------------------------------------------------------------------------------
# metrics


def spearman(scores: np.ndarray, grades: np.ndarray) -> float:
    """Spearman's rho; NaN when the grades are all equal, 0 when the scores are (no ranking at all)."""
    if np.ptp(grades) == 0:
        return math.nan
    if np.ptp(scores) == 0:
        return 0.0
    a, b = average_ranks(scores), average_ranks(grades)
    return float(np.corrcoef(a, b)[0, 1])


def ndcg(scores: np.ndarray, grades: np.ndarray, k: int = 10) -> float:
    """Tie-aware NDCG@k with gain = grade - min grade; NaN when every grade is the same."""
    gains = grades - grades.min()
    discounts = 1.0 / np.log2(np.arange(2, len(gains) + 2))
    discounts[k:] = 0.0
    ideal = float(np.sort(gains)[::-1] @ discounts)
    if ideal == 0:
        return math.nan
    order = np.argsort(-scores, kind="stable")
    got = np.empty(len(gains))
    s, g = scores[order], gains[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        got[i : j + 1] = g[i : j + 1].mean()  # tied items share their positions' mean gain
        i = j + 1
    return float(got @ discounts) / ideal


def judged(unit: Unit, scores: np.ndarray) -> tuple[float, float]:
    """(NDCG@10, Spearman) of one ranking, the mean over its annotators."""
    figures = [(ndcg(scores, np.asarray(g)), spearman(scores, np.asarray(g))) for g in unit.grades]
    return float(np.nanmean([f[0] for f in figures])), float(np.nanmean([f[1] for f in figures]))


# ------------------------------------------------------------------------------------------
# methods


def tfidf_cosine(query: str, texts: list[str]) -> np.ndarray:
    """Cosine of sublinear TF-IDF vectors (idf = ln((1 + N) / (1 + df)) + 1, over the ranked texts) to the query's."""
    counts = [Counter(words(t)) for t in texts]
    df = Counter(w for c in counts for w in c)
    n = len(texts)

    def vector(c: Counter) -> dict[str, float]:
        v = {w: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    q = vector(Counter(w for w in words(query) if w in df))
    return np.asarray([sum(q.get(w, 0.0) * x for w, x in vector(c).items()) for c in counts])


def part_values(unit: Unit, saturation: float, b: float = Bm25().b, prior: float = 0.0) -> dict[str, np.ndarray]:
    """Each match part's value for every pair of a ranking (lexical: BM25 with length normalisation ``b``;
    skills: `skillgap.match.skills_share` with ``saturation`` and ``prior``)."""
    skills = [skills_share(p.earned, p.possible, saturation, prior) if p.possible else math.nan for p in unit.pairs]
    relevance = [p.relevance if p.possible else math.nan for p in unit.pairs]
    return {
        "skills": np.asarray(skills),
        "relevance": np.asarray(relevance),
        "experience": np.asarray([p.experience for p in unit.pairs]),
        "education": np.asarray([p.education for p in unit.pairs]),
        "title": np.asarray([p.title for p in unit.pairs]),
        "lexical": unit.bm25(b),
    }


def match_scores(unit: Unit, weights: MatchWeights) -> np.ndarray:
    """The default ranking's scores: the match formula over the parts (`skillgap.match.combine`), on the weights' scale."""
    values = part_values(unit, weights.saturation, weights.lexical_b, weights.skills_prior)
    table = np.column_stack([values[p] for p in MATCH_PARTS])
    if weights.scale == "rank":
        table = rank_normalise(table)
    out = np.asarray([combine(dict(zip(MATCH_PARTS, map(float, row))), weights, p.possible) for row, p in zip(table, unit.pairs)])
    return np.round(np.nan_to_num(out, nan=0.0), 9)  # equal sums in another order are ties, as in fit_match's `combined`


def methods(weights: MatchWeights) -> dict[str, object]:
    """Method name -> function(unit) -> scores (higher = better), or None for random (handled apart)."""
    def part(name: str):
        return lambda u: np.nan_to_num(part_values(u, weights.saturation, weights.lexical_b, weights.skills_prior)[name], nan=0.0)

    return {
        "skillgap (match model)": lambda u: match_scores(u, weights),
        **{f"  part: {name}": part(name) for name in MATCH_PARTS if name != "lexical"},
        "  part: lexical": part("lexical"),
        BASELINE: lambda u: u.lexical,
        "previous weights": lambda u: match_scores(u, PREVIOUS),
        "today's score (coverage)": lambda u: np.asarray([p.coverage for p in u.pairs]),
        "TF-IDF cosine": lambda u: u.tfidf,
        "length of the ranked text": lambda u: np.asarray([float(p.length) for p in u.pairs]),
        "random (mean of 200 seeds)": None,
    }


def random_figures(unit: Unit) -> tuple[float, float]:
    rng = np.random.default_rng(0)
    figures = [judged(unit, rng.permutation(len(unit.pairs)).astype(float)) for _ in range(RANDOM_RUNS)]
    return float(np.mean([f[0] for f in figures])), float(np.mean([f[1] for f in figures]))


# ------------------------------------------------------------------------------------------
# data


class Reader:
    """Reads and extracts each document once per run."""

    def __init__(self) -> None:
        self.taxonomy = load_taxonomy()
        self.extractor = SkillExtractor(self.taxonomy)
        self._profiles: dict[str, SkillProfile] = {}

    def profile(self, key: str, source: Path | str, kind: str) -> SkillProfile:
        if key not in self._profiles:
            doc = read_document(source, kind=kind)
            if isinstance(source, str):
                doc = Document(source=key, kind=doc.kind, text=doc.text, pages=doc.pages, sections=doc.sections, format=doc.format, warnings=doc.warnings)
            self._profiles[key] = self.extractor.extract(doc)
        return self._profiles[key]


def pair(prepared: PreparedJob, candidate: SkillProfile, ranked: SkillProfile) -> Pair:
    """The figures of one pair; ``ranked`` is the side being ranked (its text and length)."""
    report = compare_prepared(candidate, prepared)
    title, _ = title_similarity(prepared.title, candidate_titles(candidate.document, candidate.career))
    return Pair(
        earned=skills_earned(report),
        possible=report.possible,
        coverage=report.score / 100.0,
        relevance=report.depth_relevance,
        experience=experience_part(report, prepared.asks).value,
        education=education_part(report, prepared.asks).value,
        title=title,
        length=len(words(ranked.document.text)),
        text=ranked.document.text,
    )


def ferr_grades() -> dict[str, dict[str, float]]:
    """FERR's grades, ``{jd_id: {resume_id: grade}}`` in file order (withheld résumés skipped)."""
    grades: dict[str, dict[str, float]] = {}
    with (FERR / "label_interaction.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["resume_id"] not in WITHHELD:
                grades.setdefault(row["jd_id"], {})[row["resume_id"]] = float(row["score"])
    return grades


@functools.lru_cache(maxsize=1)
def ferr_job_texts() -> dict[str, str]:
    """Each FERR job's text: its skill keywords (``jobs.csv``) as one line, the release having no job text."""
    with (FERR / "jobs.csv").open(encoding="utf-8", newline="") as handle:
        return {row["jd_id"]: ", ".join(k.strip() for k in row["keywords"].split("|") if k.strip()) for row in csv.DictReader(handle)}


def ferr_posting(reader: Reader, jd: str) -> SkillProfile:
    """A FERR job as skillgap reads it: `ferr_job_texts` as a one-line posting."""
    return reader.profile(f"ferr-job-{jd}", ferr_job_texts()[jd], "posting")


def ferr_resume(reader: Reader, rid: str) -> SkillProfile:
    """A FERR résumé (its livecareer PDF)."""
    return reader.profile(rid, FERR / "resumes" / f"{rid}.pdf", "resume")


def ferr_units(reader: Reader, only: tuple[str, ...] = PARTS) -> list[Unit]:
    """One unit per FERR dev job of the split parts ``only``: its graded résumés (withheld ones skipped)."""
    parts = {jd: part for jd, part in ferr_job_parts(DATA).items() if part in only}
    grades = ferr_grades()
    units = []
    for jd, part in parts.items():
        posting = ferr_posting(reader, jd)
        prepared = prepare_job(posting)
        resumes = [ferr_resume(reader, rid) for rid in grades[jd]]
        pairs = [pair(prepared, r, r) for r in resumes]
        unit = Unit("FERR", jd, part, posting.document.text, pairs, [list(grades[jd].values())])
        unit.library = [r.match.score for r in rank_candidates(resumes, prepared, extractor=reader.extractor).results]
        units.append(unit)
    return units


def ferr_by_resume_units(reader: Reader, only: tuple[str, ...] = PARTS) -> list[Unit]:
    """FERR's labels read the other way (jobs for a candidate): one unit per résumé graded under at
    least two jobs of the same split part, with grades that differ, ranking those jobs for it (the
    résumé's text the query, `skillgap.match_jobs` as the library ranks). Each job had its own rater,
    so a résumé's grades under two jobs are two raters' scales: a small, noisy second yardstick of
    the direction Vanetik measures (9 tuning rankings of 2-3 jobs)."""
    parts = ferr_job_parts(DATA)
    by_resume: dict[tuple[str, str], dict[str, float]] = {}
    for jd, graded in ferr_grades().items():
        if parts[jd] in only:
            for rid, grade in graded.items():
                by_resume.setdefault((parts[jd], rid), {})[jd] = grade
    units = []
    for (part, rid), grades in by_resume.items():
        if len(set(grades.values())) < 2:
            continue
        resume = ferr_resume(reader, rid)
        postings = [ferr_posting(reader, jd) for jd in grades]
        pairs = [pair(prepare_job(p), resume, p) for p in postings]
        unit = Unit("FERR by résumé", rid, part, resume.document.text, pairs, [list(grades.values())])
        unit.library = [r.match.score for r in match_jobs(resume, postings, extractor=reader.extractor).results]
        units.append(unit)
    return units


def vanetik_postings(reader: Reader) -> list[tuple[SkillProfile, PreparedJob]]:
    """The 5 vacancies every Vanetik CV is ranked against, in file order (title line, then description), each prepared once."""
    with (VANETIK / "5_vacancies.csv").open(encoding="utf-8", newline="") as handle:
        postings = [reader.profile(f"vacancy-{v['id']}", f"{v['job_title']}\n{v['job_description']}", "posting") for v in csv.DictReader(handle)]
    return [(p, prepare_job(p)) for p in postings]


def vanetik_unit(reader: Reader, key: str, source: Path, part: str, grades: list[list[float]], jobs: list[tuple[SkillProfile, PreparedJob]]) -> Unit:
    """One CV's ranking of the vacancies (``grades`` per annotator, none for an unlabelled CV), with the scores `match_jobs` gives."""
    cv = reader.profile(f"cv-{key}", source, "resume")
    unit = Unit("Vanetik", key, part, cv.document.text, [pair(job, cv, p) for p, job in jobs], grades)
    unit.library = [r.match.score for r in match_jobs(cv, [p for p, _ in jobs], extractor=reader.extractor).results]
    return unit


def vanetik_units(reader: Reader, only: tuple[str, ...] = PARTS) -> list[Unit]:
    """One unit per Vanetik CV of the split parts ``only``: the 5 vacancies, graded 6 - place by each annotator."""
    jobs = vanetik_postings(reader)
    annotations = {}
    for line in (VANETIK / "annotations_cv01-18.txt").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"ANNOTATOR_(\d)_RANKINGS = (\{.*\})\s*$", line):
            annotations[m.group(1)] = {int(k): v for k, v in json.loads(m.group(2)).items()}
    return [vanetik_unit(reader, str(n), VANETIK / "CV" / f"{n}.docx", part, [[6.0 - place for place in by_cv[n]] for by_cv in annotations.values()], jobs)
            for n, part in vanetik_cv_parts().items() if part in only]


def vanetik_unlabelled_units(reader: Reader) -> list[Unit]:
    """One unit per unannotated Vanetik CV (``CV_unannotated``, 21 dev CVs): the 5 vacancies ranked for it, no grades.
    Only the label-free stability check reads them (`stability`): 21 more rankings of the jobs-for-a-candidate direction."""
    paths = sorted((VANETIK / "CV_unannotated").glob("*.docx"), key=lambda path: int(path.stem))
    jobs = vanetik_postings(reader)
    return [vanetik_unit(reader, path.stem, path, "unlabelled", [], jobs) for path in paths]


# ------------------------------------------------------------------------------------------
# report


def bootstrap(diffs: np.ndarray) -> tuple[float, float]:
    """95 % percentile interval of the mean of paired differences over resampled rankings (seed 0)."""
    rng = np.random.default_rng(0)
    means = diffs[rng.integers(0, len(diffs), size=(BOOTSTRAP, len(diffs)))].mean(axis=1)
    return float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975))


def figures(units: list[Unit], weights: MatchWeights) -> dict[str, np.ndarray]:
    """Method -> array (rankings x 2: NDCG@10, Spearman)."""
    out = {}
    for name, method in methods(weights).items():
        out[name] = np.asarray([random_figures(u) if method is None else judged(u, method(u)) for u in units])
    return out


def shared_items(units: list[Unit]) -> bool:
    """Whether every ranking ranks the same items in the same order (Vanetik: each CV, the same 5 vacancies)."""
    return len(units) > 2 and all([p.text for p in u.pairs] == [p.text for p in units[0].pairs] for u in units)


def item_effects(units: list[Unit], method) -> tuple[float, float]:
    """For rankings of the same items: (Spearman of the items' mean scores with their mean grades,
    mean Spearman over rankings of each score's and each grade's deviation from that item's mean
    over the *other* rankings). The first is what a method earns by ordering the items the same
    way whoever asks (a vacancy every annotator likes); the second whether it tells which item
    suits which ranking (the part of a match that can carry over to other items)."""
    scores = np.asarray([method(u) for u in units], dtype=float)
    grades = np.asarray([np.mean(u.grades, axis=0) for u in units])
    def others(m: np.ndarray) -> np.ndarray:  # each ranking's items' mean over the other rankings
        return (m.sum(axis=0) - m) / (len(units) - 1)

    within = [spearman(s, g) for s, g in zip(scores - others(scores), grades - others(grades))]
    return spearman(scores.mean(axis=0), grades.mean(axis=0)), float(np.nanmean(within))


def print_table(title: str, units: list[Unit], weights: MatchWeights) -> None:
    table = figures(units, weights)
    shared = shared_items(units)
    base = table[BASELINE]
    refused = sum(all(not p.possible for p in u.pairs) for u in units)
    print(f"{title}: {len(units)} rankings ({refused} with no taxonomy skill in the job: ranked on the other parts)")
    print(f"  {'method':<30} {'NDCG@10':>8} {'Spearman':>9}   minus BM25, 95 % bootstrap interval (NDCG | Spearman)"
          + ("   ρ item means | ρ within items" if shared else ""))
    every = methods(weights)
    for name, values in table.items():
        nd, rho = np.nanmean(values, axis=0)
        line = f"  {name:<30} {nd:8.3f} {rho:+9.3f}"
        if name != BASELINE:
            cells = []
            for col in (0, 1):
                diffs = values[:, col] - base[:, col]
                diffs = diffs[~np.isnan(diffs)]
                lo, hi = bootstrap(diffs)
                cells.append(f"{diffs.mean():+.3f} [{lo:+.3f}, {hi:+.3f}]")
            line += "   " + " | ".join(cells)
        if shared and every[name] is not None:
            line = f"{line:<116}" + "   {:+.2f} | {:+.3f}".format(*item_effects(units, every[name]))
        print(line)


def brief_line(title: str, units: list[Unit], weights: MatchWeights) -> str:
    """One line for a set and part: the match's and plain BM25's mean (NDCG@10, Spearman), the
    margins, and the lexical part alone (the check other changes report their ranking effect with)."""
    match = np.nanmean([judged(u, match_scores(u, weights)) for u in units], axis=0)
    base = np.nanmean([judged(u, u.lexical) for u in units], axis=0)
    lexical = np.nanmean([judged(u, u.bm25(weights.lexical_b)) for u in units], axis=0)
    return (f"{title} ({len(units)}): match {match[0]:.3f} / {match[1]:+.3f}, BM25 {base[0]:.3f} / {base[1]:+.3f}, "
            f"margin {match[0] - base[0]:+.3f} / {match[1] - base[1]:+.3f}; lexical part {lexical[0]:.3f} / {lexical[1]:+.3f}")


def drop_mentions(profiles: dict[str, SkillProfile], p: float, seed: int) -> dict[str, SkillProfile]:
    """Every profile with each of its mentions dropped with probability ``p`` (seeded; the career read
    from the text is kept): what an extraction change that finds fewer mentions does."""
    rng = np.random.default_rng(seed)
    out = {}
    for key, profile in profiles.items():
        kept = replace(profile, mentions=tuple(m for m in profile.mentions if rng.random() >= p))
        kept.__dict__["career"] = profile.career  # the same text: its career, cached, as it was
        out[key] = kept
    return out


def all_units(reader: Reader, only: tuple[str, ...]) -> dict[str, list[Unit]]:
    """Every set's units of the split parts ``only``: FERR (candidates for a job), Vanetik and FERR by résumé (jobs for a candidate)."""
    return {"FERR": ferr_units(reader, only), "Vanetik": vanetik_units(reader, only), "FERR by résumé": ferr_by_resume_units(reader, only)}


def perturbed(reader: Reader, only: tuple[str, ...], p: float, build: Callable[[Reader, tuple[str, ...]], dict[str, list[Unit]]] | None = None) -> Iterator[dict[str, list[Unit]]]:
    """For each seed of `STABILITY_SEEDS`, every set's units (``build``, default `all_units`) rebuilt from the reader's
    profiles with mentions dropped (`drop_mentions`); the reader's clean profiles are back when the loop ends."""
    clean = reader._profiles
    try:
        for seed in STABILITY_SEEDS:
            reader._profiles = drop_mentions(clean, p, seed)
            yield (build or all_units)(reader, only)
    finally:
        reader._profiles = clean


def stability(reader: Reader, units: dict[str, list[Unit]], only: tuple[str, ...], weights: MatchWeights, p: float) -> None:
    """Label-free: per set (and the unannotated Vanetik CVs, `vanetik_unlabelled_units`), the mean over seeds and
    rankings of Spearman between each ranking's match scores on perturbed profiles (`drop_mentions`) and on the
    clean ones, with and without the skill parts' evidence."""
    variants = {"shipped": weights, "without skills evidence": replace(weights, skills_evidence=0.0)}
    units = {**units, UNLABELLED: vanetik_unlabelled_units(reader)}
    rhos: dict[tuple[str, str], list[float]] = {}
    for moved in perturbed(reader, only, p, lambda r, o: {**all_units(r, o), UNLABELLED: vanetik_unlabelled_units(r)}):
        for dataset, found in units.items():
            for name, w in variants.items():
                for before, after in zip(found, moved[dataset]):
                    base = match_scores(before, w)
                    if np.ptp(base):
                        rhos.setdefault((dataset, name), []).append(spearman(match_scores(after, w), base))
    print(f"stability: each mention dropped with probability {p:g}, {len(STABILITY_SEEDS)} seeds; mean Spearman of each ranking with its clean self ("
          + ", ".join(only) + "): " + "; ".join(f"{d} " + ", ".join(f"{n} {np.mean(rhos[d, n]):.3f}" for n in variants) for d in units))


def speed(reader: Reader, n: int = 1000) -> None:
    """``rank`` of n résumés (FERR texts cycled, already read) against one posting, against today's scoring alone."""
    from skillgap.batch import ranking_frame, score_candidates
    from skillgap import rank

    documents = [p.document for key, p in reader._profiles.items() if not key.startswith(("ferr-job", "vacancy", "cv-"))]
    batch = [documents[i % len(documents)] for i in range(n)]
    job = next(p for key, p in reader._profiles.items() if key.startswith("vacancy")).document
    timings: dict[str, list[float]] = {"today (coverage only)": [], "rank (match model)": []}
    for _ in range(3):
        t = time.process_time()
        ranking_frame(score_candidates(batch, job, extractor=reader.extractor))
        timings["today (coverage only)"].append(time.process_time() - t)
        t = time.process_time()
        rank(batch, job, extractor=reader.extractor)
        timings["rank (match model)"].append(time.process_time() - t)
    best = {k: min(v) for k, v in timings.items()}
    print(f"speed: {n} résumés (read already) against one posting, best of 3 CPU s: "
          + ", ".join(f"{k} {v:.2f}" for k, v in best.items())
          + f"; ratio {best['rank (match model)'] / best['today (coverage only)']:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speed", action="store_true", help="also time rank of 1,000 résumés against today's scoring")
    parser.add_argument("--part", choices=PARTS, action="append", help="only this part of the split (tuning while tuning)")
    parser.add_argument("--brief", action="store_true", help="one line per set and part (match, BM25, margins, lexical part) instead of the tables")
    parser.add_argument("--perturb", type=float, metavar="P", help="also the label-free stability check: drop each mention with probability P")
    args = parser.parse_args()
    if not (FERR.is_dir() and VANETIK.is_dir()):
        print(f"datasets not found under {DATA / 'pairs'} (set SKILLGAP_SHARED_DATA)", file=sys.stderr)
        return 2
    t = time.perf_counter()
    reader = Reader()
    only = tuple(args.part or PARTS)
    units = all_units(reader, only)
    print(f"read and scored in {time.perf_counter() - t:.1f}s; weights: {default_weights()}")
    weights = default_weights()
    for found in units.values():  # the benchmark's formula is what the library ranks by
        for u in found:
            assert np.allclose(match_scores(u, weights), np.nan_to_num(u.library, nan=0.0)), (u.dataset, u.key)
    for dataset, found in units.items():
        for part in only:
            title, mine = f"{dataset}, {part} part", [u for u in found if u.part == part]
            if args.brief:
                print(brief_line(title, mine, weights))
            else:
                print_table(title, mine, weights)
                print()
    if args.perturb is not None:
        stability(reader, units, only, weights, args.perturb)
    if args.speed:
        speed(reader)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
