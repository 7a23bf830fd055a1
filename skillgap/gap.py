"""Gap analysis: what a candidate has, lacks and could transfer for a posting or a role profile.

A job becomes a `PreparedJob` (its requirements, each with importance, weight and area) once;
a candidate's `SkillProfile` is then compared to it requirement by requirement. Every status
carries its evidence, and the overall score is one formula, :func:`score_of`:

    score = 100 * sum(weight_i * credit_i) / sum(weight_i)

over all requirements, where credit is ``Credits.matched`` (1.0) when the candidate states the
skill or, for a skill the posting offers as a choice ("PHP, Python or Go"), another skill of
that choice (status ``alternative``), ``Credits.implied`` (0.5) when a stated skill implies it (PyTorch -> deep learning),
``Credits.transferable`` (0.25) when the candidate states a sibling of it (TensorFlow for
PyTorch, from the taxonomy's ``related`` / ``group``) and 0 when it is missing. A requirement
with years ("5+ years of Python") that the candidate states with fewer months of dated positions
naming it is ``short`` and earns ``Credits.short`` (0.5); unknown months leave it ``matched``.
The career rows (`skillgap.careerfit`: overall experience and the degree asked) join the sums
with the weights of ``CareerWeights`` (0 by default, so they are shown but do not move the
score unless a user weights them), each earning 1 when met:

    score = 100 * (sum(weight_i * credit_i) + sum(w_c * met_c)) / (sum(weight_i) + sum(w_c))

The score only looks from the job's side. Two more figures look from the candidate's side too
(:func:`relevance_of`, :func:`fit_of`):

    relevance = sum(credit_s) / n    over the candidate's n distinct stated skills s, where
                                     credit_s is what s earns the job: matched if the job asks
                                     for s, implied if s implies a skill it asks for, transferable
                                     if s is a sibling of one, else 0
    fit = 100 * 2 * C * R / (C + R)  with C = score / 100 and R = relevance (their harmonic
                                     mean, as F1 combines recall and precision; 0 when both are 0)

The match model's relevance part (`GapReport.depth_relevance`) weighs each stated skill by the
depth of its evidence, `depth` of its n mentions (1 - 0.5 ** n), as its skills part does: a skill
named once in a list is half the evidence of one used across positions, so a long skills list
does not dilute what the résumé is about.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Union

from .careerfit import CareerAsks, CareerCheck, CareerWeights, career_asks, career_checks, known_months, months_met, years_text
from .documents.asks import read_asks
from .documents.model import Document
from .documents.paths import as_path
from .errors import SkillgapError
from .extract.model import SkillProfile
from .rules import Rules, RulesSource, as_rules
from .taxonomy import Requirement, Role, Taxonomy, load_taxonomy, normalize_term
from .titles import job_title

if TYPE_CHECKING:
    import pandas as pd

    from .extract import SkillExtractor
    from .extract.experience import SkillMonths
    from .extract.model import Mention

Status = Literal["matched", "alternative", "short", "implied", "transferable", "missing"]

#: What a candidate or a posting can be given as.
DocumentInput = Union[str, Path, Document, SkillProfile]


@dataclass(frozen=True)
class Credits:
    """Share of a requirement's weight each status earns (the credits of the score formula)."""

    matched: float = 1.0
    implied: float = 0.5
    transferable: float = 0.25
    short: float = 0.5

    def __post_init__(self) -> None:
        if not 0 <= self.transferable <= self.implied <= self.matched <= 1 or not 0 <= self.short <= self.matched:
            raise SkillgapError(
                f"credits must satisfy 0 <= transferable ({self.transferable}) <= implied ({self.implied}) <= matched ({self.matched}) <= 1",
                fix="pass e.g. Credits(implied=0.5, transferable=0.25)",
            )

    def of(self, status: str) -> float:
        """The credit one status earns (an accepted alternative earns what a match earns)."""
        if status == "missing":
            return 0.0
        return float(getattr(self, "matched" if status == "alternative" else status))


