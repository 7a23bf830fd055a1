"""The career side of a gap: overall experience and the degree a job asks, judged on the
candidate's `Career`, each as one row with evidence from both documents.

``months_met(months, years)`` is the rule for per-skill years too: a skill that is there with
fewer months than the years asked is ``short`` (neither missing nor fully matched); unknown
months (the skill is named outside dated positions) leave the years unjudged. Months of 0 are
unknown too (`known_months`): positions dated by one year or one month each ("Front-End
Developer 2019") say when someone worked, not for how long.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .documents.asks import CertificationAsk, DegreeAsk, PostingAsks, read_asks
from .documents.career import Career
from .documents.careervocab import LEVEL_RANK
from .extract.experience import years_asked
from .extract.model import SkillProfile


@dataclass(frozen=True)
class CareerAsks:
    """What a posting asks of a career: ``min_years`` of overall experience, per-skill ``years``
    (skill id -> years), the ``degree`` (lowest level accepted) and ``preferred_degree``, the
    certifications required, and the statement that asked for the years."""

    min_years: float | None = None
    years: dict[str, float] | None = None
    degree: DegreeAsk | None = None
    preferred_degree: DegreeAsk | None = None
    certifications: tuple[CertificationAsk, ...] = ()
    years_text: str | None = None


@dataclass(frozen=True)
class CareerWeights:
    """Weights of the overall-experience and degree rows in the score (0 leaves them out, the
    default, so that scores stay comparable with skill-only scoring)."""

    experience: float = 0.0
    degree: float = 0.0


@dataclass(frozen=True)
class CareerCheck:
    """One career row of a gap report: ``name`` (``experience`` / ``degree``), what is asked and
    what the candidate has (as text), ``met`` (None: cannot tell), the posting's statement and
    the candidate's evidence, and the row's ``weight`` in the score."""

    name: str
    asked: str
    has: str
    met: bool | None
    job_evidence: str
    evidence: str
    weight: float = 0.0

    @property
    def credit(self) -> float:
        """1 when met, else 0 (an unknown counts as not met)."""
        return 1.0 if self.met else 0.0


def career_asks(posting: SkillProfile, asks: PostingAsks | None = None) -> CareerAsks:
    """Tie a posting's asks (``asks``, read here when not given: `read_asks`) and its years statements to its skills."""
    asks = asks if asks is not None else read_asks(posting.document)
    asked = years_asked(posting, asks)
    overall = [s for s in asks.years if not s.preferred and s.years == asked.min_years]
    return CareerAsks(
        min_years=asked.min_years,
        years=dict(asked.per_skill),
        degree=asks.degree,
        preferred_degree=asks.preferred_degree,
        certifications=asks.certifications,
        years_text=overall[0].text if overall else None,
    )


def known_months(months: int | None) -> int | None:
    """Months of dated positions as evidence of how long someone worked: None when unknown, and
    for 0, which only positions dated by a single year or month give (their length is not printed)."""
    return months or None


def months_met(months: int | None, years: float | None) -> bool | None:
    """Whether ``months`` of experience meet ``years`` asked (None when either is unknown, `known_months`)."""
    if known_months(months) is None or years is None:
        return None
    return months >= round(years * 12)


def years_text(months: int | None, years: float) -> str:
    """ "2 of 5 years" (months shown as years with one decimal when not whole)."""
    have = "unknown" if months is None else f"{months / 12:.1f}".rstrip("0").rstrip(".")
    return f"{have} of {years:g} years"


def career_checks(asks: CareerAsks | None, career: Career, weights: CareerWeights, as_of: date | None = None) -> tuple[CareerCheck, ...]:
    """The experience row (when the job asks for years) and the degree row (when it asks for a degree)."""
    if asks is None:
        return ()
    rows = []
    if asks.min_years is not None:
        total = known_months(career.total_months(as_of))
        dated = [p for p in career.positions if p.start is not None]
        evidence = "; ".join(f"{p.title or 'position'} {p.date_text}" for p in dated[:4])
        rows.append(
            CareerCheck(
                "experience",
                f"{asks.min_years:g}+ years",
                "unknown" if total is None else f"{total} months ({total / 12:.1f} years)",
                months_met(total, asks.min_years),
                asks.years_text or "",
                evidence,
                weights.experience,
            )
        )
    if asks.degree is not None:
        best = max(career.education, key=lambda e: LEVEL_RANK[e.level], default=None)
        met = None if best is None else LEVEL_RANK[best.level] >= LEVEL_RANK[asks.degree.level]
        if met is False and not asks.degree.required:
            met = months_met(career.total_months(as_of), asks.min_years or 0.0) if asks.min_years else None
        rows.append(
            CareerCheck(
                "degree",
                asks.degree.level + ("" if asks.degree.required else " (or equivalent experience)"),
                best.level if best else "none found",
                met,
                asks.degree.text,
                best.text if best else "",
                weights.degree,
            )
        )
    return tuple(rows)
