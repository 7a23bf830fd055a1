"""Every script in examples/ runs (as ``__main__``, the way a user runs it) and does what it says."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from skillgap import read_document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run_example(name: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [str(EXAMPLES / name), *args])
    runpy.run_path(str(EXAMPLES / name), run_name="__main__")


def test_every_example_script_is_covered_here() -> None:
    tested = {"compare_one.py", "rank_folder.py", "custom_taxonomy.py", "pandas_analysis.py", "make_formats.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_compare_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run_example("compare_one.py", str(tmp_path), monkeypatch=monkeypatch)
    out = capsys.readouterr().out
    assert out.startswith("Machine Learning Engineer: score ")
    assert f"{EXAMPLES / 'jobs' / 'ml-engineer-posting.md'}: score " in out
    page = (tmp_path / "ben-okafor-vs-posting.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>ben-okafor.txt vs ml-engineer-posting.md</title>" in page
    assert out.rstrip().endswith(f"wrote {tmp_path / 'ben-okafor-vs-posting.html'}")


def test_rank_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run_example("rank_folder.py", str(tmp_path), monkeypatch=monkeypatch)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["rank", "candidate", "score", "required_coverage", "matched", "error"]
    assert [line.split()[1] for line in lines[1:5]] == ["ana-rivera.md", "ben-okafor.txt", "chen-wei.docx", "dana-kowalski.pdf"]
    assert lines[5:] == [f"wrote {tmp_path / 'ranking.html'}", f"wrote {tmp_path / 'ranking.xlsx'}"]
    book = load_workbook(tmp_path / "ranking.xlsx")
    assert book.sheetnames == ["summary", "ranking", "requirements"]
    assert book["ranking"].max_row == 5
    assert 'class="heat"' in (tmp_path / "ranking.html").read_text(encoding="utf-8")


def test_custom_taxonomy(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run_example("custom_taxonomy.py", monkeypatch=monkeypatch)
    out = capsys.readouterr().out
    assert out.startswith("Store Team Lead: 10 requirements in Shop floor, People, Organisation\nStore Team Lead: score ")
    assert "  missing required: none\n" in out
    for label in ("Cash Handling", "Stock Management", "Staff Training", "Visual Merchandising"):
        assert label in out


def test_pandas_analysis(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run_example("pandas_analysis.py", monkeypatch=monkeypatch)
    out = capsys.readouterr().out
    by_status = out.split("Requirements by status\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert by_status[0].split() == ["status", "matched", "implied", "transferable", "missing"]
    assert [line.split()[0] for line in by_status[2:]] == ["ana-rivera.md", "ben-okafor.txt", "chen-wei.docx", "dana-kowalski.pdf"]
    assert "Share of candidates missing each required skill (top 8)" in out and "Coverage per category" in out


def test_make_formats_rebuilds_the_shipped_docx_and_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_example("make_formats.py", str(tmp_path), monkeypatch=monkeypatch)
    assert (tmp_path / "dana-kowalski.pdf").read_bytes() == (EXAMPLES / "resumes" / "dana-kowalski.pdf").read_bytes()
    rebuilt, shipped = read_document(tmp_path / "chen-wei.docx"), read_document(EXAMPLES / "resumes" / "chen-wei.docx")
    assert rebuilt.text == shipped.text
    assert [s.name for s in rebuilt.sections] == ["summary", "experience", "skills", "education"]
    pdf = read_document(EXAMPLES / "resumes" / "dana-kowalski.pdf")
    assert pdf.format == "pdf" and "Customer service, communication, teamwork, Excel" in pdf.text
