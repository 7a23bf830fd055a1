"""DataFrames the reports and the CLI show: many profiles, many candidates' requirements, a taxonomy."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import UsageError

if TYPE_CHECKING:
    from ..ranking import CandidateResult
    from ..taxonomy import Skill, Taxonomy


def requirements_frame(results: Iterable[CandidateResult]) -> pd.DataFrame:
    """Every scored candidate's requirement rows, one frame, with the candidate in the first column."""
    frames = [r.report.to_frame().assign(candidate=r.source) for r in results if r.report is not None]
    if not frames:
        return pd.DataFrame(columns=["candidate"])
    frame = pd.concat(frames, ignore_index=True)
    return frame[["candidate", *[c for c in frame.columns if c != "candidate"]]]


def profiles_frame(items: Iterable[tuple[str, Any, str | None]], as_of: date | None = None) -> pd.DataFrame:
    """Skills found in several documents as one frame: ``source`` first, ``error`` last.

    ``items`` are ``(source, SkillProfile or None, error or None)``; a document that failed
    becomes one row with only its source and error, and one with no skills a row with only its
    source, so nothing is silently dropped. ``as_of`` is passed to `SkillProfile.to_frame`
    (the date a résumé's current positions run to for ``months``; default: its own).
    """
    frames = []
    for source, profile, error in items:
        found = profile.to_frame(as_of=as_of) if profile is not None else pd.DataFrame()
        if found.empty:  # an unreadable document, or one with no skills: still one row
            found = pd.DataFrame([{"source": source, "error": error}])
        frames.append(found.assign(source=source, error=error))
    if not frames:
        return pd.DataFrame(columns=["source", "error"])
    frame = pd.concat(frames, ignore_index=True)
    return frame[["source", *[c for c in frame.columns if c not in ("source", "error")], "error"]]


def taxonomy_frame(taxonomy: Taxonomy, *, category: str | None = None, role: str | None = None) -> pd.DataFrame:
    """The skills of a taxonomy, one row each; filtered to a category, or to a role's requirements.

    Columns: id, label, category, kind, aliases, implies, related (lists comma-joined); with
    ``role`` also the requirement's area, importance, weight and years, in the role's order.
    """
    if role is not None:
        the_role = taxonomy.role(role)
        reqs = [r for r in the_role.requirements if category is None or _same(taxonomy[r.skill_id].category, category) or _same(r.area, category)]
        rows = [{**_skill_row(taxonomy[r.skill_id]), "area": r.area, "importance": r.importance, "weight": r.weight, "years": r.years} for r in reqs]
        return pd.DataFrame(rows, columns=[*_SKILL_COLUMNS, "area", "importance", "weight", "years"])
    skills = taxonomy.in_category(category) if category is not None else list(taxonomy)
    if category is not None and not skills:
        raise UsageError(f"no category {category!r} (categories: {', '.join(taxonomy.categories)})", fix="pick one of the categories listed")
    return pd.DataFrame([_skill_row(s) for s in skills], columns=_SKILL_COLUMNS)


_SKILL_COLUMNS = ["id", "label", "category", "kind", "aliases", "implies", "related"]


def _skill_row(skill: Skill) -> dict[str, Any]:
    return {
        "id": skill.id,
        "label": skill.label,
        "category": skill.category,
        "kind": skill.kind,
        "aliases": ", ".join(skill.aliases),
        "implies": ", ".join(skill.implies),
        "related": ", ".join(skill.related),
    }


def _same(a: str, b: str) -> bool:
    return a.casefold().strip() == b.casefold().strip()


def skill_label(taxonomy: Taxonomy, skill_id: str) -> str:
    """The label of a skill id, or the id itself when the taxonomy lacks it."""
    skill = taxonomy.skills.get(skill_id)
    return skill.label if skill else skill_id
