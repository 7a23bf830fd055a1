"""`skillgap jobs CV --postings DIR`: jobs for one candidate, the same table as `skillgap.match_jobs`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import skillgap
from skillgap.cli import app

ROOT = Path(__file__).resolve().parents[2]
CV = ROOT / "examples" / "resumes" / "ana-rivera.md"
runner = CliRunner()


@pytest.fixture()
def postings(tmp_path: Path) -> Path:
    folder = tmp_path / "postings"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "jobs" / "ml-engineer-posting.md", folder / "ml.md")
    (folder / "chef.txt").write_text("Head Chef\nCooking for 200 guests a night in a busy kitchen.\n", encoding="utf-8")
    return folder


def test_jobs_csv_is_the_library_ranking_and_warns_about_unknown_postings(tmp_path: Path, postings: Path) -> None:
    out = tmp_path / "jobs.csv"
    result = runner.invoke(app, ["jobs", str(CV), "--postings", str(postings), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out)
    expected = skillgap.match_jobs(CV, postings).to_frame()
    assert written["job"].tolist() == expected["job"].tolist() == [str(postings / "ml.md"), str(postings / "chef.txt")]
    assert written["match"].tolist() == pytest.approx(expected["match"].tolist())
    assert "chef.txt: nothing in this posting is a skill the taxonomy knows" in " ".join(result.stderr.split())


def test_jobs_with_an_unreadable_posting_exits_1(tmp_path: Path, postings: Path) -> None:
    (postings / "broken.pdf").write_bytes(b"%PDF-1.7 not a pdf")
    result = runner.invoke(app, ["jobs", str(CV), "--postings", str(postings)])
    assert result.exit_code == 1
    assert "broken.pdf" in result.stderr and "error:" in result.stderr


def test_compare_to_a_posting_with_no_known_skill_explains_instead_of_failing(postings: Path) -> None:
    result = runner.invoke(app, ["compare", str(CV), str(postings / "chef.txt")])
    assert result.exit_code == 0, result.output
    assert "score 0.0/100" in result.stdout
    assert " ".join(result.stderr.split()).startswith(f"warning: {postings / 'chef.txt'}: nothing in this posting is a skill the taxonomy knows")