@dataclass(frozen=True)
class PostingWeights:
    """How a posting's mentions become requirement weights.

    ``weight = min(1 + log2(count), max_weight)`` for a skill named ``count`` times (outside the
    company sections), times ``preferred_factor`` when it is only preferred, divided by the
    number of choices when it is only asked as one of several ("PHP, Python or Go": each 1/3).
    """

    max_weight: float = 3.0
    preferred_factor: float = 0.5

    def weight(self, count: int, importance: str, choices: int = 1) -> float:
        base = min(1.0 + math.log2(max(count, 1)), self.max_weight)
        return base * (self.preferred_factor if importance == "preferred" else 1.0) / max(choices, 1)


@dataclass(frozen=True)
class PreparedJob:
    """A job's requirements, computed once and reused for every candidate compared to it.

    ``name`` is the role label or the posting's source; ``job_evidence`` maps each required
    skill id to the posting mentions that ask for it (empty for a role profile);
    ``alternatives`` maps a skill the posting asks for only as one of a choice ("PHP, Python or
    Go") to the other skills it accepts in its place. ``title`` is the posting's first line without the years it asks
    (`skillgap.titles.job_title`; the role's label) and ``text`` its whole text (the role's label and skill labels): what the
    match model's title and lexical parts read. ``warnings`` says what limits the comparison
    (a posting in which the taxonomy finds no skill).
    """

    name: str
    requirements: tuple[Requirement, ...]
    taxonomy: Taxonomy = field(repr=False, compare=False)
    job_evidence: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict, repr=False, compare=False)
    alternatives: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False)
    role: Role | None = None
    title: str = ""
    text: str = field(default="", repr=False, compare=False)
    warnings: tuple[str, ...] = ()
    #: What a posting asks of a career (overall years, degree, certifications); None for a role.
    asks: CareerAsks | None = field(default=None, compare=False)
    #: For each requirement: the skills that imply it, and its siblings (looked up once, not per candidate).
    implied_from: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    siblings: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    #: Every skill the job uses, with the best status a candidate stating it earns ("matched" for
    #: an asked skill, "implied" for one implying an asked skill, "transferable" for a sibling).
    uses: Mapping[str, Status] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        wanted = {r.skill_id for r in self.requirements}
        implied_from: dict[str, set[str]] = {skill_id: set() for skill_id in wanted}
        for skill in self.taxonomy:
            for target in self.taxonomy.implications(skill.id):
                if target in wanted:
                    implied_from[target].add(skill.id)
        object.__setattr__(self, "implied_from", {k: frozenset(v) for k, v in implied_from.items()})
        object.__setattr__(self, "siblings", {k: frozenset(self.taxonomy.siblings(k)) for k in wanted})
        uses: dict[str, Status] = {s: "transferable" for group in self.siblings.values() for s in group}
        uses.update({s: "implied" for group in self.implied_from.values() for s in group})
        uses.update({s: "matched" for s in wanted})
        object.__setattr__(self, "uses", uses)


@dataclass(frozen=True)
class RequirementResult:
    """How one requirement of the job stands for the candidate, with the evidence for it."""

    skill_id: str
    label: str
    category: str
    importance: str
    weight: float
    status: Status
    credit: float
    via: str | None
    evidence: tuple[Mention, ...]
    years: float | None
    job_evidence: tuple[Mention, ...] = ()
    #: Months of dated positions naming the skill (None: unknown), when the job asks for years.
    months: int | None = None


