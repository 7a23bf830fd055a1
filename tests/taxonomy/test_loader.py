"""The taxonomy loader: formats, merging, lookups, and a TaxonomyError naming file and entry for each fault."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from skillgap.errors import TaxonomyError
from skillgap.taxonomy import load_taxonomy, slugify

SKILLS = """\
category: Machine Learning
skills:
  - id: python
    label: Python
    aliases: [python3]
  - id: r
    label: R
    aliases: [R programming]
    ambiguous: [R]
    patterns:
      - [{ORTH: R}, {LOWER: {IN: [programming, language]}}]
  - id: deep-learning
    label: Deep Learning
    implies: [machine-learning]
  - id: machine-learning
    label: Machine Learning
    aliases: [ML]
  - id: pytorch
    label: PyTorch
    implies: [deep-learning, python]
    group: dl-framework
  - id: tensorflow
    label: TensorFlow
    aliases: [tf]
    implies: [deep-learning]
    group: dl-framework
  - id: aws
    label: Amazon Web Services
    aliases: [AWS]
    related: [gcp]
    kind: tool
  - id: gcp
    label: Google Cloud Platform
    aliases: [GCP]
    kind: tool
"""

ROLE = """\
id: tiny-role
label: Tiny Role
areas:
  - name: Programming
    skills: [python, {skill: r, importance: preferred, weight: 0.5, years: 2}]
  - name: ML
    description: Deep learning frameworks
    importance: required
    weight: 2
    skills: [pytorch]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    write(tmp_path, "skills/ml.yaml", SKILLS)
    write(tmp_path, "roles/tiny.yaml", ROLE)
    return tmp_path


def test_folder_loads_skills_and_roles(tiny: Path) -> None:
    tax = load_taxonomy(tiny)
    assert list(tax.skills) == ["python", "r", "deep-learning", "machine-learning", "pytorch", "tensorflow", "aws", "gcp"]
    assert tax.categories == ("Machine Learning",)
    assert tax["aws"].kind == "tool" and tax["python"].kind == "hard"
    assert tax["r"].ambiguous == ("R",)
    assert tax["r"].patterns[0][0] == {"ORTH": "R"}
    role = tax.role("tiny-role")
    assert [(r.skill_id, r.importance, r.weight, r.area, r.years) for r in role.requirements] == [
        ("python", "required", 1.0, "Programming", None),
        ("r", "preferred", 0.5, "Programming", 2.0),
        ("pytorch", "required", 2.0, "ML", None),
    ]
    assert role.areas == ("Programming", "ML")
    assert role.area_descriptions == {"ML": "Deep learning frameworks"}
    assert tax.role("Tiny Role") is role


def test_lookup_by_label_alias_and_id_is_case_insensitive(tiny: Path) -> None:
    tax = load_taxonomy(tiny)
    assert tax.lookup("aws").id == "aws"
    assert tax.lookup("  amazon   web services ").id == "aws"
    assert tax.lookup("PYTHON3").id == "python"
    assert tax.lookup("r programming").id == "r"
    assert tax.lookup("Julia") is None


def test_implications_are_transitive_and_siblings_symmetric(tiny: Path) -> None:
    tax = load_taxonomy(tiny)
    assert tax.implications("pytorch") == ("deep-learning", "python", "machine-learning")
    assert tax.siblings("pytorch") == ("tensorflow",)
    assert tax.siblings("aws") == ("gcp",)
    assert tax.siblings("gcp") == ("aws",)  # related is read both ways
    assert tax.siblings("python") == ()


def test_unknown_skill_and_role_errors_suggest(tiny: Path) -> None:
    tax = load_taxonomy(tiny)
    with pytest.raises(TaxonomyError, match="did you mean 'pytorch'"):
        tax["pytorh"]
    with pytest.raises(TaxonomyError, match="no role 'tiny-rol'.*did you mean 'tiny-role'"):
        tax.role("tiny-rol")


def test_plain_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.csv", "label,aliases,category\nKubernetes,k8s|kube,Ops\nC++,cpp,Programming\n")
    tax = load_taxonomy(path)
    assert list(tax.skills) == ["kubernetes", "c-plus-plus"]
    assert tax.lookup("k8s").label == "Kubernetes"
    assert tax["c-plus-plus"].category == "Programming"


