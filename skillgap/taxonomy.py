"""Load, validate and merge skills taxonomies and role profiles (YAML, plain CSV, ESCO CSV).

Skills and roles are data: they live in ``taxonomy/`` (shipped inside the wheel and found with
``importlib.resources``) or in the user's own files. Every file is validated on load and every
problem raises :class:`~skillgap.errors.TaxonomyError` naming the file, the entry and the fix.
"""

from __future__ import annotations

import csv
import difflib
import io
import functools
import importlib.resources
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from .errors import TaxonomyError

SkillKind = Literal["hard", "soft", "tool", "knowledge"]
Importance = Literal["required", "preferred"]

SKILL_KINDS: tuple[str, ...] = ("hard", "soft", "tool", "knowledge")
IMPORTANCES: tuple[str, ...] = ("required", "preferred")

_SKILL_KEYS = frozenset(
    {"id", "label", "category", "kind", "aliases", "ambiguous", "whole_item", "field_forms", "listed_forms", "field", "patterns", "implies", "related", "hides", "group", "description"}
)
_SKILL_FILE_KEYS = frozenset({"category", "kind", "field", "skills"})
_ROLE_KEYS = frozenset({"id", "label", "description", "source", "areas"})
_AREA_KEYS = frozenset({"name", "importance", "weight", "skills", "description"})
_REQ_KEYS = frozenset({"skill", "importance", "weight", "years"})
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

#: Largest taxonomy file accepted (bytes), and most YAML nodes a file may stand for once its
#: aliases (``*ref``) are expanded: a "billion laughs" alias bomb is refused before use.
MAX_FILE_BYTES = 20_000_000
MAX_YAML_NODES = 2_000_000
#: Most matcher terms (labels + aliases + patterns) one taxonomy may hold; past this the
#: spaCy matchers would take minutes to build and gigabytes of memory (100,000 terms measured
#: 3 s and about 700 MB to build; the shipped taxonomy has under 3,000).
MAX_TERMS = 200_000


def normalize_term(text: str) -> str:
    """Key under which labels and aliases are compared: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def slugify(text: str) -> str:
    """A stable id from a label: ``"C++"`` -> ``"c-plus-plus"``, ``"Node.js"`` -> ``"node-js"``."""
    text = text.casefold().replace("+", " plus ").replace("#", " sharp ")
    return "-".join(re.findall(r"[a-z0-9]+", text)) or "skill"


@dataclass(frozen=True)
class Skill:
    """One skill: stable ``id``, display ``label``, the names it goes by and its links to others.

    ``ambiguous`` lists the surface forms (label or aliases) that count only in a technical
    context ("R", "Go", "Spark"), and ``whole_item`` those of them that count only as the whole of
    their list item, their longer phrases naming something else ("user access", "Access key
    rotation", "word of mouth"); ``field_forms`` the everyday words (label, aliases or words a
    pattern matches: "optimization", "forecasting") that name the skill only in a document of its
    field, one that states other skills of the skill's category or of ``field_categories`` (YAML ``field``)
    ("process optimization" in a marketing résumé is no mathematics), and ``listed_forms`` those of them
    that name it in any document as the whole of an item in a skills section, a skill claimed by name
    ("Skills: Forecasting, Payroll" in an accountant's résumé); ``patterns`` are spaCy Matcher token patterns; ``implies``
    names skills this one entails (PyTorch -> deep learning); ``related`` and ``group`` name
    siblings a candidate could transfer from (TensorFlow <-> PyTorch); ``hides`` the skills
    whose names this one's terms hold without meaning them ("regression testing" holds no
    Regression, "data warehousing" no Warehousing): inside a match of this skill they are no mention.
    """

    id: str
    label: str
    category: str
    kind: SkillKind = "hard"
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    whole_item: tuple[str, ...] = ()
    field_forms: tuple[str, ...] = ()
    listed_forms: tuple[str, ...] = ()
    field_categories: tuple[str, ...] = ()
    patterns: tuple[tuple[Mapping[str, Any], ...], ...] = field(default=(), hash=False, compare=False)
    implies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    hides: tuple[str, ...] = ()
    group: str | None = None
    description: str = ""
    #: The file the skill was read from: provenance, not part of what the skill is.
    source: str = field(default="", compare=False)

    @property
    def terms(self) -> tuple[str, ...]:
        """The label followed by every alias."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Requirement:
    """One skill a role asks for, with its importance, weight, the role's area and years asked."""

    skill_id: str
    importance: Importance = "required"
    weight: float = 1.0
    area: str = ""
    years: float | None = None