@dataclass(frozen=True)
class GapSummary:
    """The headline of a gap report: score, coverages, what is missing and what to learn next."""

    job: str
    score: float
    required_coverage: float
    preferred_coverage: float
    coverage: Mapping[str, float]
    missing_required: tuple[str, ...]
    learn_next: tuple[str, ...]
    relevance: float
    fit: float
    warnings: tuple[str, ...] = ()
    #: Skills there with too few years ("Python: 2 of 5 years") and the career rows not met.
    short: tuple[str, ...] = ()
    career: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [
            f"{self.job}: score {self.score:.1f} / 100",
            f"  required coverage  {_pct(self.required_coverage)}",
            f"  preferred coverage {_pct(self.preferred_coverage)}",
            *(f"  {name}: {_pct(value)}" for name, value in self.coverage.items()),
            f"  relevance {_pct(self.relevance)} of the candidate's skills; fit {'n/a' if math.isnan(self.fit) else f'{self.fit:.1f}'} / 100",
            f"  missing required: {', '.join(self.missing_required) or 'none'}",
            f"  learn next: {', '.join(self.learn_next) or 'nothing missing'}",
            *(f"  warning: {w}" for w in self.warnings),
        ]
        if self.short:
            lines.append(f"  short of years: {', '.join(self.short)}")
        lines.extend(f"  {row}" for row in self.career)
        return "\n".join(lines)


def _pct(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.0%}"


