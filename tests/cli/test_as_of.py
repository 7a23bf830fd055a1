"""``as_of``, the date current positions run to, through rank / match_jobs and ``--as-of`` of the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from skillgap.batch import match_jobs, rank
from skillgap.cli import app

# "Jan 2019 - Present" and "2016 - 2018" (24 months by the June convention)
RESUME = """Experience
Data Engineer\tJan 2019 - Present
Built pipelines in Python and SQL.
Analyst\t2016 - 2018
Reports in SQL and Excel.
"""
JOB = """Data Engineer
Requirements
- 5+ years of experience with Python.
- Bachelor's degree in Computer Science.
"""
runner = CliRunner()


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    cv, job = tmp_path / "cv.txt", tmp_path / "job.txt"
    cv.write_text(RESUME, encoding="utf-8")
    job.write_text(JOB, encoding="utf-8")
    return cv, job


@pytest.mark.parametrize(("as_of", "months", "short"), [(date(2020, 1, 1), 36, "Python: 1 of 5 years"), (date(2021, 1, 1), 48, "Python: 2 of 5 years")])
def test_rank_and_match_jobs_run_current_positions_to_as_of(files, as_of, months, short):
    cv, job = files
    ranked = rank([str(cv)], str(job), as_of=as_of)
    assert (ranked.loc[0, "experience_months"], ranked.loc[0, "short_of_years"]) == (months, short)
    jobs = match_jobs(str(cv), [str(job)], as_of=as_of).to_frame()
    assert (jobs.loc[0, "experience_months"], jobs.loc[0, "short_of_years"]) == (months, short)


def test_rank_cli_as_of(files, tmp_path):
    cv, job = files
    out = tmp_path / "ranking.csv"
    result = runner.invoke(app, ["rank", str(cv), "--job", str(job), "--as-of", "2020-01", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out).loc[0, "experience_months"] == 36


def test_jobs_cli_as_of(files, tmp_path):
    cv, job = files
    out = tmp_path / "jobs.csv"
    result = runner.invoke(app, ["jobs", str(cv), "--postings", str(job), "--as-of", "2021-01", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert pd.read_csv(out).loc[0, "experience_months"] == 48


def test_compare_cli_as_of(files, tmp_path):
    cv, job = files
    out = tmp_path / "gap.csv"
    result = runner.invoke(app, ["compare", str(cv), str(job), "--as-of", "2020-01", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = pd.read_csv(out).set_index("skill_id")
    assert (rows.loc["python", "months"], rows.loc["python", "status"]) == (12, "short")


def test_extract_cli_as_of(files):
    cv, _ = files
    result = runner.invoke(app, ["extract", str(cv), "--as-of", "2021-01", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = pd.read_csv(pd.io.common.StringIO(result.stdout)).set_index("skill_id")
    assert (rows.loc["python", "months"], rows.loc["python", "last_used"]) == (24, "2021-01-01")


@pytest.mark.parametrize("value", ["2021-13", "2021", "June 2021", "21-01"])
def test_as_of_that_is_no_month_is_a_usage_error(files, value):
    cv, job = files
    result = runner.invoke(app, ["rank", str(cv), "--job", str(job), "--as-of", value])
    assert result.exit_code == 2
    assert "write it as YYYY-MM" in result.output
