"""`Taxonomy.to_yaml`: a taxonomy (shipped, merged or imported from ESCO CSV) written back as the YAML files it loads from."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import TaxonomyError

if TYPE_CHECKING:
    from .taxonomy import Requirement, Role, Skill, Taxonomy


def write_taxonomy(taxonomy: Taxonomy, folder: Path, slugify: Callable[[str], str]) -> list[Path]:
    """Write ``skills/<category>.yaml`` (file names by ``slugify``, the taxonomy's own, passed in so
    this module needs nothing of taxonomy.py at run time) and ``roles/<id>.yaml`` under ``folder``;
    the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise TaxonomyError("the folder exists and is not empty", source=str(folder), fix="pass a new or empty folder (a taxonomy folder loads every YAML file in it)")
    origin = ", ".join(dict.fromkeys(Path(s).name for s in taxonomy.sources)) or "skillgap"
    header = f"# Written by skillgap's Taxonomy.to_yaml from: {origin}\n"
    written: list[Path] = []
    by_category: dict[str, list[Skill]] = {}
    for skill in taxonomy:
        by_category.setdefault(skill.category, []).append(skill)
    names: set[str] = set()
    for category, skills in by_category.items():
        name = _unique(slugify(category), names)
        written.append(_dump(folder / "skills" / f"{name}.yaml", header, {"category": category, "skills": [_skill(s) for s in skills]}))
    for role in taxonomy.roles.values():
        written.append(_dump(folder / "roles" / f"{role.id}.yaml", header, _role(role)))
    return written


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3`` ... when two categories give one file name."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(candidate)
    return candidate


def _dump(path: Path, header: str, data: Mapping[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    path.write_text(header + text, encoding="utf-8")
    return path


#: A skill file's list keys and the `Skill` attributes they hold (``field`` is ``field_categories``:
#: the dataclass cannot name a field ``field``).
_LIST_KEYS = (("aliases", "aliases"), ("ambiguous", "ambiguous"), ("whole_item", "whole_item"), ("field_forms", "field_forms"), ("listed_forms", "listed_forms"), ("field", "field_categories"), ("implies", "implies"), ("related", "related"), ("hides", "hides"))


def _skill(skill: Skill) -> dict[str, Any]:
    """A skill entry with the keys a skills file uses (empty ones left out; ``category`` is the file's)."""
    entry: dict[str, Any] = {"id": skill.id, "label": skill.label, "kind": skill.kind}
    for key, attribute in _LIST_KEYS:
        if getattr(skill, attribute):
            entry[key] = list(getattr(skill, attribute))
    if skill.patterns:
        entry["patterns"] = [[_plain(token) for token in pattern] for pattern in skill.patterns]
    if skill.group:
        entry["group"] = skill.group
    if skill.description:
        entry["description"] = skill.description
    return entry


def _plain(value: Any) -> Any:
    """Token-pattern values as YAML-safe lists and dicts (patterns are stored as tuples)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _role(role: Role) -> dict[str, Any]:
    data: dict[str, Any] = {"id": role.id, "label": role.label}
    if role.description:
        data["description"] = role.description
    areas = []
    for name in role.areas:
        area: dict[str, Any] = {"name": name}
        if name in role.area_descriptions:
            area["description"] = role.area_descriptions[name]
        area["skills"] = [_requirement(r) for r in role.requirements if r.area == name]
        areas.append(area)
    data["areas"] = areas
    return data


def _requirement(req: Requirement) -> str | dict[str, Any]:
    """A plain id for a required skill of weight 1, else the mapping with what differs."""
    spec: dict[str, Any] = {"skill": req.skill_id}
    if req.importance != "required":
        spec["importance"] = req.importance
    if req.weight != 1.0:
        spec["weight"] = req.weight
    if req.years is not None:
        spec["years"] = req.years
    return spec if len(spec) > 1 else req.skill_id