@dataclass(frozen=True)
class GapReport:
    """A candidate compared to a job: one `RequirementResult` per requirement, coverages and the score.

    ``coverage`` maps each category (the role's areas, or skill categories for a posting) to the
    weighted share earned there; ``preferred_coverage`` is NaN when the job has no preferred
    requirements. ``extra`` lists skills the candidate states that the job does not ask for.
    ``relevance`` (0..1) is the share of the candidate's skills the job uses and ``fit`` (0..100)
    the harmonic mean of coverage and relevance (formulas in the module docstring). ``warnings``
    are the job's (`PreparedJob.warnings`: e.g. no known skill in the posting, score 0).
    """

    candidate: SkillProfile
    job: str
    results: tuple[RequirementResult, ...]
    extra: tuple[str, ...]
    score: float
    required_coverage: float
    preferred_coverage: float
    coverage: Mapping[str, float]
    relevance: float = math.nan  # NaN: not computed (a report built by hand, not by `compare`)
    fit: float = math.nan
    credits: Credits = field(default_factory=Credits)
    warnings: tuple[str, ...] = ()
    #: The overall-experience and degree rows (`CareerCheck`), when the job asks for them.
    career: tuple[CareerCheck, ...] = ()
    #: The date current positions were run to when given (`compare(..., as_of=)`); None: the
    #: résumé's own (`Career.as_of`).
    as_of: date | None = None
    #: `relevance` with each stated skill weighed by the `depth` of its mentions (the match model's relevance part).
    depth_relevance: float = math.nan

    @property
    def earned(self) -> float:
        """Weighted credit earned, ``sum(weight * credit)``: the score's numerator."""
        return sum(r.weight * r.credit for r in self.results)

    @property
    def possible(self) -> float:
        """Total weight of the job's requirements, ``sum(weight)``: the score's denominator."""
        return sum(r.weight for r in self.results)

    def by_status(self, status: str) -> tuple[RequirementResult, ...]:
        """The results with one status, in requirement order."""
        return tuple(r for r in self.results if r.status == status)

    def learn_next(self, n: int = 5) -> list[RequirementResult]:
        """Up to ``n`` missing requirements: required before preferred, then by weight (highest first)."""
        missing = [r for r in self.results if r.status == "missing"]
        missing.sort(key=lambda r: (r.importance != "required", -r.weight))
        return missing[:n]

    def summary(self) -> GapSummary:
        """Score, coverage overall and per category, missing required skills and what to learn next."""
        return GapSummary(
            job=self.job,
            score=self.score,
            required_coverage=self.required_coverage,
            preferred_coverage=self.preferred_coverage,
            coverage=self.coverage,
            missing_required=tuple(r.label for r in self.results if r.status == "missing" and r.importance == "required"),
            learn_next=tuple(r.label for r in self.learn_next()),
            relevance=self.relevance,
            fit=self.fit,
            warnings=self.warnings,
            short=tuple(f"{r.label}: {years_text(r.months, r.years)}" for r in self.results if r.status == "short" and r.years is not None),
            career=tuple(f"{c.name}: {c.has} for {c.asked}" + ("" if c.met else " (not met)" if c.met is False else " (cannot tell)") for c in self.career),
        )

    def to_html(self, path: str | Path | None = None) -> str:
        """The one-candidate report as a self-contained HTML page; also written (atomically) to ``path`` if given."""
        from .report.html import gap_report_html, write_html

        page = gap_report_html(self)
        if path is not None:
            write_html(path, page)
        return page

    def _repr_html_(self) -> str:
        """Jupyter's view: the report as HTML, in the same colours as the HTML report."""
        from .report.html import gap_report_fragment

        return gap_report_fragment(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per requirement: what is asked, its status and credit, and where the evidence is.

        ``score`` is the row's contribution to the overall score (the column sums to
        ``report.score``); ``evidence``, ``section`` and ``page`` describe the candidate's first
        supporting mention; ``job_evidence`` the posting's first mention asking for the skill.
        """
        import pandas as pd

        total = self.possible
        rows = []
        for r in self.results:
            first = r.evidence[0] if r.evidence else None
            rows.append(
                {
                    "skill_id": r.skill_id,
                    "label": r.label,
                    "category": r.category,
                    "importance": r.importance,
                    "weight": r.weight,
                    "status": r.status,
                    "credit": r.credit,
                    "via": r.via,
                    "evidence": first.text if first else None,
                    "section": first.section if first else None,
                    "page": first.page if first else None,
                    "years": r.years,
                    "months": r.months,
                    "score": 100.0 * r.weight * r.credit / total if total else 0.0,
                    "job_evidence": r.job_evidence[0].text if r.job_evidence else None,
                }
            )
        frame = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
        frame["page"] = frame["page"].astype("Int64")
        frame["months"] = frame["months"].astype("Int64")
        return frame


_FRAME_COLUMNS = [
    "skill_id", "label", "category", "importance", "weight", "status", "credit",
    "via", "evidence", "section", "page", "years", "months", "score", "job_evidence",
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# Preparing a job


def prepare_job(
    job: DocumentInput | Role | PreparedJob,
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    weights: PostingWeights = PostingWeights(),
    rules: RulesSource | None = None,
) -> PreparedJob:
    """Turn a role (object or id such as ``"ml-engineer"``) or a posting (path, text, `Document`
    or `SkillProfile`) into the requirements every candidate is compared to. Do it once per job.

    ``rules`` (a `skillgap.rules.Rules` or the path of a sections file) give the posting's section
    vocabulary, cues and section rules (``gap:``); default: the extractor's, else the shipped ones.
    """
    if isinstance(job, PreparedJob):
        return job
    resolved = as_rules(rules) if rules is not None else extractor.rules if extractor is not None else as_rules(None)
    if isinstance(job, SkillProfile):
        return requirements_from_posting(job, weights=weights, rules=resolved)
    if taxonomy is None:
        taxonomy = extractor.taxonomy if extractor is not None else load_taxonomy()
    if isinstance(job, Role):
        return requirements_from_role(job, taxonomy)
    if isinstance(job, str) and _is_role_name(job, taxonomy):
        return requirements_from_role(taxonomy.role(job), taxonomy)
    return requirements_from_posting(profile_of(job, "posting", extractor, taxonomy, resolved), weights=weights, rules=resolved)


def _is_role_name(text: str, taxonomy: Taxonomy) -> bool:
    """A role id (any lowercase slug, so a misspelt id gets a "did you mean") or a role's label."""
    if "\n" in text or len(text.encode()) > 200 or Path(text).exists():  # in bytes: a file name may have 255
        return False
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text):
        return True
    return any(normalize_term(role.label) == normalize_term(text) for role in taxonomy.roles.values())