def test_esco_csv_drops_shared_alt_labels_with_a_warning(tmp_path: Path) -> None:
    text = (
        "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n"
        'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/aaa-1,knowledge,x,Python (computer programming),"Python\nPython programming",A language\n'
        'KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/bbb-2,skill/competence,x,use spreadsheets software,"spreadsheets\nPython",Excel etc\n'
    )
    path = tmp_path / "esco.csv"
    path.write_text(text, encoding="utf-8")
    tax = load_taxonomy(path)
    assert tax["python-computer-programming"].kind == "knowledge"
    assert tax["python-computer-programming"].aliases == ("Python programming",)
    assert tax["use-spreadsheets-software"].aliases == ("spreadsheets",)
    assert tax.lookup("python") is None
    assert len(tax.warnings) == 2 and "Python" in tax.warnings[0]


def test_include_shipped_merges_user_files(tiny: Path) -> None:
    extra = write(tiny, "extra/more.yaml", "category: X\nskills:\n  - id: zzz-skill-for-test\n    label: Zzz Skill\n")
    merged = load_taxonomy(extra, include_shipped=True)
    assert "zzz-skill-for-test" in merged
    assert len(merged) == len(load_taxonomy()) + 1


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="no such file"):
        load_taxonomy(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("text", "entry", "message"),
    [
        ("skills:\n  - id: a\n    label: A\n    category: C\n    alias: [b]\n", "a", r"unknown key 'alias'.*did you mean 'aliases'"),
        ("skills:\n  - id: a\n    category: C\n", "a", r"missing or empty 'label'"),
        ("skills:\n  - label: A\n    category: C\n", "A", r"missing or empty 'id'"),
        ("skills:\n  - id: Big Id\n    label: A\n    category: C\n", "Big Id", r"lowercase slug.*use id: big-id"),
        ("category: C\nskills:\n  - {id: a, label: A}\n  - {id: a, label: B}\n", "a", r"duplicate id"),
        ("category: C\nskills:\n  - {id: a, label: A, aliases: [shared]}\n  - {id: b, label: B, aliases: [Shared]}\n", "b", r"'Shared' is already claimed by skill 'a'"),
        ("category: C\nskills:\n  - {id: a, label: A, implies: [nope]}\n", "a", r"'implies' names unknown skill 'nope'"),
        ("category: C\nskills:\n  - {id: a, label: A, related: [a]}\n", "a", r"names the skill itself"),
        ("category: C\nskills:\n  - {id: a, label: A, hides: [nope]}\n", "a", r"'hides' names unknown skill 'nope'"),
        ("category: C\nskills:\n  - {id: a, label: A, hides: [a]}\n", "a", r"'hides' names the skill itself.*remove 'a' from hides"),
        (
            "category: C\nskills:\n  - {id: a, label: A, implies: [b]}\n  - {id: b, label: B, implies: [c]}\n  - {id: c, label: C2, implies: [a]}\n",
            "c",
            r"cycle: a -> b -> c -> a",
        ),
        ("category: C\nskills:\n  - {id: a, label: A, kind: expert}\n", "a", r"kind 'expert'"),
        ("category: C\nskills:\n  - {id: a, label: A, ambiguous: [Z]}\n", "a", r"ambiguous form 'Z' is neither"),
        ("category: C\nskills:\n  - {id: a, label: A, aliases: [Z], whole_item: [Z]}\n", "a", r"whole_item form 'Z' is not an ambiguous form.*add 'Z' to ambiguous"),
        ("category: C\nskills:\n  - {id: a, label: A, field_forms: [a], listed_forms: [z]}\n", "a", r"listed form 'z' is not a field form.*add 'z' to field_forms"),
        ("category: C\nskills:\n  - id: a\n    label: A\n    patterns: [[{LOWR: a}]]\n", "a", r"pattern #1 is rejected by spaCy"),
        ("category: C\nskills:\n  - id: a\n    label: A\n    patterns: [{LOWER: a}]\n", "a", r"'patterns' must be a list of spaCy token patterns"),
        ("category: C\nskills:\n  - id: a\n    label: A\n    patterns: [[{LOWER: {IN: [on, x]}}]]\n", "a", r"rejected by spaCy.*quote the values YAML read as bool \(True\)"),
        ("category: C\nskills:\n  - id: a\n    label: A\n    aliases: [1, 2]\n", "a", r"'aliases' must be a list of non-empty strings"),
        ("category: C\nskills:\n  - {id: a, label: A, field_forms: [a], field: [Nope]}\n", "a", r"'field' names category 'Nope', which no skill has.*use one of: C"),
    ],
)
def test_bad_skill_files_name_file_entry_and_fix(tmp_path: Path, text: str, entry: str, message: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(TaxonomyError, match=message) as info:
        load_taxonomy(path)
    err = info.value
    assert err.source == str(path)
    assert err.entry == entry
    assert err.fix
    assert str(path) in str(err) and f"entry {entry!r}" in str(err) and "fix:" in str(err)


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("id: r1\nlabel: R1\nareas:\n  - name: A\n    skills: [pyton]\n", r"unknown skill 'pyton'.*did you mean 'python'"),
        ("id: r1\nlabel: R1\nareas:\n  - name: A\n    skills: [{skill: python, importance: must}]\n", r"importance 'must'"),
        ("id: r1\nlabel: R1\nareas:\n  - name: A\n    weight: -1\n    skills: [python]\n", r"weight -1 must be a positive number"),
        ("id: r1\nlabel: R1\nareas:\n  - name: A\n    skills: [python]\n  - name: B\n    skills: [python]\n", r"'python' is listed twice"),
        ("id: r1\nlabel: R1\nareas: []\n", r"'areas' must be a non-empty list"),
        ("id: r1\nlabel: R1\nowner: me\nareas:\n  - name: A\n    skills: [python]\n", r"unknown key 'owner' in a role"),
    ],
)
def test_bad_role_files(tiny: Path, role: str, message: str) -> None:
    path = write(tiny, "roles/bad.yaml", role)
    with pytest.raises(TaxonomyError, match=message) as info:
        load_taxonomy(tiny)
    assert info.value.source == str(path)


