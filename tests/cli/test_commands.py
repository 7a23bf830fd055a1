"""`skillgap extract | compare | rank` on the shipped examples: the CLI prints and writes exactly
what the library functions return, exit codes say whether inputs failed, errors are one line."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import skillgap
from skillgap.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RESUMES = EXAMPLES / "resumes"
POSTING = EXAMPLES / "jobs" / "ml-engineer-posting.md"
runner = CliRunner()


@pytest.fixture(scope="module")
def posting_ranking() -> pd.DataFrame:
    """The library's ranking of the example résumés against the example posting."""
    return skillgap.rank(RESUMES, POSTING)


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b)
    return a == b


def test_compare_json_is_the_library_report(tmp_path: Path) -> None:
    out = tmp_path / "ana.json"
    result = runner.invoke(app, ["compare", str(RESUMES / "ana-rivera.md"), "--role", "ml-engineer", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = skillgap.compare(RESUMES / "ana-rivera.md", "ml-engineer")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["job"] == "Machine Learning Engineer"
    assert doc["score"] == pytest.approx(report.score)
    assert doc["coverage"] == pytest.approx(dict(report.coverage))
    expected = json.loads(report.to_frame().to_json(orient="records"))
    assert doc["requirements"] == expected
    assert result.stdout.splitlines()[0] == (
        f"{RESUMES / 'ana-rivera.md'} vs Machine Learning Engineer · score {report.score:.1f}/100 · "
        f"required {report.required_coverage:.0%} · preferred {report.preferred_coverage:.0%}"
    )
    for r in report.results:
        assert r.label in result.stdout
    assert result.stderr == f"wrote {out}\n"


def test_compare_to_a_posting_writes_the_html_report(tmp_path: Path) -> None:
    out = tmp_path / "ben.html"
    result = runner.invoke(app, ["compare", str(RESUMES / "ben-okafor.txt"), str(POSTING), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    report = skillgap.compare(RESUMES / "ben-okafor.txt", POSTING)
    assert out.read_text(encoding="utf-8") == skillgap.report.gap_report_html(report)


@pytest.mark.parametrize(
    "args",
    [
        [str(RESUMES / "ana-rivera.md")],
        [str(RESUMES / "ana-rivera.md"), str(POSTING), "--role", "ml-engineer"],
    ],
)
def test_compare_needs_exactly_one_job(args: list[str]) -> None:
    result = runner.invoke(app, ["compare", *args])
    assert result.exit_code == 2
    assert "give a job posting file or --role ROLE (one of them)" in result.stderr


def test_unknown_role_is_a_usage_error_on_one_line() -> None:
    result = runner.invoke(app, ["compare", str(RESUMES / "ana-rivera.md"), "--role", "ml-enginer"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no role 'ml-enginer' in this taxonomy")
    assert "(fix: did you mean 'ml-engineer'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_unreadable_resume_fails_with_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "cv.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not a pdf at all")
    result = runner.invoke(app, ["compare", str(bad), "--role", "ml-engineer"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"error: {bad}")
    assert "Traceback" not in result.stderr


def test_rank_keeps_a_row_for_every_file_and_exits_1_when_one_fails(tmp_path: Path, posting_ranking: pd.DataFrame) -> None:
    folder = tmp_path / "cands"
    shutil.copytree(RESUMES, folder)
    (folder / "zz-empty.docx").write_bytes(b"")
    out = tmp_path / "ranking.csv"
    result = runner.invoke(app, ["rank", str(folder), "--job", str(POSTING), "--out", str(out)])
    assert result.exit_code == 1, result.output
    written = pd.read_csv(out)
    assert list(written.columns) == list(posting_ranking.columns)
    assert written["candidate"].tolist() == [str(folder / Path(c).name) for c in posting_ranking["candidate"]] + [str(folder / "zz-empty.docx")]
    assert all(_same(a, b) for a, b in zip(written["score"], [*posting_ranking["score"], math.nan]))
    assert written["error"].iloc[:4].isna().all()
    assert written["error"].iloc[-1].startswith(str(folder / "zz-empty.docx"))
    assert result.stderr == f"error: {written['error'].iloc[-1]}\nwrote {out}\n"
    for name in ("ana-rivera.md", "ben-okafor.txt", "chen-wei.docx", "dana-kowalski.pdf", "zz-empty.docx"):
        assert name in result.stdout


def test_rank_orders_the_examples_by_fit() -> None:
    result = runner.invoke(app, ["rank", str(RESUMES), "--role", "ml-engineer", "--top", "0"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("│ ") and line[2].isdigit()]
    # Chen's past titles (Senior Software Engineer) share "Engineer" with the role; Ben's (Data Scientist, Analyst) share nothing
    assert [line.split("│")[2].strip() for line in lines] == ["ana-rivera.md", "chen-wei.docx", "ben-okafor.txt", "dana-kowalski.pdf"]


def test_custom_taxonomy_role_on_top_of_the_shipped_one(tmp_path: Path) -> None:
    out = tmp_path / "store.json"
    result = runner.invoke(app, ["rank", str(RESUMES), "-t", str(EXAMPLES / "taxonomy"), "--role", "store-team-lead", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["job"] == "Store Team Lead"
    assert Path(doc["ranking"][0]["candidate"]).name == "dana-kowalski.pdf"
    dana = [r for r in doc["requirements"] if Path(r["candidate"]).name == "dana-kowalski.pdf"]
    assert {r["skill_id"]: r["status"] for r in dana if r["importance"] == "required"} == {
        "customer-service": "matched", "cash-handling": "matched", "stock-management": "matched", "communication": "matched",
        "collaboration": "matched", "staff-training": "matched", "time-management": "matched", "excel": "matched",
    }  # fmt: skip


def test_extract_json_lists_each_file_and_an_error_row(tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    result = runner.invoke(app, ["extract", str(RESUMES / "chen-wei.docx"), str(missing), "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    profile = skillgap.SkillExtractor().extract(RESUMES / "chen-wei.docx")
    mine = [r for r in rows if r["source"] == str(RESUMES / "chen-wei.docx")]
    assert [r["skill_id"] for r in mine] == profile.to_frame()["skill_id"].tolist()
    assert {"java", "go", "c-plus-plus", "docker", "kubernetes", "aws", "git"} <= {r["skill_id"] for r in mine}
    errors = [r for r in rows if r["error"]]
    assert [r["source"] for r in errors] == [str(missing)]
    assert result.stderr.startswith(f"error: {missing}") and len(result.stderr.splitlines()) == 1


def test_extract_table_shows_skills_with_evidence() -> None:
    result = runner.invoke(app, ["extract", str(RESUMES / "dana-kowalski.pdf")])
    assert result.exit_code == 0, result.output
    assert str(RESUMES / "dana-kowalski.pdf") in result.stdout
    for label in ("Excel", "Communication", "Time Management"):
        assert label in result.stdout


def test_python_dash_m_runs_the_same_command(tmp_path: Path, posting_ranking: pd.DataFrame) -> None:
    out = tmp_path / "ranking.json"
    proc = subprocess.run(
        [sys.executable, "-m", "skillgap", "rank", str(RESUMES), "--job", str(POSTING), "--out", str(out), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [r["candidate"] for r in doc["ranking"]] == posting_ranking["candidate"].tolist()
    assert [r["score"] for r in doc["ranking"]] == pytest.approx(posting_ranking["score"].tolist())
    assert "ana-rivera.md" in proc.stdout


def test_python_dash_m_usage_error_exits_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "skillgap", "rank", str(RESUMES)], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert proc.returncode == 2
    assert "give a job posting file or --role ROLE (one of them)" in proc.stderr


def test_document_text_is_printed_as_is_never_as_markup(tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text("Jo Bloggs\n\nSkills\nPython [red]expert[/red], SQL [bold]\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(resume), "--role", "ml-engineer"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Python [red]expert[/red], SQL [bold]" in result.stdout


@pytest.mark.parametrize(
    ("out", "message"),
    [("ranking.txt", "ranking.txt: name the file with one of .html, .csv, .json, .xlsx"), ("nope/ranking.csv", "does not exist")],
)
def test_a_bad_out_path_is_a_usage_error_before_any_work(tmp_path: Path, out: str, message: str) -> None:
    result = runner.invoke(app, ["rank", str(tmp_path / "no-such-folder"), "--role", "ml-engineer", "--out", str(tmp_path / out)])
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_role_given_as_a_job_file_gets_a_hint() -> None:
    result = runner.invoke(app, ["compare", str(RESUMES / "ana-rivera.md"), "ml-engineer"])
    assert result.exit_code == 2
    assert "no such file: ml-engineer (for a role profile use --role ml-engineer)" in result.stderr


def test_debug_anywhere_on_the_line_shows_the_traceback() -> None:
    from skillgap.cli import main
    from skillgap.errors import TaxonomyError

    with pytest.raises(TaxonomyError, match="no role 'nope'"):
        main(["rank", str(RESUMES), "--role", "nope", "--debug"])


def test_progress_bar_goes_to_a_terminal_stderr_only_and_quiet_hides_it(tmp_path: Path) -> None:
    args = ["rank", str(RESUMES), "--role", "ml-engineer", "--out", str(tmp_path / "r.csv")]
    shown = runner.invoke(app, args, env={"FORCE_COLOR": "1"})  # rich treats stderr as a terminal
    assert shown.exit_code == 0 and "ranking" in shown.stderr and "4/4" in shown.stderr
    assert "4/4" not in shown.stdout and "ranking" not in shown.stdout
    quiet = runner.invoke(app, [*args, "--quiet"], env={"FORCE_COLOR": "1"})
    assert quiet.exit_code == 0 and quiet.stderr == ""
    plain = runner.invoke(app, args)  # not a terminal: no bar, only the note
    assert plain.stderr == f"wrote {tmp_path / 'r.csv'}\n"