def requirements_from_role(role: Role, taxonomy: Taxonomy) -> PreparedJob:
    """A role profile's requirements as they are, grouped by the role's areas (a `TaxonomyError`
    names any skill the role uses that ``taxonomy`` lacks)."""
    labels = [taxonomy[r.skill_id].label for r in role.requirements if r.skill_id in taxonomy]
    return PreparedJob(name=role.label, requirements=role.requirements, taxonomy=taxonomy, role=role, title=role.label, text="\n".join([role.label, *labels]))


def requirements_from_posting(posting: SkillProfile, *, weights: PostingWeights = PostingWeights(), rules: Rules | None = None) -> PreparedJob:
    """The skills a posting asks for, with importance, weight and years.

    Counted: stated, non-negated mentions outside the company sections of ``rules`` (``gap:
    company_sections`` of sections.yaml: benefits, how to apply). Importance of a mention: its cue
    phrase (``Mention.importance``) if the extractor found one, else its section (``gap:
    section_importance``), else required; a skill is required if any of its mentions is. A skill
    named only inside choices (``Mention.choice``, found by the extractor) accepts the other
    skills of its choices in its place. Weight: `PostingWeights.weight`. Years: those of the years
    statement naming the skill (`skillgap.careerfit.career_asks`), else the most any mention asks
    for. The job's `PreparedJob.asks` holds the overall years, degree and certifications asked.
    A posting in which no skill is asked for gets no requirements and a warning saying so (its
    candidates can still be ranked on the match model's other parts, `skillgap.match`).
    """
    rules = rules or as_rules(None)
    taxonomy = posting.taxonomy
    asked: dict[str, list[Mention]] = {}
    for m in posting.mentions:
        if m.negated or m.method == "implied" or m.section in rules.company_sections:
            continue
        asked.setdefault(m.skill_id, []).append(m)
    warnings = () if asked else (NO_SKILLS.format(source=posting.document.source),)
    alternatives = _alternatives(asked)
    read = read_asks(posting.document)
    asks = career_asks(posting, read)
    requirements = []
    for skill_id, mentions in asked.items():
        importance = "required" if any(_importance(m, rules) == "required" for m in mentions) else "preferred"
        years = [asks.years[skill_id]] if asks.years and skill_id in asks.years else [m.years for m in mentions if m.years is not None]
        requirements.append(
            Requirement(
                skill_id=skill_id,
                importance=importance,  # type: ignore[arg-type]
                weight=weights.weight(len(mentions), importance, 1 + len(alternatives.get(skill_id, ()))),
                area=taxonomy[skill_id].category,
                years=max(years) if years else None,
            )
        )
    return PreparedJob(
        name=posting.document.source,
        requirements=tuple(requirements),
        taxonomy=taxonomy,
        job_evidence={k: tuple(v) for k, v in asked.items()},
        alternatives=alternatives,
        title=job_title(posting.document, read.years),
        text=posting.document.text,
        warnings=warnings,
        asks=asks,
    )


#: The warning on a posting in which the taxonomy finds no skill.
NO_SKILLS = (
    "{source}: nothing in this posting is a skill the taxonomy knows, so skills cannot be compared "
    "(rankings use the title and text parts only); check that the text was read (not empty or scanned), "
    "or load a taxonomy that covers its field: load_taxonomy('my_skills.yaml', include_shipped=True)"
)


def _alternatives(asked: Mapping[str, list[Mention]]) -> dict[str, frozenset[str]]:
    """For each skill asked only inside choices, the other skills of those choices."""
    return {s: frozenset(o for m in mentions for o in m.choice) for s, mentions in asked.items() if all(m.choice for m in mentions)}


def _importance(m: Mention, rules: Rules) -> str:
    if m.importance in ("required", "preferred"):
        return m.importance
    return rules.section_importance.get(m.section or "", "required")


