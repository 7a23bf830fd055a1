"""skillgap: find the skill gap between people and roles.

Read résumés and postings (:func:`read_document`), extract skills against a taxonomy
(:class:`SkillExtractor`), compare a candidate to a posting or role profile (:func:`compare`)
and rank many candidates (:func:`rank`, or :func:`rank_candidates` for the `Ranking` itself).

The names below are loaded on first use (PEP 562 ``__getattr__``), so ``import skillgap``
and the command line's ``--help`` do not pay for spaCy, pandas or a PDF engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import DocumentError, LimitError, SkillgapError, TaxonomyError, UsageError

if TYPE_CHECKING:
    from .batch import match_jobs, rank, rank_candidates
    from .careerfit import CareerCheck, CareerWeights
    from .documents.career import Career, read_career
    from .documents import Document, Section, read_document
    from .extract import Mention, SkillExtractor, SkillProfile
    from .gap import GapReport, RequirementResult, compare
    from .match import Match, MatchWeights, Part
    from .ranking import CandidateResult, Ranking
    from .taxonomy import Requirement, Role, Skill, Taxonomy, load_taxonomy

#: Public name -> the module that defines it, imported when the name is first used.
_LAZY = {
    "rank": "batch", "rank_candidates": "batch", "match_jobs": "batch",
    "Match": "match", "MatchWeights": "match", "Part": "match",
    "Career": "documents.career", "read_career": "documents.career", "CareerCheck": "careerfit", "CareerWeights": "careerfit",
    "Document": "documents", "Section": "documents", "read_document": "documents",
    "Mention": "extract", "SkillExtractor": "extract", "SkillProfile": "extract",
    "GapReport": "gap", "RequirementResult": "gap", "compare": "gap",
    "CandidateResult": "ranking", "Ranking": "ranking",
    "Requirement": "taxonomy", "Role": "taxonomy", "Skill": "taxonomy", "Taxonomy": "taxonomy", "load_taxonomy": "taxonomy",
}  # fmt: skip

__all__ = [
    "CandidateResult",
    "Career",
    "CareerCheck",
    "CareerWeights",
    "Document",
    "DocumentError",
    "GapReport",
    "LimitError",
    "Match",
    "MatchWeights",
    "Mention",
    "Part",
    "Ranking",
    "Requirement",
    "RequirementResult",
    "Role",
    "Section",
    "Skill",
    "SkillExtractor",
    "SkillProfile",
    "SkillgapError",
    "Taxonomy",
    "TaxonomyError",
    "UsageError",
    "__version__",
    "compare",
    "load_taxonomy",
    "match_jobs",
    "rank",
    "rank_candidates",
    "read_career",
    "read_document",
]


def __getattr__(name: str) -> Any:
    """Import the module behind a public name on first use and keep the name here."""
    if name not in _LAZY:
        raise AttributeError(f"module 'skillgap' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
