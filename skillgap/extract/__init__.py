"""Skill extraction: spaCy matchers over a taxonomy, context rules, fuzzy matching, evidence.

`Mention` and `SkillProfile` (plain data) load at once; `SkillExtractor` loads the spaCy
pipeline on first use (PEP 562), so code that only reads results does not import spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import PRELOAD, Mention, SkillProfile

if TYPE_CHECKING:
    from .pipeline import SkillExtractor

__all__ = ["PRELOAD", "Mention", "SkillExtractor", "SkillProfile"]


def __getattr__(name: str) -> Any:
    """`SkillExtractor` from `skillgap.extract.pipeline`, imported when first asked for."""
    if name != "SkillExtractor":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .pipeline import SkillExtractor

    globals()[name] = SkillExtractor
    return SkillExtractor
