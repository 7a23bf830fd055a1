"""The match model: the parts of a match a recruiter recognises, each with its evidence, and one formula.

Every candidate-job pair gets a value in 0..1 for each part (NaN when the part cannot be
judged, e.g. skills for a posting in which the taxonomy finds none):

- ``skills``: weighted credit earned over the job's requirements (matched 1, implied 0.5,
  transferable 0.25: `skillgap.gap.Credits`), each times its depth ``1 - 0.5 ** n`` for the ``n``
  mentions that earned it (a skill named once in a list is half the evidence of one used across
  the résumé; each further mention halves the distance to full credit, as in the title part),
  divided by ``min(possible, saturation) + prior`` and capped at 1. A posting that asks for 40 skills
  does not make every candidate look poor: covering ``saturation`` weight units of it is full
  marks. The ``prior`` (`MatchWeights.skills_prior`, weight units) counts as asked and not met:
  a share of one or two requirements is little evidence (one mention found or missed swings it
  by half), so the part says less when the job asks few skills. Evidence: the requirements met.
  Its weight, and the relevance part's, is also scaled by the evidence behind them
  (`evidence_share`): ``possible / (possible + skills_evidence)`` for the ``possible`` weight units
  the job asks (`MatchWeights.skills_evidence`; half at ``possible == skills_evidence``). A share
  of one requirement says little, however it is computed, so a job that asks one or two skills
  is ranked mostly on the other parts, and one mention found or missed moves the match less.
- ``relevance``: the share of the candidate's own skills the job uses, each skill weighed by the
  depth of its evidence as in the skills part (`GapReport.depth_relevance`): a long list of skills
  named once does not dilute the skills a résumé uses across its positions. Evidence: those skills.
- ``experience``: the mean, over the years the job asks (its overall minimum and each skill's
  years), of ``min(1, has / asked)``: the candidate's total months of dated positions
  (`Career.total_months`) against the minimum, the months of positions naming a skill against
  its years (`RequirementResult.months`); asks whose months are unknown (0 months too: positions
  dated by one year each, `skillgap.careerfit.known_months`) drop out, and the part is NaN when
  none is left. Evidence: "overall: 3 of 5 years", "Python: 2 of 5 years".
- ``education``: the candidate's highest degree level against the lowest level the job accepts,
  on the degree ladder (`skillgap.documents.careervocab.LEVELS`): 1 at or above it (or below it
  when the posting lets experience replace the degree and the overall years are met), else the
  ratio of the two ranks on the ladder; NaN when no degree is asked or none is found. Evidence:
  the degree line of the résumé and what was asked.
- ``title``: how much of the job's title the candidate's headline and past job titles carry
  (`skillgap.titles.title_similarity` over `skillgap.titles.candidate_titles`). Evidence: the
  title words found.
- ``lexical``: BM25 of the query text against the documents of the same ranking, divided by
  the best of them (`skillgap.lexical`; its length normalisation ``b`` is `MatchWeights.lexical_b`:
  a long posting or résumé is not a worse match for being long; each query word weighs by its
  count in the query, since the query is a whole posting or résumé and the words it repeats are
  what it is about: `lexical_params`); only within a ranking. Evidence: the words that earned most.

One formula combines them, a weighted mean over the parts that have a value:

    match = 100 * sum(w_p * e_p * s_p) / sum(w_p * e_p)     over parts p with v_p not NaN

where ``e_p`` is `evidence_share` for the skills and relevance parts (`SKILL_PARTS`) and 1 for the others, and
``s_p`` is the part's value ``v_p`` itself (scale ``raw``) or, with scale ``rank``, its
rank among the items of the ranking that have a value, scaled to 0..1 (`rank_normalise`): every
part then spreads the candidates over the same range, so a part whose values bunch together
(relevance 0.02-0.05) weighs as much as one that spans 0..1. The parts shown keep their values.

The weights are data (``taxonomy/match.yaml``, `MatchWeights`), fitted on the development
labels' tuning part by ``benchmarks/fit_match.py``; pass your own `MatchWeights` to change them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .careerfit import CareerAsks, known_months, months_met, years_text
from .documents.careervocab import LEVEL_RANK
from .errors import TaxonomyError
from .gap import depth
from .lexical import Bm25, LexicalIndex, relative
from .taxonomy import read_yaml_file, shipped_taxonomy_dir
from .titles import title_similarity

if TYPE_CHECKING:
    from .gap import GapReport

#: The parts of a match, in the order tables show them.
PARTS = ("skills", "relevance", "experience", "education", "title", "lexical")
#: How parts enter the formula: as they are, or as their rank within the ranking (`rank_normalise`).
SCALES = ("raw", "rank")
#: The parts computed over the job's requirements, weighed by how many there are (`evidence_share`).
SKILL_PARTS = ("skills", "relevance")


@dataclass(frozen=True)
class MatchWeights:
    """Weight of each part in the match formula (>= 0, not all 0), the skills part's saturation (> 0),
    the lexical part's BM25 length normalisation ``lexical_b`` (0..1), the parts' ``scale`` (`SCALES`),
    the skills part's ``skills_prior`` (>= 0 weight units counted as asked and not met) and
    ``skills_evidence`` (>= 0 weight units asked at which the skill parts weigh half: `evidence_share`; 0 none)."""

    skills: float = 1.0
    relevance: float = 1.0
    experience: float = 1.0
    education: float = 1.0
    title: float = 1.0
    lexical: float = 1.0
    saturation: float = math.inf
    lexical_b: float = Bm25().b
    scale: str = "raw"
    skills_prior: float = 0.0
    skills_evidence: float = 0.0

    def __post_init__(self) -> None:
        values = [getattr(self, p) for p in PARTS]
        if any(not math.isfinite(v) or v < 0 for v in values) or not any(values):
            raise TaxonomyError(
                f"match weights must be finite, >= 0 and not all 0 (got {dict(zip(PARTS, values))})", fix="give e.g. MatchWeights(skills=2, lexical=1)"
            )
        if not self.saturation > 0:
            raise TaxonomyError(f"the skills saturation must be > 0 (got {self.saturation})", fix="give a number of weight units such as 8, or inf")
        if not 0 <= self.lexical_b <= 1:
            raise TaxonomyError(f"the lexical part's length normalisation b must be in 0..1 (got {self.lexical_b})", fix="give e.g. 0.75 (BM25's usual b) or 0 (none)")
        for name in ("skills_prior", "skills_evidence"):  # weight units, both
            units = getattr(self, name)
            if not (math.isfinite(units) and units >= 0):
                raise TaxonomyError(f"the {name.replace('_', ' ')} must be a finite number >= 0 (got {units})", fix="give a number of weight units such as 2, or 0 (none)")
        if self.scale not in SCALES:
            raise TaxonomyError(f"unknown scale {self.scale!r}", fix=f"give one of {', '.join(SCALES)}")

    def of(self, part: str) -> float:
        """The weight of one part."""
        return float(getattr(self, part))


@dataclass(frozen=True)
class Part:
    """One part of a match: its value (0..1, NaN when it cannot be judged) and what earned it."""

    name: str
    value: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A candidate-job match: the combined score (0..100, NaN when no part has a value) and its parts."""

    score: float
    parts: tuple[Part, ...]

    def part(self, name: str) -> Part:
        """The part called ``name`` (one of `PARTS`)."""
        return next(p for p in self.parts if p.name == name)

    def values(self) -> dict[str, float]:
        """``{part: value}`` in `PARTS` order."""
        return {p.name: p.value for p in self.parts}