@dataclass(frozen=True)
class Role:
    """A role profile: named requirements grouped into areas (the article's six areas for ML)."""

    id: str
    label: str
    requirements: tuple[Requirement, ...]
    description: str = ""
    source: str = field(default="", compare=False)
    area_descriptions: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def areas(self) -> tuple[str, ...]:
        """Area names in the order the profile gives them."""
        return tuple(dict.fromkeys(r.area for r in self.requirements))


@dataclass(frozen=True)
class Taxonomy:
    """Skills by id and roles by id, merged from one or more files; immutable once loaded.

    Two taxonomies are equal when their skills and roles are (``sources`` and load ``warnings``
    are provenance), so one written out with `to_yaml` and loaded again equals the original.
    """

    skills: Mapping[str, Skill]
    roles: Mapping[str, Role] = field(default_factory=dict)
    sources: tuple[str, ...] = field(default=(), compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "skills", MappingProxyType(dict(self.skills)))
        object.__setattr__(self, "roles", MappingProxyType(dict(self.roles)))
        index: dict[str, str] = {}
        for skill in self.skills.values():
            for term in skill.terms:
                index.setdefault(normalize_term(term), skill.id)
        object.__setattr__(self, "_index", index)
        siblings: dict[str, dict[str, None]] = {s.id: dict.fromkeys(s.related) for s in self.skills.values()}
        groups: dict[str, list[str]] = {}
        for skill in self.skills.values():
            for other in skill.related:  # related is read both ways
                siblings.setdefault(other, {})[skill.id] = None
            if skill.group:
                groups.setdefault(skill.group, []).append(skill.id)
        for skill in self.skills.values():
            if skill.group:
                siblings[skill.id].update(dict.fromkeys(groups[skill.group]))
            siblings[skill.id].pop(skill.id, None)
        object.__setattr__(self, "_siblings", {k: tuple(v) for k, v in siblings.items()})

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as plain dicts (a read-only mapping proxy cannot be pickled): worker processes
        and Dask workers receive the taxonomy this way."""
        return (Taxonomy, (dict(self.skills), dict(self.roles), self.sources, self.warnings))

    def to_yaml(self, folder: str | Path) -> list[Path]:
        """Write the taxonomy out as reviewable YAML that `load_taxonomy` reads back equal: one
        ``skills/<category>.yaml`` per category and one ``roles/<id>.yaml`` per role, under
        ``folder`` (new or empty: a `TaxonomyError` otherwise). Returns the files written."""
        from ._taxonomy_yaml import write_taxonomy

        return write_taxonomy(self, Path(folder), slugify)

    def __getitem__(self, skill_id: str) -> Skill:
        try:
            return self.skills[skill_id]
        except KeyError:
            raise TaxonomyError(
                f"no skill with id {skill_id!r}", fix=_suggest(skill_id, self.skills) or "list ids with `skillgap taxonomy show`"
            ) from None

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def __iter__(self) -> Iterator[Skill]:
        return iter(self.skills.values())

    def __len__(self) -> int:
        return len(self.skills)

    @property
    def categories(self) -> tuple[str, ...]:
        """Category names in file order."""
        return tuple(dict.fromkeys(s.category for s in self.skills.values()))

    def in_category(self, category: str) -> list[Skill]:
        """Skills of one category (case-insensitive name)."""
        key = normalize_term(category)
        return [s for s in self.skills.values() if normalize_term(s.category) == key]

    def lookup(self, name: str) -> Skill | None:
        """The skill whose id, label or alias is ``name`` (case-insensitive), or None."""
        if name in self.skills:
            return self.skills[name]
        skill_id = self._index.get(normalize_term(name))  # type: ignore[attr-defined]
        return self.skills[skill_id] if skill_id else None

    def role(self, name: str) -> Role:
        """A role by id or label; a clear error with suggestions when it is unknown."""
        if name in self.roles:
            return self.roles[name]
        for role in self.roles.values():
            if normalize_term(role.label) == normalize_term(name):
                return role
        raise TaxonomyError(
            f"no role {name!r} in this taxonomy (roles: {', '.join(self.roles) or 'none'})",
            fix=_suggest(name, self.roles) or "add a role file under taxonomy/roles/ or pass --taxonomy with one",
        )

    def siblings(self, skill_id: str) -> tuple[str, ...]:
        """Skills a candidate could transfer to ``skill_id`` from: its ``related`` ones (either way) and its ``group``."""
        self[skill_id]  # a clear error for an unknown id
        return self._siblings.get(skill_id, ())  # type: ignore[attr-defined]

    def implications(self, skill_id: str) -> tuple[str, ...]:
        """Every skill ``skill_id`` implies, transitively, nearest first."""
        seen: dict[str, None] = {}
        frontier = list(self[skill_id].implies)
        while frontier:
            nxt = frontier.pop(0)
            if nxt not in seen and nxt != skill_id:
                seen[nxt] = None
                frontier.extend(self.skills[nxt].implies)
        return tuple(seen)


def _suggest(name: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(choices), n=3, cutoff=0.6)
    return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else None


# --------------------------------------------------------------------------------------------
# Loading


def shipped_taxonomy_dir() -> Path:
    """The folder of the taxonomy shipped inside the package (``skillgap/_taxonomy``)."""
    return Path(str(importlib.resources.files("skillgap") / "_taxonomy"))


def load_taxonomy(*paths: str | Path, include_shipped: bool | None = None) -> Taxonomy:
    """Load and validate taxonomy files or folders and merge them into one `Taxonomy`.

    With no paths, the shipped taxonomy. With paths, only those, unless ``include_shipped``
    is true (then the user's skills and roles are added to the shipped ones; an id defined
    twice is an error). Accepts our YAML format, plain CSV (``label,aliases,category``,
    aliases ``|``-separated) and ESCO skills CSV exports (``conceptUri,preferredLabel,...``).
    """
    if include_shipped is None:
        include_shipped = not paths
    if include_shipped and not paths:
        return _load_shipped()
    files = [*(_collect_files(shipped_taxonomy_dir()) if include_shipped else ())]
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise TaxonomyError("no such file or folder", source=str(path), fix="check the path")
        files.extend(_collect_files(path) if path.is_dir() else [path])
    if not files:
        raise TaxonomyError("no taxonomy files found", source=", ".join(map(str, paths)), fix="pass .yaml, .yml or .csv files")
    return _build(files)


@functools.lru_cache(maxsize=1)
def _load_shipped() -> Taxonomy:
    return _build(_collect_files(shipped_taxonomy_dir()))


def is_shipped(taxonomy: Taxonomy) -> bool:
    """True when ``taxonomy`` is the object `load_taxonomy()` returns; never loads the shipped one to
    find out (a custom taxonomy's user should not pay for it)."""
    return _load_shipped.cache_info().currsize > 0 and taxonomy is _load_shipped()


def _collect_files(folder: Path) -> list[Path]:
    """Taxonomy files under a folder, sorted; `NOT_SKILL_FILES` (document vocabularies, the match weights) are not skills."""
    found = [p for p in folder.rglob("*") if p.suffix.lower() in (".yaml", ".yml", ".csv") and p.is_file()]
    return sorted((p for p in found if p.name not in NOT_SKILL_FILES), key=lambda p: p.relative_to(folder).as_posix())


#: Shipped data files beside the skills that hold something else.
NOT_SKILL_FILES = frozenset({"sections.yaml", "career.yaml", "match.yaml"})


@dataclass
class _Raw:
    """Entries read from files before cross-file validation."""

    skills: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    roles: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _build(files: list[Path]) -> Taxonomy:
    raw = _Raw()
    for path in files:
        _read_file(path, raw)
    skills = _validate_skills(raw.skills)
    roles = _validate_roles(raw.roles, skills)
    return Taxonomy(skills=skills, roles=roles, sources=tuple(map(str, files)), warnings=tuple(raw.warnings))


def _read_file(path: Path, raw: _Raw) -> None:
    src = str(path)
    text = _read_text(path)
    if path.suffix.lower() == ".csv":
        _read_csv(text, src, raw)
    else:
        _read_yaml(text, src, raw)


def _read_text(path: Path) -> str:
    """A data file's text, within `MAX_FILE_BYTES`, as UTF-8 (a BOM is dropped)."""
    src = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TaxonomyError(f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} limit", source=src, fix="split it into several files")
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TaxonomyError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", source=src, fix="save the file as UTF-8") from None
    except OSError as exc:
        raise TaxonomyError(f"cannot read: {exc.strerror}", source=src, fix="check the path and its permissions") from None


def read_yaml_file(path: str | Path, *, what: str) -> Any:
    """The data of a YAML rules file (sections, career vocabulary, match weights), read with the
    taxonomy's own guards: size limit, UTF-8, safe loader, alias-bomb count, nesting depth. Any
    fault is a `TaxonomyError` naming the file: "cannot read the {what}: ..."."""
    src = str(path)
    try:
        return _parse_yaml(_read_text(Path(path)), src)
    except TaxonomyError as exc:
        raise TaxonomyError(f"cannot read the {what}: {exc.problem}", source=src, fix=exc.fix) from None


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_nodes(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many nodes ``node`` stands for with every alias expanded (shared nodes counted each time)."""
    key = id(node)
    if key not in memo:
        memo[key] = 1  # a recursive alias counts once instead of looping
        if isinstance(node, yaml.SequenceNode):
            memo[key] += sum(_yaml_nodes(child, memo) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            memo[key] += sum(_yaml_nodes(k, memo) + _yaml_nodes(v, memo) for k, v in node.value)
    return memo[key]


def _parse_yaml(text: str, src: str) -> Any:
    """YAML text as data with the safe loader, refusing alias bombs and too deep nesting. The
    libyaml loader when PyYAML has it: the same data about ten times faster, which every worker
    process pays at start."""
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        size = _yaml_nodes(node, {}) if node is not None else 0
        if size > MAX_YAML_NODES:
            raise TaxonomyError(
                f"the YAML expands to {size:,} nodes through its aliases (an alias bomb?), over the {MAX_YAML_NODES:,} limit",
                source=src,
                fix="write the entries out instead of nesting anchors and aliases",
            )
        data = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, RecursionError) as exc:  # too deep: Python's recursion limit, or libyaml's own depth limit
        if isinstance(exc, RecursionError) or "maximum nesting depth" in str(exc):
            raise TaxonomyError("the YAML is nested too deeply", source=src, fix="flatten the structure") from None
        raise TaxonomyError(f"invalid YAML: {exc}".replace("\n", " "), source=src, fix="fix the YAML syntax at the place shown") from None
    finally:
        loader.dispose()
    return data


def _read_yaml(text: str, src: str, raw: _Raw) -> None:
    data = _parse_yaml(text, src)
    if not isinstance(data, dict):
        raise TaxonomyError(
            "the top level must be a mapping with 'skills:' (a skills file) or 'id:' and 'areas:' (a role file)",
            source=src,
            fix="see taxonomy/skills/*.yaml and taxonomy/roles/*.yaml for the format",
        )
    if "areas" in data:
        raw.roles.append((data, src))
        return
    if "roles" in data and "skills" not in data:
        roles = data["roles"]
        if not isinstance(roles, list):
            raise TaxonomyError("'roles' must be a list of role mappings", source=src, fix="write roles: [- id: ..., areas: ...]")
        raw.roles.extend((r, src) for r in roles)
        return
    _check_keys(data, _SKILL_FILE_KEYS, src, None, "a skills file")
    entries = data.get("skills")
    if not isinstance(entries, list):
        raise TaxonomyError("'skills' must be a list of skill mappings", source=src, fix="write skills: [- id: ..., label: ...]")
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise TaxonomyError(f"skill #{i + 1} is a {type(entry).__name__}, not a mapping", source=src, fix="give each skill id: and label:")
        merged = {k: data[k] for k in ("category", "kind", "field") if k in data} | entry
        raw.skills.append((merged, src))


def _read_csv(text: str, src: str, raw: _Raw) -> None:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    header = {h.strip() for h in (rows[0].keys() if rows else [])}
    if {"conceptUri", "preferredLabel"} <= header:
        _read_esco(rows, src, raw)
        return
    if "label" not in header:
        raise TaxonomyError(
            f"CSV header {sorted(header)} has no 'label' column",
            source=src,
            fix="use the columns label,aliases,category (aliases separated by |) or an ESCO skills export",
        )
    for n, row in enumerate(rows, start=2):
        label = (row.get("label") or "").strip()
        if not label:
            raise TaxonomyError(f"row {n} has an empty label", source=src, fix="fill in the label or delete the row")
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        entry = {
            "id": (row.get("id") or "").strip() or slugify(label),
            "label": label,
            "aliases": aliases,
            "category": (row.get("category") or "").strip() or "uncategorised",
        }
        if (row.get("kind") or "").strip():
            entry["kind"] = row["kind"].strip()
        raw.skills.append((entry, src))


def _read_esco(rows: list[dict[str, str]], src: str, raw: _Raw) -> None:
    """ESCO skills export: alt labels shared by several concepts are dropped (with a warning)."""
    entries: list[dict[str, Any]] = []
    owners: dict[str, list[int]] = {}
    used_ids: set[str] = set()
    for row in rows:
        label = (row.get("preferredLabel") or "").strip()
        if not label:
            continue
        skill_id = slugify(label)
        if skill_id in used_ids:
            skill_id = f"{skill_id}-{slugify((row.get('conceptUri') or '').rsplit('/', 1)[-1])[:8]}"
        used_ids.add(skill_id)
        alts = [a.strip() for a in re.split(r"[\n|]", row.get("altLabels") or "") if a.strip()]
        kind = "knowledge" if "knowledge" in (row.get("skillType") or "") else "hard"
        entry = {
            "id": skill_id,
            "label": label,
            "aliases": [a for a in dict.fromkeys(alts) if normalize_term(a) != normalize_term(label)],
            "kind": kind,
            "category": (row.get("skillType") or "esco").strip() or "esco",
            "description": (row.get("description") or "").strip(),
        }
        entries.append(entry)
        for term in entry["aliases"]:
            owners.setdefault(normalize_term(term), []).append(len(entries) - 1)
    labels = {normalize_term(e["label"]) for e in entries}
    clashes = {t for t, who in owners.items() if len(who) > 1 or t in labels}
    for entry in entries:
        dropped = [a for a in entry["aliases"] if normalize_term(a) in clashes]
        if dropped:
            entry["aliases"] = [a for a in entry["aliases"] if normalize_term(a) not in clashes]
            raw.warnings.append(f"{src}: {entry['id']}: dropped alt labels shared with other concepts: {', '.join(dropped)}")
        raw.skills.append((entry, src))


# --------------------------------------------------------------------------------------------
# Validation


def _check_keys(data: Mapping[str, Any], allowed: frozenset[str], src: str, entry: str | None, what: str) -> None:
    for key in data:
        if key not in allowed:
            hint = _suggest(str(key), allowed)
            raise TaxonomyError(
                f"unknown key {key!r} in {what}",
                source=src,
                entry=entry,
                fix=hint or f"allowed keys: {', '.join(sorted(allowed))}",
            )


def _str_list(value: Any, key: str, src: str, entry: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"'{key}' must be a list of non-empty strings", source=src, entry=entry, fix=f"write {key}: [a, b]")
    return tuple(v.strip() for v in value)


def _validate_skills(entries: list[tuple[dict[str, Any], str]]) -> dict[str, Skill]:
    skills: dict[str, Skill] = {}
    origin: dict[str, str] = {}
    term_owner: dict[str, tuple[str, str]] = {}
    n_terms = 0
    for data, src in entries:
        entry = str(data.get("id") or data.get("label") or "?")
        _check_keys(data, _SKILL_KEYS, src, entry, "a skill")
        for key in ("id", "label", "category"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                raise TaxonomyError(f"missing or empty '{key}'", source=src, entry=entry, fix=f"add {key}: to the skill")
        skill_id = data["id"].strip()
        if not _ID_RE.match(skill_id):
            raise TaxonomyError(
                "id must be a lowercase slug (letters, digits, single hyphens)",
                source=src,
                entry=skill_id,
                fix=f"use id: {slugify(skill_id)}",
            )
        if skill_id in skills:
            raise TaxonomyError(f"duplicate id, first defined in {origin[skill_id]}", source=src, entry=skill_id, fix="give each skill its own id or delete one")
        kind = data.get("kind", "hard")
        if kind not in SKILL_KINDS:
            raise TaxonomyError(f"kind {kind!r} is not one of {', '.join(SKILL_KINDS)}", source=src, entry=skill_id, fix="set kind: hard, soft, tool or knowledge")
        label = data["label"].strip()
        aliases = tuple(a for a in dict.fromkeys(_str_list(data.get("aliases"), "aliases", src, skill_id)) if a != label)
        ambiguous = _str_list(data.get("ambiguous"), "ambiguous", src, skill_id)
        terms = {normalize_term(t) for t in (label, *aliases)}
        for form in ambiguous:
            if normalize_term(form) not in terms:
                raise TaxonomyError(
                    f"ambiguous form {form!r} is neither the label nor an alias", source=src, entry=skill_id, fix=f"add {form!r} to aliases or remove it from ambiguous"
                )
        whole_item = _str_list(data.get("whole_item"), "whole_item", src, skill_id)
        unsure = {normalize_term(a) for a in ambiguous}
        for form in whole_item:
            if normalize_term(form) not in unsure:
                raise TaxonomyError(f"whole_item form {form!r} is not an ambiguous form", source=src, entry=skill_id, fix=f"add {form!r} to ambiguous or remove it from whole_item")
        field_forms = tuple(normalize_term(f) for f in _str_list(data.get("field_forms"), "field_forms", src, skill_id))
        listed_forms = tuple(normalize_term(f) for f in _str_list(data.get("listed_forms"), "listed_forms", src, skill_id))
        for form in listed_forms:
            if form not in field_forms:
                raise TaxonomyError(f"listed form {form!r} is not a field form", source=src, entry=skill_id, fix=f"add {form!r} to field_forms or remove it from listed_forms")
        field = _str_list(data.get("field"), "field", src, skill_id)
        for term in (label, *aliases):
            key = normalize_term(term)
            if key in term_owner and term_owner[key][0] != skill_id:
                other, other_src = term_owner[key]
                raise TaxonomyError(
                    f"name {term!r} is already claimed by skill {other!r} ({other_src})",
                    source=src,
                    entry=skill_id,
                    fix="keep the name on one skill only; link the two with 'related' or 'implies'",
                )
            term_owner[key] = (skill_id, src)
        patterns = _validate_patterns(data.get("patterns"), src, skill_id)
        n_terms += len(terms) + len(patterns)
        if n_terms > MAX_TERMS:
            raise TaxonomyError(f"more than {MAX_TERMS:,} names and patterns in all", source=src, entry=skill_id, fix="load fewer or smaller taxonomy files")
        group = data.get("group")
        if group is not None and not (isinstance(group, str) and group.strip()):
            raise TaxonomyError("'group' must be a non-empty string", source=src, entry=skill_id, fix="write group: some-group-name")
        description = data.get("description") or ""
        if not isinstance(description, str):
            raise TaxonomyError("'description' must be text", source=src, entry=skill_id, fix="quote the description")
        skills[skill_id] = Skill(
            id=skill_id,
            label=label,
            category=data["category"].strip(),
            kind=kind,
            aliases=aliases,
            ambiguous=ambiguous,
            whole_item=whole_item,
            field_forms=field_forms,
            listed_forms=listed_forms,
            field_categories=field,
            patterns=patterns,
            implies=_str_list(data.get("implies"), "implies", src, skill_id),
            related=_str_list(data.get("related"), "related", src, skill_id),
            hides=_str_list(data.get("hides"), "hides", src, skill_id),
            group=group.strip() if group else None,
            description=description.strip(),
            source=src,
        )
        origin[skill_id] = src
    _validate_links(skills)
    return skills


def _validate_patterns(value: Any, src: str, skill_id: str) -> tuple[tuple[Mapping[str, Any], ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in value):
        raise TaxonomyError(
            "'patterns' must be a list of spaCy token patterns (each a non-empty list of token mappings)",
            source=src,
            entry=skill_id,
            fix='write patterns: [[{LOWER: "r"}, {LOWER: "programming"}]]',
        )
    from spacy.matcher import Matcher  # imported here: only files with patterns pay for spaCy

    matcher = Matcher(_validation_vocab(), validate=True)
    for i, pattern in enumerate(value):
        try:
            matcher.add(f"{skill_id}#{i}", [pattern])
        except Exception as exc:  # spaCy raises MatchPatternError, ValueError or KeyError
            detail = " ".join(str(exc).split())
            unquoted = [v for t in pattern for v in _leaf_values(t) if isinstance(v, (bool, int, float))]
            raise TaxonomyError(
                f"pattern #{i + 1} is rejected by spaCy: {detail[:300]}",
                source=src,
                entry=skill_id,
                fix=(
                    f"quote the values YAML read as {type(unquoted[0]).__name__} ({', '.join(map(str, unquoted))}): write \"on\", \"no\", \"3\""
                    if unquoted
                    else "see https://spacy.io/usage/rule-based-matching#adding-patterns-attributes"
                ),
            ) from None
    return tuple(tuple(dict(t) for t in p) for p in value)


def _leaf_values(value: Any) -> Iterator[Any]:
    """Every scalar inside a token pattern's nested mappings and lists."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaf_values(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaf_values(v)
    else:
        yield value


@functools.lru_cache(maxsize=1)
def _validation_vocab() -> Any:
    """One empty spaCy vocabulary, shared by every pattern check of the process."""
    from spacy.vocab import Vocab

    return Vocab()


def _validate_links(skills: dict[str, Skill]) -> None:
    categories = {s.category for s in skills.values()}
    for skill in skills.values():
        for category in skill.field_categories:
            if category not in categories:
                raise TaxonomyError(
                    f"'field' names category {category!r}, which no skill has", source=skill.source, entry=skill.id, fix=f"use one of: {', '.join(sorted(categories))}"
                )
        for key in ("implies", "related", "hides"):
            for target in getattr(skill, key):
                if target not in skills:
                    raise TaxonomyError(
                        f"'{key}' names unknown skill {target!r}",
                        source=skill.source,
                        entry=skill.id,
                        fix=_suggest(target, skills) or "define that skill or remove the link",
                    )
                if target == skill.id:
                    raise TaxonomyError(f"'{key}' names the skill itself", source=skill.source, entry=skill.id, fix=f"remove {target!r} from {key}")
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in skills[node].implies:
            if state.get(nxt) == 1:
                cycle = " -> ".join([*path[path.index(nxt):], nxt]) if nxt in path else f"{node} -> {nxt}"
                raise TaxonomyError(f"'implies' forms a cycle: {cycle}", source=skills[node].source, entry=node, fix="remove one of the implies links in the cycle")
            if state.get(nxt) is None:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for skill_id in skills:
        if skill_id not in state:
            visit(skill_id, [skill_id])


def _validate_roles(entries: list[tuple[dict[str, Any], str]], skills: Mapping[str, Skill]) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for data, src in entries:
        entry = str(data.get("id", "?")) if isinstance(data, dict) else "?"
        if not isinstance(data, dict):
            raise TaxonomyError("a role must be a mapping with id:, label: and areas:", source=src, fix="see taxonomy/roles/ml-engineer.yaml")
        _check_keys(data, _ROLE_KEYS, src, entry, "a role")
        for key in ("id", "label"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                raise TaxonomyError(f"missing or empty '{key}'", source=src, entry=entry, fix=f"add {key}: to the role")
        role_id = data["id"].strip()
        if not _ID_RE.match(role_id):
            raise TaxonomyError("role id must be a lowercase slug", source=src, entry=role_id, fix=f"use id: {slugify(role_id)}")
        if role_id in roles:
            raise TaxonomyError(f"duplicate role id, first defined in {roles[role_id].source}", source=src, entry=role_id, fix="rename one of the roles")
        areas = data.get("areas")
        if not isinstance(areas, list) or not areas:
            raise TaxonomyError("'areas' must be a non-empty list", source=src, entry=role_id, fix="write areas: [- name: ..., skills: [...]]")
        reqs: dict[str, Requirement] = {}
        notes: dict[str, str] = {}
        for area in areas:
            reqs_in_area = _validate_area(area, src, role_id, skills)
            for req in reqs_in_area:
                if req.skill_id in reqs:
                    raise TaxonomyError(
                        f"skill {req.skill_id!r} is listed twice (areas {reqs[req.skill_id].area!r} and {req.area!r})",
                        source=src,
                        entry=role_id,
                        fix="list each skill in one area only",
                    )
                reqs[req.skill_id] = req
            if isinstance(area.get("description"), str):
                notes[area["name"].strip()] = area["description"].strip()
        roles[role_id] = Role(
            id=role_id,
            label=data["label"].strip(),
            requirements=tuple(reqs.values()),
            description=str(data.get("description") or "").strip(),
            source=src,
            area_descriptions=notes,
        )
    return roles


def _validate_area(area: Any, src: str, role_id: str, skills: Mapping[str, Skill]) -> list[Requirement]:
    if not isinstance(area, dict):
        raise TaxonomyError("each area must be a mapping with name: and skills:", source=src, entry=role_id, fix="see taxonomy/roles/ml-engineer.yaml")
    name = area.get("name")
    where = f"{role_id} / {name}"
    _check_keys(area, _AREA_KEYS, src, where, "a role area")
    if not isinstance(name, str) or not name.strip():
        raise TaxonomyError("area without a name", source=src, entry=role_id, fix="add name: to the area")
    default_imp = area.get("importance", "required")
    default_weight = area.get("weight", 1.0)
    items = area.get("skills")
    if not isinstance(items, list) or not items:
        raise TaxonomyError("'skills' must be a non-empty list", source=src, entry=where, fix="list skill ids under skills:")
    out = []
    for item in items:
        spec = {"skill": item} if isinstance(item, str) else item
        if not isinstance(spec, dict) or not isinstance(spec.get("skill"), str):
            raise TaxonomyError(f"requirement {item!r} must be a skill id or a mapping with skill:", source=src, entry=where, fix="write - python or - {skill: python, importance: preferred}")
        _check_keys(spec, _REQ_KEYS, src, where, "a requirement")
        skill_id = spec["skill"]
        if skill_id not in skills:
            raise TaxonomyError(f"unknown skill {skill_id!r}", source=src, entry=where, fix=_suggest(skill_id, skills) or "define the skill in a skills file or fix the id")
        importance = spec.get("importance", default_imp)
        if importance not in IMPORTANCES:
            raise TaxonomyError(f"importance {importance!r} is not 'required' or 'preferred'", source=src, entry=where, fix="set importance: required or preferred")
        weight = spec.get("weight", default_weight)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            raise TaxonomyError(f"weight {weight!r} must be a positive number", source=src, entry=where, fix="set weight: 1.0 (or another positive number)")
        years = spec.get("years")
        if years is not None and (isinstance(years, bool) or not isinstance(years, (int, float)) or years < 0):
            raise TaxonomyError(f"years {years!r} must be a non-negative number", source=src, entry=where, fix="set years: 3")
        out.append(Requirement(skill_id=skill_id, importance=importance, weight=float(weight), area=name.strip(), years=None if years is None else float(years)))
    return out
