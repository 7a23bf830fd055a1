"""Skill extraction: spaCy matchers over a taxonomy, context rules, fuzzy matching, evidence."""

from .model import Mention, SkillProfile
from .pipeline import SkillExtractor

__all__ = ["Mention", "SkillExtractor", "SkillProfile"]
