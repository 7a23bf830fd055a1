"""`skillgap taxonomy validate` and `skillgap taxonomy show` over a tiny taxonomy on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.cli import app
from tests.report.builders import write_taxonomy

runner = CliRunner()


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    return write_taxonomy(tmp_path / "tax")


def test_validate_lists_each_file_with_its_counts(tiny: Path) -> None:
    result = runner.invoke(app, ["taxonomy", "validate", str(tiny), "--no-shipped"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines == [
        f"ok  {tiny / 'roles' / 'tiny-ml.yaml'}: 0 skills, 1 roles",
        f"ok  {tiny / 'skills' / 'ml.yaml'}: 4 skills, 0 roles",
        f"ok  {tiny / 'skills' / 'programming.yaml'}: 3 skills, 0 roles",
        "valid: 7 skills, 1 roles in all",
    ]


def test_validate_reports_the_problem_on_one_line_and_exits_1(tiny: Path) -> None:
    (tiny / "roles" / "tiny-ml.yaml").write_text("id: broken\nlabel: Broken\nareas:\n  - name: A\n    skills: [pytorhc]\n", encoding="utf-8")
    result = runner.invoke(app, ["taxonomy", "validate", str(tiny), "--no-shipped"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {tiny / 'roles' / 'tiny-ml.yaml'}: entry 'broken / A': unknown skill 'pytorhc' (fix: did you mean 'pytorch' or 'python'?)\n"
    )


def test_validate_missing_path_is_an_input_failure(tmp_path: Path) -> None:
    result = runner.invoke(app, ["taxonomy", "validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nope.yaml'}: no such file or folder (fix: check the path)\n"


def test_show_role_as_json_has_the_requirements_in_role_order(tiny: Path) -> None:
    result = runner.invoke(app, ["taxonomy", "show", "--role", "tiny-ml", "--format", "json", "-t", str(tiny), "--no-shipped"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["id"], r["area"], r["importance"], r["weight"], r["years"]) for r in rows] == [
        ("python", "Programming", "required", 1.0, None),
        ("kotlin", "Programming", "preferred", 0.5, None),
        ("pytorch", "Modelling", "required", 2.0, None),
        ("deep-learning", "Modelling", "required", 2.0, 2.0),
    ]
    assert rows[2]["implies"] == "deep-learning, python"


def test_show_category_as_csv(tiny: Path) -> None:
    result = runner.invoke(app, ["taxonomy", "show", "--category", "machine learning", "-f", "csv", "-t", str(tiny), "--no-shipped"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "id,label,category,kind,aliases,implies,related",
        "machine-learning,Machine Learning,Machine Learning,hard,ML,,",
        "deep-learning,Deep Learning,Machine Learning,hard,,machine-learning,",
        "pytorch,PyTorch,Machine Learning,hard,,\"deep-learning, python\",",
        "tensorflow,TensorFlow,Machine Learning,hard,,deep-learning,",
    ]


def test_show_table_names_every_skill_and_the_roles(tiny: Path) -> None:
    result = runner.invoke(app, ["taxonomy", "show", "-t", str(tiny), "--no-shipped"])
    assert result.exit_code == 0, result.output
    for label in ("Python", "Java", "Kotlin", "Machine Learning", "Deep Learning", "PyTorch", "TensorFlow"):
        assert label in result.stdout
    assert result.stdout.splitlines()[0].strip() == "7 skills"
    assert result.stdout.splitlines()[-1] == "roles: tiny-ml"


def test_unknown_role_and_category_are_usage_errors_with_a_suggestion(tiny: Path) -> None:
    result = runner.invoke(app, ["taxonomy", "show", "--role", "tiny", "-t", str(tiny), "--no-shipped"])
    assert result.exit_code == 2
    assert result.stderr == "error: no role 'tiny' in this taxonomy (roles: tiny-ml) (fix: did you mean 'tiny-ml'?)\n"
    result = runner.invoke(app, ["taxonomy", "show", "--category", "cooking", "-t", str(tiny), "--no-shipped"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no category 'cooking' (categories: Machine Learning, Programming)")


def test_no_shipped_without_a_taxonomy_is_a_usage_error() -> None:
    result = runner.invoke(app, ["taxonomy", "show", "--no-shipped"])
    assert result.exit_code == 2
    assert "--no-shipped needs at least one --taxonomy file" in result.stderr


def test_debug_shows_the_traceback_instead(tiny: Path) -> None:
    result = runner.invoke(app, ["--debug", "taxonomy", "show", "--role", "tiny", "-t", str(tiny), "--no-shipped"])
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "TaxonomyError"