def evidence_share(possible: float, evidence: float) -> float:
    """How much of their weight the skill parts keep for a job asking ``possible`` weight units:
    ``possible / (possible + evidence)`` (1 when ``evidence`` is 0 or ``possible`` unbounded), as a share of requirements is as
    sure as the number of requirements behind it."""
    return possible / (possible + evidence) if evidence and math.isfinite(possible) else 1.0


def combine(values: Mapping[str, float], weights: MatchWeights, possible: float = math.inf) -> float:
    """The match formula: ``100 * sum(w_p * e_p * v_p) / sum(w_p * e_p)`` over the parts with a value
    (NaN if none); ``e_p`` is `evidence_share` of the job's ``possible`` weight units for `SKILL_PARTS`, else 1."""
    share = evidence_share(possible, weights.skills_evidence)
    total = weight = 0.0
    for name, value in values.items():
        if not math.isnan(value):
            w = weights.of(name) * (share if name in SKILL_PARTS else 1.0)
            total += w * value
            weight += w
    return 100.0 * total / weight if weight else math.nan


def average_ranks(values: np.ndarray) -> np.ndarray:
    """Ranks 1..n of ``values`` (ascending), ties given their mean rank."""
    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values))
    ordered = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and ordered[j + 1] == ordered[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def rank_normalise(values: np.ndarray) -> np.ndarray:
    """Each column (a part over the items of one ranking) replaced by its items' rank among those
    with a value, scaled to 0..1 (lowest 0, highest 1, ties their mean rank, all tied 0.5); NaN stays NaN."""
    out = np.full(values.shape, math.nan)
    for j in range(values.shape[1]):
        present = ~np.isnan(values[:, j])
        m = int(present.sum())
        if m:
            out[present, j] = (average_ranks(values[present, j]) - 1) / (m - 1) if m > 1 else 0.5
    return out


def skills_earned(report: GapReport) -> float:
    """``sum(weight * credit * depth(mentions))`` over the requirements: credit by depth of evidence (`skillgap.gap.depth`)."""
    return sum(r.weight * r.credit * depth(len(r.evidence)) for r in report.results)


def skills_share(earned: float, possible: float, saturation: float, prior: float) -> float:
    """The skills part's formula: ``earned / (min(possible, saturation) + prior)``, capped at 1 (``possible`` > 0)."""
    return min(1.0, earned / (min(possible, saturation) + prior))


def skills_part(report: GapReport, saturation: float, prior: float = 0.0) -> Part:
    """`skills_share` of `skills_earned`; NaN for a job with no requirements."""
    possible = report.possible
    if not possible:
        return Part("skills", math.nan)
    met = tuple(r.label for r in report.results if r.credit > 0)
    return Part("skills", skills_share(skills_earned(report), possible, saturation, prior), met)


def relevance_part(report: GapReport) -> Part:
    """The report's depth-weighted relevance (the share of the candidate's skills the job uses); NaN when the job asks no skill."""
    if not report.results:
        return Part("relevance", math.nan)
    used = tuple(report.candidate.taxonomy[s].label for s in report.candidate.skill_ids if s not in report.extra and s in report.candidate.taxonomy)
    return Part("relevance", report.depth_relevance, used)


def experience_part(report: GapReport, asks: CareerAsks | None, as_of: date | None = None) -> Part:
    """Mean of ``min(1, has / asked)`` over the years asked (overall and per skill) whose months are known; NaN when none."""
    shares, evidence = [], []
    minimum = asks.min_years if asks is not None else None
    total = known_months(report.candidate.career.total_months(as_of)) if minimum else None
    if minimum and total is not None:
        shares.append(min(1.0, total / (minimum * 12)))
        evidence.append(f"overall: {years_text(total, minimum)}")
    for r in report.results:
        if r.years and r.months is not None:
            shares.append(min(1.0, r.months / (r.years * 12)))
            evidence.append(f"{r.label}: {years_text(r.months, r.years)}")
    return Part("experience", sum(shares) / len(shares) if shares else math.nan, tuple(evidence))


def education_part(report: GapReport, asks: CareerAsks | None, as_of: date | None = None) -> Part:
    """1 at or above the degree asked, the ratio of ladder ranks below it; NaN when none is asked or found."""
    career = report.candidate.career
    if asks is None or asks.degree is None or not career.education:
        return Part("education", math.nan)
    best = max(career.education, key=lambda e: LEVEL_RANK[e.level])
    asked = LEVEL_RANK[asks.degree.level]
    value = min(1.0, LEVEL_RANK[best.level] / asked)
    if value < 1 and not asks.degree.required and asks.min_years and months_met(career.total_months(as_of), asks.min_years):
        value = 1.0
    return Part("education", value, (f"{best.level} for {asks.degree.level}" + ("" if asks.degree.required else " or equivalent experience"), best.text))


def lexical_params(b: float) -> Bm25:
    """The lexical part's BM25: length normalisation ``b`` (`MatchWeights.lexical_b`), query words weighed by their count in the query."""
    return Bm25(b=b, query_counts=True)


def title_part(job_title: str, candidate_titles: Sequence[str]) -> Part:
    """`title_similarity` of the job's title and the candidate's titles."""
    value, matched = title_similarity(job_title, candidate_titles)
    return Part("title", value, matched)


@dataclass(frozen=True)
class MatchItem:
    """What one item of a ranking contributes on its own (`MatchBuilder.item`): the parts that need
    only the pair (every part but the lexical one, in `PARTS` order), the weight units the job asks,
    and the item's lexical counts (`LexicalIndex.counts`). Small and picklable: a worker process
    computes it and sends it instead of the document."""

    parts: tuple[Part, ...]
    possible: float
    counts: dict[int, int]
    length: int


class MatchBuilder:
    """The matches of one ranking: add each pair as it is scored, get every `Match` at the end.

    ``query`` is the text the other side is searched with (the job's text when candidates are
    ranked for it, the candidate's when jobs are ranked for them); each added document is
    tokenised once (`LexicalIndex`). An item that failed is added with ``report=None`` and gets
    no match (None), so results and matches stay aligned. `item` depends only on the query and
    the weights, so another process holding a builder of the same query and weights computes
    the items (`add_item`) and only the ranking-wide part (BM25's statistics over all documents,
    the rank scale) is left to this one.
    """

    def __init__(self, query: str, weights: MatchWeights | None = None) -> None:
        self.weights = weights or default_weights()
        self._index = LexicalIndex(query, lexical_params(self.weights.lexical_b))
        self._pairs: list[tuple[int, tuple[Part, ...], float] | None] = []  # (lexical position, parts, weight units asked)

    def add(self, report: GapReport | None, text: str, job_title: str, candidate_titles: Sequence[str], asks: CareerAsks | None = None) -> None:
        """One item of the ranking: its report, the text of the ranked document, the two sides'
        titles and what the job asks of a career (`PreparedJob.asks`; None for a role)."""
        self.add_item(None if report is None else self.item(report, text, job_title, candidate_titles, asks))

    def item(self, report: GapReport, text: str, job_title: str, candidate_titles: Sequence[str], asks: CareerAsks | None = None) -> MatchItem:
        """One pair's `MatchItem` (arguments as `add`), computed without adding it."""
        parts = (
            skills_part(report, self.weights.saturation, self.weights.skills_prior),
            relevance_part(report),
            experience_part(report, asks, report.as_of),
            education_part(report, asks, report.as_of),
            title_part(job_title, candidate_titles),
        )
        return MatchItem(parts, report.possible, *self._index.counts(text))

    def add_item(self, item: MatchItem | None) -> None:
        """Add one item by its `MatchItem` (None: a failed item, no match)."""
        if item is None:
            self._pairs.append(None)
            return
        self._pairs.append((self._index.add_counts(item.counts, item.length), item.parts, item.possible))

    def matches(self) -> list[Match | None]:
        """One `Match` per added item (None for failed ones), in the order added."""
        lexical = relative(self._index.scores())
        evidence = self._index.evidence()
        kept = [pair for pair in self._pairs if pair is not None]
        every = [(*parts, Part("lexical", float(lexical[position]), evidence[position])) for position, parts, _ in kept]
        values = np.asarray([[p.value for p in parts] for parts in every], dtype=float).reshape(len(every), len(PARTS))
        if self.weights.scale == "rank":
            values = rank_normalise(values)
        scored = iter(zip(every, values, (possible for _, _, possible in kept)))
        out: list[Match | None] = []
        for pair in self._pairs:
            if pair is None:
                out.append(None)
                continue
            parts, row, possible = next(scored)
            out.append(Match(combine(dict(zip(PARTS, map(float, row))), self.weights, possible), parts))
        return out


def load_match_weights(path: str | Path | None = None) -> MatchWeights:
    """`MatchWeights` from a YAML file (default: the shipped, fitted ``taxonomy/match.yaml``)."""
    return _load(str(path or shipped_taxonomy_dir() / "match.yaml"))


@functools.lru_cache(maxsize=8)
def _load(path: str) -> MatchWeights:
    data = read_yaml_file(path, what="match weights")
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise TaxonomyError("no 'weights:' mapping", source=path, fix="write 'weights:' with one number per part: " + ", ".join(PARTS))
    unknown = set(data) - {"weights", "saturation", "lexical_b", "skills_prior", "skills_evidence", "scale", "fitted"}
    if unknown:
        raise TaxonomyError(f"unknown keys {sorted(unknown)}", source=path, fix="keep only weights, saturation, lexical_b, skills_prior, skills_evidence, scale and fitted")
    weights = data["weights"]
    wrong = set(weights) - set(PARTS)
    if wrong:
        raise TaxonomyError(f"unknown parts {sorted(wrong)}", source=path, entry="weights", fix=f"the parts are {', '.join(PARTS)}")
    values = {**weights, "saturation": data.get("saturation", math.inf), "lexical_b": data.get("lexical_b", Bm25().b), "skills_prior": data.get("skills_prior", 0.0),
              "skills_evidence": data.get("skills_evidence", 0.0)}
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values.values()):
        raise TaxonomyError(f"weights must be numbers (got {values})", source=path, entry="weights", fix="write e.g. 'skills: 1.5'")
    scale = data.get("scale", "raw")
    try:
        return MatchWeights(**{k: float(v) for k, v in values.items()}, scale=scale)
    except TaxonomyError as exc:
        raise TaxonomyError(exc.problem, source=path, entry="weights", fix=exc.fix) from None


def default_weights() -> MatchWeights:
    """The shipped weights (fitted; see `load_match_weights`)."""
    return load_match_weights()

