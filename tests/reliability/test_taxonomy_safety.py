"""Taxonomy files cannot blow up: alias bombs, unsafe tags and oversized taxonomies are refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import skillgap.taxonomy
from skillgap.errors import TaxonomyError
from skillgap.parallel import imap_ordered
from skillgap.taxonomy import load_taxonomy
from taxonomy_workers import cap_memory, load_outcome

SKILL = "skills:\n  - id: python\n    label: Python\n    category: languages\n"
#: Nine levels of nine references each: 81 aliases that expand to 9**9 (387 million) strings.
LAUGHS = "[" + ", ".join(['&l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] + [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]) + "]"

#: Where a bomb can hide: (file name, YAML text) pairs; a role file needs the skills file beside it.
BOMB_PLACES = {
    "skill-description": ("skills.yaml", SKILL + f"    description: {LAUGHS}\n"),
    "skill-kind": ("skills.yaml", SKILL + f"    kind: {LAUGHS}\n"),
    "skill-aliases": ("skills.yaml", SKILL + f"    aliases: {LAUGHS}\n"),
    "skill-patterns": ("skills.yaml", SKILL + f"    patterns: {LAUGHS}\n"),
    "file-category": ("skills.yaml", f"category: {LAUGHS}\nskills:\n  - id: python\n    label: Python\n"),
    "role-description": ("role.yaml", f"id: r\nlabel: R\ndescription: {LAUGHS}\nareas: [{{name: a, skills: [python]}}]\n"),
    "role-requirement": ("role.yaml", f"id: r\nlabel: R\nareas: [{{name: a, skills: [{LAUGHS}]}}]\n"),
    "role-importance": ("role.yaml", f"id: r\nlabel: R\nareas: [{{name: a, importance: {LAUGHS}, skills: [python]}}]\n"),
    "role-weight": ("role.yaml", f"id: r\nlabel: R\nareas: [{{name: a, weight: {LAUGHS}, skills: [python]}}]\n"),
    "role-years": ("role.yaml", f"id: r\nlabel: R\nareas: [{{name: a, skills: [{{skill: python, years: {LAUGHS}}}]}}]\n"),
}


def write_taxonomy(folder: Path, name: str, text: str) -> Path:
    folder.mkdir()
    if name != "skills.yaml":
        (folder / "skills.yaml").write_text(SKILL)
    (folder / name).write_text(text)
    return folder


def test_alias_bombs_are_refused_quickly_wherever_they_hide(tmp_path: Path):
    folders = [str(write_taxonomy(tmp_path / place, *spec)) for place, spec in BOMB_PLACES.items()]
    outcomes = imap_ordered(load_outcome, folders, n_process=2, timeout=10, initializer=cap_memory)
    results = {place: o.value if o.ok else o.error for place, o in zip(BOMB_PLACES, outcomes, strict=True)}
    refused = (
        r"TaxonomyError: {}: the YAML expands to [0-9,]+ nodes through its aliases \(an alias bomb\?\), over the 2,000,000 limit"
        r" \(fix: write the entries out instead of nesting anchors and aliases\)"
    )
    wrong = {place: results[place] for place, (name, _) in BOMB_PLACES.items() if not re.fullmatch(refused.format(re.escape(str(tmp_path / place / name))), results[place])}
    assert wrong == {}


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path):
    path = tmp_path / "skills.yaml"
    path.write_text("skills: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(TaxonomyError, match="the YAML is nested too deeply"):
        load_taxonomy(path)


def test_python_tags_are_not_executed(tmp_path: Path):
    path = tmp_path / "skills.yaml"
    path.write_text(SKILL + f"    description: !!python/object/apply:os.system ['touch {tmp_path / 'pwned'}']\n")
    with pytest.raises(TaxonomyError, match="could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"):
        load_taxonomy(path)
    assert not (tmp_path / "pwned").exists()


def test_a_taxonomy_too_big_for_a_matcher_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(skillgap.taxonomy, "MAX_TERMS", 10)
    path = tmp_path / "big.csv"
    path.write_text("label,aliases,category\n" + "".join(f"Skill {i},Alias {i},tools\n" for i in range(6)))
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    assert str(info.value) == f"{path}: entry 'skill-5': more than 10 names and patterns in all (fix: load fewer or smaller taxonomy files)"
    monkeypatch.setattr(skillgap.taxonomy, "MAX_TERMS", 12)
    assert len(load_taxonomy(path)) == 6


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(skillgap.taxonomy, "MAX_FILE_BYTES", 100)
    path = tmp_path / "skills.yaml"
    path.write_text(SKILL + "#" * 100)
    with pytest.raises(TaxonomyError, match=r"file is 165 bytes, over the 100 limit"):
        load_taxonomy(path)


def test_a_taxonomy_pickles_for_worker_processes(tmp_path: Path):
    import pickle

    path = tmp_path / "skills.yaml"
    path.write_text(SKILL + "    aliases: [py]\n    patterns: [[{LOWER: python}, {LOWER: '3'}]]\n")
    taxonomy = load_taxonomy(path)
    copy = pickle.loads(pickle.dumps(taxonomy))
    assert copy.skills == taxonomy.skills and copy.sources == (str(path),)
    assert copy.lookup("PY").id == "python"
    assert [list(p) for p in copy["python"].patterns] == [[{"LOWER": "python"}, {"LOWER": "3"}]]
