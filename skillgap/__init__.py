"""skillgap: find the skill gap between people and roles.

Read résumés and postings (:func:`read_document`), extract skills against a taxonomy
(:class:`SkillExtractor`), compare a candidate to a posting or role profile (:func:`compare`)
and rank many candidates (:func:`rank`).
"""

from .batch import rank
from .documents import Document, Section, read_document
from .errors import DocumentError, LimitError, SkillgapError, TaxonomyError
from .extract import Mention, SkillExtractor, SkillProfile
from .gap import GapReport, RequirementResult, compare
from .taxonomy import Requirement, Role, Skill, Taxonomy, load_taxonomy

__all__ = [
    "Document",
    "DocumentError",
    "GapReport",
    "LimitError",
    "Mention",
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
    "compare",
    "load_taxonomy",
    "rank",
    "read_document",
]
__version__ = "0.1.0"