# --------------------------------------------------------------------------------------------
# Comparing


def compare(
    candidate: DocumentInput,
    job: DocumentInput | Role | PreparedJob,
    *,
    taxonomy: Taxonomy | None = None,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    weights: PostingWeights = PostingWeights(),
    career_weights: CareerWeights = CareerWeights(),
    as_of: date | None = None,
) -> GapReport:
    """Compare a candidate (path, text, `Document` or `SkillProfile`) to a job (the same for a
    posting, or a `Role` / role id such as ``"ml-engineer"``). See the module docstring for the score.
    ``as_of`` is the date current positions run to (default: the résumé's own date, else today).
    """
    if taxonomy is None and isinstance(candidate, SkillProfile):
        taxonomy = candidate.taxonomy
    prepared = prepare_job(job, taxonomy=taxonomy, extractor=extractor, weights=weights)
    return compare_prepared(candidate, prepared, extractor=extractor, credits=credits, career_weights=career_weights, as_of=as_of)


def compare_prepared(
    candidate: DocumentInput,
    job: PreparedJob,
    *,
    extractor: SkillExtractor | None = None,
    credits: Credits = Credits(),
    career_weights: CareerWeights = CareerWeights(),
    as_of: date | None = None,
) -> GapReport:
    """Compare one candidate to an already prepared job (the per-candidate step of a batch)."""
    profile = profile_of(candidate, "resume", extractor, job.taxonomy)
    taxonomy = job.taxonomy
    stated: dict[str, list[Mention]] = {}
    for m in profile.mentions:
        if not m.negated and m.method != "implied" and m.skill_id in taxonomy:
            stated.setdefault(m.skill_id, []).append(m)
    months = profile.skill_months(as_of) if any(r.years for r in job.requirements) else {}
    results = tuple(_judge(req, stated, job, credits, months) for req in job.requirements)
    asked = {r.skill_id for r in results}
    checks = career_checks(job.asks, profile.career, career_weights, as_of) if job.asks is not None else ()
    score = _score(results, checks)
    relevance = relevance_of(dict.fromkeys(stated, 1.0), job, credits)
    return GapReport(
        candidate=profile,
        job=job.name,
        results=results,
        extra=tuple(s for s in stated if s not in asked),
        score=score,
        required_coverage=_coverage(r for r in results if r.importance == "required"),
        preferred_coverage=_coverage(r for r in results if r.importance == "preferred"),
        coverage={area: _coverage(r for r in results if r.category == area) for area in dict.fromkeys(r.category for r in results)},
        relevance=relevance,
        fit=fit_of(score, relevance),
        credits=credits,
        warnings=job.warnings,
        career=checks,
        as_of=as_of,
        depth_relevance=relevance_of({s: depth(len(ms)) for s, ms in stated.items()}, job, credits),
    )


def _score(results: tuple[RequirementResult, ...], checks: tuple[CareerCheck, ...]) -> float:
    """`score_of` with the weighted career rows added to both sums (module docstring)."""
    extra = sum(c.weight for c in checks)
    if not extra:
        return score_of(results)
    earned = sum(r.weight * r.credit for r in results) + sum(c.weight * c.credit for c in checks)
    return 100.0 * earned / (sum(r.weight for r in results) + extra)


