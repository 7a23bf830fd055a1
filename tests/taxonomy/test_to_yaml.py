"""Taxonomy.to_yaml: a taxonomy written back as reviewable YAML loads again equal (shipped and ESCO)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from skillgap.errors import TaxonomyError
from skillgap.taxonomy import load_taxonomy

ESCO = (
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n"
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/aaa-1,knowledge,x,Python (computer programming),"Python\nPython programming",A language\n'
    'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/bbb-2,skill/competence,x,use spreadsheets software,"spreadsheets\nPython","Excel: sheets, ""cells"" etc"\n'
)


def test_the_shipped_taxonomy_round_trips(tmp_path: Path) -> None:
    shipped = load_taxonomy()
    files = shipped.to_yaml(tmp_path / "out")
    again = load_taxonomy(tmp_path / "out")
    assert again == shipped
    assert again.categories and set(again.categories) == set(shipped.categories)
    assert {r.id: r.requirements for r in again.roles.values()} == {r.id: r.requirements for r in shipped.roles.values()}
    assert {r.id: dict(r.area_descriptions) for r in again.roles.values()} == {r.id: dict(r.area_descriptions) for r in shipped.roles.values()}
    assert len([f for f in files if f.parent.name == "skills"]) == len(shipped.categories)
    assert sorted(f.name for f in files if f.parent.name == "roles") == sorted(f"{r}.yaml" for r in shipped.roles)


def test_an_esco_import_is_saved_as_yaml(tmp_path: Path) -> None:
    csv_file = tmp_path / "esco.csv"
    csv_file.write_text(ESCO, encoding="utf-8")
    imported = load_taxonomy(csv_file)
    files = imported.to_yaml(tmp_path / "yaml")
    assert sorted(f.relative_to(tmp_path / "yaml").as_posix() for f in files) == ["skills/knowledge.yaml", "skills/skill-competence.yaml"]
    again = load_taxonomy(tmp_path / "yaml")
    assert again == imported and again.warnings == ()
    assert again["use-spreadsheets-software"].description == 'Excel: sheets, "cells" etc'
    text = (tmp_path / "yaml/skills/knowledge.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Written by skillgap's Taxonomy.to_yaml from: esco.csv\ncategory: knowledge\nskills:\n- id: python-computer-programming\n")


def test_to_yaml_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="the folder exists and is not empty"):
        load_taxonomy().to_yaml(tmp_path)


def test_the_taxonomy_pickles_equal_with_its_lookups() -> None:
    shipped = load_taxonomy()
    copy = pickle.loads(pickle.dumps(shipped))
    assert copy == shipped and copy.sources == shipped.sources
    assert copy.lookup("sklearn") == shipped.lookup("sklearn") and copy.siblings("pytorch") == shipped.siblings("pytorch")