def test_invalid_yaml_and_wrong_top_level(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="invalid YAML"):
        load_taxonomy(write(tmp_path, "a.yaml", "skills: [\n"))
    with pytest.raises(TaxonomyError, match="top level must be a mapping"):
        load_taxonomy(write(tmp_path, "b.yaml", "- just\n- a list\n"))
    with pytest.raises(TaxonomyError, match="CSV header.*no 'label' column"):
        load_taxonomy(write(tmp_path, "c.csv", "name,x\nfoo,bar\n"))
    bad = tmp_path / "d.yaml"
    bad.write_bytes(b"skills: \xff\xfe\n")
    with pytest.raises(TaxonomyError, match="not UTF-8"):
        load_taxonomy(bad)


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join([f'*{prev}'] * 9)}]")
    lines.append("skills: []")
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    with pytest.raises(TaxonomyError, match="alias bomb"):
        load_taxonomy(path)


def test_slugify() -> None:
    assert slugify("C++") == "c-plus-plus"
    assert slugify("C#") == "c-sharp"
    assert slugify("Node.js") == "node-js"
    assert slugify("Power BI") == "power-bi"


def test_is_shipped_tells_the_shipped_taxonomy_without_loading_it(tmp_path):
    """`extract_many(n_process=...)` asks whether its taxonomy is the shipped one: for a custom one
    the answer must not cost loading the shipped files (checked in a fresh interpreter)."""
    import subprocess
    import sys

    (tmp_path / "skills.yaml").write_text(SKILLS, encoding="utf-8")
    code = (
        "import sys; from skillgap import taxonomy as t; custom = t.load_taxonomy(sys.argv[1]);"
        "print(t.is_shipped(custom), t._load_shipped.cache_info().currsize, t.is_shipped(t.load_taxonomy()))"
    )
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["False", "0", "True"], run.stderr