def _judge(req: Requirement, stated: Mapping[str, list[Mention]], job: PreparedJob, credits: Credits, months: Mapping[str, SkillMonths] | None = None) -> RequirementResult:
    """The status of one requirement; ``via`` is the first stated skill (text order) accepted in
    its place, implying it or its sibling; a stated skill with fewer months than the years asked
    is ``short``."""
    status: Status = "missing"
    via: str | None = None
    record = (months or {}).get(req.skill_id)
    skill_months = known_months(record.months) if record is not None else None
    if req.skill_id in stated:
        status = "short" if months_met(skill_months, req.years) is False else "matched"
    elif via := _first_stated(stated, job.alternatives.get(req.skill_id, frozenset())):
        status = "alternative"
    elif via := _first_stated(stated, job.implied_from[req.skill_id]):
        status = "implied"
    elif via := _first_stated(stated, job.siblings[req.skill_id]):
        status = "transferable"
    evidence = tuple(stated.get(via or req.skill_id, ()))
    skill = job.taxonomy[req.skill_id]
    return RequirementResult(
        skill_id=req.skill_id,
        label=skill.label,
        category=req.area or skill.category,
        importance=req.importance,
        weight=req.weight,
        status=status,
        credit=credits.of(status),
        via=via,
        evidence=evidence,
        years=req.years,
        job_evidence=job.job_evidence.get(req.skill_id, ()),
        months=skill_months if req.years is not None else None,
    )


def _first_stated(stated: Mapping[str, list[Mention]], skills: frozenset[str]) -> str | None:
    """The first stated skill (text order) among ``skills``; most requirements have none, which
    one set test finds without a loop over the candidate's skills (run 3 times per requirement)."""
    if stated.keys().isdisjoint(skills):
        return None
    return next(s for s in stated if s in skills)


def score_of(results: Iterable[RequirementResult]) -> float:
    """The overall score, 0..100: ``100 * sum(weight * credit) / sum(weight)`` (0 for no requirements)."""
    return 100.0 * _coverage(results, empty=0.0)


def depth(mentions: int) -> float:
    """How much evidence ``mentions`` mentions of a skill are, ``1 - 0.5 ** mentions``: each further one halves the distance to 1."""
    return 1.0 - 0.5**mentions


def relevance_of(stated: Mapping[str, float], job: PreparedJob, credits: Credits = Credits()) -> float:
    """Share of the candidate's distinct stated skills the job uses, 0..1: the mean over them, each
    weighed by its value in ``stated`` (1 for plain relevance), of the credit it earns the job
    (`PreparedJob.uses`; 0 for one it does not use, 0 for no skills)."""
    total = sum(stated.values())
    return sum(w * credits.of(job.uses.get(s, "missing")) for s, w in stated.items()) / total if total else 0.0


def fit_of(score: float, relevance: float) -> float:
    """Harmonic mean of coverage (``score / 100``) and relevance, times 100; 0 when both are 0."""
    coverage = score / 100.0
    return 200.0 * coverage * relevance / (coverage + relevance) if coverage + relevance else 0.0


def _coverage(results: Iterable[RequirementResult], empty: float = math.nan) -> float:
    """Weighted share of credit earned, 0..1; ``empty`` when there is nothing to cover."""
    earned = total = 0.0
    for r in results:
        earned += r.weight * r.credit
        total += r.weight
    return earned / total if total else empty


def profile_of(source: DocumentInput, kind: str, extractor: SkillExtractor | None, taxonomy: Taxonomy, rules: Rules | None = None) -> SkillProfile:
    """The skill profile of a path, text or `Document` (read as ``kind`` with the vocabulary of
    ``rules``, default the extractor's; read before the default extractor for ``taxonomy`` is
    built, so a bad file fails fast); a profile as it is."""
    if isinstance(source, SkillProfile):
        return source
    rules = rules or (extractor.rules if extractor is not None else as_rules(None))
    if not isinstance(source, Document):
        from .documents import read_document

        source = read_document(as_path(source) or source, kind=kind, vocabulary=rules)  # type: ignore[arg-type]
    return (extractor or default_extractor(taxonomy, rules)).extract(source)


def default_extractor(taxonomy: Taxonomy, rules: Rules | None = None) -> SkillExtractor:
    """The shared `SkillExtractor` of a taxonomy and rules (`skillgap.extract.pipeline.default_extractor`, imported on first use)."""
    from .extract.pipeline import default_extractor as shared

    return shared(taxonomy, rules)
